// Builds native/tree_copy.node (see native/tree_copy.c and src/c/native-copy.ts) with node-gyp, the build tool
// npm ships. Run by `npm run build` after the bundle. The addon only makes parsing cheaper: when it cannot be
// built (no C compiler, no Node headers) the build says why and succeeds, and the review copies trees through
// node-tree-sitter instead, with the same results. A build whose inputs have not changed is skipped (a stamp
// file records them), so `npm test`, which builds first, does not recompile the tree-sitter runtime every time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { switchedOff } from '../src/c/native-copy.js';
import { isMainModule } from '../src/main-module.js';

/** Set to `off` (or `0`, `false`) to skip the attempt (the review then always uses the cursor copy). */
export const BUILD_ENV = 'P2PDMA_REVIEW_NATIVE_BUILD';

export type NativeBuildOutcome =
  | { status: 'built' | 'up to date'; addon: string }
  | { status: 'skipped' | 'failed'; reason: string };

/** What the addon is made of: its sources, and the tree-sitter runtime the `tree-sitter` package vendors. */
function stampOf(root: string): string {
  const hash = createHash('sha256');
  for (const file of ['native/binding.gyp', 'native/tree_copy.c', 'node_modules/tree-sitter/package.json']) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  hash.update(process.platform).update(process.arch);
  return hash.digest('hex');
}

/**
 * node-gyp's script: the one npm names while it runs a package script, else the copy inside the npm next to
 * this Node, else none (then `node-gyp` must be on PATH).
 */
function nodeGypScript(env: NodeJS.ProcessEnv): string | null {
  const candidates = [
    env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

/**
 * Where this Node's headers are, when they are installed next to it (as Debian's and the official tarballs put
 * them): node-gyp would otherwise download them, which fails offline.
 */
function nodeDir(env: NodeJS.ProcessEnv): string | null {
  if (env.npm_config_nodedir) return env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : null;
}

/** Builds the addon of the package at `root` unless it is up to date. Never throws for a failed compile. */
export function buildNative(root: string, env: NodeJS.ProcessEnv = process.env): NativeBuildOutcome {
  if (switchedOff(env[BUILD_ENV])) return { status: 'skipped', reason: `${BUILD_ENV}=${env[BUILD_ENV]}` };
  const addon = join(root, 'native', 'build', 'Release', 'tree_copy.node');
  const stampFile = join(root, 'native', 'build', 'stamp');
  let stamp: string;
  try {
    stamp = stampOf(root);
  } catch (e) {
    return { status: 'failed', reason: `its sources are missing (${(e as Error).message})` };
  }
  if (existsSync(addon) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { status: 'up to date', addon };
  const script = nodeGypScript(env);
  const dir = nodeDir(env);
  const args = ['rebuild', '--directory', join(root, 'native'), ...(dir ? [`--nodedir=${dir}`] : [])];
  const run = script
    ? spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env })
    : spawnSync('node-gyp', args, { encoding: 'utf8', env });
  if (run.error) return { status: 'failed', reason: `node-gyp could not be started: ${run.error.message}` };
  if (run.status !== 0 || !existsSync(addon)) {
    // The compiler's own message is the useful part: the last lines of node-gyp's output.
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').filter((l) => l.trim()).slice(-6).join('\n  ');
    return { status: 'failed', reason: `node-gyp exited with ${run.status ?? run.signal}:\n  ${tail}` };
  }
  writeFileSync(stampFile, stamp);
  return { status: 'built', addon };
}

if (isMainModule(import.meta.url)) {
  // dist/scripts/build-native.js -> the package root.
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const outcome = buildNative(root);
  if (outcome.status === 'built') process.stdout.write(`build-native: built ${outcome.addon}\n`);
  else if (outcome.status === 'failed' || outcome.status === 'skipped') {
    process.stderr.write(
      `build-native: the native tree copier was not built (${outcome.reason}).\n` +
        'build-native: reviews still work and find the same things, parsing through node-tree-sitter (slower).\n',
    );
  }
}
