// Turns a pull request into the engine's input: one unified git diff assembled from `pulls.listFiles`
// (or the whole-PR diff when the file list is capped), plus the index of lines review comments may use.
import type { InputSource } from '../types.js';
import { describeApiError, type GitHubClient } from './client.js';
import { emptyDiffIndex, indexFilePatch, indexUnifiedDiff, type DiffIndex } from './diff-index.js';

/** `pulls.listFiles` returns at most 3000 files (GitHub REST docs, "List pull requests files"). */
export const API_FILE_LIMIT = 3000;
/** Upper bound on the diff text handed to the engine, whichever way it was fetched. */
export const MAX_DIFF_BYTES = 8 * 1024 * 1024;

/** The fields of a `pulls.listFiles` entry the App uses. */
export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  /** Absent for binary files and for patches GitHub considers too large to return. */
  patch?: string;
  additions: number;
  deletions: number;
  changes: number;
}

/** Which pull request to read. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  pullNumber: number;
  /** `changed_files` of the pull request, to detect the file-list cap. */
  changedFiles: number;
}

/** The engine input for one pull request and what the App needs to anchor comments. */
export interface PullRequestInput {
  input: InputSource;
  index: DiffIndex;
  /** The listed files (the head-content reader picks touched C files from them). */
  files: PullFile[];
  /** Things the summary must mention: binary files, bounds hit, fallbacks taken. */
  notes: string[];
}

/** The input name of a pull request: `owner/repo#<n>`. */
export function inputName(ref: Pick<PullRequestRef, 'owner' | 'repo' | 'pullNumber'>): string {
  return `${ref.owner}/${ref.repo}#${ref.pullNumber}`;
}

/**
 * Reads a pull request's files (paginated) and assembles the diff; when GitHub's file list is capped,
 * fetches the whole diff instead (`application/vnd.github.diff`). If that fails too (GitHub refuses
 * very large diffs), the listed files are reviewed and the summary says what was left out.
 */
export async function ingestPullRequest(octokit: GitHubClient, ref: PullRequestRef): Promise<PullRequestInput> {
  const params = { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100 };
  const files = (await octokit.paginate(octokit.rest.pulls.listFiles, params)) as PullFile[];
  const name = inputName(ref);

  if (ref.changedFiles > files.length && files.length >= API_FILE_LIMIT) {
    const full = await fetchWholeDiff(octokit, ref);
    if (full.text !== undefined) {
      try {
        const index = indexUnifiedDiff(full.text);
        const note = `the pull request changes ${ref.changedFiles} files and GitHub lists only ${API_FILE_LIMIT}, so the whole diff was reviewed instead`;
        return { input: { name, data: Buffer.from(full.text, 'utf8') }, index, files, notes: [note] };
      } catch (e) {
        full.reason = (e as Error).message;
      }
    }
    const assembled = assembleDiff(files, MAX_DIFF_BYTES);
    const note = `the pull request changes ${ref.changedFiles} files; GitHub lists only ${API_FILE_LIMIT} and the whole diff is not available (${full.reason}), so only the first ${files.length} files were reviewed`;
    return { input: { name, data: Buffer.from(assembled.text, 'utf8') }, index: assembled.index, files, notes: [note, ...assembled.notes] };
  }

  const assembled = assembleDiff(files, MAX_DIFF_BYTES);
  return { input: { name, data: Buffer.from(assembled.text, 'utf8') }, index: assembled.index, files, notes: assembled.notes };
}

/**
 * Assembles `git diff`-shaped text from listed files: `diff --git` header, new/deleted/rename lines,
 * `---`/`+++` headers and the file's hunks. Files without a patch (binary, or too large for the API)
 * get git's "Binary files ... differ" line and a note; files past `maxBytes` are left out with a note.
 */
export function assembleDiff(files: PullFile[], maxBytes: number): { text: string; index: DiffIndex; notes: string[] } {
  const chunks: string[] = [];
  const index = emptyDiffIndex();
  const noPatch: string[] = [];
  const malformed: string[] = [];
  const overBudget: string[] = [];
  let bytes = 0;

  for (const file of files) {
    if (file.status === 'unchanged') continue;
    const oldPath = file.status === 'renamed' || file.status === 'copied' ? (file.previous_filename ?? file.filename) : file.filename;
    const newPath = file.filename;
    const header = [`diff --git a/${oldPath} b/${newPath}`];
    if (file.status === 'added') header.push('new file mode 100644');
    if (file.status === 'removed') header.push('deleted file mode 100644');
    if (file.status === 'renamed') header.push(`rename from ${oldPath}`, `rename to ${newPath}`);
    if (file.status === 'copied') header.push(`copy from ${oldPath}`, `copy to ${newPath}`);
    const from = file.status === 'added' ? '/dev/null' : `a/${oldPath}`;
    const to = file.status === 'removed' ? '/dev/null' : `b/${newPath}`;

    let chunk: string;
    if (file.patch === undefined || file.patch === '') {
      if (file.changes > 0) {
        noPatch.push(file.filename);
        header.push(`Binary files ${from} and ${to} differ`);
      }
      chunk = header.join('\n') + '\n';
    } else {
      try {
        index.files.set(newPath, indexFilePatch(newPath, file.patch, oldPath));
      } catch (e) {
        malformed.push((e as Error).message);
        continue;
      }
      const patch = file.patch.endsWith('\n') ? file.patch : file.patch + '\n';
      chunk = [...header, `--- ${from}`, `+++ ${to}`].join('\n') + '\n' + patch;
    }
    const size = Buffer.byteLength(chunk, 'utf8');
    if (bytes + size > maxBytes) {
      index.files.delete(newPath);
      overBudget.push(file.filename);
      continue;
    }
    bytes += size;
    chunks.push(chunk);
  }

  const notes: string[] = [];
  if (noPatch.length > 0) {
    notes.push(`GitHub returned no patch for ${listPaths(noPatch)} (binary, or too large for the API): not reviewed`);
  }
  for (const m of malformed) notes.push(`${m}: not reviewed`);
  if (overBudget.length > 0) {
    notes.push(`the diff exceeds ${MAX_DIFF_BYTES / (1024 * 1024)} MiB; ${listPaths(overBudget)} not reviewed`);
  }
  return { text: chunks.join(''), index, notes };
}

async function fetchWholeDiff(octokit: GitHubClient, ref: PullRequestRef): Promise<{ text?: string; reason: string }> {
  try {
    const res = await octokit.rest.pulls.get({
      owner: ref.owner,
      repo: ref.repo,
      pull_number: ref.pullNumber,
      mediaType: { format: 'diff' },
    });
    const text = res.data as unknown as string;
    if (typeof text !== 'string') return { reason: 'GitHub did not return diff text' };
    if (Buffer.byteLength(text, 'utf8') > MAX_DIFF_BYTES) {
      return { reason: `the diff exceeds ${MAX_DIFF_BYTES / (1024 * 1024)} MiB` };
    }
    return { text, reason: '' };
  } catch (e) {
    return { reason: describeApiError(e) };
  }
}

/** "a, b and 3 more" style list of paths, bounded so a huge PR cannot blow up a note. */
export function listPaths(paths: string[], max = 10): string {
  const shown = paths.slice(0, max).map((p) => `\`${p}\``);
  const rest = paths.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
