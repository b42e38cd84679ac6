// Which lines of a pull request's diff GitHub lets a review comment sit on, per file and side.
// GitHub accepts `line` + `side` only where the line appears in a hunk: RIGHT for added and context
// lines (post-image numbers), LEFT for removed and context lines (pre-image numbers).
import { parsePatch } from 'diff';

/** Commentable lines of one file: line number → ordinal of the hunk it appears in. */
export interface FileLines {
  /** The path GitHub knows the file by (the new path; the old one for deleted files). */
  path: string;
  /** The pre-rename path, for renamed/copied files. */
  previousPath?: string;
  right: Map<number, number>;
  left: Map<number, number>;
}

/** The commentable lines of every file of a pull request. */
export interface DiffIndex {
  files: Map<string, FileLines>;
}

/** An empty index (a PR whose diff could not be read). */
export function emptyDiffIndex(): DiffIndex {
  return { files: new Map() };
}

/**
 * Indexes one file's `patch` as `pulls.listFiles` returns it (hunks only, no file headers).
 * Throws with the path and reason when the hunks are malformed.
 */
export function indexFilePatch(path: string, patch: string, previousPath?: string): FileLines {
  let parsed;
  try {
    parsed = parsePatch(patch.endsWith('\n') ? patch : patch + '\n');
  } catch (e) {
    throw new Error(`patch of ${path} is malformed: ${(e as Error).message}`);
  }
  const lines: FileLines = { path, right: new Map(), left: new Map() };
  if (previousPath && previousPath !== path) lines.previousPath = previousPath;
  // A hunk-only patch parses as one entry; git-style input would give several, so take them all.
  let ordinal = 0;
  for (const entry of parsed) {
    for (const hunk of entry.hunks) {
      addHunk(lines, hunk, ordinal++);
    }
  }
  return lines;
}

/**
 * Indexes a whole `git diff` (the `application/vnd.github.diff` fallback for PRs beyond the
 * file-list limit). Throws with the reason when the text is not a parseable diff.
 */
export function indexUnifiedDiff(text: string): DiffIndex {
  let parsed;
  try {
    parsed = parsePatch(text);
  } catch (e) {
    throw new Error(`pull request diff is malformed: ${(e as Error).message}`);
  }
  const index = emptyDiffIndex();
  for (const entry of parsed) {
    const oldPath = stripPrefix(entry.oldFileName, 'a/');
    const newPath = stripPrefix(entry.newFileName, 'b/');
    const path = newPath ?? oldPath;
    if (!path) continue;
    const lines: FileLines = { path, right: new Map(), left: new Map() };
    if (oldPath && newPath && oldPath !== newPath) lines.previousPath = oldPath;
    entry.hunks.forEach((hunk, ordinal) => addHunk(lines, hunk, ordinal));
    index.files.set(path, lines);
  }
  return index;
}

/** Finds a file by the path a finding names: its current path, or its pre-rename path. */
export function lookupFile(index: DiffIndex, file: string): FileLines | undefined {
  const direct = index.files.get(file);
  if (direct) return direct;
  for (const lines of index.files.values()) {
    if (lines.previousPath === file) return lines;
  }
  return undefined;
}

interface ParsedHunk {
  oldStart: number;
  newStart: number;
  lines: string[];
}

function addHunk(target: FileLines, hunk: ParsedHunk, ordinal: number): void {
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  for (const raw of hunk.lines) {
    const mark = raw[0];
    if (mark === '+') {
      target.right.set(newLine++, ordinal);
    } else if (mark === '-') {
      target.left.set(oldLine++, ordinal);
    } else if (mark === ' ' || raw === '') {
      target.right.set(newLine++, ordinal);
      target.left.set(oldLine++, ordinal);
    }
    // '\' (No newline at end of file) occupies no line number on either side.
  }
}

function stripPrefix(name: string | undefined, prefix: string): string | undefined {
  if (!name || name === '/dev/null') return undefined;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
