// p2pdma-genalloc-rcu: P2PDMA pages that were mapped into user space go back to the provider's genalloc pool
// while lockless walkers may still reach them. GUP-fast walks page tables under local_irq_disable()/RCU, so after
// the user mapping is zapped (unmap_mapping_range(), zap_vma_ptes()) a walker that started earlier can still
// find the page; if the page is already back in the pool it can be handed to a new owner. The teardown needs an
// RCU grace period (synchronize_rcu()/call_rcu()) between the zap and the pool free, or must leave freeing to the
// page refcount (the pgmap page_free callback), as drivers/pci/p2pdma.c does since ≈6.2.
import type { FunctionIR } from '../c/ir.js';
import type { CallSite } from '../analysis/index.js';
import { reachableHelpers } from './support/call-graph.js';
import { reviewText } from './support/patch-text.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-genalloc-rcu';

/** Calls that put struct pages into user page tables where GUP-fast can find them (mm/memory.c). */
const USER_INSERTS = /\b(vm_insert_page|vm_insert_pages|vmf_insert_mixed\w*|vmf_insert_page\w*|vmf_insert_folio\w*|vmf_insert_pfn_pmd|vmf_insert_pfn_pud)\s*\(/;

/** Special (page-less) user mappings, which GUP-fast never follows (mm/memory.c, mm/gup.c pte_special). */
const SPECIAL_INSERTS = /\b(remap_pfn_range|io_remap_pfn_range|vmf_insert_pfn|vmf_insert_pfn_prot|vm_iomap_memory)\s*\(/;

/** Evidence that the memory comes from a genalloc pool (lib/genalloc.c, drivers/pci/p2pdma.c). */
const POOL = /\b(gen_pool_alloc\w*|gen_pool_free\w*|pci_alloc_p2pmem|pci_free_p2pmem)\s*\(/;

/** Zapping user mappings (mm/memory.c, include/linux/mm.h). */
const ZAPS = new Set(['unmap_mapping_range', 'unmap_mapping_pages', 'zap_vma_ptes', 'zap_page_range', 'zap_page_range_single']);

/** Releases that return the memory (or its last page reference, whose free callback does) to the pool. */
const RELEASES = new Set(['gen_pool_free', 'gen_pool_free_owner', 'pci_free_p2pmem', 'put_page', 'folio_put', 'put_folio', 'free_zone_device_folio']);

/** RCU grace periods (include/linux/rcupdate.h). */
const GRACE = new Set(['synchronize_rcu', 'synchronize_rcu_expedited', 'call_rcu', 'kfree_rcu', 'rcu_barrier', 'synchronize_srcu']);

const REFS = ['seed 001 (userspace P2PDMA)', 'drivers/pci/p2pdma.c (p2pdma_page_free, pci_p2pdma_release)', 'mm/gup.c (lockless GUP-fast)', 'LKML 2021-10 "[PATCH v3 19/20] PCI/P2PDMA: introduce pci_mmap_p2pmem()" (Jason Gunthorpe)'];

export const p2pdmaGenallocRcu: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'P2PDMA pages returned to the genalloc pool after a user-mapping zap with no RCU grace period for GUP-fast walkers',
    catalogue: ['seed 001'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    // The zap itself says user mappings exist; they are reachable by GUP-fast unless the visible code only ever
    // creates special (page-less) mappings.
    // Only a zap can be reported: an image without one needs no look at the review text.
    if (!ctx.analysis.functions.some((fn) => ctx.analysis.calls(fn).some((s) => ZAPS.has(s.call.callee)))) return [];
    const text = reviewText(ctx);
    if (!POOL.test(text) || (SPECIAL_INSERTS.test(text) && !USER_INSERTS.test(text))) return [];
    const insert = lineOf(ctx, USER_INSERTS);
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      const calls = ctx.analysis.calls(fn);
      for (const zap of calls.filter((s) => ZAPS.has(s.call.callee))) {
        const after = calls.filter((s) => s.call.line > zap.call.line || (s.call.line === zap.call.line && s !== zap && s.call.endLine > zap.call.endLine));
        const grace = after.find((s) => GRACE.has(s.call.callee));
        const release = firstRelease(ctx, after, grace?.call.line);
        if (!release) continue;
        const graceBefore = calls.find((s) => GRACE.has(s.call.callee) && s.call.line < zap.call.line);
        out.push({
          line: release.site.call.line,
          function: fn,
          code: release.site.call.text,
          message: `${fn.name}() zaps the user mappings with ${zap.call.callee}() and then ${release.via ? `(through ${release.via}()) ` : ''}releases the pages with ${release.callee}() without an RCU grace period in between: a concurrent GUP-fast walk can still reach pages that are back in the genalloc pool.`,
          why: 'GUP-fast walks user page tables locklessly; a walk that read the PTE before the zap can still take a reference on the page afterwards. Once the page is back in the genalloc pool it can be allocated to another user, who then shares it with the stale walker. The zap must be followed by synchronize_rcu() (or call_rcu()) before the memory returns to the pool; or the pages must only be freed through their refcount (the pgmap page_free callback), which waits for every reference.'
            + (graceBefore ? ` The synchronize_rcu() at line ${graceBefore.call.line} runs before the zap, so it does not cover walkers that start before the zap completes.` : ''),
          instead: 'Zap, then synchronize_rcu(), then free; better, do not free P2PDMA pages by hand after a zap: give them to user space with vm_insert_page() (which takes page references) and return them to the pool from the dev_pagemap_ops page_free callback, as drivers/pci/p2pdma.c does (p2pdma_page_free()).',
          evidence: [
            ...(insert ? [{ file: ctx.image.path, line: insert, note: 'pages are inserted into user page tables here' }] : []),
            { file: ctx.image.path, line: zap.call.line, note: `${zap.call.callee}() zaps the user mappings` },
            ...(release.via ? [{ file: ctx.image.path, line: release.site.call.line, note: `${release.via}() releases the pages` }] : []),
            { file: ctx.image.path, line: release.line, note: `${release.callee}() returns the memory with no grace period after the zap` },
          ],
          references: REFS,
        });
      }
    }
    return out;
  },
};

interface Release { site: CallSite; callee: string; line: number; via?: string }

/**
 * The first release after the zap and before any grace period: a direct release call, or a same-file helper
 * that (transitively) releases without a grace period of its own.
 */
function firstRelease(ctx: RuleContext, after: readonly CallSite[], graceLine: number | undefined): Release | undefined {
  for (const s of after) {
    if (graceLine !== undefined && s.call.line >= graceLine) return undefined;
    if (RELEASES.has(s.call.callee)) return { site: s, callee: s.call.callee, line: s.call.line };
    const helper = ctx.analysis.functions.find((f) => f.name === s.call.callee);
    if (!helper) continue;
    const inner = helperRelease(ctx, helper);
    if (inner) return { site: s, callee: inner.callee, line: inner.line, via: s.call.callee };
  }
  return undefined;
}

function helperRelease(ctx: RuleContext, helper: FunctionIR): { callee: string; line: number } | undefined {
  for (const f of reachableHelpers(ctx.analysis, helper)) {
    const calls = ctx.analysis.calls(f);
    if (calls.some((c) => GRACE.has(c.call.callee))) return undefined;
    const r = calls.find((c) => RELEASES.has(c.call.callee));
    if (r) return { callee: r.call.callee, line: r.call.line };
  }
  return undefined;
}

function lineOf(ctx: RuleContext, re: RegExp): number | undefined {
  const lines = [...ctx.image.lineText.keys()].sort((a, b) => a - b);
  return lines.find((l) => re.test(ctx.image.lineText.get(l) ?? ''));
}
