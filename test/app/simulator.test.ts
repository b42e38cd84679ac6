// The local GitHub API simulator: OpenAPI validation, GitHub's 422 for comments outside the diff,
// pagination, contents media types, auth, and check-run semantics.
import { generateKeyPairSync, createSign } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import {
  addPull,
  addRepo,
  createState,
  filesFromGitDiff,
  loadRepoDir,
  setFile,
  startSimulator,
  type GitHubSimulator,
} from '../../src/github/simulator/index.js';
import { REPO_DIR, repoFile, SHA, appKeys } from './helpers.js';

const TOKEN = 'ghs_simulatortesttoken';
// Octokit logs every 4xx at error level; these tests provoke them on purpose.
const log = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let sim: GitHubSimulator;
let gh: Octokit;

beforeAll(async () => {
  const state = createState();
  const repo = addRepo(state, { owner: 'p2pdma-lab', name: 'linux', id: 812345678 });
  addPull(repo, { number: 42, head: { ref: 'cmb-p2p', sha: SHA.pr42v1 }, files: filesFromGitDiff(repoFile(`pulls/42/${SHA.pr42v1}.diff`)) });
  loadRepoDir(repo, REPO_DIR);
  const many = Array.from({ length: 3005 }, (_, i) => ({ filename: `f/${String(i).padStart(4, '0')}.c`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+x', additions: 1, deletions: 0, changes: 1 }));
  addPull(repo, { number: 7, head: { ref: 'huge', sha: 'c'.repeat(40) }, files: many, diffStatus: 406 });
  sim = await startSimulator({ state, tokens: { [TOKEN]: 'p2pdma-review' }, app: { id: 1001, slug: 'p2pdma-review', publicKey: appKeys().publicKey, installationId: 5 } });
  gh = new Octokit({ auth: TOKEN, baseUrl: sim.url, request: { retries: 0 }, log });
}, 30000);
afterAll(() => sim.close());

const repo = { owner: 'p2pdma-lab', repo: 'linux' };

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

describe('OpenAPI validation', () => {
  test('undocumented endpoints are 404 and flagged invalid', async () => {
    expect(await status(gh.request('GET /repos/{owner}/{repo}/no-such-thing', repo))).toBe(404);
    const last = sim.requests[sim.requests.length - 1];
    expect(last).toMatchObject({ invalid: true, problems: ['GitHub documents no GET /repos/p2pdma-lab/linux/no-such-thing'] });
  });

  test('bodies that break the schema are 422 and flagged invalid', async () => {
    expect(await status(gh.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, name: 'x', head_sha: SHA.pr42v1, status: 'done' as never }))).toBe(422);
    expect(sim.requests[sim.requests.length - 1].problems?.join()).toMatch(/status must be equal to one of the allowed values/);
    // A completed run needs a conclusion (the description's anyOf).
    const created = await gh.checks.create({ ...repo, name: 'x', head_sha: SHA.pr42v1 });
    expect(await status(gh.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: created.data.id, status: 'completed' }))).toBe(422);
    // GitHub's limit of 50 annotations per request.
    const annotations = Array.from({ length: 51 }, () => ({ path: 'a.c', start_line: 1, end_line: 1, annotation_level: 'warning' as const, message: 'm' }));
    expect(await status(gh.checks.update({ ...repo, check_run_id: created.data.id, output: { title: 't', summary: 's', annotations } }))).toBe(422);
    expect(sim.requests[sim.requests.length - 1].problems?.join()).toMatch(/annotations must NOT have more than 50 items/);
    // Missing required property.
    expect(await status(gh.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, name: 'x' } as never))).toBe(422);
    expect(sim.requests[sim.requests.length - 1].problems?.join()).toMatch(/must have required property 'head_sha'/);
  });

  test('query parameters are validated too', async () => {
    expect(await status(gh.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...repo, ref: SHA.pr42v1, filter: 'newest' as never }))).toBe(422);
    expect(sim.requests[sim.requests.length - 1].problems?.join()).toMatch(/query parameter filter/);
  });
});

