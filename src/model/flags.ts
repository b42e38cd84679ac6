// Meanings of GFP_*, FOLL_*, DMA_ATTR_*, ITER_*, SG_MITER_* and MEMREMAP_* flags, and GFP-expression evaluation.

/** The flag namespace. */
export type FlagFamily = 'gfp' | 'foll' | 'dma-attr' | 'iter' | 'sg-miter' | 'memremap';

/** What one flag means to a reviewer. */
export interface FlagMeaning {
  name: string;
  family: FlagFamily;
  meaning: string;
  /** GFP: the allocation may sleep (the flag set includes __GFP_DIRECT_RECLAIM). */
  mightSleep?: boolean;
  /** GFP: pages may come from highmem (__GFP_HIGHMEM). */
  highmem?: boolean;
  /** GFP composites: the atomic __GFP_* bits they expand to. */
  expandsTo?: readonly string[];
  /** Internal to the subsystem: callers must not pass it. */
  internal?: boolean;
  since?: string;
  neverMerged?: boolean;
  source: string;
  notes?: string;
}

const GFP_TYPES = 'include/linux/gfp_types.h';

/** Atomic __GFP_* bits (include/linux/gfp_types.h) and what they mean. */
const GFP_ATOMS: readonly [string, string][] = [
  ['__GFP_DMA', 'allocate from ZONE_DMA'],
  ['__GFP_HIGHMEM', 'highmem pages allowed: on 32-bit HIGHMEM kernels the page may have no kernel address'],
  ['__GFP_DMA32', 'allocate from ZONE_DMA32'],
  ['__GFP_MOVABLE', 'the page can be migrated or reclaimed'],
  ['__GFP_RECLAIMABLE', 'slab pages that can be reclaimed by shrinkers'],
  ['__GFP_HIGH', 'high priority: may use part of the emergency reserves'],
  ['__GFP_IO', 'may start physical I/O'],
  ['__GFP_FS', 'may call into the filesystem'],
  ['__GFP_ZERO', 'return zeroed memory'],
  ['__GFP_DIRECT_RECLAIM', 'the caller may enter direct reclaim, so the allocation may sleep'],
  ['__GFP_KSWAPD_RECLAIM', 'wake kswapd when low on memory (does not sleep by itself)'],
  ['__GFP_WRITE', 'the caller intends to dirty the page'],
  ['__GFP_NOWARN', 'suppress allocation-failure warnings'],
  ['__GFP_RETRY_MAYFAIL', 'retry hard, but may still fail'],
  ['__GFP_NOFAIL', 'never fail: loops forever (must be able to sleep)'],
  ['__GFP_NORETRY', 'fail quickly instead of retrying reclaim'],
  ['__GFP_MEMALLOC', 'may use all reserves (memory-freeing paths only)'],
  ['__GFP_NOMEMALLOC', 'never use the emergency reserves'],
  ['__GFP_COMP', 'return a compound page (rejected by dma_alloc_coherent/dma_alloc_pages)'],
  ['__GFP_HARDWALL', 'enforce the cpuset memory allocation policy'],
  ['__GFP_THISNODE', 'no fallback to other NUMA nodes'],
  ['__GFP_ACCOUNT', 'charge the allocation to the memory cgroup'],
  ['__GFP_ZEROTAGS', 'zero memory tags (arm64 MTE)'],
  ['__GFP_SKIP_ZERO', 'skip zeroing under init_on_alloc (HW tag-based KASAN)'],
  ['__GFP_SKIP_KASAN', 'skip KASAN unpoisoning'],
  ['__GFP_NOLOCKDEP', 'ignore lockdep reclaim tracking'],
  ['__GFP_NO_OBJ_EXT', 'no slab object extension (internal)'],
];

