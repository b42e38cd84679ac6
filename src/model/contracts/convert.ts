// Contracts of address/page converters, page predicates and page reference helpers (§B.5).

import { p, type ApiContract, type ParamContract } from './types.js';
import { FLAG_SAFE_PAGE, LINEAR_VA, STRUCT_PAGE } from './kind-groups.js';

const X86_PAGE = 'arch/x86/include/asm/page.h';
const X86_IO = 'arch/x86/include/asm/io.h';
const MM_H = 'include/linux/mm.h';
const MEMORY_MODEL = 'include/asm-generic/memory_model.h';
const PAGE_FLAGS = 'include/linux/page-flags.h';
const PAGE_REF = 'include/linux/page_ref.h';
const MEMREMAP_H = 'include/linux/memremap.h';

const LINEAR_ONLY_MISUSE =
  'iomem, vmalloc, VMAP_STACK stack, module or dma_alloc_coherent addresses: the result is garbage (DEBUG_VIRTUAL warns)';

const conv = (
  name: string,
  params: readonly ParamContract[],
  returns: ApiContract['returns'],
  source: string,
  extra: Partial<ApiContract> = {},
): ApiContract => ({ name, category: 'converter', params, returns, source, ...extra });

const VA = p('kaddr', 'buffer', LINEAR_VA);
const PAGE = p('page', 'page', STRUCT_PAGE);
const FLAG_PAGE = p('page', 'page', FLAG_SAFE_PAGE);

const pageTest = (name: string, source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'page',
  params: [FLAG_PAGE],
  returns: { error: 'none', type: 'bool' },
  source,
  misuse: 'calling it on pfn_to_page()/virt_to_page() of memory without a memmap (BAR, ioremap, raw pfn): the struct page is not backed',
  ...extra,
});

const ref = (name: string, source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'page',
  params: [PAGE],
  returns: { error: 'none', type: 'void' },
  source,
  ...extra,
});

