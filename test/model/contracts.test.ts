// API contract catalogue: lookups, error conventions, accepted kinds, sleeping and locking facts,
// and flag meanings, each cited to the kernel file that establishes it.

import {
  allContracts,
  contract,
  contractsByCategory,
  flagMeaning,
  gfpInfo,
  type ApiContract,
} from '../../src/model/index.js';

function c(name: string): ApiContract {
  const x = contract(name);
  if (!x) throw new Error(`no contract for ${name}`);
  return x;
}

describe('catalogue coverage', () => {
  // Every function or macro named in kernel-model.md section B and in the list.
  const required = [
    'kmalloc', 'kzalloc', 'kcalloc', 'kmalloc_array', 'krealloc', 'kmemdup', 'kmem_cache_alloc', 'kmem_cache_zalloc',
    'devm_kzalloc', 'devm_kmalloc', 'vmalloc', 'vzalloc', 'vmalloc_user', 'vmap', '__vmalloc', 'kvmalloc', 'kvzalloc',
    'kvcalloc', 'kvmalloc_array', 'alloc_pages', 'alloc_page', '__get_free_pages', '__get_free_page', 'get_zeroed_page',
    'folio_alloc', 'ioremap', 'ioremap_wc', 'ioremap_uc', 'ioremap_cache', 'ioremap_np', 'devm_ioremap',
    'devm_ioremap_resource', 'devm_platform_ioremap_resource', 'pci_iomap', 'pci_iomap_range', 'pcim_iomap',
    'pcim_iomap_table', 'pcim_iomap_region', 'memremap', 'devm_memremap', 'devm_memremap_pages', 'memremap_pages',
    'dma_alloc_coherent', 'dmam_alloc_coherent', 'dma_alloc_attrs', 'dma_alloc_wc', 'dma_pool_alloc', 'dma_pool_zalloc',
    'dma_alloc_pages', 'dma_alloc_noncoherent', 'dma_alloc_noncontiguous', 'virt_to_page', 'virt_to_phys', '__pa',
    'virt_to_bus', 'phys_to_virt', '__va', 'page_address', 'pfn_to_page', 'page_to_pfn', 'phys_to_page', 'page_to_phys',
    'vmalloc_to_page', 'kmap', 'kmap_atomic', 'kmap_local_page', 'kunmap', 'kunmap_atomic', 'kunmap_local', 'PageSlab',
    'PageHighMem', 'PageReserved', 'get_page', 'put_page', 'page_ref_count', 'page_ref_inc', 'sg_init_table',
    'sg_init_one', 'sg_set_page', 'sg_set_folio', 'sg_set_buf', 'sg_page', 'sg_virt', 'sg_phys', 'sg_next', 'for_each_sg',
    'for_each_sgtable_sg', 'for_each_sgtable_dma_sg', 'sg_dma_address', 'sg_dma_len', 'sg_dma_mark_bus_address',
    'sg_dma_is_bus_address', 'sg_dma_unmark_bus_address', 'sg_dma_is_swiotlb', 'sg_dma_mark_swiotlb', 'sg_alloc_table',
    'sg_alloc_table_from_pages', 'sg_alloc_table_from_pages_segment', 'sg_alloc_append_table_from_pages',
    'sg_miter_start', 'sg_miter_next', 'sg_miter_skip', 'sg_miter_stop', 'sg_copy_buffer', 'sg_copy_from_buffer',
    'sg_copy_to_buffer', 'sg_pcopy_from_buffer', 'sg_pcopy_to_buffer', 'sg_zero_buffer', 'sgl_alloc', 'sgl_alloc_order',
    'sgl_free', 'extract_iter_to_sg', 'dma_map_single', 'dma_map_page', 'dma_map_sg', 'dma_map_sgtable',
    'dma_map_resource', 'dma_map_phys', 'dma_unmap_single', 'dma_unmap_page', 'dma_unmap_sg', 'dma_unmap_sgtable',
    'dma_unmap_resource', 'dma_sync_single_for_cpu', 'dma_sync_single_for_device', 'dma_sync_sg_for_cpu',
    'dma_sync_sg_for_device', 'dma_sync_sgtable_for_cpu', 'dma_mapping_error', 'dma_need_unmap',
    'dma_pci_p2pdma_supported', 'dma_set_mask_and_coherent', 'dma_iova_try_alloc', 'dma_use_iova', 'dma_iova_link',
    'dma_iova_sync', 'dma_iova_unlink', 'dma_iova_destroy', 'dma_iova_free', 'pcim_p2pdma_init', 'pcim_p2pdma_provider',
    'pci_p2pdma_add_resource', 'pci_p2pmem_publish', 'pci_p2pdma_distance_many', 'pci_p2pdma_distance',
    'pci_p2pmem_find_many', 'pci_p2pmem_find', 'pci_alloc_p2pmem', 'pci_free_p2pmem', 'pci_p2pmem_virt_to_bus',
    'pci_p2pmem_alloc_sgl', 'pci_p2pmem_free_sgl', 'pci_p2pdma_map_type', 'pci_p2pdma_state', 'pci_p2pdma_bus_addr_map',
    'pci_p2pdma_enable_store', 'pci_p2pdma_enable_show', 'pci_p2pdma_map_sg', 'pci_p2pdma_unmap_sg',
    'pci_p2pdma_map_segment', 'pci_p2pdma_map_bus_segment', 'is_zone_device_page', 'page_pgmap',
    'is_pci_p2pdma_page', 'is_device_private_page', 'is_device_coherent_page', 'is_fsdax_page',
    'zone_device_pages_have_same_pgmap', 'pfn_valid', 'pfn_to_online_page', 'get_user_pages', 'get_user_pages_fast',
    'pin_user_pages', 'pin_user_pages_fast', 'unpin_user_page', 'unpin_user_pages', 'unpin_user_pages_dirty_lock',
    'iov_iter_get_pages2', 'iov_iter_extract_pages', 'readl', 'writel', 'readq', 'writeq', 'readl_relaxed', 'ioread32',
    'iowrite32', 'memcpy_toio', 'memcpy_fromio', 'memset_io', '__iowrite32_copy', '__iowrite64_copy', 'rcu_read_lock',
    'rcu_read_unlock', 'rcu_read_lock_bh', 'rcu_read_unlock_bh', 'rcu_read_lock_sched', 'srcu_read_lock',
    'srcu_read_unlock', 'spin_lock', 'spin_unlock', 'spin_lock_irqsave', 'spin_unlock_irqrestore', 'spin_lock_irq',
    'spin_lock_bh', 'mutex_lock', 'mutex_lock_interruptible', 'mutex_unlock', 'synchronize_rcu', 'call_rcu',
    'get_dev_pagemap', 'put_dev_pagemap', 'percpu_ref_get', 'percpu_ref_put', 'percpu_ref_tryget',
    'percpu_ref_tryget_live', 'gen_pool_alloc', 'gen_pool_free', 'copy_to_user', 'copy_from_user', 'msleep',
    'schedule', 'might_sleep', 'blk_rq_dma_map_iter_start', 'blk_rq_dma_unmap', 'dma_buf_phys_vec_to_sgt',
  ];
  test.each(required)('%s has a contract naming its kernel file', (name) => {
    const x = c(name);
    expect(x.name).toBe(name);
    expect(x.source).toMatch(/^(include|mm|kernel|lib|drivers|arch|block)\/.+\.[ch]$/);
  });

  test('contract() misses cleanly and the catalogue has no duplicate names', () => {
    expect(contract('no_such_function')).toBeUndefined();
    const names = allContracts().map((x) => x.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(250);
  });

  test('contract() is a Map lookup: 100k lookups take well under 200 ms', () => {
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) contract(i % 2 ? 'dma_map_sg' : 'kmalloc');
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('error conventions (kernel/dma/mapping.c, include/linux/dma-mapping.h)', () => {
  test('dma_map_sg returns a count, 0 on any error, never negative', () => {
    expect(c('dma_map_sg').returns).toMatchObject({ error: 'zero-count', type: 'unsigned int' });
    expect(c('dma_map_sg_attrs').returns!.error).toBe('zero-count');
  });
  test('dma_map_sgtable returns 0 or a negative errno, -EREMOTEIO included', () => {
    const x = c('dma_map_sgtable');
    expect(x.returns).toMatchObject({ error: 'zero-success-negative-errno', type: 'int' });
    expect(x.notes).toMatch(/-EREMOTEIO/);
    expect(x.gpl).toBe(true);
  });
  test('dma_map_single/page/resource/phys return DMA_MAPPING_ERROR', () => {
    for (const n of ['dma_map_single', 'dma_map_page', 'dma_map_resource', 'dma_map_phys']) {
      expect(c(n).returns!.error).toBe('dma-mapping-error');
    }
  });
  test('ERR_PTR vs NULL allocators (lib/devres.c, kernel/iomem.c, mm/memremap.c)', () => {
    expect(c('devm_ioremap_resource').returns!.error).toBe('err-ptr');
    expect(c('devm_platform_ioremap_resource').returns!.error).toBe('err-ptr');
    expect(c('devm_ioremap').returns!.error).toBe('null');
    expect(c('ioremap').returns!.error).toBe('null');
    expect(c('memremap').returns!.error).toBe('null');
    expect(c('devm_memremap').returns!.error).toBe('err-ptr');
    expect(c('devm_memremap_pages').returns!.error).toBe('err-ptr');
    expect(c('pcim_iomap_region').returns!.error).toBe('err-ptr');
    // The real function returns NULL, the !CONFIG stub ERR_PTR(-EOPNOTSUPP) (include/linux/pci-p2pdma.h).
    expect(c('pcim_p2pdma_provider').returns!.error).toBe('null-or-err-ptr');
  });
  test('GUP returns a count or a negative errno; copy_to_user the bytes not copied', () => {
    expect(c('pin_user_pages').returns!.error).toBe('count-or-negative-errno');
    expect(c('pin_user_pages_fast').returns!.error).toBe('count-or-negative-errno');
    expect(c('iov_iter_extract_pages').returns!.error).toBe('count-or-negative-errno');
    expect(c('copy_to_user').returns!.error).toBe('bytes-not-copied');
  });
  test('pci_p2pdma_distance returns -1, not an errno (drivers/pci/p2pdma.c)', () => {
    expect(c('pci_p2pdma_distance_many').returns!.error).toBe('negative-errno');
    expect(c('pci_p2pdma_distance_many').notes).toMatch(/-1/);
  });
  test('dma_mapping_error returns an int (-ENOMEM or 0)', () => {
    expect(c('dma_mapping_error').returns).toMatchObject({ error: 'none', type: 'int' });
    expect(c('dma_mapping_error').category).toBe('dma-check');
  });
});

describe('accepted memory kinds', () => {
  const accepts = (fn: string, param: string) => c(fn).params.find((p) => p.name === param)!.accepts!;
  test('sg_set_buf takes linear-map memory only (include/linux/scatterlist.h)', () => {
    const a = accepts('sg_set_buf', 'buf');
    expect(a).toEqual(expect.arrayContaining(['ram', 'slab', 'kmalloc-large', 'p2pdma']));
    for (const k of ['vmalloc', 'kvmalloc', 'stack', 'iomem', 'dma-coherent', 'memremap-nonram', 'kernel-image']) expect(a).not.toContain(k);
  });
  test('dma_map_single refuses vmalloc, highmem and P2PDMA memory', () => {
    const a = accepts('dma_map_single', 'ptr');
    for (const k of ['vmalloc', 'highmem', 'p2pdma', 'stack', 'dma-coherent']) expect(a).not.toContain(k);
  });
  test('dma_map_sg takes P2PDMA pages, dma_map_page does not (kernel/dma/direct.c)', () => {
    expect(accepts('dma_map_sg', 'sg')).toContain('p2pdma');
    expect(accepts('dma_map_page', 'page')).not.toContain('p2pdma');
    expect(accepts('dma_map_page', 'page')).toContain('highmem');
  });
  test('dma_map_resource is MMIO only', () => {
    expect(accepts('dma_map_resource', 'phys_addr')).toEqual(expect.arrayContaining(['iomem', 'raw-pfn']));
    expect(accepts('dma_map_resource', 'phys_addr')).not.toContain('ram');
  });
  test('MMIO accessors take __iomem and P2PDMA KVAs; memcpy_fromio writes normal memory', () => {
    expect(accepts('readl', 'addr')).toEqual(['iomem', 'p2pdma']);
    expect(accepts('memcpy_fromio', 'src')).toContain('iomem');
    expect(accepts('memcpy_fromio', 'dst')).not.toContain('iomem');
  });
  test('return kinds: allocators say what they produce', () => {
    expect(c('kmalloc').returns!.kind).toBe('slab');
    expect(c('vmalloc').returns!.kind).toBe('vmalloc');
    expect(c('kvmalloc').returns!.kind).toBe('kvmalloc');
    expect(c('ioremap').returns!.kind).toBe('iomem');
    expect(c('pci_iomap').returns!.kind).toBe('iomem');
    expect(c('dma_alloc_coherent').returns!.kind).toBe('dma-coherent');
    expect(c('dma_alloc_noncoherent').returns!.kind).toBe('dma-pages');
    expect(c('pci_alloc_p2pmem').returns!.kind).toBe('p2pdma');
    expect(c('pcim_p2pdma_provider').returns!.kind).toBe('p2p-provider');
    // alloc_pages: highmem when __GFP_HIGHMEM is given (include/linux/gfp.h).
    expect(c('alloc_pages').returns).toMatchObject({ kind: 'ram', kindFromGfp: true });
  });
});

describe('sleeping and locking', () => {
  test('GFP-dependent allocators, always-sleeping calls, atomic-safe calls', () => {
    expect(c('kmalloc').mightSleep).toBe('gfp');
    expect(c('alloc_pages').mightSleep).toBe('gfp');
    expect(c('vmalloc').mightSleep).toBe(true);
    expect(c('mutex_lock').mightSleep).toBe(true);
    expect(c('msleep').mightSleep).toBe(true);
    expect(c('synchronize_rcu').mightSleep).toBe(true);
    expect(c('call_rcu').mightSleep).toBe(false);
    expect(c('udelay').mightSleep).toBe(false);
    expect(c('pin_user_pages').mightSleep).toBe(true);
    expect(c('get_user_pages_fast_only').mightSleep).toBe(false);
  });
  test('lock pairing classes', () => {
    expect(c('rcu_read_lock').lock).toEqual({ cls: 'rcu', op: 'acquire' });
    expect(c('rcu_read_unlock').lock).toEqual({ cls: 'rcu', op: 'release' });
    expect(c('spin_lock_irqsave').lock).toMatchObject({ cls: 'spin', op: 'acquire', alsoDisables: ['irq', 'preempt'] });
    expect(c('kmap_local_page').lock).toEqual({ cls: 'kmap_local', op: 'acquire' });
    expect(c('kunmap_local').lock).toEqual({ cls: 'kmap_local', op: 'release' });
    expect(c('kmap_atomic').lock!.cls).toBe('kmap_atomic');
    expect(c('srcu_read_lock').lock).toEqual({ cls: 'srcu', op: 'acquire' });
    expect(c('mutex_trylock').lock).toMatchObject({ cls: 'mutex', op: 'acquire', conditional: true });
    expect(contractsByCategory('lock').every((x) => x.lock !== undefined)).toBe(true);
  });
  test('deprecated but present: kmap_atomic, pcim_iomap_table', () => {
    expect(c('kmap_atomic').deprecated).toBeTruthy();
    expect(c('kmap_atomic').replacement).toBe('kmap_local_page');
    expect(c('pcim_iomap_table').deprecated).toMatch(/DEPRECATED/);
  });
});

describe('flags (include/linux/gfp_types.h, include/linux/mm_types.h, include/linux/dma-mapping.h)', () => {
  test('GFP_KERNEL may sleep, GFP_ATOMIC and GFP_NOWAIT do not', () => {
    expect(flagMeaning('GFP_KERNEL')!.mightSleep).toBe(true);
    expect(flagMeaning('GFP_ATOMIC')!.mightSleep).toBe(false);
    expect(flagMeaning('GFP_NOWAIT')!.mightSleep).toBe(false);
    expect(flagMeaning('GFP_NOIO')!.mightSleep).toBe(true);
    expect(flagMeaning('GFP_TRANSHUGE_LIGHT')!.mightSleep).toBe(false);
    expect(flagMeaning('GFP_KERNEL')!.expandsTo).toEqual(['__GFP_DIRECT_RECLAIM', '__GFP_FS', '__GFP_IO', '__GFP_KSWAPD_RECLAIM']);
  });
  test('__GFP_HIGHMEM and GFP_HIGHUSER give highmem', () => {
    expect(flagMeaning('__GFP_HIGHMEM')!.highmem).toBe(true);
    expect(flagMeaning('GFP_HIGHUSER_MOVABLE')!.highmem).toBe(true);
    expect(flagMeaning('GFP_KERNEL')!.highmem).toBe(false);
  });
  test('FOLL_PCI_P2PDMA, FOLL_LONGTERM, internal FOLL_PIN', () => {
    expect(flagMeaning('FOLL_PCI_P2PDMA')!.meaning).toMatch(/EREMOTEIO/);
    expect(flagMeaning('FOLL_PCI_P2PDMA')!.notes).toMatch(/FOLL_LONGTERM/);
    expect(flagMeaning('FOLL_PIN')!.internal).toBe(true);
    expect(flagMeaning('FOLL_PIN')!.source).toBe('mm/internal.h');
  });
  test('DMA attributes, including the never-merged DMA_ATTR_P2PDMA', () => {
    expect(flagMeaning('DMA_ATTR_MMIO')!.since).toBe('≈6.18');
    expect(flagMeaning('DMA_ATTR_P2PDMA')!.neverMerged).toBe(true);
    expect(flagMeaning('DMA_ATTR_SKIP_CPU_SYNC')!.family).toBe('dma-attr');
    expect(flagMeaning('ITER_ALLOW_P2PDMA')!.meaning).toMatch(/FOLL_PCI_P2PDMA/);
    expect(flagMeaning('NOT_A_FLAG')).toBeUndefined();
  });
  test('gfpInfo evaluates C GFP expressions', () => {
    expect(gfpInfo('GFP_KERNEL | __GFP_ZERO')).toMatchObject({ known: true, mightSleep: true, highmem: false });
    expect(gfpInfo('GFP_ATOMIC|__GFP_NOWARN')).toMatchObject({ known: true, mightSleep: false });
    expect(gfpInfo('GFP_KERNEL & ~__GFP_DIRECT_RECLAIM')).toMatchObject({ known: true, mightSleep: false });
    expect(gfpInfo('(GFP_NOWAIT | __GFP_NOFAIL)').mightSleep).toBe(true);
    expect(gfpInfo('GFP_HIGHUSER').highmem).toBe(true);
    expect(gfpInfo('gfp_mask | __GFP_ZERO')).toMatchObject({ known: false, mightSleep: 'depends', unknown: ['gfp_mask'] });
    expect(gfpInfo('GFP_KERNEL |').known).toBe(false);
  });
});