/** GFP composites (include/linux/gfp_types.h, v6.12), expanded to atoms. */
const GFP_COMPOSITES: Readonly<Record<string, { expr: readonly string[]; minus?: readonly string[]; meaning: string }>> = {
  __GFP_RECLAIM: { expr: ['__GFP_DIRECT_RECLAIM', '__GFP_KSWAPD_RECLAIM'], meaning: 'direct and kswapd reclaim' },
  GFP_ATOMIC: {
    expr: ['__GFP_HIGH', '__GFP_KSWAPD_RECLAIM'],
    meaning: 'atomic context (IRQ, spinlock held): never sleeps, may dip into reserves',
  },
  GFP_KERNEL: { expr: ['__GFP_RECLAIM', '__GFP_IO', '__GFP_FS'], meaning: 'normal kernel allocation: may sleep' },
  GFP_KERNEL_ACCOUNT: { expr: ['GFP_KERNEL', '__GFP_ACCOUNT'], meaning: 'GFP_KERNEL charged to the memory cgroup: may sleep' },
  GFP_NOWAIT: {
    expr: ['__GFP_KSWAPD_RECLAIM', '__GFP_NOWARN'],
    meaning: 'never sleeps and never uses reserves; expect failures',
  },
  GFP_NOIO: { expr: ['__GFP_RECLAIM'], meaning: 'may sleep, but starts no I/O (prefer memalloc_noio_save scopes)' },
  GFP_NOFS: { expr: ['__GFP_RECLAIM', '__GFP_IO'], meaning: 'may sleep, no filesystem recursion (prefer memalloc_nofs_save scopes)' },
  GFP_USER: { expr: ['__GFP_RECLAIM', '__GFP_IO', '__GFP_FS', '__GFP_HARDWALL'], meaning: 'user-space related kernel allocation: may sleep' },
  GFP_DMA: { expr: ['__GFP_DMA'], meaning: 'ZONE_DMA (legacy; says nothing about sleeping on its own)' },
  GFP_DMA32: { expr: ['__GFP_DMA32'], meaning: 'ZONE_DMA32 (says nothing about sleeping on its own)' },
  GFP_HIGHUSER: { expr: ['GFP_USER', '__GFP_HIGHMEM'], meaning: 'user pages that may be highmem: may sleep' },
  GFP_HIGHUSER_MOVABLE: {
    expr: ['GFP_HIGHUSER', '__GFP_MOVABLE', '__GFP_SKIP_KASAN'],
    meaning: 'movable user pages that may be highmem (page cache, anonymous memory): may sleep',
  },
  GFP_TRANSHUGE_LIGHT: {
    expr: ['GFP_HIGHUSER_MOVABLE', '__GFP_COMP', '__GFP_NOMEMALLOC', '__GFP_NOWARN'],
    minus: ['__GFP_RECLAIM'],
    meaning: 'THP allocation without reclaim: does not sleep',
  },
  GFP_TRANSHUGE: { expr: ['GFP_TRANSHUGE_LIGHT', '__GFP_DIRECT_RECLAIM'], meaning: 'THP allocation with direct reclaim: may sleep' },
};

/** Expand a GFP name to its atomic bits; `stack` guards against definition cycles. */
function expandGfp(name: string, stack: Set<string> = new Set()): Set<string> | undefined {
  if (GFP_ATOM_SET.has(name)) return new Set([name]);
  const c = GFP_COMPOSITES[name];
  if (!c || stack.has(name)) return undefined;
  stack.add(name);
  try {
    const out = new Set<string>();
    for (const part of c.expr) {
      const e = expandGfp(part, stack);
      if (!e) return undefined;
      for (const a of e) out.add(a);
    }
    for (const part of c.minus ?? []) for (const a of expandGfp(part, stack) ?? []) out.delete(a);
    return out;
  } finally {
    stack.delete(name);
  }
}

const GFP_ATOM_SET: ReadonlySet<string> = new Set(GFP_ATOMS.map(([n]) => n));

