// Memory kinds (kernel-model.md §A.1) as data, with the properties that depend on the platform's config.

import type { KconfigSymbol, KernelConfig } from './kconfig.js';

/** Every kind of memory a kernel pointer, page or pfn can refer to (A.1 rows, plus user pointers). */
export type MemoryKindId =
  | 'ram'
  | 'highmem'
  | 'slab'
  | 'kmalloc-large'
  | 'vmalloc'
  | 'kvmalloc'
  | 'stack'
  | 'kernel-image'
  | 'iomem'
  | 'memremap-ram'
  | 'memremap-nonram'
  | 'dma-coherent'
  | 'dma-pages'
  | 'zd-fsdax'
  | 'zd-generic'
  | 'zd-private'
  | 'zd-coherent'
  | 'p2pdma'
  | 'raw-pfn'
  | 'p2p-provider'
  | 'user';

/** A yes/no answer, or 'depends' when it cannot be decided without run-time information. */
export type Tri = boolean | 'depends';

/** A property whose value follows one Kconfig symbol. */
export interface ConfigDependent {
  config: KconfigSymbol;
  ifSet: boolean;
  ifUnset: boolean;
}

/** The value of a kind property in the table: fixed, undecidable, or config-dependent. */
export type KindValue = Tri | ConfigDependent;

/** The properties that {@link kindProperty} can answer. */
export type KindProperty =
  | 'hasStructPage'
  | 'linear'
  | 'kmap'
  | 'pageFlagsSafe'
  | 'sgSetPage'
  | 'sgSetBuf'
  | 'dmaMapSingle';

/** One row of the memory-kind table. */
export interface MemoryKind {
  id: MemoryKindId;
  label: string;
  /** Row number in kernel-model.md §A.1 ("5/5b" when a config picks the row). */
  row: string;
  /** A valid, initialised struct page exists. */
  hasStructPage: KindValue;
  /** The address is in the linear map, so virt_to_page()/virt_addr_valid() are valid. */
  linear: KindValue;
  /** kmap_local_page() on its page gives a usable CPU pointer. */
  kmap: KindValue;
  /** How the CPU may touch it: plain loads/stores, MMIO accessors only, or not at all. */
  cpuAccess: 'normal' | 'mmio' | 'none';
  /** PageSlab()/PageHighMem()/page-type tests on its page are meaningful and safe. */
  pageFlagsSafe: KindValue;
  /** May be put in a scatterlist with sg_set_page(). */
  sgSetPage: KindValue;
  /** May be put in a scatterlist with sg_set_buf()/sg_init_one(). */
  sgSetBuf: KindValue;
  /** May be mapped with dma_map_single(). */
  dmaMapSingle: KindValue;
  /** How to get a dma_addr_t for it. */
  dmaHow: string;
  /** How code typically obtains this kind (producer APIs). */
  obtainedBy: string;
  /** Kernel files that establish the facts of this row. */
  sources: string[];
  /** The kind can only exist when these symbols have these values (e.g. highmem needs HIGHMEM=y). */
  requires?: { config: KconfigSymbol; value: boolean }[];
  /** What the kind becomes on platforms where it cannot exist (highmem → ram on 64-bit). */
  degradesTo?: MemoryKindId;
  /** First kernel version where this kind exists ("≈" = inferred); absent = long-standing. */
  since?: string;
  notes?: string;
}

/** The subset of a platform that kind properties depend on. */
export interface KindPlatform {
  kernelConfig: KernelConfig;
}

const dep = (config: KconfigSymbol, ifSet: boolean, ifUnset: boolean): ConfigDependent => ({
  config,
  ifSet,
  ifUnset,
});

const LIKE_RAM_DMA =
  'dma_map_page / dma_map_sg / dma_map_sgtable, dma_map_single(page_address(..)), dma_map_phys (≈6.18+)';

