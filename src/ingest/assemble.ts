// Turns the diffs found in one message into patches: the message's own patch, patches it quotes,
// their metadata and commit message, and drops fragments that repeat ones quoted before.

import type { FileDiff, Hunk, Patch, SubjectInfo } from '../types.js';
import { scanDiffs, type DiffGroup } from './diff-scan.js';
import type { MessageText, Segment } from './mail.js';
import { findAttribution } from './page.js';
import type { SeenHunks } from './seen-hunks.js';
import { unquote, type QuoteStyle } from './quote.js';
import { isReplySubject, parseSubject } from './subject.js';

/** A patch before ingest gives it its input name, ordinal and id. */
export type PatchDraft = Omit<Patch, 'id' | 'ordinal' | 'input'>;

/** Everything one message contributes. */
export interface MessageOutcome {
  patches: PatchDraft[];
  errors: string[];
  notes: string[];
  /** Set for a cover letter (`[PATCH 0/N]`), which carries no diff by design. */
  cover?: { subject: SubjectInfo; baseCommit?: string };
}

/** Per-input state and policy for {@link assembleMessage}. */
export interface AssembleContext {
  /** The input holds several messages (an mbox thread): a reply without a diff is then a note. */
  multiMessage: boolean;
  seen: SeenHunks;
}

const BASE_COMMIT = /^base-commit:\s*([0-9a-f]{7,64})\s*$/;
const UNQUOTED: QuoteStyle = { depth: 0, spaced: false };

/**
 * Scans a message's segments and builds its patches. The unquoted diffs of a message (inline
 * text and patch attachments alike) form its own patch; each block of quoted diff lines forms a
 * quoted patch whose author and date come from the reply's attribution line when there is one.
 * Quoted hunks that repeat hunks seen earlier in the same input (replies quote the patch over
 * and over) are dropped with a note.
 */
export function assembleMessage(message: MessageText, ctx: AssembleContext): MessageOutcome {
  const outcome: MessageOutcome = { patches: [], errors: [...message.errors], notes: [...message.notes] };
  const subject = parseSubject(message.meta.subject ?? '');
  if (subject.isCover) {
    outcome.cover = { subject, baseCommit: findBaseCommit(message.segments) };
    outcome.notes.push(`cover letter ${JSON.stringify(subject.raw)}: no diff expected`);
    return outcome;
  }

  const baseCommit = findBaseCommit(message.segments);
  const multiSegment = message.segments.length > 1;
  let own: PatchDraft | undefined;
  let sawDiff = false;
  let combinedDiffs = 0;
  // Text of earlier segments without a diff: the commit message when the diff is an attachment.
  let carried: string[] = [];
  for (const segment of message.segments) {
    const scan = scanDiffs(segment.lines, segment.firstLine);
    combinedDiffs += scan.combinedDiffs;
    const prefix = multiSegment ? `${segment.label}: ` : '';
    for (const issue of scan.issues) {
      (issue.severity === 'error' ? outcome.errors : outcome.notes).push(prefix + issue.message);
    }
    let previousEnd = 0;
    for (const group of scan.groups) {
      sawDiff = true;
      if (group.style.depth === 0) {
        if (own && !sharesPath(own.files, group.files)) {
          own.files.push(...group.files);
        } else {
          own = ownPatch(message, [...carried, ...quotedText(segment.lines, previousEnd, group.start, UNQUOTED)], subject, baseCommit, group);
          carried = [];
          outcome.patches.push(own);
        }
      } else {
        outcome.patches.push(quotedPatch(message, segment, group, previousEnd, subject));
      }
      previousEnd = group.end;
    }
    if (scan.groups.length === 0) carried.push(...quotedText(segment.lines, 0, segment.lines.length, UNQUOTED));
  }

  outcome.patches = outcome.patches.filter((patch) => keepNewHunks(patch, ctx.seen, outcome.notes));
  // An undecodable message has already been reported; "no diff" would only repeat it.
  const unreadable = message.segments.length === 0 && message.errors.length > 0;
  if (!sawDiff && !unreadable) {
    if (combinedDiffs > 0) outcome.errors.push('only combined (merge) diffs found; nothing to review');
    else if (ctx.multiMessage && isReplySubject(subject.raw)) outcome.notes.push('reply without a diff; nothing to review');
    else outcome.errors.push('no diff found');
  }
  return outcome;
}

