// isMainModule: a module runs its command only when Node was started with it (directly or through a link).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainModule } from '../src/main-module.js';

test('a module imported by another is not the main module', () => {
  expect(isMainModule(pathToFileURL(join(process.cwd(), 'src/main-module.ts')).href)).toBe(false);
});

test('a script started directly or through a symbolic link (a bin link) is the main module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p2pdma-main-'));
  const helper = pathToFileURL(join(process.cwd(), 'dist/src/main-module.js')).href;
  const script = join(dir, 'script.mjs');
  writeFileSync(script, `import { isMainModule } from ${JSON.stringify(helper)};\nprocess.stdout.write(String(isMainModule(import.meta.url)));\n`);
  symlinkSync(script, join(dir, 'link.mjs'));
  expect(execFileSync(process.execPath, [script], { encoding: 'utf8' })).toBe('true');
  expect(execFileSync(process.execPath, [join(dir, 'link.mjs')], { encoding: 'utf8' })).toBe('true');
  // Imported by another script, it is not.
  const importer = join(dir, 'importer.mjs');
  writeFileSync(importer, `await import(${JSON.stringify(pathToFileURL(script).href)});\n`);
  expect(execFileSync(process.execPath, [importer], { encoding: 'utf8' })).toBe('false');
});
