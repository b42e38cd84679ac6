// The one orchestration function shared by the CLI and the GitHub App: ingest → parse → analyse → rules →
// filter. Reporters and sinks (the only I/O) live outside it.
import { ingest } from './ingest/index.js';
import { applyHunks } from './ingest/apply.js';
import { sortFindings } from './report/fingerprint.js';
import { createModelView } from './engine/model-view.js';
import { reviewPatch } from './engine/run.js';
import type { TreeReader } from './engine/images.js';
import { enabledRules } from './rules/index.js';
import type { Rule } from './rules/types.js';
import type { Config, Finding, IngestResult, InputError, InputSource, Patch, ReviewResult } from './types.js';

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

/** Runs the rules over already-ingested patches (the part bulk mode spreads over worker threads). */
export async function reviewPatches(patches: Patch[], options: ReviewOptions): Promise<PatchBatchResult> {
  const rules = enabledRules(options.config, options.extraRules ?? []);
  const model = createModelView(options.config);
  const out = emptyBatch();
  for (const patch of patches) {
    mergeBatch(out, await reviewPatch(patch, { config: options.config, rules, model, tree: options.tree, apply: applyHunks }));
  }
  return out;
}

/** Combines ingest output and rule results into the final, sorted result. */
export function assemble(ingested: IngestResult, batch: PatchBatchResult, options: ReviewOptions, ingestMs: number): ReviewResult {
  const t = performance.now();
  const findings = sortFindings(batch.findings);
  const rules = enabledRules(options.config, options.extraRules ?? []);
  const linesByInput: Record<string, number> = {};
  for (const p of ingested.patches) {
    const n = p.files.reduce((s, f) => s + f.hunks.reduce((t, h) => t + h.lines.length, 0), 0);
    linesByInput[p.input] = (linesByInput[p.input] ?? 0) + n;
  }
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
      linesByInput,
      timings: { ingest: ingestMs, ...batch.timings, filter: performance.now() - t },
    },
  };
}

/** Reviews every input; bad inputs become `errors` and the rest is still reviewed. */
export async function review(inputs: InputSource[], options: ReviewOptions): Promise<ReviewResult> {
  const t = performance.now();
  const ingested = await ingest(inputs);
  const ingestMs = performance.now() - t;
  const batch = await reviewPatches(ingested.patches, options);
  return assemble(ingested, batch, options, ingestMs);
}
