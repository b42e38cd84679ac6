// End to end over real HTTP on loopback: HMAC-signed webhooks into the App's Node middleware, the
// GitHub API served by the simulator (OpenAPI-validated, 422 outside the diff), Probot pointed at it
// through GHE_HOST/GHE_PROTOCOL exactly as `npm start` would be.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot } from 'probot';
import { createApp } from '../../src/github/handler.js';
import { parseMarkers } from '../../src/github/markers.js';
import {
  addPull,
  createState,
  currentFiles,
  filesFromGitDiff,
  loadRepoDir,
  seedFromWebhook,
  setFile,
  startSimulator,
  type GitHubSimulator,
  type SimRepo,
} from '../../src/github/simulator/index.js';
import { shimEngine } from './engine-shim.js';
import { APP_ID, APP_SLUG, appKeys, captureLogger, INSTALLATION_ID, REPO_DIR, repoFile, SHA, signature, unthrottledOctokit, webhook } from './helpers.js';

const SECRET = 'e2e-webhook-secret-5f1c';
const C_FILE = 'drivers/misc/cmb_p2p/cmb_p2p.c';
const logs: string[] = [];
let sim: GitHubSimulator;
let repo: SimRepo;
let app: Server;
let appUrl: string;

beforeAll(async () => {
  const state = createState();
  for (const f of ['pull_request.opened.json', 'pull_request.opened.draft.json']) seedFromWebhook(state, webhook(f).payload);
  repo = state.repos.get('p2pdma-lab/linux')!;
  loadRepoDir(repo, REPO_DIR);
  sim = await startSimulator({ state, app: { id: APP_ID, slug: APP_SLUG, publicKey: appKeys().publicKey, installationId: INSTALLATION_ID } });

  // Exactly the settings `npm start` reads from the environment, with GHE_HOST aimed at the simulator.
  const probot = createProbot({
    env: {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: appKeys().privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: sim.host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'trace',
    },
    overrides: { log: captureLogger(logs) as never, Octokit: await unthrottledOctokit() },
  });
  const middleware = await createNodeMiddleware(createApp(shimEngine()), { probot });
  app = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
}, 60000);

afterAll(async () => {
  await new Promise<void>((resolve) => app.close(() => resolve()));
  await sim.close();
});

async function deliver(event: string, payload: unknown, opts: { secret?: string; id?: string } = {}) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${appUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/e2e',
      'x-github-event': event,
      'x-github-delivery': opts.id ?? randomUUID(),
      'x-hub-signature-256': signature(opts.secret ?? SECRET, body),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

const writes = () => sim.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'apps/create-installation-access-token');
const since = (n: number) => sim.requests.slice(n).map((r) => `${r.method} ${r.path}${r.query} ${r.status}`);
const stripIds = <T extends object>(o: T) => JSON.parse(JSON.stringify(o, (k, v: unknown) => (['id', 'pull_request_review_id', 'created_at', 'submitted_at', 'started_at', 'completed_at'].includes(k) ? '<volatile>' : v))) as unknown;

test('a forged signature is refused before any API call', async () => {
  const { payload } = webhook('pull_request.opened.json');
  const res = await deliver('pull_request', payload, { secret: 'not-the-secret' });
  expect(res.status).toBe(400);
  expect(res.text).toMatch(/signature does not match/);
  expect(sim.requests).toEqual([]);
});

