// Contracts of the DMA mapping API: map/unmap/sync/check, the IOVA API and the blk/DMABUF P2P paths (§B.3, B.7, B.8).

import { ATTRS, DEV, DIR, SIZE, p, type ApiContract, type ParamContract } from './types.js';
import { DMA_PAGE, DMA_SG_PAGE, MMIO_PHYS, RAM_LINEAR } from './kind-groups.js';

const DMA_H = 'include/linux/dma-mapping.h';
const MAPPING_C = 'kernel/dma/mapping.c';
const BLK_DMA_H = 'include/linux/blk-mq-dma.h';

const ADDR = p('addr', 'dma-addr');
const SG = p('sg', 'sg', DMA_SG_PAGE);
const SGT = p('sgt', 'sgt', DMA_SG_PAGE);
const NENTS = p('nents', 'nents');

const MAPPING_ERROR_MISUSE =
  'no dma_mapping_error() check; comparing to 0, to DMA_MAPPING_ERROR by hand, or with < 0 (DMA-004)';

const mapAddr = (name: string, params: readonly ParamContract[], source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'dma-map',
  params,
  returns: { error: 'dma-mapping-error', type: 'dma_addr_t' },
  source,
  misuse: MAPPING_ERROR_MISUSE,
  ...extra,
});

const voidFn = (
  name: string,
  category: ApiContract['category'],
  params: readonly ParamContract[],
  source: string,
  extra: Partial<ApiContract> = {},
): ApiContract => ({ name, category, params, returns: { error: 'none', type: 'void' }, source, ...extra });

const UNMAP_SG_NENTS = p('nents', 'nents', undefined, {
  notes: 'must be the nents passed to dma_map_sg, NOT the count it returned',
});

const SINGLE_MISUSE = `stack, vmalloc, highmem, P2PDMA or dma_alloc_coherent memory; ${MAPPING_ERROR_MISUSE}`;

const MAP_SG_NOTES =
  'Returns the number of DMA segments (≤ nents), 0 on any error, never negative: dma_map_sg_attrs squashes the negative codes of the map_sg implementation to 0. P2PDMA pages are handled by dma-direct and dma-iommu only.';

const MAP_SGTABLE_NOTES =
  '0 on success (sgt->nents set) or -EINVAL (bad argument, do not retry), -ENOMEM (out of resources such as IOVA space, retry later), -EIO (legacy/unknown), -EREMOTEIO (the device cannot reach the P2PDMA memory: "will not succeed if retried").';

