// `npm run bench [-- options]`: prepares the input sets, measures the CLI, the floor, checkpatch.pl, per-patch
// latency, scaling, bulk mode and App latency, profiles the large inputs, prints tables and PASS/FAIL lines for
// the issue's targets, and writes everything to bench/results/latest.json.
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAppLatency } from './app-latency.js';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile.js';
import { corpusSet, kernelSeriesSet, largePatchSet, syntheticSet, type InputSet } from './inputs.js';
import { locateKernelSource } from './kernel-source.js';
import { snapshotBuild } from './snapshot.js';
import { rssMethodFor } from './measure.js';
import type { BenchResults, ScalingPoint, SetResult } from './results.js';
import { CHECKPATCH_ARGS, nodeStartup, runCheckpatch, runCli, runCliAndFloor, runLatency, type SuiteContext } from './suite.js';
import { DEFAULT_SEED } from './synthetic/series.js';
import { fmt, mb, ms, renderTable, times } from './table.js';
import { evaluateTargets } from './targets.js';
import { median, ratio } from './stats.js';

const USAGE = `Usage: npm run bench -- [options]

  --quick           fast subset: small synthetic series, no kernel series, 10 App deliveries, no profile
  --skip <list>     comma-separated steps to leave out: kernel, checkpatch, checkpatch-series, latency, app, profile
                    (checkpatch-series: checkpatch.pl on the 580k-line kernel series, about 10 minutes alone)
  --repeat <n>      runs per measurement (default 5, quick 1; inputs over 4 MB always once)
  --seed <n>        seed of the synthetic series (default ${DEFAULT_SEED})
  --checkpatch-timeout <min>  kill a checkpatch.pl run after this many minutes (default 15); its time
                    and the speed ratio are then reported as lower bounds
  --out <file>      results JSON (default bench/results/latest.json)
  -h, --help        this help`;

/** Alternating --jobs 1 / --jobs 2 rounds for the bulk-mode figure (one in --quick mode). */
const BULK_ROUNDS = 2;

const STEPS = ['kernel', 'checkpatch', 'checkpatch-series', 'latency', 'app', 'profile'] as const;
type Step = (typeof STEPS)[number];

interface Options {
  quick: boolean;
  skip: Set<Step>;
  repeat: number;
  seed: number;
  checkpatchTimeoutMin: number;
  out?: string;
}

function parseOptions(argv: string[]): Options | { help: true } {
  const o: Options = { quick: false, skip: new Set(), repeat: 0, seed: DEFAULT_SEED, checkpatchTimeoutMin: 15 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return { help: true };
    else if (a === '--quick') o.quick = true;
    else if (a === '--skip') {
      for (const s of value().split(',').map((x) => x.trim()).filter(Boolean)) {
        if (!(STEPS as readonly string[]).includes(s)) throw new Error(`--skip: unknown step "${s}" (known: ${STEPS.join(', ')})`);
        o.skip.add(s as Step);
      }
    } else if (a === '--repeat' || a === '--seed') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < (a === '--repeat' ? 1 : 0)) throw new Error(`${a} needs a ${a === '--repeat' ? 'positive' : 'non-negative'} integer`);
      if (a === '--repeat') o.repeat = n;
      else o.seed = n;
    } else if (a === '--checkpatch-timeout') {
      const n = Number(value());
      if (!(n > 0)) throw new Error('--checkpatch-timeout needs a positive number of minutes');
      o.checkpatchTimeoutMin = n;
    } else if (a === '--out') o.out = value();
    else throw new Error(`unknown option ${a}`);
  }
  if (o.repeat === 0) o.repeat = o.quick ? 1 : 5;
  return o;
}

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bench/run.js → the repository root. */
const repoRoot = resolve(here, '..', '..');

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function attempt<T>(what: string, failures: string[], fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    const message = `${what}: ${(e as Error).message}`;
    log(`FAILED ${message}`);
    failures.push(message);
    return undefined;
  }
}

