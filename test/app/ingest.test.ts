// Pull request input: the diff assembled from listed files, the large-PR fallback, head contents and
// the default-branch configuration.
import nock from 'nock';
import { parsePatch } from 'diff';
import { Octokit } from '@octokit/rest';
import { assembleDiff, ingestPullRequest, type PullFile } from '../../src/github/ingest.js';
import { createHeadTreeReader } from '../../src/github/tree.js';
import { loadAppConfig } from '../../src/github/config.js';
import type { GitHubClient } from '../../src/github/client.js';
import { shimEngine } from './engine-shim.js';
import { repoFile, SHA } from './helpers.js';

const API = 'https://api.github.com';
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = () => new Octokit({ auth: 'ghs_test', request: { retries: 0 }, log: quiet }) as unknown as GitHubClient;

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

const FILES: PullFile[] = [
  { filename: 'drivers/a.c', status: 'modified', patch: '@@ -1,2 +1,2 @@\n ctx\n-old\n+new', additions: 1, deletions: 1, changes: 2 },
  { filename: 'drivers/new.c', status: 'added', patch: '@@ -0,0 +1,2 @@\n+int x;\n+int y;', additions: 2, deletions: 0, changes: 2 },
  { filename: 'drivers/gone.h', status: 'removed', patch: '@@ -1 +0,0 @@\n-#define X 1', additions: 0, deletions: 1, changes: 1 },
  { filename: 'drivers/moved.c', previous_filename: 'drivers/old-name.c', status: 'renamed', additions: 0, deletions: 0, changes: 0 },
  { filename: 'drivers/moved2.c', previous_filename: 'drivers/old2.c', status: 'renamed', patch: '@@ -3 +3 @@\n-a\n+b', additions: 1, deletions: 1, changes: 2 },
  { filename: 'Documentation/logo.png', status: 'added', additions: 0, deletions: 0, changes: 12 },
  { filename: 'same.txt', status: 'unchanged', additions: 0, deletions: 0, changes: 0 },
];

describe('assembleDiff', () => {
  test('git diff headers per status; binary files noted; the text parses back to the same files', () => {
    const { text, index, notes } = assembleDiff(FILES, 1 << 20);
    expect(text).toMatchSnapshot();
    expect(notes).toEqual(['GitHub returned no patch for `Documentation/logo.png` (binary, or too large for the API): not reviewed']);
    const parsed = parsePatch(text);
    expect(parsed.map((p) => [p.oldFileName, p.newFileName, p.hunks.length])).toEqual([
      ['a/drivers/a.c', 'b/drivers/a.c', 1],
      ['/dev/null', 'b/drivers/new.c', 1],
      ['a/drivers/gone.h', '/dev/null', 1],
      ['a/drivers/old-name.c', 'b/drivers/moved.c', 0],
      ['a/drivers/old2.c', 'b/drivers/moved2.c', 1],
      ['a/Documentation/logo.png', 'b/Documentation/logo.png', 0],
    ]);
    expect(parsed[5]).toMatchObject({ isCreate: true, isBinary: true });
    expect(parsed[3]).toMatchObject({ isRename: true });
    expect([...index.files.keys()]).toEqual(['drivers/a.c', 'drivers/new.c', 'drivers/gone.h', 'drivers/moved2.c']);
    expect(index.files.get('drivers/moved2.c')!.previousPath).toBe('drivers/old2.c');
  });

  test('the fixture PR assembles to the diff git produced', () => {
    const diff = repoFile(`pulls/42/${SHA.pr42v1}.diff`);
    const files: PullFile[] = parsePatch(diff).map((p) => ({
      filename: p.newFileName!.slice(2),
      status: 'modified',
      patch: p.hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n')).join('\n'),
      additions: 0,
      deletions: 0,
      changes: 1,
    }));
    const strip = (t: string) => t.split('\n').filter((l) => !l.startsWith('index ')).map((l) => l.replace(/^(@@ [^@]+ @@).*$/, '$1')).join('\n');
    expect(strip(assembleDiff(files, 1 << 20).text)).toBe(strip(diff));
  });

  test('a malformed patch is left out with a note naming the file', () => {
    const { text, notes } = assembleDiff([{ filename: 'bad.c', status: 'modified', patch: '@@ -1,9 +1,9 @@\n+x', additions: 1, deletions: 0, changes: 1 }, FILES[0]], 1 << 20);
    expect(notes).toEqual([expect.stringMatching(/^patch of bad\.c is malformed: .*: not reviewed$/)]);
    expect(text).not.toContain('bad.c');
    expect(text).toContain('drivers/a.c');
  });

  test('files beyond the byte bound are left out with a note', () => {
    const { text, index, notes } = assembleDiff(FILES.slice(0, 3), 150);
    expect(index.files.has('drivers/a.c')).toBe(true);
    expect(index.files.has('drivers/gone.h')).toBe(false);
    expect(text).not.toContain('gone.h');
    expect(notes[notes.length - 1]).toMatch(/^the diff exceeds 8 MiB; .*`drivers\/gone\.h` not reviewed$/);
  });
});

