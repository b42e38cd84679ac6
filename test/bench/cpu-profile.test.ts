// Summarising V8 CPU profiles: self time per function and per module, largest first.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { moduleOf, summarizeProfile, type CpuProfile } from '../../bench/cpu-profile.js';

const root = '/repo';
const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

test('modules: src directories, packages, Node internals and V8 pseudo-frames', () => {
  expect(moduleOf('file:///repo/dist/src/ingest/mbox.js', 'split', root)).toBe('src/ingest');
  expect(moduleOf('file:///repo/dist/src/review.js', 'review', root)).toBe('src/review.ts');
  expect(moduleOf('file:///repo/node_modules/tree-sitter/index.js', 'parse', root)).toBe('tree-sitter');
  expect(moduleOf('file:///repo/node_modules/@octokit/core/dist/index.js', 'request', root)).toBe('@octokit/core');
  expect(moduleOf('node:internal/modules/esm/loader', 'load', root)).toBe('node internals');
  expect(moduleOf('', '(garbage collector)', root)).toBe('(garbage collector)');
  expect(moduleOf('', 'openFileHandle', root)).toBe('(native)');
});

test('self time is the sum of the sample intervals spent in each node', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('walkExpr', 'file:///repo/dist/src/analysis/walk.js', 21) },
      { id: 3, callFrame: frame('parse', 'file:///repo/node_modules/tree-sitter/index.js', 375) },
      { id: 4, callFrame: frame('(garbage collector)', '') },
      { id: 5, callFrame: frame('walkExpr', 'file:///repo/dist/src/analysis/walk.js', 21) },
    ],
    samples: [2, 2, 3, 4, 5, 2],
    timeDeltas: [1000, 1000, 4000, 500, 500, 1000],
  };
  const s = summarizeProfile(profile, root, 10);
  expect(s.totalMs).toBe(8);
  // Two profile nodes of the same function (different call paths) are one hot spot.
  expect(s.functions.map((f) => f.function)).toEqual(['parse', 'walkExpr', '(garbage collector)']);
  expect(s.functions[0]).toMatchObject({ module: 'tree-sitter', selfMs: 4, share: 0.5 });
  expect(s.functions[1]).toMatchObject({ module: 'src/analysis', selfMs: 3.5 });
  expect(s.modules[0]).toEqual({ module: 'tree-sitter', selfMs: 4, share: 0.5 });
  expect(s.modules.find((m) => m.module === 'src/analysis')?.share).toBeCloseTo(3.5 / 8, 10);
  expect(s.functions.find((f) => f.function === 'walkExpr')?.location).toBe('dist/src/analysis/walk.js:22');
  expect(s.files.map((f) => [f.module, f.selfMs])).toEqual([
    ['node_modules/tree-sitter/index.js', 4],
    ['dist/src/analysis/walk.js', 3.5],
    ['(garbage collector)', 0.5],
  ]);
});

test('frames of a bundle are attributed to the modules its source map names', async () => {
  // A bundle of two modules, one from src/ and one from a package, as scripts/bundle.ts writes dist/cli/.
  const repo = mkdtempSync(join(tmpdir(), 'p2pdma-profile-'));
  mkdirSync(join(repo, 'src/rules'), { recursive: true });
  mkdirSync(join(repo, 'node_modules/leftpad'), { recursive: true });
  writeFileSync(join(repo, 'node_modules/leftpad/index.js'), 'export function pad(s) {\n  return " " + s;\n}\n');
  writeFileSync(join(repo, 'src/rules/a.js'), 'import { pad } from "leftpad";\nexport function check(x) {\n  return pad(x) + "!";\n}\n');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(repo, 'src/rules/a.js')], outdir: join(repo, 'dist/cli'), bundle: true, format: 'esm', sourcemap: true, logLevel: 'silent' });
  const bundled = readFileSync(join(repo, 'dist/cli/a.js'), 'utf8').split('\n');
  const at = (needle: string) => { const line = bundled.findIndex((l) => l.includes(needle)); return { line, column: bundled[line].indexOf(needle) }; };
  const url = pathToFileURL(join(repo, 'dist/cli/a.js')).href;
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: { functionName: 'check', url, lineNumber: at('"!"').line, columnNumber: at('"!"').column } },
      { id: 3, callFrame: { functionName: 'pad', url, lineNumber: at('" " +').line, columnNumber: at('" " +').column } },
    ],
    samples: [2, 3, 3],
    timeDeltas: [1000, 1000, 1000],
  };
  const s = summarizeProfile(profile, repo, 10);
  expect(s.modules.map((m) => m.module).sort()).toEqual(['leftpad', 'src/rules']);
  expect(s.functions.find((f) => f.function === 'check')?.location).toBe('src/rules/a.js:3');
  expect(s.functions.find((f) => f.function === 'pad')?.location).toBe('node_modules/leftpad/index.js:2');
});
