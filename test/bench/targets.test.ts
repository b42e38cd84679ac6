// The targets report: thresholds of issue 6, and "not measured" kept apart from PASS and FAIL.
import type { BenchResults, SetResult } from '../../bench/results.js';
import { evaluateTargets } from '../../bench/targets.js';

function set(id: string, over: Partial<SetResult>): SetResult {
  return { id, label: id, bytes: 1, notes: [], failures: [], ...over };
}

const cli = (wallMs: number) => ({ wallMs, runsMs: [wallMs], exitCode: 0, jobs: 1, patches: 1, files: 1, linesChecked: 1, findings: 0, inputErrors: 0, timings: {}, pipelineMs: wallMs / 2 });

function results(over: Partial<Omit<BenchResults, 'targets'>>): Omit<BenchResults, 'targets'> {
  return {
    version: 1,
    date: '',
    mode: 'quick',
    machine: { node: '', platform: '', cpus: 2, cpuModel: '', memoryGb: 1 },
    methods: { rss: 'none', latency: '', floor: '', checkpatch: '' },
    kernelSource: '',
    build: { snapshot: '' },
    loadAverage: { before: 0, after: 0 },
    sets: [],
    scaling: [],
    app: [],
    profiles: {},
    skipped: [],
    ...over,
  };
}

const byId = (r: ReturnType<typeof evaluateTargets>, id: string) => r.find((t) => t.id === id);

test('nothing measured: every target is N/A, none passes', () => {
  const t = evaluateTargets(results({}));
  expect(t.length).toBeGreaterThan(0);
  expect(t.every((x) => x.pass === null)).toBe(true);
});

test('checkpatch and floor ratios are judged against 30× and 3×', () => {
  const t = evaluateTargets(
    results({
      sets: [
        set('large-patch', { cli: cli(100), fasterThanCheckpatch: 35, overFloor: 3.5, floor: { wallMs: 30, runsMs: [30], parseMs: 1, cFiles: 1, cBytes: 1 } }),
        set('corpus', { cli: cli(100), fasterThanCheckpatch: 29.9 }),
      ],
    }),
  );
  expect(byId(t, 'checkpatch-large-patch')?.pass).toBe(true);
  expect(byId(t, 'checkpatch-corpus')?.pass).toBe(false);
  expect(byId(t, 'floor-large-patch')).toMatchObject({ pass: false, value: 3.5 });
});

test('a floor ratio from alternating rounds says so and shows their range', () => {
  const floor = { wallMs: 30, runsMs: [30, 40, 35], parseMs: 1, cFiles: 1, cBytes: 1 };
  const t = evaluateTargets(results({
    sets: [set('corpus', { cli: cli(100), floor, overFloor: 2.9, overFloorRounds: [3.4, 2.5, 2.9] })],
  }));
  expect(byId(t, 'floor-corpus')).toMatchObject({ pass: true, value: 2.9 });
  expect(byId(t, 'floor-corpus')?.detail).toBe('median of 3 alternating rounds (2.50–3.40×); median times CLI 100 ms vs floor 30 ms');
});

test('scaling, memory, bulk and App thresholds', () => {
  const t = evaluateTargets(
    results({
      scaling: [
        { scale: 1, patches: 10, linesChecked: 100, wallMs: 500, pipelineMs: 100, maxRssKb: 100_000 },
        { scale: 10, patches: 100, linesChecked: 1000, wallMs: 1500, pipelineMs: 1100, maxRssKb: 130_000 },
      ],
      bulk: { set: 'x', jobs1Ms: 1000, jobs2Ms: 600, speedup: 1000 / 600, sameOutput: false },
      app: [{ mode: 'probot-run', cases: [{ id: 'one-patch', label: '', files: 1, diffLines: 1, coldMs: 1, missingReviews: 0, reviewPosted: { n: 50, p50: 300, p99: 400, min: 1, max: 1, mean: 1 }, handled: { n: 50, p50: 1, p99: 1, min: 1, max: 1, mean: 1 } }] }],
    }),
  );
  expect(byId(t, 'scaling-time')).toMatchObject({ pass: true, value: 11 });
  expect(byId(t, 'scaling-memory')).toMatchObject({ pass: false });
  expect(byId(t, 'bulk-jobs2')?.pass).toBe(false);
  expect(byId(t, 'bulk-deterministic')?.pass).toBe(false);
  expect(byId(t, 'app-one-patch')).toMatchObject({ pass: true, value: 300 });
});

test('a failed App measurement is N/A with the reason, not a pass', () => {
  const t = evaluateTargets(results({ app: [{ mode: 'probot-run', error: 'the App exited' }] }));
  expect(byId(t, 'app-one-patch')).toMatchObject({ pass: null, detail: 'App latency failed: the App exited' });
});

test('a checkpatch run killed at the time limit is a lower bound: it can pass, not fail', () => {
  const cp = (timedOut: boolean) => ({ wallMs: 1000, runsMs: [1000], exitCode: null, outputLines: 0, timedOut });
  const t = evaluateTargets(
    results({
      sets: [
        set('large-patch', { cli: cli(100), checkpatch: cp(true), fasterThanCheckpatch: 10 }),
        set('corpus', { cli: cli(10), checkpatch: cp(true), fasterThanCheckpatch: 100 }),
      ],
    }),
  );
  expect(byId(t, 'checkpatch-large-patch')?.pass).toBeNull();
  expect(byId(t, 'checkpatch-corpus')?.pass).toBe(true);
});
