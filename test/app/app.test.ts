// The App handler against recorded webhooks with the GitHub API mocked by nock: every request the App
// makes is expected explicitly, request bodies are snapshot-checked, and no mock may be left pending.
import nock from 'nock';
import { Probot } from 'probot';
import { configDigest } from '../../src/github/config.js';
import { createApp, type RunReport } from '../../src/github/handler.js';
import { filesFromGitDiff } from '../../src/github/simulator/diff.js';
import { fingerprintMarker, headMarker, parseMarkers } from '../../src/github/markers.js';
import { defaultConfig } from '../../src/config/index.js';
import type { Finding } from '../../src/types.js';
import { shimEngine } from './engine-shim.js';
import { APP_ID, appKeys, finding, INSTALLATION_ID, repoFile, SHA, unthrottledOctokit, webhook } from './helpers.js';

const Octokit = await unthrottledOctokit();

const API = 'https://api.github.com';
const REPO = '/repos/p2pdma-lab/linux';
const CONFIG_PATH = '/contents/.github%2Fp2pdma-review.yml';
const CHECK_ID = 7001;
const NOW = new Date('2025-03-12T08:41:25.000Z');
const C_FILE = 'drivers/misc/cmb_p2p/cmb_p2p.c';
const H_FILE = 'drivers/misc/cmb_p2p/cmb_p2p.h';
const BOT = { login: 'p2pdma-review[bot]', id: 900001, type: 'Bot' };
const SECRET = 'webhook-secret-for-tests';

type Body = Record<string, unknown>;

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function probotWith(engine = shimEngine(), runs: RunReport[] = []) {
  const probot = new Probot({
    appId: APP_ID,
    privateKey: appKeys().privateKey,
    secret: SECRET,
    logLevel: 'fatal',
    // Retries and throttling off: a failed request must fail the test, not be retried silently.
    Octokit,
  });
  const ready = probot.load(createApp(engine, { now: () => NOW, onRun: (r) => runs.push(r) }));
  return { probot, engine, runs, ready };
}

async function deliver(probot: Probot, file: string) {
  const { name, payload } = webhook(file);
  await probot.receive({ id: `delivery-${file}`, name, payload } as Parameters<Probot['receive']>[0]);
}

function token() {
  return nock(API).post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: 'ghs_installationtoken', expires_at: '2025-03-12T09:41:25Z', permissions: {} });
}

function pull(number: number, over: Body = {}) {
  const base = webhook(number === 42 ? 'pull_request.synchronize.json' : 'pull_request.ready_for_review.json').payload.pull_request as Body;
  return { ...base, ...over };
}

/** Config lookup: the repository's file on the default branch (no ref!), then the org `.github` repo. */
function config(yaml?: string) {
  const scope = nock(API);
  if (yaml === undefined) {
    scope.get(`${REPO}${CONFIG_PATH}`).reply(404, { message: 'Not Found' });
    scope.get(`/repos/p2pdma-lab/.github${CONFIG_PATH}`).reply(404, { message: 'Not Found' });
  } else {
    scope.get(`${REPO}${CONFIG_PATH}`).reply(200, yaml, { 'content-type': 'text/plain; charset=utf-8' });
  }
  return scope;
}

function files(sha: string, number = 42) {
  return filesFromGitDiff(repoFile(`pulls/${number}/${sha}.diff`)).map((f, i) => ({ sha: `${i}`.padStart(40, '0'), blob_url: '', raw_url: '', contents_url: '', ...f }));
}

function content(sha: string, path: string) {
  const text = repoFile(`commits/${sha}/${path}`);
  return { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: path.split('/').pop(), path, content: Buffer.from(text).toString('base64'), sha: 'x' };
}

interface Captured {
  checkCreate: Body[];
  checkUpdates: Body[];
  reviews: Body[];
  /** Every write, in the order it reached the API. */
  writes: string[];
}

/**
 * The requests of a review run after the config lookup: duplicate-run lookup (optional), files, head
 * contents, prior comments/reviews, the App's login (only when earlier bot comments exist), the
 * review, the check run, and check-run updates (annotation batches beyond the first).
 */
