// JSON reporter: the documented contract (top-level and per-finding key order), snapshot, determinism.
import { formatJson } from '../../src/report/json.js';
import { loadFixture, shuffled } from './fixture.js';

const CONTRACT_FINDING_KEYS = [
  'ruleId', 'severity', 'certainty', 'message', 'input', 'patch', 'file', 'line', 'side', 'quoted', 'evidence', 'fingerprint',
];

describe('formatJson', () => {
  test('snapshot of the shared findings', () => {
    expect(formatJson(loadFixture())).toMatchSnapshot();
  });

  test('top level: version 1, findings, errors, (notes,) stats, in that order', () => {
    const doc = JSON.parse(formatJson(loadFixture()));
    expect(Object.keys(doc)).toEqual(['version', 'findings', 'errors', 'notes', 'stats']);
    expect(doc.version).toBe(1);
    expect(doc.errors).toEqual(loadFixture().errors.map((e) => ({ input: e.input, message: e.message })));
  });

  test('every finding starts with the contract fields in contract order, with the right types', () => {
    const doc = JSON.parse(formatJson(loadFixture()));
    expect(doc.findings).toHaveLength(6);
    for (const f of doc.findings) {
      expect(Object.keys(f).slice(0, CONTRACT_FINDING_KEYS.length)).toEqual(CONTRACT_FINDING_KEYS);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(['certain', 'likely']).toContain(f.certainty);
      expect(['new', 'old']).toContain(f.side);
      expect(typeof f.quoted).toBe('boolean');
      expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      for (const e of f.evidence) expect(Object.keys(e).slice(0, 3)).toEqual(['file', 'line', 'note']);
    }
  });

  test('optional extras appear when set and are absent (not null) otherwise', () => {
    const doc = JSON.parse(formatJson(loadFixture()));
    const byRule = (id: string) => doc.findings.find((f: { ruleId: string }) => f.ruleId === id);
    expect(byRule('dma-map-sg-negative-check').suggestion).toEqual({
      file: 'drivers/nvme/host/pci.c', startLine: 820, endLine: 820, replacement: '\tif (!nents)\n', safety: 'safe',
    });
    expect(byRule('p2p-bar-as-dma-addr').platformNotes).toHaveLength(2);
    const bare = byRule('sg-dma-len-after-unmap');
    for (const key of ['why', 'instead', 'function', 'patchLine', 'sourceLine', 'suggestion', 'platformNotes', 'references']) {
      expect(bare).not.toHaveProperty(key);
    }
    expect(formatJson(loadFixture())).not.toContain('null');
  });

  test('stats keep a fixed key order with the per-input line counts', () => {
    const stats = JSON.parse(formatJson(loadFixture())).stats;
    expect(Object.keys(stats)).toEqual([
      'inputs', 'patches', 'quotedPatches', 'coverLetters', 'files', 'hunks', 'linesChecked',
      'findings', 'errors', 'warnings', 'infos', 'linesByInput', 'timings',
    ]);
    expect(stats.quotedPatches).toBe(1);
  });

  test('future stats fields are kept, after the known ones', () => {
    const result = loadFixture();
    (result.stats as unknown as Record<string, unknown>).zExtra = 1;
    (result.stats as unknown as Record<string, unknown>).aExtra = 2;
    expect(Object.keys(JSON.parse(formatJson(result)).stats).slice(-2)).toEqual(['aExtra', 'zExtra']);
  });

  test('same findings in another order → byte-identical output', () => {
    const result = loadFixture();
    expect(formatJson({ ...result, findings: shuffled(result.findings) })).toBe(formatJson(result));
  });
});
