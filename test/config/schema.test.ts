// parseConfig: defaults, rule shorthand, and every kind of error reported once, by property path.
import { defaultConfig, formatConfigError, parseConfig, propertyPath } from '../../src/config/schema.js';
import type { Config } from '../../src/types.js';

const knownRules = ['dma-map-sg-negative-check', 'dma-on-stack', 'sg-nonpage-memory', 'zone-device-merge'];
const parse = (raw: unknown) => parseConfig(raw, { source: 'test.yml', knownRules });

/** Parses and returns `path: message` lines, the form a user reads. */
const errorsOf = (raw: unknown) => parse(raw).errors.map((e) => `${e.path}: ${e.message}`);

const DEFAULTS: Config = {
  rules: {},
  platforms: [],
  paths: { include: ['**'], exclude: [] },
  plugins: [],
  failOn: 'error',
  filter: 'added',
  github: { maxComments: 30, reviewEvent: 'COMMENT', includeDrafts: false, maxFiles: 300, maxFileBytes: 1_000_000 },
};

describe('defaults', () => {
  test('an empty document (null), undefined and {} give the documented defaults', () => {
    for (const raw of [null, undefined, {}]) {
      const { config, errors } = parse(raw);
      expect(errors).toEqual([]);
      expect(config).toEqual(DEFAULTS);
      expect(config.kernel).toBeUndefined();
    }
  });

  test('nested defaults apply when only some nested keys are given', () => {
    const { config, errors } = parse({ github: { maxComments: 5 }, paths: { exclude: ['**/*.h'] } });
    expect(errors).toEqual([]);
    expect(config.github).toEqual({ ...DEFAULTS.github, maxComments: 5 });
    expect(config.paths).toEqual({ include: ['**'], exclude: ['**/*.h'] });
  });

  test('keys left empty (YAML null) take their defaults; an empty rule entry is still an error', () => {
    const { config, errors } = parse({ rules: null, platforms: null, failOn: null, paths: { include: null }, github: { maxComments: null } });
    expect(errors).toEqual([]);
    expect(config).toEqual(DEFAULTS);
    expect(errorsOf({ rules: { 'dma-on-stack': null } })).toHaveLength(1);
  });

  test('defaultConfig() returns a fresh object each time', () => {
    const a = defaultConfig();
    a.platforms.push('x');
    a.github.maxComments = 1;
    expect(defaultConfig()).toEqual(DEFAULTS);
  });
});

describe('rule shorthand', () => {
  test('off/false disable, a severity enables with that severity, on/true enable, objects are taken as is', () => {
    const { config, errors } = parse({
      rules: {
        'dma-on-stack': 'off',
        'zone-device-merge': 'warning',
        'sg-nonpage-memory': { enabled: true, severity: 'error' },
        'dma-map-sg-negative-check': false,
      },
    });
    expect(errors).toEqual([]);
    expect(config.rules).toEqual({
      'dma-on-stack': { enabled: false },
      'zone-device-merge': { enabled: true, severity: 'warning' },
      'sg-nonpage-memory': { enabled: true, severity: 'error' },
      'dma-map-sg-negative-check': { enabled: false },
    });
  });

  test.each([
    ['false', { enabled: false }],
    ['on', { enabled: true }],
    ['true', { enabled: true }],
    [true, { enabled: true }],
    ['info', { enabled: true, severity: 'info' }],
    [{ severity: 'info' }, { enabled: true, severity: 'info' }],
    [{ enabled: false, severity: 'error' }, { enabled: false, severity: 'error' }],
    [{}, { enabled: true }],
  ])('%j → %j', (value, expected) => {
    const { config, errors } = parse({ rules: { 'dma-on-stack': value } });
    expect(errors).toEqual([]);
    expect(config.rules['dma-on-stack']).toEqual(expected);
  });
});

