// Metadata of non-mail text: web-archive pages (openwall, patchwork, lkml), reply attributions,
// and `git show` / `git log -p` output split into commits.

import { normaliseAddress, normaliseMessageId } from './headers.js';
import { parseQuote } from './quote.js';
import { ATTRIBUTION } from './diff-scan.js';

/** What is known about the message a patch came from. */
export interface MessageMeta {
  subject?: string;
  author?: string;
  date?: string;
  messageId?: string;
  /** Commit message when the source states it separately (git log output); otherwise derived. */
  body?: string;
}

const PATCH_TITLE = /\[[^\]]*(?:PATCH|RFC|\d+\/\d+)[^\]]*\]/i;
/** Patchwork's "Name Oct. 2, 2015, 9:21 p.m. UTC" submitter line. */
const PATCHWORK_SUBMITTER =
  /^(.+?)\s+((?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4},\s+.*UTC)\s*$/;

/**
 * Reads the header lines an archive page shows above the message: `Subject:` (folded lines
 * joined), `From:`, `Date:`, `Message-ID:` as openwall and lkml.iu.edu print them; patchwork's
 * title line (after "diff mbox"), "Message ID" line and submitter line. Without a `Subject:`
 * line, the first line that looks like a patch title (`[PATCH ...]`, `Re: [...]`) is used.
 */
export function readPageMeta(lines: readonly string[]): MessageMeta {
  const meta: MessageMeta = {};
  const limit = Math.min(lines.length, 80);
  let title: string | undefined;
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.startsWith('>') || line.startsWith('diff --git ')) break;
    let m: RegExpExecArray | null;
    if (meta.subject === undefined && (m = /^Subject:\s*(.*)$/.exec(line))) {
      let subject = m[1];
      while (i + 1 < limit && /^[ \t]+\S/.test(lines[i + 1])) subject += lines[++i];
      meta.subject = subject.replace(/\s+/g, ' ').trim();
    } else if (meta.author === undefined && (m = /^From:\s*(.+)$/.exec(line))) {
      meta.author = normaliseAddress(m[1]);
    } else if (meta.date === undefined && (m = /^Date:\s*(.+)$/.exec(line))) {
      meta.date = m[1].replace(/\s+/g, ' ').trim();
    } else if (meta.messageId === undefined && (m = /^Message[- ]I[dD]:?\s+(\S+)/.exec(line))) {
      meta.messageId = normaliseMessageId(m[1]);
    } else if (line.trim() === 'diff mbox' && title === undefined) {
      const next = lines.slice(i + 1, limit).find((l) => l.trim() !== '');
      if (next) title = next.trim();
    } else if (line.trim() === 'Commit Message' && meta.author === undefined) {
      const next = lines.slice(i + 1, limit).find((l) => l.trim() !== '');
      const s = next ? PATCHWORK_SUBMITTER.exec(next.trim()) : null;
      if (s) {
        meta.author = s[1];
        meta.date ??= s[2];
      }
    } else if (title === undefined && i < 10 && PATCH_TITLE.test(line)) {
      title = line.trim();
    }
  }
  meta.subject ??= title;
  return meta;
}

/** Author and date of a quoted message, from the attribution line above the quote. */
export interface Attribution {
  author?: string;
  date?: string;
  /** Index of the attribution line. */
  index: number;
}

/**
 * Finds the attribution ("On <date>, <name> wrote:") of a quote at `depth` that starts at line
 * `start`, walking back over the quoted text and blank lines. Attributions wrapped over two lines
 * are joined.
 */
export function findAttribution(lines: readonly string[], start: number, depth: number): Attribution | undefined {
  let k = start - 1;
  while (k >= 0 && (parseQuote(lines[k]).depth >= depth || lines[k].trim() === '')) k--;
  if (k < 0) return undefined;
  const strip = (l: string): string => l.slice(parseQuote(l).end).trim();
  let text = strip(lines[k]);
  if (!ATTRIBUTION.test(text)) return undefined;
  if (!/^On\s/.test(text) && k > 0 && /^On\s/.test(strip(lines[k - 1]))) text = `${strip(lines[k - 1])} ${text}`;
  const on = /^On\s+(.+),\s*([^,]+?)\s+wrote:\s*$/.exec(text);
  if (on) return { author: normaliseAddress(on[2]), date: on[1].trim(), index: k };
  const plain = /^(.+?)\s+wrote:\s*$/.exec(text);
  return { author: plain ? normaliseAddress(plain[1].replace(/^Quoting\s+/i, '')) : undefined, index: k };
}

/** One commit of `git show` / `git log -p` output. */
export interface GitLogCommit {
  /** Line range [start, end) of the commit in the input. */
  start: number;
  end: number;
  meta: MessageMeta;
}

const COMMIT_LINE = /^commit ([0-9a-f]{7,64})(?:\s|$)/;

/**
 * Splits `git show` / `git log -p` output into commits, or returns undefined when the text does
 * not start with a `commit <sha>` line followed by `Author:`/`Merge:`. The four-space indented
 * message becomes the body; its first line is the subject.
 */
export function splitGitLog(lines: readonly string[]): GitLogCommit[] | undefined {
  const isCommitStart = (i: number): boolean =>
    COMMIT_LINE.test(lines[i]) && /^(?:Author|Merge):\s/.test(lines[i + 1] ?? '');
  if (lines.length === 0 || !isCommitStart(0)) return undefined;
  const commits: GitLogCommit[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCommitStart(i)) continue;
    if (commits.length > 0) commits[commits.length - 1].end = i;
    const meta: MessageMeta = {};
    let k = i + 1;
    for (; k < lines.length && lines[k] !== ''; k++) {
      const m = /^(Author|AuthorDate|Date):\s*(.*)$/.exec(lines[k]);
      if (m?.[1] === 'Author') meta.author = m[2].trim();
      else if (m && meta.date === undefined) meta.date = m[2].trim();
    }
    const message: string[] = [];
    for (k++; k < lines.length && (lines[k].startsWith('    ') || lines[k] === ''); k++) message.push(lines[k].slice(4));
    while (message.length > 0 && message[message.length - 1] === '') message.pop();
    meta.subject = message[0]?.trim();
    meta.body = message.join('\n');
    commits.push({ start: i, end: lines.length, meta });
  }
  return commits;
}