function reviewRun(opts: {
  sha: string;
  number?: number;
  earlierRuns?: Body[];
  findRun?: boolean;
  contents?: string[];
  comments?: Body[];
  reviews?: Body[];
  viewer?: boolean;
  reviewReplies?: Array<[number, Body]>;
  updates?: number;
}): Captured {
  const number = opts.number ?? 42;
  const captured: Captured = { checkCreate: [], checkUpdates: [], reviews: [], writes: [] };
  const scope = nock(API);
  if (opts.findRun !== false) {
    scope
      .get(`${REPO}/commits/${opts.sha}/check-runs`)
      .query({ check_name: 'p2pdma-review', filter: 'all', per_page: '100' })
      .reply(200, { total_count: opts.earlierRuns?.length ?? 0, check_runs: opts.earlierRuns ?? [] });
  }
  scope.get(`${REPO}/pulls/${number}/files`).query({ per_page: '100' }).reply(200, files(opts.sha, number));
  for (const path of opts.contents ?? []) {
    scope.get(`${REPO}/contents/${encodeURIComponent(path)}`).query({ ref: opts.sha }).reply(200, content(opts.sha, path));
  }
  scope.get(`${REPO}/pulls/${number}/comments`).query({ per_page: '100' }).reply(200, opts.comments ?? []);
  scope.get(`${REPO}/pulls/${number}/reviews`).query({ per_page: '100' }).reply(200, opts.reviews ?? []);
  if (opts.viewer) scope.post('/graphql', (b: { query: string }) => /viewer\s*\{\s*login/.test(b.query)).reply(200, { data: { viewer: { login: BOT.login } } });
  for (const [status, reply] of opts.reviewReplies ?? []) {
    scope.post(`${REPO}/pulls/${number}/reviews`, (b: Body) => (captured.reviews.push(b), captured.writes.push(`POST pulls/${number}/reviews`), true)).reply(status, reply);
  }
  scope.post(`${REPO}/check-runs`, (b: Body) => (captured.checkCreate.push(b), captured.writes.push('POST check-runs'), true)).reply(201, { id: CHECK_ID, app: { id: APP_ID, slug: 'p2pdma-review' } });
  for (let i = 0; i < (opts.updates ?? 0); i++) {
    scope.patch(`${REPO}/check-runs/${CHECK_ID}`, (b: Body) => (captured.checkUpdates.push(b), captured.writes.push(`PATCH check-runs/${CHECK_ID}`), true)).reply(200, { id: CHECK_ID });
  }
  return captured;
}

/** The check run a review run wrote (created completed). */
const checkRun = (c: Captured) => c.checkCreate[0] as Body & { output: { summary: string; title: string } };

describe('pull_request events', () => {
  test('opened: the review with inline comments goes first, then one check run, created completed (failure)', async () => {
    const { probot, engine, runs, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42, { head: { ...(pull(42).head as Body), sha: SHA.pr42v1 }, changed_files: 2 }));
    config();
    const c = reviewRun({ sha: SHA.pr42v1, contents: [C_FILE, H_FILE], reviewReplies: [[200, { id: 555 }]] });

    await deliver(probot, 'pull_request.opened.json');

    // Two writes for the event, the one people wait for first.
    expect(c.writes).toEqual(['POST pulls/42/reviews', 'POST check-runs']);
    expect(c.checkCreate).toMatchSnapshot('check run');
    expect(c.reviews).toHaveLength(1);
    expect(c.reviews[0]).toMatchSnapshot('review');
    const review = c.reviews[0] as { event: string; commit_id: string; comments: Array<Body & { body: string }> };
    expect(review.event).toBe('COMMENT');
    expect(review.commit_id).toBe(SHA.pr42v1);
    expect(review.comments.map((x) => [x.path, x.line, x.side, x.start_line])).toEqual([
      [C_FILE, 30, 'RIGHT', 25],
      [C_FILE, 40, 'RIGHT', undefined],
    ]);
    expect(review.comments[1].body).toContain('```suggestion\n\tif (!nents)\n```');
    expect(checkRun(c)).toMatchObject({ status: 'completed', conclusion: 'failure', started_at: NOW.toISOString(), completed_at: NOW.toISOString() });
    // The engine saw the whole head files, read at the head SHA.
    expect(engine.log.reads).toEqual([C_FILE, H_FILE]);
    expect(engine.log.contents.get(C_FILE)).toBe(repoFile(`commits/${SHA.pr42v1}/${C_FILE}`));
    expect(engine.log.inputs[0].name).toBe('p2pdma-lab/linux#42');
    expect(engine.log.options[0].tree?.image).toBe('post');
    expect(runs[0].outcome?.conclusion).toBe('failure');
  });

  test('a draft is skipped after reading the config; nothing is written', async () => {
    const { probot, runs, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/43`).reply(200, pull(43, { draft: true }));
    config();
    await deliver(probot, 'pull_request.opened.draft.json');
    expect(runs).toEqual([{ event: 'pull_request.opened', skipped: 'pull request #43 is a draft (set github.includeDrafts to review drafts)' }]);
  });

  test('a draft is reviewed when the default-branch config sets github.includeDrafts', async () => {
    const { probot, runs, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/43`).reply(200, pull(43, { draft: true }));
    config('github:\n  includeDrafts: true\n');
    const c = reviewRun({ sha: SHA.pr43, number: 43, contents: [C_FILE] });
    await deliver(probot, 'pull_request.opened.draft.json');
    expect(c.reviews).toEqual([]);
    expect(c.writes).toEqual(['POST check-runs']);
    expect(checkRun(c)).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'No findings' } });
    expect(runs[0].skipped).toBeUndefined();
  });

  test('ready_for_review without findings: a successful check run and no review', async () => {
    const { probot, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/43`).reply(200, pull(43));
    config();
    const c = reviewRun({ sha: SHA.pr43, number: 43, contents: [C_FILE] });
    await deliver(probot, 'pull_request.ready_for_review.json');
    expect(c.reviews).toEqual([]);
    expect(c.writes).toEqual(['POST check-runs']);
    expect(c.checkCreate).toMatchSnapshot();
  });

  test('synchronize: already-posted findings are not repeated, vanished ones are reported resolved', async () => {
    const { probot, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config();
    // What the first review left: the sg finding inline, the dma finding inline (fingerprints from v1).
    const v1 = await firstReviewFingerprints();
    const c = reviewRun({
      sha: SHA.pr42v2,
      contents: [C_FILE, H_FILE],
      comments: [
        { id: 1, path: C_FILE, line: 30, created_at: '2025-03-11T14:05:00Z', user: BOT, body: `**Error** \`sg-nonpage-memory\`\n${fingerprintMarker(v1.sg)}` },
        { id: 2, path: C_FILE, line: 40, created_at: '2025-03-11T14:05:00Z', user: BOT, body: `**Error** \`dma-map-sg-result\`\n${fingerprintMarker(v1.dma)}` },
        // A human quoting our marker does not count as a posted finding.
        { id: 3, path: C_FILE, line: 31, created_at: '2025-03-11T15:00:00Z', user: { login: 'kdev', id: 5123456, type: 'User' }, body: `thanks ${fingerprintMarker('not-ours')}` },
      ],
      reviews: [{ id: 10, body: headMarker(SHA.pr42v1), submitted_at: '2025-03-11T14:05:00Z', user: BOT }],
      // Earlier bot comments exist: which bot the App is decides whose markers count.
      viewer: true,
      reviewReplies: [[200, { id: 556 }]],
    });

    await deliver(probot, 'pull_request.synchronize.json');

    expect(c.reviews).toHaveLength(1);
    const review = c.reviews[0] as { comments: unknown[]; body: string; commit_id: string };
    expect(review.comments).toEqual([]);
    expect(review.commit_id).toBe(SHA.pr42v2);
    expect(parseMarkers(review.body)).toEqual({ fingerprints: [], resolved: [v1.dma], heads: [SHA.pr42v2] });
    expect(review.body).toContain('`dma-map-sg-result` at `drivers/misc/cmb_p2p/cmb_p2p.c:40`');
    expect(review.body).toContain(`### p2pdma-review: no new findings in \`1160b2a\`\n\n1 finding from earlier reviews still applies.`);
    const summary = checkRun(c).output.summary;
    expect(summary).toContain('| posted earlier |');
    expect(summary).toContain('### Resolved since the last review');
    expect(checkRun(c)).toMatchObject({ conclusion: 'failure', output: { title: '1 error' } });
    expect(c.writes).toEqual(['POST pulls/42/reviews', 'POST check-runs']);
  });

  test('another bot\'s copy of our marker does not silence a finding: the App asks GitHub which bot it is', async () => {
    const { probot, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42, { head: { ...(pull(42).head as Body), sha: SHA.pr42v1 } }));
    config();
    const v1 = await firstReviewFingerprints();
    const c = reviewRun({
      sha: SHA.pr42v1,
      contents: [C_FILE, H_FILE],
      comments: [{ id: 9, path: C_FILE, line: 30, created_at: '2025-03-11T14:05:00Z', user: { login: 'ci-echo[bot]', id: 777, type: 'Bot' }, body: `quoting: ${fingerprintMarker(v1.sg)}` }],
      viewer: true,
      reviewReplies: [[200, { id: 562 }]],
    });
    await deliver(probot, 'pull_request.opened.json');
    expect((c.reviews[0] as { comments: unknown[] }).comments).toHaveLength(2);
  });

  test('when GitHub cannot say which bot the App is, markers of any bot account count', async () => {
    const { probot, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42, { head: { ...(pull(42).head as Body), sha: SHA.pr42v1 } }));
    config();
    const v1 = await firstReviewFingerprints();
    nock(API).post('/graphql').reply(502, { message: 'Bad Gateway' });
    const c = reviewRun({
      sha: SHA.pr42v1,
      contents: [C_FILE, H_FILE],
      comments: [{ id: 9, path: C_FILE, line: 30, created_at: '2025-03-11T14:05:00Z', user: { login: 'ci-echo[bot]', id: 777, type: 'Bot' }, body: `quoting: ${fingerprintMarker(v1.sg)}` }],
      reviewReplies: [[200, { id: 563 }]],
    });
    await deliver(probot, 'pull_request.opened.json');
    expect((c.reviews[0] as { comments: Array<{ line: number }> }).comments.map((x) => x.line)).toEqual([40]);
  });

  test('redelivery: a completed run for this head and configuration means nothing is posted again', async () => {
    const { probot, runs, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config();
    const key = `${SHA.pr42v2}:${configDigest({ ...defaultConfig(), plugins: [] })}`;
    nock(API)
      .get(`${REPO}/commits/${SHA.pr42v2}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 1, external_id: key, status: 'completed', started_at: '2025-03-12T08:41:00Z' }] });
    await deliver(probot, 'pull_request.synchronize.json');
    expect(runs[0].skipped).toMatch(/already reviewed with this configuration/);
  });

  test('a head that moved on is left to the newer event', async () => {
    const { probot, runs, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42, { head: { ...(pull(42).head as Body), sha: 'f'.repeat(40) } }));
    await deliver(probot, 'pull_request.synchronize.json');
    expect(runs[0].skipped).toBe('the pull request head moved on to fffffff, which gets its own review');
  });
});

describe('configuration', () => {
  test('invalid config: the check run names the property, the review runs with defaults, plugins are ignored', async () => {
    const { probot, engine, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config('github:\n  maxComments: many\nplugins:\n  - ./evil-plugin.js\n');
    const c = reviewRun({ sha: SHA.pr42v2, contents: [C_FILE, H_FILE], reviewReplies: [[200, { id: 557 }]] });
    await deliver(probot, 'pull_request.synchronize.json');
    const summary = checkRun(c).output.summary;
    expect(summary).toContain('### Configuration problems: ran with the default configuration');
    expect(summary).toMatch(/`p2pdma-lab\/linux:\.github\/p2pdma-review\.yml`: `github\.maxComments`: /);
    expect(summary).toContain('the GitHub App never loads plugin code from repositories');
    expect(engine.log.options[0].config).toEqual({ ...defaultConfig(), plugins: [] });
    expect((c.reviews[0] as { comments: unknown[] }).comments).toHaveLength(1);
  });

  test('a valid config applies: maxFiles bounds the head files fetched, REQUEST_CHANGES is used for errors', async () => {
    const { probot, engine, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config('github:\n  maxFiles: 1\n  reviewEvent: REQUEST_CHANGES\n');
    const c = reviewRun({ sha: SHA.pr42v2, contents: [C_FILE], reviewReplies: [[200, { id: 558 }]] });
    await deliver(probot, 'pull_request.synchronize.json');
    expect(engine.log.contents.get(H_FILE)).toBeUndefined();
    expect((c.reviews[0] as { event: string }).event).toBe('REQUEST_CHANGES');
    const summary = checkRun(c).output.summary;
    expect(summary).toContain('head content of 1 touched C file(s) was not fetched (config `github.maxFiles` = 1): `drivers/misc/cmb_p2p/cmb_p2p.h` analysed from the diff hunks only');
  });
});

describe('failures', () => {
  test('a 422 on the review is retried once with the inline findings in the body', async () => {
    const { probot, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42, { head: { ...(pull(42).head as Body), sha: SHA.pr42v1 } }));
    config();
    const c = reviewRun({
      sha: SHA.pr42v1,
      contents: [C_FILE, H_FILE],
      reviewReplies: [
        [422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] }],
        [200, { id: 559 }],
      ],
    });
    await deliver(probot, 'pull_request.opened.json');
    expect(c.reviews).toHaveLength(2);
    const [first, second] = c.reviews as Array<{ comments?: unknown[]; body: string }>;
    expect(first.comments).toHaveLength(2);
    expect(second.comments).toBeUndefined();
    expect(second.body).toContain('#### Could not be placed inline (GitHub answered: HTTP 422: Unprocessable Entity)');
    expect(parseMarkers(second.body).fingerprints).toHaveLength(2);
    expect(checkRun(c).output.summary).toContain('GitHub rejected the inline positions');
    expect(c.writes).toEqual(['POST pulls/42/reviews', 'POST pulls/42/reviews', 'POST check-runs']);
  });

  test('an engine crash writes the check run as failed, posts no review, and surfaces the error', async () => {
    const { probot, ready } = probotWith(shimEngine({ crash: 'tree-sitter exploded' }));
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config();
    const captured: Body[] = [];
    nock(API)
      .get(`${REPO}/commits/${SHA.pr42v2}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] })
      .get(`${REPO}/pulls/42/files`).query(true).reply(200, files(SHA.pr42v2))
      .post(`${REPO}/check-runs`, (b: Body) => (captured.push(b), true)).reply(201, { id: CHECK_ID, app: { slug: 'p2pdma-review' } });
    await expect(deliver(probot, 'pull_request.synchronize.json')).rejects.toThrow(/tree-sitter exploded/);
    // The one write: the failed run, under this run's key (a redelivery does not retry; "Re-run" does).
    expect(captured).toEqual([
      {
        name: 'p2pdma-review',
        head_sha: SHA.pr42v2,
        external_id: `${SHA.pr42v2}:${configDigest({ ...defaultConfig(), plugins: [] })}`,
        started_at: NOW.toISOString(),
        status: 'completed',
        conclusion: 'failure',
        completed_at: NOW.toISOString(),
        output: { title: 'Review failed', summary: 'p2pdma-review could not complete the review of this commit: tree-sitter exploded. Nothing was posted to the pull request; re-run the check to try again.' },
      },
    ]);
  });

  test('an unreadable head file is a summary note and the review still runs on the hunks', async () => {
    const { probot, engine, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config();
    nock(API).get(`${REPO}/contents/${encodeURIComponent(C_FILE)}`).query({ ref: SHA.pr42v2 }).reply(500, { message: 'Server Error' });
    const c = reviewRun({ sha: SHA.pr42v2, contents: [H_FILE], reviewReplies: [[200, { id: 560 }]] });
    await deliver(probot, 'pull_request.synchronize.json');
    expect(engine.log.contents.get(C_FILE)).toBeUndefined();
    expect(checkRun(c).output.summary).toContain('could not read head content: `drivers/misc/cmb_p2p/cmb_p2p.c`: HTTP 500: Server Error; analysed from the diff hunks only');
    expect(c.reviews).toHaveLength(1);
  });

  test('more than 50 annotations: the run is created in_progress with the first 50 and completed with the last batch', async () => {
    const extra: Finding[] = Array.from({ length: 120 }, (_, i) => finding({ file: C_FILE, line: 29, startLine: undefined, severity: 'warning', fingerprint: `extra-${i}` }));
    const { probot, ready } = probotWith(shimEngine({ extra }));
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config();
    const c = reviewRun({ sha: SHA.pr42v2, contents: [C_FILE, H_FILE], reviewReplies: [[200, { id: 561 }]], updates: 2 });
    await deliver(probot, 'pull_request.synchronize.json');
    const writes = [...c.checkCreate, ...c.checkUpdates];
    const sizes = writes.map((u) => ((u.output as { annotations?: unknown[] }).annotations ?? []).length);
    expect(sizes).toEqual([50, 50, 21]);
    expect(writes.map((u) => u.status ?? '(unchanged)')).toEqual(['in_progress', '(unchanged)', 'completed']);
    expect(c.writes).toEqual(['POST pulls/42/reviews', 'POST check-runs', `PATCH check-runs/${CHECK_ID}`, `PATCH check-runs/${CHECK_ID}`]);
    const review = c.reviews[0] as { comments: unknown[]; body: string };
    expect(review.comments).toHaveLength(30); // config default github.maxComments
    expect(review.body).toContain('#### Over the limit of inline comments per review');
  });
});