describe('ingestPullRequest', () => {
  function listFiles(total: number) {
    const all = Array.from({ length: Math.min(total, 3000) }, (_, i) => ({ filename: `f/${i}.c`, status: 'added', patch: '@@ -0,0 +1 @@\n+int x;', additions: 1, deletions: 0, changes: 1 }));
    nock(API)
      .get('/repos/o/r/pulls/9/files')
      .query(true)
      .times(Math.ceil(all.length / 100))
      .reply((req: unknown) => {
        // nock 15 hands the reply callback a fetch Request (older versions: the path string).
        const url = typeof req === 'string' ? req : (req as { url: string }).url;
        const page = Number(new URL(url, API).searchParams.get('page') ?? 1);
        const last = Math.ceil(all.length / 100);
        const link = page < last ? { link: `<${API}/repos/o/r/pulls/9/files?per_page=100&page=${page + 1}>; rel="next"` } : {};
        return [200, all.slice((page - 1) * 100, page * 100), link];
      });
  }

  test('beyond the 3000-file listing limit, the whole diff is fetched (diff media type)', async () => {
    listFiles(3000);
    const whole = repoFile(`pulls/42/${SHA.pr42v1}.diff`);
    nock(API, { reqheaders: { accept: 'application/vnd.github.v3.diff' } }).get('/repos/o/r/pulls/9').reply(200, whole, { 'content-type': 'application/vnd.github.v3.diff; charset=utf-8' });
    const res = await ingestPullRequest(client(), { owner: 'o', repo: 'r', pullNumber: 9, changedFiles: 3400 });
    expect(res.input).toEqual({ name: 'o/r#9', data: Buffer.from(whole) });
    expect(res.files).toHaveLength(3000);
    expect(res.notes).toEqual(['the pull request changes 3400 files and GitHub lists only 3000, so the whole diff was reviewed instead']);
    expect(res.index.files.get('drivers/misc/cmb_p2p/cmb_p2p.c')!.right.has(30)).toBe(true);
  });

  test('when GitHub refuses the whole diff, the listed files are reviewed and the summary says so', async () => {
    listFiles(3000);
    nock(API).get('/repos/o/r/pulls/9').reply(406, { message: 'Sorry, the diff exceeded the maximum number of files (300).' });
    const res = await ingestPullRequest(client(), { owner: 'o', repo: 'r', pullNumber: 9, changedFiles: 3400 });
    expect(res.index.files.size).toBe(3000);
    expect(res.notes).toEqual([
      'the pull request changes 3400 files; GitHub lists only 3000 and the whole diff is not available (HTTP 406: Sorry, the diff exceeded the maximum number of files (300).), so only the first 3000 files were reviewed',
    ]);
  });

  test('a PR within the limit is assembled from the listing alone', async () => {
    listFiles(3);
    const res = await ingestPullRequest(client(), { owner: 'o', repo: 'r', pullNumber: 9, changedFiles: 3 });
    expect(res.notes).toEqual([]);
    expect(res.input.data.toString()).toContain('diff --git a/f/2.c b/f/2.c\nnew file mode 100644\n--- /dev/null\n+++ b/f/2.c\n@@ -0,0 +1 @@\n+int x;\n');
  });
});

