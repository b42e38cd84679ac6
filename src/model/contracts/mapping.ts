// Contracts of functions that create or remove CPU mappings: ioremap/pci_iomap/memremap/kmap families.

import { DEV, SIZE, p, type ApiContract, type ParamContract } from './types.js';
import { STRUCT_PAGE } from './kind-groups.js';

const ASM_IO = 'include/asm-generic/io.h';
const LINUX_IO = 'include/linux/io.h';
const PCI_IOMAP = 'include/asm-generic/pci_iomap.h';
const PCI_H = 'include/linux/pci.h';
const DEVRES_H = 'include/linux/device/devres.h';
const PLATFORM_H = 'include/linux/platform_device.h';
const HIGHMEM_H = 'include/linux/highmem.h';

const IOMEM_MISUSE =
  'casting away __iomem; virt_to_phys, virt_to_page, sg_set_buf, memcpy or dma_map_single on the result';

const iomem = (
  name: string,
  params: readonly ParamContract[],
  source: string,
  error: 'null' | 'err-ptr',
  extra: Partial<ApiContract> = {},
): ApiContract => ({
  name,
  category: 'mapping',
  params,
  returns: { kind: 'iomem', error, type: 'void __iomem *' },
  mightSleep: true,
  source,
  misuse: IOMEM_MISUSE,
  ...extra,
});

const unmap = (name: string, params: readonly ParamContract[], source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'free',
  params,
  returns: { error: 'none', type: 'void' },
  source,
  ...extra,
});

const PHYS = p('offset', 'phys');
const PDEV = p('pdev', 'dev');
const BAR = p('bar', 'other');
const RES = p('res', 'other');
const KMAP_PAGES = STRUCT_PAGE;
const IOADDR = p('addr', 'buffer', ['iomem']);

