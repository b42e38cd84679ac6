// Fingerprints (stable across line shifts and whitespace) and the deterministic finding order.
import { fingerprintOf, normaliseCode, sortFindings } from '../../src/report/fingerprint.js';
import type { Finding } from '../../src/types.js';
import { loadFixture, shuffled } from './fixture.js';

const base = { ruleId: 'sg-nonpage-memory', file: 'drivers/nvme/host/pci.c', function: 'nvme_map_cmb_sgl', code: '\tsg_set_buf(sg, addr, len);' };

describe('fingerprintOf', () => {
  test('is 16 lower-case hex digits and pinned: changing it would re-post every GitHub comment', () => {
    expect(fingerprintOf(base)).toMatch(/^[0-9a-f]{16}$/);
    // printf 'sg-nonpage-memory\0drivers/nvme/host/pci.c\0nvme_map_cmb_sgl\0sg_set_buf(sg,addr,len);\0' | sha256sum
    expect(fingerprintOf(base)).toBe('038d6bdbe97f79f9');
  });

  test('ignores indentation and spacing around punctuation', () => {
    for (const code of ['sg_set_buf(sg, addr, len);', '        sg_set_buf( sg,addr , len ) ;', '\tsg_set_buf(sg,\n\t\t   addr, len);']) {
      expect(fingerprintOf({ ...base, code })).toBe(fingerprintOf(base));
    }
  });

  test('changes with rule, file, function, code and extra', () => {
    const fp = fingerprintOf(base);
    expect(fingerprintOf({ ...base, ruleId: 'dma-on-stack' })).not.toBe(fp);
    expect(fingerprintOf({ ...base, file: 'drivers/nvme/host/core.c' })).not.toBe(fp);
    expect(fingerprintOf({ ...base, function: 'nvme_map_data' })).not.toBe(fp);
    expect(fingerprintOf({ ...base, function: undefined })).not.toBe(fp);
    expect(fingerprintOf({ ...base, code: 'sg_set_buf(sg, addr, len2);' })).not.toBe(fp);
    expect(fingerprintOf({ ...base, extra: 'arg1' })).not.toBe(fp);
  });

  test('field boundaries are unambiguous', () => {
    expect(fingerprintOf({ ruleId: 'a', file: 'bc', code: 'x' })).not.toBe(fingerprintOf({ ruleId: 'ab', file: 'c', code: 'x' }));
  });

  test('normaliseCode keeps spaces that separate words', () => {
    expect(normaliseCode('  unsigned   long  x = a -> b ;')).toBe('unsigned long x=a->b;');
  });

  test('the shared fixture was built with fingerprintOf over each flagged line', () => {
    const dmabuf = 'total += sg_dma_len(sg);';
    for (const f of loadFixture().findings) {
      const code = f.sourceLine ?? dmabuf;
      expect(fingerprintOf({ ruleId: f.ruleId, file: f.file, function: f.function, code })).toBe(f.fingerprint);
    }
  });
});

describe('sortFindings', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    ruleId: 'r',
    severity: 'error',
    certainty: 'certain',
    message: 'm',
    input: 'a.patch',
    patch: 's',
    patchId: 'a.patch#0',
    file: 'f.c',
    line: 1,
    side: 'new',
    quoted: false,
    evidence: [],
    fingerprint: '0',
    ...over,
  });

  test('orders by input, patch ordinal (numerically), file, line, rule id, fingerprint', () => {
    const expected = [
      finding({ input: 'a.patch', patchId: 'a.patch#2', file: 'a.c', line: 9 }),
      finding({ input: 'a.patch', patchId: 'a.patch#10', file: 'a.c', line: 1 }),
      finding({ input: 'a.patch', patchId: 'a.patch#10', file: 'b.c', line: 1 }),
      finding({ input: 'a.patch', patchId: 'a.patch#10', file: 'b.c', line: 2, ruleId: 'a' }),
      finding({ input: 'a.patch', patchId: 'a.patch#10', file: 'b.c', line: 2, ruleId: 'b', fingerprint: '1' }),
      finding({ input: 'a.patch', patchId: 'a.patch#10', file: 'b.c', line: 2, ruleId: 'b', fingerprint: '2' }),
      finding({ input: 'b.patch', patchId: 'b.patch#0', file: 'a.c', line: 1 }),
    ];
    expect(sortFindings(shuffled(expected))).toEqual(expected);
    expect(sortFindings([...expected].reverse())).toEqual(expected);
  });

  test('does not modify its argument', () => {
    const list = [finding({ line: 2 }), finding({ line: 1 })];
    sortFindings(list);
    expect(list.map((f) => f.line)).toEqual([2, 1]);
  });

  test('sorts the fixture into the same order whatever order it arrives in', () => {
    const findings = loadFixture().findings;
    expect(sortFindings(shuffled(findings))).toEqual(sortFindings(findings));
    expect(sortFindings(findings).map((f) => `${f.input}:${f.line}`)).toEqual([
      'patches/0001-nvme-pci-map-cmb-sgl.patch:812',
      'patches/0001-nvme-pci-map-cmb-sgl.patch:820',
      'replies/re-rdma-p2p-mr.eml:120',
      'replies/re-rdma-p2p-mr.eml:233',
      'series/dmabuf-p2p.mbox:88',
      'series/dmabuf-p2p.mbox:455',
    ]);
  });
});
