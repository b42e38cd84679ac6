// Bulk mode (`--jobs N`): ingest streams patches on the main thread and a pool of worker threads reviews them in
// chunks. Each worker is started once and rebuilds the configuration, tree reader and plugins from plain data;
// chunk results are merged in ingest order, so the output is the same as with one job.
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { countDiffLines, type PendingInput } from './ingest/index.js';
import {
  assemble, batchReviewer, emptyBatch, forEachPatch, mergeBatch, review,
  type BatchReviewer, type PatchBatchResult, type ReviewOptions,
} from './review.js';
import type { InputSource, Patch, ReviewResult } from './types.js';

/** `auto`: one worker per core, started only once the input turns out large enough to pay for them. */
export type Jobs = number | 'auto';

export interface BulkOptions extends ReviewOptions {
  jobs: Jobs;
  /** Plain-data descriptions of `tree` and `extraRules`, which workers cannot receive as functions. */
  treeDir?: string;
  pluginSpecs?: string[];
  /** Diff lines per chunk sent to a worker (default {@link CHUNK_LINES}). */
  chunkLines?: number;
  /** With `auto`, diff lines reviewed in this thread before workers start (default {@link AUTO_THRESHOLD_LINES}). */
  autoThresholdLines?: number;
}

/** What a worker is started with. */
export interface WorkerSetup {
  config: ReviewOptions['config'];
  treeDir?: string;
  pluginSpecs: string[];
  cwd: string;
}

/** Messages between the main thread and a worker. */
export interface ToWorker { chunk: number; patches: Patch[] }
export type FromWorker = { chunk: number; result: PatchBatchResult } | { error: string };

/**
 * Diff lines per chunk sent to a worker. Large enough that messaging costs nothing next to the review (a chunk
 * takes tens of milliseconds), small enough that the workers stay evenly busy and few patches are in flight.
 */
export const CHUNK_LINES = 4000;
/** Chunks queued per worker beyond the one it is reviewing: keeps workers busy without buffering the series. */
const QUEUE_PER_WORKER = 1;
/**
 * With `--jobs auto`, the diff lines reviewed in this thread before workers start. Starting a worker costs about
 * half a second of CPU (modules, model, JIT warm-up); below this size one thread finishes sooner.
 */
export const AUTO_THRESHOLD_LINES = 40_000;

/** Diff lines of a patch (plus one, so empty patches count): the main driver of review cost. */
function weight(p: Patch): number {
  return 1 + countDiffLines(p.files);
}

/** A fixed set of workers, each reviewing the chunks sent to it in order. */
class WorkerPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly results = new Map<number, PatchBatchResult>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  /** Starts `size` workers. worker_threads is loaded here, so runs that never need workers never load it. */
  static async start(size: number, setup: WorkerSetup): Promise<WorkerPool> {
    const { Worker } = await import('node:worker_threads');
    return new WorkerPool(size, setup, Worker);
  }

  private constructor(size: number, setup: WorkerSetup, WorkerClass: typeof Worker) {
    for (let i = 0; i < size; i++) {
      const worker = new WorkerClass(new URL('./bulk-worker.js', import.meta.url), { workerData: setup });
      const slot = { worker, busy: 0 };
      worker.on('message', (m: FromWorker) => {
        if ('error' in m) this.fail(new Error(m.error));
        else {
          this.results.set(m.chunk, m.result);
          slot.busy--;
          this.notify();
        }
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (slot.busy > 0) this.fail(new Error(`review worker exited (code ${code}) with ${slot.busy} chunk(s) unfinished`));
      });
      this.workers.push(slot);
    }
  }

  /** Sends a chunk to the least busy worker, first waiting while every worker's queue is full. */
  async submit(chunk: number, patches: Patch[]): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy <= QUEUE_PER_WORKER) {
        slot.busy++;
        slot.worker.postMessage({ chunk, patches } satisfies ToWorker);
        return;
      }
      await this.changed();
    }
  }

  /** Waits for every submitted chunk, stops the workers, and returns the results by chunk number. */
  async finish(): Promise<Map<number, PatchBatchResult>> {
    try {
      while (this.workers.some((w) => w.busy > 0)) {
        if (this.failure) throw this.failure;
        await this.changed();
      }
      if (this.failure) throw this.failure;
      return this.results;
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.notify();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => { this.wake = resolve; });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Worker threads to use for `jobs` (`auto`: the cores Node may use). */
export function workerCount(jobs: Jobs): number {
  const cores = availableParallelism();
  return jobs === 'auto' ? cores : Math.min(jobs, cores * 2);
}

/**
 * Reviews `sources`. With one job everything happens in this thread. Otherwise ingest runs here and workers
 * review chunks of about {@link CHUNK_LINES} diff lines as ingest produces them; with `auto` the first
 * {@link AUTO_THRESHOLD_LINES} lines are reviewed here and workers start only if there is more.
 */
export async function reviewMany(sources: Iterable<InputSource | PendingInput>, options: BulkOptions): Promise<ReviewResult> {
  const size = workerCount(options.jobs);
  if (size <= 1) return review(sources, options);
  const local = options.jobs === 'auto' ? options.autoThresholdLines ?? AUTO_THRESHOLD_LINES : 0;
  const chunkSize = options.chunkLines ?? CHUNK_LINES;
  const setup: WorkerSetup = { config: options.config, treeDir: options.treeDir, pluginSpecs: options.pluginSpecs ?? [], cwd: process.cwd() };

  // Patches reviewed in this thread: below the `auto` threshold, and a tail too small to start workers for.
  let here: BatchReviewer | undefined;
  const reviewHere = (patch: Patch) => (here ??= batchReviewer(options)).add(patch);
  let pool: WorkerPool | undefined;
  let chunk: Patch[] = [];
  let chunkLines = 0;
  let chunks = 0;
  let linesSeen = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    pool ??= await WorkerPool.start(size, setup);
    await pool.submit(chunks++, chunk);
    chunk = [];
    chunkLines = 0;
  };
  let ingested: Awaited<ReturnType<typeof forEachPatch>>;
  try {
    ingested = await forEachPatch(sources, async (patch) => {
      const lines = weight(patch);
      if (linesSeen < local) {
        linesSeen += lines;
        return reviewHere(patch);
      }
      chunk.push(patch);
      chunkLines += lines;
      if (chunkLines >= chunkSize) await flush();
    });
    if (!pool) {
      // Everything fit below the threshold, or the tail is one chunk: no worker is worth starting for it.
      for (const patch of chunk) await reviewHere(patch);
      return assemble(ingested.summary, here?.batch ?? emptyBatch(), options, ingested.ingestMs);
    }
    await flush();
  } catch (err) {
    await pool?.stop();
    throw err;
  }
  const results = await pool.finish();
  const merged = here?.batch ?? emptyBatch();
  for (let i = 0; i < chunks; i++) mergeBatch(merged, results.get(i)!);
  return assemble(ingested.summary, merged, options, ingested.ingestMs);
}
