// The measurements made on one input set: the CLI (whole process, JSON stats), the floor, checkpatch.pl, and
// in-process per-patch latency. Each spawns a separate process so no run inherits another's warm state.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { InputSet } from './inputs.js';
import { runMeasured, type ProcessRun } from './measure.js';
import type { CheckpatchFigures, CliFigures, FloorFigures } from './results.js';
import { median, perSecond, summarize, type LatencySummary } from './stats.js';

/** Where things are: the repository, the frozen build under test, the cache for outputs. */
export interface SuiteContext {
  repoRoot: string;
  /** Package root of the build under test (bench/snapshot.ts): the bundled CLI `dist/cli/cli.js` lives below it. */
  buildRoot: string;
  cacheDir: string;
  log: (line: string) => void;
}

/** The JSON report fields the benchmark reads (src/report/json: `{version, findings, errors, stats}`). */
interface JsonReport {
  findings: unknown[];
  errors: Array<{ input: string; message: string }>;
  stats: { patches: number; files: number; linesChecked: number; timings: Record<string, number> };
}

function medianRun<T extends { wallMs: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function failure(what: string, run: ProcessRun): Error {
  const why = run.signal ? `killed by ${run.signal}` : `exit ${run.exitCode}`;
  return new Error(`${what}: ${why}: ${run.stderr.trim().split('\n').slice(-5).join(' | ') || '(no stderr)'}`);
}

/** A CLI run's figures plus its parsed report (bulk mode compares reports across job counts). */
export interface CliOutcome {
  figures: CliFigures;
  findingsJson: string;
}

/** One CLI run: its process figures and its parsed JSON report. */
interface CliRun { wallMs: number; run: ProcessRun; report: JsonReport }

interface CliOptions { jobs: number; extraNodeArgs?: string[]; tag?: string }

/**
 * Runs `p2pdma-review --format json --jobs <jobs> -o <file> <paths>` once. Exit codes 0 and 1 (findings) and 2
 * (some input reported in `errors`, the rest reviewed) all produce a report; a run with no report is a failure.
 * The cwd is the cache directory so no stray `.p2pdma-review.yml` applies.
 */
async function runCliOnce(ctx: SuiteContext, set: InputSet, options: CliOptions): Promise<CliRun> {
  const cli = join(ctx.buildRoot, 'dist/cli/cli.js');
  const out = join(ctx.cacheDir, `report-${set.id}-j${options.jobs}${options.tag ? `-${options.tag}` : ''}.json`);
  rmSync(out, { force: true });
  const run = await runMeasured(process.execPath, [...(options.extraNodeArgs ?? []), cli, '--format', 'json', '--jobs', String(options.jobs), '-o', out, ...set.paths], { cwd: ctx.cacheDir });
  if (!existsSync(out)) throw failure(`CLI on ${set.id}`, run);
  try {
    return { wallMs: run.wallMs, run, report: JSON.parse(readFileSync(out, 'utf8')) as JsonReport };
  } catch (e) {
    throw new Error(`CLI on ${set.id}: the JSON report does not parse: ${(e as Error).message}`);
  }
}

/** The figures of several runs of the CLI on one set: median wall time, the median run's report. */
function cliOutcome(runs: CliRun[], jobs: number): CliOutcome {
  const mid = medianRun(runs);
  const { stats } = mid.report;
  const timings = Object.fromEntries(Object.entries(stats.timings ?? {}).map(([k, v]) => [k, Number(v)]));
  const pipelineMs = Object.values(timings).reduce((s, v) => s + v, 0);
  const wallMs = median(runs.map((r) => r.wallMs));
  const rss = runs.map((r) => r.run.maxRssKb).filter((k): k is number => k !== undefined);
  return {
    figures: {
      wallMs,
      runsMs: runs.map((r) => r.wallMs),
      // The median, like the time: the highest of five runs is an outlier as often as not (run G: 134 MB where the
      // other runs of the synthetic 10× series peaked at 117-124 MB).
      maxRssKb: rss.length ? median(rss) : undefined,
      rssRunsKb: rss.length ? runs.map((r) => r.run.maxRssKb ?? 0) : undefined,
      exitCode: mid.run.exitCode,
      jobs,
      patches: stats.patches,
      files: stats.files,
      linesChecked: stats.linesChecked,
      findings: mid.report.findings.length,
      inputErrors: mid.report.errors.length,
      timings,
      pipelineMs,
      linesPerSec: perSecond(stats.linesChecked, wallMs),
      patchesPerSec: perSecond(stats.patches, wallMs),
    },
    findingsJson: JSON.stringify(mid.report.findings),
  };
}

/** Runs the CLI on a set `repeats` times (see runCliOnce). */
export async function runCli(ctx: SuiteContext, set: InputSet, options: CliOptions & { repeats: number }): Promise<CliOutcome> {
  const runs: CliRun[] = [];
  for (let i = 0; i < options.repeats; i++) runs.push(await runCliOnce(ctx, set, options));
  return cliOutcome(runs, options.jobs);
}

interface FloorRun { wallMs: number; parsed: { parseMs: number; files: number; bytes: number } }

/** Runs the floor script on the set's paths once. */
async function runFloorOnce(ctx: SuiteContext, set: InputSet): Promise<FloorRun> {
  const script = join(ctx.buildRoot, 'dist/bench/floor.js');
  const run = await runMeasured(process.execPath, [script, ...set.paths], { cwd: ctx.cacheDir, rss: 'none' });
  if (run.exitCode !== 0) throw failure(`floor on ${set.id}`, run);
  return { wallMs: run.wallMs, parsed: JSON.parse(run.stdout) as FloorRun['parsed'] };
}

function floorFigures(runs: FloorRun[]): FloorFigures {
  const mid = medianRun(runs);
  return { wallMs: median(runs.map((r) => r.wallMs)), runsMs: runs.map((r) => r.wallMs), parseMs: mid.parsed.parseMs, cFiles: mid.parsed.files, cBytes: mid.parsed.bytes };
}

/** What runCliAndFloor measured; a side that failed has no figures and a message in `failures`. */
export interface CliAndFloor {
  cli?: CliOutcome;
  floor?: FloorFigures;
  /** CLI wall / floor wall of each round in which both ran. */
  roundRatios: number[];
  failures: string[];
}

/**
 * The CLI (`--jobs 1`) and the floor on one set, in alternating rounds: CLI then floor, then floor then CLI, and
 * so on. This machine's speed drifts by tens of per cent over minutes, and runs of the same process vary by 20 %
 * from one to the next; the two sides of a round run seconds apart, so the ratio of a round measures the review
 * and not the drift, and the median over rounds leaves out a run that one side happened to lose. A side that
 * fails stops being run; the other side's rounds go on.
 */
export async function runCliAndFloor(ctx: SuiteContext, set: InputSet, repeats: number): Promise<CliAndFloor> {
  const failures: string[] = [];
  const cli = measuredSide('CLI', set, failures, () => runCliOnce(ctx, set, { jobs: 1 }));
  const floor = measuredSide('floor', set, failures, () => runFloorOnce(ctx, set));
  const roundRatios: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let c: CliRun | undefined;
    let f: FloorRun | undefined;
    if (i % 2 === 0) { c = await cli.next(); f = await floor.next(); } else { f = await floor.next(); c = await cli.next(); }
    if (c && f) roundRatios.push(c.wallMs / f.wallMs);
  }
  return {
    cli: cli.runs.length ? cliOutcome(cli.runs, 1) : undefined,
    floor: floor.runs.length ? floorFigures(floor.runs) : undefined,
    roundRatios,
    failures,
  };
}

