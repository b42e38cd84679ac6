// Classifies DMA-API calls from the model's contract catalogue (error convention, category and parameter roles),
// so the dma rules never keep their own list of which function maps, unmaps or syncs, or where its count sits.
import type { Expr } from '../../c/ir.js';
import type { ModelLookup } from '../../analysis/index.js';

type Call = Extract<Expr, { k: 'call' }>;

/**
 * How a mapping call reports its result (kernel/dma/mapping.c):
 * - `sg-count`: dma_map_sg()-style, the number of DMA segments, 0 on failure;
 * - `sgtable`: dma_map_sgtable()-style, 0 or a negative errno, the count lands in sgt->nents;
 * - `address`: dma_map_single/page/resource/phys-style, a dma_addr_t checked with dma_mapping_error().
 */
export type MapStyle = 'sg-count' | 'sgtable' | 'address';

/** The map style of `callee`, from its contract; undefined for anything that is not a DMA mapping call. */
export function mapStyle(model: ModelLookup, callee: string): MapStyle | undefined {
  const c = model.contract(callee);
  const error = c?.returns?.error;
  if (!c || !error) return undefined;
  if (error === 'dma-mapping-error') return 'address';
  const params = c.params ?? [];
  if (error === 'zero-count' && params.some((p) => p.role === 'sg') && params.some((p) => p.role === 'nents')) return 'sg-count';
  if (error === 'zero-success-negative-errno' && c.category === 'dma-map' && params.some((p) => p.role === 'sgt')
    && !params.some((p) => p.role === 'buffer')) return 'sgtable';
  return undefined;
}

/** 'unmap' or 'sync' for calls that end or hand over a streaming mapping (contract category). */
export function releaseStyle(model: ModelLookup, callee: string): 'unmap' | 'sync' | undefined {
  const cat = model.contract(callee)?.category;
  if (cat === 'dma-unmap') return 'unmap';
  if (cat === 'dma-sync') return 'sync';
  return undefined;
}

/** The `nth` argument of `call` whose contract parameter has `role` (e.g. 'nents', 'sg', 'phys', 'flags'). */
export function argOfRole(model: ModelLookup, call: Call, role: string, nth = 0): { expr: Expr; index: number } | undefined {
  const params = model.contract(call.callee)?.params ?? [];
  let seen = 0;
  for (let i = 0; i < params.length; i++) {
    if (params[i].role !== role) continue;
    if (seen++ === nth) return call.args[i] ? { expr: call.args[i], index: i } : undefined;
  }
  return undefined;
}

/** The argument holding the mapped memory (buffer, page or physical address), with its role. */
export function mappedArg(model: ModelLookup, call: Call): { expr: Expr; index: number; role: 'buffer' | 'page' | 'phys' } | undefined {
  for (const role of ['buffer', 'page', 'phys'] as const) {
    const a = argOfRole(model, call, role);
    if (a) return { ...a, role };
  }
  return undefined;
}

/** The attrs argument (a `flags`-role parameter), when the call has one. */
export function attrsArg(model: ModelLookup, call: Call): Expr | undefined {
  return argOfRole(model, call, 'flags')?.expr;
}

/** True when an attrs expression names `attr` (`DMA_ATTR_MMIO | DMA_ATTR_SKIP_CPU_SYNC`). */
export function hasAttr(attrs: Expr | undefined, attr: string): boolean {
  return !!attrs && new RegExp(`\\b${attr}\\b`).test(attrs.text);
}

/**
 * True for the helper the DMA API requires to test a dma_addr_t: dma_mapping_error() (include/linux/dma-mapping.h)
 * and the subsystem wrappers built on it, such as ib_dma_mapping_error() (include/rdma/ib_verbs.h).
 */
export function isMappingErrorCheck(callee: string): boolean {
  return /(^|_)dma_mapping_error$/.test(callee);
}
