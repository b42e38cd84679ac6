// Runs one rule's fixtures through the whole pipeline. Fixtures are patches in fixtures/rules/<id>/:
//   bad-*.patch   must produce at least one finding of the rule that the patch introduces;
//   good-*.patch  must produce none;
//   fixes-*.patch must produce a `fixes` finding (the patch removes a violation) and no introduced one.
// Inside a fixture, a comment `ruleid: <id>` on a line marks the NEXT code line as one that must be flagged,
// and `ok: <id>` marks the next code line as one that must not be (semgrep-rules convention).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { review } from '../../src/review.js';
import { defaultConfig } from '../../src/config/index.js';
import type { Finding } from '../../src/types.js';

export interface FixtureOutcome {
  file: string;
  kind: 'bad' | 'good' | 'fixes';
  findings: Finding[];
  expected: { line: number; file: string }[];
  forbidden: { line: number; file: string }[];
  errors: string[];
}

export function fixtureDir(id: string): string {
  return join('fixtures', 'rules', id);
}

export function fixtureFiles(id: string): string[] {
  const dir = fixtureDir(id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^(bad|good|fixes)-.*\.(patch|diff|eml|mbox)$/.test(f)).sort();
}

/** Annotated lines of a fixture: the new-side line after each `ruleid:`/`ok:` comment. */
async function annotations(name: string, data: Buffer, id: string) {
  const { patches } = await ingest([{ name, data }]);
  const expected: { line: number; file: string }[] = [];
  const forbidden: { line: number; file: string }[] = [];
  for (const p of patches) {
    for (const f of p.files) {
      for (const h of f.hunks) {
        const lines = h.lines.filter((l) => l.kind !== 'del');
        lines.forEach((l, i) => {
          const m = new RegExp(`\\b(ruleid|ok):\\s*${id}\\b`).exec(l.text);
          if (!m) return;
          const next = lines.slice(i + 1).find((x) => !/^\s*(\/\*|\/\/|\*)/.test(x.text) && x.text.trim() !== '');
          if (next?.newLine === undefined) return;
          (m[1] === 'ruleid' ? expected : forbidden).push({ line: next.newLine, file: f.newPath ?? '' });
        });
      }
    }
  }
  return { expected, forbidden };
}

export async function runFixture(id: string, file: string): Promise<FixtureOutcome> {
  const path = join(fixtureDir(id), file);
  const data = readFileSync(path);
  const result = await review([{ name: path, data }], { config: defaultConfig() });
  const { expected, forbidden } = await annotations(path, data, id);
  return {
    file,
    kind: file.startsWith('bad-') ? 'bad' : file.startsWith('good-') ? 'good' : 'fixes',
    findings: result.findings.filter((f) => f.ruleId === id),
    expected,
    forbidden,
    errors: result.errors.map((e) => e.message),
  };
}
