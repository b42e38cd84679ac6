// CLI flags over the file configuration: each flag, precedence, and invalid values naming the flag.
import { CliOverrideError, mergeCliOverrides } from '../../src/config/overrides.js';
import { defaultConfig } from '../../src/config/schema.js';
import type { Config } from '../../src/types.js';

const fromFile = (): Config => ({
  ...defaultConfig(),
  platforms: ['x86-root-complex'],
  kernel: '6.12',
  plugins: ['/abs/plugins/a.js'],
  failOn: 'warning',
});

describe('mergeCliOverrides', () => {
  test('no flags: an equal but separate config', () => {
    const base = fromFile();
    const merged = mergeCliOverrides(base, {});
    expect(merged).toEqual(base);
    expect(merged).not.toBe(base);
    expect(merged.platforms).not.toBe(base.platforms);
  });

  test('--kernel, --platform and --fail-on replace the file values', () => {
    const merged = mergeCliOverrides(fromFile(), {
      kernel: '6.15-rc3',
      platforms: ['arm64-translating-bridge', 'x86-iommu', 'arm64-translating-bridge'],
      failOn: 'never',
    });
    expect(merged.kernel).toBe('6.15-rc3');
    expect(merged.platforms).toEqual(['arm64-translating-bridge', 'x86-iommu']);
    expect(merged.failOn).toBe('never');
  });

  test('--all switches the filter to nofilter; absent or false keeps the file filter', () => {
    expect(mergeCliOverrides(fromFile(), { all: true }).filter).toBe('nofilter');
    expect(mergeCliOverrides({ ...fromFile(), filter: 'file' }, { all: false }).filter).toBe('file');
  });

  test('--plugin adds to the file plugins without duplicates', () => {
    const merged = mergeCliOverrides(fromFile(), { plugins: ['./local.js', '/abs/plugins/a.js', 'pkg-rules'] });
    expect(merged.plugins).toEqual(['/abs/plugins/a.js', './local.js', 'pkg-rules']);
  });

  test('an empty --platform list keeps the file platforms', () => {
    expect(mergeCliOverrides(fromFile(), { platforms: [] }).platforms).toEqual(['x86-root-complex']);
  });

  test('does not modify its input', () => {
    const base = fromFile();
    const snapshot = structuredClone(base);
    mergeCliOverrides(base, { kernel: '6.1', platforms: ['p'], failOn: 'error', all: true, plugins: ['q'] });
    expect(base).toEqual(snapshot);
  });

  test.each([
    [{ kernel: 'latest' }, '--kernel', '--kernel: expected a kernel version such as 6.12 or 6.15-rc3, got "latest"'],
    [{ failOn: 'warnings' }, '--fail-on', '--fail-on: expected one of error|warning|never, got "warnings"'],
    [{ platforms: ['x86', ' '] }, '--platform', '--platform: expected a profile name or file path, got an empty value'],
    [{ plugins: [''] }, '--plugin', '--plugin: expected a module path or package name, got an empty value'],
  ])('%j is a usage error naming %s', (overrides, flag, message) => {
    let caught: unknown;
    try {
      mergeCliOverrides(fromFile(), overrides);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CliOverrideError);
    expect((caught as CliOverrideError).flag).toBe(flag);
    expect((caught as CliOverrideError).message).toBe(message);
  });
});
