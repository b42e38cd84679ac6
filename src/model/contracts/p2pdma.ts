// Contracts of the PCI P2PDMA API and the ZONE_DEVICE pgmap helpers (§B.1, §B.4).

import { DEV, SIZE, p, type ApiContract, type ParamContract } from './types.js';
import { DMA_SG_PAGE } from './kind-groups.js';

const P2P_C = 'drivers/pci/p2pdma.c';
const P2P_H = 'include/linux/pci-p2pdma.h';
const MEMREMAP_H = 'include/linux/memremap.h';
const MEMREMAP_C = 'mm/memremap.c';
const PERCPU_REF_H = 'include/linux/percpu-refcount.h';

const PDEV = p('pdev', 'dev');
const P2P_KVA = p('addr', 'buffer', ['p2pdma']);
const CLIENTS = p('clients', 'dev', undefined, { notes: 'each struct device is walked up through its parents to a PCI device' });

const p2p = (name: string, params: readonly ParamContract[], returns: ApiContract['returns'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'p2pdma',
  params,
  returns,
  source: P2P_C,
  gpl: true,
  ...extra,
});

const ref = (name: string, returns: ApiContract['returns'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'pgmap',
  params: [p('ref', 'other')],
  returns,
  source: PERCPU_REF_H,
  ...extra,
});

const MAP_TYPE = { error: 'none', type: 'enum pci_p2pdma_map_type' } as const;