const FOLL: readonly Omit<FlagMeaning, 'family' | 'source'>[] = [
  { name: 'FOLL_WRITE', meaning: 'the pages will be written (check write access, break COW)' },
  { name: 'FOLL_GET', meaning: 'take a page reference (get_user_pages*; release with put_page)', internal: true },
  { name: 'FOLL_DUMP', meaning: 'return an error for the zero page/holes (core dumps)' },
  { name: 'FOLL_FORCE', meaning: 'override VMA permissions (ptrace-style access)' },
  { name: 'FOLL_NOWAIT', meaning: 'start fault I/O but do not wait for it' },
  { name: 'FOLL_NOFAULT', meaning: 'do not fault pages in' },
  { name: 'FOLL_HWPOISON', meaning: 'return -EHWPOISON for poisoned pages' },
  { name: 'FOLL_ANON', meaning: "don't do file mappings" },
  {
    name: 'FOLL_LONGTERM',
    meaning:
      'the pin may last indefinitely (RDMA MRs, VFIO): folio_is_longterm_pinnable() refuses CMA, device-coherent and fsdax folios; movable-zone folios are migrated first',
    notes: 'Rejected together with FOLL_PCI_P2PDMA (is_valid_gup_args WARN; -EOPNOTSUPP in check_vma_flags).',
  },
  { name: 'FOLL_SPLIT_PMD', meaning: 'split huge PMDs before returning pages' },
  {
    name: 'FOLL_PCI_P2PDMA',
    meaning:
      'allow PCI P2PDMA pages to be returned; without it GUP refuses them (slow path -EREMOTEIO, fast path falls back)',
    since: '≈6.2',
    notes: 'Every consumer of the pages must then be P2P-safe: no CPU access, P2P-aware DMA mapping. Never with FOLL_LONGTERM.',
  },
  { name: 'FOLL_INTERRUPTIBLE', meaning: 'allow fatal and non-fatal signals to interrupt the fault' },
  { name: 'FOLL_HONOR_NUMA_FAULT', meaning: 'honour NUMA hinting faults (for CPU access patterns)' },
  { name: 'FOLL_TOUCH', meaning: 'mark the page accessed', internal: true },
  { name: 'FOLL_TRIED', meaning: 'a retry after a dropped mmap lock', internal: true },
  { name: 'FOLL_REMOTE', meaning: 'the target mm is not current->mm', internal: true },
  {
    name: 'FOLL_PIN',
    meaning: 'pin the pages for DMA or data access (set by pin_user_pages*; release with unpin_user_page*)',
    internal: true,
    notes: 'Callers must not pass it to get_user_pages* explicitly: use the pin_user_pages* entry points.',
  },
  { name: 'FOLL_FAST_ONLY', meaning: 'never fall back to the slow path', internal: true },
  { name: 'FOLL_UNLOCKABLE', meaning: 'the mmap lock may be dropped', internal: true },
  { name: 'FOLL_MADV_POPULATE', meaning: 'madvise(MADV_POPULATE_*) semantics', internal: true },
];

/** FOLL_* bits private to mm/ (defined in mm/internal.h, not include/linux/mm_types.h). */
const FOLL_IN_MM_INTERNAL: ReadonlySet<string> = new Set(['FOLL_TOUCH', 'FOLL_TRIED', 'FOLL_REMOTE', 'FOLL_PIN', 'FOLL_FAST_ONLY', 'FOLL_UNLOCKABLE', 'FOLL_MADV_POPULATE']);

