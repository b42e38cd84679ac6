// Builds FileDiff values from compact line lists, for C-layer tests that do not need the ingest stage.
import type { DiffLine, FileDiff, Hunk, LineKind } from '../../src/types.js';

/** `lines` are diff lines with their ' ', '+' or '-' prefix. */
export function hunk(oldStart: number, newStart: number, section: string, lines: string[]): Hunk {
  let o = oldStart;
  let n = newStart;
  const out: DiffLine[] = lines.map((raw, i) => {
    const kind: LineKind = raw[0] === '+' ? 'add' : raw[0] === '-' ? 'del' : 'ctx';
    const l: DiffLine = { kind, text: raw.slice(1), patchLine: i + 1 };
    if (kind !== 'add') l.oldLine = o++;
    if (kind !== 'del') l.newLine = n++;
    return l;
  });
  return {
    oldStart, newStart, section, lines: out,
    oldLines: out.filter((l) => l.kind !== 'add').length, newLines: out.filter((l) => l.kind !== 'del').length,
  };
}

export function fileDiff(path: string, hunks: Hunk[]): FileDiff {
  return { oldPath: path, newPath: path, status: 'modified', binary: false, hunks };
}