/**
 * One side of the rounds: `next()` runs it once and keeps the run, until a run fails. The failure goes to
 * `failures`, named by side and set once (runCliOnce's and runFloorOnce's errors already name both), and the side
 * is not run again.
 */
function measuredSide<T>(what: string, set: InputSet, failures: string[], once: () => Promise<T>): { runs: T[]; next(): Promise<T | undefined> } {
  const runs: T[] = [];
  let failed = false;
  const prefix = `${what} on ${set.id}`;
  return {
    runs,
    async next() {
      if (failed) return undefined;
      try {
        const run = await once();
        runs.push(run);
        return run;
      } catch (e) {
        failed = true;
        const message = (e as Error).message;
        failures.push(message.startsWith(prefix) ? message : `${prefix}: ${message}`);
        return undefined;
      }
    },
  };
}

/** The checkpatch.pl command line used (recorded in results). */
export const CHECKPATCH_ARGS = ['--no-tree', '--no-signoff', '-q'];

/**
 * Runs `perl <kernel>/scripts/checkpatch.pl --no-tree --no-signoff -q <files>` (one process for all files,
 * as the CLI gets them all at once). checkpatch exits 1 when it reports problems; only a Perl failure
 * (exit > 1 or a signal) is an error. A run over `timeoutMs` is killed and reported as `timedOut` (some
 * inputs send checkpatch's regular expressions into catastrophic backtracking; see docs/benchmarks.md).
 */
