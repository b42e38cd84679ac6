// Serves the head content of a pull request's touched C files to the engine (contents API at the
// head SHA), bounded in file count and bytes by config.github, so analysis sees whole functions.
import type { TreeReader } from './engine.js';
import { describeApiError, httpStatus, type GitHubClient } from './client.js';
import { listPaths, type PullFile } from './ingest.js';

/** Options of {@link createHeadTreeReader}. */
export interface HeadTreeOptions {
  owner: string;
  repo: string;
  /** The head commit SHA: never a branch name, which could move while the review runs. */
  ref: string;
  files: PullFile[];
  /** `config.github.maxFiles`: at most this many files are fetched. */
  maxFiles: number;
  /** `config.github.maxFileBytes`: larger files are not fetched. */
  maxFileBytes: number;
}

/** A tree reader plus the notes it gathered (files skipped by a bound or unreadable). */
export interface HeadTree {
  reader: TreeReader;
  /** Summary notes; complete once the review that used `reader` has finished. */
  notes(): string[];
  /** Paths actually fetched from the API, in request order (for tests and replay output). */
  fetched(): string[];
}

const C_SOURCE = /\.[ch]$/;
// The JSON contents API inlines base64 content only up to 1 MB; larger files need the raw media type.
const INLINE_CONTENT_LIMIT = 1024 * 1024;

/** True for files whose head content analysis may ask for: touched, still present, C source or header. */
export function isTouchedCFile(file: PullFile): boolean {
  return file.status !== 'removed' && file.status !== 'unchanged' && C_SOURCE.test(file.filename);
}

/**
 * Creates the head-image tree reader. Only touched C files are served (anything else reads as
 * unavailable, so the engine cannot make the App fetch arbitrary repository files), the first
 * `maxFiles` of them in listing order, each at most `maxFileBytes`.
 */
export function createHeadTreeReader(octokit: GitHubClient, opts: HeadTreeOptions): HeadTree {
  const eligible = opts.files.filter(isTouchedCFile).map((f) => f.filename);
  const allowed = new Set(eligible.slice(0, Math.max(0, opts.maxFiles)));
  const eligibleSet = new Set(eligible);
  const cache = new Map<string, Promise<string | undefined>>();
  const overCount = new Set<string>();
  const overSize: string[] = [];
  const failures: string[] = [];
  const fetched: string[] = [];

  async function fetchContent(path: string): Promise<string | undefined> {
    fetched.push(path);
    try {
      const res = await octokit.rest.repos.getContent({ owner: opts.owner, repo: opts.repo, path, ref: opts.ref });
      const data = res.data as { type?: string; size?: number; encoding?: string; content?: string } | unknown[];
      if (Array.isArray(data) || data.type !== 'file') {
        failures.push(`\`${path}\` is not a regular file at the head commit`);
        return undefined;
      }
      const size = data.size ?? 0;
      if (size > opts.maxFileBytes) {
        overSize.push(`\`${path}\` (${size} bytes)`);
        return undefined;
      }
      if (data.encoding === 'base64' && typeof data.content === 'string' && (data.content !== '' || size === 0)) {
        return Buffer.from(data.content, 'base64').toString('utf8');
      }
      if (size > INLINE_CONTENT_LIMIT || data.encoding === 'none') {
        const raw = await octokit.rest.repos.getContent({
          owner: opts.owner,
          repo: opts.repo,
          path,
          ref: opts.ref,
          mediaType: { format: 'raw' },
        });
        const text = raw.data as unknown;
        if (typeof text === 'string' && Buffer.byteLength(text, 'utf8') <= opts.maxFileBytes) return text;
        overSize.push(`\`${path}\``);
        return undefined;
      }
      failures.push(`\`${path}\`: unexpected content encoding ${JSON.stringify(data.encoding)}`);
      return undefined;
    } catch (e) {
      failures.push(httpStatus(e) === 404 ? `\`${path}\` was not found at the head commit` : `\`${path}\`: ${describeApiError(e)}`);
      return undefined;
    }
  }

  const reader: TreeReader = {
    image: 'post',
    read(path: string): Promise<string | undefined> {
      if (!eligibleSet.has(path)) return Promise.resolve(undefined);
      if (!allowed.has(path)) {
        overCount.add(path);
        return Promise.resolve(undefined);
      }
      let pending = cache.get(path);
      if (!pending) {
        pending = fetchContent(path);
        cache.set(path, pending);
      }
      return pending;
    },
  };

  return {
    reader,
    fetched: () => [...fetched],
    notes() {
      const notes: string[] = [];
      if (overCount.size > 0) {
        notes.push(
          `head content of ${overCount.size} touched C file(s) was not fetched (config \`github.maxFiles\` = ${opts.maxFiles}): ${listPaths([...overCount])} analysed from the diff hunks only`,
        );
      }
      if (overSize.length > 0) {
        notes.push(
          `head content larger than config \`github.maxFileBytes\` (${opts.maxFileBytes} bytes) was not fetched: ${overSize.slice(0, 10).join(', ')}${overSize.length > 10 ? ` and ${overSize.length - 10} more` : ''}; analysed from the diff hunks only`,
        );
      }
      for (const f of failures.slice(0, 10)) notes.push(`could not read head content: ${f}; analysed from the diff hunks only`);
      if (failures.length > 10) notes.push(`…and ${failures.length - 10} more unreadable files`);
      return notes;
    },
  };
}
