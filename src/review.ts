// The one orchestration function shared by the CLI and the GitHub App: ingest → parse → analyse → rules →
// filter. Reporters and sinks (the only I/O) live outside it.
import { countDiffLines, emptyIngestProgress, ingestStream, type IngestProgress, type PendingInput } from './ingest/index.js';
import { applyHunks } from './ingest/apply.js';
import { sortFindings } from './report/fingerprint.js';
import { createModelView } from './engine/model-view.js';
import { reviewPatch } from './engine/run.js';
import type { TreeReader } from './engine/images.js';
import { enabledRules } from './rules/index.js';
import type { Rule } from './rules/types.js';
import type { Config, Finding, InputError, InputSource, Patch, ReviewResult } from './types.js';

export type { TreeReader } from './engine/images.js';

export interface ReviewOptions {
  config: Config;
  /** Whole files: a kernel tree's pre-images (`--tree`) or a PR head's post-images. */
  tree?: TreeReader;
  /** Rules loaded from plugins (CLI only). */
  extraRules?: Rule[];
}

/** What reviewing a batch of patches produced (before merging into a ReviewResult). */
export interface PatchBatchResult {
  findings: Finding[];
  errors: InputError[];
  notes: InputError[];
  timings: { parse: number; analyse: number; rules: number };
}

/** Appends `more` to `into` (findings, errors, notes in order; timings summed). */
export function mergeBatch(into: PatchBatchResult, more: PatchBatchResult): PatchBatchResult {
  into.findings.push(...more.findings);
  into.errors.push(...more.errors);
  into.notes.push(...more.notes);
  into.timings.parse += more.timings.parse;
  into.timings.analyse += more.timings.analyse;
  into.timings.rules += more.timings.rules;
  return into;
}

/** An empty batch result. */
export function emptyBatch(): PatchBatchResult {
  return { findings: [], errors: [], notes: [], timings: { parse: 0, analyse: 0, rules: 0 } };
}

/**
 * Lets the event loop turn. When trees are copied through node-tree-sitter's cursor (the native copier is
 * missing or switched off), tree-sitter frees a tree's native memory in a finaliser that Node runs only between
 * tasks, so a loop that never yields keeps every tree of the series alive until it ends (measured: 1.6 GB
 * instead of 0.6 GB on 796 kernel files). The native copier frees its trees before it returns.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reviews patches one at a time into one batch result, with the rules and model view built once. */
export interface BatchReviewer {
  readonly batch: PatchBatchResult;
  add(patch: Patch): Promise<void>;
}

/**
 * `result` with every string copied. Strings a review derives from the patch (a finding's source line, the
 * function name, snippets in messages) are, in V8, slices of the patch's or the image's whole text, and a slice
 * keeps its whole parent alive: without the copy, each finding of a long series kept its patch's text (and the
 * C file built from it) until the end of the run, so memory grew with the series instead of staying bounded by
 * the largest file. A structured clone copies the few kilobytes a patch's findings take and nothing else.
 */
function detached(result: PatchBatchResult): PatchBatchResult {
  return structuredClone(result);
}

/** A {@link BatchReviewer} for `options`; the event loop turns after each patch (see `turn`). */
export function batchReviewer(options: ReviewOptions): BatchReviewer {
  const rules = enabledRules(options.config, options.extraRules ?? []);
  const model = createModelView(options.config);
  const batch = emptyBatch();
  return {
    batch,
    async add(patch) {
      mergeBatch(batch, detached(await reviewPatch(patch, { config: options.config, rules, model, tree: options.tree, apply: applyHunks })));
      await turn();
    },
  };
}

/** Runs the rules over already-ingested patches (the part bulk mode spreads over worker threads). */
export async function reviewPatches(patches: Iterable<Patch>, options: ReviewOptions): Promise<PatchBatchResult> {
  const reviewer = batchReviewer(options);
  for (const patch of patches) await reviewer.add(patch);
  return reviewer.batch;
}

/** Ingest's errors, notes and stats, plus the diff lines each input contributed (for per-input totals). */
export interface IngestSummary extends IngestProgress {
  linesByInput: Record<string, number>;
}

/**
 * Pulls patches from ingest one at a time, timing the pulls as the ingest stage. `onPatch` sees each patch
 * once, in order; nothing here keeps it, so memory stays that of the patches still being reviewed.
 */
export async function forEachPatch(
  inputs: Iterable<InputSource | PendingInput>,
  onPatch: (patch: Patch) => Promise<void>,
): Promise<{ summary: IngestSummary; ingestMs: number }> {
  const summary: IngestSummary = { ...emptyIngestProgress(), linesByInput: {} };
  const patches = ingestStream(inputs, summary);
  let ingestMs = 0;
  for (;;) {
    const t = performance.now();
    const next = await patches.next();
    ingestMs += performance.now() - t;
    if (next.done) return { summary, ingestMs };
    const patch = next.value;
    summary.linesByInput[patch.input] = (summary.linesByInput[patch.input] ?? 0) + countDiffLines(patch.files);
    await onPatch(patch);
  }
}

/** Combines ingest output and rule results into the final, sorted result. */
export function assemble(ingested: IngestSummary, batch: PatchBatchResult, options: ReviewOptions, ingestMs: number): ReviewResult {
  const t = performance.now();
  const findings = sortFindings(batch.findings);
  const rules = enabledRules(options.config, options.extraRules ?? []);
  return {
    findings,
    errors: [...ingested.errors, ...batch.errors],
    notes: [...ingested.notes, ...batch.notes],
    rules: rules.map((r) => r.meta),
    stats: {
      ...ingested.stats,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      linesByInput: ingested.linesByInput,
      timings: { ingest: ingestMs, ...batch.timings, filter: performance.now() - t },
    },
  };
}

/**
 * Reviews every input; bad inputs become `errors` and the rest is still reviewed. Patches are reviewed as
 * ingest produces them and dropped after, so memory follows the largest patch, not the series or the archive.
 */
export async function review(inputs: Iterable<InputSource | PendingInput>, options: ReviewOptions): Promise<ReviewResult> {
  const reviewer = batchReviewer(options);
  const { summary, ingestMs } = await forEachPatch(inputs, (patch) => reviewer.add(patch));
  return assemble(summary, reviewer.batch, options, ingestMs);
}