export async function runCheckpatch(ctx: SuiteContext, set: InputSet, kernelDir: string, repeats: number, timeoutMs: number): Promise<CheckpatchFigures> {
  const script = join(kernelDir, 'scripts/checkpatch.pl');
  const runs: Array<{ wallMs: number; run: ProcessRun }> = [];
  for (let i = 0; i < repeats; i++) {
    const run = await runMeasured('perl', [script, ...CHECKPATCH_ARGS, ...set.checkpatchFiles], { cwd: kernelDir, stdoutLimit: 1 << 20, timeoutMs });
    if (run.timedOut) {
      ctx.log(`checkpatch.pl on ${set.id} did not finish within ${(timeoutMs / 60000).toFixed(1)} min: killed; its time is a lower bound`);
      return { wallMs: run.wallMs, runsMs: [run.wallMs], exitCode: null, outputLines: run.stdout.split('\n').filter((l) => l.trim() !== '').length, timedOut: true };
    }
    if (run.signal || (run.exitCode ?? 2) > 1) throw failure(`checkpatch.pl on ${set.id}`, run);
    runs.push({ wallMs: run.wallMs, run });
  }
  const mid = medianRun(runs);
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    runsMs: runs.map((r) => r.wallMs),
    maxRssKb: Math.max(...runs.map((r) => r.run.maxRssKb ?? 0)) || undefined,
    exitCode: mid.run.exitCode,
    outputLines: mid.run.stdout.split('\n').filter((l) => l.trim() !== '').length,
  };
}

/** Per-patch in-process latency on at most `max` patches of the set. */
export async function runLatency(ctx: SuiteContext, set: InputSet, max: number): Promise<LatencySummary & { of: number }> {
  const script = join(ctx.buildRoot, 'dist/bench/latency.js');
  const args = [script, '--max', String(max), ...(set.splitMbox ? ['--split'] : []), ...set.files];
  const run = await runMeasured(process.execPath, args, { cwd: ctx.cacheDir, rss: 'none' });
  if (run.exitCode !== 0) throw failure(`latency on ${set.id}`, run);
  const parsed = JSON.parse(run.stdout) as { samples: number[]; of: number };
  return { ...summarize(parsed.samples), of: parsed.of };
}

/** Node's own start-up (`node -e 0`), median of `repeats`: the fixed cost under every CLI figure. */
export async function nodeStartup(ctx: SuiteContext, repeats: number): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) runs.push((await runMeasured(process.execPath, ['-e', '0'], { cwd: ctx.cacheDir, rss: 'none' })).wallMs);
  return median(runs);
}
