// Bundles the compiled CLI (dist/src/cli.js) into dist/cli/, the file the package's `bin` runs. Node 20's ESM
// loader resolves, reads and compiles each of the ~160 modules a review loads separately (about 60 ms before the
// first patch is read); one module graph per entry point loads in a fraction of that. Dynamic imports stay
// dynamic (`splitting`), so a review still loads neither the App, the model's YAML import nor worker_threads.
//
// Run by `npm run build` after tsc. Its input is tsc's output, so the bundle maps back to src/*.ts through the
// chained source maps (the benchmark's profile summary reads them).
import { build } from 'esbuild';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule } from '../src/main-module.js';

/**
 * Packages loaded from node_modules at run time instead of being bundled: the native tree-sitter binding and its
 * grammar (an addon cannot be inlined); the CommonJS packages a review imports dynamically, mailparser and yaml
 * (in a split chunk a CommonJS package keeps only its default export, so `const { simpleParser } = await
 * import('mailparser')` would find nothing); and the App's stack (Probot, Octokit, ajv), which only `replay` loads.
 */
const EXTERNAL = ['tree-sitter', 'tree-sitter-c', 'mailparser', 'yaml', 'probot', '@probot/*', '@octokit/*', 'ajv', 'ajv-formats'];

/**
 * Entry points, relative to dist/src. bulk-worker.js is one because bulk.ts starts it by URL next to itself,
 * and after bundling "itself" is a file in the same output directory.
 */
const ENTRIES = ['cli.js', 'bulk-worker.js'];

/** Writes the bundle for the package at `root` (its dist/src must be compiled); returns the bin's path. */
export async function bundleCli(root: string): Promise<string> {
  const outdir = join(root, 'dist', 'cli');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: ENTRIES.map((e) => join(root, 'dist', 'src', e)),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    metafile: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  // Bundled CommonJS would break in two ways (see EXTERNAL; and its require() of Node's built-ins fails in ESM
  // output), so a dependency that brings some in must be listed as external.
  const commonJs = Object.entries(result.metafile.inputs).filter(([, input]) => input.format === 'cjs').map(([path]) => path);
  if (commonJs.length > 0) throw new Error(`CommonJS modules would be bundled (list their packages in EXTERNAL): ${commonJs.join(', ')}`);
  const bin = join(outdir, 'cli.js');
  // tsc and esbuild write files without the execute bit; npx and npm's bin links run the file itself. The
  // unbundled entry stays runnable too: bin links made before the bundle existed (npx keeps them in its cache
  // for a local path) still point at it.
  chmodSync(bin, 0o755);
  chmodSync(join(root, 'dist', 'src', 'cli.js'), 0o755);
  // Marks the bundle as ESM wherever dist/ is copied (the package root's "type" covers it in place).
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  return bin;
}

if (isMainModule(import.meta.url)) {
  // dist/scripts/bundle.js -> the package root.
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  bundleCli(root).catch((err: Error) => {
    process.stderr.write(`bundle: ${err.message}\n`);
    process.exitCode = 1;
  });
}
