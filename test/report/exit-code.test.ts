// exitCodeFor (0 clean, 1 findings at/above --fail-on, 2 input errors), the formatResult dispatcher and its lazy twin.
import { exitCodeFor, formatResult, renderReport } from '../../src/report/index.js';
import type { Finding, InputError } from '../../src/types.js';
import { FIXTURE_INPUTS, loadFixture } from './fixture.js';

const finding = (severity: Finding['severity'], kind?: Finding['kind']): Finding => ({
  ...loadFixture().findings[1],
  severity,
  kind,
});
const inputError: InputError = { input: 'bad.patch', message: 'not a patch' };

describe('exitCodeFor', () => {
  const cases: [string, Finding[], InputError[], Record<'error' | 'warning' | 'never', 0 | 1 | 2>][] = [
    ['nothing found', [], [], { error: 0, warning: 0, never: 0 }],
    ['only info', [finding('info')], [], { error: 0, warning: 0, never: 0 }],
    ['a warning', [finding('warning'), finding('info')], [], { error: 0, warning: 1, never: 0 }],
    ['an error', [finding('error')], [], { error: 1, warning: 1, never: 0 }],
    ['an error the patch removes (kind fixes)', [finding('error', 'fixes')], [], { error: 0, warning: 0, never: 0 }],
    ['a pre-existing error', [finding('error', 'existing')], [], { error: 1, warning: 1, never: 0 }],
    ['input error only', [], [inputError], { error: 2, warning: 2, never: 2 }],
    ['input error wins over findings', [finding('error')], [inputError], { error: 2, warning: 2, never: 2 }],
  ];
  test.each(cases)('%s', (_name, findings, errors, expected) => {
    for (const failOn of ['error', 'warning', 'never'] as const) {
      expect([failOn, exitCodeFor({ findings, errors }, failOn)]).toEqual([failOn, expected[failOn]]);
    }
  });

  test('the shared fixture (with input errors) exits 2', () => {
    expect(exitCodeFor(loadFixture(), 'never')).toBe(2);
  });
});

describe('formatResult', () => {
  test('dispatches to each formatter', () => {
    const result = loadFixture();
    const opts = { inputs: FIXTURE_INPUTS, toolVersion: '0.1.0' };
    expect(formatResult(result, 'text', opts)).toMatch(/^-+\npatches\/0001-nvme-pci-map-cmb-sgl.patch\n-+\nERROR:SG_NONPAGE_MEMORY: /);
    expect(JSON.parse(formatResult(result, 'json', opts)).version).toBe(1);
    expect(JSON.parse(formatResult(result, 'sarif', opts)).version).toBe('2.1.0');
  });

  test('an unknown format is an error naming the choices', () => {
    expect(() => formatResult(loadFixture(), 'xml' as 'json', { toolVersion: '0' })).toThrow('unknown report format "xml"; expected one of text|json|sarif');
  });
});

describe('renderReport (the CLI loads only the formatter it renders)', () => {
  test.each(['text', 'json', 'sarif'] as const)('%s: the same text as formatResult', async (format) => {
    const result = loadFixture();
    const opts = { inputs: FIXTURE_INPUTS, toolVersion: '0.1.0', color: format === 'text' };
    expect(await renderReport(result, format, opts)).toBe(formatResult(result, format, opts));
  });

  test('an unknown format is an error naming the choices', async () => {
    await expect(renderReport(loadFixture(), 'xml' as 'json', { toolVersion: '0' })).rejects.toThrow('unknown report format "xml"; expected one of text|json|sarif');
  });
});
