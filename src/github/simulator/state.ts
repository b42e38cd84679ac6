// In-memory GitHub state the simulator serves and records: repositories with files per ref, pull
// requests with their files per head commit, and the check runs, reviews and comments the App creates.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesFromGitDiff, type SimFile } from './diff.js';

/** An account as the API shows it. */
export interface SimUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface SimPull {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  draft: boolean;
  user: SimUser;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  /** Files of the pull request as of each head commit it had. */
  filesBySha: Map<string, SimFile[]>;
  /** Overrides `changed_files` (to simulate PRs beyond the 3000-file listing limit). */
  changedFiles?: number;
  /** Status to answer diff-format requests with instead of the diff (GitHub answers 406 for huge diffs). */
  diffStatus?: number;
  /** A webhook `pull_request` object to echo back from `pulls.get` (realistic extra fields). */
  template?: Record<string, unknown>;
}

export interface SimAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface SimCheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id: string | null;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: SimAnnotation[];
  app: { id: number; slug: string };
  /** Every update the check run received, in order (tests assert in_progress → completed). */
  history: Array<Record<string, unknown>>;
}

export interface SimReview {
  id: number;
  pull: number;
  user: SimUser;
  body: string;
  state: 'COMMENTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'PENDING';
  commit_id: string;
  submitted_at: string;
}

export interface SimReviewComment {
  id: number;
  pull: number;
  pull_request_review_id: number;
  user: SimUser;
  body: string;
  path: string;
  line: number | null;
  side: string;
  start_line: number | null;
  start_side: string | null;
  commit_id: string;
  created_at: string;
}

export interface SimRepo {
  id: number;
  owner: SimUser;
  name: string;
  defaultBranch: string;
  /** Files by ref (branch name or commit SHA) → path → content. */
  refs: Map<string, Map<string, string>>;
  pulls: Map<number, SimPull>;
  checkRuns: SimCheckRun[];
  reviews: SimReview[];
  comments: SimReviewComment[];
}

/** All simulated repositories plus the id counter every created object draws from. */
export interface SimState {
  repos: Map<string, SimRepo>;
  nextId(): number;
}

/** Creates empty state. Ids start high so they never collide with ids in recorded payloads. */
export function createState(): SimState {
  let id = 9_000_000_000;
  return { repos: new Map(), nextId: () => ++id };
}

/** Adds (or returns the existing) repository `owner/name`. */
export function addRepo(
  state: SimState,
  init: { owner: string; name: string; id?: number; defaultBranch?: string; ownerType?: SimUser['type'] },
): SimRepo {
  const key = `${init.owner}/${init.name}`.toLowerCase();
  const existing = state.repos.get(key);
  if (existing) return existing;
  const repo: SimRepo = {
    id: init.id ?? state.nextId(),
    owner: { login: init.owner, id: state.nextId(), type: init.ownerType ?? 'Organization' },
    name: init.name,
    defaultBranch: init.defaultBranch ?? 'main',
    refs: new Map(),
    pulls: new Map(),
    checkRuns: [],
    reviews: [],
    comments: [],
  };
  state.repos.set(key, repo);
  return repo;
}

/** Looks a repository up case-insensitively, as GitHub does. */
export function findRepo(state: SimState, owner: string, name: string): SimRepo | undefined {
  return state.repos.get(`${owner}/${name}`.toLowerCase());
}

/** Sets a file's content at a ref (branch or commit SHA). */
export function setFile(repo: SimRepo, ref: string, path: string, content: string): void {
  let files = repo.refs.get(ref);
  if (!files) repo.refs.set(ref, (files = new Map()));
  files.set(path, content);
}

/** What {@link addPull} needs: the number and head; everything else has a plain default. */
export type PullInit = Partial<Omit<SimPull, 'filesBySha'>> & Pick<SimPull, 'number' | 'head'> & { files?: SimFile[] };

/** Adds or replaces a pull request; `files` are its files at `head.sha` (earlier heads are kept). */
export function addPull(repo: SimRepo, init: PullInit): SimPull {
  const { files, ...given } = init;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as unknown as PullInit;
  const pull: SimPull = {
    title: `Pull request #${init.number}`,
    body: '',
    state: 'open',
    draft: false,
    user: { login: 'contributor', id: 1, type: 'User' },
    base: { ref: repo.defaultBranch, sha: '0'.repeat(40) },
    ...defined,
    filesBySha: repo.pulls.get(init.number)?.filesBySha ?? new Map(),
  };
  if (files) pull.filesBySha.set(pull.head.sha, files);
  repo.pulls.set(pull.number, pull);
  return pull;
}