describe('head tree reader', () => {
  const files: PullFile[] = [
    { filename: 'a.c', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1 +1,2 @@\n x\n+y' },
    { filename: 'b.h', status: 'added', additions: 1, deletions: 0, changes: 1, patch: '@@ -0,0 +1 @@\n+y' },
    { filename: 'c.c', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1 +1,2 @@\n x\n+y' },
    { filename: 'gone.c', status: 'removed', additions: 0, deletions: 1, changes: 1, patch: '@@ -1 +0,0 @@\n-x' },
    { filename: 'README', status: 'modified', additions: 1, deletions: 0, changes: 1, patch: '@@ -1 +1,2 @@\n x\n+y' },
  ];
  const file = (text: string) => ({ type: 'file', encoding: 'base64', size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64') });

  test('serves touched C files at the head SHA within maxFiles and maxFileBytes; notes the rest', async () => {
    nock(API).get('/repos/o/r/contents/a.c').query({ ref: SHA.pr42v1 }).reply(200, file('int a;\n'));
    nock(API).get('/repos/o/r/contents/b.h').query({ ref: SHA.pr42v1 }).reply(200, { ...file('x'.repeat(50)), size: 50 });
    const tree = createHeadTreeReader(client(), { owner: 'o', repo: 'r', ref: SHA.pr42v1, files, maxFiles: 2, maxFileBytes: 40 });
    expect(tree.reader.image).toBe('post');
    expect(await tree.reader.read('a.c')).toBe('int a;\n');
    expect(await tree.reader.read('a.c')).toBe('int a;\n'); // cached: one request
    expect(await tree.reader.read('b.h')).toBeUndefined(); // over maxFileBytes
    expect(await tree.reader.read('c.c')).toBeUndefined(); // over maxFiles
    expect(await tree.reader.read('gone.c')).toBeUndefined(); // removed: no head content
    expect(await tree.reader.read('README')).toBeUndefined(); // not C
    expect(await tree.reader.read('drivers/untouched.c')).toBeUndefined(); // not in the PR: never fetched
    expect(tree.fetched()).toEqual(['a.c', 'b.h']);
    expect(tree.notes()).toEqual([
      'head content of 1 touched C file(s) was not fetched (config `github.maxFiles` = 2): `c.c` analysed from the diff hunks only',
      'head content larger than config `github.maxFileBytes` (40 bytes) was not fetched: `b.h` (50 bytes); analysed from the diff hunks only',
    ]);
  });

  test('files over 1 MB come through the raw media type', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    nock(API).get('/repos/o/r/contents/a.c').query({ ref: 'h' }).reply(200, { type: 'file', encoding: 'none', size: big.length, content: '' });
    nock(API, { reqheaders: { accept: 'application/vnd.github.v3.raw' } }).get('/repos/o/r/contents/a.c').query({ ref: 'h' }).reply(200, big, { 'content-type': 'text/plain; charset=utf-8' });
    const tree = createHeadTreeReader(client(), { owner: 'o', repo: 'r', ref: 'h', files, maxFiles: 10, maxFileBytes: 2 * 1024 * 1024 });
    expect(await tree.reader.read('a.c')).toBe(big);
    expect(tree.notes()).toEqual([]);
  });

  test('a missing or non-file path is a note, not a crash', async () => {
    nock(API).get('/repos/o/r/contents/a.c').query(true).reply(404, { message: 'Not Found' });
    nock(API).get('/repos/o/r/contents/b.h').query(true).reply(200, [{ name: 'x', type: 'file' }]);
    const tree = createHeadTreeReader(client(), { owner: 'o', repo: 'r', ref: 'h', files, maxFiles: 10, maxFileBytes: 1000 });
    expect(await tree.reader.read('a.c')).toBeUndefined();
    expect(await tree.reader.read('b.h')).toBeUndefined();
    expect(tree.notes()).toEqual([
      'could not read head content: `a.c` was not found at the head commit; analysed from the diff hunks only',
      'could not read head content: `b.h` is not a regular file at the head commit; analysed from the diff hunks only',
    ]);
  });
});

describe('loadAppConfig', () => {
  const engine = shimEngine();
  test('no file: defaults, no problems', async () => {
    const loaded = await loadAppConfig(async () => null, engine, 'o/r');
    expect(loaded).toEqual({ config: { ...engine.defaultConfig(), plugins: [] }, problems: [], notes: [], source: 'o/r:.github/p2pdma-review.yml' });
  });

  test('an unreadable file is a problem and the defaults run', async () => {
    const loaded = await loadAppConfig(async () => {
      throw new Error('[@probot/octokit-plugin-config] Configuration could not be parsed from x (invalid YAML)');
    }, engine, 'o/r');
    expect(loaded.problems).toEqual([{ path: '', message: 'could not be read: [@probot/octokit-plugin-config] Configuration could not be parsed from x (invalid YAML)' }]);
    expect(loaded.config).toEqual({ ...engine.defaultConfig(), plugins: [] });
  });

  test('valid settings apply; plugins never do', async () => {
    const loaded = await loadAppConfig(async () => ({ github: { maxComments: 5 }, plugins: ['./rules.js'] }), engine, 'o/r');
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.github.maxComments).toBe(5);
    expect(loaded.config.plugins).toEqual([]);
    expect(loaded.notes).toEqual(['the configuration lists plugins (`./rules.js`); the GitHub App never loads plugin code from repositories, so they were ignored (plugins work with the CLI)']);
  });
});
