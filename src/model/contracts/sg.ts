// Contracts of the scatterlist API (kernel-model.md §B.2; include/linux/scatterlist.h, lib/scatterlist.c).

import { GFP, p, type ApiContract, type ParamContract } from './types.js';
import { CPU_NORMAL, LINEAR_VA, STRUCT_PAGE } from './kind-groups.js';

const SG_H = 'include/linux/scatterlist.h';

const SG = p('sg', 'sg');
const SGL = p('sgl', 'sg');
const SGT = p('sgt', 'sgt');
const NENTS = p('nents', 'nents');

const sg = (
  name: string,
  params: readonly ParamContract[],
  returns: ApiContract['returns'],
  extra: Partial<ApiContract> = {},
): ApiContract => ({ name, category: 'sg', params, returns, source: SG_H, ...extra });

const VOID = { error: 'none', type: 'void' } as const;
const ZERO_OR_ERRNO = { error: 'zero-success-negative-errno', type: 'int' } as const;

/** Pages the CPU-copying sg helpers may walk: struct pages with normal CPU access. */
const CPU_COPY_SG: ParamContract['accepts'] = STRUCT_PAGE.filter((k) => k !== 'p2pdma');

const MARK_ONLY_FOR_IMPLEMENTATIONS =
  'drivers setting or clearing it: "should only be used by dma_map_sg() implementations" (P2P-004)';

const copy = (name: string, params: readonly ParamContract[]): ApiContract =>
  sg(name, params, { error: 'none', type: 'size_t' }, {
    misuse: 'sg lists holding P2PDMA or non-struct-page memory (the helper memcpys through a kmap); ignoring a short copy',
    notes: 'Returns the number of bytes copied; uses sg_miter with SG_MITER_LOCAL.',
  });