test('opened: exact check run, review and comments; config read from the default branch', async () => {
  const { payload } = webhook('pull_request.opened.json');
  const res = await deliver('pull_request', payload, { id: 'delivery-opened' });
  expect(res.status).toBe(200);

  expect(since(0)).toMatchSnapshot('requests');
  // Two writes per event: the review first (what people wait for), then the check run, created completed.
  expect(writes().map((r) => r.operationId)).toEqual(['pulls/create-review', 'checks/create']);
  // No `ref` on the config read: GitHub serves the default branch, never the PR head.
  expect(sim.requests.filter((r) => r.path.includes('p2pdma-review.yml')).map((r) => r.query)).toEqual(['']);
  expect(sim.invalidRequests()).toEqual([]);

  expect(repo.checkRuns).toHaveLength(1);
  const run = repo.checkRuns[0];
  expect(run).toMatchObject({ name: 'p2pdma-review', head_sha: SHA.pr42v1, status: 'completed', conclusion: 'failure', app: { slug: APP_SLUG } });
  expect(run.history.map((h) => h.status ?? null)).toEqual(['completed']);
  expect(stripIds(run)).toMatchSnapshot('check run');

  expect(repo.reviews).toHaveLength(1);
  expect(repo.reviews[0]).toMatchObject({ pull: 42, state: 'COMMENTED', commit_id: SHA.pr42v1, user: { login: 'p2pdma-review[bot]', type: 'Bot' } });
  expect(repo.comments.map((c) => [c.path, c.line, c.side, c.start_line, c.start_side])).toEqual([
    [C_FILE, 30, 'RIGHT', 25, 'RIGHT'],
    [C_FILE, 40, 'RIGHT', null, null],
  ]);
  expect(stripIds({ review: repo.reviews[0], comments: repo.comments })).toMatchSnapshot('review and comments');
});

test('redelivery of the same event posts nothing new', async () => {
  const before = writes().length;
  const start = sim.requests.length;
  const { payload } = webhook('pull_request.opened.json');
  expect((await deliver('pull_request', payload, { id: 'delivery-opened' })).status).toBe(200);
  expect(writes().length).toBe(before);
  expect(since(start)).toEqual([
    'GET /repos/p2pdma-lab/linux/pulls/42 200',
    'GET /repos/p2pdma-lab/linux/contents/.github%2Fp2pdma-review.yml 200',
    `GET /repos/p2pdma-lab/linux/commits/${SHA.pr42v1}/check-runs?check_name=p2pdma-review&filter=all&per_page=100 200`,
  ]);
  expect(repo.reviews).toHaveLength(1);
  expect(repo.comments).toHaveLength(2);
});

test('synchronize: no repeated comments; the fixed finding is reported resolved', async () => {
  repo.pulls.get(42)!.head.sha = SHA.pr42v2; // the push
  const { payload } = webhook('pull_request.synchronize.json');
  expect((await deliver('pull_request', payload)).status).toBe(200);
  expect(sim.invalidRequests()).toEqual([]);
  expect(repo.checkRuns).toHaveLength(2);
  expect(repo.checkRuns[1]).toMatchObject({ head_sha: SHA.pr42v2, conclusion: 'failure', output: { title: '1 error' } });
  expect(repo.checkRuns[1].output.summary).toContain('| posted earlier |');
  expect(repo.reviews).toHaveLength(2);
  expect(repo.comments).toHaveLength(2); // nothing new inline
  const markers = parseMarkers(repo.reviews[1].body);
  expect(markers.heads).toEqual([SHA.pr42v2]);
  expect(markers.resolved).toEqual(parseMarkers(repo.comments[1].body).fingerprints);
  expect(repo.reviews[1].body).toContain('#### Resolved since the last review');
  // Earlier bot comments exist now, so the App asked which bot it is (GraphQL on GHES's /api/graphql).
  expect(sim.requests.filter((r) => r.operationId === 'graphql').map((r) => `${r.path} ${r.status}`)).toEqual(['/api/graphql 200']);
});

test('check_run.rerequested: a fresh check run, and no second review of the same commit', async () => {
  const { payload } = webhook('check_run.rerequested.json');
  expect((await deliver('check_run', payload)).status).toBe(200);
  expect(repo.checkRuns).toHaveLength(3);
  expect(repo.checkRuns[2]).toMatchObject({ head_sha: SHA.pr42v2, status: 'completed', conclusion: 'failure' });
  expect(repo.reviews).toHaveLength(2);
  expect(repo.comments).toHaveLength(2);
  // The App's login is asked once per process.
  expect(sim.requests.filter((r) => r.operationId === 'graphql')).toHaveLength(1);
});

test('a draft is not reviewed; ready_for_review is, with a success check and no review', async () => {
  const before = writes().length;
  expect((await deliver('pull_request', webhook('pull_request.opened.draft.json').payload)).status).toBe(200);
  expect(writes().length).toBe(before);
  repo.pulls.get(43)!.draft = false;
  expect((await deliver('pull_request', webhook('pull_request.ready_for_review.json').payload)).status).toBe(200);
  const run = repo.checkRuns[repo.checkRuns.length - 1];
  expect(run).toMatchObject({ head_sha: SHA.pr43, conclusion: 'success', output: { title: 'No findings' } });
  expect(repo.reviews.filter((r) => r.pull === 43)).toEqual([]);
});

