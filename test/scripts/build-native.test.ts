// scripts/build-native.ts: skips a build whose inputs have not changed, can be switched off, and turns a failed
// compile into a reason (the review then parses through node-tree-sitter) instead of failing `npm run build`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_ENV, buildNative } from '../../scripts/build-native.js';

const root = process.cwd();

describe('buildNative', () => {
  test('the checkout the tests run in is built and up to date', () => {
    expect(buildNative(root)).toEqual({ status: 'up to date', addon: join(root, 'native', 'build', 'Release', 'tree_copy.node') });
  });

  test(`${BUILD_ENV}=off skips the attempt and says so`, () => {
    expect(buildNative(root, { ...process.env, [BUILD_ENV]: 'off' })).toEqual({ status: 'skipped', reason: `${BUILD_ENV}=off` });
    expect(buildNative(root, { ...process.env, [BUILD_ENV]: 'FALSE' })).toEqual({ status: 'skipped', reason: `${BUILD_ENV}=FALSE` });
  });

  describe('in a copy of the package', () => {
    let copy: string;
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'p2pdma-native-'));
      mkdirSync(join(copy, 'native'));
      mkdirSync(join(copy, 'node_modules', 'tree-sitter'), { recursive: true });
      cpSync(join(root, 'native', 'binding.gyp'), join(copy, 'native', 'binding.gyp'));
      cpSync(join(root, 'node_modules', 'tree-sitter', 'package.json'), join(copy, 'node_modules', 'tree-sitter', 'package.json'));
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    test('sources that are missing are a reason, not an exception', () => {
      const outcome = buildNative(copy);
      expect(outcome.status).toBe('failed');
      expect(outcome.status === 'failed' && outcome.reason).toMatch(/sources are missing .*tree_copy\.c/);
    });

    test('a compile that fails is a reason quoting the compiler, and no stamp is written', () => {
      writeFileSync(join(copy, 'native', 'tree_copy.c'), 'this is not C;\n');
      const outcome = buildNative(copy);
      expect(outcome.status).toBe('failed');
      expect(outcome.status === 'failed' && outcome.reason).toMatch(/node-gyp exited with \d+/);
      expect(() => readFileSync(join(copy, 'native', 'build', 'stamp'))).toThrow();
    });
  });
});
