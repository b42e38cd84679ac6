// Contracts of allocators and their matching free functions (kernel-model.md §B.1).

import { ATTRS, DEV, DIR, GFP, SIZE, p, type ApiContract } from './types.js';
import { KMALLOC, KVMALLOC, STRUCT_PAGE, VMALLOC } from './kind-groups.js';

const SLAB_H = 'include/linux/slab.h';
const VMALLOC_H = 'include/linux/vmalloc.h';
const GFP_H = 'include/linux/gfp.h';
const DMA_MAPPING_H = 'include/linux/dma-mapping.h';
const DMA_MAPPING_C = 'kernel/dma/mapping.c';
const DEVRES_H = 'include/linux/device/devres.h';

const slab = (name: string, params: ApiContract['params'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'allocator',
  params,
  returns: { kind: 'slab', error: 'null', type: 'void *' },
  mightSleep: 'gfp',
  source: SLAB_H,
  notes:
    'Requests above KMALLOC_MAX_CACHE_SIZE come from the page allocator (kind kmalloc-large, PageSlab false). A zero size returns ZERO_SIZE_PTR: non-NULL, must not be dereferenced or put in an sg.',
  ...extra,
});

const vmallocFn = (name: string, params: ApiContract['params'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'allocator',
  params,
  returns: { kind: 'vmalloc', error: 'null', type: 'void *' },
  mightSleep: true,
  source: VMALLOC_H,
  misuse: 'virt_to_page, sg_set_buf or dma_map_single on the result',
  ...extra,
});

const kvmallocFn = (name: string, params: ApiContract['params'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'allocator',
  params,
  returns: { kind: 'kvmalloc', error: 'null', type: 'void *' },
  // Falls back to vmalloc only for GFP_KERNEL-compatible flags (mm/util.c).
  mightSleep: 'gfp',
  source: SLAB_H,
  misuse: 'any DMA or sg use without an is_vmalloc_addr() branch',
  ...extra,
});

const pageAlloc = (name: string, params: ApiContract['params'], type: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'allocator',
  params,
  returns: { kind: 'ram', kindFromGfp: true, error: 'null', type },
  mightSleep: 'gfp',
  source: GFP_H,
  misuse: 'page_address() on the result when __GFP_HIGHMEM was given (NULL on 32-bit HIGHMEM)',
  ...extra,
});

const coherent = (name: string, params: ApiContract['params'], source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'allocator',
  params,
  returns: { kind: 'dma-coherent', error: 'null', type: 'void *' },
  mightSleep: 'gfp',
  source,
  misuse:
    'passing the CPU VA to dma_map_*, virt_to_page or sg_set_buf; __GFP_COMP (WARN, NULL); freeing with IRQs disabled',
  notes: 'Needs dev->coherent_dma_mask (WARN otherwise); zone GFP flags are ignored. *dma_handle is the device address.',
  ...extra,
});

const free = (name: string, params: ApiContract['params'], source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'free',
  params,
  returns: { error: 'none', type: 'void' },
  source,
  ...extra,
});

const DMA_HANDLE_OUT = p('dma_handle', 'dma-addr', undefined, { out: true });