test('a 422 on the review (diff changed under the App) falls back to the body, once', async () => {
  // PR 44 has the first diff; right before the review arrives, a force-push moves its hunks away.
  const sha = 'e'.repeat(40);
  const files = filesFromGitDiff(repoFile(`pulls/42/${SHA.pr42v1}.diff`));
  const pull = addPull(repo, { number: 44, head: { ref: 'race', sha }, files });
  for (const f of ['drivers/misc/cmb_p2p/cmb_p2p.c', 'drivers/misc/cmb_p2p/cmb_p2p.h']) setFile(repo, sha, f, repoFile(`commits/${SHA.pr42v1}/${f}`));
  sim.once('POST', /\/pulls\/44\/reviews$/, () => pull.filesBySha.set(sha, filesFromGitDiff(repoFile(`pulls/43/${SHA.pr43}.diff`))));
  const { payload } = webhook('pull_request.opened.json');
  const pr = payload.pull_request as Record<string, unknown>;
  const start = sim.requests.length;
  const res = await deliver('pull_request', { ...payload, number: 44, pull_request: { ...pr, number: 44, head: { ...(pr.head as object), sha, ref: 'race' } } });
  expect(res.status).toBe(200);
  const posts = sim.requests.slice(start).filter((r) => r.operationId === 'pulls/create-review');
  expect(posts.map((p) => [p.status, p.problems ?? null])).toEqual([
    [422, ['Line could not be resolved']],
    [200, null],
  ]);
  const reviews = repo.reviews.filter((r) => r.pull === 44);
  expect(reviews).toHaveLength(1);
  expect(repo.comments.filter((c) => c.pull === 44)).toEqual([]);
  expect(parseMarkers(reviews[0].body).fingerprints).toHaveLength(2);
  expect(reviews[0].body).toContain('Could not be placed inline (GitHub answered: HTTP 422: Unprocessable Entity)');
  expect(currentFiles(pull)).toHaveLength(1);
});

test('the same delivery twice at once: one review, one check run', async () => {
  // PR 45: the first diff at a fresh head, delivered twice concurrently (GitHub retrying a slow delivery).
  const sha = 'd'.repeat(40);
  addPull(repo, { number: 45, head: { ref: 'twice', sha }, files: filesFromGitDiff(repoFile(`pulls/42/${SHA.pr42v1}.diff`)) });
  for (const f of ['drivers/misc/cmb_p2p/cmb_p2p.c', 'drivers/misc/cmb_p2p/cmb_p2p.h']) setFile(repo, sha, f, repoFile(`commits/${SHA.pr42v1}/${f}`));
  const { payload } = webhook('pull_request.opened.json');
  const pr = payload.pull_request as Record<string, unknown>;
  const event = { ...payload, number: 45, pull_request: { ...pr, number: 45, head: { ...(pr.head as object), sha, ref: 'twice' } } };
  const replies = await Promise.all([deliver('pull_request', event, { id: 'twice' }), deliver('pull_request', event, { id: 'twice' })]);
  expect(replies.map((r) => r.status)).toEqual([200, 200]);
  expect(repo.reviews.filter((r) => r.pull === 45)).toHaveLength(1);
  expect(repo.checkRuns.filter((r) => r.head_sha === sha)).toHaveLength(1);
  expect(repo.comments.filter((c) => c.pull === 45)).toHaveLength(2);
  // The second delivery is held off in-process, before it asks GitHub about earlier check runs.
  expect(sim.requests.filter((r) => r.operationId === 'checks/list-for-ref' && r.path.includes(sha))).toHaveLength(1);
  expect(logs.filter((l) => l.includes('"not reviewing: a review of this commit is already in progress"'))).toHaveLength(1);
});

test('no secret reached the log (private key, webhook secret, installation tokens)', () => {
  const text = logs.join('\n');
  expect(logs.length).toBeGreaterThan(10); // the logger did record (trace level)
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(appKeys().privateKey.split('\n')[1]);
  expect(text).not.toMatch(/ghs_[0-9a-f]{8}/);
});
