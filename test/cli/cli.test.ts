// The CLI end to end, in process (main()) for speed, plus the built binary for bin wiring and --jobs.
import { PassThrough, Readable } from 'node:stream';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { NATIVE_ENV, switchedOff } from '../../src/c/native-copy.js';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  const code = await main(args, { stdout, stderr, stdin: Readable.from([stdin]), cwd: process.cwd() });
  return { code, out, err };
}

const EX1 = 'examples/0001-pci-epf-nvme-map-host-prp-list-into-a-scatterlist.patch';
const EX3 = 'examples/0003-nvmet-allocate-p2p-memory-for-inline-data.patch';

describe('p2pdma-review CLI', () => {
  test('reviews the bundled examples in checkpatch shape and exits 1 on errors', async () => {
    const r = await run(['examples/']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ERROR:SG_NONPAGE_MEMORY: /m);
    expect(r.out).toMatch(/^#\d+: FILE: drivers\/pci\/endpoint\/functions\/pci-epf-nvme\.c:\d+:$/m);
    expect(r.out).toMatch(/^total: \d+ errors, \d+ warnings, \d+ lines checked$/m);
  });

  test('a clean patch exits 0', async () => {
    const r = await run([EX3]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/total: 0 errors, 0 warnings/);
    expect(r.code).toBe(0);
  });

  test('--format json follows the documented contract', async () => {
    const r = await run(['--format', 'json', EX1]);
    const j = JSON.parse(r.out);
    expect(j.version).toBe(1);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['version', 'findings', 'errors', 'stats']));
    const f = j.findings.find((x: { ruleId: string }) => x.ruleId === 'sg-nonpage-memory');
    expect(f).toMatchObject({ severity: 'error', certainty: 'certain', input: EX1, side: 'new', quoted: false,
      file: 'drivers/pci/endpoint/functions/pci-epf-nvme.c' });
    expect(f.patch).toContain('PCI: endpoint: nvme');
    expect(f.evidence.length).toBeGreaterThan(0);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  test('output is stable: same input, same findings and fingerprints', async () => {
    const a = JSON.parse((await run(['--format', 'json', 'examples/'])).out);
    const b = JSON.parse((await run(['--format', 'json', 'examples/'])).out);
    expect(a.findings).toEqual(b.findings);
  });

  test('--fail-on controls the exit code', async () => {
    expect((await run(['--fail-on', 'never', EX1])).code).toBe(0);
    expect((await run(['--fail-on', 'warning', EX1])).code).toBe(1);
  });

  test('stdin ("-") is read', async () => {
    const r = await run(['--format', 'json', '-'], readFileSync(EX1, 'utf8'));
    expect(JSON.parse(r.out).findings.some((f: { input: string }) => f.input === '-')).toBe(true);
  });

  test('bad input is an error naming it, other inputs are still reviewed, exit 2', async () => {
    const r = await run(['--format', 'json', 'does/not/exist.patch', EX1]);
    const j = JSON.parse(r.out);
    expect(j.errors.some((e: { input: string }) => e.input === 'does/not/exist.patch')).toBe(true);
    expect(j.findings.length).toBeGreaterThan(0);
    expect(r.code).toBe(2);
  });

  test('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--format', 'xml', EX1])).code).toBe(2);
    expect((await run(['--bogus', EX1])).code).toBe(2);
    expect((await run(['--jobs', '0', EX1])).code).toBe(2);
  });

  test('--help and --list-rules', async () => {
    expect((await run(['--help'])).out).toContain('Usage: p2pdma-review');
    const rules = await run(['--list-rules']);
    expect(rules.out).toContain('sg-nonpage-memory');
    expect(rules.code).toBe(0);
  });

  test('a plugin adds rules; a broken plugin is an error naming it', async () => {
    const ok = await run(['--format', 'json', '--plugin', './fixtures/plugins/todo-dma-rule.mjs', 'fixtures/cli/todo.patch']);
    expect(JSON.parse(ok.out).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('todo-dma');
    const bad = await run(['--format', 'json', '--plugin', './fixtures/plugins/broken-plugin.mjs', 'fixtures/cli/todo.patch']);
    expect(JSON.parse(bad.out).errors[0].input).toBe('./fixtures/plugins/broken-plugin.mjs');
    expect(bad.code).toBe(2);
    const missing = await run(['--format', 'json', '--plugin', './fixtures/plugins/nope.mjs', 'fixtures/cli/todo.patch']);
    expect(JSON.parse(missing.out).errors[0].message).toMatch(/plugin failed to load/);
  });

  test('config file: rules can be disabled; an invalid config is a usage error naming the property', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p2pdma-cli-'));
    const good = join(dir, 'good.yml');
    writeFileSync(good, 'rules:\n  sg-nonpage-memory: off\n');
    const r = await run(['--format', 'json', '--config', good, EX1]);
    expect(JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('sg-nonpage-memory');
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'failOn: sometimes\n');
    const b = await run(['--config', bad, EX1]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('failOn');
  });

  test('--tree: whole files show allocations outside the hunk; a hunk that does not apply falls back with a note', async () => {
    const hunksOnly = JSON.parse((await run(['--format', 'json', 'fixtures/cli/tree-ring.patch'])).out);
    expect(hunksOnly.findings).toEqual([]);
    const r = await run(['--format', 'json', '--tree', 'fixtures/cli/tree', 'fixtures/cli/tree-ring.patch', 'fixtures/cli/tree-stale.patch']);
    const j = JSON.parse(r.out);
    const ring = j.findings.filter((f: { input: string }) => f.input === 'fixtures/cli/tree-ring.patch');
    expect(ring.map((f: { ruleId: string; line: number; certainty: string }) => [f.ruleId, f.line, f.certainty]))
      .toEqual([['sg-nonpage-memory', 34, 'certain']]);
    expect(ring[0].evidence.some((e: { line: number }) => e.line === 13)).toBe(true);
    expect(j.notes).toEqual(expect.arrayContaining([expect.objectContaining({
      input: 'fixtures/cli/tree-stale.patch', message: expect.stringMatching(/does not apply.*hunks only/),
    })]));
  });

  test('SARIF output is produced', async () => {
    const r = await run(['--format', 'sarif', EX1]);
    const s = JSON.parse(r.out);
    expect(s.version).toBe('2.1.0');
    expect(s.runs[0].results.length).toBeGreaterThan(0);
  });
});