describe('reviews', () => {
  test('a comment outside the diff fails the whole review with GitHub\'s 422, creating nothing', async () => {
    const before = sim.state.repos.get('p2pdma-lab/linux')!.reviews.length;
    const bad = gh.pulls.createReview({
      ...repo, pull_number: 42, commit_id: SHA.pr42v1, event: 'COMMENT', body: 'b',
      comments: [
        { path: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 30, side: 'RIGHT', body: 'ok' },
        { path: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 5, side: 'RIGHT', body: 'outside' },
      ],
    });
    await expect(bad).rejects.toMatchObject({ status: 422, response: { data: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] } } });
    expect(sim.state.repos.get('p2pdma-lab/linux')!.reviews.length).toBe(before);
    const last = sim.requests[sim.requests.length - 1];
    expect(last.invalid).toBeUndefined(); // well-formed, just not applicable: not a schema violation
  });

  test('paths not in the PR, cross-hunk and reversed ranges are refused; in-hunk ranges accepted', async () => {
    const c = (comment: Record<string, unknown>) =>
      status(gh.pulls.createReview({ ...repo, pull_number: 42, event: 'COMMENT', body: 'b', comments: [{ path: 'drivers/misc/cmb_p2p/cmb_p2p.c', body: 'x', ...comment }] }));
    expect(await c({ path: 'README', line: 1 })).toBe(422);
    expect(await c({ line: 30, start_line: 30 })).toBe(422);
    expect(await c({ line: 30, side: 'LEFT' })).toBe(422);
    const h = (comment: Record<string, unknown>) =>
      status(gh.pulls.createReview({ ...repo, pull_number: 42, event: 'COMMENT', body: 'b', comments: [{ path: 'drivers/misc/cmb_p2p/cmb_p2p.h', body: 'x', ...comment }] }));
    expect(await h({ line: 12, start_line: 9 })).toBe(200);
    expect(await c({ line: 30, start_line: 18, side: 'RIGHT' })).toBe(200);
    const repoState = sim.state.repos.get('p2pdma-lab/linux')!;
    expect(repoState.comments.slice(-1)[0]).toMatchObject({ path: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 30, start_line: 18, side: 'RIGHT', user: { login: 'p2pdma-review[bot]', type: 'Bot' } });
  });
});

describe('reads', () => {
  test('file lists paginate with Link headers and stop at GitHub\'s 3000-file limit', async () => {
    const files = await gh.paginate(gh.pulls.listFiles, { ...repo, pull_number: 7, per_page: 100 });
    expect(files).toHaveLength(3000);
    const pr = await gh.pulls.get({ ...repo, pull_number: 7 });
    expect(pr.data.changed_files).toBe(3005);
    expect(await status(gh.pulls.get({ ...repo, pull_number: 7, mediaType: { format: 'diff' } }))).toBe(406);
    const page1 = await gh.pulls.listFiles({ ...repo, pull_number: 7, per_page: 100 });
    expect(page1.headers.link).toBe(`<${sim.url}/repos/p2pdma-lab/linux/pulls/7/files?per_page=100&page=2>; rel="next", <${sim.url}/repos/p2pdma-lab/linux/pulls/7/files?per_page=100&page=30>; rel="last"`);
  });

  test('the diff media type serves the PR diff', async () => {
    const diff = await gh.pulls.get({ ...repo, pull_number: 42, mediaType: { format: 'diff' } });
    expect(filesFromGitDiff(diff.data as unknown as string)).toEqual(filesFromGitDiff(repoFile(`pulls/42/${SHA.pr42v1}.diff`)));
  });

  test('contents: base64 JSON, raw, default branch, unknown ref, directories', async () => {
    const path = 'drivers/misc/cmb_p2p/cmb_p2p.c';
    const json = await gh.repos.getContent({ ...repo, path, ref: SHA.pr42v1 });
    const data = json.data as { encoding: string; content: string; size: number; type: string };
    expect(data.type).toBe('file');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(repoFile(`commits/${SHA.pr42v1}/${path}`));
    const raw = await gh.repos.getContent({ ...repo, path, ref: SHA.pr42v1, mediaType: { format: 'raw' } });
    expect(raw.data).toBe(repoFile(`commits/${SHA.pr42v1}/${path}`));
    const config = await gh.repos.getContent({ ...repo, path: '.github/p2pdma-review.yml', mediaType: { format: 'raw' } });
    expect(String(config.data)).toContain('reviewEvent: COMMENT');
    expect(await status(gh.repos.getContent({ ...repo, path, ref: 'nope' }))).toBe(404);
    const dir = await gh.repos.getContent({ ...repo, path: 'drivers/misc', ref: SHA.pr42v1 });
    expect(dir.data).toEqual([{ name: 'cmb_p2p', path: 'drivers/misc/cmb_p2p', type: 'dir' }]);
  });

  test('check runs: updates append annotations, list-for-ref filters by name', async () => {
    const run = await gh.checks.create({ ...repo, name: 'p2pdma-review', head_sha: SHA.pr42v2, status: 'in_progress' });
    expect(run.data.app?.slug).toBe('p2pdma-review');
    const ann = { path: 'a.c', start_line: 1, end_line: 1, annotation_level: 'warning' as const, message: 'm' };
    await gh.checks.update({ ...repo, check_run_id: run.data.id, output: { title: 't', summary: 's', annotations: [ann] } });
    await gh.checks.update({ ...repo, check_run_id: run.data.id, conclusion: 'neutral', output: { title: 't2', summary: 's2', annotations: [ann, ann] } });
    const state = sim.state.repos.get('p2pdma-lab/linux')!.checkRuns.find((r) => r.id === run.data.id)!;
    expect(state).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 't2', summary: 's2' } });
    expect(state.annotations).toHaveLength(3);
    const listed = await gh.checks.listForRef({ ...repo, ref: SHA.pr42v2, check_name: 'p2pdma-review', filter: 'all' });
    expect(listed.data.check_runs.map((r) => r.id)).toEqual([run.data.id]);
  });
});