/** The master table (§A.1). Frozen; look rows up with {@link memoryKind}. */
export const MEMORY_KINDS: readonly MemoryKind[] = Object.freeze([
  {
    id: 'ram',
    label: 'normal lowmem RAM',
    row: '1',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: LIKE_RAM_DMA,
    obtainedBy: 'alloc_pages(GFP_KERNEL), __get_free_pages, folio_alloc',
    sources: ['include/linux/gfp.h', 'mm/page_alloc.c', 'include/linux/mm.h'],
  },
  {
    id: 'highmem',
    label: 'highmem page',
    row: '2',
    hasStructPage: true,
    // page_address() is NULL unless the page is kmapped (include/linux/highmem.h).
    linear: dep('HIGHMEM', false, true),
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: dep('HIGHMEM', false, true),
    dmaMapSingle: dep('HIGHMEM', false, true),
    dmaHow: 'dma_map_page / dma_map_sg; never dma_map_single (there is no permanent kernel VA)',
    obtainedBy: 'alloc_pages(__GFP_HIGHMEM), GFP_HIGHUSER*, user pages from GUP, page cache',
    sources: ['include/linux/highmem.h', 'include/linux/gfp_types.h', 'include/linux/scatterlist.h'],
    requires: [{ config: 'HIGHMEM', value: true }],
    degradesTo: 'ram',
    notes:
      'Only 32-bit kernels with CONFIG_HIGHMEM have highmem; elsewhere __GFP_HIGHMEM pages are ordinary lowmem. CPU access only through kmap_local_page().',
  },
  {
    id: 'slab',
    label: 'slab object (kmalloc ≤ KMALLOC_MAX_CACHE_SIZE, kmem_cache_alloc)',
    row: '3',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow:
      'dma_map_single; the buffer must not share cache lines with CPU-written data (kmalloc guarantees ARCH_DMA_MINALIGN or bounces small buffers)',
    obtainedBy: 'kmalloc, kzalloc, kcalloc, kmem_cache_alloc, devm_kzalloc',
    sources: ['include/linux/slab.h', 'mm/slub.c', 'include/linux/page-flags.h'],
    notes:
      'PageSlab() is true. Do not take page references on slab memory (zero-copy paths such as sendpage_ok() reject slab pages). kmalloc(0) returns ZERO_SIZE_PTR, which must never reach an sg.',
  },
  {
    id: 'kmalloc-large',
    label: 'large kmalloc (> KMALLOC_MAX_CACHE_SIZE, from the page allocator)',
    row: '3b',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: 'as slab: dma_map_single',
    obtainedBy: 'kmalloc of more than KMALLOC_MAX_CACHE_SIZE bytes',
    sources: ['include/linux/slab.h', 'mm/slub.c'],
    notes: 'PageSlab() is false on these pages: they come straight from the page allocator.',
  },
  {
    id: 'vmalloc',
    label: 'vmalloc / vzalloc / vmap area',
    row: '4',
    // Each backing page is real, reached through vmalloc_to_page(), never virt_to_page().
    hasStructPage: true,
    linear: false,
    kmap: false,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'never dma_map_single (rejected with a WARN, returns DMA_MAPPING_ERROR); build an sg from vmalloc_to_page() pages with flush/invalidate_kernel_vmap_range, or use dma_alloc_noncontiguous + dma_vmap_noncontiguous',
    obtainedBy: 'vmalloc, vzalloc, vmalloc_user, __vmalloc, vmap',
    sources: ['include/linux/vmalloc.h', 'mm/vmalloc.c', 'include/linux/dma-mapping.h'],
    notes:
      'Page properties hold for vmalloc_to_page() results only; virt_to_page() on a vmalloc address is garbage. sg_set_page takes one entry per underlying page.',
  },
  {
    id: 'kvmalloc',
    label: 'kvmalloc / kvzalloc (slab or vmalloc, chosen at run time)',
    row: '4b',
    hasStructPage: 'depends',
    linear: 'depends',
    kmap: 'depends',
    cpuAccess: 'normal',
    pageFlagsSafe: 'depends',
    sgSetPage: 'depends',
    sgSetBuf: 'depends',
    dmaMapSingle: 'depends',
    dmaHow: 'treat as vmalloc unless the code branches on is_vmalloc_addr()',
    obtainedBy: 'kvmalloc, kvzalloc, kvcalloc, kvmalloc_array, kvrealloc',
    sources: ['mm/util.c', 'include/linux/slab.h'],
    notes: 'Small requests come from kmalloc, large ones (or failed kmalloc) from vmalloc.',
  },
  {
    id: 'stack',
    label: 'kernel stack buffer',
    row: '5/5b',
    hasStructPage: true,
    // With VMAP_STACK the stack lives in the vmalloc area (arch/Kconfig).
    linear: dep('VMAP_STACK', false, true),
    kmap: dep('VMAP_STACK', false, true),
    cpuAccess: 'normal',
    pageFlagsSafe: dep('VMAP_STACK', false, true),
    // Forbidden either way: cache-line sharing and object lifetime (dma-api-howto.rst).
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'never: DMA debug reports "device driver maps memory from stack"; kmalloc the buffer instead',
    obtainedBy: 'address of a local variable or array',
    sources: ['arch/Kconfig', 'kernel/dma/debug.c', 'Documentation/core-api/dma-api-howto.rst'],
    notes:
      'Row 5 (VMAP_STACK=y, the default on x86-64 and arm64): vmalloc address, virt_to_page() is garbage. Row 5b (VMAP_STACK=n): linear, but still forbidden for DMA.',
  },
  {
    id: 'kernel-image',
    label: 'kernel image or module static data (.data, .bss, .rodata, module globals)',
    row: '6',
    hasStructPage: 'depends',
    linear: 'depends',
    kmap: false,
    cpuAccess: 'normal',
    pageFlagsSafe: 'depends',
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: 'never: no kernel or module image addresses (dma-api-howto.rst); DMA debug checks for them',
    obtainedBy: 'static or global variables, string literals, module data',
    sources: ['kernel/dma/debug.c', 'Documentation/core-api/dma-api-howto.rst'],
    notes:
      'Image data is in the linear map on some architectures only (x86 translates kernel-text addresses in __pa); module data lives in the vmalloc-like module area.',
  },
  {
    id: 'iomem',
    label: 'ioremap family (__iomem)',
    row: '7',
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: 'mmio',
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'not for the owning device; for a peer: dma_map_resource(peer, cpu_phys) or dma_map_phys(..., DMA_ATTR_MMIO) (≈6.18+) after a P2P topology check; never virt_to_phys(ioaddr)',
    obtainedBy:
      'ioremap, ioremap_wc, ioremap_uc, ioremap_cache, devm_ioremap*, devm_platform_ioremap_resource, pci_iomap*, pcim_iomap*',
    sources: ['include/linux/io.h', 'include/asm-generic/io.h', 'drivers/pci/iomap.c', 'lib/devres.c'],
    notes: 'Only readX/writeX, ioreadX/iowriteX, memcpy_toio/fromio and memset_io may touch it.',
  },
  {
    id: 'memremap-ram',
    label: 'memremap(MEMREMAP_WB) of System RAM',
    row: '8a',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: 'as RAM: ' + LIKE_RAM_DMA,
    obtainedBy: 'memremap(phys, size, MEMREMAP_WB) on a System RAM range (returns __va())',
    sources: ['kernel/iomem.c'],
  },
  {
    id: 'memremap-nonram',
    label: 'memremap of non-RAM (reserved carve-out, device memory, pmem without pgmap)',
    row: '8b',
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: 'normal',
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'device-specific: usually reserved-memory + dma_alloc_coherent, or dma_map_resource for MMIO-like ranges',
    obtainedBy: 'memremap(WB/WT/WC) or devm_memremap on a range that is not System RAM',
    sources: ['kernel/iomem.c'],
    notes: 'Plain loads/stores work (no __iomem, no side effects), but there is no struct page unless devm_memremap_pages registered it.',
  },
  {
    id: 'dma-coherent',
    label: 'dma_alloc_coherent / dma_alloc_attrs CPU pointer',
    row: '9',
    hasStructPage: 'depends',
    linear: 'depends',
    kmap: false,
    cpuAccess: 'normal',
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'already mapped: use the returned dma_handle; never pass the CPU VA to dma_map_* (dma_get_sgtable is "fundamentally unsafe")',
    obtainedBy: 'dma_alloc_coherent, dmam_alloc_coherent, dma_alloc_attrs, dma_alloc_wc, dma_pool_alloc',
    sources: ['kernel/dma/mapping.c', 'include/linux/dma-mapping.h'],
    notes:
      'The VA may be linear or remapped into vmalloc space, and declared-coherent pools have no struct page. With DMA_ATTR_NO_KERNEL_MAPPING it is an opaque cookie.',
  },
  {
    id: 'dma-pages',
    label: 'dma_alloc_pages / dma_alloc_noncoherent / dma_alloc_noncontiguous memory',
    row: '9b',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: false,
    dmaHow: 'already mapped (handle returned); transfer ownership with dma_sync_*_for_cpu/_for_device',
    obtainedBy: 'dma_alloc_pages, dma_alloc_noncoherent, dma_alloc_noncontiguous',
    sources: ['kernel/dma/mapping.c', 'include/linux/dma-mapping.h'],
    notes: 'dma_alloc_noncoherent returns page_address() of real pages; dma_vmap_noncontiguous gives a vmalloc alias.',
  },
  {
    id: 'zd-fsdax',
    label: 'ZONE_DEVICE MEMORY_DEVICE_FS_DAX (pmem under a DAX filesystem)',
    row: '10',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: 'like RAM; GUP allowed, but FOLL_LONGTERM is refused on fsdax VMAs (-EOPNOTSUPP)',
    obtainedBy: 'devm_memremap_pages with MEMORY_DEVICE_FS_DAX (nvdimm/pmem), DAX file mappings',
    sources: ['include/linux/memremap.h', 'mm/memremap.c', 'mm/gup.c'],
    requires: [{ config: 'ZONE_DEVICE', value: true }],
    notes: 'memremap_pages maps it with pgprot_decrypted; machine-check-safe copies are recommended.',
  },
  {
    id: 'zd-generic',
    label: 'ZONE_DEVICE MEMORY_DEVICE_GENERIC (device-dax, hmem)',
    row: '11',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: 'like RAM; long-term pinnable',
    obtainedBy: 'devm_memremap_pages with MEMORY_DEVICE_GENERIC (/dev/daxX.Y)',
    sources: ['include/linux/memremap.h', 'mm/memremap.c'],
    requires: [{ config: 'ZONE_DEVICE', value: true }],
  },
  {
    id: 'zd-private',
    label: 'ZONE_DEVICE MEMORY_DEVICE_PRIVATE (HMM device memory)',
    row: '12',
    hasStructPage: true,
    // memremap_pages() calls add_pages() only for PRIVATE: no linear mapping.
    linear: false,
    kmap: false,
    cpuAccess: 'none',
    pageFlagsSafe: true,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'not DMA-mappable through the DMA API (the physical address is fictitious); only the owning device uses it',
    obtainedBy: 'devm_memremap_pages with MEMORY_DEVICE_PRIVATE (HMM drivers)',
    sources: ['include/linux/memremap.h', 'mm/memremap.c'],
    requires: [
      { config: 'ZONE_DEVICE', value: true },
      { config: 'DEVICE_PRIVATE', value: true },
    ],
    notes:
      'A CPU fault calls ops->migrate_to_ram. It appears as a device-private swap entry in PTEs; GUP never returns it.',
  },
  {
    id: 'zd-coherent',
    label: 'ZONE_DEVICE MEMORY_DEVICE_COHERENT (CXL/CAPI-like coherent device memory)',
    row: '13',
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: 'normal',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: 'like RAM; not long-term pinnable (migrated out first)',
    obtainedBy: 'devm_memremap_pages with MEMORY_DEVICE_COHERENT',
    sources: ['include/linux/memremap.h', 'mm/memremap.c', 'include/linux/mm.h'],
    requires: [{ config: 'ZONE_DEVICE', value: true }],
  },
  {
    id: 'p2pdma',
    label: 'ZONE_DEVICE MEMORY_DEVICE_PCI_P2PDMA (peer BAR memory with struct pages)',
    row: '14',
    hasStructPage: true,
    // The linear alias exists but is uncached MMIO (pgprot_noncached in memremap_pages).
    linear: true,
    kmap: true,
    cpuAccess: 'mmio',
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: false,
    dmaHow:
      'only P2P-aware paths: dma_map_sg/dma_map_sgtable (dma-direct, dma-iommu), blk_rq_dma_map_iter_* (≈6.17+), or pci_p2pdma_state() + pci_p2pdma_bus_addr_map() / dma_map_phys(DMA_ATTR_MMIO); GUP only with FOLL_PCI_P2PDMA, never FOLL_LONGTERM',
    obtainedBy:
      'pci_p2pdma_add_resource + pci_alloc_p2pmem / pci_p2pmem_alloc_sgl, the sysfs p2pmem/allocate mmap, GUP with FOLL_PCI_P2PDMA',
    sources: [
      'drivers/pci/p2pdma.c',
      'include/linux/pci-p2pdma.h',
      'mm/memremap.c',
      'Documentation/driver-api/pci/p2pdma.rst',
    ],
    requires: [
      { config: 'PCI_P2PDMA', value: true },
      { config: 'ZONE_DEVICE', value: true },
    ],
    notes:
      'The KVA is MMIO: direct CPU access (memcpy, sg_copy_*, sg_miter_*, kmap + deref) is forbidden by p2pdma.rst; use readX/writeX/memcpy_toio.',
  },
  {
    id: 'raw-pfn',
    label: 'raw pfn without memmap (pfn_valid() false, VM_IO/VM_PFNMAP, unregistered BAR)',
    row: '15',
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: 'none',
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'dma_map_resource, dma_map_phys(..., DMA_ATTR_MMIO) (≈6.18+), or DMABUF with phys_vec + struct p2pdma_provider (≈6.19+); GUP fails with -EFAULT on VM_IO/VM_PFNMAP',
    obtainedBy: 'pci_resource_start, resource ranges, remap_pfn_range/vmf_insert_pfn mappings, firmware tables',
    sources: ['include/linux/mmzone.h', 'include/linux/mm.h', 'mm/gup.c'],
    notes:
      'With SPARSEMEM_VMEMMAP pfn_to_page() still computes a pointer, but nothing backs it: dereferencing it faults. CPU access only through an ioremap/memremap mapping.',
  },
  {
    id: 'p2p-provider',
    label: 'page-less peer MMIO known as a struct p2pdma_provider (≈6.19+)',
    row: '16',
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: 'mmio',
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'pci_p2pdma_map_type(provider, dev), then BUS_ADDR: pci_p2pdma_bus_addr_map(provider, phys); THRU_HOST_BRIDGE: dma_map_phys/dma_iova_link with DMA_ATTR_MMIO',
    obtainedBy: 'pcim_p2pdma_init + pcim_p2pdma_provider(pdev, bar), DMABUF phys_vec exporters (VFIO)',
    sources: ['drivers/pci/p2pdma.c', 'include/linux/pci-p2pdma.h', 'include/linux/dma-buf-mapping.h'],
    since: '≈6.19',
    notes: 'Lifetime is bound to the providing driver and enforced by revoke (DMABUF move_notify).',
  },
  {
    id: 'user',
    label: 'user-space pointer (__user)',
    row: '—',
    hasStructPage: 'depends',
    linear: false,
    kmap: false,
    cpuAccess: 'none',
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow:
      'pin_user_pages*/iov_iter_extract_pages, then an sg of the pinned pages (FOLL_PCI_P2PDMA / ITER_ALLOW_P2PDMA only on P2P-safe paths)',
    obtainedBy: 'system-call arguments, ioctl payloads, iov_iter over user memory',
    sources: ['mm/gup.c', 'include/linux/uaccess.h', 'include/linux/uio.h'],
    notes:
      'Touch it only with copy_to_user/copy_from_user/get_user/put_user; the pages behind it may be RAM, highmem, P2PDMA (with FOLL_PCI_P2PDMA) or none (VM_PFNMAP).',
  },
] satisfies MemoryKind[]) as readonly MemoryKind[];

