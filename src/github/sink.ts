// The GitHub sink, the only App code that writes to GitHub: at most one review per head commit, never
// repeating a finding already posted (fingerprint markers) and falling back to the body on a 422, then
// one check run per run, created completed (annotations beyond the first 50 follow in batches).
import type { Config, ReviewResult } from '../types.js';
import { describeApiError, httpStatus, type GitHubClient } from './client.js';
import { lookupFile, type DiffIndex } from './diff-index.js';
import type { ConfigProblem } from './engine.js';
import { CHECK_NAME } from './events.js';
import { collectPriorState, isBotUser, planReview, type PriorComment, type PriorReview, type ReviewPlan } from './plan.js';
import {
  conclusionFor,
  renderAnnotations,
  renderCheckOutput,
  renderComment,
  renderReviewBody,
  ruleIndex,
  type Annotation,
} from './render.js';

/** Checks API: at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Bounds the number of check-run updates one review can cause (20 requests). */
export const MAX_ANNOTATIONS = 1000;
/** A run still `in_progress` (one with more than 50 annotations, being written) after this long is taken as crashed. */
export const STALE_RUN_MS = 10 * 60 * 1000;

/** The pull request and commit the sink writes to. */
export interface SinkTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
}

/** Everything `publish` turns into GitHub output. */
export interface PublishInput {
  result: ReviewResult;
  index: DiffIndex;
  config: Config;
  configProblems: ConfigProblem[];
  configSource: string;
  notes: string[];
}

/** What `publish` did, for logs and tests. */
export interface PublishOutcome {
  plan: ReviewPlan;
  reviewId?: number;
  conclusion: 'failure' | 'neutral' | 'success';
  annotations: number;
}

/** An earlier run of ours on the same head commit with the same configuration. */
export interface EarlierRun {
  id: number;
  status: string;
  startedAt?: string;
}

/** Minimal logger (Probot's pino logger satisfies it). */
export interface SinkLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface GitHubSink {
  /** Our check run on the head commit whose external id is `runKey`, if any. */
  findRun(runKey: string): Promise<EarlierRun | undefined>;
  /** Starts the run (no request): the check run written at the end carries `runKey` and this start time. */
  begin(runKey: string): void;
  /** Posts the review (if anything is new), then writes the completed check run. */
  publish(input: PublishInput): Promise<PublishOutcome>;
  /** Reports the begun run as failed (a failed check run), with a secret-free reason. */
  fail(error: unknown): Promise<void>;
  /** Creates a completed check run on the head commit that explains why nothing was reviewed. */
  reportSkip(reason: string, conclusion: 'neutral' | 'skipped'): Promise<void>;
}

/**
 * The login this App writes as (`<slug>[bot]`), or undefined when it cannot be told; then any bot
 * account's markers count (see collectPriorState).
 */
export type IdentityLookup = () => Promise<string | undefined>;

/**
 * Creates the sink for one pull request head. `now` is injectable for deterministic tests; `identity`
 * tells whose earlier comments are ours.
 */