describe('auth', () => {
  test('requests without a known token are 401', async () => {
    const anon = new Octokit({ baseUrl: sim.url, request: { retries: 0 }, log });
    expect(await status(anon.pulls.get({ ...repo, pull_number: 42 }))).toBe(401);
  });

  test('installation tokens need a JWT signed with the App key', async () => {
    const jwt = (key: string, iss: number) => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const head = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({ iat: now - 60, exp: now + 540, iss })}`;
      return `${head}.${createSign('RSA-SHA256').update(head).sign(key, 'base64url')}`;
    };
    const app = (token: string) => new Octokit({ auth: token, baseUrl: sim.url, request: { retries: 0 }, log });
    const good = await app(jwt(appKeys().privateKey, 1001)).apps.createInstallationAccessToken({ installation_id: 5 });
    expect(good.data.token).toMatch(/^ghs_/);
    expect((await new Octokit({ auth: good.data.token, baseUrl: sim.url, log }).pulls.get({ ...repo, pull_number: 42 })).data.head.sha).toBe(SHA.pr42v1);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(await status(app(jwt(other.privateKey, 1001)).apps.createInstallationAccessToken({ installation_id: 5 }))).toBe(401);
    expect(await status(app(jwt(appKeys().privateKey, 999)).apps.createInstallationAccessToken({ installation_id: 5 }))).toBe(401);
  });
});

describe('GraphQL, several installations, canned replies', () => {
  test('viewer { login } answers the login the token writes as; other queries are refused as unimplemented', async () => {
    const res = await gh.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(res.viewer.login).toBe('p2pdma-review[bot]');
    await expect(gh.graphql('query { repository(owner: "a", name: "b") { id } }')).rejects.toMatchObject({ status: 501 });
    expect(sim.requests[sim.requests.length - 1]).toMatchObject({ operationId: 'graphql', invalid: true });
  });

  test('an App with several installations gets a token for each, and only for those', async () => {
    const keys = appKeys();
    const multi = await startSimulator({ validate: false, app: { id: 1001, slug: 'p2pdma-review', publicKey: keys.publicKey, installationId: [5, 6] } });
    try {
      const now = Math.floor(Date.now() / 1000);
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const head = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({ iat: now - 60, exp: now + 540, iss: 1001 })}`;
      const app = new Octokit({ auth: `${head}.${createSign('RSA-SHA256').update(head).sign(keys.privateKey, 'base64url')}`, baseUrl: multi.url, request: { retries: 0 }, log });
      expect(await status(app.apps.createInstallationAccessToken({ installation_id: 5 }))).toBe(200);
      expect(await status(app.apps.createInstallationAccessToken({ installation_id: 6 }))).toBe(200);
      expect(await status(app.apps.createInstallationAccessToken({ installation_id: 7 }))).toBe(404);
    } finally {
      await multi.close();
    }
  });

  test('replyOnce answers the next matching request with the canned reply, then the simulation resumes', async () => {
    sim.replyOnce('GET', /\/pulls\/42$/, { status: 429, headers: { 'retry-after': '7' }, json: { message: 'You have exceeded a secondary rate limit.' } });
    const err = (await gh.pulls.get({ ...repo, pull_number: 42 }).catch((e: unknown) => e)) as { status: number; response: { headers: Record<string, string> } };
    expect(err.status).toBe(429);
    expect(err.response.headers['retry-after']).toBe('7');
    expect((await gh.pulls.get({ ...repo, pull_number: 42 })).status).toBe(200);
  });
});

test('repository state loads from the fixture layout', () => {
  const state = createState();
  const r = addRepo(state, { owner: 'p2pdma-lab', name: 'linux' });
  loadRepoDir(r, REPO_DIR);
  expect([...r.pulls.keys()].sort()).toEqual([42, 43]);
  expect([...r.pulls.get(42)!.filesBySha.keys()].sort()).toEqual([SHA.pr42v2, SHA.pr42v1].sort());
  expect(r.refs.get('main')?.has('.github/p2pdma-review.yml')).toBe(true);
  setFile(r, 'main', 'x', 'y');
  expect(r.refs.get('main')?.get('x')).toBe('y');
});