/** Converter, page-predicate and page-reference contracts. */
export const CONVERT_CONTRACTS: readonly ApiContract[] = [
  conv('virt_to_page', [VA], { error: 'none', type: 'struct page *' }, X86_PAGE, {
    misuse: LINEAR_ONLY_MISUSE,
    notes: 'Pure arithmetic: never fails, so a non-linear address silently yields a bogus page.',
  }),
  conv('virt_to_folio', [VA], { error: 'none', type: 'struct folio *' }, MM_H, { misuse: LINEAR_ONLY_MISUSE }),
  conv('virt_to_phys', [VA], { error: 'none', type: 'phys_addr_t' }, X86_IO, { misuse: LINEAR_ONLY_MISUSE }),
  conv('__pa', [VA], { error: 'none', type: 'phys_addr_t' }, X86_PAGE, { misuse: LINEAR_ONLY_MISUSE }),
  conv('virt_addr_valid', [p('kaddr', 'buffer')], { error: 'none', type: 'bool' }, X86_PAGE, {
    category: 'page',
    notes: 'The predicate for "is this a linear-map address"; DEBUG_SG asserts it in sg_set_buf.',
  }),
  conv('phys_to_virt', [p('address', 'phys', ['ram', 'slab', 'kmalloc-large', 'memremap-ram', 'dma-pages', 'zd-fsdax', 'zd-generic', 'zd-coherent'])], { error: 'none', type: 'void *' }, X86_IO, {
    misuse: 'MMIO or BAR physical addresses (use ioremap/memremap); highmem physical addresses',
  }),
  conv('__va', [p('x', 'phys', ['ram', 'slab', 'kmalloc-large', 'memremap-ram', 'dma-pages'])], { error: 'none', type: 'void *' }, X86_PAGE, {
    misuse: 'MMIO or BAR physical addresses',
  }),
  conv('virt_to_bus', [VA], { error: 'none', type: 'unsigned long' }, X86_IO, {
    removedIn: '≈6.0',
    replacement: 'the DMA API (dma_map_single/dma_map_page) or dma_alloc_coherent',
    notes: 'CONFIG_VIRT_TO_BUS was removed in 2022 ("arch/*/: remove CONFIG_VIRT_TO_BUS"); only a few m68k/ppc32 drivers keep a private copy.',
  }),
  conv('page_address', [PAGE], { error: 'null', type: 'void *' }, MM_H, {
    misuse: 'highmem pages (NULL unless kmapped); PRIVATE pages; memcpy through the MMIO alias of a P2PDMA page',
    notes: 'Returns NULL only for unmapped highmem.',
  }),
  conv('folio_address', [p('folio', 'page', STRUCT_PAGE)], { error: 'null', type: 'void *' }, MM_H),
  conv('pfn_to_page', [p('pfn', 'pfn')], { error: 'none', type: 'struct page *' }, MEMORY_MODEL, {
    misuse: 'dereferencing the result for a pfn without a memmap (pfn_valid() false or an unregistered BAR): with SPARSEMEM_VMEMMAP the pointer is computable but unbacked',
  }),
  conv('page_to_pfn', [PAGE], { error: 'none', type: 'unsigned long' }, MEMORY_MODEL),
  conv('page_to_phys', [PAGE], { error: 'none', type: 'phys_addr_t' }, X86_IO, {
    misuse: 'treating the CPU physical address as a dma_addr_t',
  }),
  conv('phys_to_page', [p('phys', 'phys')], { error: 'none', type: 'struct page *' }, 'arch/arm64/include/asm/memory.h', {
    misuse: 'MMIO physical addresses (no memmap)',
    notes: 'Architecture macro (arm64, riscv and others); x86 has no phys_to_page.',
  }),
  conv('vmalloc_to_page', [p('vmalloc_addr', 'buffer', ['vmalloc', 'kvmalloc', 'stack'])], { error: 'null', type: 'struct page *' }, MM_H, {
    notes: 'The way to reach the pages behind vmalloc/vmap memory (and VMAP_STACK stacks); NULL if nothing is mapped.',
  }),
  conv('vmalloc_to_pfn', [p('vmalloc_addr', 'buffer', ['vmalloc', 'kvmalloc'])], { error: 'none', type: 'unsigned long' }, MM_H),
  conv('is_vmalloc_addr', [p('x', 'buffer')], { error: 'none', type: 'bool' }, MM_H, {
    category: 'page',
    notes: 'The branch kvmalloc users need before choosing virt_to_page() or vmalloc_to_page().',
  }),
  conv('offset_in_page', [p('p', 'buffer')], { error: 'none', type: 'unsigned long' }, MM_H),
  conv('pfn_valid', [p('pfn', 'pfn')], { error: 'none', type: 'int' }, 'include/linux/mmzone.h', {
    category: 'page',
    notes: 'Necessary but not sufficient: true for ZONE_DEVICE ranges, section-granular, false for holes and raw MMIO.',
  }),
  conv('pfn_to_online_page', [p('pfn', 'pfn')], { error: 'null', type: 'struct page *' }, 'include/linux/memory_hotplug.h', {
    notes: 'NULL for ZONE_DEVICE and offline memory.',
  }),
  conv('page_folio', [PAGE], { error: 'none', type: 'struct folio *' }, PAGE_FLAGS),
  // ── page predicates ──
  pageTest('PageSlab', PAGE_FLAGS, {
    notes: 'A page-type test through page_folio() in current kernels; true only for slab pages (not large kmalloc).',
  }),
  pageTest('PageHighMem', PAGE_FLAGS),
  pageTest('PageReserved', PAGE_FLAGS),
  pageTest('PageCompound', PAGE_FLAGS),
  pageTest('is_zone_device_page', 'include/linux/mmzone.h', { notes: 'False without CONFIG_ZONE_DEVICE.' }),
  pageTest('folio_is_zone_device', 'include/linux/mmzone.h'),
  pageTest('is_pci_p2pdma_page', MEMREMAP_H, { notes: 'Compiled to false without CONFIG_PCI_P2PDMA.' }),
  pageTest('is_device_private_page', MEMREMAP_H),
  pageTest('is_device_coherent_page', MEMREMAP_H),
  pageTest('is_fsdax_page', MEMREMAP_H, { since: '≈6.15' }),
  {
    name: 'page_pgmap',
    category: 'page',
    params: [p('page', 'page', ['zd-fsdax', 'zd-generic', 'zd-private', 'zd-coherent', 'p2pdma'])],
    returns: { error: 'none', type: 'struct dev_pagemap *' },
    since: '≈6.15',
    source: MM_H,
    misuse: 'calling it on ordinary pages (VM_WARN); reading page->pgmap directly in older code',
    notes: 'Replaces the page->pgmap field; only for ZONE_DEVICE pages.',
  },
  {
    name: 'zone_device_pages_have_same_pgmap',
    category: 'page',
    params: [p('a', 'page', FLAG_SAFE_PAGE), p('b', 'page', FLAG_SAFE_PAGE)],
    returns: { error: 'none', type: 'bool' },
    source: 'include/linux/mmzone.h',
    notes: 'Must be checked before merging physically adjacent pages into one sg entry or bvec (SG-007).',
  },
  // ── references ──
  ref('get_page', MM_H, { misuse: 'taking references on slab pages; on pages without a memmap' }),
  ref('put_page', MM_H, { misuse: 'put_page on pin_user_pages() results (use unpin_user_page)' }),
  ref('folio_get', MM_H),
  ref('folio_put', MM_H),
  ref('page_ref_inc', PAGE_REF),
  ref('page_ref_dec', PAGE_REF),
  { ...ref('page_ref_add', PAGE_REF), params: [PAGE, p('nr', 'other')] },
  { ...ref('page_ref_sub', PAGE_REF), params: [PAGE, p('nr', 'other')] },
  { ...ref('page_ref_count', PAGE_REF), returns: { error: 'none', type: 'int' } },
  { ...ref('page_count', MM_H), returns: { error: 'none', type: 'int' } },
  {
    name: 'flush_dcache_page',
    category: 'page',
    params: [PAGE],
    returns: { error: 'none', type: 'void' },
    source: 'include/asm-generic/cacheflush.h',
    notes: 'Dereferences the struct page on architectures with a real implementation; sg_miter_stop() calls it for SG_MITER_TO_SG.',
  },
  {
    name: 'flush_kernel_dcache_page',
    category: 'page',
    params: [PAGE],
    returns: { error: 'none', type: 'void' },
    removedIn: '≈5.15',
    replacement: 'flush_dcache_page',
    source: 'include/asm-generic/cacheflush.h',
  },
  {
    name: 'folio_mapping',
    category: 'page',
    params: [p('folio', 'page', ['ram', 'highmem', 'kmalloc-large'])],
    returns: { error: 'null', type: 'struct address_space *' },
    source: 'include/linux/pagemap.h',
    misuse: 'calling it on ZONE_DEVICE folios: the pgmap shares a union with the LRU/mapping fields (MM-003)',
  },
];
