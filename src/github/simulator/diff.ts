// The simulator's own reading of diffs: splits a `git diff` into pull-request file entries and
// decides which lines a review comment may address. Written independently of src/github/diff-index.ts
// on purpose: the simulator checks the App, so it must not share the App's possible mistakes.

/** A file entry as `pulls.listFiles` returns it (the fields the simulator serves). */
export interface SimFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  /** Hunks only; absent for binary files (and for patches GitHub deems too large). */
  patch?: string;
  additions: number;
  deletions: number;
  changes: number;
}

/** Splits `git diff` text into file entries the way GitHub lists them. Throws on non-diff text. */
export function filesFromGitDiff(text: string): SimFile[] {
  const blocks = text.split(/^(?=diff --git )/m).filter((b) => b.startsWith('diff --git '));
  if (blocks.length === 0 && text.trim() !== '') throw new Error('not a git diff: no "diff --git" line');
  return blocks.map((block) => {
    const lines = block.split('\n');
    const head = /^diff --git a\/(.+?) b\/(.+)$/.exec(lines[0]);
    if (!head) throw new Error(`unreadable diff header: ${lines[0]}`);
    let [, oldPath, newPath] = head;
    let status: SimFile['status'] = 'modified';
    let binary = false;
    let i = 1;
    for (; i < lines.length && !lines[i].startsWith('@@'); i++) {
      const l = lines[i];
      if (l.startsWith('new file mode')) status = 'added';
      else if (l.startsWith('deleted file mode')) status = 'removed';
      else if (l.startsWith('rename from ')) { status = 'renamed'; oldPath = l.slice(12); }
      else if (l.startsWith('rename to ')) newPath = l.slice(10);
      else if (l.startsWith('copy from ')) { status = 'copied'; oldPath = l.slice(10); }
      else if (l.startsWith('copy to ')) newPath = l.slice(8);
      else if (l.startsWith('Binary files ')) binary = true;
    }
    const hunkLines = lines.slice(i);
    while (hunkLines.length > 0 && hunkLines[hunkLines.length - 1] === '') hunkLines.pop();
    const additions = hunkLines.filter((l) => l.startsWith('+')).length;
    const deletions = hunkLines.filter((l) => l.startsWith('-')).length;
    const file: SimFile = {
      filename: status === 'removed' ? oldPath : newPath,
      status,
      additions,
      deletions,
      changes: additions + deletions,
    };
    if (status === 'renamed' || status === 'copied') file.previous_filename = oldPath;
    if (!binary && hunkLines.length > 0) file.patch = hunkLines.join('\n');
    return file;
  });
}

/** Rebuilds `git diff` text from file entries (what `application/vnd.github.diff` serves). */
export function gitDiffFromFiles(files: SimFile[]): string {
  return files
    .map((f) => {
      const oldPath = f.previous_filename ?? f.filename;
      const out = [`diff --git a/${oldPath} b/${f.filename}`];
      if (f.status === 'added') out.push('new file mode 100644');
      if (f.status === 'removed') out.push('deleted file mode 100644');
      if (f.status === 'renamed') out.push(`rename from ${oldPath}`, `rename to ${f.filename}`);
      if (f.patch === undefined) {
        if (f.changes > 0) out.push(`Binary files a/${oldPath} and b/${f.filename} differ`);
      } else {
        out.push(f.status === 'added' ? '--- /dev/null' : `--- a/${oldPath}`, f.status === 'removed' ? '+++ /dev/null' : `+++ b/${f.filename}`, f.patch);
      }
      return out.join('\n') + '\n';
    })
    .join('');
}

/** Where each line of a patch sits: per side, line number → hunk number. */
export interface PatchLines {
  RIGHT: Map<number, number>;
  LEFT: Map<number, number>;
  /** Number of diff lines below the first hunk header (the legacy `position` range). */
  positions: number;
}

/** Reads a file patch's hunk headers and lines. */
export function patchLines(patch: string): PatchLines {
  const out: PatchLines = { RIGHT: new Map(), LEFT: new Map(), positions: 0 };
  let hunk = -1;
  let oldNo = 0;
  let newNo = 0;
  for (const line of patch.split('\n')) {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (h) {
      hunk++;
      oldNo = Number(h[1]);
      newNo = Number(h[2]);
      if (hunk > 0) out.positions++;
      continue;
    }
    if (hunk < 0) continue;
    out.positions++;
    if (line.startsWith('+')) out.RIGHT.set(newNo++, hunk);
    else if (line.startsWith('-')) out.LEFT.set(oldNo++, hunk);
    else if (line.startsWith('\\')) continue;
    else {
      out.RIGHT.set(newNo++, hunk);
      out.LEFT.set(oldNo++, hunk);
    }
  }
  return out;
}

/** A draft review comment as `pulls.createReview` receives it. */
export interface DraftComment {
  path: string;
  body: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
}

/**
 * Why GitHub would refuse this comment with 422, or undefined when it would accept it. Messages
 * follow GitHub's wording ("Line could not be resolved", "Path could not be resolved").
 */
export function commentProblem(comment: DraftComment, files: SimFile[]): string | undefined {
  const file = files.find((f) => f.filename === comment.path);
  if (!file) return 'Path could not be resolved';
  if (file.patch === undefined) return 'Path could not be resolved';
  const lines = patchLines(file.patch);
  if (comment.line === undefined) {
    if (comment.position === undefined) return 'Line could not be resolved';
    return comment.position >= 1 && comment.position <= lines.positions ? undefined : 'Position could not be resolved';
  }
  const side = (comment.side ?? 'RIGHT') as 'RIGHT' | 'LEFT';
  if (side !== 'RIGHT' && side !== 'LEFT') return `Side ${comment.side} is not one of LEFT, RIGHT`;
  const hunk = lines[side].get(comment.line);
  if (hunk === undefined) return 'Line could not be resolved';
  if (comment.start_line !== undefined) {
    const startSide = (comment.start_side ?? side) as 'RIGHT' | 'LEFT';
    if (startSide !== 'RIGHT' && startSide !== 'LEFT') return `Start side ${comment.start_side} is not one of LEFT, RIGHT`;
    if (comment.start_line >= comment.line && startSide === side) return 'pull_request_review_thread.start_line must precede the end line.';
    const startHunk = lines[startSide].get(comment.start_line);
    if (startHunk === undefined) return 'Start line could not be resolved';
    if (startHunk !== hunk) return 'pull_request_review_thread.start_line must be part of the same hunk as the line.';
  }
  return undefined;
}
