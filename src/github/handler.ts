// The App's event handling, engine injected: guard the event, load config from the default branch,
// ingest the pull request, run review(), hand the result to the GitHub sink.
import type { ApplicationFunction, Context, Probot } from 'probot';
import { createInstallationClient, viewerLogin, type GitHubClient } from './client.js';
import { configDigest, loadAppConfig } from './config.js';
import type { ReviewEngine } from './engine.js';
import { PULL_REQUEST_ACTIONS, triggerFromCheckRun, triggerFromPullRequest, type ReviewTrigger, type TriggerDecision } from './events.js';
import { ingestPullRequest } from './ingest.js';
import { createGitHubSink, STALE_RUN_MS, type PublishOutcome } from './sink.js';
import { createAppThrottle, writeBurstFromEnv } from './throttle.js';
import { createHeadTreeReader } from './tree.js';

/** Options of {@link createApp} (clock injection for deterministic tests). */
export interface AppOptions {
  now?: () => Date;
  /** Called after every handled event with what was done (tests and replay observe runs through it). */
  onRun?: (report: RunReport) => void;
}

/** What one event led to. */
export interface RunReport {
  event: string;
  skipped?: string;
  outcome?: PublishOutcome;
}

/** Builds the Probot application function around a review engine. */
export function createApp(engine: ReviewEngine, options: AppOptions = {}): ApplicationFunction {
  const now = options.now ?? (() => new Date());
  return (app: Probot) => {
    const { burst, problem } = writeBurstFromEnv();
    if (problem) app.log.warn(problem);
    const throttle = createAppThrottle(burst);
    // Runs of this process per `<repo>:<run key>`: a second delivery for a commit being reviewed waits
    // for nothing and posts nothing (the check run that would tell other processes is written last).
    const running = new Map<string, number>();
    let identity: Promise<string | undefined> | undefined;

    const prEvents = PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const);
    app.on(prEvents, async (context) => {
      await handle(context as unknown as Context, triggerFromPullRequest(context.payload));
    });
    app.on('check_run.rerequested', async (context) => {
      await handle(context as unknown as Context, triggerFromCheckRun(context.payload));
    });

    async function handle(context: Context, decision: TriggerDecision): Promise<void> {
      const event = `${context.name}.${(context.payload as { action?: string }).action ?? ''}`;
      if ('skip' in decision) {
        context.log.info({ event }, `not reviewing: ${decision.skip}`);
        if (decision.report) {
          const { owner, repo, headSha } = decision.report;
          const octokit = await clientFor(context);
          await createGitHubSink(octokit, { owner, repo, pullNumber: 0, headSha }, context.log, now).reportSkip(decision.skip, 'neutral');
        }
        options.onRun?.({ event, skipped: decision.skip });
        return;
      }
      const report = await review(context, await clientFor(context), decision.run);
      options.onRun?.({ event, ...report });
    }

    // Installation clients carry the App's request pacing (throttle.ts). Should Probot ever not hand one
    // out (another Probot major under the Action adapter), its own client still works, just paced harder.
    async function clientFor(context: Context): Promise<GitHubClient> {
      const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
      try {
        return await createInstallationClient(app, installationId, throttle);
      } catch (e) {
        context.log.warn({ reason: String(e) }, "using Probot's client, without the App's request pacing");
        return context.octokit as unknown as GitHubClient;
      }
    }

    // The token's login, asked once per process (every installation of an App writes as the same bot);
    // a failed lookup is not kept, so the next review asks again.
    async function whoAmI(octokit: GitHubClient, context: Context): Promise<string | undefined> {
      try {
        return await viewerLogin(octokit);
      } catch (e) {
        identity = undefined;
        context.log.warn({ reason: String(e) }, "could not tell the App's login; markers of any bot account count");
        return undefined;
      }
    }

    async function review(context: Context, octokit: GitHubClient, trigger: ReviewTrigger): Promise<Omit<RunReport, 'event'>> {
      const { owner, repo, pullNumber, headSha } = trigger;
      const log = context.log.child({ pull: `${owner}/${repo}#${pullNumber}`, sha: headSha.slice(0, 12) });
      const sink = createGitHubSink(octokit, trigger, log, now, () => (identity ??= whoAmI(octokit, context)));
      const skip = async (reason: string, report: boolean): Promise<Omit<RunReport, 'event'>> => {
        log.info({ event: trigger.event }, `not reviewing: ${reason}`);
        // A rerequest is a person waiting on the check: answer it, instead of leaving it as it was.
        if (report) await sink.reportSkip(reason, 'skipped');
        return { skipped: reason };
      };

      // The payload may be stale (redelivery, queued events): the live pull request decides.
      const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
      if (pr.state !== 'open') return skip(`pull request #${pullNumber} is ${pr.state}`, trigger.kind === 'rerequest');
      if (pr.head.sha !== headSha) {
        return skip(`the pull request head moved on to ${pr.head.sha.slice(0, 7)}, which gets its own review`, trigger.kind === 'rerequest');
      }

      // Probot's context.config reads the default branch (see config.ts); no ref is ever passed.
      const loaded = await loadAppConfig((file) => context.config(file), engine, `${owner}/${repo}`);
      if (pr.draft && !loaded.config.github.includeDrafts) {
        return skip(`pull request #${pullNumber} is a draft (set github.includeDrafts to review drafts)`, trigger.kind === 'rerequest');
      }

      const runKey = `${headSha}:${configDigest(loaded.config)}`;
      const local = `${owner}/${repo}:${runKey}`;
      // This process's own runs first: a concurrent redelivery is skipped without asking GitHub. The run
      // is claimed before the next await, so two deliveries cannot both pass.
      if (trigger.kind === 'pull_request' && running.has(local)) return skip('a review of this commit is already in progress', false);
      running.set(local, (running.get(local) ?? 0) + 1);
      try {
        if (trigger.kind === 'pull_request') {
          const earlier = await sink.findRun(runKey);
          if (earlier?.status === 'completed') return skip('this commit was already reviewed with this configuration (redelivered or repeated event)', false);
          if (earlier && now().getTime() - Date.parse(earlier.startedAt ?? '') < STALE_RUN_MS) {
            return skip(`a review of this commit is already in progress (check run ${earlier.id})`, false);
          }
        }
        sink.begin(runKey);
        const ingest = await ingestPullRequest(octokit, { owner, repo, pullNumber, changedFiles: pr.changed_files });
        const tree = createHeadTreeReader(octokit, {
          owner,
          repo,
          ref: headSha,
          files: ingest.files,
          maxFiles: loaded.config.github.maxFiles,
          maxFileBytes: loaded.config.github.maxFileBytes,
        });
        const result = await engine.review([ingest.input], { config: loaded.config, tree: tree.reader });
        const outcome = await sink.publish({
          result,
          index: ingest.index,
          config: loaded.config,
          configProblems: loaded.problems,
          configSource: loaded.source,
          notes: [...loaded.notes, ...ingest.notes, ...tree.notes()],
        });
        return { outcome };
      } catch (e) {
        // Only a begun run is reported failed (fail() does nothing before begin()).
        await sink.fail(e).catch((failError) => log.warn({ reason: String(failError) }, 'could not mark the check run failed'));
        throw e;
      } finally {
        const left = (running.get(local) ?? 1) - 1;
        if (left > 0) running.set(local, left);
        else running.delete(local);
      }
    }
  };
}