// The package's bin: scripts/bundle.ts bundles the compiled modules (UNBUNDLED) into it.
const BIN = 'dist/cli/cli.js';
/** Whether the native tree copier is switched off for this run (P2PDMA_REVIEW_NATIVE, see src/c/native-copy.ts). */
const NATIVE_OFF = switchedOff(process.env[NATIVE_ENV]);
const UNBUNDLED = 'dist/src/cli.js';
const describeBuilt = existsSync(BIN) ? describe : describe.skip;
describeBuilt('built binary', () => {
  test('runs as a program and --jobs gives the same result as one job', () => {
    const one = execFileSync(process.execPath, [BIN, '--format', 'json', '--fail-on', 'never', 'examples/'], { encoding: 'utf8' });
    const two = execFileSync(process.execPath, [BIN, '--format', 'json', '--fail-on', 'never', '--jobs', '2', 'examples/'], { encoding: 'utf8' });
    const strip = (s: string) => { const j = JSON.parse(s); delete j.stats.timings; return j; };
    expect(strip(two)).toEqual(strip(one));
  });

  test('the built bin is executable: npx runs it directly, not through node', () => {
    // The unbundled entry too: bin links made before the bundle existed (npx caches them) point at it.
    for (const entry of [BIN, UNBUNDLED]) {
      const r = spawnSync(`./${entry}`, ['--version'], { encoding: 'utf8' });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\d+\.\d+\.\d+/);
    }
  });

  test('a reader that stops early (| head) ends the program quietly', () => {
    // The model listing is longer than one line; head exits after the first, closing the pipe.
    const r = spawnSync('sh', ['-c', `./${BIN} model platforms | head -n 1 >/dev/null`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  });

  test('exit code 1 on findings', () => {
    const r = spawnSync(process.execPath, [BIN, 'examples/'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
  });

  test('a review loads only what it uses: bundled platforms without yaml or zod, one formatter, no worker threads', () => {
    // Every module the process loads, on stderr: ESM (and builtins) through a load hook, CommonJS from require.cache.
    const hook = "import { writeSync } from 'node:fs'; export async function load(url, context, next) { writeSync(2, `LOADED ${url}\\n`); return next(url, context); }";
    const preload = [
      "import { createRequire, register } from 'node:module';",
      "import { writeSync } from 'node:fs';",
      `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`,
      "process.on('exit', () => writeSync(2, Object.keys(createRequire(process.cwd() + '/').cache).map((f) => `LOADED ${f}\\n`).join('')));",
    ].join('\n');
    // A patch whose rules ask what happens on every bundled platform.
    const patch = 'fixtures/rules/p2pdma-swiotlb/bad-forced-bounce.patch';
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, UNBUNDLED, '--format', 'json', patch], { encoding: 'utf8' });
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length).replace(/\\/g, '/'));
    // The platforms were consulted (the finding explains what happens on each), and the listing works (ESM, CommonJS).
    expect(r.stdout).toMatch(/THRU_HOST_BRIDGE on x86_64-vtd: /);
    expect(loaded.filter((f) => /\/src\/review\.js$/.test(f))).toHaveLength(1);
    // The native tree copier parses (npm run build builds it), so node-tree-sitter's JavaScript is not loaded;
    // switched off, node-tree-sitter parses instead.
    expect(loaded.filter((f) => /native\/build\/Release\/tree_copy\.node$/.test(f))).toHaveLength(NATIVE_OFF ? 0 : 1);
    expect(loaded.filter((f) => /node_modules\/tree-sitter\/index\.js$/.test(f))).toHaveLength(NATIVE_OFF ? 1 : 0);
    expect(loaded.filter((f) => /node_modules\/(yaml|zod|probot|@octokit)\//.test(f))).toEqual([]);
    // bulk.js decides whether workers pay off (--jobs auto); on a small input worker_threads is never loaded.
    expect(loaded.filter((f) => /\/src\/(report\/(text|sarif)|bulk-worker|github\/)/.test(f) || f === 'node:worker_threads')).toEqual([]);
  });

  test('the bundle reviews mails, mboxes and patches exactly as the compiled modules do, on one job and on workers, with and without the native tree copier', () => {
    // MIME mails go through mailparser (bundled CommonJS), --jobs 2 starts the bundled worker entry.
    const inputs = ['examples/', 'fixtures/ingest/mime', 'fixtures/ingest/series.mbox', 'fixtures/rules/dma-on-stack'];
    const review = (cli: string, jobs: string, env: Record<string, string> = {}) => {
      const out = execFileSync(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', '--jobs', jobs, ...inputs], { encoding: 'utf8', env: { ...process.env, ...env } });
      const j = JSON.parse(out);
      delete j.stats.timings;
      return j;
    };
    const modules = review(UNBUNDLED, '1');
    expect(modules.findings.length).toBeGreaterThan(3);
    expect(review(BIN, '1')).toEqual(modules);
    expect(review(BIN, '2')).toEqual(modules);
    // Without the native tree copier (as on a machine that could not build it), the same report.
    expect(review(BIN, '1', { P2PDMA_REVIEW_NATIVE: 'off' })).toEqual(modules);
    expect(review(BIN, '2', { P2PDMA_REVIEW_NATIVE: 'off' })).toEqual(modules);
  });

  test('the bundle keeps the lazy loading: no App stack, no worker_threads, only the grammar from node_modules and the native tree copier', () => {
    const hook = "import { writeSync } from 'node:fs'; export async function load(url, context, next) { writeSync(2, `LOADED ${url}\\n`); return next(url, context); }";
    const preload = [
      "import { createRequire, register } from 'node:module';",
      "import { writeSync } from 'node:fs';",
      `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));`,
      "process.on('exit', () => writeSync(2, Object.keys(createRequire(process.cwd() + '/').cache).map((f) => `LOADED ${f}\\n`).join('')));",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, BIN, '--format', 'json', EX1], { encoding: 'utf8' });
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length).replace(/\\/g, '/'));
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    expect(loaded.filter((f) => /\/dist\/cli\/cli\.js$/.test(f))).toHaveLength(1);
    // Everything else the review needs is inside the bundle.
    const packages = new Set(loaded.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((p) => p !== undefined));
    expect([...packages].sort()).toEqual(expect.arrayContaining(NATIVE_OFF ? ['tree-sitter', 'tree-sitter-c'] : ['tree-sitter-c']));
    expect([...packages].filter((p) => !/^(tree-sitter|tree-sitter-c|node-gyp-build|node-addon-api)$/.test(p!))).toEqual([]);
    expect(loaded.filter((f) => /native\/build\/Release\/tree_copy\.node$/.test(f))).toHaveLength(NATIVE_OFF ? 0 : 1);
    if (!NATIVE_OFF) expect(packages).not.toContain('tree-sitter');
    expect(loaded.filter((f) => /\/dist\/src\//.test(f))).toEqual([]);
    expect(loaded).not.toContain('node:worker_threads');
  });
});
