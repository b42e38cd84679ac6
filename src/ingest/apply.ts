// Applies a file's hunks to its full pre-image (for `--tree DIR`), finding hunks at an offset like patch(1).

import type { FileDiff, Hunk } from '../types.js';

/**
 * Applies `file`'s hunks to `preImage`, checking that every context and removed line matches.
 * Like patch(1), a hunk whose lines are not at the line its header names is searched for nearby
 * (the nearest match wins, never overlapping an earlier hunk), so a tree that moved on since the
 * patch was made still works; there is no fuzz: context must match exactly. Hunks whose lines were
 * trimmed in a quote apply with the lines they have. CRLF in the pre-image is read as LF.
 * Returns the post-image, or `{ error: "hunk N does not apply at line L" }` (N counted from 1).
 */
export function applyHunks(preImage: string, file: FileDiff): { text: string } | { error: string } {
  const path = file.newPath ?? file.oldPath ?? '(unnamed file)';
  if (file.binary) return { error: `${path}: binary file; hunks cannot be applied` };
  const pre = preImage.includes('\r') ? preImage.replace(/\r\n/g, '\n') : preImage;
  const endsWithNewline = pre === '' || pre.endsWith('\n');
  const src = pre === '' ? [] : (endsWithNewline ? pre.slice(0, -1) : pre).split('\n');

  const out: string[] = [];
  let pos = 0;
  let drift = 0;
  let newline = endsWithNewline;
  for (let index = 0; index < file.hunks.length; index++) {
    const hunk = file.hunks[index];
    const oldSide: string[] = [];
    for (const l of hunk.lines) if (l.kind !== 'add') oldSide.push(l.text);
    // A hunk without old lines inserts after line oldStart (0 means at the top).
    const declared = oldSide.length === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const at = findBlock(src, oldSide, declared + drift, pos);
    if (at < 0) return { error: `hunk ${index + 1} does not apply at line ${hunk.oldStart}` };
    drift = at - declared;
    for (let k = pos; k < at; k++) out.push(src[k]);
    for (const l of hunk.lines) if (l.kind !== 'del') out.push(l.text);
    pos = at + oldSide.length;
    if (pos === src.length) newline = !lastNewSideLine(hunk)?.noNewlineAtEof;
  }
  for (let k = pos; k < src.length; k++) out.push(src[k]);
  if (out.length === 0) return { text: '' };
  return { text: out.join('\n') + (newline ? '\n' : '') };
}

/**
 * Index where `block` occurs in `src`, searching outwards from `expected` and never before `min`;
 * -1 when it occurs nowhere. An empty block (pure insertion) fits at the clamped expected index.
 */
function findBlock(src: readonly string[], block: readonly string[], expected: number, min: number): number {
  const last = src.length - block.length;
  if (last < min) return -1;
  const start = Math.min(Math.max(expected, min), last);
  if (block.length === 0) return start;
  const maxDelta = Math.max(start - min, last - start);
  for (let delta = 0; delta <= maxDelta; delta++) {
    const before = start - delta;
    if (before >= min && matchesAt(src, block, before)) return before;
    const after = start + delta;
    if (delta > 0 && after <= last && matchesAt(src, block, after)) return after;
  }
  return -1;
}

function matchesAt(src: readonly string[], block: readonly string[], at: number): boolean {
  for (let k = 0; k < block.length; k++) if (src[at + k] !== block[k]) return false;
  return true;
}

function lastNewSideLine(hunk: Hunk): Hunk['lines'][number] | undefined {
  for (let k = hunk.lines.length - 1; k >= 0; k--) if (hunk.lines[k].kind !== 'del') return hunk.lines[k];
  return undefined;
}
