// Maps a finding onto the pull request diff as GitHub review comments address it (line + side,
// start_line for spans); findings the diff does not show cannot be anchored and go to the review body.
import type { Finding } from '../types.js';
import { lookupFile, type DiffIndex, type FileLines } from './diff-index.js';

export type DiffSide = 'LEFT' | 'RIGHT';

/** Where an inline comment goes, in the fields `pulls.createReview` takes per comment. */
export interface Anchor {
  path: string;
  line: number;
  side: DiffSide;
  /** First line of a multi-line comment (same hunk, same side, strictly before `line`). */
  startLine?: number;
  startSide?: DiffSide;
  /**
   * True when the anchor covers exactly the finding's suggestion range, so a ```suggestion block
   * replaces precisely those lines when a maintainer applies it.
   */
  suggestionFits: boolean;
}

/**
 * Anchors a finding in the diff, or returns undefined when GitHub would reject every placement
 * (file not in the PR, line outside every hunk). Prefers the suggestion's range when the finding has
 * one that the diff shows, since GitHub applies a suggestion to the commented lines.
 */
export function anchorFinding(finding: Finding, index: DiffIndex): Anchor | undefined {
  const file = lookupFile(index, finding.file);
  if (!file) return undefined;

  const s = finding.suggestion;
  if (s && finding.side === 'new' && lookupFile(index, s.file) === file) {
    const span = spanOn(file, 'RIGHT', s.startLine, s.endLine);
    if (span) return { ...span, suggestionFits: true };
  }

  const side: DiffSide = finding.side === 'old' ? 'LEFT' : 'RIGHT';
  const start = finding.startLine !== undefined && finding.startLine < finding.line ? finding.startLine : finding.line;
  const span = spanOn(file, side, start, finding.line) ?? spanOn(file, side, finding.line, finding.line);
  return span ? { ...span, suggestionFits: false } : undefined;
}

function spanOn(file: FileLines, side: DiffSide, start: number, end: number): Omit<Anchor, 'suggestionFits'> | undefined {
  const lines = side === 'RIGHT' ? file.right : file.left;
  const endHunk = lines.get(end);
  if (endHunk === undefined) return undefined;
  if (start === end) return { path: file.path, line: end, side };
  // GitHub rejects multi-line comments whose ends lie in different hunks (422), and within a hunk
  // the lines of one side are numbered contiguously, so both ends in one hunk covers the span.
  if (start > end || lines.get(start) !== endHunk) return undefined;
  return { path: file.path, line: end, side, startLine: start, startSide: side };
}
