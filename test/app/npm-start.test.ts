// `npm start` as an operator runs it: `probot run ./dist/src/app.js` with Probot's standard environment
// (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT, HOST, LOG_LEVEL) and GHE_HOST/GHE_PROTOCOL aimed at the
// simulator. Needs the build (`npm test` runs tsc first); skipped with a reason when dist/ is absent.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createState, loadRepoDir, seedFromWebhook, startSimulator, type GitHubSimulator, type SimRepo } from '../../src/github/simulator/index.js';
import { APP_ID, APP_SLUG, appKeys, INSTALLATION_ID, REPO_DIR, SHA, signature, webhook } from './helpers.js';

const built = existsSync('dist/src/app.js');
const SECRET = 'npm-start-secret-7d2e';
let sim: GitHubSimulator;
let repo: SimRepo;
let child: ChildProcess | undefined;
let url: string;
let output = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

(built ? describe : describe.skip)('npm start (dist/src/app.js built)', () => {
  beforeAll(async () => {
    const state = createState();
    seedFromWebhook(state, webhook('pull_request.opened.json').payload);
    repo = state.repos.get('p2pdma-lab/linux')!;
    loadRepoDir(repo, REPO_DIR);
    sim = await startSimulator({ state, app: { id: APP_ID, slug: APP_SLUG, publicKey: appKeys().publicKey, installationId: INSTALLATION_ID } });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn('npm', ['start', '--silent'], {
      cwd: process.cwd(),
      detached: true, // own process group, so the test can stop npm and probot together
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        APP_ID: String(APP_ID),
        PRIVATE_KEY: appKeys().privateKey,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        GHE_HOST: sim.host,
        GHE_PROTOCOL: 'http',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${url}/ping`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`probot did not start:\n${output}`);
  }, 60000);

  afterAll(async () => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    await sim?.close();
  });

  const post = (event: string, payload: unknown, secret = SECRET) => {
    const body = JSON.stringify(payload);
    return fetch(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': `npm-start-${Date.now()}`, 'x-hub-signature-256': signature(secret, body) },
      body,
    });
  };

  test('a forged delivery is refused; a signed one is reviewed through the GHE_HOST API', async () => {
    const { payload } = webhook('pull_request.opened.json');
    expect((await post('pull_request', payload, 'wrong')).status).toBe(400);
    expect(sim.requests).toEqual([]);
    const res = await post('pull_request', payload);
    expect(res.status).toBe(200);
    expect(sim.invalidRequests()).toEqual([]);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ head_sha: SHA.pr42v1, status: 'completed', conclusion: 'failure' });
    expect(repo.reviews).toHaveLength(1);
    expect(repo.comments.map((c) => c.line).sort()).toEqual([30, 40]);
    expect(output).not.toContain(SECRET);
  }, 60000);
});

(built ? describe : describe.skip)('GitHub Action entry (dist/src/action.js)', () => {
  const TOKEN = 'ghs_workflowtoken0000';
  let actionSim: GitHubSimulator;
  let actionRepo: SimRepo;

  beforeAll(async () => {
    const state = createState();
    seedFromWebhook(state, webhook('pull_request.opened.json').payload);
    actionRepo = state.repos.get('p2pdma-lab/linux')!;
    loadRepoDir(actionRepo, REPO_DIR);
    actionSim = await startSimulator({ state, tokens: { [TOKEN]: 'github-actions' } });
  }, 60000);
  afterAll(() => actionSim.close());

  function runAction(eventName: string, eventFile: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const proc = spawn(process.execPath, ['dist/src/action.js'], {
        cwd: process.cwd(),
        env: {
          PATH: process.env.PATH,
          GITHUB_ACTIONS: 'true',
          GITHUB_RUN_ID: '987654321',
          GITHUB_EVENT_NAME: eventName,
          GITHUB_EVENT_PATH: eventFile,
          INPUT_TOKEN: TOKEN,
          // What a GHES runner sets; action.ts turns it into Probot's GHE_HOST.
          GITHUB_API_URL: `http://${actionSim.host}/api/v3`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
      proc.on('close', (code) => resolve({ code, output: out }));
    });
  }

  test('pull_request_target runs the pull_request handler with the workflow token', async () => {
    const r = await runAction('pull_request_target', `${process.cwd()}/fixtures/webhooks/pull_request.opened.json`);
    expect(r.code).toBe(0);
    expect(actionSim.invalidRequests()).toEqual([]);
    expect(actionRepo.checkRuns).toHaveLength(1);
    expect(actionRepo.checkRuns[0]).toMatchObject({ app: { slug: 'github-actions' }, conclusion: 'failure' });
    expect(actionRepo.reviews).toHaveLength(1);
    expect(actionRepo.reviews[0].user.login).toBe('github-actions[bot]');
    expect(r.output).not.toContain(TOKEN);
    // A second run of the workflow (re-run) sees its own earlier comments and posts nothing new.
    const again = await runAction('pull_request', `${process.cwd()}/fixtures/webhooks/pull_request.opened.json`);
    expect(again.code).toBe(0);
    expect(actionRepo.reviews).toHaveLength(1);
    expect(actionRepo.comments).toHaveLength(2);
  }, 60000);

  test('a failing review fails the step (exit code 1)', async () => {
    // Pull request #99 does not exist: pulls.get answers 404 and the handler fails.
    const { payload } = webhook('pull_request.opened.json');
    const file = join(mkdtempSync(join(tmpdir(), 'action-')), 'event.json');
    writeFileSync(file, JSON.stringify({ ...payload, number: 99, pull_request: { ...(payload.pull_request as object), number: 99 } }));
    const r = await runAction('pull_request', file);
    expect(r.code).toBe(1);
    expect(r.output).not.toContain(TOKEN);
  }, 60000);
});