export function createGitHubSink(
  octokit: GitHubClient,
  target: SinkTarget,
  log: SinkLog,
  now: () => Date = () => new Date(),
  identity: IdentityLookup = async () => undefined,
): GitHubSink {
  const repo = { owner: target.owner, repo: target.repo };
  let runKey: string | undefined;
  let startedAt: string | undefined;
  let checkRunId: number | undefined;
  let reviewPosted = false;

  // Every check run of ours is on the head commit under CHECK_NAME; the rest differs per caller.
  type RunFields = Omit<NonNullable<Parameters<GitHubClient['rest']['checks']['create']>[0]>, 'owner' | 'repo' | 'name' | 'head_sha'>;
  const createRun = (fields: RunFields) => octokit.rest.checks.create({ ...repo, name: CHECK_NAME, head_sha: target.headSha, ...fields });

  async function findRun(runKey: string): Promise<EarlierRun | undefined> {
    const res = await octokit.rest.checks.listForRef({ ...repo, ref: target.headSha, check_name: CHECK_NAME, filter: 'all', per_page: 100 });
    const ours = res.data.check_runs
      .filter((r) => r.external_id === runKey)
      .sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? '') || b.id - a.id);
    const run = ours[0];
    return run ? { id: run.id, status: run.status, startedAt: run.started_at ?? undefined } : undefined;
  }

  function begin(key: string): void {
    runKey = key;
    startedAt = now().toISOString();
  }

  async function readPriorState() {
    const params = { ...repo, pull_number: target.pullNumber, per_page: 100 };
    const [comments, reviews] = await Promise.all([
      octokit.paginate(octokit.rest.pulls.listReviewComments, params) as Promise<PriorComment[]>,
      octokit.paginate(octokit.rest.pulls.listReviews, params) as Promise<PriorReview[]>,
    ]);
    // Whose markers count matters only once a bot has commented; a first review asks nothing more.
    const botAuthored = [...comments, ...reviews].some((x) => isBotUser(x.user));
    return collectPriorState(comments, reviews, botAuthored ? await identity() : undefined);
  }

  async function postReview(input: PublishInput, plan: ReviewPlan, notes: string[]): Promise<{ id?: number; outcome: string }> {
    const rules = ruleIndex(input.result.rules);
    const inline = plan.items.filter((i) => i.status === 'inline');
    const posted = plan.items.filter((i) => i.status === 'inline' || i.status === 'body' || i.status === 'overflow');
    const hasError = posted.some((i) => i.finding.severity === 'error');
    const event = input.config.github.reviewEvent === 'REQUEST_CHANGES' && hasError ? 'REQUEST_CHANGES' : 'COMMENT';
    const comments = inline.map(({ finding, anchor }) => ({
      path: anchor!.path,
      line: anchor!.line,
      side: anchor!.side,
      ...(anchor!.startLine !== undefined ? { start_line: anchor!.startLine, start_side: anchor!.startSide } : {}),
      body: renderComment(finding, { docsUrl: rules.get(finding.ruleId)?.docsUrl, suggestionFits: anchor!.suggestionFits }),
    }));
    const base = { ...repo, pull_number: target.pullNumber, commit_id: target.headSha, event } as const;
    try {
      const res = await octokit.rest.pulls.createReview({
        ...base,
        body: renderReviewBody({ headSha: target.headSha, plan, rules, notes }),
        comments,
      });
      return { id: res.data.id, outcome: reviewSentence(inline.length, posted.length) };
    } catch (e) {
      if (httpStatus(e) !== 422 || comments.length === 0) throw e;
      // GitHub does not say which comment it rejected; its line checks use the same diff we indexed,
      // so a 422 means that diff changed under us (force-push) and no inline position is trustworthy.
      // One retry with every inline finding in the body: a review is created exactly once.
      const reason = describeApiError(e);
      log.warn({ pull: target.pullNumber, reason }, 'inline review comments rejected; retrying with findings in the review body');
      const res = await octokit.rest.pulls.createReview({
        ...base,
        body: renderReviewBody({ headSha: target.headSha, plan, rules, notes, inlineRejected: reason }),
      });
      return { id: res.data.id, outcome: `Posted a review; GitHub rejected the inline positions (${reason}), so the ${posted.length} new finding(s) are in the review body.` };
    }
  }

  async function publish(input: PublishInput): Promise<PublishOutcome> {
    if (runKey === undefined) throw new Error('GitHub sink: publish() before begin()');
    const prior = await readPriorState();
    const plan = planReview(input.result.findings, prior, input.index, { headSha: target.headSha, maxComments: input.config.github.maxComments });
    const notes = [...input.notes];

    let reviewId: number | undefined;
    let outcome: string;
    if (plan.postReview) {
      try {
        const posted = await postReview(input, plan, notes);
        reviewId = posted.id;
        reviewPosted = true;
        outcome = posted.outcome;
      } catch (e) {
        // The check run still completes and lists every finding; the next run posts them.
        outcome = `The review could not be posted (${describeApiError(e)}); the findings are listed here.`;
        log.warn({ pull: target.pullNumber, reason: describeApiError(e) }, 'review not posted');
      }
    } else if (prior.reviewedHeads.size > 0 && plan.items.some((i) => i.status === 'held')) {
      outcome = 'This commit already has a review from p2pdma-review; findings not posted there are listed here only.';
    } else {
      outcome = plan.items.length === 0 ? 'Nothing to post.' : 'No new findings to post: every finding was posted by an earlier review.';
    }

    const rules = ruleIndex(input.result.rules);
    const findings = plan.items.map((i) => i.finding);
    let annotations: Annotation[] = renderAnnotations(findings, rules, (file) => lookupFile(input.index, file)?.path);
    if (annotations.length > MAX_ANNOTATIONS) {
      notes.push(`${annotations.length} annotations: only the first ${MAX_ANNOTATIONS} are attached to the check run`);
      annotations = annotations.slice(0, MAX_ANNOTATIONS);
    }
    const output = renderCheckOutput({
      repo: `${target.owner}/${target.repo}`,
      pullNumber: target.pullNumber,
      headSha: target.headSha,
      plan,
      rules,
      configProblems: input.configProblems,
      configSource: input.configSource,
      notes: notes.concat(input.result.notes.map((n) => `${n.input}: ${n.message}`)),
      errors: input.result.errors,
      reviewOutcome: outcome,
    });
    const conclusion = conclusionFor(findings, input.config.failOn);

    // The review went first: it is what people wait for, and the check run summarises it. Up to 50
    // annotations, the check run is one request, created completed. Beyond that the run is created
    // in_progress and completed with the last batch: if the process dies half-way, the run never reads
    // as completed and the next delivery starts a fresh one rather than appending the same annotations.
    const batches: Annotation[][] = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const withBatch = (batch: Annotation[] | undefined) => (batch && batch.length > 0 ? { ...output, annotations: batch } : output);
    const completion = { status: 'completed', conclusion, completed_at: now().toISOString() } as const;
    const created = await createRun({
      external_id: runKey,
      started_at: startedAt,
      ...(batches.length > 1 ? { status: 'in_progress' as const } : completion),
      output: withBatch(batches[0]),
    });
    checkRunId = created.data.id;
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, ...(last ? completion : {}), output: withBatch(batches[i]) });
    }
    log.info({ pull: target.pullNumber, sha: target.headSha, conclusion, reviewId, findings: findings.length }, 'review published');
    return { plan, reviewId, conclusion, annotations: annotations.length };
  }

  async function fail(error: unknown): Promise<void> {
    if (runKey === undefined) return;
    const reason = error instanceof Error ? error.message.split('\n')[0].slice(0, 500) : String(error).slice(0, 500);
    const posted = reviewPosted
      ? 'The review was posted before the failure; re-running will not post it again.'
      : 'Nothing was posted to the pull request; re-run the check to try again.';
    const failed = {
      status: 'completed',
      conclusion: 'failure',
      completed_at: now().toISOString(),
      output: { title: 'Review failed', summary: `p2pdma-review could not complete the review of this commit: ${reason}. ${posted}` },
    } as const;
    // A run already written (one with more than 50 annotations) is completed; otherwise it is created failed.
    if (checkRunId !== undefined) {
      await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, ...failed });
    } else {
      await createRun({ external_id: runKey, started_at: startedAt, ...failed });
    }
  }

  async function reportSkip(reason: string, conclusion: 'neutral' | 'skipped'): Promise<void> {
    const at = now().toISOString();
    await createRun({
      status: 'completed',
      conclusion,
      started_at: at,
      completed_at: at,
      output: { title: 'Not reviewed', summary: reason.charAt(0).toUpperCase() + reason.slice(1) + '.' },
    });
  }

  return { findRun, begin, publish, fail, reportSkip };
}

function reviewSentence(inline: number, posted: number): string {
  const rest = posted - inline;
  const parts = [`${inline} inline comment${inline === 1 ? '' : 's'}`];
  if (rest > 0) parts.push(`${rest} finding${rest === 1 ? '' : 's'} in the review body`);
  return `Posted a review with ${parts.join(' and ')}.`;
}
