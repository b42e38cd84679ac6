// Memory-kind table (kernel-model.md §A.1): each expectation cites the kernel behaviour behind it.

import {
  MEMORY_KINDS,
  MEMORY_KIND_IDS,
  completeKernelConfig,
  explainKindProperty,
  isMemoryKindId,
  kindExists,
  kindProperty,
  kindsWhere,
  memoryKind,
  type KindPlatform,
  type KindProperty,
  type MemoryKindId,
} from '../../src/model/index.js';

const x86_64: KindPlatform = {
  kernelConfig: completeKernelConfig({ '64BIT': true, VMAP_STACK: true, HIGHMEM: false, ZONE_DEVICE: true, PCI_P2PDMA: true, NEED_SG_DMA_FLAGS: true }),
};
const x86_32: KindPlatform = {
  kernelConfig: completeKernelConfig({ '64BIT': false, VMAP_STACK: false, HIGHMEM: true, ZONE_DEVICE: false, PCI_P2PDMA: false, SPARSEMEM_VMEMMAP: false }),
};

describe('memory kinds: the table', () => {
  test('covers every A.1 row plus user pointers, each with kernel sources', () => {
    expect(MEMORY_KIND_IDS).toEqual(
      expect.arrayContaining<MemoryKindId>([
        'ram', 'highmem', 'slab', 'kmalloc-large', 'vmalloc', 'kvmalloc', 'stack', 'kernel-image', 'iomem',
        'memremap-ram', 'memremap-nonram', 'dma-coherent', 'dma-pages', 'zd-fsdax', 'zd-generic', 'zd-private',
        'zd-coherent', 'p2pdma', 'raw-pfn', 'p2p-provider', 'user',
      ]),
    );
    expect(new Set(MEMORY_KINDS.map((k) => k.row)).size).toBe(MEMORY_KINDS.length);
    for (const k of MEMORY_KINDS) {
      expect(k.sources.length).toBeGreaterThan(0);
      for (const s of k.sources) expect(s).toMatch(/^(include|mm|kernel|lib|drivers|arch|Documentation)\//);
    }
  });

  test('memoryKind() is a lookup and rejects unknown ids by name', () => {
    expect(memoryKind('vmalloc').row).toBe('4');
    expect(isMemoryKindId('vmalloc')).toBe(true);
    expect(isMemoryKindId('heap')).toBe(false);
    expect(() => memoryKind('heap' as MemoryKindId)).toThrow(/unknown memory kind "heap"/);
  });
});

describe('memory kinds: properties reviewers rely on', () => {
  const cases: [MemoryKindId, KindProperty, boolean | 'depends', string][] = [
    // include/linux/scatterlist.h: sg_set_buf() is sg_set_page(virt_to_page(buf)): linear map only.
    ['vmalloc', 'sgSetBuf', false, 'include/linux/scatterlist.h sg_set_buf'],
    ['slab', 'sgSetBuf', true, 'include/linux/scatterlist.h sg_set_buf'],
    ['iomem', 'sgSetBuf', false, 'include/linux/scatterlist.h sg_set_buf'],
    ['dma-coherent', 'sgSetBuf', false, 'kernel/dma/mapping.c dma_get_sgtable_attrs comment'],
    // include/linux/dma-mapping.h dma_map_single_attrs(): vmalloc addresses are rejected with a WARN.
    ['vmalloc', 'dmaMapSingle', false, 'include/linux/dma-mapping.h dma_map_single_attrs'],
    ['kmalloc-large', 'dmaMapSingle', true, 'include/linux/dma-mapping.h dma_map_single_attrs'],
    // Documentation/driver-api/pci/p2pdma.rst: P2PDMA pages only through P2P-aware sg mapping.
    ['p2pdma', 'dmaMapSingle', false, 'Documentation/driver-api/pci/p2pdma.rst'],
    ['p2pdma', 'sgSetPage', true, 'drivers/pci/p2pdma.c pci_p2pmem_alloc_sgl'],
    ['p2pdma', 'pageFlagsSafe', true, 'mm/memremap.c memmap_init_zone_device'],
    // mm/memremap.c: MEMORY_DEVICE_PRIVATE gets add_pages() only, no linear map.
    ['zd-private', 'linear', false, 'mm/memremap.c pagemap_range'],
    ['zd-private', 'kmap', false, 'mm/memremap.c pagemap_range'],
    // A raw pfn has no memmap: pfn_to_page() is unbacked under SPARSEMEM_VMEMMAP.
    ['raw-pfn', 'pageFlagsSafe', false, 'include/linux/mmzone.h pfn_valid'],
    ['raw-pfn', 'hasStructPage', false, 'include/linux/mmzone.h pfn_valid'],
    // kvmalloc picks kmalloc or vmalloc at run time (mm/util.c).
    ['kvmalloc', 'linear', 'depends', 'mm/util.c kvmalloc_node'],
    ['kvmalloc', 'sgSetBuf', 'depends', 'mm/util.c kvmalloc_node'],
    // kernel/dma/debug.c check_for_stack(): stacks are never DMA-able.
    ['stack', 'dmaMapSingle', false, 'kernel/dma/debug.c check_for_stack'],
  ];
  test.each(cases)('%s.%s = %s (%s)', (id, prop, expected) => {
    expect(kindProperty(id, prop)).toBe(expected);
  });

  test('CPU access: MMIO accessors only for ioremap and P2PDMA memory; none for device-private', () => {
    expect(memoryKind('iomem').cpuAccess).toBe('mmio');
    expect(memoryKind('p2pdma').cpuAccess).toBe('mmio');
    expect(memoryKind('zd-private').cpuAccess).toBe('none');
    expect(memoryKind('memremap-nonram').cpuAccess).toBe('normal');
  });
});

describe('memory kinds: platform-dependent answers', () => {
  test('stack is linear only without VMAP_STACK (arch/Kconfig)', () => {
    expect(kindProperty('stack', 'linear')).toBe('depends');
    expect(kindProperty('stack', 'linear', x86_64)).toBe(false);
    expect(kindProperty('stack', 'linear', x86_32)).toBe(true);
    // Either way it is never DMA-able.
    expect(kindProperty('stack', 'sgSetBuf', x86_32)).toBe(false);
    expect(explainKindProperty('stack', 'linear', x86_64)).toMatch(/CONFIG_VMAP_STACK=y/);
  });

  test('highmem exists only with CONFIG_HIGHMEM; elsewhere it degrades to lowmem RAM (include/linux/highmem.h)', () => {
    expect(kindExists('highmem', x86_32)).toBe(true);
    expect(kindExists('highmem', x86_64)).toBe(false);
    expect(kindProperty('highmem', 'linear', x86_32)).toBe(false);
    expect(kindProperty('highmem', 'dmaMapSingle', x86_32)).toBe(false);
    expect(kindProperty('highmem', 'linear', x86_64)).toBe(true);
    expect(kindProperty('highmem', 'sgSetBuf', x86_64)).toBe(true);
    expect(kindProperty('highmem', 'kmap')).toBe(true);
  });

  test('P2PDMA and ZONE_DEVICE kinds need their Kconfig symbols (drivers/pci/Kconfig, mm/Kconfig)', () => {
    expect(kindExists('p2pdma', x86_64)).toBe(true);
    expect(kindExists('p2pdma', x86_32)).toBe(false);
    expect(kindExists('zd-generic', x86_32)).toBe(false);
    // DEVICE_PRIVATE is off by default.
    expect(kindExists('zd-private', x86_64)).toBe(false);
    expect(kindExists('ram', x86_32)).toBe(true);
  });

  test('kindsWhere lists definite answers only', () => {
    const linear64 = kindsWhere('linear', x86_64);
    expect(linear64).toEqual(expect.arrayContaining(['ram', 'slab', 'p2pdma', 'highmem']));
    expect(linear64).not.toContain('stack');
    expect(linear64).not.toContain('kvmalloc');
    expect(kindsWhere('linear', x86_32)).toContain('stack');
  });
});
