// App latency: starts the real App server (`probot run dist/src/app.js`, as `npm start` does) on loopback
// against the project's GitHub API simulator, delivers HMAC-signed pull_request.opened webhooks one after
// another, and times delivery → review posted (the simulator receives the review) and delivery → handled
// (the webhook response, sent once the handler finished: check run written).
//
// Each delivery comes from its own installation. Write pacing is per installation (src/github/throttle.ts):
// back-to-back events of one installation, several a second, are the bulk content creation GitHub's
// secondary rate limits forbid (at most 80 writes a minute), and any safe App must slow them down. One
// event per installation measures what a pull request waits for, and pays a token exchange each time.
import { createHash, createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { filesFromGitDiff, seedFromWebhook, setFile, startSimulator, type GitHubSimulator } from '../src/github/simulator/index.js';
import { summarize, type LatencySummary } from './stats.js';
import { generatePullRequest } from './synthetic/series.js';

/** One pull-request shape to measure. */
export interface AppCase {
  id: string;
  label: string;
  files: number;
}

/** Latency of one case. */
export interface AppCaseResult {
  id: string;
  label: string;
  files: number;
  diffLines: number;
  /** Delivery → the review arrives at the simulator (ms, warm deliveries). */
  reviewPosted: LatencySummary;
  /** Delivery → webhook response (handler finished, check run completed). */
  handled: LatencySummary;
  /** The first delivery of the case, before warm-up (lazy module loading, token exchange). */
  coldMs: number;
  /** Deliveries for which no review was posted (should be 0: each PR carries a finding). */
  missingReviews: number;
}

/**
 * How the App server is started: `probot-run` is `probot run dist/src/app.js`, exactly what `npm start`
 * runs in production; `throttle-off` is bench/app-server.ts, the same server with Octokit's throttling
 * (and with it the App's write pacing) disabled, to show how much of the latency is request pacing.
 */
export type AppServerMode = 'probot-run' | 'throttle-off';

/** Options of {@link measureAppLatency}. */
export interface AppLatencyOptions {
  mode: AppServerMode;
  /** The repository: node_modules (probot) and the recorded webhook used as payload template. */
  repoRoot: string;
  /** Package root of the build under test (see bench/snapshot.ts). */
  buildRoot: string;
  deliveries: number;
  warmup: number;
  seed: number;
  cases: AppCase[];
  log: (line: string) => void;
}

/** Result of the whole App measurement, including the App process's peak RSS when /proc shows it. */
export interface AppLatencyResult {
  mode: AppServerMode;
  cases: AppCaseResult[];
  appPeakRssKb?: number;
}

const APP_ID = 4242;
const SECRET = 'bench-webhook-secret';
const FIRST_PULL = 1000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Reply {
  status: number;
  body: string;
}

function post(port: number, path: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

async function waitForServer(port: number, app: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the App exited with code ${app.exitCode} before listening:\n${output()}`);
    const up = await new Promise<boolean>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET' }, (res) => {
        res.resume();
        resolve(true);
      });
      req.once('error', () => resolve(false));
      req.end();
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the App did not listen on port ${port} within ${timeoutMs} ms:\n${output()}`);
}

function peakRssKb(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/status`;
  if (!pid || !existsSync(file)) return undefined;
  const m = /VmHWM:\s*(\d+) kB/.exec(readFileSync(file, 'utf8'));
  return m ? Number(m[1]) : undefined;
}

/** Starts the simulator and the App, measures every case, and stops both. */
export async function measureAppLatency(options: AppLatencyOptions): Promise<AppLatencyResult> {
  const probotBin = join(options.repoRoot, 'node_modules/probot/bin/probot.js');
  const appEntry = join(options.buildRoot, 'dist/src/app.js');
  const launcher = join(options.buildRoot, 'dist/bench/app-server.js');
  for (const f of [probotBin, appEntry, launcher]) if (!existsSync(f)) throw new Error(`App latency: ${f} is missing (run npm run build)`);
  const argv = options.mode === 'probot-run' ? [probotBin, 'run', appEntry] : [launcher];
  const template = JSON.parse(readFileSync(join(options.repoRoot, 'fixtures/webhooks/pull_request.opened.json'), 'utf8')) as Record<string, any>;
  const installationId = Number(template.installation?.id);
  if (!installationId) throw new Error('App latency: fixtures/webhooks/pull_request.opened.json has no installation id');

  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const total = options.cases.length * (options.warmup + options.deliveries);
  const installations = Array.from({ length: total }, (_, i) => installationId + i);
  // No OpenAPI validation here: the simulator stands in for GitHub, whose own latency is excluded from the
  // target; the e2e tests (test/app/) check the requests' validity.
  const sim = await startSimulator({ app: { id: APP_ID, slug: 'p2pdma-review', publicKey: keys.publicKey, installationId: installations }, validate: false });
  const port = await freePort();
  let output = '';
  const app = spawn(process.execPath, argv, {
    cwd: options.buildRoot,
    env: {
      ...process.env,
      APP_ID: String(APP_ID),
      PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: sim.host,
      GHE_PROTOCOL: 'http',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEBHOOK_PROXY_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    output = (output + b.toString('utf8')).slice(-8000);
  };
  app.stdout?.on('data', keep);
  app.stderr?.on('data', keep);
  try {
    await waitForServer(port, app, () => output);
    const cases: AppCaseResult[] = [];
    // Delivery k (over all cases) is pull request FIRST_PULL + k from installation installations[k].
    let delivered = 0;
    for (const c of options.cases) {
      options.log(`app (${options.mode}): ${c.label}: ${options.warmup} warm-up + ${options.deliveries} deliveries`);
      const pr = generatePullRequest(options.seed, c.files);
      const files = filesFromGitDiff(pr.diff);
      const posted: number[] = [];
      const handled: number[] = [];
      let cold = NaN;
      let missing = 0;
      for (let d = 0; d < options.warmup + options.deliveries; d++) {
        const k = delivered++;
        const number = FIRST_PULL + k;
        const installation = installations[k];
        const r = await deliver(sim, port, template, { number, installation, sha: createHash('sha1').update(`${c.id}:${d}`).digest('hex'), title: pr.title, files, changes: pr.changes });
        if (r.status !== 200) throw new Error(`App latency: delivery ${d} of ${c.id} answered HTTP ${r.status}: ${r.body.slice(0, 300)}\n${output}`);
        if (d === 0) cold = r.handledMs;
        if (d < options.warmup) continue;
        handled.push(r.handledMs);
        if (r.postedMs === undefined) missing++;
        else posted.push(r.postedMs);
      }
      if (posted.length === 0) throw new Error(`App latency: no review was posted for ${c.id} (expected one per delivery)\n${output}`);
      const diffLines = pr.diff.split('\n').filter((l) => /^[+\- ]/.test(l) && !/^(\+\+\+|---) /.test(l)).length;
      cases.push({ id: c.id, label: c.label, files: c.files, diffLines, reviewPosted: summarize(posted), handled: summarize(handled), coldMs: cold, missingReviews: missing });
    }
    return { mode: options.mode, cases, appPeakRssKb: peakRssKb(app.pid) };
  } finally {
    app.kill('SIGTERM');
    await new Promise((r) => (app.exitCode !== null ? r(undefined) : app.once('exit', r)));
    await sim.close();
  }
}

interface Delivery {
  number: number;
  installation: number;
  sha: string;
  title: string;
  files: ReturnType<typeof filesFromGitDiff>;
  changes: Array<{ path: string; after: string }>;
}

/** Seeds the pull request in the simulator, delivers its signed webhook, and times it. */
async function deliver(sim: GitHubSimulator, port: number, template: Record<string, any>, d: Delivery): Promise<{ status: number; body: string; handledMs: number; postedMs?: number }> {
  const payload = structuredClone(template);
  payload.action = 'opened';
  payload.number = d.number;
  payload.installation = { ...payload.installation, id: d.installation };
  Object.assign(payload.pull_request, { number: d.number, title: d.title, state: 'open', draft: false });
  payload.pull_request.head = { ...payload.pull_request.head, sha: d.sha, ref: `bench-${d.number}` };
  const repo = seedFromWebhook(sim.state, payload);
  if (!repo) throw new Error('App latency: the webhook template has no repository');
  repo.pulls.get(d.number)!.filesBySha.set(d.sha, d.files);
  for (const c of d.changes) setFile(repo, d.sha, c.path, c.after);

  const body = JSON.stringify(payload);
  let postedAt: number | undefined;
  // The hook runs when the review request reaches the simulator: the moment the App has sent it.
  sim.once('POST', new RegExp(`/pulls/${d.number}/reviews$`), () => {
    postedAt = performance.now();
  });
  const t = performance.now();
  const reply = await post(port, '/api/github/webhooks', body, {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/bench',
    'x-github-event': 'pull_request',
    'x-github-delivery': randomUUID(),
    'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
  });
  const handledMs = performance.now() - t;
  return { ...reply, handledMs, postedMs: postedAt === undefined ? undefined : postedAt - t };
}
