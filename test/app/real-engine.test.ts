// The shipped App (src/app.ts: the real review engine) on the recorded pull request, through the
// simulator: the planted violations are caught, anchored on their lines, and never posted twice.
import { Probot } from 'probot';
import app from '../../src/app.js';
import { parseMarkers } from '../../src/github/markers.js';
import { createState, loadRepoDir, seedFromWebhook, startSimulator, type GitHubSimulator, type SimRepo } from '../../src/github/simulator/index.js';
import { APP_ID, APP_SLUG, appKeys, INSTALLATION_ID, REPO_DIR, SHA, unthrottledOctokit, webhook } from './helpers.js';

const C_FILE = 'drivers/misc/cmb_p2p/cmb_p2p.c';
let sim: GitHubSimulator;
let repo: SimRepo;
let probot: Probot;

beforeAll(async () => {
  const state = createState();
  seedFromWebhook(state, webhook('pull_request.opened.json').payload);
  repo = state.repos.get('p2pdma-lab/linux')!;
  loadRepoDir(repo, REPO_DIR);
  sim = await startSimulator({ state, app: { id: APP_ID, slug: APP_SLUG, publicKey: appKeys().publicKey, installationId: INSTALLATION_ID } });
  probot = new Probot({ appId: APP_ID, privateKey: appKeys().privateKey, baseUrl: sim.url, logLevel: 'fatal', Octokit: await unthrottledOctokit() });
  await probot.load(app);
}, 60000);
afterAll(() => sim.close());

const deliver = (file: string) => {
  const { name, payload } = webhook(file);
  return probot.receive({ id: file, name, payload } as Parameters<Probot['receive']>[0]);
};
const ruleOf = (body: string) => /`([a-z0-9-]+)`/.exec(body.split('\n', 1)[0])?.[1];

test('opened: the ioremap()ed buffer in sg_set_buf() and the dma_map_sg() sign test are reviewed inline', async () => {
  await deliver('pull_request.opened.json');
  expect(sim.invalidRequests()).toEqual([]);
  const run = repo.checkRuns[0];
  expect(run).toMatchObject({ head_sha: SHA.pr42v1, status: 'completed', conclusion: 'failure' });
  expect(run.annotations.length).toBeGreaterThanOrEqual(2);
  expect(repo.reviews).toHaveLength(1);
  const byRule = new Map(repo.comments.map((c) => [ruleOf(c.body), c]));
  // drivers/misc/cmb_p2p/cmb_p2p.c:30 is `sg_set_buf(&c->sg, (void __force *)mem, ...)` after `mem = ioremap(...)`.
  expect(byRule.get('sg-nonpage-memory')).toMatchObject({ path: C_FILE, line: 30, side: 'RIGHT' });
  // :40 is `if (nents < 0)` on dma_map_sg()'s unsigned count.
  expect(byRule.get('dma-map-sg-result')).toMatchObject({ path: C_FILE, line: 40, side: 'RIGHT' });
  for (const c of repo.comments) {
    expect(parseMarkers(c.body).fingerprints).toHaveLength(1);
    expect(c.body).toMatch(/\[Rule documentation\]\(/);
  }
  // TODO(lead): once the rule set settles, snapshot the exact comment bodies here.
});

test('redelivery posts nothing; synchronize reports the fixed sign test resolved and repeats nothing', async () => {
  const writes = () => sim.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'apps/create-installation-access-token').length;
  const before = writes();
  await deliver('pull_request.opened.json');
  expect(writes()).toBe(before);

  const dma = repo.comments.find((c) => ruleOf(c.body) === 'dma-map-sg-result')!;
  repo.pulls.get(42)!.head.sha = SHA.pr42v2;
  await deliver('pull_request.synchronize.json');
  expect(sim.invalidRequests()).toEqual([]);
  const comments = repo.comments.length;
  expect(repo.reviews).toHaveLength(2);
  expect(parseMarkers(repo.reviews[1].body).resolved).toEqual(parseMarkers(dma.body).fingerprints);
  // The sg finding moved from line 30 to 31 but keeps its fingerprint: it is not posted again.
  expect(repo.comments.length).toBe(comments);
  expect(repo.checkRuns[repo.checkRuns.length - 1]).toMatchObject({ head_sha: SHA.pr42v2, conclusion: 'failure' });
});
