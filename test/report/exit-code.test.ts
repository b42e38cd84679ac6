// exitCodeFor (0 clean, 1 findings at/above --fail-on, 2 input errors) and the renderReport dispatcher.
import { exitCodeFor, formatJson, formatSarif, formatText, renderReport } from '../../src/report/index.js';
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

describe('renderReport (the CLI loads only the formatter it renders)', () => {
  test('dispatches to each formatter', async () => {
    const result = loadFixture();
    const opts = { inputs: FIXTURE_INPUTS, toolVersion: '0.1.0' };
    expect(await renderReport(result, 'text', opts)).toMatch(/^-+\npatches\/0001-nvme-pci-map-cmb-sgl.patch\n-+\nERROR:SG_NONPAGE_MEMORY: /);
    expect(JSON.parse(await renderReport(result, 'json', opts)).version).toBe(1);
    expect(JSON.parse(await renderReport(result, 'sarif', opts)).version).toBe('2.1.0');
  });

  test.each(['text', 'json', 'sarif'] as const)('%s: the same text as calling the formatter itself', async (format) => {
    const result = loadFixture();
    const opts = { inputs: FIXTURE_INPUTS, toolVersion: '0.1.0', color: format === 'text' };
    const direct = format === 'text' ? formatText(result, { inputs: opts.inputs, color: opts.color })
      : format === 'json' ? formatJson(result) : formatSarif(result, { toolVersion: opts.toolVersion });
    expect(await renderReport(result, format, opts)).toBe(direct);
  });

  test('an unknown format is an error naming the choices', async () => {
    await expect(renderReport(loadFixture(), 'xml' as 'json', { toolVersion: '0' })).rejects.toThrow('unknown report format "xml"; expected one of text|json|sarif');
  });
});
