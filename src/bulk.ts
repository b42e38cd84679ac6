// Bulk mode (`--jobs N`): ingest once, then spread the patches over worker threads. Each worker rebuilds the
// configuration, tree reader and plugins from plain data; results are merged and sorted, so the output is the
// same as with one job.
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import { ingest } from './ingest/index.js';
import { assemble, emptyBatch, mergeBatch, review, reviewPatches, type PatchBatchResult, type ReviewOptions } from './review.js';
import type { InputSource, Patch, ReviewResult } from './types.js';

export interface BulkOptions extends ReviewOptions {
  jobs: number;
  /** Plain-data descriptions of `tree` and `extraRules`, which workers cannot receive as functions. */
  treeDir?: string;
  pluginSpecs?: string[];
}

/** The message a worker receives. */
export interface WorkerTask {
  patches: Patch[];
  config: ReviewOptions['config'];
  treeDir?: string;
  pluginSpecs: string[];
  cwd: string;
}

/** Splits patches into `n` contiguous chunks of similar size (by diff lines, the main cost driver). */
export function partition(patches: Patch[], n: number): Patch[][] {
  const weight = (p: Patch) => 1 + p.files.reduce((s, f) => s + f.hunks.reduce((t, h) => t + h.lines.length, 0), 0);
  const total = patches.reduce((s, p) => s + weight(p), 0);
  const chunks: Patch[][] = [];
  let cur: Patch[] = [];
  let acc = 0;
  for (const p of patches) {
    cur.push(p);
    acc += weight(p);
    if (acc >= (total * (chunks.length + 1)) / n && chunks.length < n - 1) {
      chunks.push(cur);
      cur = [];
    }
  }
  chunks.push(cur);
  return chunks.filter((c) => c.length > 0);
}

function runWorker(task: WorkerTask): Promise<PatchBatchResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bulk-worker.js', import.meta.url), { workerData: task });
    worker.once('message', (m: PatchBatchResult | { error: string }) => {
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

/** Reviews `sources` with `jobs` worker threads (1 = in this thread). */
export async function reviewMany(sources: InputSource[], options: BulkOptions): Promise<ReviewResult> {
  const jobs = Math.min(options.jobs, cpus().length * 2);
  if (jobs <= 1) return review(sources, options);
  const t = performance.now();
  const ingested = await ingest(sources);
  const ingestMs = performance.now() - t;
  const chunks = partition(ingested.patches, jobs);
  if (chunks.length <= 1) return assemble(ingested, await reviewPatches(ingested.patches, options), options, ingestMs);
  const results = await Promise.all(chunks.map((patches) => runWorker({
    patches, config: options.config, treeDir: options.treeDir, pluginSpecs: options.pluginSpecs ?? [], cwd: process.cwd(),
  })));
  return assemble(ingested, results.reduce(mergeBatch, emptyBatch()), options, ingestMs);
}
