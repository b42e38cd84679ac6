// `p2pdma-review replay`: the App handler on a recorded webhook against the simulator, printing the
// requests it would make.
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWebhook, runReplay } from '../../src/github/replay.js';
import { WEBHOOKS } from './helpers.js';

function capture() {
  const chunks: string[] = [];
  return { write: (s: string) => void chunks.push(s), text: () => chunks.join('') };
}

async function replay(...argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await runReplay(argv, out, err);
  return { code, out: out.text(), err: err.text() };
}

test('pull_request.opened: prints every request, with the review and check run summarised', async () => {
  const r = await replay(join(WEBHOOKS, 'pull_request.opened.json'));
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const lines = r.out.split('\n');
  expect(lines[0]).toMatch(/^pull_request\.opened \(.*pull_request\.opened\.json\): 11 request\(s\)$/);
  expect(lines.filter((l) => /^(GET|POST|PATCH) /.test(l)).map((l) => l.replace(/check-runs\/\d+/, 'check-runs/<id>'))).toEqual([
    'POST /app/installations/48151623/access_tokens -> 201  (apps/create-installation-access-token)',
    'GET /repos/p2pdma-lab/linux/pulls/42 -> 200  (pulls/get)',
    'GET /repos/p2pdma-lab/linux/contents/.github%2Fp2pdma-review.yml -> 200  (repos/get-content)',
    'GET /repos/p2pdma-lab/linux/commits/a838b749d635514b5bbb21868f7b1f90a3e3e2d8/check-runs?check_name=p2pdma-review&filter=all&per_page=100 -> 200  (checks/list-for-ref)',
    'GET /repos/p2pdma-lab/linux/pulls/42/files?per_page=100 -> 200  (pulls/list-files)',
    'GET /repos/p2pdma-lab/linux/contents/drivers%2Fmisc%2Fcmb_p2p%2Fcmb_p2p.c?ref=a838b749d635514b5bbb21868f7b1f90a3e3e2d8 -> 200  (repos/get-content)',
    'GET /repos/p2pdma-lab/linux/contents/drivers%2Fmisc%2Fcmb_p2p%2Fcmb_p2p.h?ref=a838b749d635514b5bbb21868f7b1f90a3e3e2d8 -> 200  (repos/get-content)',
    'GET /repos/p2pdma-lab/linux/pulls/42/comments?per_page=100 -> 200  (pulls/list-review-comments)',
    'GET /repos/p2pdma-lab/linux/pulls/42/reviews?per_page=100 -> 200  (pulls/list-reviews)',
    'POST /repos/p2pdma-lab/linux/pulls/42/reviews -> 200  (pulls/create-review)',
    'POST /repos/p2pdma-lab/linux/check-runs -> 201  (checks/create)',
  ]);
  expect(r.out).toContain('    event: COMMENT\n');
  expect(r.out).toContain('    comments: 2\n      - drivers/misc/cmb_p2p/cmb_p2p.c:30 RIGHT\n      - drivers/misc/cmb_p2p/cmb_p2p.c:40 RIGHT\n');
  expect(r.out).toContain('    body: ### p2pdma-review: 2 errors in `a838b74`\n      2 inline comments below.\n');
  expect(r.out).toContain('    status: completed\n    conclusion: failure\n    title: 2 errors\n    annotations: 2\n');
  expect(lines[lines.length - 2]).toBe('2 write(s). Dry run: nothing was sent to GitHub.');
});

test('a draft: only reads, and --json output', async () => {
  const r = await replay(join(WEBHOOKS, 'pull_request.opened.draft.json'), '--json');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as { event: string; action: string; requests: Array<{ method: string; path: string; status: number }>; error: null };
  expect(json.event).toBe('pull_request');
  expect(json.action).toBe('opened');
  expect(json.error).toBeNull();
  expect(json.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([
    'POST /app/installations/48151623/access_tokens 201',
    'GET /repos/p2pdma-lab/linux/pulls/43 200',
    'GET /repos/p2pdma-lab/linux/contents/.github%2Fp2pdma-review.yml 200',
  ]);
});

test('check_run.rerequested replays against the recorded repository state', async () => {
  const r = await replay(join(WEBHOOKS, 'check_run.rerequested.json'));
  expect(r.code).toBe(0);
  expect(r.out).toContain('POST /repos/p2pdma-lab/linux/check-runs -> 201');
  expect(r.out).toContain('head_sha: 1160b2a478e41bdf565a94a250a5cd5ae0e95d85');
});

test('a webhook without recorded repository state still replays, with a note', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  copyFileSync(join(WEBHOOKS, 'pull_request.reopened.json'), join(dir, 'pull_request.reopened.json'));
  const r = await replay(join(dir, 'pull_request.reopened.json'));
  expect(r.err).toBe(`note: ${join(dir, 'repos', 'p2pdma-lab', 'linux')} does not exist: the pull request has no files and the repository no configuration\n`);
  expect(r.code).toBe(0);
  expect(r.out).toContain('title: No findings');
});

test('bad input: usage errors and unreadable webhooks exit 2 with the reason', async () => {
  expect(await replay()).toMatchObject({ code: 2, err: expect.stringMatching(/^p2pdma-review replay: missing the webhook file\n\nusage:/) });
  expect(await replay('a.json', 'b.json')).toMatchObject({ code: 2, err: expect.stringContaining('one webhook file at a time') });
  expect(await replay('--frobnicate', 'a.json')).toMatchObject({ code: 2, err: expect.stringContaining('unknown option --frobnicate') });
  expect(await replay('/nonexistent/pull_request.opened.json')).toMatchObject({ code: 2, err: 'p2pdma-review replay: /nonexistent/pull_request.opened.json: cannot read: ENOENT\n' });
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  writeFileSync(join(dir, 'pull_request.opened.json'), '{ not json');
  expect((await replay(join(dir, 'pull_request.opened.json'))).err).toMatch(/pull_request\.opened\.json: not JSON: /);
  writeFileSync(join(dir, 'mystery.json'), '{"hello": 1}');
  expect((await replay(join(dir, 'mystery.json'))).err).toMatch(/cannot tell which event this is: name the file <event>\.<action>\.json/);
  expect((await replay('--help')).code).toBe(0);
});

test('an envelope {name, payload} names the event explicitly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  writeFileSync(join(dir, 'recorded.json'), JSON.stringify({ name: 'pull_request', id: 'abc', payload: { action: 'opened' } }));
  expect(readWebhook(join(dir, 'recorded.json'))).toEqual({ name: 'pull_request', id: 'abc', payload: { action: 'opened' } });
});