/** The files a pull request shows now (at its current head). */
export function currentFiles(pull: SimPull): SimFile[] {
  return pull.filesBySha.get(pull.head.sha) ?? [];
}

/**
 * Loads repository state recorded on disk (the layout `fixtures/webhooks/repos/<owner>/<repo>/` uses):
 * - `default-branch/<path>`: files on the default branch (e.g. `.github/p2pdma-review.yml`);
 * - `commits/<sha>/<path>`: file contents at a commit (PR heads);
 * - `pulls/<number>/<sha>.diff`: the pull request's `git diff` when its head was `<sha>`.
 * Pull requests themselves come from webhook payloads ({@link seedFromWebhook}).
 */
export function loadRepoDir(repo: SimRepo, dir: string): void {
  const branchDir = join(dir, 'default-branch');
  for (const [path, content] of readTree(branchDir)) setFile(repo, repo.defaultBranch, path, content);
  const commitsDir = join(dir, 'commits');
  for (const sha of listDir(commitsDir)) {
    for (const [path, content] of readTree(join(commitsDir, sha))) setFile(repo, sha, path, content);
  }
  const pullsDir = join(dir, 'pulls');
  for (const number of listDir(pullsDir)) {
    for (const file of listDir(join(pullsDir, number))) {
      if (!file.endsWith('.diff')) continue;
      const sha = file.slice(0, -'.diff'.length);
      const text = readFileSync(join(pullsDir, number, file), 'utf8');
      let files: SimFile[];
      try {
        files = filesFromGitDiff(text);
      } catch (e) {
        throw new Error(`${join(pullsDir, number, file)}: ${(e as Error).message}`);
      }
      const n = Number(number);
      const pull = repo.pulls.get(n) ?? addPull(repo, { number: n, head: { ref: `pr-${n}`, sha } });
      pull.filesBySha.set(sha, files);
    }
  }
}

/**
 * Creates the repository and pull request a webhook payload describes (pull_request events carry
 * the whole pull request; check_run events name it in `check_run.pull_requests`).
 */
export function seedFromWebhook(state: SimState, payload: Record<string, unknown>): SimRepo | undefined {
  const r = payload.repository as { id?: number; name?: string; owner?: { login?: string; type?: string }; default_branch?: string } | undefined;
  if (!r?.name || !r.owner?.login) return undefined;
  const repo = addRepo(state, {
    owner: r.owner.login,
    name: r.name,
    id: r.id,
    defaultBranch: r.default_branch,
    ownerType: r.owner.type === 'User' ? 'User' : 'Organization',
  });
  const pr = payload.pull_request as
    | { number: number; title?: string; body?: string | null; state?: string; draft?: boolean; user?: { login: string; id: number }; head: { ref: string; sha: string }; base: { ref: string; sha: string } }
    | undefined;
  if (pr?.number) {
    addPull(repo, {
      number: pr.number,
      title: pr.title ?? '',
      body: pr.body ?? '',
      state: pr.state === 'closed' ? 'closed' : 'open',
      draft: pr.draft === true,
      user: pr.user ? { login: pr.user.login, id: pr.user.id, type: 'User' } : undefined,
      head: { ref: pr.head.ref, sha: pr.head.sha },
      base: { ref: pr.base.ref, sha: pr.base.sha },
      template: pr as unknown as Record<string, unknown>,
    });
  }
  const run = payload.check_run as { head_sha?: string; pull_requests?: Array<{ number: number; head: { ref: string; sha: string }; base: { ref: string; sha: string } }> } | undefined;
  for (const p of run?.pull_requests ?? []) {
    if (repo.pulls.has(p.number)) continue;
    addPull(repo, { number: p.number, head: { ref: p.head.ref, sha: p.head.sha }, base: { ref: p.base.ref, sha: p.base.sha } });
  }
  return repo;
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function readTree(dir: string): Array<[string, string]> {
  if (!existsSync(dir)) return [];
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push([relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8')]);
    }
  };
  walk(dir);
  return out;
}