/** The message's own (unquoted) patch; `bodyLines` is the unquoted text before its diff. */
function ownPatch(
  message: MessageText,
  bodyLines: string[],
  subject: SubjectInfo,
  baseCommit: string | undefined,
  group: DiffGroup,
): PatchDraft {
  // git format-patch puts an in-body "From:" first when the sender is not the author.
  let author = message.meta.author;
  let k = bodyLines.findIndex((l) => l.trim() !== '');
  if (k >= 0) {
    const start = k;
    for (let m = /^From:\s*(.+)$/.exec(bodyLines[k]); m; m = /^From:\s*(.+)$/.exec(bodyLines[k] ?? '')) {
      author = m[1].trim();
      k++;
    }
    while (k < bodyLines.length && /^(?:Date|Subject):\s/.test(bodyLines[k]) && k > start) k++;
    if (k > start) bodyLines.splice(start, k - start);
  }
  return {
    subject,
    author,
    date: message.meta.date,
    messageId: message.meta.messageId,
    baseCommit,
    quoted: false,
    body: message.meta.body ?? commitMessage(bodyLines),
    files: group.files,
  };
}

/** A patch quoted at `group`'s depth, credited to the author named in the reply's attribution. */
function quotedPatch(message: MessageText, segment: Segment, group: DiffGroup, from: number, subject: SubjectInfo): PatchDraft {
  const attribution = findAttribution(segment.lines, group.start, group.style.depth);
  const start = attribution ? Math.max(from, attribution.index + 1) : from;
  return {
    subject,
    author: attribution?.author,
    date: attribution?.date,
    // The quoting message is where this copy of the patch lives.
    messageId: message.meta.messageId,
    quoted: true,
    body: commitMessage(quotedText(segment.lines, start, group.start, group.style)),
    files: group.files,
  };
}

/** Lines [from, to) that are quoted in `style`, with the quote prefix removed. */
function quotedText(lines: readonly string[], from: number, to: number, style: QuoteStyle): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const t = unquote(lines[k], style);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** The commit message: text before git's `---` separator (the diffstat follows it), trimmed. */
function commitMessage(lines: string[]): string {
  const sep = lines.indexOf('---');
  const msg = sep >= 0 ? lines.slice(0, sep) : lines;
  let a = 0;
  let b = msg.length;
  while (a < b && msg[a].trim() === '') a++;
  while (b > a && msg[b - 1].trim() === '') b--;
  return msg.slice(a, b).join('\n');
}

function findBaseCommit(segments: readonly Segment[]): string | undefined {
  for (const s of segments) {
    for (const line of s.lines) {
      if (line.charCodeAt(0) !== 0x62 /* b */) continue;
      const m = BASE_COMMIT.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}

function sharesPath(a: readonly FileDiff[], b: readonly FileDiff[]): boolean {
  const paths = new Set(a.map(pathOf));
  return b.some((f) => paths.has(pathOf(f)));
}

function pathOf(f: FileDiff): string {
  return f.newPath ?? f.oldPath ?? '';
}

/**
 * Remembers the patch's hunks and, for a quoted patch, drops hunks that repeat ones already seen in this input
 * (see {@link SeenHunks}). Returns false when nothing is left.
 */
function keepNewHunks(patch: PatchDraft, seen: SeenHunks, notes: string[]): boolean {
  let dropped = 0;
  const files: FileDiff[] = [];
  for (const file of patch.files) {
    const path = pathOf(file);
    const kept: Hunk[] = [];
    for (const hunk of file.hunks) {
      if (patch.quoted && seen.repeats(path, hunk)) {
        dropped++;
        continue;
      }
      seen.remember(path, hunk);
      kept.push(hunk);
    }
    if (kept.length > 0 || file.hunks.length === 0) files.push({ ...file, hunks: kept });
  }
  if (dropped > 0) {
    const line = patch.files[0]?.hunks[0]?.lines[0]?.patchLine;
    const what = files.length === 0 ? 'quoted patch' : `${dropped} hunk(s) of a quoted patch`;
    notes.push(`${what} near line ${line ?? '?'} repeat(s) a diff quoted earlier in this input; skipped`);
  }
  patch.files = files;
  return files.length > 0;
}
