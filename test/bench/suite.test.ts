// The CLI/floor rounds of the benchmark (bench/suite.ts runCliAndFloor), run against stand-in scripts that log
// each invocation: the two sides alternate, each round gives a ratio, and a side that fails stops alone.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAndFloor, type SuiteContext } from '../../bench/suite.js';
import type { InputSet } from '../../bench/inputs.js';

let root: string;

/** A build root whose `dist/cli/cli.js` and `dist/bench/floor.js` log their calls; `cliFails` makes the CLI exit without a report. */
function fakeBuild(cliFails: boolean): SuiteContext {
  const build = join(root, 'build');
  mkdirSync(join(build, 'dist/cli'), { recursive: true });
  mkdirSync(join(build, 'dist/bench'), { recursive: true });
  const log = JSON.stringify(join(root, 'calls.log'));
  writeFileSync(join(build, 'dist/cli/cli.js'), `
    const { appendFileSync, writeFileSync } = require('node:fs');
    appendFileSync(${log}, 'cli\\n');
    if (${cliFails}) { console.error('boom'); process.exit(2); }
    const out = process.argv[process.argv.indexOf('-o') + 1];
    writeFileSync(out, JSON.stringify({ findings: [{ ruleId: 'x' }], errors: [], stats: { patches: 1, files: 1, linesChecked: 10, timings: { parse: 1 } } }));
  `);
  writeFileSync(join(build, 'dist/bench/floor.js'), `
    require('node:fs').appendFileSync(${log}, 'floor\\n');
    console.log(JSON.stringify({ inputs: 1, files: 1, bytes: 10, parseMs: 1, withErrors: 0 }));
  `);
  // The stand-ins are CommonJS whatever the enclosing package says.
  writeFileSync(join(build, 'package.json'), '{"type":"commonjs"}');
  const cacheDir = join(root, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  return { repoRoot: root, buildRoot: build, cacheDir, log: () => {} };
}

const set: InputSet = { id: 'demo', label: 'demo', paths: ['x.patch'], files: ['x.patch'], checkpatchFiles: [], bytes: 10, notes: [] } as unknown as InputSet;

function calls(): string[] {
  return readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'p2pdma-bench-'));
  appendFileSync(join(root, 'calls.log'), '');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('the CLI and the floor alternate, and every round gives a ratio', async () => {
  const r = await runCliAndFloor(fakeBuild(false), set, 4);
  expect(calls()).toEqual(['cli', 'floor', 'floor', 'cli', 'cli', 'floor', 'floor', 'cli']);
  expect(r.failures).toEqual([]);
  expect(r.roundRatios).toHaveLength(4);
  expect(r.cli?.figures.runsMs).toHaveLength(4);
  expect(r.floor?.runsMs).toHaveLength(4);
  expect(r.cli?.figures.findings).toBe(1);
  r.roundRatios.forEach((x, i) => expect(x).toBeCloseTo(r.cli!.figures.runsMs[i] / r.floor!.runsMs[i], 10));
  // Peak RSS, where this machine can measure it, is the median run's, and every run's is kept.
  const rss = r.cli!.figures.rssRunsKb;
  if (rss) {
    expect(rss).toHaveLength(4);
    const sorted = [...rss].sort((a, b) => a - b);
    expect(r.cli!.figures.maxRssKb).toBe((sorted[1] + sorted[2]) / 2);
  }
});

test('a CLI that fails is run once and reported; the floor rounds go on', async () => {
  const r = await runCliAndFloor(fakeBuild(true), set, 3);
  expect(calls()).toEqual(['cli', 'floor', 'floor', 'floor']);
  expect(r.cli).toBeUndefined();
  expect(r.floor?.runsMs).toHaveLength(3);
  expect(r.roundRatios).toEqual([]);
  expect(r.failures).toHaveLength(1);
  expect(r.failures[0]).toMatch(/^CLI on demo: exit 2: boom$/);
});
