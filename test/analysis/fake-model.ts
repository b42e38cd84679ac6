// A tiny contract table for analysis unit tests, independent of the real catalogue in src/model.
import type { ContractView, ModelLookup } from '../../src/analysis/index.js';

const C: Record<string, ContractView> = {
  ioremap: { name: 'ioremap', returns: { kind: 'iomem', error: 'null' }, source: 'include/linux/io.h' },
  kmalloc: { name: 'kmalloc', returns: { kind: 'slab', error: 'null' }, mightSleep: 'gfp', source: 'include/linux/slab.h' },
  vmalloc: { name: 'vmalloc', returns: { kind: 'vmalloc', error: 'null' }, mightSleep: true, source: 'mm/vmalloc.c' },
  alloc_pages: { name: 'alloc_pages', returns: { kind: 'ram', kindFromGfp: true, error: 'null' }, source: 'include/linux/gfp.h' },
  dma_map_sg: { name: 'dma_map_sg', returns: { error: 'zero-count' }, source: 'kernel/dma/mapping.c' },
  dma_map_single: { name: 'dma_map_single', returns: { error: 'dma-mapping-error' }, source: 'kernel/dma/mapping.c' },
  rcu_read_lock: { name: 'rcu_read_lock', lock: { cls: 'rcu', op: 'acquire' } },
  rcu_read_unlock: { name: 'rcu_read_unlock', lock: { cls: 'rcu', op: 'release' } },
  spin_lock: { name: 'spin_lock', lock: { cls: 'spin', op: 'acquire' } },
  spin_unlock: { name: 'spin_unlock', lock: { cls: 'spin', op: 'release' } },
  spin_trylock: { name: 'spin_trylock', lock: { cls: 'spin', op: 'acquire' } },
  mutex_lock: { name: 'mutex_lock', mightSleep: true, lock: { cls: 'mutex', op: 'acquire' } },
  mutex_unlock: { name: 'mutex_unlock', lock: { cls: 'mutex', op: 'release' } },
  synchronize_rcu: { name: 'synchronize_rcu', mightSleep: true },
};

export const fakeModel: ModelLookup = {
  contract: (name) => C[name],
  passesThrough: (name) => (['virt_to_page', 'page_address', 'kmap_local_page'].includes(name) ? 0 : undefined),
  describe: (kind) => kind,
};
