// Rate limits with throttling on, as `npm start` runs it: GitHub's secondary-limit 403/429 (with
// `retry-after`) and primary-limit 403 are retried by plugin-throttling with the App's handlers, over
// real HTTP against the simulator. Probot's own handlers would not retry a secondary limit, so these
// tests also show that the App's installation clients carry the App's throttle options.
import { Probot, ProbotOctokit } from 'probot';
import { createApp, type RunReport } from '../../src/github/handler.js';
import { addPull, createState, filesFromGitDiff, loadRepoDir, seedFromWebhook, setFile, startSimulator, type GitHubSimulator, type SimRepo } from '../../src/github/simulator/index.js';
import { shimEngine } from './engine-shim.js';
import { APP_ID, APP_SLUG, appKeys, INSTALLATION_ID, REPO_DIR, repoFile, SHA, webhook } from './helpers.js';

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const C_FILE = 'drivers/misc/cmb_p2p/cmb_p2p.c';
const H_FILE = 'drivers/misc/cmb_p2p/cmb_p2p.h';
let sim: GitHubSimulator;
let repo: SimRepo;
let probot: Probot;
const runs: RunReport[] = [];

beforeAll(async () => {
  const state = createState();
  seedFromWebhook(state, webhook('pull_request.opened.json').payload);
  repo = state.repos.get('p2pdma-lab/linux')!;
  loadRepoDir(repo, REPO_DIR);
  sim = await startSimulator({ state, app: { id: APP_ID, slug: APP_SLUG, publicKey: appKeys().publicKey, installationId: INSTALLATION_ID } });
  probot = new Probot({
    appId: APP_ID,
    privateKey: appKeys().privateKey,
    baseUrl: sim.url,
    logLevel: 'fatal',
    // Probot's throttling as in production; only the retry plugin is off (so every retry seen here is
    // plugin-throttling's), and `retry-after` seconds count as milliseconds to keep the test quick.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object | undefined), retryAfterBaseValue: 1 },
    })),
  });
  await probot.load(createApp(shimEngine(), { onRun: (r) => runs.push(r) }));
}, 60000);

afterAll(() => sim.close());

/** A pull request with the first recorded diff at a fresh head, and its opened event. */
function freshPull(number: number) {
  const sha = number.toString(16).padStart(40, 'c');
  addPull(repo, { number, head: { ref: `rate-${number}`, sha }, files: filesFromGitDiff(repoFile(`pulls/42/${SHA.pr42v1}.diff`)) });
  for (const f of [C_FILE, H_FILE]) setFile(repo, sha, f, repoFile(`commits/${SHA.pr42v1}/${f}`));
  const { payload } = webhook('pull_request.opened.json');
  const pr = payload.pull_request as Record<string, unknown>;
  return { sha, payload: { ...payload, number, pull_request: { ...pr, number, head: { ...(pr.head as object), sha, ref: `rate-${number}` } } } };
}

const deliver = (payload: Record<string, unknown>) => probot.receive({ id: `rate-${String(payload.number)}`, name: 'pull_request', payload } as Parameters<Probot['receive']>[0]);

test('secondary limits (403 and 429 with retry-after) and a primary limit are retried; each write lands once', async () => {
  const { sha, payload } = freshPull(60);
  const start = sim.requests.length;
  const reset = String(Math.floor(Date.now() / 1000));
  sim.replyOnce('GET', /\/pulls\/60$/, { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, json: { message: `API rate limit exceeded for installation ID ${INSTALLATION_ID}.` } });
  sim.replyOnce('POST', /\/pulls\/60\/reviews$/, { status: 403, headers: { 'retry-after': '1' }, json: { message: SECONDARY } });
  sim.replyOnce('POST', /\/check-runs$/, { status: 429, headers: { 'retry-after': '2' }, json: { message: SECONDARY } });

  await deliver(payload);

  const seen = sim.requests.slice(start).filter((r) => ['pulls/get', 'pulls/create-review', 'checks/create'].includes(r.operationId ?? ''));
  expect(seen.map((r) => `${r.operationId} ${r.status}`)).toEqual([
    'pulls/get 403',
    'pulls/get 200',
    'pulls/create-review 403',
    'pulls/create-review 200',
    'checks/create 429',
    'checks/create 201',
  ]);
  expect(sim.invalidRequests()).toEqual([]);
  expect(repo.reviews.filter((r) => r.pull === 60)).toHaveLength(1);
  expect(repo.checkRuns.filter((r) => r.head_sha === sha)).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  expect(runs.at(-1)?.outcome?.reviewId).toBeDefined();
});

test('a secondary limit that persists: two retries, then the check run says the review could not be posted', async () => {
  const { sha, payload } = freshPull(61);
  const start = sim.requests.length;
  for (let i = 0; i < 3; i++) sim.replyOnce('POST', /\/pulls\/61\/reviews$/, { status: 403, headers: { 'retry-after': '1' }, json: { message: SECONDARY } });

  await deliver(payload);

  const posts = sim.requests.slice(start).filter((r) => r.operationId === 'pulls/create-review');
  expect(posts.map((r) => r.status)).toEqual([403, 403, 403]);
  expect(repo.reviews.filter((r) => r.pull === 61)).toEqual([]);
  const run = repo.checkRuns.find((r) => r.head_sha === sha)!;
  expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(run.output.summary).toContain(`The review could not be posted (HTTP 403: ${SECONDARY})`);
});
