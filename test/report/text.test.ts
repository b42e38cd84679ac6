// Text reporter: checkpatch's shape (snapshot of the shared fixture) and what checkpatch parsers rely on.
import { checkpatchType, formatText, levelOf } from '../../src/report/text.js';
import type { ReviewResult } from '../../src/types.js';
import { FIXTURE_INPUTS, loadFixture, shuffled } from './fixture.js';

const render = (result: ReviewResult = loadFixture(), inputs = FIXTURE_INPUTS) => formatText(result, { inputs });

describe('formatText', () => {
  test('snapshot of the shared findings', () => {
    expect(render()).toMatchSnapshot();
  });

  test('each finding is a checkpatch block: LEVEL:TYPE: message, then #N: FILE: path:line:, then the line', () => {
    const lines = render().split('\n');
    const result = loadFixture();
    for (const f of result.findings) {
      const header = lines.findIndex((l) => l.includes(`[${f.ruleId}]`));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(lines[header]).toMatch(new RegExp(`^(ERROR|WARNING|CHECK):${checkpatchType(f.ruleId)}: `));
      const where = `FILE: ${f.file}:${f.line}:`;
      expect(lines[header + 1]).toBe(f.patchLine !== undefined ? `#${f.patchLine}: ${where}` : where);
      if (f.sourceLine !== undefined) expect(lines[header + 2]).toBe(`${f.side === 'old' ? '-' : '+'}${f.sourceLine}`);
    }
  });

  test('a checkpatch-style parser (emacs compilation regexp) finds every finding that has a patch line', () => {
    const text = render();
    const located = [...text.matchAll(/^#(\d+): FILE: (.*):(\d+):$/gm)].map((m) => `${m[2]}:${m[3]}`);
    const expected = loadFixture()
      .findings.filter((f) => f.patchLine !== undefined)
      .map((f) => `${f.file}:${f.line}`);
    expect(located.sort()).toEqual(expected.sort());
  });

  test('per-input totals count levels and use the per-input line counts', () => {
    const totals = render()
      .split('\n')
      .filter((l) => l.startsWith('total: '));
    expect(totals).toEqual([
      'total: 1 errors, 1 warnings, 96 lines checked',
      'total: 1 errors, 0 warnings, 1 checks, 88 lines checked',
      'total: 0 errors, 1 warnings, 1 checks, 228 lines checked',
      'total: 0 errors, 0 warnings, 0 lines checked',
      'total: 0 errors, 0 warnings, 0 lines checked',
    ]);
  });

  test('quoted, fixes and pre-existing findings are marked', () => {
    const text = render();
    expect(text).toContain('CHECK:DMA_ON_STACK: this patch removes: a stack buffer');
    expect(text).toMatch(/^CHECK:DMA_ON_STACK: .* \[dma-on-stack\] \(quoted\)$/m);
    expect(text).toMatch(/^ERROR:P2P_BAR_AS_DMA_ADDR: .* \[p2p-bar-as-dma-addr\] \(quoted\)$/m);
    expect(text).toMatch(/^WARNING:SG_DMA_LEN_AFTER_UNMAP: .* \[sg-dma-len-after-unmap\] \(pre-existing\)$/m);
    expect(text).not.toMatch(/^ERROR:SG_NONPAGE_MEMORY: .*\(quoted\)$/m);
  });

  test('input errors and notes follow the inputs, in the order the inputs were given', () => {
    const text = render();
    const tail = text.slice(text.lastIndexOf('total: '));
    expect(tail.split('\n').filter((l) => /^(ERROR|NOTE): /.test(l))).toEqual([
      'ERROR: broken/truncated.patch: hunk @@ -40,7 +40,9 @@ at line 14 declares 9 new lines but the input ends after 5 (truncated hunk?)',
      'ERROR: broken/latin1.eml: not valid UTF-8 at byte 312 and no charset declared',
      'NOTE: series/dmabuf-p2p.mbox: [PATCH v2 0/2] is a cover letter: no diff to review',
    ]);
    expect(text.trimEnd().split('\n').at(-1)).toBe('reviewed 5 inputs, 4 patches (1 quoted, 1 cover letter): 6 findings, 2 input errors');
  });

  test('output does not depend on the order findings arrive in', () => {
    const result = loadFixture();
    const reordered = { ...result, findings: shuffled(result.findings) };
    expect(render(reordered)).toBe(render(result));
  });

  test('a single input gets no frame, and the total falls back to stats.linesChecked', () => {
    const result = loadFixture();
    const only = 'patches/0001-nvme-pci-map-cmb-sgl.patch';
    const single: ReviewResult = {
      ...result,
      findings: result.findings.filter((f) => f.input === only),
      errors: [],
      notes: [],
      stats: { ...result.stats, linesByInput: undefined, inputs: 1, linesChecked: 96 },
    };
    const text = formatText(single, { inputs: [only] });
    expect(text.startsWith('ERROR:SG_NONPAGE_MEMORY: ')).toBe(true);
    expect(text).toContain('\ntotal: 1 errors, 1 warnings, 96 lines checked\n');
  });

  test('inputs the caller did not list still get a block', () => {
    const text = render(loadFixture(), ['patches/0001-nvme-pci-map-cmb-sgl.patch']);
    for (const input of FIXTURE_INPUTS) expect(text).toContain(`\n${input}\n`);
  });

  test('multi-line messages stay on one header line', () => {
    const result = loadFixture();
    result.findings = [{ ...result.findings[1], message: 'first line\n  second line' }];
    expect(render(result)).toContain('ERROR:SG_NONPAGE_MEMORY: first line second line [sg-nonpage-memory]\n');
  });

  test('color: ANSI codes as checkpatch --color, and nothing else changes', () => {
    const colored = formatText(loadFixture(), { inputs: FIXTURE_INPUTS, color: true });
    expect(colored).toContain('\x1b[31mERROR\x1b[0m:\x1b[34mSG_NONPAGE_MEMORY\x1b[0m: ');
    expect(colored).toContain('\x1b[33mWARNING\x1b[0m:');
    expect(colored).toContain('\x1b[32mCHECK\x1b[0m:');
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\x1b\[\d+m/g, '')).toBe(render());
  });
});

describe('helpers', () => {
  test('checkpatchType turns any id into UPPER_SNAKE', () => {
    expect(checkpatchType('sg-nonpage-memory')).toBe('SG_NONPAGE_MEMORY');
    expect(checkpatchType('acme/dma.bad-thing')).toBe('ACME_DMA_BAD_THING');
  });

  test('levelOf maps severities and shows fixes as CHECK', () => {
    expect(levelOf({ severity: 'error' })).toBe('ERROR');
    expect(levelOf({ severity: 'warning' })).toBe('WARNING');
    expect(levelOf({ severity: 'info' })).toBe('CHECK');
    expect(levelOf({ severity: 'error', kind: 'fixes' })).toBe('CHECK');
  });
});
