// p2pdma-map-unmap-mismatch: a list mapped through one P2PDMA regime and unmapped through another. With the old
// API, pci_p2pdma_map_sg() lists had to go back through pci_p2pdma_unmap_sg() (bus-address segments were never
// IOMMU-mapped) and dma_map_sg() lists through dma_unmap_sg(). With the current API, dma_map_sg()/dma_map_sgtable()
// may place PCI bus addresses in a list (marked with sg_dma_mark_bus_address()); any unmap that walks the
// segments itself must skip marked ones instead of unmapping a bus address as an IOVA
// (include/linux/scatterlist.h, kernel/dma/direct.c dma_direct_unmap_sg, drivers/pci/p2pdma.c before ≈6.0).
import type { Expr, FunctionIR } from '../c/ir.js';
import { walkStmts, type CallSite } from '../analysis/index.js';
import { exprsOf } from './support/p2p-branches.js';
import { callerChainSatisfies } from './support/call-graph.js';
import { platformVerdict } from './support/p2p-platforms.js';
import { reviewText } from './support/patch-text.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-map-unmap-mismatch';

type Family = 'p2pdma' | 'dma';

/** Whole-list map and unmap calls by regime, with the index of the list argument (include/linux/dma-mapping.h, pci-p2pdma.h). */
const MAPS: Record<string, { family: Family; list: number }> = {
  pci_p2pdma_map_sg: { family: 'p2pdma', list: 1 },
  pci_p2pdma_map_sg_attrs: { family: 'p2pdma', list: 1 },
  dma_map_sg: { family: 'dma', list: 1 },
  dma_map_sg_attrs: { family: 'dma', list: 1 },
  dma_map_sgtable: { family: 'dma', list: 1 },
  ib_dma_map_sg: { family: 'dma', list: 1 },
  ib_dma_map_sg_attrs: { family: 'dma', list: 1 },
  ib_dma_map_sgtable_attrs: { family: 'dma', list: 1 },
};
const UNMAPS: Record<string, { family: Family; list: number }> = {
  pci_p2pdma_unmap_sg: { family: 'p2pdma', list: 1 },
  pci_p2pdma_unmap_sg_attrs: { family: 'p2pdma', list: 1 },
  dma_unmap_sg: { family: 'dma', list: 1 },
  dma_unmap_sg_attrs: { family: 'dma', list: 1 },
  dma_unmap_sgtable: { family: 'dma', list: 1 },
  ib_dma_unmap_sg: { family: 'dma', list: 1 },
  ib_dma_unmap_sg_attrs: { family: 'dma', list: 1 },
  ib_dma_unmap_sgtable_attrs: { family: 'dma', list: 1 },
};

/** Per-segment unmap primitives that take a dma_addr_t (include/linux/dma-mapping.h, kernel/dma/direct.h, dma-iommu.c). */
const SEGMENT_UNMAPS = /^(dma_unmap_page|dma_unmap_page_attrs|dma_unmap_single|dma_unmap_single_attrs|dma_unmap_phys|dma_unmap_resource|dma_direct_unmap_page|dma_direct_unmap_phys|iommu_dma_unmap_page|iommu_dma_unmap_phys|__iommu_dma_unmap|swiotlb_tbl_unmap_single)$/;

/** Tests that recognise a bus-address segment (include/linux/scatterlist.h; the pre-6.2 name included). */
const BUS_ADDR_TESTS = /\b(sg_dma_is_bus_address|sg_is_dma_bus_address|is_pci_p2pdma_page|pci_p2pdma_state|PCI_P2PDMA_MAP_\w+)\b/;

/** Lists here can carry bus-address segments: the code marks them, or takes P2PDMA pages. */
const P2P_LISTS = /\b(sg_dma_mark_bus_address|is_pci_p2pdma_page|dma_pci_p2pdma_supported|pci_p2pdma_\w+|PCI_P2PDMA_MAP_BUS_ADDR|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA|blk_queue_pci_p2pdma|pci_alloc_p2pmem|pci_p2pmem_alloc_sgl|REQ_P2PDMA)\b/;

const REFS = ['seed 001 (Userspace P2PDMA series: dma_unmap_sg() needs to know which segments are bus addresses)', 'include/linux/scatterlist.h (sg_dma_is_bus_address)', 'kernel/dma/direct.c (dma_direct_unmap_sg)', 'drivers/pci/p2pdma.c (pci_p2pdma_unmap_sg_attrs, before ≈6.0)'];

