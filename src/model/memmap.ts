// Size parsing and the memmap (struct page array) cost of ZONE_DEVICE memory (kernel-model.md §D.2).

const UNITS: Readonly<Record<string, number>> = { '': 0, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

/**
 * Parse a size such as "128G", "4K", "64KiB", "1.5G", "0x1000" or "4096" into bytes. Suffixes are
 * binary (K = 1024), as in the kernel's memparse(); "B", "iB" and a space are tolerated.
 * Throws an Error naming the input when it is not a size or exceeds 2^53 bytes.
 */
export function parseSize(s: string | number): number {
  if (typeof s === 'number') {
    if (!Number.isSafeInteger(s) || s < 0) throw new Error(`invalid size ${s}: expected a non-negative integer number of bytes`);
    return s;
  }
  const t = s.trim();
  const hexM = /^0x([0-9a-f]+)$/i.exec(t);
  if (hexM) return checkSafe(parseInt(hexM[1]!, 16), s);
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtpe]?)(i?b)?$/i.exec(t);
  if (!m) throw new Error(`invalid size "${s}": expected a number with an optional K/M/G/T/P/E suffix, e.g. 128G or 4K`);
  const unit = UNITS[m[2]!.toUpperCase()]!;
  const bytes = Number(m[1]) * 1024 ** unit;
  if (!Number.isInteger(bytes)) throw new Error(`invalid size "${s}": not a whole number of bytes`);
  return checkSafe(bytes, s);
}

function checkSafe(n: number, original: string): number {
  if (!Number.isSafeInteger(n)) throw new Error(`invalid size "${original}": larger than 2^53 bytes`);
  return n;
}

/** "2 GiB", "256 MiB", "1.5 GiB", "640 B". */
export function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toFixed(2))} ${units[i]}`;
}

/** The memmap cost of covering a region with struct pages. */
export interface MemmapCost {
  regionBytes: number;
  pageSize: number;
  structPageSize: number;
  pages: number;
  memmapBytes: number;
  /** structPageSize / pageSize. */
  ratio: number;
  human: string;
  explanation: string;
}

/**
 * memmap_bytes = ceil(region / PAGE_SIZE) × sizeof(struct page) (64 on 64-bit kernels,
 * include/linux/mm_types.h STRUCT_PAGE_MAX_SHIFT = 6). 128 GiB of BAR with 4 KiB pages costs 2 GiB
 * of system RAM: the P2PDMA memmap has no vmem_altmap, so it always lives in RAM.
 */
export function memmapCost(bytes: number, pageSize: number, structPageSize = 64): MemmapCost {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new Error(`invalid region size ${bytes}: expected a non-negative integer`);
  if (!Number.isSafeInteger(pageSize) || pageSize <= 0 || (pageSize & (pageSize - 1)) !== 0) {
    throw new Error(`invalid page size ${pageSize}: expected a power of two such as 4096`);
  }
  if (!Number.isSafeInteger(structPageSize) || structPageSize <= 0) {
    throw new Error(`invalid struct page size ${structPageSize}: expected a positive integer (64 on 64-bit kernels)`);
  }
  const pages = Math.ceil(bytes / pageSize);
  const memmapBytes = pages * structPageSize;
  const human = formatSize(memmapBytes);
  const ratio = structPageSize / pageSize;
  return {
    regionBytes: bytes,
    pageSize,
    structPageSize,
    pages,
    memmapBytes,
    ratio,
    human,
    explanation: `${formatSize(bytes)} / ${formatSize(pageSize)} pages = ${pages} struct pages × ${structPageSize} B = ${human} of system RAM (${Number((ratio * 100).toPrecision(3))}% of the region); P2PDMA memmap has no vmem_altmap, so it always lives in RAM (mm/memremap.c).`,
  };
}