const KIND_INDEX: ReadonlyMap<MemoryKindId, MemoryKind> = new Map(MEMORY_KINDS.map((k) => [k.id, k]));

/** All kind ids, in table order. */
export const MEMORY_KIND_IDS: readonly MemoryKindId[] = MEMORY_KINDS.map((k) => k.id);

/** Is `s` a known memory-kind id? */
export function isMemoryKindId(s: string): s is MemoryKindId {
  return KIND_INDEX.has(s as MemoryKindId);
}

/** The table row of a kind (O(1)). Throws on an unknown id, naming it. */
export function memoryKind(id: MemoryKindId): MemoryKind {
  const k = KIND_INDEX.get(id);
  if (!k) throw new Error(`unknown memory kind "${String(id)}"; known kinds: ${MEMORY_KIND_IDS.join(', ')}`);
  return k;
}

function resolveValue(v: KindValue, platform?: KindPlatform): Tri {
  if (typeof v === 'boolean' || v === 'depends') return v;
  if (!platform) return 'depends';
  return platform.kernelConfig[v.config] ? v.ifSet : v.ifUnset;
}

/**
 * Whether the kind can exist on the platform at all (highmem needs HIGHMEM=y, P2PDMA pages need
 * PCI_P2PDMA=y, ZONE_DEVICE kinds need ZONE_DEVICE=y). Without a platform: true.
 */
