// scripts/bundle.ts refuses to bundle CommonJS: in the ESM bundle it would lose its named exports (when split into
// a chunk) and its require() calls.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../../scripts/bundle.js';

function fakePackage(cliSource: string): string {
  const root = mkdtempSync(join(tmpdir(), 'p2pdma-bundle-'));
  mkdirSync(join(root, 'dist/src'), { recursive: true });
  mkdirSync(join(root, 'node_modules/cjs-dep'), { recursive: true });
  writeFileSync(join(root, 'node_modules/cjs-dep/index.js'), 'exports.answer = 42;\n');
  writeFileSync(join(root, 'dist/src/cli.js'), cliSource);
  writeFileSync(join(root, 'dist/src/bulk-worker.js'), 'export {};\n');
  return root;
}

test('an ESM-only program bundles', async () => {
  const root = fakePackage("import { join } from 'node:path';\nconsole.log(join('a', 'b'));\n");
  await expect(bundleCli(root)).resolves.toBe(join(root, 'dist/cli/cli.js'));
});

test('a CommonJS dependency stops the build and is named', async () => {
  const root = fakePackage("const { answer } = await import('cjs-dep');\nconsole.log(answer);\n");
  await expect(bundleCli(root)).rejects.toThrow(/CommonJS modules would be bundled.*node_modules\/cjs-dep\/index\.js/);
});
