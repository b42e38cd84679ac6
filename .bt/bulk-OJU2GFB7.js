import {
  assemble,
  batchReviewer,
  emptyBatch,
  forEachPatch,
  mergeBatch,
  review
} from "./chunk-6QZUYMQ5.js";
import "./chunk-ZPNCJXNT.js";
import "./chunk-YY2HYU5P.js";
import {
  countDiffLines
} from "./chunk-KMX6K253.js";
import "./chunk-O7VEZZAO.js";
import "./chunk-PP7HVMTJ.js";
import "./chunk-5P6P6PUZ.js";
import "./chunk-4VNS5WPM.js";

// dist/src/bulk.js
import { availableParallelism } from "node:os";
var CHUNK_LINES = 4e3;
var QUEUE_PER_WORKER = 1;
var AUTO_THRESHOLD_LINES = 4e4;
function weight(p) {
  return 1 + countDiffLines(p.files);
}
var WorkerPool = class _WorkerPool {
  workers = [];
  results = /* @__PURE__ */ new Map();
  failure;
  wake;
  /** Starts `size` workers. worker_threads is loaded here, so runs that never need workers never load it. */
  static async start(size, setup) {
    const { Worker } = await import("node:worker_threads");
    return new _WorkerPool(size, setup, Worker);
  }
  constructor(size, setup, WorkerClass) {
    for (let i = 0; i < size; i++) {
      const worker = new WorkerClass(new URL("./bulk-worker.js", import.meta.url), { workerData: setup });
      const slot = { worker, busy: 0 };
      worker.on("message", (m) => {
        if ("error" in m)
          this.fail(new Error(m.error));
        else {
          this.results.set(m.chunk, m.result);
          slot.busy--;
          this.notify();
        }
      });
      worker.on("error", (err) => this.fail(err));
      worker.on("exit", (code) => {
        if (slot.busy > 0)
          this.fail(new Error(`review worker exited (code ${code}) with ${slot.busy} chunk(s) unfinished`));
      });
      this.workers.push(slot);
    }
  }
  /** Sends a chunk to the least busy worker, first waiting while every worker's queue is full. */
  async submit(chunk, patches) {
    for (; ; ) {
      if (this.failure)
        throw this.failure;
      const slot = this.workers.reduce((a, b) => b.busy < a.busy ? b : a);
      if (slot.busy <= QUEUE_PER_WORKER) {
        slot.busy++;
        slot.worker.postMessage({ chunk, patches });
        return;
      }
      await this.changed();
    }
  }
  /** Waits for every submitted chunk, stops the workers, and returns the results by chunk number. */
  async finish() {
    try {
      while (this.workers.some((w) => w.busy > 0)) {
        if (this.failure)
          throw this.failure;
        await this.changed();
      }
      if (this.failure)
        throw this.failure;
      return this.results;
    } finally {
      await this.stop();
    }
  }
  async stop() {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
  fail(err) {
    this.failure ??= err;
    this.notify();
  }
  changed() {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }
  notify() {
    const wake = this.wake;
    this.wake = void 0;
    wake?.();
  }
};
function workerCount(jobs) {
  const cores = availableParallelism();
  return jobs === "auto" ? cores : Math.min(jobs, cores * 2);
}
async function reviewMany(sources, options) {
  const size = workerCount(options.jobs);
  if (size <= 1)
    return review(sources, options);
  const local = options.jobs === "auto" ? options.autoThresholdLines ?? AUTO_THRESHOLD_LINES : 0;
  const chunkSize = options.chunkLines ?? CHUNK_LINES;
  const setup = { config: options.config, treeDir: options.treeDir, pluginSpecs: options.pluginSpecs ?? [], cwd: process.cwd() };
  let here;
  const reviewHere = (patch) => (here ??= batchReviewer(options)).add(patch);
  let pool;
  let chunk = [];
  let chunkLines = 0;
  let chunks = 0;
  let linesSeen = 0;
  const flush = async () => {
    if (chunk.length === 0)
      return;
    pool ??= await WorkerPool.start(size, setup);
    await pool.submit(chunks++, chunk);
    chunk = [];
    chunkLines = 0;
  };
  let ingested;
  try {
    ingested = await forEachPatch(sources, async (patch) => {
      const lines = weight(patch);
      if (linesSeen < local) {
        linesSeen += lines;
        return reviewHere(patch);
      }
      chunk.push(patch);
      chunkLines += lines;
      if (chunkLines >= chunkSize)
        await flush();
    });
    if (!pool) {
      for (const patch of chunk)
        await reviewHere(patch);
      return assemble(ingested.summary, here?.batch ?? emptyBatch(), options, ingested.ingestMs);
    }
    await flush();
  } catch (err) {
    await pool?.stop();
    throw err;
  }
  const results = await pool.finish();
  const merged = here?.batch ?? emptyBatch();
  for (let i = 0; i < chunks; i++)
    mergeBatch(merged, results.get(i));
  return assemble(ingested.summary, merged, options, ingested.ingestMs);
}
export {
  AUTO_THRESHOLD_LINES,
  CHUNK_LINES,
  reviewMany,
  workerCount
};
