// Writes `git format-patch`-shaped mails and mbox series: new-file diffs, modification diffs (via the `diff`
// package) and the mail envelope around them, so generated inputs look exactly like what developers send.
import { createHash } from 'node:crypto';
import { structuredPatch } from 'diff';

/** One file change of a patch, already rendered as `git diff` text. */
export interface FileChange {
  path: string;
  diff: string;
  added: number;
  removed: number;
  /** The whole file after the change (what a pull request's head commit holds). */
  after: string;
}

/** A mail of a series: envelope fields and the file changes it carries. */
export interface PatchMail {
  subject: string;
  author: string;
  /** RFC 2822 date. */
  date: string;
  /** Commit message (without the subject line). */
  message: string;
  changes: FileChange[];
}

/** Git's blob id of `content` (what the `index` line of a diff abbreviates). */
export function gitBlobId(content: string | Buffer): string {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const finalNewline = text.endsWith('\n');
  const lines = text.split('\n');
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

function range(start: number, count: number): string {
  // git omits the count when it is 1: `@@ -0,0 +1 @@`.
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** `git diff` text adding `path` with `content`; throws for empty content (git prints no hunk for it). */
export function newFileDiff(path: string, content: string): FileChange {
  if (content.length === 0) throw new Error(`${path}: empty file, git would print no hunk`);
  const { lines, finalNewline } = splitLines(content);
  const out = [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    `index 0000000000..${gitBlobId(content).slice(0, 10)}`,
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +${range(1, lines.length)} @@`,
  ];
  for (const l of lines) out.push(`+${l}`);
  if (!finalNewline) out.push('\\ No newline at end of file');
  return { path, diff: `${out.join('\n')}\n`, added: lines.length, removed: 0, after: content };
}

/**
 * The function context git prints after a hunk header: with no diff driver configured, the nearest line
 * above the hunk that starts with a letter, `_` or `$` (git's default funcname rule), cut to 80 columns.
 */
function sectionHeading(lines: string[], firstLine: number): string {
  for (let i = Math.min(firstLine, lines.length) - 1; i >= 0; i--) {
    if (/^[A-Za-z_$]/.test(lines[i])) return lines[i].slice(0, 80).trimEnd();
  }
  return '';
}

/** `git diff` text changing `path` from `before` to `after` with `context` lines of context. */
export function modifyDiff(path: string, before: string, after: string, context = 3): FileChange {
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context });
  if (patch.hunks.length === 0) throw new Error(`${path}: before and after are identical`);
  const out = [`diff --git a/${path} b/${path}`, `index ${gitBlobId(before).slice(0, 10)}..${gitBlobId(after).slice(0, 10)} 100644`, `--- a/${path}`, `+++ b/${path}`];
  const beforeLines = before.split('\n');
  let added = 0;
  let removed = 0;
  for (const h of patch.hunks) {
    const section = sectionHeading(beforeLines, h.oldStart - 1);
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@${section ? ` ${section}` : ''}`);
    for (const l of h.lines) {
      if (l.startsWith('+')) added++;
      else if (l.startsWith('-')) removed++;
      out.push(l);
    }
  }
  return { path, diff: `${out.join('\n')}\n`, added, removed, after };
}

function diffstat(changes: FileChange[]): string {
  const width = Math.max(...changes.map((c) => c.path.length));
  const rows = changes.map((c) => {
    const n = c.added + c.removed;
    const bar = '+'.repeat(Math.min(c.added, 40)) + '-'.repeat(Math.min(c.removed, 40));
    return ` ${c.path.padEnd(width)} | ${String(n).padStart(5)} ${bar}`;
  });
  const added = changes.reduce((s, c) => s + c.added, 0);
  const removed = changes.reduce((s, c) => s + c.removed, 0);
  const files = `${changes.length} file${changes.length === 1 ? '' : 's'} changed`;
  const parts = [files, `${added} insertion${added === 1 ? '' : 's'}(+)`];
  if (removed > 0) parts.push(`${removed} deletion${removed === 1 ? '' : 's'}(-)`);
  return `${rows.join('\n')}\n ${parts.join(', ')}\n`;
}

/**
 * One `git format-patch` mail, starting with the mbox `From <sha> ...` separator line. The commit id is
 * a hash of the content, so the same patch always gets the same id.
 */
export function formatPatchMail(mail: PatchMail): string {
  const diffs = mail.changes.map((c) => c.diff).join('');
  const id = createHash('sha1').update(mail.subject).update('\0').update(diffs).digest('hex');
  const head = [
    `From ${id} Mon Sep 17 00:00:00 2001`,
    `From: ${mail.author}`,
    `Date: ${mail.date}`,
    `Subject: ${mail.subject}`,
    '',
    mail.message.trimEnd(),
    '',
    '---',
  ].join('\n');
  const stat = mail.changes.length > 0 ? `${diffstat(mail.changes)}\n` : '';
  return `${head}\n${stat}${diffs}-- \n2.43.0\n\n`;
}

/** `[PATCH i/n]` with i zero-padded to the width of n, as git format-patch numbers a series. */
export function seriesPrefix(index: number, total: number, version?: number): string {
  const width = String(total).length;
  const v = version && version > 1 ? ` v${version}` : '';
  return `[PATCH${v} ${String(index).padStart(width, '0')}/${total}]`;
}
