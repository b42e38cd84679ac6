// The CLI's V8 settings: which flags apply, that the environment can replace them, and that setting them at
// run time (not on Node's command line) really changes what V8's optimising compiler does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_V8_FLAGS, V8_FLAGS_ENV, v8FlagsFor } from '../src/v8-tuning.js';

test('without the environment variable the CLI settings apply; with it, its flags replace them', () => {
  expect(v8FlagsFor({})).toEqual([...CLI_V8_FLAGS]);
  expect(CLI_V8_FLAGS).toContain('--no-turbo-inlining');
  expect(v8FlagsFor({ [V8_FLAGS_ENV]: '  --max-lazy   --no-flush-bytecode ' })).toEqual(['--max-lazy', '--no-flush-bytecode']);
  // Empty: V8's own defaults.
  expect(v8FlagsFor({ [V8_FLAGS_ENV]: '' })).toEqual([]);
});

/** This process's environment without the override, plus `env`. */
function envWith(env: Record<string, string>): NodeJS.ProcessEnv {
  const out = { ...process.env, ...env };
  if (!(V8_FLAGS_ENV in env)) delete out[V8_FLAGS_ENV];
  return out;
}

/**
 * Runs a script that applies the settings for `env`, then has TurboFan compile a function whose callee it would
 * normally inline, with V8 tracing its inlining decisions. Returns what V8 printed.
 */
function inliningTrace(env: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'p2pdma-v8-'));
  const tuning = pathToFileURL(join(process.cwd(), 'dist/src/v8-tuning.js')).href;
  const script = join(dir, 'probe.mjs');
  writeFileSync(script, [
    `const { tuneV8 } = await import(${JSON.stringify(tuning)});`,
    'tuneV8();',
    // Compiled from a string so that the functions are created after the flags are set, as the CLI's are.
    'const caller = new Function(`',
    '  function callee(x) { return x * 2 + 1; }',
    '  return function caller(n) { let s = 0; for (let i = 0; i < n; i++) s += callee(i); return s; };`)();',
    'eval("%PrepareFunctionForOptimization(caller)");',
    'caller(10); caller(10);',
    'eval("%OptimizeFunctionOnNextCall(caller)");',
    'caller(10);',
  ].join('\n'));
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--trace-turbo-inlining', script], {
    encoding: 'utf8', env: envWith(env),
  });
  expect(r.status).toBe(0);
  return r.stdout + r.stderr;
}

test('set at run time, the settings stop TurboFan from inlining; V8 defaults (empty override) inline', () => {
  expect(inliningTrace({ [V8_FLAGS_ENV]: '' })).toMatch(/Inlining .*callee/);
  const tuned = inliningTrace({ [V8_FLAGS_ENV]: CLI_V8_FLAGS.join(' ') });
  expect(tuned).not.toMatch(/Inlining/);
});

test('the CLI applies the settings when started, before it reviews anything', () => {
  // The bundled CLI, traced: with its settings TurboFan inlines nothing while it reviews the fixture patches (the
  // examples alone no longer run long enough for TurboFan); with V8's defaults, the same run inlines.
  const run = (env: Record<string, string>) => spawnSync(process.execPath,
    ['--trace-turbo-inlining', 'dist/cli/cli.js', '--format', 'json', '--fail-on', 'never', '--jobs', '1', '-o', join(mkdtempSync(join(tmpdir(), 'p2pdma-v8-')), 'r.json'), 'fixtures/rules/'],
    { encoding: 'utf8', env: envWith(env) });
  const defaults = run({ [V8_FLAGS_ENV]: '' });
  expect(defaults.status).toBe(0);
  expect(defaults.stdout).toMatch(/Inlining/);
  const tuned = run({});
  expect(tuned.status).toBe(0);
  expect(tuned.stdout).not.toMatch(/Inlining/);
});