/** DMA mapping contracts. */
export const DMA_CONTRACTS: readonly ApiContract[] = [
  // ── streaming maps ──
  mapAddr('dma_map_single', [DEV, p('ptr', 'buffer', RAM_LINEAR), SIZE, DIR], DMA_H, {
    misuse: SINGLE_MISUSE,
    notes: 'vmalloc addresses are rejected (dev_WARN "rejecting DMA map of vmalloc memory") and return DMA_MAPPING_ERROR.',
  }),
  mapAddr('dma_map_single_attrs', [DEV, p('ptr', 'buffer', RAM_LINEAR), SIZE, DIR, ATTRS], DMA_H, { misuse: SINGLE_MISUSE }),
  mapAddr('dma_map_page', [DEV, p('page', 'page', DMA_PAGE), p('offset', 'size'), SIZE, DIR], DMA_H, {
    misuse: `P2PDMA pages (the page API ignores the P2P map type: no bus offset, possible cache sync or bounce of MMIO; DMA-008); ${MAPPING_ERROR_MISUSE}`,
    notes: 'Any RAM page including highmem. ≈6.18+: a thin wrapper around dma_map_phys(page_to_phys(page) + offset, ...).',
  }),
  mapAddr('dma_map_page_attrs', [DEV, p('page', 'page', DMA_PAGE), p('offset', 'size'), SIZE, DIR, ATTRS], MAPPING_C, {
    misuse: `P2PDMA pages (DMA-008); ${MAPPING_ERROR_MISUSE}`,
  }),
  mapAddr('dma_map_resource', [DEV, p('phys_addr', 'phys', MMIO_PHYS), SIZE, DIR, ATTRS], MAPPING_C, {
    misuse: `RAM (kmalloc/page addresses: "mapping of RAM is not permitted"); a pci_bus_address() instead of the CPU physical address; a peer BAR without a P2P topology check (P2P-002); ${MAPPING_ERROR_MISUSE}`,
    notes: 'MMIO only. dma-direct returns phys after a dma_capable check; dma-iommu maps an IOVA with IOMMU_MMIO. Performs no P2P topology check.',
  }),
  mapAddr('dma_map_phys', [DEV, p('phys', 'phys', [...DMA_PAGE, ...MMIO_PHYS]), SIZE, DIR, ATTRS], MAPPING_C, {
    since: '≈6.18',
    misuse: `MMIO without DMA_ATTR_MMIO; RAM with DMA_ATTR_MMIO; ${MAPPING_ERROR_MISUSE}`,
    notes: 'RAM by default. With DMA_ATTR_MMIO: MMIO, no cache maintenance, no swiotlb, and dma-direct returns phys unchanged.',
  }),
  {
    name: 'dma_map_sg',
    category: 'dma-map',
    params: [DEV, SG, NENTS, DIR],
    returns: { error: 'zero-count', type: 'unsigned int' },
    source: DMA_H,
    misuse:
      'if (ret < 0); propagating the count as an errno; programming hardware with nents instead of the returned count; re-mapping an already-mapped sg (DMA-001)',
    notes: MAP_SG_NOTES,
  },
  {
    name: 'dma_map_sg_attrs',
    category: 'dma-map',
    params: [DEV, SG, NENTS, DIR, ATTRS],
    returns: { error: 'zero-count', type: 'unsigned int' },
    source: MAPPING_C,
    misuse: 'if (ret < 0); propagating the count as an errno (DMA-001)',
    notes: MAP_SG_NOTES,
  },
  {
    name: 'dma_map_sgtable',
    category: 'dma-map',
    params: [DEV, SGT, DIR, ATTRS],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: MAPPING_C,
    gpl: true,
    misuse:
      'treating the return as a count; if (!ret) fail; retrying on -EREMOTEIO; hiding -EREMOTEIO as -ENOMEM (DMA-002, P2P-003)',
    notes: MAP_SGTABLE_NOTES,
  },
  // ── unmaps ──
  voidFn('dma_unmap_single', 'dma-unmap', [DEV, ADDR, SIZE, DIR], DMA_H),
  voidFn('dma_unmap_single_attrs', 'dma-unmap', [DEV, ADDR, SIZE, DIR, ATTRS], DMA_H),
  voidFn('dma_unmap_page', 'dma-unmap', [DEV, ADDR, SIZE, DIR], DMA_H),
  voidFn('dma_unmap_page_attrs', 'dma-unmap', [DEV, ADDR, SIZE, DIR, ATTRS], MAPPING_C),
  voidFn('dma_unmap_resource', 'dma-unmap', [DEV, ADDR, SIZE, DIR, ATTRS], MAPPING_C),
  voidFn('dma_unmap_phys', 'dma-unmap', [DEV, ADDR, SIZE, DIR, ATTRS], MAPPING_C, { since: '≈6.18' }),
  voidFn('dma_unmap_sg', 'dma-unmap', [DEV, SG, UNMAP_SG_NENTS, DIR], DMA_H, {
    misuse: 'passing the mapped count returned by dma_map_sg (DMA_API_DEBUG: "frees DMA sg list with different entry count"; DMA-003)',
  }),
  voidFn('dma_unmap_sg_attrs', 'dma-unmap', [DEV, SG, UNMAP_SG_NENTS, DIR, ATTRS], MAPPING_C, {
    misuse: 'passing the mapped count returned by dma_map_sg (DMA-003)',
  }),
  voidFn('dma_unmap_sgtable', 'dma-unmap', [DEV, SGT, DIR, ATTRS], DMA_H, {
    misuse: 'calling it after hand-editing nents/orig_nents',
    notes: 'Uses orig_nents internally.',
  }),
  // ── syncs ──
  voidFn('dma_sync_single_for_cpu', 'dma-sync', [DEV, ADDR, SIZE, DIR], DMA_H, {
    notes: 'Transfers ownership to the CPU; needed before the CPU reads a live streaming mapping.',
  }),
  voidFn('dma_sync_single_for_device', 'dma-sync', [DEV, ADDR, SIZE, DIR], DMA_H),
  voidFn('dma_sync_single_range_for_cpu', 'dma-sync', [DEV, ADDR, p('offset', 'size'), SIZE, DIR], DMA_H),
  voidFn('dma_sync_single_range_for_device', 'dma-sync', [DEV, ADDR, p('offset', 'size'), SIZE, DIR], DMA_H),
  voidFn('dma_sync_sg_for_cpu', 'dma-sync', [DEV, SG, UNMAP_SG_NENTS, DIR], DMA_H, {
    misuse: 'passing the mapped count instead of the original nents (DMA-003)',
  }),
  voidFn('dma_sync_sg_for_device', 'dma-sync', [DEV, SG, UNMAP_SG_NENTS, DIR], DMA_H, {
    misuse: 'passing the mapped count instead of the original nents (DMA-003)',
  }),
  voidFn('dma_sync_sgtable_for_cpu', 'dma-sync', [DEV, SGT, DIR], DMA_H),
  voidFn('dma_sync_sgtable_for_device', 'dma-sync', [DEV, SGT, DIR], DMA_H),
  // ── checks and configuration ──
  {
    name: 'dma_mapping_error',
    category: 'dma-check',
    params: [DEV, p('dma_addr', 'dma-addr')],
    returns: { error: 'none', type: 'int' },
    source: DMA_H,
    notes: '-ENOMEM if dma_addr == DMA_MAPPING_ERROR, else 0 (an int, not a bool); records "checked" for DMA_API_DEBUG.',
  },
  {
    name: 'dma_need_sync',
    category: 'dma-check',
    params: [DEV, p('dma_addr', 'dma-addr')],
    returns: { error: 'none', type: 'bool' },
    source: DMA_H,
  },
  {
    name: 'dma_need_unmap',
    category: 'dma-check',
    params: [DEV],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.16',
    source: DMA_H,
    misuse: 'calling it before all mappings are done',
    notes: 'False means unmap may be skipped (dma-direct, coherent, no swiotlb, no DMA_API_DEBUG).',
  },
  {
    name: 'dma_pci_p2pdma_supported',
    category: 'dma-check',
    params: [DEV],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.0',
    source: MAPPING_C,
    gpl: true,
    notes: 'True iff the device uses dma-direct or dma-iommu (get_dma_ops() is NULL); custom dma_map_ops never support P2PDMA (DMA-009).',
  },
  {
    name: 'dma_set_mask_and_coherent',
    category: 'dma-check',
    params: [DEV, p('mask', 'other')],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: DMA_H,
    notes: '0 or -EIO; never fails for masks of 32 bits or more (dma-api-howto).',
  },
  {
    name: 'dma_set_mask',
    category: 'dma-check',
    params: [DEV, p('mask', 'other')],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: MAPPING_C,
  },
  {
    name: 'dma_set_coherent_mask',
    category: 'dma-check',
    params: [DEV, p('mask', 'other')],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: MAPPING_C,
  },
  {
    name: 'dma_get_sgtable',
    category: 'dma-map',
    params: [DEV, p('sgt', 'sgt'), p('cpu_addr', 'buffer', ['dma-coherent']), p('dma_addr', 'dma-addr'), SIZE],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: DMA_H,
    misuse: 'using it outside DMABUF export: kernel/dma/mapping.c calls it "fundamentally unsafe"',
  },
  {
    name: 'dma_get_sgtable_attrs',
    category: 'dma-map',
    params: [DEV, p('sgt', 'sgt'), p('cpu_addr', 'buffer', ['dma-coherent']), p('dma_addr', 'dma-addr'), SIZE, ATTRS],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: MAPPING_C,
  },
  {
    name: 'dma_mmap_coherent',
    category: 'dma-map',
    params: [DEV, p('vma', 'other'), p('cpu_addr', 'buffer', ['dma-coherent']), p('dma_addr', 'dma-addr'), SIZE],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    source: DMA_H,
  },
  // ── IOVA API (≈6.16+) ──
  {
    name: 'dma_iova_try_alloc',
    category: 'dma-iova',
    params: [DEV, p('state', 'other'), p('phys', 'phys'), SIZE],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.16',
    source: DMA_H,
    notes: 'false means "use the normal DMA API", not an error.',
  },
  {
    name: 'dma_use_iova',
    category: 'dma-iova',
    params: [p('state', 'other')],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.16',
    source: DMA_H,
  },
  {
    name: 'dma_iova_link',
    category: 'dma-iova',
    params: [DEV, p('state', 'other'), p('phys', 'phys', [...DMA_PAGE, ...MMIO_PHYS]), p('offset', 'size'), SIZE, DIR, ATTRS],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    since: '≈6.16',
    source: DMA_H,
    misuse: 'linking P2P BUS_ADDR ranges into an IOVA (they must bypass it); a non-first link not aligned to dma_get_merge_boundary()',
  },
  {
    name: 'dma_iova_sync',
    category: 'dma-iova',
    params: [DEV, p('state', 'other'), p('offset', 'size'), SIZE],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    since: '≈6.16',
    source: DMA_H,
    misuse: 'forgetting it after the last dma_iova_link',
    notes: 'On error it unmaps the range.',
  },
  voidFn('dma_iova_unlink', 'dma-iova', [DEV, p('state', 'other'), p('offset', 'size'), SIZE, DIR, ATTRS], DMA_H, { since: '≈6.16' }),
  voidFn('dma_iova_destroy', 'dma-iova', [DEV, p('state', 'other'), p('mapped_len', 'size'), DIR, ATTRS], DMA_H, { since: '≈6.16' }),
  voidFn('dma_iova_free', 'dma-iova', [DEV, p('state', 'other')], DMA_H, {
    since: '≈6.16',
    misuse: 'freeing while ranges are still linked',
  }),
  // ── block layer (≈6.17+) ──
  {
    name: 'blk_rq_dma_map_iter_start',
    category: 'block',
    params: [p('req', 'other'), p('dma_dev', 'dev'), p('state', 'other'), p('iter', 'other')],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.17',
    source: BLK_DMA_H,
    notes:
      'true when a segment was mapped; false at the end OR on error (check iter->status). The P2P map type is decided from the first segment only: BUS_ADDR sets REQ_P2PDMA, THRU_HOST_BRIDGE sets REQ_MMIO + DMA_ATTR_MMIO, NOT_SUPPORTED gives BLK_STS_INVAL.',
  },
  {
    name: 'blk_rq_dma_map_iter_next',
    category: 'block',
    params: [p('req', 'other'), p('dma_dev', 'dev'), p('state', 'other'), p('iter', 'other')],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.17',
    source: BLK_DMA_H,
  },
  {
    name: 'blk_rq_dma_unmap',
    category: 'block',
    params: [p('req', 'other'), p('dma_dev', 'dev'), p('state', 'other'), p('mapped_len', 'size')],
    returns: { error: 'none', type: 'bool' },
    since: '≈6.17',
    source: BLK_DMA_H,
    notes: 'true: nothing left to do (P2P bus addresses or IOVA destroyed); false: the caller must unmap each segment.',
  },
  {
    name: 'blk_rq_map_sg',
    category: 'block',
    params: [p('rq', 'other'), p('sglist', 'sg')],
    returns: { error: 'none', type: 'int' },
    source: 'include/linux/blk-mq.h',
    notes: 'The legacy sg path; merges with biovec_phys_mergeable (pgmap-aware since a 2026 stable fix).',
  },
  // ── DMABUF (≈6.19+) ──
  {
    name: 'dma_buf_phys_vec_to_sgt',
    category: 'dmabuf',
    params: [p('attach', 'other'), p('provider', 'other', ['p2p-provider']), p('phys_vec', 'phys', ['p2p-provider', 'iomem']), p('nr_ranges', 'nents'), SIZE, DIR],
    returns: { error: 'err-ptr', type: 'struct sg_table *' },
    mightSleep: true,
    since: '≈6.19',
    source: 'include/linux/dma-buf-mapping.h',
    gpl: true,
    notes: 'For MMIO exporters: builds a DMA-address-only table (NULL pages, orig_nents 0). Importers must never read sg_page().',
  },
  voidFn('dma_buf_free_sgt', 'dmabuf', [p('attach', 'other'), p('sgt', 'sgt'), DIR], 'include/linux/dma-buf-mapping.h', { since: '≈6.19' }),
];
