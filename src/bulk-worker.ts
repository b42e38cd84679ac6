// Worker thread of bulk mode: set up once from plain data, then review each chunk of patches it is sent, in
// order, posting each chunk's result back with its number.
import { parentPort, workerData } from 'node:worker_threads';
import { readTreeFile } from './ingest/index.js';
import { loadPlugins } from './plugins.js';
import { reviewPatches } from './review.js';
import { ruleIds } from './rules/index.js';
import type { FromWorker, ToWorker, WorkerSetup } from './bulk.js';

async function start(setup: WorkerSetup): Promise<void> {
  const plugins = await loadPlugins(setup.pluginSpecs, setup.cwd, new Set(ruleIds()));
  const treeDir = setup.treeDir;
  const tree = treeDir ? { image: 'pre' as const, read: (p: string) => readTreeFile(treeDir, p) } : undefined;
  const options = { config: setup.config, tree, extraRules: plugins.rules };
  // Chunks are reviewed one after another even if several are queued: the main thread merges by number.
  let queue = Promise.resolve();
  parentPort!.on('message', (m: ToWorker) => {
    queue = queue.then(async () => {
      const result = await reviewPatches(m.patches, options);
      parentPort!.postMessage({ chunk: m.chunk, result } satisfies FromWorker);
    }).catch((err: Error) => parentPort!.postMessage({ error: err.stack ?? err.message } satisfies FromWorker));
  });
}

start(workerData as WorkerSetup)
  .catch((err: Error) => parentPort?.postMessage({ error: err.stack ?? err.message } satisfies FromWorker));
