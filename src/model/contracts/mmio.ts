// Contracts of the MMIO accessors (§B.6): the only legal way to touch __iomem and P2PDMA KVAs.

import { p, type ApiContract } from './types.js';
import { CPU_NORMAL, MMIO } from './kind-groups.js';

const ASM_IO = 'include/asm-generic/io.h';
const IOMAP_H = 'include/asm-generic/iomap.h';
const LINUX_IO = 'include/linux/io.h';

const read = (name: string, type: string, source = ASM_IO): ApiContract => ({
  name,
  category: 'mmio',
  params: [p('addr', 'buffer', MMIO)],
  returns: { error: 'none', type },
  source,
  misuse: 'passing a linear-map, kmalloc or vmalloc pointer: accessors are for __iomem only',
});

const write = (name: string, source = ASM_IO): ApiContract => ({
  name,
  category: 'mmio',
  params: [p('value', 'other'), p('addr', 'buffer', MMIO)],
  returns: { error: 'none', type: 'void' },
  source,
  misuse: 'passing a linear-map, kmalloc or vmalloc pointer: accessors are for __iomem only',
});

const sizes: readonly [string, string][] = [
  ['b', 'u8'],
  ['w', 'u16'],
  ['l', 'u32'],
  ['q', 'u64'],
];

/** MMIO accessor contracts. */
export const MMIO_CONTRACTS: readonly ApiContract[] = [
  ...sizes.flatMap(([s, t]) => [read(`read${s}`, t), read(`read${s}_relaxed`, t), write(`write${s}`), write(`write${s}_relaxed`)]),
  read('ioread8', 'unsigned int', IOMAP_H),
  read('ioread16', 'unsigned int', IOMAP_H),
  read('ioread32', 'unsigned int', IOMAP_H),
  read('ioread16be', 'unsigned int', IOMAP_H),
  read('ioread32be', 'unsigned int', IOMAP_H),
  write('iowrite8', IOMAP_H),
  write('iowrite16', IOMAP_H),
  write('iowrite32', IOMAP_H),
  write('iowrite16be', IOMAP_H),
  write('iowrite32be', IOMAP_H),
  {
    name: 'memcpy_toio',
    category: 'mmio',
    params: [p('dst', 'buffer', MMIO), p('src', 'buffer', CPU_NORMAL), p('count', 'size')],
    returns: { error: 'none', type: 'void' },
    source: ASM_IO,
    notes: 'The bulk copy to use instead of memcpy() on __iomem or P2PDMA memory.',
  },
  {
    name: 'memcpy_fromio',
    category: 'mmio',
    params: [p('dst', 'buffer', CPU_NORMAL), p('src', 'buffer', MMIO), p('count', 'size')],
    returns: { error: 'none', type: 'void' },
    source: ASM_IO,
  },
  {
    name: 'memset_io',
    category: 'mmio',
    params: [p('dst', 'buffer', MMIO), p('c', 'other'), p('count', 'size')],
    returns: { error: 'none', type: 'void' },
    source: ASM_IO,
  },
  {
    name: '__iowrite32_copy',
    category: 'mmio',
    params: [p('to', 'buffer', MMIO), p('from', 'buffer', CPU_NORMAL), p('count', 'size')],
    returns: { error: 'none', type: 'void' },
    source: LINUX_IO,
  },
  {
    name: '__iowrite64_copy',
    category: 'mmio',
    params: [p('to', 'buffer', MMIO), p('from', 'buffer', CPU_NORMAL), p('count', 'size')],
    returns: { error: 'none', type: 'void' },
    source: LINUX_IO,
  },
];
