// Named sets of memory kinds that many contracts accept, so each set is stated (and reviewed) once.

import type { MemoryKindId } from '../kinds.js';

/** Linear-map RAM that DMA-maps like ordinary memory (A.1 rows 1, 3, 3b, 8a, 10, 11, 13). */
export const RAM_LINEAR: readonly MemoryKindId[] = [
  'ram',
  'slab',
  'kmalloc-large',
  'memremap-ram',
  'zd-fsdax',
  'zd-generic',
  'zd-coherent',
];

/**
 * Addresses valid for virt_to_page()/sg_set_buf(): the linear map (A.2 note 1). P2PDMA KVAs and
 * dma_alloc_noncoherent memory are linear too (rows 9b, 14).
 */
export const LINEAR_VA: readonly MemoryKindId[] = [...RAM_LINEAR, 'dma-pages', 'p2pdma'];

/** Real, initialised struct pages (rows 1–4 per page, 8a, 9b, 10, 11, 13, 14). */
export const STRUCT_PAGE: readonly MemoryKindId[] = [
  'ram',
  'highmem',
  'slab',
  'kmalloc-large',
  'vmalloc',
  'memremap-ram',
  'dma-pages',
  'zd-fsdax',
  'zd-generic',
  'zd-coherent',
  'p2pdma',
];

/** Pages whose flags may be tested (struct-page kinds, plus device-private pages). */
export const FLAG_SAFE_PAGE: readonly MemoryKindId[] = [...STRUCT_PAGE, 'zd-private'];

/** Pages dma_map_page()/dma_map_phys() without DMA_ATTR_MMIO may map (RAM, including highmem). */
export const DMA_PAGE: readonly MemoryKindId[] = [
  'ram',
  'highmem',
  'slab',
  'kmalloc-large',
  'vmalloc',
  'memremap-ram',
  'zd-fsdax',
  'zd-generic',
  'zd-coherent',
];

/** Pages the P2P-aware sg mappers (dma-direct, dma-iommu map_sg) accept. */
export const DMA_SG_PAGE: readonly MemoryKindId[] = [...DMA_PAGE, 'p2pdma'];

/** Addresses only MMIO accessors may touch. */
export const MMIO: readonly MemoryKindId[] = ['iomem', 'p2pdma'];

/** Physical ranges of MMIO (dma_map_resource, DMA_ATTR_MMIO). */
export const MMIO_PHYS: readonly MemoryKindId[] = ['iomem', 'raw-pfn', 'p2p-provider'];

/** Memory the CPU may access with plain loads and stores. */
export const CPU_NORMAL: readonly MemoryKindId[] = [
  'ram',
  'slab',
  'kmalloc-large',
  'vmalloc',
  'kvmalloc',
  'stack',
  'kernel-image',
  'memremap-ram',
  'memremap-nonram',
  'dma-coherent',
  'dma-pages',
  'zd-fsdax',
  'zd-generic',
  'zd-coherent',
];

/** Pointers kfree() accepts. */
export const KMALLOC: readonly MemoryKindId[] = ['slab', 'kmalloc-large'];

/** Pointers vfree() accepts. */
export const VMALLOC: readonly MemoryKindId[] = ['vmalloc'];

/** Pointers kvfree() accepts. */
export const KVMALLOC: readonly MemoryKindId[] = ['slab', 'kmalloc-large', 'vmalloc', 'kvmalloc'];
