// Types of the API contract catalogue, plus the small builders the data modules use to stay terse.

import type { MemoryKindId } from '../kinds.js';

/** What a function or macro does with memory. */
export type ContractCategory =
  | 'allocator'
  | 'mapping'
  | 'converter'
  | 'sg'
  | 'dma-map'
  | 'dma-unmap'
  | 'dma-sync'
  | 'dma-check'
  | 'dma-iova'
  | 'p2pdma'
  | 'gup'
  | 'mmio'
  | 'lock'
  | 'page'
  | 'pgmap'
  | 'free'
  | 'rcu-sync'
  | 'sleep'
  | 'uaccess'
  | 'block'
  | 'dmabuf';

/** The role of one parameter. */
export type ParamRole =
  | 'buffer'
  | 'page'
  | 'pfn'
  | 'phys'
  | 'dma-addr'
  | 'dev'
  | 'size'
  | 'dir'
  | 'flags'
  | 'gfp'
  | 'sg'
  | 'sgt'
  | 'nents'
  | 'other';

/**
 * How a function reports failure.
 * - `null`: NULL (or 0 for functions returning an address as `unsigned long`).
 * - `err-ptr`: ERR_PTR(-errno), never NULL.
 * - `null-or-err-ptr`: variants differ (real function vs !CONFIG stub): check IS_ERR_OR_NULL.
 * - `zero-count`: a count, 0 on any failure, never negative (dma_map_sg).
 * - `negative-errno`: a non-negative value on success, negative on failure.
 * - `zero-success-negative-errno`: 0 on success, -errno on failure (dma_map_sgtable).
 * - `dma-mapping-error`: DMA_MAPPING_ERROR; test with dma_mapping_error().
 * - `count-or-negative-errno`: how many were done (maybe fewer than asked) or -errno (pin_user_pages).
 * - `bytes-not-copied`: 0 on success, else the number of bytes left (copy_to_user).
 * - `none`: cannot fail (or returns void / a predicate).
 */
export type ErrorConvention =
  | 'null'
  | 'err-ptr'
  | 'null-or-err-ptr'
  | 'zero-count'
  | 'negative-errno'
  | 'zero-success-negative-errno'
  | 'dma-mapping-error'
  | 'count-or-negative-errno'
  | 'bytes-not-copied'
  | 'none';

/** Lock-like classes whose acquire/release pairing and sleeping rules rules check. */
export type LockClass =
  | 'rcu'
  | 'rcu_bh'
  | 'rcu_sched'
  | 'srcu'
  | 'spin'
  | 'rwlock'
  | 'mutex'
  | 'kmap_local'
  | 'kmap_atomic'
  | 'preempt'
  | 'irq'
  | 'bh';

/** One parameter of a contract. */
export interface ParamContract {
  name: string;
  role: ParamRole;
  /** Memory kinds that are valid here (for buffer/page/pfn/phys/sg parameters). */
  accepts?: readonly MemoryKindId[];
  /** An output parameter (e.g. `dma_addr_t *dma_handle`). */
  out?: boolean;
  notes?: string;
}

/** What a contract returns. */
export interface ReturnContract {
  /** Memory kind of the returned pointer/page/address. */
  kind?: MemoryKindId;
  /** alloc_pages-style: the result is highmem when the GFP argument has __GFP_HIGHMEM. */
  kindFromGfp?: boolean;
  error: ErrorConvention;
  /** C type of the result. */
  type?: string;
}

/** The contract of one kernel function or macro. */
export interface ApiContract {
  name: string;
  category: ContractCategory;
  params: readonly ParamContract[];
  returns?: ReturnContract;
  /** true: may sleep; 'gfp': sleeps iff the GFP argument allows direct reclaim. */
  mightSleep?: boolean | 'gfp';
  /** Lock-like effect. `conditional`: only when the call succeeds (trylock). */
  lock?: { cls: LockClass; op: 'acquire' | 'release'; conditional?: boolean; alsoDisables?: ('irq' | 'bh' | 'preempt')[] };
  /** First kernel version with this API ("≈" prefix: inferred, not checked against a tag). */
  since?: string;
  /** First kernel version without it. */
  removedIn?: string;
  /** What to use instead (removed or deprecated APIs). */
  replacement?: string;
  /** Deprecated but still present: the reason. */
  deprecated?: string;
  /** Upstream file that defines or declares it (the fact's source). */
  source: string;
  /** Only for GPL modules (EXPORT_SYMBOL_GPL). */
  gpl?: boolean;
  /** The misuse reviewers reject. */
  misuse?: string;
  notes?: string;
}

/** Build a parameter. */
export function p(
  name: string,
  role: ParamRole,
  accepts?: readonly MemoryKindId[],
  extra?: { out?: boolean; notes?: string },
): ParamContract {
  const out: ParamContract = { name, role };
  if (accepts) out.accepts = accepts;
  if (extra?.out) out.out = true;
  if (extra?.notes) out.notes = extra.notes;
  return out;
}

/** Common parameters. */
export const DEV = p('dev', 'dev');
export const DIR = p('dir', 'dir');
export const ATTRS = p('attrs', 'flags');
export const GFP = p('gfp', 'gfp');
export const SIZE = p('size', 'size');
