// Worker thread of bulk mode: reviews one chunk of patches and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { readTreeFile } from './ingest/index.js';
import { loadPlugins } from './plugins.js';
import { reviewPatches } from './review.js';
import { ruleIds } from './rules/index.js';
import type { WorkerTask } from './bulk.js';

async function run(task: WorkerTask) {
  const plugins = await loadPlugins(task.pluginSpecs, task.cwd, new Set(ruleIds()));
  const treeDir = task.treeDir;
  const tree = treeDir ? { image: 'pre' as const, read: (p: string) => readTreeFile(treeDir, p) } : undefined;
  return reviewPatches(task.patches, { config: task.config, tree, extraRules: plugins.rules });
}

run(workerData as WorkerTask)
  .then((r) => parentPort?.postMessage(r))
  .catch((err: Error) => parentPort?.postMessage({ error: err.stack ?? err.message }));