const DMA_ATTRS: readonly Omit<FlagMeaning, 'family' | 'source'>[] = [
  { name: 'DMA_ATTR_WEAK_ORDERING', meaning: 'reads and writes may be weakly ordered' },
  { name: 'DMA_ATTR_WRITE_COMBINE', meaning: 'write-combining mapping of a coherent buffer' },
  {
    name: 'DMA_ATTR_NO_KERNEL_MAPPING',
    meaning: 'no kernel virtual mapping: dma_alloc_attrs returns an opaque cookie that must never be dereferenced',
  },
  { name: 'DMA_ATTR_SKIP_CPU_SYNC', meaning: 'skip cache maintenance on map/unmap (the caller syncs explicitly)' },
  { name: 'DMA_ATTR_FORCE_CONTIGUOUS', meaning: 'physically contiguous coherent allocation' },
  { name: 'DMA_ATTR_ALLOC_SINGLE_PAGES', meaning: 'the IOMMU backend may build the buffer from single pages' },
  { name: 'DMA_ATTR_NO_WARN', meaning: 'suppress allocation-failure warnings' },
  { name: 'DMA_ATTR_PRIVILEGED', meaning: 'the buffer is accessible only at privileged device levels' },
  {
    name: 'DMA_ATTR_MMIO',
    meaning:
      'the physical address is MMIO: no cache maintenance, no swiotlb bouncing, IOMMU_MMIO protection; dma-direct returns phys unchanged',
    since: '≈6.18',
    notes: 'Addresses mapped with it "may not be used with kmap*()/phys_to_virt()/phys_to_page()"; DMA debug skips its stack/illegal-area checks.',
  },
  {
    name: 'DMA_ATTR_P2PDMA',
    meaning: 'a 2021 RFC attribute for P2PDMA mappings; never merged',
    neverMerged: true,
  },
  {
    name: 'DMA_ATTR_CPU_CACHE_CLEAN',
    meaning: 'a 2026 proposal to silence DMA-debug cache-line overlap reports for deliberate cases; not in mainline',
    neverMerged: true,
  },
  {
    name: 'DMA_ATTR_CC_DECRYPTED',
    meaning: 'a 2026 confidential-computing proposal; not in mainline',
    neverMerged: true,
  },
];

const BUILT: ReadonlyMap<string, FlagMeaning> = (() => {
  const m = new Map<string, FlagMeaning>();
  for (const [name, meaning] of GFP_ATOMS) {
    const e: FlagMeaning = { name, family: 'gfp', meaning, source: GFP_TYPES };
    if (name === '__GFP_DIRECT_RECLAIM' || name === '__GFP_NOFAIL') e.mightSleep = true;
    if (name === '__GFP_HIGHMEM') e.highmem = true;
    m.set(name, e);
  }
  for (const [name, c] of Object.entries(GFP_COMPOSITES)) {
    const atoms = [...(expandGfp(name) ?? [])].sort();
    m.set(name, {
      name,
      family: 'gfp',
      meaning: c.meaning,
      mightSleep: atoms.includes('__GFP_DIRECT_RECLAIM'),
      highmem: atoms.includes('__GFP_HIGHMEM'),
      expandsTo: atoms,
      source: GFP_TYPES,
    });
  }
  for (const f of FOLL) m.set(f.name, { ...f, family: 'foll', source: FOLL_IN_MM_INTERNAL.has(f.name) ? 'mm/internal.h' : 'include/linux/mm_types.h' });
  for (const f of DMA_ATTRS) m.set(f.name, { ...f, family: 'dma-attr', source: 'include/linux/dma-mapping.h' });
  m.set('ITER_ALLOW_P2PDMA', {
    name: 'ITER_ALLOW_P2PDMA',
    family: 'iter',
    meaning: 'iov_iter_extract_pages() may return P2PDMA pages (it becomes FOLL_PCI_P2PDMA)',
    since: '≈6.2',
    source: 'include/linux/uio.h',
    notes: 'The block layer sets it only when blk_queue_pci_p2pdma(q) is true.',
  });
  const miter: [string, string, string?][] = [
    ['SG_MITER_ATOMIC', 'map with kmap_atomic: page faults stay disabled until sg_miter_stop'],
    ['SG_MITER_TO_SG', 'the iteration writes to the sg: sg_miter_stop flushes with flush_dcache_page'],
    ['SG_MITER_FROM_SG', 'the iteration only reads from the sg'],
    ['SG_MITER_LOCAL', 'map with kmap_local_page', '≈6.13'],
  ];
  for (const [name, meaning, since] of miter) {
    const e: FlagMeaning = { name, family: 'sg-miter', meaning, source: 'include/linux/scatterlist.h' };
    if (since) e.since = since;
    m.set(name, e);
  }
  const memremap: [string, string][] = [
    ['MEMREMAP_WB', 'write-back: on System RAM returns the linear-map address'],
    ['MEMREMAP_WT', 'write-through (fails with a WARN on System RAM)'],
    ['MEMREMAP_WC', 'write-combining (fails with a WARN on System RAM)'],
    ['MEMREMAP_ENC', 'map encrypted (memory encryption)'],
    ['MEMREMAP_DEC', 'map decrypted (memory encryption)'],
  ];
  for (const [name, meaning] of memremap) m.set(name, { name, family: 'memremap', meaning, source: 'include/linux/io.h' });
  return m;
})();

