// The shape of bench/results/latest.json: every figure the benchmark measures, with enough context
// (machine, inputs, methods) to reproduce and compare it.
import type { AppLatencyResult } from './app-latency.js';
import type { ProfileSummary } from './cpu-profile.js';
import type { RssMethod } from './measure.js';
import type { LatencySummary } from './stats.js';

/** Whole-process figures of the CLI on one input set. */
export interface CliFigures {
  /** Median wall time over `runsMs`. */
  wallMs: number;
  runsMs: number[];
  /** Peak RSS: the median of the runs' peaks (`rssRunsKb`); until run F, the highest of them. */
  maxRssKb?: number;
  /** Each run's peak RSS, in the order of `runsMs`. */
  rssRunsKb?: number[];
  exitCode: number | null;
  jobs: number;
  patches: number;
  files: number;
  linesChecked: number;
  findings: number;
  inputErrors: number;
  /** Per-stage milliseconds from the JSON report's stats.timings (of the median run). */
  timings: Record<string, number>;
  /** Sum of the stage timings: time spent in the pipeline, start-up and output excluded. */
  pipelineMs: number;
  linesPerSec?: number;
  patchesPerSec?: number;
}

/** The floor process (Node start-up + tree-sitter parse of the same C text). */
export interface FloorFigures {
  wallMs: number;
  runsMs: number[];
  parseMs: number;
  cFiles: number;
  cBytes: number;
}

export interface CheckpatchFigures {
  wallMs: number;
  runsMs: number[];
  maxRssKb?: number;
  exitCode: number | null;
  /** Lines of output (one per reported problem line), to show it really checked the input. */
  outputLines: number;
  /** Killed at the time limit: `wallMs` is a lower bound, and so is the speed ratio. */
  timedOut?: boolean;
}

export interface SetResult {
  id: string;
  label: string;
  bytes: number;
  notes: string[];
  cli?: CliFigures;
  floor?: FloorFigures;
  checkpatch?: CheckpatchFigures;
  /** In-process review() per patch (see bench/latency.ts). */
  latency?: LatencySummary & { of: number };
  /** checkpatch wall / CLI wall. */
  fasterThanCheckpatch?: number;
  /** CLI wall / floor wall: the median of the rounds' ratios (CLI and floor alternate), when there are rounds. */
  overFloor?: number;
  /** CLI wall / floor wall of each alternating round. */
  overFloorRounds?: number[];
  failures: string[];
}

export interface ScalingPoint {
  scale: number;
  patches: number;
  linesChecked: number;
  wallMs: number;
  pipelineMs: number;
  maxRssKb?: number;
}

export interface Target {
  id: string;
  description: string;
  /** The measured value, in the unit of `threshold`. */
  value?: number;
  threshold: string;
  /** null: not measured in this run (input absent or step skipped). */
  pass: boolean | null;
  detail: string;
}

export interface BenchResults {
  version: 1;
  date: string;
  mode: 'full' | 'quick';
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number };
  /** parser: how the measured build copies syntax trees (`native` or `cursor: <why>`, see src/c/native-copy.ts). */
  methods: { rss: RssMethod; latency: string; floor: string; checkpatch: string; parser?: string };
  kernelSource: string;
  /** The code measured: the frozen copy of dist/, and the checkout's commit (plus uncommitted changes). */
  build: { snapshot: string; commit?: string; uncommittedChanges?: number };
  nodeStartupMs?: number;
  /** 1-minute load average before and after the run: figures from a busy machine are not comparable. */
  loadAverage: { before: number; after: number };
  sets: SetResult[];
  scaling: ScalingPoint[];
  /** --jobs 1 against --jobs 2 in alternating runs (medians; each run's wall time in the *RunsMs lists). */
  bulk?: { set: string; jobs1Ms: number; jobs2Ms: number; jobs1RunsMs?: number[]; jobs2RunsMs?: number[]; speedup: number; jobs2RssKb?: number; sameOutput: boolean };
  /** App latency per server mode (`probot-run` first: it is what production runs). */
  app: Array<AppLatencyResult | { mode: string; error: string }>;
  profiles: Record<string, ProfileSummary | { error: string }>;
  skipped: string[];
  targets: Target[];
}
