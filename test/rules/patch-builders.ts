// Builds small format-patch texts in tests, so a test can state the C code and the patch metadata it needs
// (date, message, a hunk of a modified file) without a fixture file.
import { review } from '../../src/review.js';
import { defaultConfig } from '../../src/config/index.js';
import type { Config, Finding } from '../../src/types.js';

export interface PatchMeta {
  subject?: string;
  date?: string;
  message?: string;
}

function header(meta: PatchMeta): string {
  return [
    'From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001',
    'From: Test Author <test@example.org>',
    `Date: ${meta.date ?? 'Wed, 15 Oct 2025 09:00:00 +0000'}`,
    `Subject: [PATCH] ${meta.subject ?? 'test: a change'}`,
    '',
    meta.message ?? 'A change.',
    '',
    'Signed-off-by: Test Author <test@example.org>',
    '---',
  ].join('\n');
}

/** A patch that adds `path` with `body` as its whole content. */
export function newFilePatch(path: string, body: string, meta: PatchMeta = {}): string {
  const lines = body.replace(/\n$/, '').split('\n');
  return `${header(meta)}
diff --git a/${path} b/${path}
new file mode 100644
index 0000000..1111111
--- /dev/null
+++ b/${path}
@@ -0,0 +1,${lines.length} @@
${lines.map((l) => `+${l}`).join('\n')}
--
2.43.0
`;
}

/**
 * A patch with one hunk of a modified file; `lines` carry their ' ', '+' or '-' prefix and the hunk starts at
 * `start` on both sides.
 */
export function hunkPatch(path: string, section: string, start: number, lines: string[], meta: PatchMeta = {}): string {
  const oldN = lines.filter((l) => l[0] !== '+').length;
  const newN = lines.filter((l) => l[0] !== '-').length;
  return `${header(meta)}
diff --git a/${path} b/${path}
index 1111111..2222222 100644
--- a/${path}
+++ b/${path}
@@ -${start},${oldN} +${start},${newN} @@ ${section}
${lines.join('\n')}
--
2.43.0
`;
}

/** Findings of one rule for a patch text, with an optional configuration change (e.g. a target kernel). */
export async function findingsOf(id: string, patch: string, change: Partial<Config> = {}): Promise<Finding[]> {
  const config = { ...defaultConfig(), ...change };
  const result = await review([{ name: `${id}.patch`, data: Buffer.from(patch) }], { config });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.findings.filter((f) => f.ruleId === id);
}