/** The meaning of one flag (GFP_*, __GFP_*, FOLL_*, DMA_ATTR_*, ITER_ALLOW_P2PDMA, SG_MITER_*, MEMREMAP_*), or undefined. */
export function flagMeaning(flag: string): FlagMeaning | undefined {
  return BUILT.get(flag.trim());
}

/** All known flags of one family. */
export function flagsOf(family: FlagFamily): FlagMeaning[] {
  return [...BUILT.values()].filter((f) => f.family === family);
}

/** What a GFP expression allows. */
export interface GfpInfo {
  /** The expression could be fully evaluated (every identifier is a known GFP flag). */
  known: boolean;
  /** Atomic __GFP_* bits set (when known). */
  flags: string[];
  mightSleep: boolean | 'depends';
  highmem: boolean | 'depends';
  /** Identifiers that are not GFP flags (variables such as `gfp`, or unknown macros). */
  unknown: string[];
}

/**
 * Evaluate a C GFP expression such as `GFP_KERNEL | __GFP_ZERO`, `GFP_ATOMIC|__GFP_NOWARN` or
 * `GFP_KERNEL & ~__GFP_DIRECT_RECLAIM`. Variables (`gfp`, `flags`) make the answer 'depends'.
 */
export function gfpInfo(expr: string): GfpInfo {
  const unknown: string[] = [];
  const result = evalGfp(expr, unknown);
  if (!result || unknown.length > 0) {
    return { known: false, flags: [], mightSleep: 'depends', highmem: 'depends', unknown };
  }
  const flags = [...result].sort();
  return {
    known: true,
    flags,
    mightSleep: result.has('__GFP_DIRECT_RECLAIM') || result.has('__GFP_NOFAIL'),
    highmem: result.has('__GFP_HIGHMEM'),
    unknown,
  };
}

/** A tiny recursive-descent evaluator over sets of atomic GFP bits: `|`, `&`, `~`, parentheses, casts. */
function evalGfp(expr: string, unknown: string[]): Set<string> | undefined {
  const tokens = expr.match(/[A-Za-z_][A-Za-z0-9_]*|\d+|[|&~()]|\S/g) ?? [];
  let pos = 0;

  const primary = (): Set<string> | undefined => {
    const t = tokens[pos++];
    if (t === undefined) return undefined;
    if (t === '(') {
      // Skip casts such as (__force gfp_t) or (gfp_t).
      if (tokens[pos] === '__force' || tokens[pos] === 'gfp_t') {
        while (pos < tokens.length && tokens[pos] !== ')') pos++;
        pos++;
        return primary();
      }
      const v = orExpr();
      if (tokens[pos++] !== ')') return undefined;
      return v;
    }
    if (t === '~') {
      const v = primary();
      if (!v) return undefined;
      return new Set([...GFP_ATOM_SET].filter((a) => !v.has(a)));
    }
    if (t === '0') return new Set();
    if (/^[A-Za-z_]/.test(t)) {
      const e = expandGfp(t);
      if (e) return e;
      unknown.push(t);
      return new Set();
    }
    return undefined;
  };
  const andExpr = (): Set<string> | undefined => {
    let left = primary();
    while (left && tokens[pos] === '&') {
      pos++;
      const right = primary();
      if (!right) return undefined;
      const l: Set<string> = left;
      left = new Set([...l].filter((a) => right.has(a)));
    }
    return left;
  };
  const orExpr = (): Set<string> | undefined => {
    let left = andExpr();
    while (left && tokens[pos] === '|') {
      pos++;
      const right = andExpr();
      if (!right) return undefined;
      left = new Set([...left, ...right]);
    }
    return left;
  };
  const v = orExpr();
  if (!v || pos !== tokens.length) return undefined;
  return v;
}