describe('check_run.rerequested', () => {
  test('writes a fresh check run; the commit already has our review, so no second review', async () => {
    const { probot, ready } = probotWith();
    await ready;
    token();
    nock(API).get(`${REPO}/pulls/42`).reply(200, pull(42));
    config();
    const v2 = await firstReviewFingerprints(SHA.pr42v2);
    const c = reviewRun({
      sha: SHA.pr42v2,
      findRun: false,
      contents: [C_FILE, H_FILE],
      comments: [{ id: 1, path: C_FILE, line: 31, created_at: '2025-03-12T08:41:30Z', user: BOT, body: fingerprintMarker(v2.sg) }],
      reviews: [{ id: 11, body: headMarker(SHA.pr42v2), submitted_at: '2025-03-12T08:41:30Z', user: BOT }],
      viewer: true,
    });
    await deliver(probot, 'check_run.rerequested.json');
    expect(c.checkCreate).toHaveLength(1);
    expect(c.checkCreate[0]).toMatchObject({ name: 'p2pdma-review', head_sha: SHA.pr42v2, status: 'completed' });
    expect(c.reviews).toEqual([]);
    expect(c.writes).toEqual(['POST check-runs']);
    expect(checkRun(c).output.summary).toContain('| posted earlier |');
  });

  test('a check run without an associated pull request (fork) is answered with a neutral check run', async () => {
    const { probot, runs, ready } = probotWith();
    await ready;
    token();
    const created: Body[] = [];
    nock(API).post(`${REPO}/check-runs`, (b: Body) => (created.push(b), true)).reply(201, { id: 1 });
    const { payload } = webhook('check_run.rerequested.json');
    const run = { ...(payload.check_run as Body), pull_requests: [] };
    await probot.receive({ id: 'x', name: 'check_run', payload: { ...payload, check_run: run } } as unknown as Parameters<Probot['receive']>[0]);
    expect(runs[0].skipped).toMatch(/^no pull request of p2pdma-lab\/linux is associated with 1160b2a/);
    expect(created[0]).toMatchObject({ name: 'p2pdma-review', head_sha: SHA.pr42v2, status: 'completed', conclusion: 'neutral', output: { title: 'Not reviewed' } });
  });

  test('a re-run of another app\'s check run is ignored without any request', async () => {
    const { probot, runs, ready } = probotWith();
    await ready;
    const { payload } = webhook('check_run.rerequested.json');
    await probot.receive({ id: 'x', name: 'check_run', payload: { ...payload, check_run: { ...(payload.check_run as Body), name: 'ci/build' } } } as Parameters<Probot['receive']>[0]);
    expect(runs[0].skipped).toBe('check run "ci/build" is not ours');
  });
});