/** P2PDMA and pgmap contracts. */
export const P2PDMA_CONTRACTS: readonly ApiContract[] = [
  p2p('pci_p2pdma_add_resource', [PDEV, p('bar', 'other'), SIZE, p('offset', 'size')], { error: 'zero-success-negative-errno', type: 'int' }, {
    mightSleep: true,
    misuse: 'registering an I/O BAR, an offset/size beyond the BAR, a BAR with CPU-visible side effects that is then published, or a window that is not subsection-aligned (P2P-013)',
    notes:
      'Registers [start+offset, +size) of a MEM BAR as MEMORY_DEVICE_PCI_P2PDMA pages (size 0 = rest of the BAR) and a genalloc pool. -EINVAL, -ENOMEM, devm_memremap_pages errors; -EOPNOTSUPP without CONFIG_PCI_P2PDMA.',
  }),
  p2p('pci_p2pdma_distance_many', [p('provider', 'dev'), CLIENTS, p('num_clients', 'nents'), p('verbose', 'other')], { error: 'negative-errno', type: 'int' }, {
    misuse: 'treating any non-negative distance as "bus addresses are fine": host-bridge paths return positive distances too (P2P-014)',
    notes:
      'Sum of the per-client distances, or -1 (not an errno) if any client is not PCI or NOT_SUPPORTED, or num_clients is 0. Does not check that the provider has P2P state. Kernels of ≈4.20–5.x returned 0x1000 + dist for allow-listed host-bridge paths; current kernels return the plain hop sum.',
  }),
  p2p('pci_p2pdma_distance', [p('provider', 'dev'), p('client', 'dev'), p('verbose', 'other')], { error: 'negative-errno', type: 'int' }, {
    source: P2P_H,
    misuse: 'if (pci_p2pdma_distance(...) >= 0) use_bus_addr = true (P2P-014)',
    notes: 'pci_p2pdma_distance_many() with one client; -1 on failure.',
  }),
  p2p('pci_p2pmem_find_many', [CLIENTS, p('num_clients', 'nents')], { error: 'null', type: 'struct pci_dev *' }, {
    misuse: 'forgetting pci_dev_put() on the result',
    notes: 'The nearest published provider with a pool; ties broken at random. Returns a referenced pci_dev.',
  }),
  p2p('pci_p2pmem_find', [p('client', 'dev')], { error: 'null', type: 'struct pci_dev *' }, {
    source: P2P_H,
    misuse: 'forgetting pci_dev_put() on the result',
  }),
  p2p('pci_has_p2pmem', [PDEV], { error: 'none', type: 'bool' }, {
    removedIn: '≈6.19',
    replacement: 'pci_p2pmem_find() / pci_p2pmem_find_many()',
    notes: 'Exported up to ≈6.17; static in the ≈6.19–7.0 tree (a provider without a pool is of no use to callers).',
  }),
  p2p('pci_alloc_p2pmem', [PDEV, SIZE], { kind: 'p2pdma', error: 'null', type: 'void *' }, {
    misuse: 'CPU memcpy/memset on the returned KVA (it is an uncached MMIO alias); freeing with a different size',
    notes: 'genalloc from the provider pool; takes a percpu reference on the pgmap (inside rcu_read_lock).',
  }),
  p2p('pci_free_p2pmem', [PDEV, P2P_KVA, SIZE], { error: 'none', type: 'void' }, { category: 'free' }),
  p2p('pci_p2pmem_virt_to_bus', [PDEV, P2P_KVA], { error: 'null', type: 'pci_bus_addr_t' }, {
    misuse: 'using the bus address as the dma_addr_t for a client whose map type is not BUS_ADDR (P2P-001)',
    notes: 'genalloc stores the PCI bus address in its "phys" field, so this returns the bus address (0 on failure).',
  }),
  p2p('pci_p2pmem_alloc_sgl', [PDEV, p('nents', 'nents', undefined, { out: true }), p('length', 'size')], { kind: 'p2pdma', error: 'null', type: 'struct scatterlist *' }, {
    mightSleep: true,
    notes: 'A one-entry sg made with sg_set_buf() on p2pmem.',
  }),
  p2p('pci_p2pmem_free_sgl', [PDEV, p('sgl', 'sg', ['p2pdma'])], { error: 'none', type: 'void' }, { category: 'free' }),
  p2p('pci_p2pmem_publish', [PDEV, p('publish', 'other')], { error: 'none', type: 'void' }, {
    notes: 'Published memory "must be regular memory with no side effects".',
  }),
  p2p('pci_p2pdma_enable_store', [p('page', 'other'), p('p2p_dev', 'dev', undefined, { out: true }), p('use_p2pdma', 'other', undefined, { out: true })], { error: 'zero-success-negative-errno', type: 'int' }),
  p2p('pci_p2pdma_enable_show', [p('page', 'other'), p('p2p_dev', 'dev'), p('use_p2pdma', 'other')], { error: 'negative-errno', type: 'ssize_t' }),
  p2p('pci_p2pdma_map_type', [p('provider', 'other', ['p2p-provider']), DEV], MAP_TYPE, {
    since: '≈6.19',
    source: P2P_H,
    notes:
      'Exported with a struct p2pdma_provider * first argument in ≈6.19+ (a static helper taking a dev_pagemap before). dev must itself be the PCI DMA device: no parent walk. Never returns UNKNOWN.',
  }),
  p2p('pci_p2pdma_state', [p('state', 'other'), DEV, p('page', 'page', DMA_SG_PAGE)], MAP_TYPE, {
    since: '≈6.16',
    source: P2P_H,
    gpl: false,
    misuse: 'calling it with a NULL or non-struct page',
    notes: 'PCI_P2PDMA_MAP_NONE for non-P2PDMA pages; re-queries the map type only when the provider changes.',
  }),
  p2p('pci_p2pdma_bus_addr_map', [p('provider', 'other', ['p2p-provider']), p('paddr', 'phys', ['p2pdma', 'p2p-provider'])], { error: 'none', type: 'dma_addr_t' }, {
    since: '≈6.16',
    source: P2P_H,
    gpl: false,
    misuse: 'using it for transfers whose map type is not BUS_ADDR',
    notes: 'phys + provider->bus_offset. Took (&state, phys) in ≈6.16–6.18; (provider, phys) in ≈6.19+.',
  }),
  p2p('pci_p2pdma_map_segment', [p('state', 'other'), DEV, p('sg', 'sg', DMA_SG_PAGE)], MAP_TYPE, {
    since: '≈6.0',
    removedIn: '≈6.16',
    replacement: 'pci_p2pdma_state() + pci_p2pdma_bus_addr_map(); set dma_address, sg_dma_len and the bus mark yourself',
    source: 'include/linux/dma-map-ops.h',
  }),
  p2p('pci_p2pdma_map_bus_segment', [p('pg_sg', 'sg', ['p2pdma']), p('dma_sg', 'sg')], { error: 'none', type: 'void' }, {
    since: '≈6.0',
    removedIn: '≈6.12',
    replacement: 'pci_p2pdma_state() + pci_p2pdma_bus_addr_map()',
    notes: 'Added with the dma-iommu P2P support in ≈6.0; absent from v6.12 (verified), exact removal release not verified.',
  }),
  p2p('pci_p2pdma_map_sg', [DEV, p('sg', 'sg', ['p2pdma']), p('nents', 'nents'), p('dir', 'dir')], { error: 'zero-count', type: 'int' }, {
    removedIn: '≈6.0',
    replacement: 'dma_map_sgtable() / dma_map_sg() (P2P-aware); handle -EREMOTEIO',
  }),
  p2p('pci_p2pdma_map_sg_attrs', [DEV, p('sg', 'sg', ['p2pdma']), p('nents', 'nents'), p('dir', 'dir'), p('attrs', 'flags')], { error: 'zero-count', type: 'int' }, {
    removedIn: '≈6.0',
    replacement: 'dma_map_sgtable() / dma_map_sg_attrs()',
  }),
  p2p('pci_p2pdma_unmap_sg', [DEV, p('sg', 'sg', ['p2pdma']), p('nents', 'nents'), p('dir', 'dir')], { error: 'none', type: 'void' }, {
    category: 'dma-unmap',
    removedIn: '≈6.0',
    replacement: 'dma_unmap_sgtable() / dma_unmap_sg()',
  }),
  p2p('pci_p2pdma_unmap_sg_attrs', [DEV, p('sg', 'sg', ['p2pdma']), p('nents', 'nents'), p('dir', 'dir'), p('attrs', 'flags')], { error: 'none', type: 'void' }, {
    category: 'dma-unmap',
    removedIn: '≈6.0',
    replacement: 'dma_unmap_sgtable() / dma_unmap_sg_attrs()',
  }),
  p2p('pcim_p2pdma_init', [PDEV], { error: 'zero-success-negative-errno', type: 'int' }, {
    since: '≈6.19',
    mightSleep: true,
    notes: 'Sets up per-device P2P state (devres-managed, idempotent): one p2pdma_provider per MEM BAR. -ENOMEM, -EOPNOTSUPP.',
  }),
  p2p('pcim_p2pdma_provider', [PDEV, p('bar', 'other')], { kind: 'p2p-provider', error: 'null-or-err-ptr', type: 'struct p2pdma_provider *' }, {
    since: '≈6.19',
    misuse: 'checking only IS_ERR (misses NULL) or only NULL (misses the !CONFIG stub\'s ERR_PTR(-EOPNOTSUPP)); use before pcim_p2pdma_init (P2P-011)',
    notes: 'NULL for non-MEM or non-mappable BARs; the !CONFIG_PCI_P2PDMA stub returns ERR_PTR(-EOPNOTSUPP). Lifetime bound to the driver.',
  }),
  // ── pgmap ──
  {
    name: 'devm_memremap_pages',
    category: 'pgmap',
    params: [DEV, p('pgmap', 'other')],
    returns: { error: 'err-ptr', type: 'void *' },
    mightSleep: true,
    source: MEMREMAP_H,
    misuse: 'calling it without CONFIG_ZONE_DEVICE (the stub WARNs, -ENXIO); ranges that are not subsection-aligned',
    notes:
      'Creates ZONE_DEVICE pages of pgmap->type (kinds zd-fsdax, zd-generic, zd-private, zd-coherent, p2pdma). ERR_PTR on: no ranges, intersecting System RAM (-ENXIO), a conflicting pgmap (-ENOMEM), missing ops/owner (-EINVAL).',
  },
  {
    name: 'memremap_pages',
    category: 'pgmap',
    params: [p('pgmap', 'other'), p('nid', 'other')],
    returns: { error: 'err-ptr', type: 'void *' },
    mightSleep: true,
    source: MEMREMAP_C,
    notes: 'add_pages() only (no linear map) for MEMORY_DEVICE_PRIVATE; arch_add_memory() for every other type.',
  },
  {
    name: 'memunmap_pages',
    category: 'free',
    params: [p('pgmap', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: true,
    source: MEMREMAP_C,
  },
  {
    name: 'devm_memunmap_pages',
    category: 'free',
    params: [DEV, p('pgmap', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: true,
    source: MEMREMAP_C,
  },
  {
    name: 'get_dev_pagemap',
    category: 'pgmap',
    params: [p('pfn', 'pfn'), p('pgmap', 'other')],
    returns: { error: 'null', type: 'struct dev_pagemap *' },
    source: MEMREMAP_H,
    misuse: 'forgetting put_dev_pagemap(); using it to "validate" arbitrary pfns from untrusted sources',
    notes: 'A pgmap with a live reference, or NULL; drops the cached pgmap\'s reference when it does not cover pfn.',
  },
  {
    name: 'put_dev_pagemap',
    category: 'pgmap',
    params: [p('pgmap', 'other')],
    returns: { error: 'none', type: 'void' },
    source: MEMREMAP_H,
  },
  ref('percpu_ref_get', { error: 'none', type: 'void' }),
  ref('percpu_ref_put', { error: 'none', type: 'void' }),
  ref('percpu_ref_tryget', { error: 'none', type: 'bool' }),
  ref('percpu_ref_tryget_live', { error: 'none', type: 'bool' }),
  ref('percpu_ref_tryget_live_rcu', { error: 'none', type: 'bool' }, { notes: 'Must be called inside rcu_read_lock().' }),
  ref('percpu_ref_kill', { error: 'none', type: 'void' }),
];