describe('errors by property path', () => {
  test('wrong enum value inside a rule object', () => {
    expect(errorsOf({ rules: { 'dma-on-stack': { severity: 'fatal' } } })).toEqual([
      'rules.dma-on-stack.severity: expected one of error|warning|info, got "fatal"',
    ]);
  });

  test('unknown shorthand value', () => {
    expect(errorsOf({ rules: { 'dma-on-stack': 'warn' } })).toEqual([
      'rules.dma-on-stack: expected off, on, a severity (error|warning|info) or { enabled, severity }, got "warn"',
    ]);
    expect(errorsOf({ rules: { 'dma-on-stack': null } })[0]).toMatch(/^rules\.dma-on-stack: expected off, on, .* got null$/);
    expect(errorsOf({ rules: { 'dma-on-stack': ['error'] } })[0]).toMatch(/got a list$/);
  });

  test('unknown rule id, with a suggestion when one is close', () => {
    expect(errorsOf({ rules: { 'dma-on-stak': 'off' } })).toEqual([
      'rules.dma-on-stak: unknown rule "dma-on-stak" (did you mean "dma-on-stack"?); expected one of ' +
        'dma-map-sg-negative-check, dma-on-stack, sg-nonpage-memory, zone-device-merge',
    ]);
    expect(errorsOf({ rules: { 'totally-else': 'off' } })[0]).toMatch(/^rules\.totally-else: unknown rule "totally-else"; expected/);
  });

  test('unknown properties at every level, one error per key', () => {
    expect(errorsOf({ failon: 'error', pluginz: [], github: { reviewEvnt: 'COMMENT' }, paths: { includes: [] } })).toEqual([
      'paths.includes: unknown property "includes" (did you mean "include"?); expected one of include, exclude',
      'github.reviewEvnt: unknown property "reviewEvnt" (did you mean "reviewEvent"?); expected one of ' +
        'maxComments, reviewEvent, includeDrafts, maxFiles, maxFileBytes',
      'failon: unknown property "failon" (did you mean "failOn"?); expected one of ' +
        'rules, platforms, kernel, paths, plugins, failOn, filter, github',
      'pluginz: unknown property "pluginz" (did you mean "plugins"?); expected one of ' +
        'rules, platforms, kernel, paths, plugins, failOn, filter, github',
    ]);
    expect(errorsOf({ rules: { 'dma-on-stack': { enabled: true, level: 'error' } } })).toEqual([
      'rules.dma-on-stack.level: unknown property "level"; expected one of enabled, severity',
    ]);
  });

  test('wrong types name the expected and the actual value', () => {
    expect(errorsOf({ platforms: 'x86', plugins: [42], github: { includeDrafts: 'yes', maxFiles: 1.5 } })).toEqual([
      'platforms: expected a list, got "x86"',
      'plugins[0]: expected a string, got 42',
      'github.includeDrafts: expected true or false, got "yes"',
      'github.maxFiles: expected an integer, got 1.5',
    ]);
  });

  test('numeric ranges', () => {
    expect(errorsOf({ github: { maxComments: -1, maxFiles: 5000, maxFileBytes: 0 } })).toEqual([
      'github.maxComments: must be >= 0, got -1',
      'github.maxFiles: must be <= 3000, got 5000',
      'github.maxFileBytes: must be >= 1, got 0',
    ]);
  });

  test('enums at top level and under github', () => {
    expect(errorsOf({ failOn: 'warnings', filter: 'context', github: { reviewEvent: 'APPROVE' } })).toEqual([
      'failOn: expected one of error|warning|never, got "warnings"',
      'filter: expected one of added|diff_context|file|nofilter, got "context"',
      'github.reviewEvent: expected one of COMMENT|REQUEST_CHANGES, got "APPROVE"',
    ]);
  });

  test('kernel version: format, and the YAML-number trap', () => {
    expect(parse({ kernel: '6.12' }).config.kernel).toBe('6.12');
    expect(parse({ kernel: '6.15-rc3' }).config.kernel).toBe('6.15-rc3');
    expect(parse({ kernel: '6.1.54' }).config.kernel).toBe('6.1.54');
    expect(errorsOf({ kernel: 'six-twelve' })).toEqual([
      'kernel: expected a kernel version such as "6.12" or "6.15-rc3", got "six-twelve"',
    ]);
    expect(errorsOf({ kernel: 6.1 })).toEqual([
      'kernel: expected a quoted version string such as "6.12", got the number 6.1 (YAML reads 6.10 as 6.1)',
    ]);
  });

  test('malformed globs and empty strings in lists', () => {
    expect(errorsOf({ paths: { include: ['drivers/**', 'drivers/{pci'], exclude: [''] }, platforms: [''] })).toEqual([
      'platforms[0]: must not be empty',
      'paths.include[1]: invalid glob "drivers/{pci": "{" at offset 8 is never closed',
      'paths.exclude[0]: must not be empty',
    ]);
  });

  test('a document that is not a mapping', () => {
    expect(errorsOf(['rules'])).toEqual([': expected a mapping of settings, got a list']);
    expect(errorsOf('failOn: error')).toEqual([': expected a mapping of settings, got "failOn: error"']);
  });

  test('on any error the config is the defaults, and every error is reported at once', () => {
    const { config, errors } = parse({ failOn: 'warning', filter: 'file', github: { maxComments: 'many' }, kernel: 7 });
    expect(config).toEqual(DEFAULTS);
    expect(errors.map((e) => e.path)).toEqual(['kernel', 'github.maxComments']);
    expect(errors.every((e) => e.source === 'test.yml')).toBe(true);
  });
});

describe('formatting helpers', () => {
  test('propertyPath renders keys and list indices', () => {
    expect(propertyPath(['rules', 'dma-on-stack', 'severity'])).toBe('rules.dma-on-stack.severity');
    expect(propertyPath(['paths', 'include', 2])).toBe('paths.include[2]');
    expect(propertyPath([])).toBe('');
  });

  test('formatConfigError puts source, position and path in front', () => {
    expect(formatConfigError({ source: 'a.yml', path: 'failOn', message: 'bad', line: 3, column: 5 })).toBe('a.yml:3:5: failOn: bad');
    expect(formatConfigError({ source: 'a.yml', path: '', message: 'bad' })).toBe('a.yml: bad');
  });
});