describe('webhook security', () => {
  test('a forged signature is rejected before any API call', async () => {
    const { probot, engine, ready } = probotWith();
    await ready;
    const { name, payload } = webhook('pull_request.opened.json');
    const body = JSON.stringify(payload);
    await expect(
      probot.webhooks.verifyAndReceive({ id: 'forged', name: name as 'pull_request', payload: body, signature: 'sha256=' + '0'.repeat(64) }),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ status: 400, message: expect.stringMatching(/signature does not match/) })] });
    expect(engine.log.inputs).toEqual([]);
    // nock.disableNetConnect() plus no interceptors: any API call would have failed the delivery differently.
  });
});

/** The fingerprints the shim engine gives the two violations at a head (stable across line shifts). */
async function firstReviewFingerprints(sha: string = SHA.pr42v1): Promise<{ sg: string; dma: string }> {
  const r = await shimEngine().review([{ name: 'p2pdma-lab/linux#42', data: Buffer.from(repoFile(`pulls/42/${SHA.pr42v1}.diff`)) }], { config: defaultConfig() });
  const sg = r.findings.find((f) => f.ruleId === 'sg-nonpage-memory')!.fingerprint;
  const dma = r.findings.find((f) => f.ruleId === 'dma-map-sg-result')!.fingerprint;
  void sha;
  return { sg, dma };
}
