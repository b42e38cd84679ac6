// Finds unified diffs anywhere in a text (plain, mailed, or quoted in a reply) and parses them into
// FileDiffs whose lines carry old/new line numbers and their line in the input.

import type { FileDiff, Hunk } from '../types.js';
import { readFileHeader } from './file-header.js';
import { parseQuote, styleOf, unquote, type QuoteStyle } from './quote.js';

/** A problem found while scanning; errors are for damaged unquoted diffs, notes for the rest. */
export interface ScanIssue {
  severity: 'error' | 'note';
  message: string;
}

/** Consecutive file diffs at one quote depth: one patch, or one quoted fragment of a patch. */
export interface DiffGroup {
  /** Quote style of the block; depth 0 for an unquoted diff. */
  style: QuoteStyle;
  /** Index (into the scanned lines) of the group's first header line. */
  start: number;
  /** Index just past the group's last diff line. */
  end: number;
  files: FileDiff[];
}

/** Everything found in one text. */
export interface ScanResult {
  groups: DiffGroup[];
  issues: ScanIssue[];
  /** Combined (merge) diffs seen and skipped. */
  combinedDiffs: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;
const EXTENDED_HEADER =
  /^(?:old mode |new mode |deleted file mode |new file mode |copy from |copy to |rename from |rename to |similarity index |dissimilarity index |index [0-9a-fA-F]+\.\.[0-9a-fA-F]+|Binary files )/;
/** A reply's attribution line ("On Mon, 1 Jan 2024, A. Author wrote:") marks where another message is quoted. */
export const ATTRIBUTION = /\bwrote:\s*$/;
/**
 * After a complete unquoted hunk, a further line that looks like hunk content means the header
 * undercounts. The mail signature separator `-- ` and `---` lines are not content.
 */
const STRAY_BODY_LINE = /^(?:\+(?!\+\+ )|-(?!-- |- ?$|--$)| )/;

/**
 * Scans `lines` for diffs. `firstLine` is the 1-based input line number of `lines[0]`; every
 * DiffLine's `patchLine` is counted from it.
 *
 * Unquoted hunks must match their header counts exactly, like `patch` requires; a damaged hunk is
 * reported as an error and skipped while the rest of the file and patch are kept. Quoted hunks
 * (inside replies and archive pages) are read leniently: reviewers trim quotes, so a short hunk is
 * kept with a note, and reply prose between quoted hunk lines is skipped when the quoted lines
 * after it complete the hunk exactly (the counts add up, so nothing was cut and numbers stay right);
 * otherwise only the part before the prose is kept.
 */
export function scanDiffs(lines: readonly string[], firstLine: number): ScanResult {
  const n = lines.length;
  const groups: DiffGroup[] = [];
  const groupPaths: Set<string>[] = [];
  const issues: ScanIssue[] = [];
  let combinedDiffs = 0;
  const lineNo = (index: number): number => firstLine + index;

  const issue = (quoted: boolean, message: string, forceNote = false): void => {
    issues.push({ severity: quoted || forceNote ? 'note' : 'error', message });
  };

  /** Is `t` (already unquoted) a line that can continue a hunk? */
  const isBodyLine = (t: string): boolean => /^[ +\-\\]/.test(t) && !/^(?:--- |\+\+\+ )/.test(t);

  /** Skips reply text inside a quoted hunk; returns where the hunk resumes, or -1 if it does not. */
  const findResume = (from: number, style: QuoteStyle): number => {
    for (let s = from; s < n; s++) {
      const t = unquote(lines[s], style);
      if (t === undefined) continue;
      if (s === from) return -1; // the offending line is at our own depth: not an interruption
      if (t === '') {
        const next = s + 1 < n ? unquote(lines[s + 1], style) : undefined;
        return next !== undefined && next !== '' && isBodyLine(next) ? s : -1;
      }
      return isBodyLine(t) ? s : -1;
    }
    return -1;
  };

  const describeStop = (j: number): string =>
    j >= n ? 'the end of the input' : `line ${lineNo(j)} (${JSON.stringify(truncate(lines[j]))})`;

  /** Parses one hunk starting at header line `k`; appends it to `file` unless damaged. Returns the next index. */
  const parseHunk = (k: number, m: RegExpExecArray, style: QuoteStyle, file: FileDiff, path: string): number => {
    const quoted = style.depth > 0;
    const headerText = truncate(unquote(lines[k], style) ?? lines[k]);
    const oldCount = m[2] === undefined ? 1 : Number(m[2]);
    const newCount = m[4] === undefined ? 1 : Number(m[4]);
    const hunk: Hunk = {
      oldStart: Number(m[1]),
      oldLines: oldCount,
      newStart: Number(m[3]),
      newLines: newCount,
      section: m[5].trim(),
      lines: [],
    };
    const out = hunk.lines;
    let remOld = oldCount;
    let remNew = newCount;
    let oldNo = hunk.oldStart;
    let newNo = hunk.newStart;
    let firstSegmentEnd = -1;
    const skipped: Array<[number, number]> = [];
    let stop: string | undefined;
    let j = k + 1;
    while (remOld > 0 || remNew > 0) {
      if (j >= n) {
        stop = describeStop(j);
        break;
      }
      const t = unquote(lines[j], style);
      if (t !== undefined) {
        // Mailers and archives strip trailing whitespace, turning a blank context line " " into "".
        const ch = t.length === 0 ? ' ' : t[0];
        const text = t.length === 0 ? '' : t.slice(1);
        const patchLine = lineNo(j);
        if (ch === ' ' && remOld > 0 && remNew > 0) {
          out.push({ kind: 'ctx', text, oldLine: oldNo++, newLine: newNo++, patchLine });
          remOld--;
          remNew--;
          j++;
          continue;
        }
        if (ch === '-' && remOld > 0) {
          out.push({ kind: 'del', text, oldLine: oldNo++, patchLine });
          remOld--;
          j++;
          continue;
        }
        if (ch === '+' && remNew > 0) {
          out.push({ kind: 'add', text, newLine: newNo++, patchLine });
          remNew--;
          j++;
          continue;
        }
        if (ch === '\\' && out.length > 0) {
          out[out.length - 1].noNewlineAtEof = true;
          j++;
          continue;
        }
      }
      if (quoted && out.length > 0) {
        const resume = findResume(j, style);
        if (resume >= 0) {
          if (firstSegmentEnd < 0) firstSegmentEnd = out.length;
          skipped.push([j, resume - 1]);
          j = resume;
          continue;
        }
      }
      stop = describeStop(j);
      break;
    }

    const where = `${path}: hunk ${JSON.stringify(headerText)} at line ${lineNo(k)}`;
    if (stop === undefined) {
      const t = j < n ? unquote(lines[j], style) : undefined;
      if (t !== undefined && t.startsWith('\\') && out.length > 0) {
        out[out.length - 1].noNewlineAtEof = true;
        j++;
      }
      if (!quoted) {
        let s = j;
        while (s < n && STRAY_BODY_LINE.test(lines[s])) s++;
        if (s > j) {
          issue(false, `${where} has more lines than its header counts (${oldCount} old, ${newCount} new): unexpected ${describeStop(j)}; hunk skipped`);
          return s;
        }
      }
      if (skipped.length > 0) {
        const ranges = skipped.map(([a, b]) => (a === b ? `${lineNo(a)}` : `${lineNo(a)}-${lineNo(b)}`)).join(', ');
        issue(true, `${where}: reply text inside the quoted hunk (line ${ranges}) skipped; the quoted lines complete the hunk, so line numbers are exact`);
      }
      file.hunks.push(hunk);
      return j;
    }

    const found = `${oldCount - remOld} old / ${newCount - remNew} new`;
    if (!quoted) {
      issue(false, `${where} is truncated or miscounted: its header counts ${oldCount} old / ${newCount} new lines but ${found} were found before ${stop}; hunk skipped`);
      return j;
    }
    if (firstSegmentEnd >= 0) {
      const dropped = out.length - firstSegmentEnd;
      out.length = firstSegmentEnd;
      issue(true, `${where}: ${dropped} quoted line(s) after reply text at line ${lineNo(skipped[0][0])} dropped: the quote is incomplete, so their line numbers cannot be known`);
    }
    // A blank quoted line before the quoter's own text is a paragraph break, not context.
    while (out.length > 0 && out[out.length - 1].kind === 'ctx' && out[out.length - 1].text === '') out.pop();
    if (out.length === 0) {
      issue(true, `${where}: quoted hunk has no lines; ignored`);
      return j;
    }
    const keptOld = out.filter((l) => l.kind !== 'add').length;
    const keptNew = out.filter((l) => l.kind !== 'del').length;
    issue(true, `${where}: quoted hunk is cut short (${keptOld} old / ${keptNew} new of ${oldCount} old / ${newCount} new lines, quote ends at ${stop}); kept as quoted`);
    file.hunks.push(hunk);
    return j;
  };

  /**
   * Where the next quoted hunk header of the current file stands when only reply text (other
   * quote depths) and blank lines separate it from `k`; `k` itself when there is none.
   */
  const skipToQuotedHunk = (k: number, style: QuoteStyle): number => {
    for (let s = k; s < n; s++) {
      const t = unquote(lines[s], style);
      if (t === undefined || t.trim() === '') continue;
      return HUNK_HEADER.test(t) ? s : k;
    }
    return k;
  };

  /** Skips `GIT binary patch` data: `literal N`/`delta N` lines, base85 lines and blank separators. */
  const skipBinaryData = (k: number, style: QuoteStyle): number => {
    for (; k < n; k++) {
      const t = unquote(lines[k], style);
      if (t === undefined) break;
      if (t === '' || /^(?:literal|delta) \d+$/.test(t) || isBase85Line(t)) continue;
      break;
    }
    return k;
  };

  const addFile = (file: FileDiff, start: number, end: number, style: QuoteStyle): void => {
    const path = file.newPath ?? file.oldPath ?? '';
    const last = groups[groups.length - 1];
    const paths = groupPaths[groupPaths.length - 1];
    const sameBlock =
      last !== undefined &&
      last.style.depth === style.depth &&
      !paths.has(path) &&
      !hasAttributionBetween(lines, last.end, start, style.depth);
    if (sameBlock) {
      last.files.push(file);
      last.end = end;
      paths.add(path);
      return;
    }
    groups.push({ style, start, end, files: [file] });
    groupPaths.push(new Set([path]));
  };

  const parseFile = (start: number, style: QuoteStyle, git: boolean): number => {
    const quoted = style.depth > 0;
    const headerLines: string[] = [];
    let k = start;
    if (git) {
      headerLines.push(unquote(lines[k], style) ?? '');
      k++;
      while (k < n) {
        const t = unquote(lines[k], style);
        if (t === undefined || t.startsWith('@@ ')) break;
        if (t.startsWith('--- ')) {
          const t2 = k + 1 < n ? unquote(lines[k + 1], style) : undefined;
          if (t2 !== undefined && t2.startsWith('+++ ')) {
            headerLines.push(t, t2);
            k += 2;
          }
          break;
        }
        if (t === 'GIT binary patch') {
          headerLines.push(t);
          k = skipBinaryData(k + 1, style);
          continue;
        }
        if (!EXTENDED_HEADER.test(t)) break;
        headerLines.push(t);
        k++;
      }
    } else {
      headerLines.push(unquote(lines[k], style) ?? '', unquote(lines[k + 1], style) ?? '');
      k += 2;
    }
    const info = readFileHeader(headerLines, git);
    const file: FileDiff = { oldPath: info.oldPath, newPath: info.newPath, status: info.status, binary: info.binary, hunks: [] };
    const path = file.newPath ?? file.oldPath ?? '(unnamed file)';
    let sawHunkHeader = false;
    while (k < n) {
      // A reviewer may comment between two quoted hunks of one file; the file goes on.
      if (quoted && sawHunkHeader) k = skipToQuotedHunk(k, style);
      const t = unquote(lines[k] ?? '', style);
      const m = t === undefined ? null : HUNK_HEADER.exec(t);
      if (!m) break;
      sawHunkHeader = true;
      k = parseHunk(k, m, style, file, path);
    }
    if (file.binary) {
      issue(quoted, `${path}: binary file change at line ${lineNo(start)}; its contents are not reviewed`, true);
    } else if (!git && !sawHunkHeader) {
      issue(quoted, `${path}: file header at line ${lineNo(start)} is not followed by a hunk`);
    }
    addFile(file, start, k, style);
    return k;
  };

  let i = 0;
  while (i < n) {
    const line = lines[i];
    const c = line.charCodeAt(0);
    // Cheap filter: diff headers start with "d", "-" or "@", possibly behind quote marks.
    if (c !== 0x64 && c !== 0x2d && c !== 0x3e && c !== 0x40) {
      i++;
      continue;
    }
    const style = styleOf(line);
    const t = unquote(line, style) ?? '';
    if (t.startsWith('diff --git ')) {
      i = parseFile(i, style, true);
      continue;
    }
    if (t.startsWith('--- ') && i + 1 < n && unquote(lines[i + 1], style)?.startsWith('+++ ')) {
      i = parseFile(i, style, false);
      continue;
    }
    if (t.startsWith('diff --cc ') || t.startsWith('diff --combined ')) {
      issue(style.depth > 0, `combined (merge) diff at line ${lineNo(i)} is not supported; skipped`, true);
      combinedDiffs++;
      i = skipCombinedDiff(lines, i + 1, style);
      continue;
    } else if (HUNK_HEADER.test(t)) {
      issue(style.depth > 0, `hunk ${JSON.stringify(truncate(t))} at line ${lineNo(i)} has no file header before it; skipped`);
    }
    i++;
  }
  return { groups, issues, combinedDiffs };
}

/**
 * Skips the body of a combined diff (`git show` of a merge): its headers, `@@@` hunk headers and
 * lines with one +/-/space column per parent, so none of it is mistaken for an ordinary diff.
 */
function skipCombinedDiff(lines: readonly string[], k: number, style: QuoteStyle): number {
  const part = /^(?:index |mode |new file mode |deleted file mode |--- |\+\+\+ |@@@+ |[ +-][ +-]|\\)/;
  while (k < lines.length) {
    const t = unquote(lines[k], style);
    if (t === undefined || !part.test(t)) break;
    k++;
  }
  return k;
}

/** Attribution lines between two quoted blocks mean the second block quotes another message. */
function hasAttributionBetween(lines: readonly string[], from: number, to: number, depth: number): boolean {
  if (depth === 0) return false;
  for (let k = from; k < to; k++) {
    if (parseQuote(lines[k]).depth < depth && ATTRIBUTION.test(lines[k])) return true;
  }
  return false;
}

/**
 * A line of git's base85 binary data: the first character encodes the byte count of the line
 * (A-Z = 1-26, a-z = 27-52) and fixes the line's length, which keeps prose from matching.
 */
function isBase85Line(t: string): boolean {
  const c = t.charCodeAt(0);
  let bytes: number;
  if (c >= 0x41 && c <= 0x5a) bytes = c - 0x41 + 1;
  else if (c >= 0x61 && c <= 0x7a) bytes = c - 0x61 + 27;
  else return false;
  return t.length === 1 + Math.ceil(bytes / 4) * 5 && /^[0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]+$/.test(t);
}

function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Number of diff lines (context, added, removed) in a set of files. */
export function countDiffLines(files: readonly FileDiff[]): number {
  let total = 0;
  for (const f of files) for (const h of f.hunks) total += h.lines.length;
  return total;
}