export const p2pdmaMapUnmapMismatch: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'A scatterlist mapped through a P2PDMA-aware path and unmapped through another (or bus-address segments unmapped as IOVAs)',
    catalogue: ['seed 001'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const mismatches = familyMismatch(ctx);
    // Per-segment unmaps are what the second check reports: without one, the review text need not be read.
    const segmentUnmaps = ctx.analysis.allCalls().some(({ site }) => SEGMENT_UNMAPS.test(site.call.callee));
    return [...mismatches, ...(segmentUnmaps && P2P_LISTS.test(reviewText(ctx)) ? segmentUnmapsOfBusAddrs(ctx) : [])];
  },
};

/** `&iod->sgt`, `iod->sgt.sgl` and `sgt->sgl` name the same list: compare by the last path element before `sgl`. */
function listKey(e: Expr): string {
  const t = e.text.replace(/\s+/g, '').replace(/^&/, '').replace(/(->|\.)sgl$/, '');
  const m = /(?:->|\.)(\w+)$/.exec(t);
  return m ? m[1] : t;
}

interface ListCall { site: CallSite; fn: FunctionIR; family: Family; key: string }

// ───────────── whole-list map/unmap regimes that differ ─────────────

function familyMismatch(ctx: RuleContext): RuleReport[] {
  const maps: ListCall[] = [];
  const unmaps: ListCall[] = [];
  for (const { fn, site } of ctx.analysis.allCalls()) {
    const m = MAPS[site.call.callee];
    const u = UNMAPS[site.call.callee];
    const spec = m ?? u;
    const arg = spec ? site.call.args[spec.list] : undefined;
    if (!spec || !arg) continue;
    (m ? maps : unmaps).push({ site, fn, family: spec.family, key: listKey(arg) });
  }
  const out: RuleReport[] = [];
  for (const u of unmaps) {
    const sameList = maps.filter((m) => m.key === u.key);
    if (sameList.length === 0 || classified(u.site)) continue;
    const families = new Set(sameList.map((m) => m.family));
    const unmapFamilies = new Set(unmaps.filter((x) => x.key === u.key).map((x) => x.family));
    // Either this unmap's regime never mapped the list, or a regime that did map it is never undone (the list is
    // sometimes mapped with pci_p2pdma_map_sg() but always unmapped with dma_unmap_sg()).
    const foreign = !families.has(u.family);
    const orphan = sameList.find((m) => !unmapFamilies.has(m.family) && m.family !== u.family);
    if (!foreign && !orphan) continue;
    const m = foreign ? sameList[0] : orphan!;
    out.push(report(ctx, u.fn, u.site, m,
      `\`${u.site.call.text.replace(/\s+/g, ' ')}\` unmaps a list that ${m.site.call.callee}() ${foreign ? '' : 'may have '}mapped: ${m.family === 'p2pdma' ? 'bus-address segments were never DMA-mapped and must not be unmapped as IOVAs' : 'a dma_map_sg() mapping must be undone by dma_unmap_sg()'}.`));
  }
  return out;
}

/** An unmap under an `if (is_pci_p2pdma_page(...))`-style test: the caller classifies the list before choosing. */
function classified(site: CallSite): boolean {
  return site.stmtParents.some((p) => p.k === 'if' && BUS_ADDR_TESTS.test(p.cond.text));
}

function report(ctx: RuleContext, fn: FunctionIR, site: CallSite, mapped: ListCall, message: string): RuleReport {
  const v = platformVerdict(ctx.model, (t) => t === 'BUS_ADDR' || t === 'THRU_HOST_BRIDGE');
  return {
    line: site.call.line,
    function: fn,
    code: site.call.text,
    message,
    why: 'pci_p2pdma_map_sg() filled BUS_ADDR lists with bus addresses without creating any mapping (pci_p2pdma_unmap_sg() only unmapped host-bridge lists), while dma_map_sg() lists own IOVAs or swiotlb slots. Unmapping one with the other frees IOVAs that were never allocated (or bus addresses taken as IOVAs) on IOMMU platforms, or leaks the real mapping.'
      + (v.broken.length ? ` On the configured platforms P2P lists are ${[...new Set(v.broken.map((p) => p.mapType))].join('/')} (${v.broken.map((p) => p.platform).join(', ')}).` : ''),
    instead: 'Map and unmap through the same API. On current kernels use dma_map_sgtable()/dma_unmap_sgtable() for lists that may hold P2PDMA pages: the unmap skips segments marked with sg_dma_mark_bus_address().',
    evidence: [{ file: ctx.image.path, line: mapped.site.call.line, note: `mapped with ${mapped.site.call.callee}()` }, { file: ctx.image.path, line: site.call.line, note: `unmapped with ${site.call.callee}()` }],
    platformNotes: v.notes,
    references: REFS,
  };
}