export function kindExists(id: MemoryKindId, platform?: KindPlatform): boolean {
  const k = memoryKind(id);
  if (!platform || !k.requires) return true;
  return k.requires.every((r) => platform.kernelConfig[r.config] === r.value);
}

/**
 * One property of a kind. Without a platform, config-dependent properties answer 'depends';
 * with one, they answer for that kernel config (e.g. `stack` is linear only when VMAP_STACK=n).
 * A kind that cannot exist on the platform but degrades to another (highmem → ram on 64-bit)
 * answers as the kind it degrades to; other impossible kinds answer from their table row.
 */
export function kindProperty(id: MemoryKindId, prop: KindProperty, platform?: KindPlatform): Tri {
  const k = memoryKind(id);
  if (platform && k.degradesTo && !kindExists(id, platform)) {
    return resolveValue(memoryKind(k.degradesTo)[prop], platform);
  }
  return resolveValue(k[prop], platform);
}

/** Kinds for which `prop` is definitely true (on the platform, when given). */
export function kindsWhere(prop: KindProperty, platform?: KindPlatform): MemoryKindId[] {
  return MEMORY_KIND_IDS.filter((id) => kindProperty(id, prop, platform) === true);
}

/** A one-sentence explanation of one property, naming the kernel file behind it. */
export function explainKindProperty(id: MemoryKindId, prop: KindProperty, platform?: KindPlatform): string {
  const k = memoryKind(id);
  const value = kindProperty(id, prop, platform);
  const raw = k[prop];
  const answer = value === 'depends' ? 'depends' : value ? 'yes' : 'no';
  let why = '';
  if (typeof raw === 'object') {
    why = platform
      ? ` because CONFIG_${raw.config}=${platform.kernelConfig[raw.config] ? 'y' : 'n'}`
      : ` (yes or no depending on CONFIG_${raw.config})`;
  } else if (raw === 'depends') {
    why = ' (decided at run time)';
  }
  return `${prop} for ${k.label} (§A.1 row ${k.row}): ${answer}${why}; see ${k.sources[0]}.`;
}