async function profile(ctx: SuiteContext, set: InputSet): Promise<ProfileSummary> {
  const dir = join(ctx.cacheDir, 'profiles', set.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await runCli(ctx, set, { repeats: 1, jobs: 1, extraNodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir], tag: 'profile' });
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile written to ${dir}`);
  const prof = JSON.parse(readFileSync(join(dir, files[0]), 'utf8')) as CpuProfile;
  return { ...summarizeProfile(prof, ctx.buildRoot, 15), file: join(dir, files[0]) };
}

async function main(): Promise<number> {
  let options: Options | { help: true };
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if ('help' in options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const o = options;
  const cacheDir = join(repoRoot, 'bench', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  // Every measurement below runs this frozen copy of dist/ (teammates may rebuild dist/ meanwhile).
  const buildRoot = snapshotBuild(repoRoot, cacheDir);
  const ctx: SuiteContext = { repoRoot, buildRoot, cacheDir, log };
  const skipped: string[] = [];
  const skip = (why: string) => {
    skipped.push(why);
    log(`skipped: ${why}`);
  };
  for (const s of o.skip) skip(`${s} (--skip)`);

  // ── Inputs ──
  const kernel = locateKernelSource(repoRoot, cacheDir);
  const kernelDir = 'dir' in kernel ? kernel.dir : undefined;
  if (!kernelDir) skip(`kernel inputs and checkpatch.pl: ${'skip' in kernel ? kernel.skip : ''}`);
  const sets: InputSet[] = [];
  if (kernelDir) sets.push(largePatchSet(kernelDir, cacheDir));
  const corpus = corpusSet(resolve(repoRoot, '..', 'shared', 'corpus', 'real'));
  if ('skip' in corpus) skip(corpus.skip);
  else sets.push(corpus);
  if (kernelDir && !o.quick && !o.skip.has('kernel')) sets.push(kernelSeriesSet(kernelDir, cacheDir));
  else if (kernelDir && o.quick) skip('kernel series (--quick)');
  const base = o.quick ? 20 : 50;
  const synthetic = [1, 2, 5, 10].map((scale) => ({ scale, set: syntheticSet(o.seed, base, scale, cacheDir) }));
  sets.push(...synthetic.map((s) => s.set));
  const checkpatchSets = new Set(['large-patch', 'corpus', 'synthetic-x1', ...(o.quick || o.skip.has('checkpatch-series') ? [] : ['kernel-series'])]);
  const bigSet = sets.find((s) => s.id === 'kernel-series') ?? synthetic[synthetic.length - 1].set;

  const loadBefore = loadavg()[0];
  if (loadBefore > cpus().length) log(`warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} CPUs: timings will be inflated`);
  const nodeStartupMs = await nodeStartup(ctx, 5);
  log(`node start-up ${nodeStartupMs.toFixed(1)} ms`);

  // ── Per input set ──
  const results: SetResult[] = [];
  const findingsBySet = new Map<string, string>();
  for (const set of sets) {
    const r: SetResult = { id: set.id, label: set.label, bytes: set.bytes, notes: set.notes, failures: [] };
    results.push(r);
    const repeats = set.bytes > 4 << 20 ? 1 : o.repeat;
    log(`${set.label}: CLI and floor, ${repeats} alternating round(s)`);
    const measured = await runCliAndFloor(ctx, set, repeats);
    for (const f of measured.failures) log(`FAILED ${f}`);
    r.failures.push(...measured.failures);
    if (measured.cli) {
      r.cli = measured.cli.figures;
      findingsBySet.set(set.id, measured.cli.findingsJson);
    }
    r.floor = measured.floor;
    if (measured.roundRatios.length) r.overFloorRounds = measured.roundRatios;
    if (kernelDir && !o.skip.has('checkpatch') && checkpatchSets.has(set.id)) {
      const cpRepeats = set.id === 'large-patch' ? Math.min(o.repeat, 3) : 1;
      log(`${set.label}: checkpatch.pl ×${cpRepeats}${set.id === 'kernel-series' ? ' (this one takes minutes)' : ''}`);
      r.checkpatch = await attempt(`checkpatch on ${set.id}`, r.failures, () => runCheckpatch(ctx, set, kernelDir, cpRepeats, o.checkpatchTimeoutMin * 60_000));
    }
    if (!o.skip.has('latency') && (set.id !== 'synthetic-x2' && set.id !== 'synthetic-x5' && set.id !== 'synthetic-x10')) {
      log(`${set.label}: per-patch latency`);
      r.latency = await attempt(`latency on ${set.id}`, r.failures, () => runLatency(ctx, set, o.quick ? 30 : 150));
    }
    r.fasterThanCheckpatch = ratio(r.checkpatch?.wallMs, r.cli?.wallMs);
    // The median of the rounds' own ratios (see runCliAndFloor); the ratio of the medians when no round had both.
    r.overFloor = r.overFloorRounds ? median(r.overFloorRounds) : ratio(r.cli?.wallMs, r.floor?.wallMs);
  }

  // ── Scaling and bulk ──
  const scaling: ScalingPoint[] = [];
  for (const { scale, set } of synthetic) {
    const c = results.find((x) => x.id === set.id)?.cli;
    if (c) scaling.push({ scale, patches: c.patches, linesChecked: c.linesChecked, wallMs: c.wallMs, pipelineMs: c.pipelineMs, maxRssKb: c.maxRssKb });
  }
  let bulk: BenchResults['bulk'];
  const bigResult = results.find((x) => x.id === bigSet.id);
  if (bigResult?.cli) {
    // One job against two, in alternating runs: on a shared machine the speed drifts by tens of per cent
    // over minutes, so a --jobs 1 figure taken earlier in the run would measure the drift as much as the jobs.
    const rounds = o.quick ? 1 : BULK_ROUNDS;
    const jobs1: number[] = [];
    const jobs2: number[] = [];
    let j2Rss: number | undefined;
    let sameOutput = true;
    for (let i = 0; i < rounds; i++) {
      log(`${bigSet.label}: CLI --jobs 1 / --jobs 2, round ${i + 1} of ${rounds}`);
      const j1 = await attempt(`--jobs 1 on ${bigSet.id}`, bigResult.failures, () => runCli(ctx, bigSet, { repeats: 1, jobs: 1 }));
      const j2 = await attempt(`--jobs 2 on ${bigSet.id}`, bigResult.failures, () => runCli(ctx, bigSet, { repeats: 1, jobs: 2 }));
      if (!j1 || !j2) break;
      jobs1.push(j1.figures.wallMs);
      jobs2.push(j2.figures.wallMs);
      j2Rss = Math.max(j2Rss ?? 0, j2.figures.maxRssKb ?? 0) || undefined;
      sameOutput &&= j2.findingsJson === findingsBySet.get(bigSet.id) && j1.findingsJson === findingsBySet.get(bigSet.id);
    }
    if (jobs1.length > 0) {
      bulk = {
        set: bigSet.id,
        jobs1Ms: median(jobs1),
        jobs2Ms: median(jobs2),
        jobs1RunsMs: jobs1,
        jobs2RunsMs: jobs2,
        speedup: median(jobs1) / median(jobs2),
        jobs2RssKb: j2Rss,
        sameOutput,
      };
    }
  }

  // ── App latency ──
  const app: BenchResults['app'] = [];
  for (const mode of o.skip.has('app') ? [] : (['probot-run', 'throttle-off'] as const)) {
    try {
      app.push(await measureAppLatency({
        mode,
        repoRoot,
        buildRoot,
        deliveries: o.quick ? 10 : 50,
        warmup: o.quick ? 2 : 5,
        seed: o.seed,
        cases: [
          { id: 'one-patch', label: 'one-patch PR (1 file)', files: 1 },
          { id: 'pr-24-files', label: '24-file PR', files: 24 },
        ],
        log,
      }));
    } catch (e) {
      log(`FAILED App latency (${mode}): ${(e as Error).message}`);
      app.push({ mode, error: (e as Error).message.split('\n')[0] });
    }
  }

  // ── Profiles ──
  const profiles: BenchResults['profiles'] = {};
  if (!o.quick && !o.skip.has('profile')) {
    for (const set of [sets.find((s) => s.id === 'large-patch'), bigSet].filter((s): s is InputSet => s !== undefined)) {
      log(`${set.label}: --cpu-prof`);
      try {
        profiles[set.id] = await profile(ctx, set);
      } catch (e) {
        profiles[set.id] = { error: (e as Error).message };
      }
    }
  } else if (o.quick) skip('profile (--quick)');

  const partial: Omit<BenchResults, 'targets'> = {
    version: 1,
    date: new Date().toISOString(),
    mode: o.quick ? 'quick' : 'full',
    machine: { node: process.version, platform: `${platform()} ${release()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30) },
    methods: {
      rss: rssMethodFor(process.execPath),
      latency: 'in-process review() per patch after warm-up (bench/latency.ts); start-up excluded',
      floor: 'node dist/bench/floor.js: Node start-up + tree-sitter-c parse of the post-image C text of the same inputs; run in rounds alternating with the CLI, CLI/floor is the median of the rounds\' ratios',
      checkpatch: `perl scripts/checkpatch.pl ${CHECKPATCH_ARGS.join(' ')} <files>`,
      parser: syntaxCopyOf(buildRoot),
    },
    kernelSource: 'dir' in kernel ? kernel.origin : `absent: ${kernel.skip}`,
    build: describeBuild(buildRoot),
    nodeStartupMs,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    sets: results,
    scaling,
    bulk,
    app,
    profiles,
    skipped,
  };
  const full: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  const out = o.out ? resolve(o.out) : join(repoRoot, 'bench', 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(full, null, 2)}\n`);
  process.stdout.write(render(full));
  process.stdout.write(`\nResults written to ${out}\n`);
  return 0;
}

/**
 * How the frozen build copies syntax trees, asked of the build itself: `native` when it loads the tree copier,
 * else `cursor: <why>` (figures then include node-tree-sitter's slower cursor copy).
 */
function syntaxCopyOf(buildRoot: string): string {
  const probe = `import(${JSON.stringify(join(buildRoot, 'dist', 'src', 'c', 'parser.js'))}).then((m) => { const c = m.syntaxCopyMode(); console.log(c.mode + (c.reason ? ': ' + c.reason : '')); })`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', cwd: buildRoot });
  return run.status === 0 ? run.stdout.trim() : `unknown (${run.stderr.trim().split('\n')[0]})`;
}

/** Which code was measured: the snapshot, and the checkout's commit and uncommitted-change count (read-only git). */
function describeBuild(buildRoot: string): BenchResults['build'] {
  const git = (args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  const status = git(['status', '--porcelain']);
  return {
    snapshot: buildRoot,
    commit: head.status === 0 ? head.stdout.trim() : undefined,
    uncommittedChanges: status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : undefined,
  };
}

/** The human-readable report: tables, then the targets as PASS/FAIL lines. */
export function render(r: BenchResults): string {
  const parts: string[] = [];
  const m = r.machine;
  parts.push(`p2pdma-review benchmark (${r.mode}) — ${r.date}\nNode ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}\nKernel source: ${r.kernelSource}\nBuild: ${r.build.commit ?? 'unknown commit'}${r.build.uncommittedChanges ? ` + ${r.build.uncommittedChanges} uncommitted changes` : ''}, frozen in ${r.build.snapshot}\nNode start-up (node -e 0): ${ms(r.nodeStartupMs)} ms; peak RSS via ${r.methods.rss}; tree copy: ${r.methods.parser ?? 'unknown'}; load average ${fmt(r.loadAverage.before, 1)} before, ${fmt(r.loadAverage.after, 1)} after`);
  const withCli = r.sets.filter((s) => s.cli);
  parts.push(
    'Throughput — whole CLI process (`--format json --jobs 1`), median wall time',
    renderTable(
      ['input', 'patches', 'lines', 'MB', 'wall ms', 'peak RSS MB', 'lines/s', 'patches/s', 'findings', 'input errors'],
      withCli.map((s) => [s.label, fmt(s.cli!.patches), fmt(s.cli!.linesChecked), fmt(s.bytes / 2 ** 20, 2), ms(s.cli!.wallMs), mb(s.cli!.maxRssKb), fmt(s.cli!.linesPerSec), fmt(s.cli!.patchesPerSec, 1), fmt(s.cli!.findings), fmt(s.cli!.inputErrors)]),
    ),
  );
  const stages = ['ingest', 'parse', 'analyse', 'rules', 'filter'];
  parts.push(
    'Pipeline stages — ms, from the report\'s stats.timings (the rest of the wall time is start-up, module loading and output)',
    renderTable(
      ['input', ...stages, 'pipeline', 'wall − pipeline'],
      withCli.map((s) => [s.label, ...stages.map((k) => ms(s.cli!.timings[k])), ms(s.cli!.pipelineMs), ms(s.cli!.wallMs - s.cli!.pipelineMs)]),
    ),
  );
  parts.push(
    'Against the floor and checkpatch.pl; per-patch latency (in-process review(), warm)',
    renderTable(
      ['input', 'floor ms', 'CLI/floor', 'checkpatch ms', 'checkpatch RSS MB', 'faster than checkpatch', 'p50 ms', 'p99 ms', 'patches timed'],
      r.sets.map((s) => [
        s.label,
        ms(s.floor?.wallMs),
        times(s.overFloor),
        s.checkpatch?.timedOut ? `> ${ms(s.checkpatch.wallMs)}` : ms(s.checkpatch?.wallMs),
        mb(s.checkpatch?.maxRssKb),
        s.checkpatch?.timedOut ? `≥ ${times(s.fasterThanCheckpatch)} (killed)` : times(s.fasterThanCheckpatch),
        ms(s.latency?.p50),
        ms(s.latency?.p99),
        s.latency ? `${s.latency.n} of ${s.latency.of}` : '—',
      ]),
    ),
  );
  if (r.scaling.length > 0) {
    const one = r.scaling.find((p) => p.scale === 1);
    parts.push(
      'Scaling — synthetic series',
      renderTable(
        ['scale', 'patches', 'lines', 'wall ms', 'pipeline ms', 'peak RSS MB', 'wall / 1×', 'pipeline / 1×', 'RSS / 1×'],
        r.scaling.map((p) => [`${p.scale}×`, fmt(p.patches), fmt(p.linesChecked), ms(p.wallMs), ms(p.pipelineMs), mb(p.maxRssKb), times(ratio(p.wallMs, one?.wallMs)), times(ratio(p.pipelineMs, one?.pipelineMs)), times(ratio(p.maxRssKb, one?.maxRssKb))]),
      ),
    );
  }
  if (r.bulk) {
    parts.push(`Bulk mode on ${r.bulk.set}, alternating runs (${(r.bulk.jobs1RunsMs ?? []).map(ms).join(', ')} / ${(r.bulk.jobs2RunsMs ?? []).map(ms).join(', ')} ms): median --jobs 1 ${ms(r.bulk.jobs1Ms)} ms, --jobs 2 ${ms(r.bulk.jobs2Ms)} ms (peak RSS ${mb(r.bulk.jobs2RssKb)} MB) → ${times(r.bulk.speedup)}; same findings in the same order: ${r.bulk.sameOutput ? 'yes' : 'NO'}`);
  }
  const appRows = r.app.flatMap((a) =>
    'cases' in a
      ? a.cases.map((c) => [a.mode, c.label, fmt(c.diffLines), fmt(c.reviewPosted.n), ms(c.reviewPosted.p50), ms(c.reviewPosted.p99), ms(c.handled.p50), ms(c.handled.p99), ms(c.coldMs), fmt(c.missingReviews), mb(a.appPeakRssKb)])
      : [[a.mode, `FAILED: ${a.error}`]],
  );
  if (appRows.length > 0) {
    parts.push(
      'App latency — webhook delivery → review posted / handler done (ms), loopback simulator; probot-run = npm start, throttle-off = same server without Octokit write throttling',
      renderTable(['server', 'pull request', 'diff lines', 'deliveries', 'posted p50', 'posted p99', 'done p50', 'done p99', 'first (cold)', 'no review', 'App RSS MB'], appRows),
    );
  }
  for (const [id, p] of Object.entries(r.profiles)) {
    if ('error' in p) {
      parts.push(`CPU profile of ${id}: FAILED: ${p.error}`);
      continue;
    }
    parts.push(
      `CPU profile of ${id} — self time by module (${ms(p.totalMs)} ms sampled)`,
      renderTable(['module', 'self ms', 'share'], p.modules.slice(0, 10).map((x) => [x.module, ms(x.selfMs), `${fmt(x.share * 100, 1)}%`])),
      `Self time by source file, ${id}`,
      renderTable(['file', 'self ms', 'share'], (p.files ?? []).slice(0, 12).map((x) => [x.module, ms(x.selfMs), `${fmt(x.share * 100, 1)}%`])),
      `Top functions of ${id}`,
      renderTable(['function', 'location', 'self ms', 'share'], p.functions.slice(0, 12).map((f) => [f.function, f.location, ms(f.selfMs), `${fmt(f.share * 100, 1)}%`])),
    );
  }
  const failures = r.sets.flatMap((s) => s.failures);
  if (failures.length > 0) parts.push(`Failures:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  if (r.skipped.length > 0) parts.push(`Skipped:\n${r.skipped.map((s) => `  ${s}`).join('\n')}`);
  parts.push(
    `Targets (issue 6)\n${r.targets
      .map((t) => `${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.description}: ${t.value === undefined ? '—' : fmt(t.value, 2)} (target ${t.threshold})${t.detail ? ` — ${t.detail}` : ''}`)
      .join('\n')}`,
  );
  return `${parts.join('\n\n')}\n`;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: Error) => {
    process.stderr.write(`bench: ${e.stack ?? e.message}\n`);
    process.exitCode = 2;
  });