// ───────────── per-segment unmaps that treat bus addresses as IOVAs ─────────────

/** A dma_map_sg() implementation's unmap: an unmap_sg op (by name or by a `.unmap_sg =` entry in this image). */
const UNMAP_IMPLEMENTATION = /(^|_)unmap_sg(_attrs)?$/;

/** Callers decide that only swiotlb-bounced lists (which never hold bus addresses) reach the function. */
const SWIOTLB_ONLY = /\bsg_dma_is_swiotlb\b/;

function segmentUnmapsOfBusAddrs(ctx: RuleContext): RuleReport[] {
  const out: RuleReport[] = [];
  const mappedLists = new Set(ctx.analysis.allCalls().filter(({ site }) => MAPS[site.call.callee]?.family === 'dma')
    .map(({ site }) => listKey(site.call.args[MAPS[site.call.callee].list] ?? site.call)));
  const opsUnmaps = new Set([...ctx.image.lineText.values()].flatMap((t) => [...t.matchAll(/\.\s*unmap_sg\s*=\s*(\w+)/g)].map((m) => m[1])));
  for (const fn of ctx.analysis.functions) {
    const implementation = UNMAP_IMPLEMENTATION.test(fn.name) || opsUnmaps.has(fn.name);
    if (implementation && callerChainSatisfies(ctx.analysis, fn, (_f, via) => !!via && via.stmtParents.some((p) => p.k === 'if' && SWIOTLB_ONLY.test(p.cond.text)), { all: true })) continue;
    walkStmts(fn.body, (stmt) => {
      if (stmt.k !== 'loop' || stmt.form !== 'macro' || !stmt.header || !/for_each_(sg|sgtable_dma_sg|sgtable_sg)/.test(stmt.header.text)) return;
      const exprs = exprsOf([stmt.body]);
      const unmap = exprs.find((e): e is Extract<Expr, { k: 'call' }> => e.k === 'call' && SEGMENT_UNMAPS.test(e.callee)
        && e.args.some((a) => /sg_dma_address|->dma_address|\.dma_address/.test(a.text)));
      if (!unmap) return;
      // The list must be one dma_map_sg()/dma_map_sgtable() produced (lists built by hand from dma_map_resource()
      // or dma_map_page() hold no bus-address segments), or this must be the unmap_sg of a DMA implementation.
      const list = stmt.header?.k === 'call' ? stmt.header.args[0] : undefined;
      if (!implementation && !(list && mappedLists.has(listKey(list)))) return;
      if (exprs.some((e) => e.k === 'call' && BUS_ADDR_TESTS.test(e.callee)) || BUS_ADDR_TESTS.test(stmt.header!.text)) return;
      const v = platformVerdict(ctx.model, (t) => t === 'BUS_ADDR');
      out.push({
        line: unmap.line,
        function: fn,
        code: unmap.text,
        // The list's contents are inferred from the file (P2P handling visible), not proven per list.
        certainty: implementation ? 'certain' : 'likely',
        message: `This loop unmaps every segment's DMA address with ${unmap.callee}() without skipping bus-address segments: a PCI_P2PDMA_MAP_BUS_ADDR segment holds a peer's bus address, not an IOVA.`,
        why: 'dma_map_sg() implementations store PCI bus addresses in BUS_ADDR P2PDMA segments and mark them with sg_dma_mark_bus_address(); nothing was mapped for them. Unmapping such a segment as an IOVA or swiotlb slot frees a range that belongs to someone else (IOMMU page-table corruption) or trips DMA debugging.'
          + (v.broken.length ? ` BUS_ADDR segments occur on ${v.broken.map((p) => p.platform).join(', ')}.` : ''),
        instead: 'Skip marked segments, clearing the mark: `if (sg_dma_is_bus_address(sg)) { sg_dma_unmark_bus_address(sg); continue; }` (in a dma_map_sg() implementation), or in a driver simply call dma_unmap_sg()/dma_unmap_sgtable() for the whole list.',
        evidence: [{ file: ctx.image.path, line: stmt.line, note: `\`${stmt.header!.text.replace(/\s+/g, ' ')}\`` }, { file: ctx.image.path, line: unmap.line, note: `${unmap.callee}() on every segment` }],
        platformNotes: v.notes,
        references: REFS,
      });
    });
  }
  return out;
}
