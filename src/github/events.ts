// Decides from a webhook payload alone whether and what to review (pure: no API calls).
// pull_request opened/reopened/synchronize/ready_for_review and check_run.rerequested start a review.

/** The check run (and status context) name the App reports under. */
export const CHECK_NAME = 'p2pdma-review';

/** The pull_request actions that (re-)review the head commit. */
export const PULL_REQUEST_ACTIONS = ['opened', 'reopened', 'synchronize', 'ready_for_review'] as const;

/** A review to run. */
export interface ReviewTrigger {
  /** `rerequest`: someone pressed "Re-run" on our check run, which asks for a fresh run. */
  kind: 'pull_request' | 'rerequest';
  /** `pull_request.<action>` or `check_run.rerequested`, for logs. */
  event: string;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
}

/** Either a review to run, or why not; `report` asks for a completed check run explaining the skip. */
export type TriggerDecision =
  | { run: ReviewTrigger }
  | { skip: string; report?: { owner: string; repo: string; headSha: string } };

interface RepoPayload {
  repository?: { name?: string; owner?: { login?: string }; id?: number };
}

interface PullRequestPayload extends RepoPayload {
  action?: string;
  pull_request?: { number?: number; state?: string; head?: { sha?: string } };
}

interface CheckRunPayload extends RepoPayload {
  action?: string;
  check_run?: {
    name?: string;
    head_sha?: string;
    pull_requests?: Array<{ number?: number; head?: { sha?: string }; base?: { repo?: { id?: number } } }>;
  };
}

/** Reads a pull_request event. */
export function triggerFromPullRequest(payload: PullRequestPayload): TriggerDecision {
  const action = payload.action ?? '';
  if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action)) return { skip: `pull_request.${action} does not trigger a review` };
  const repo = repoOf(payload);
  const pr = payload.pull_request;
  if (!repo || !pr?.number || !pr.head?.sha) return { skip: `pull_request.${action} payload lacks repository or pull request fields` };
  if (pr.state === 'closed') return { skip: `pull request #${pr.number} is closed` };
  return { run: { kind: 'pull_request', event: `pull_request.${action}`, ...repo, pullNumber: pr.number, headSha: pr.head.sha } };
}

/** Reads a check_run event: only `rerequested` on our own check run triggers. */
export function triggerFromCheckRun(payload: CheckRunPayload): TriggerDecision {
  const run = payload.check_run;
  if (payload.action !== 'rerequested') return { skip: `check_run.${payload.action} does not trigger a review` };
  if (run?.name !== CHECK_NAME) return { skip: `check run ${JSON.stringify(run?.name)} is not ours` };
  const repo = repoOf(payload);
  if (!repo || !run.head_sha) return { skip: 'check_run.rerequested payload lacks repository or head_sha' };
  const candidates = run.pull_requests ?? [];
  // A commit can head pull requests into several repositories; review the one in this repository.
  const pr = candidates.find((p) => p.base?.repo?.id === undefined || p.base.repo.id === payload.repository?.id) ?? candidates[0];
  if (!pr?.number) {
    return {
      skip: `no pull request of ${repo.owner}/${repo.repo} is associated with ${run.head_sha.slice(0, 7)} (GitHub leaves check_run.pull_requests empty for pull requests from forks); push a commit or reopen the pull request to review it again`,
      report: { ...repo, headSha: run.head_sha },
    };
  }
  return { run: { kind: 'rerequest', event: 'check_run.rerequested', ...repo, pullNumber: pr.number, headSha: run.head_sha } };
}

function repoOf(payload: RepoPayload): { owner: string; repo: string } | undefined {
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  return owner && repo ? { owner, repo } : undefined;
}
