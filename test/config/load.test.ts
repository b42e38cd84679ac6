// Loading YAML configuration: files, syntax errors with positions, located schema errors, default lookup.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDefaultConfig, loadConfigFile, parseConfigText } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';

const knownRules = ['dma-map-sg-negative-check', 'dma-on-stack', 'sg-nonpage-memory', 'zone-device-merge'];
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/config/${name}`, import.meta.url));

describe('loadConfigFile', () => {
  test('a full file: every setting, shorthand rules, unquoted kernel version kept as written', async () => {
    const path = fixture('full.yml');
    const { config, errors } = await loadConfigFile(path, knownRules);
    expect(errors).toEqual([]);
    expect(config).toEqual({
      rules: {
        'dma-on-stack': { enabled: false },
        'zone-device-merge': { enabled: true, severity: 'warning' },
        'sg-nonpage-memory': { enabled: true, severity: 'error' },
        'dma-map-sg-negative-check': { enabled: false },
      },
      platforms: ['x86-root-complex', 'arm64-translating-bridge'],
      // `kernel: 6.10` unquoted: YAML's number would be 6.1.
      kernel: '6.10',
      paths: { include: ['drivers/{pci,nvme,infiniband}/**', 'lib/scatterlist.c'], exclude: ['**/*_test.c'] },
      // Relative plugin paths resolve against the file's directory; package names stay as they are.
      plugins: [fixture('plugins/local-rules.js'), 'p2pdma-review-plugin-extra'],
      failOn: 'warning',
      filter: 'diff_context',
      github: { maxComments: 10, reviewEvent: 'REQUEST_CHANGES', includeDrafts: true, maxFiles: 100, maxFileBytes: 250000 },
    });
  });

  test('a file with only a comment gives the defaults', async () => {
    expect(await loadConfigFile(fixture('empty.yml'), knownRules)).toEqual({ config: defaultConfig(), errors: [] });
  });

  test('schema errors carry the property path and the line/column of the offending key', async () => {
    const path = fixture('bad-values.yml');
    const { config, errors } = await loadConfigFile(path, knownRules);
    expect(config).toEqual(defaultConfig());
    expect(errors.every((e) => e.source === path)).toBe(true);
    expect(errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ['rules.dma-on-stak', 2, 3],
      ['rules.zone-device-merge', 3, 3],
      ['rules.sg-nonpage-memory.severity', 5, 5],
      ['platforms', 6, 1],
      ['kernel', 7, 1],
      ['paths.include[0]', 9, 13],
      ['failOn', 10, 1],
      ['github.maxComments', 12, 3],
      ['github.reviewEvnt', 13, 3],
    ]);
    expect(errors[0].message).toMatch(/^unknown rule "dma-on-stak" \(did you mean "dma-on-stack"\?\)/);
    expect(errors[2].message).toBe('expected one of error|warning|info, got "fatal"');
  });

  test('YAML syntax errors are reported with line and column, and the defaults are returned', async () => {
    const path = fixture('syntax-error.yml');
    const { config, errors } = await loadConfigFile(path, knownRules);
    expect(config).toEqual(defaultConfig());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: path, path: '', line: 4, column: 1 });
    expect(errors[0].message).toMatch(/^YAML syntax error: Flow sequence .* end with a \]/);
  });

  test('a repeated key is a syntax error, not "last one wins"', async () => {
    const { errors } = await loadConfigFile(fixture('duplicate-key.yml'), knownRules);
    expect(errors).toEqual([
      expect.objectContaining({ path: '', line: 3, column: 1, message: 'YAML syntax error: Map keys must be unique' }),
    ]);
  });

  test('a top-level list is rejected at line 1', async () => {
    const { errors } = await loadConfigFile(fixture('not-a-mapping.yml'), knownRules);
    expect(errors).toEqual([expect.objectContaining({ path: '', line: 1, message: 'expected a mapping of settings, got a list' })]);
  });

  test('a missing file is an error naming it', async () => {
    const path = fixture('does-not-exist.yml');
    const { config, errors } = await loadConfigFile(path, knownRules);
    expect(config).toEqual(defaultConfig());
    expect(errors).toEqual([{ source: path, path: '', message: 'cannot read configuration: no such file' }]);
  });

  test('a directory given as the config file is an error, not a crash', async () => {
    const { errors } = await loadConfigFile(fixture('project'), knownRules);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^cannot read configuration: .*EISDIR/);
  });
});

describe('parseConfigText', () => {
  test('locates errors inside flow mappings and lists', () => {
    const text = 'rules: { dma-on-stack: loud }\nplatforms: [ok, 3]\n';
    const { errors } = parseConfigText(text, { source: 'owner/repo:.github/p2pdma-review.yml', knownRules });
    expect(errors.map((e) => [e.source, e.path, e.line, e.column])).toEqual([
      ['owner/repo:.github/p2pdma-review.yml', 'rules.dma-on-stack', 1, 10],
      ['owner/repo:.github/p2pdma-review.yml', 'platforms[1]', 2, 17],
    ]);
  });

  test('a numeric kernel that is not a version is still rejected', () => {
    const { errors } = parseConfigText('kernel: 612\n', { source: 's', knownRules });
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'kernel: expected a kernel version such as "6.12" or "6.15-rc3", got "612"',
    ]);
  });

  test('relative plugin paths are left alone when there is no file to resolve them against', () => {
    expect(parseConfigText('plugins: [./x.js]\n', { source: 's', knownRules }).config.plugins).toEqual(['./x.js']);
  });
});

describe('findDefaultConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'p2pdma-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('finds .p2pdma-review.yml in the directory', () => {
    expect(findDefaultConfig(fixture('project'))).toBe(join(fixture('project'), '.p2pdma-review.yml'));
  });

  test('returns undefined when there is none, or when the name is a directory', () => {
    expect(findDefaultConfig(dir)).toBeUndefined();
    mkdirSync(join(dir, '.p2pdma-review.yml'));
    expect(findDefaultConfig(dir)).toBeUndefined();
  });

  test('does not look in parent directories', () => {
    writeFileSync(join(dir, '.p2pdma-review.yml'), 'failOn: never\n');
    mkdirSync(join(dir, 'sub'));
    expect(findDefaultConfig(join(dir, 'sub'))).toBeUndefined();
  });

  test('the found file loads, with its plugin path resolved beside it', async () => {
    const path = findDefaultConfig(fixture('project'));
    const { config, errors } = await loadConfigFile(path!, knownRules);
    expect(errors).toEqual([]);
    expect(config.failOn).toBe('never');
    expect(config.plugins).toEqual([fixture('project/rules/extra.js')]);
  });
});
