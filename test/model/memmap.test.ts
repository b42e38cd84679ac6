// Memmap cost of ZONE_DEVICE memory (kernel-model.md §D.2, include/linux/mm_types.h) and size parsing.

import { formatSize, memmapCost, parseSize } from '../../src/model/index.js';

const GiB = 2 ** 30;

describe('parseSize (kernel memparse semantics: binary suffixes)', () => {
  test.each([
    ['128G', 128 * GiB],
    ['4K', 4096],
    ['64KiB', 65536],
    ['16 MB', 16 * 2 ** 20],
    ['1.5G', 1.5 * GiB],
    ['0x1000', 4096],
    ['4096', 4096],
    ['2T', 2 * 2 ** 40],
  ])('%s', (s, n) => expect(parseSize(s)).toBe(n));
  test('bad sizes name the input', () => {
    expect(() => parseSize('12X')).toThrow(/invalid size "12X"/);
    expect(() => parseSize('1.1K')).toThrow(/not a whole number/);
    expect(() => parseSize('16E')).toThrow(/larger than 2\^53/);
    expect(() => parseSize(-1)).toThrow(/non-negative/);
  });
});

describe('memmapCost = ceil(size / PAGE_SIZE) × sizeof(struct page)', () => {
  test('the §D.2 table', () => {
    expect(memmapCost(128 * GiB, 4096).memmapBytes).toBe(2 * GiB);
    expect(memmapCost(128 * GiB, 4096).human).toBe('2 GiB');
    expect(memmapCost(1 * GiB, 4096).human).toBe('16 MiB');
    expect(memmapCost(16 * GiB, 4096).human).toBe('256 MiB');
    expect(memmapCost(128 * GiB, 16384).human).toBe('512 MiB');
    expect(memmapCost(16 * GiB, 16384).human).toBe('64 MiB');
    expect(memmapCost(128 * GiB, 65536).human).toBe('128 MiB');
    expect(memmapCost(1 * GiB, 65536).human).toBe('1 MiB');
  });
  test('the 2019 "256MB for 128GB" estimate assumed 8-byte pages: the real cost is 8× more', () => {
    expect(memmapCost(128 * GiB, 4096, 8).human).toBe('256 MiB');
    expect(memmapCost(128 * GiB, 4096).memmapBytes / memmapCost(128 * GiB, 4096, 8).memmapBytes).toBe(8);
  });
  test('partial pages round up; ratio and explanation', () => {
    const c = memmapCost(4097, 4096);
    expect(c.pages).toBe(2);
    expect(c.ratio).toBe(1 / 64);
    expect(c.explanation).toMatch(/1\.56% of the region/);
    expect(c.explanation).toMatch(/vmem_altmap/);
  });
  test('invalid page sizes are rejected', () => {
    expect(() => memmapCost(GiB, 3000)).toThrow(/power of two/);
    expect(() => memmapCost(GiB, 4096, 0)).toThrow(/struct page size/);
  });
  test('formatSize', () => {
    expect(formatSize(640)).toBe('640 B');
    expect(formatSize(1.5 * GiB)).toBe('1.5 GiB');
  });
});