/** Mapping-creation contracts. */
export const MAPPING_CONTRACTS: readonly ApiContract[] = [
  // ── ioremap family ──
  iomem('ioremap', [PHYS, SIZE], ASM_IO, 'null'),
  iomem('ioremap_wc', [PHYS, SIZE], ASM_IO, 'null'),
  iomem('ioremap_uc', [PHYS, SIZE], ASM_IO, 'null'),
  iomem('ioremap_cache', [PHYS, SIZE], 'arch/x86/include/asm/io.h', 'null', {
    notes: 'Cacheable __iomem mapping; memremap(MEMREMAP_WB) is the preferred interface for memory-like ranges.',
  }),
  iomem('ioremap_np', [PHYS, SIZE], ASM_IO, 'null', {
    notes: 'Non-posted MMIO (needed on Apple arm64 SoCs); returns NULL where unsupported.',
  }),
  iomem('devm_ioremap', [DEV, PHYS, SIZE], LINUX_IO, 'null'),
  iomem('devm_ioremap_uc', [DEV, PHYS, SIZE], LINUX_IO, 'null'),
  iomem('devm_ioremap_wc', [DEV, PHYS, SIZE], LINUX_IO, 'null'),
  iomem('devm_ioremap_resource', [DEV, RES], DEVRES_H, 'err-ptr', {
    misuse: 'checking the result against NULL: it returns ERR_PTR, never NULL',
  }),
  iomem('devm_ioremap_resource_wc', [DEV, RES], DEVRES_H, 'err-ptr'),
  iomem('devm_platform_ioremap_resource', [PDEV, p('index', 'other')], PLATFORM_H, 'err-ptr', {
    misuse: 'checking the result against NULL: it returns ERR_PTR, never NULL',
  }),
  iomem('devm_platform_ioremap_resource_byname', [PDEV, p('name', 'other')], PLATFORM_H, 'err-ptr'),
  iomem('devm_platform_get_and_ioremap_resource', [PDEV, p('index', 'other'), p('res', 'other', undefined, { out: true })], PLATFORM_H, 'err-ptr'),
  // ── PCI iomap ──
  iomem('pci_iomap', [PDEV, BAR, p('maxlen', 'size')], PCI_IOMAP, 'null'),
  iomem('pci_iomap_range', [PDEV, BAR, p('offset', 'size'), p('maxlen', 'size')], PCI_IOMAP, 'null'),
  iomem('pci_iomap_wc', [PDEV, BAR, p('maxlen', 'size')], PCI_IOMAP, 'null'),
  iomem('pci_iomap_wc_range', [PDEV, BAR, p('offset', 'size'), p('maxlen', 'size')], PCI_IOMAP, 'null'),
  iomem('pcim_iomap', [PDEV, BAR, p('maxlen', 'size')], PCI_H, 'null'),
  iomem('pcim_iomap_region', [PDEV, BAR, p('name', 'other')], PCI_H, 'err-ptr', {
    notes: 'Requests and maps one BAR (managed); the replacement for pcim_iomap_regions() + pcim_iomap_table().',
  }),
  {
    name: 'pcim_iomap_table',
    category: 'mapping',
    params: [PDEV],
    returns: { kind: 'iomem', error: 'null', type: 'void __iomem * const *' },
    mightSleep: true,
    source: PCI_H,
    deprecated: 'documented as DEPRECATED in drivers/pci/devres.c: use pcim_iomap_region()',
    replacement: 'pcim_iomap_region',
    notes: 'Returns the table of mappings; each entry is an __iomem pointer (or NULL for unmapped BARs).',
  },
  {
    name: 'pcim_iomap_regions',
    category: 'mapping',
    params: [PDEV, p('mask', 'other'), p('name', 'other')],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    mightSleep: true,
    source: PCI_H,
    deprecated: 'documented as DEPRECATED in drivers/pci/devres.c: use pcim_iomap_region()',
    replacement: 'pcim_iomap_region',
  },
  unmap('iounmap', [IOADDR], ASM_IO),
  unmap('devm_iounmap', [DEV, IOADDR], LINUX_IO),
  unmap('pci_iounmap', [PDEV, IOADDR], PCI_IOMAP),
  unmap('pcim_iounmap', [PDEV, IOADDR], PCI_H),
  unmap('pcim_iounmap_region', [PDEV, BAR], PCI_H, { since: '≈6.13', notes: 'Static in drivers/pci/devres.c up to v6.12; made public afterwards.' }),
  // ── memremap ──
  {
    name: 'memremap',
    category: 'mapping',
    params: [PHYS, SIZE, p('flags', 'flags')],
    returns: { error: 'null', type: 'void *' },
    mightSleep: true,
    source: 'kernel/iomem.c',
    misuse: 'treating a non-RAM memremap VA as having struct pages (virt_to_page, sg_set_buf)',
    notes:
      'MEMREMAP_WB on System RAM returns the linear address (kind memremap-ram); any other range gives an ioremap-class VA without struct pages (memremap-nonram). WT/WC on RAM fails with a WARN; a range that is part RAM, part not, fails.',
  },
  {
    name: 'devm_memremap',
    category: 'mapping',
    params: [DEV, PHYS, SIZE, p('flags', 'flags')],
    returns: { error: 'err-ptr', type: 'void *' },
    mightSleep: true,
    source: 'kernel/iomem.c',
    misuse: 'checking the result against NULL: it returns ERR_PTR(-ENXIO)',
    notes: 'Same kinds as memremap().',
  },
  unmap('memunmap', [p('addr', 'buffer', ['memremap-ram', 'memremap-nonram'])], 'kernel/iomem.c'),
  unmap('devm_memunmap', [DEV, p('addr', 'buffer', ['memremap-ram', 'memremap-nonram'])], 'kernel/iomem.c'),
  // ── kmap family ──
  {
    name: 'kmap_local_page',
    category: 'mapping',
    params: [p('page', 'page', KMAP_PAGES)],
    returns: { error: 'none', type: 'void *' },
    lock: { cls: 'kmap_local', op: 'acquire' },
    source: HIGHMEM_H,
    misuse: 'unmapping out of LIFO order; dereferencing the mapping of a P2PDMA page (MMIO)',
    notes: 'Preferred temporary mapping; nested and unmapped in LIFO order on the same CPU. Does not disable preemption.',
  },
  {
    name: 'kmap_local_folio',
    category: 'mapping',
    params: [p('folio', 'page', KMAP_PAGES), p('offset', 'size')],
    returns: { error: 'none', type: 'void *' },
    lock: { cls: 'kmap_local', op: 'acquire' },
    source: HIGHMEM_H,
  },
  {
    name: 'kunmap_local',
    category: 'mapping',
    params: [p('addr', 'buffer')],
    returns: { error: 'none', type: 'void' },
    lock: { cls: 'kmap_local', op: 'release' },
    source: HIGHMEM_H,
  },
  {
    name: 'kmap_atomic',
    category: 'mapping',
    params: [p('page', 'page', KMAP_PAGES)],
    returns: { error: 'none', type: 'void *' },
    lock: { cls: 'kmap_atomic', op: 'acquire', alsoDisables: ['preempt'] },
    source: HIGHMEM_H,
    deprecated: 'kmap_atomic is deprecated; use kmap_local_page (style warning only)',
    replacement: 'kmap_local_page',
    misuse: 'sleeping while the atomic kmap is held (page faults and preemption are disabled)',
  },
  {
    name: 'kunmap_atomic',
    category: 'mapping',
    params: [p('addr', 'buffer')],
    returns: { error: 'none', type: 'void' },
    lock: { cls: 'kmap_atomic', op: 'release' },
    source: HIGHMEM_H,
    deprecated: 'pairs with the deprecated kmap_atomic',
    replacement: 'kunmap_local',
  },
  {
    name: 'kmap',
    category: 'mapping',
    params: [p('page', 'page', KMAP_PAGES)],
    returns: { error: 'none', type: 'void *' },
    mightSleep: true,
    source: HIGHMEM_H,
    notes: 'Long-lived mapping from a small pool; may sleep. Prefer kmap_local_page.',
  },
  {
    name: 'kunmap',
    category: 'mapping',
    params: [p('page', 'page', KMAP_PAGES)],
    returns: { error: 'none', type: 'void' },
    source: HIGHMEM_H,
  },
];