/** Allocation and free contracts. */
export const ALLOC_CONTRACTS: readonly ApiContract[] = [
  // ── slab ──
  slab('kmalloc', [SIZE, GFP]),
  slab('kzalloc', [SIZE, GFP]),
  slab('kmalloc_node', [SIZE, GFP, p('node', 'other')]),
  slab('kzalloc_node', [SIZE, GFP, p('node', 'other')]),
  slab('kcalloc', [p('n', 'size'), SIZE, GFP]),
  slab('kmalloc_array', [p('n', 'size'), SIZE, GFP]),
  slab('krealloc', [p('p', 'buffer', KMALLOC), p('new_size', 'size'), GFP], {
    misuse: 'p = krealloc(p, ...) loses the old buffer on failure',
  }),
  slab('kmemdup', [p('src', 'buffer'), p('len', 'size'), GFP], { source: 'include/linux/string.h' }),
  slab('kmem_cache_alloc', [p('cachep', 'other'), GFP], {
    notes: 'Objects of a kmem_cache are slab memory (PageSlab true).',
  }),
  slab('kmem_cache_zalloc', [p('cachep', 'other'), GFP]),
  slab('devm_kmalloc', [DEV, SIZE, GFP], { source: DEVRES_H, notes: 'Freed automatically on driver detach.' }),
  slab('devm_kzalloc', [DEV, SIZE, GFP], { source: DEVRES_H }),
  slab('devm_kcalloc', [DEV, p('n', 'size'), SIZE, GFP], { source: DEVRES_H }),
  slab('devm_kmalloc_array', [DEV, p('n', 'size'), SIZE, GFP], { source: DEVRES_H }),
  // ── vmalloc ──
  vmallocFn('vmalloc', [SIZE]),
  vmallocFn('vzalloc', [SIZE]),
  vmallocFn('vmalloc_user', [SIZE], { notes: 'Zeroed, suitable for remap_vmalloc_range() to user space.' }),
  vmallocFn('vmalloc_node', [SIZE, p('node', 'other')]),
  vmallocFn('vmalloc_32', [SIZE]),
  vmallocFn('__vmalloc', [SIZE, GFP], {
    notes: 'Only GFP_KERNEL-compatible flags (plus scoped NOFS/NOIO) are supported: vmalloc may always sleep.',
  }),
  vmallocFn('vmap', [p('pages', 'page', STRUCT_PAGE.filter((k) => k !== 'p2pdma')), p('count', 'size'), p('flags', 'flags'), p('prot', 'other')], {
    category: 'mapping',
    notes: 'A second, vmalloc-area alias of existing pages: flush/invalidate_kernel_vmap_range around DMA on aliasing caches.',
  }),
  vmallocFn('dma_vmap_noncontiguous', [DEV, SIZE, p('sgt', 'sgt', ['dma-pages'])], {
    category: 'mapping',
    source: DMA_MAPPING_C,
  }),
  // ── kvmalloc ──
  kvmallocFn('kvmalloc', [SIZE, GFP]),
  kvmallocFn('kvzalloc', [SIZE, GFP]),
  kvmallocFn('kvmalloc_node', [SIZE, GFP, p('node', 'other')]),
  kvmallocFn('kvcalloc', [p('n', 'size'), SIZE, GFP]),
  kvmallocFn('kvmalloc_array', [p('n', 'size'), SIZE, GFP]),
  kvmallocFn('kvrealloc', [p('p', 'buffer', KVMALLOC), SIZE, GFP], {
    notes: 'Before ≈6.12 the signature was kvrealloc(p, oldsize, newsize, flags).',
  }),
  // ── page allocator ──
  pageAlloc('alloc_pages', [GFP, p('order', 'other')], 'struct page *'),
  pageAlloc('alloc_page', [GFP], 'struct page *'),
  pageAlloc('alloc_pages_node', [p('nid', 'other'), GFP, p('order', 'other')], 'struct page *'),
  pageAlloc('folio_alloc', [GFP, p('order', 'other')], 'struct folio *'),
  {
    name: '__get_free_pages',
    category: 'allocator',
    params: [GFP, p('order', 'other')],
    returns: { kind: 'ram', error: 'null', type: 'unsigned long' },
    mightSleep: 'gfp',
    source: GFP_H,
    misuse: 'passing __GFP_HIGHMEM (the page may have no kernel address); treating 0 as a valid address',
    notes: 'Returns a linear-map virtual address as unsigned long, 0 on failure.',
  },
  {
    name: '__get_free_page',
    category: 'allocator',
    params: [GFP],
    returns: { kind: 'ram', error: 'null', type: 'unsigned long' },
    mightSleep: 'gfp',
    source: GFP_H,
  },
  {
    name: 'get_zeroed_page',
    category: 'allocator',
    params: [GFP],
    returns: { kind: 'ram', error: 'null', type: 'unsigned long' },
    mightSleep: 'gfp',
    source: GFP_H,
  },
  // ── DMA allocators ──
  coherent('dma_alloc_coherent', [DEV, SIZE, DMA_HANDLE_OUT, GFP], DMA_MAPPING_H),
  coherent('dmam_alloc_coherent', [DEV, SIZE, DMA_HANDLE_OUT, GFP], DMA_MAPPING_H, {
    notes: 'Managed (freed on driver detach).',
  }),
  coherent('dma_alloc_attrs', [DEV, SIZE, DMA_HANDLE_OUT, GFP, ATTRS], DMA_MAPPING_C, {
    notes: 'With DMA_ATTR_NO_KERNEL_MAPPING the return value is an opaque cookie, not a pointer.',
  }),
  coherent('dma_alloc_wc', [DEV, SIZE, DMA_HANDLE_OUT, GFP], DMA_MAPPING_H),
  coherent('dma_pool_alloc', [p('pool', 'other'), GFP, DMA_HANDLE_OUT], 'include/linux/dmapool.h', {
    notes: 'Blocks carved out of dma_alloc_coherent() pages.',
  }),
  coherent('dma_pool_zalloc', [p('pool', 'other'), GFP, DMA_HANDLE_OUT], 'include/linux/dmapool.h'),
  {
    name: 'dma_pool_create',
    category: 'allocator',
    params: [p('name', 'other'), DEV, SIZE, p('align', 'size'), p('boundary', 'size')],
    returns: { error: 'null', type: 'struct dma_pool *' },
    mightSleep: true,
    source: 'include/linux/dmapool.h',
  },
  {
    name: 'dma_alloc_pages',
    category: 'allocator',
    params: [DEV, SIZE, DMA_HANDLE_OUT, DIR, GFP],
    returns: { kind: 'dma-pages', error: 'null', type: 'struct page *' },
    mightSleep: 'gfp',
    source: DMA_MAPPING_C,
    misuse: 'GFP zone flags or __GFP_COMP (rejected); CPU access without dma_sync_*_for_cpu',
  },
  {
    name: 'dma_alloc_noncoherent',
    category: 'allocator',
    params: [DEV, SIZE, DMA_HANDLE_OUT, DIR, GFP],
    returns: { kind: 'dma-pages', error: 'null', type: 'void *' },
    mightSleep: 'gfp',
    source: DMA_MAPPING_H,
    misuse: 'CPU access without dma_sync_single_for_cpu after device writes',
  },
  {
    name: 'dma_alloc_noncontiguous',
    category: 'allocator',
    params: [DEV, SIZE, DIR, GFP, ATTRS],
    returns: { kind: 'dma-pages', error: 'null', type: 'struct sg_table *' },
    mightSleep: 'gfp',
    source: DMA_MAPPING_C,
  },
  // ── genalloc ──
  {
    name: 'gen_pool_alloc',
    category: 'allocator',
    params: [p('pool', 'other'), SIZE],
    returns: { error: 'null', type: 'unsigned long' },
    source: 'include/linux/genalloc.h',
    notes: 'Returns 0 on failure; the memory kind is whatever was added to the pool (P2PDMA for p2pdma pools).',
  },
  {
    name: 'gen_pool_alloc_owner',
    category: 'allocator',
    params: [p('pool', 'other'), SIZE, p('owner', 'other', undefined, { out: true })],
    returns: { error: 'null', type: 'unsigned long' },
    source: 'include/linux/genalloc.h',
  },
  {
    name: 'gen_pool_dma_alloc',
    category: 'allocator',
    params: [p('pool', 'other'), SIZE, p('dma', 'dma-addr', undefined, { out: true })],
    returns: { error: 'null', type: 'void *' },
    source: 'include/linux/genalloc.h',
  },
  // ── frees ──
  free('kfree', [p('objp', 'buffer', KMALLOC)], SLAB_H, {
    misuse: 'kfree of vmalloc/kvmalloc memory (use kvfree) or of devm_ memory (double free)',
    notes: 'NULL and ZERO_SIZE_PTR are accepted.',
  }),
  free('kvfree', [p('addr', 'buffer', KVMALLOC)], SLAB_H),
  free('kmem_cache_free', [p('cachep', 'other'), p('objp', 'buffer', ['slab'])], SLAB_H),
  free('devm_kfree', [DEV, p('p', 'buffer', KMALLOC)], DEVRES_H),
  free('vfree', [p('addr', 'buffer', VMALLOC)], VMALLOC_H),
  free('vunmap', [p('addr', 'buffer', VMALLOC)], VMALLOC_H, { mightSleep: true }),
  free('__free_pages', [p('page', 'page', ['ram', 'highmem']), p('order', 'other')], GFP_H),
  free('__free_page', [p('page', 'page', ['ram', 'highmem'])], GFP_H),
  free('free_pages', [p('addr', 'buffer', ['ram']), p('order', 'other')], GFP_H),
  free('free_page', [p('addr', 'buffer', ['ram'])], GFP_H),
  free('dma_free_coherent', [DEV, SIZE, p('cpu_addr', 'buffer', ['dma-coherent']), p('dma_handle', 'dma-addr')], DMA_MAPPING_H, {
    misuse: 'calling it with IRQs disabled (dma_free_attrs WARNs)',
  }),
  free('dma_free_attrs', [DEV, SIZE, p('cpu_addr', 'buffer', ['dma-coherent']), p('dma_handle', 'dma-addr'), ATTRS], DMA_MAPPING_C),
  free('dma_free_wc', [DEV, SIZE, p('cpu_addr', 'buffer', ['dma-coherent']), p('dma_addr', 'dma-addr')], DMA_MAPPING_H),
  free('dma_pool_free', [p('pool', 'other'), p('vaddr', 'buffer', ['dma-coherent']), p('dma', 'dma-addr')], 'include/linux/dmapool.h'),
  free('dma_free_pages', [DEV, SIZE, p('page', 'page', ['dma-pages']), p('dma_handle', 'dma-addr'), DIR], DMA_MAPPING_C),
  free('dma_free_noncoherent', [DEV, SIZE, p('vaddr', 'buffer', ['dma-pages']), p('dma_handle', 'dma-addr'), DIR], DMA_MAPPING_H),
  free('dma_free_noncontiguous', [DEV, SIZE, p('sgt', 'sgt', ['dma-pages']), DIR], DMA_MAPPING_C),
  free('dma_vunmap_noncontiguous', [DEV, p('vaddr', 'buffer', ['vmalloc'])], DMA_MAPPING_C),
  free('gen_pool_free', [p('pool', 'other'), p('addr', 'other'), SIZE], 'include/linux/genalloc.h', {
    misuse: 'freeing with a size different from the allocation',
  }),
  free('gen_pool_free_owner', [p('pool', 'other'), p('addr', 'other'), SIZE, p('owner', 'other', undefined, { out: true })], 'include/linux/genalloc.h'),
];
