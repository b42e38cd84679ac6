// Freezes the build under test: copies dist/ (with package.json and the platform profiles it reads at run
// time) into the cache, so every figure of one benchmark run measures the same code even while teammates keep
// rebuilding dist/ in the same checkout (a half-written dist/ would otherwise crash or skew a run).
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the snapshot holds besides dist/: files the built code locates relative to the package root (the native
 * tree copier included: without it the snapshot would measure the slower cursor copy).
 */
const RUNTIME_FILES = ['package.json', 'src/model/platforms', 'native/build/Release/tree_copy.node'];

/**
 * Copies the build into `<cacheDir>/build` and returns that directory (a package root: `dist/cli/cli.js`
 * inside it). node_modules are not copied: Node resolves them from the repository, two levels up.
 */
export function snapshotBuild(repoRoot: string, cacheDir: string): string {
  const target = join(cacheDir, 'build');
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'cli.js'))) throw new Error(`${join(repoRoot, 'dist/cli/cli.js')} is missing: run npm run build (npm run bench does)`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(target, 'dist'), { recursive: true });
  for (const rel of RUNTIME_FILES) {
    if (existsSync(join(repoRoot, rel))) cpSync(join(repoRoot, rel), join(target, rel), { recursive: true });
  }
  return target;
}