/** Scatterlist contracts. */
export const SG_CONTRACTS: readonly ApiContract[] = [
  sg('sg_init_table', [SGL, NENTS], VOID, {
    notes: 'Zeroes the entries and marks the last one as the end; required before filling a stack or kmalloc array of entries.',
  }),
  sg('sg_init_one', [SG, p('buf', 'buffer', LINEAR_VA), p('buflen', 'size')], VOID, {
    misuse: 'stack, vmalloc, kvmalloc, ioremap, memremap-non-RAM, coherent-DMA or module buffers [certain]',
    notes: 'sg_init_table(sg, 1) + sg_set_buf(): the buffer must be linear-map memory.',
  }),
  sg('sg_set_page', [SG, p('page', 'page', STRUCT_PAGE), p('len', 'size'), p('offset', 'size')], VOID, {
    misuse: 'a page pointer made from a VA outside the linear map (virt_to_page of ioremap/vmalloc/stack memory); a NULL page',
    notes: 'offset may exceed PAGE_SIZE for physically contiguous multi-page ranges.',
  }),
  sg('sg_set_folio', [SG, p('folio', 'page', STRUCT_PAGE), p('len', 'size'), p('offset', 'size')], VOID, {
    notes: 'As sg_set_page for folios; WARNs if len or offset exceeds UINT_MAX.',
  }),
  sg('sg_set_buf', [SG, p('buf', 'buffer', LINEAR_VA), p('buflen', 'size')], VOID, {
    misuse: 'stack, vmalloc, kvmalloc, ioremap, memremap-non-RAM, coherent-DMA or module buffers [certain]',
    notes: 'Equivalent to sg_set_page(sg, virt_to_page(buf), len, offset_in_page(buf)); CONFIG_DEBUG_SG BUG_ONs on !virt_addr_valid(buf).',
  }),
  sg('sg_page', [SG], { error: 'none', type: 'struct page *' }, {
    misuse: 'dereferencing it in a DMABUF importer (CONFIG_DMABUF_DEBUG scrambles page_link)',
  }),
  sg('sg_virt', [SG], { error: 'none', type: 'void *' }, {
    misuse: 'highmem pages (NULL + offset); P2PDMA pages (an MMIO alias: no memcpy); NULL-page DMABUF entries',
    notes: '"Caller must know that the sg page has a valid virtual mapping."',
  }),
  sg('sg_phys', [SG], { error: 'none', type: 'dma_addr_t' }, {
    misuse: 'NULL pages; treating the CPU physical address as a dma_addr_t',
  }),
  sg('sg_next', [SG], { error: 'null', type: 'struct scatterlist *' }, { notes: 'NULL at the end of the list; follows chain links.' }),
  sg('sg_last', [SGL, NENTS], { error: 'none', type: 'struct scatterlist *' }),
  sg('sg_chain', [p('prv', 'sg'), p('prv_nents', 'nents'), SGL], VOID),
  sg('sg_mark_end', [SG], VOID),
  sg('sg_unmark_end', [SG], VOID),
  sg('sg_nents', [SG], { error: 'none', type: 'int' }),
  sg('sg_nents_for_len', [SG, p('len', 'size')], { error: 'negative-errno', type: 'int' }, {
    notes: '-EINVAL when the list is shorter than len.',
  }),
  sg('for_each_sg', [p('sglist', 'sg'), SG, p('nr', 'nents'), p('i', 'other')], VOID, {
    misuse: 'programming hardware after dma_map_sg with the nents passed in instead of the returned count (SG-008)',
  }),
  sg('for_each_sgtable_sg', [SGT, SG, p('i', 'other')], VOID, {
    misuse: 'reading sg_dma_address/sg_dma_len inside it: it walks orig_nents, the CPU view (SG-008)',
  }),
  sg('for_each_sgtable_dma_sg', [SGT, SG, p('i', 'other')], VOID, {
    misuse: 'reading sg_page/sg->length inside it, or using it before mapping: it walks nents, the DMA view (SG-008)',
  }),
  sg('sg_dma_address', [SG], { error: 'none', type: 'dma_addr_t' }, {
    misuse: 'use before a successful map, after unmap, or past the mapped count (DMA-005)',
  }),
  sg('sg_dma_len', [SG], { error: 'none', type: 'unsigned int' }, {
    misuse: 'use before a successful map; without CONFIG_NEED_SG_DMA_LENGTH it aliases ->length, hiding use-before-map bugs',
  }),
  sg('sg_dma_mark_bus_address', [SG], VOID, {
    misuse: MARK_ONLY_FOR_IMPLEMENTATIONS,
    notes: 'A marked segment holds a PCI bus address that must not be unmapped. No-op without CONFIG_NEED_SG_DMA_FLAGS.',
  }),
  sg('sg_dma_unmark_bus_address', [SG], VOID, { misuse: MARK_ONLY_FOR_IMPLEMENTATIONS }),
  sg('sg_dma_is_bus_address', [SG], { error: 'none', type: 'bool' }, {
    notes: 'Drivers may read it; false without CONFIG_NEED_SG_DMA_FLAGS.',
  }),
  sg('sg_dma_is_swiotlb', [SG], { error: 'none', type: 'bool' }),
  sg('sg_dma_mark_swiotlb', [SG], VOID, { misuse: 'drivers using it: set by dma-iommu on the first sg of a bounced list' }),
  sg('sg_alloc_table', [SGT, NENTS, GFP], ZERO_OR_ERRNO, {
    mightSleep: 'gfp',
    source: 'lib/scatterlist.c',
    notes: '0, -ENOMEM or -EINVAL; frees on failure; chains beyond SG_MAX_SINGLE_ALLOC.',
  }),
  sg('sg_free_table', [SGT], VOID, { source: 'lib/scatterlist.c' }),
  sg('sg_alloc_table_from_pages', [SGT, p('pages', 'page', STRUCT_PAGE), p('n_pages', 'nents'), p('offset', 'size'), p('size', 'size'), GFP], ZERO_OR_ERRNO, {
    mightSleep: 'gfp',
    notes: 'Merges physically contiguous pages only if zone_device_pages_have_same_pgmap(); release with sg_free_table.',
  }),
  sg('sg_alloc_table_from_pages_segment', [SGT, p('pages', 'page', STRUCT_PAGE), p('n_pages', 'nents'), p('offset', 'size'), p('size', 'size'), p('max_segment', 'size'), GFP], ZERO_OR_ERRNO, {
    mightSleep: 'gfp',
  }),
  sg('sg_alloc_append_table_from_pages', [p('sgt_append', 'sgt'), p('pages', 'page', STRUCT_PAGE), p('n_pages', 'nents'), p('offset', 'size'), p('size', 'size'), p('max_segment', 'size'), p('left_pages', 'nents'), GFP], ZERO_OR_ERRNO, {
    mightSleep: 'gfp',
    source: 'lib/scatterlist.c',
    misuse: 'freeing with sg_free_table instead of sg_free_append_table on error',
    notes: '-EINVAL if max_segment < PAGE_SIZE or offset != 0 on an append; -EOPNOTSUPP on ARCH_NO_SG_CHAIN; -ENOMEM.',
  }),
  sg('sg_free_append_table', [p('sgt_append', 'sgt')], VOID, { source: 'lib/scatterlist.c' }),
  sg('__sg_alloc_table_from_pages', [SGT, p('pages', 'page', STRUCT_PAGE), p('n_pages', 'nents'), p('offset', 'size'), p('size', 'size'), p('max_segment', 'size'), GFP], ZERO_OR_ERRNO, {
    removedIn: '≈5.15',
    replacement: 'sg_alloc_append_table_from_pages or sg_alloc_table_from_pages_segment',
  }),
  sg('sg_miter_start', [p('miter', 'other'), SGL, NENTS, p('flags', 'flags')], VOID, {
    source: 'lib/scatterlist.c',
    misuse: 'flags without SG_MITER_TO_SG or SG_MITER_FROM_SG (WARN); lists with P2PDMA, MMIO or non-struct-page memory',
    notes: 'SG_MITER_ATOMIC uses kmap_atomic (page faults stay disabled until stop); SG_MITER_LOCAL uses kmap_local_page; neither means kmap (may sleep).',
  }),
  sg('sg_miter_next', [p('miter', 'other')], { error: 'none', type: 'bool' }, { source: 'lib/scatterlist.c' }),
  sg('sg_miter_skip', [p('miter', 'other'), p('offset', 'size')], { error: 'none', type: 'bool' }, { source: 'lib/scatterlist.c' }),
  sg('sg_miter_stop', [p('miter', 'other')], VOID, {
    source: 'lib/scatterlist.c',
    misuse: 'patches adding pfn_valid/virt_addr_valid guards to tolerate bogus pages (NAKed in 2019; SG-002)',
    notes: 'Calls flush_dcache_page(page) for SG_MITER_TO_SG, then unmaps; before ≈5.15 it tested PageSlab first.',
  }),
  copy('sg_copy_buffer', [SGL, NENTS, p('buf', 'buffer', CPU_NORMAL), p('buflen', 'size'), p('skip', 'size'), p('to_buffer', 'other')]),
  copy('sg_copy_from_buffer', [p('sgl', 'sg', CPU_COPY_SG), NENTS, p('buf', 'buffer', CPU_NORMAL), p('buflen', 'size')]),
  copy('sg_copy_to_buffer', [p('sgl', 'sg', CPU_COPY_SG), NENTS, p('buf', 'buffer', CPU_NORMAL), p('buflen', 'size')]),
  copy('sg_pcopy_from_buffer', [p('sgl', 'sg', CPU_COPY_SG), NENTS, p('buf', 'buffer', CPU_NORMAL), p('buflen', 'size'), p('skip', 'size')]),
  copy('sg_pcopy_to_buffer', [p('sgl', 'sg', CPU_COPY_SG), NENTS, p('buf', 'buffer', CPU_NORMAL), p('buflen', 'size'), p('skip', 'size')]),
  copy('sg_zero_buffer', [p('sgl', 'sg', CPU_COPY_SG), NENTS, p('buflen', 'size'), p('skip', 'size')]),
  sg('sgl_alloc', [p('length', 'size'), GFP, p('nent_p', 'nents', undefined, { out: true })], { kind: 'ram', error: 'null', type: 'struct scatterlist *' }, {
    mightSleep: 'gfp',
    misuse: 'mixing up sgl_free and sg_free_table',
    notes: 'Needs CONFIG_SGL_ALLOC.',
  }),
  sg('sgl_alloc_order', [p('length', 'size'), p('order', 'other'), p('chainable', 'other'), GFP, p('nent_p', 'nents', undefined, { out: true })], { kind: 'ram', error: 'null', type: 'struct scatterlist *' }, {
    mightSleep: 'gfp',
  }),
  sg('sgl_free', [SGL], VOID),
  sg('extract_iter_to_sg', [p('iter', 'other'), p('len', 'size'), SGT, p('sg_max', 'nents'), p('extraction_flags', 'flags')], { error: 'count-or-negative-errno', type: 'ssize_t' }, {
    source: 'lib/scatterlist.c',
    notes: 'User-backed iterators are pinned (unpin on failure); bvec and kvec iterators are not.',
  }),
];
