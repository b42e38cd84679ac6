// p2pdma-mixed-sgl: code that assumes a scatterlist is all-P2PDMA or all-RAM (one provider, one map type)
// when its inputs can mix. Two shapes: (1) a map_sg implementation that hides BUS_ADDR segments from the IOMMU
// by zeroing their length and still passes the mixed list to the IOMMU mapping, relying on size-0 mappings being
// ignored; (2) a whole list classified from its first entry (is_pci_p2pdma_page(sg_page(sgl)), the first
// page's pgmap, or the removed pci_p2pdma_map_sg() that required homogeneous lists) in code whose lists are built
// from user memory or several sources. Current dma-direct and dma-iommu evaluate every segment
// (kernel/dma/direct.c, drivers/iommu/dma-iommu.c); first-segment classifiers stay correct only while producers
// never mix.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { stmtChildren, walkStmts, type CallSite } from '../analysis/index.js';
import { guardingMapTypes } from './support/p2p-branches.js';
import { brokenSentence, platformVerdict } from './support/p2p-platforms.js';
import { reviewText } from './support/patch-text.js';
import { lazy } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-mixed-sgl';

/** Per-page P2P classifiers (include/linux/memremap.h, include/linux/pci-p2pdma.h). */
const CLASSIFIERS = new Set(['is_pci_p2pdma_page', 'pci_p2pdma_state', 'pci_p2pdma_map_type', 'page_pgmap', 'is_zone_device_page']);

/** The removed whole-list P2P mappers that required homogeneous lists (drivers/pci/p2pdma.c before ≈6.0). */
const HOMOGENEOUS_MAPPERS = new Set(['pci_p2pdma_map_sg', 'pci_p2pdma_map_sg_attrs', 'pci_p2pdma_unmap_sg', 'pci_p2pdma_unmap_sg_attrs']);

/** Whole-list consumers whose behaviour the classification selects. */
const WHOLE_LIST = /^(dma_map_sg|dma_map_sg_attrs|dma_map_sgtable|dma_unmap_sg|dma_unmap_sg_attrs|dma_unmap_sgtable|ib_dma_map_sg\w*|ib_dma_unmap_sg\w*|pci_p2pdma_\w*map_sg\w*)$/;

/**
 * Producers after which one list can hold both P2PDMA and regular pages: user memory extracted with the P2P
 * flag (a user buffer may span a P2P mmap and anonymous memory), appended tables and chained lists
 * (mm/gup.c, lib/iov_iter.c, lib/scatterlist.c).
 */
const MIXING_PRODUCERS = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA|sg_alloc_append_table_from_pages|sg_chain)\b/;

const REFS = ['P2P-008', 'kernel/dma/direct.c (dma_direct_map_sg)', 'drivers/iommu/dma-iommu.c (iommu_dma_map_sg)', 'block/blk-mq-dma.c', 'LKML 2022 "[PATCH v7 08/21] iommu/dma: support PCI P2PDMA pages in dma-iommu map_sg" (Robin Murphy)'];

export const p2pdmaMixedSgl: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'Scatterlists mixing P2PDMA and regular pages handled as if homogeneous (first-entry classification, zero-length BUS_ADDR segments in an IOMMU map)',
    catalogue: ['P2P-008'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    // The first-entry check starts from a classifier or homogeneous mapper call: read the review text only then.
    const mixingOf = lazy(() => MIXING_PRODUCERS.exec(reviewText(ctx))?.[1]);
    for (const fn of ctx.analysis.functions) {
      out.push(...zeroLengthBusSegments(ctx, fn));
      if (!ctx.analysis.calls(fn).some((s) => CLASSIFIERS.has(s.call.callee) || HOMOGENEOUS_MAPPERS.has(s.call.callee))) continue;
      const m = mixingOf();
      if (m) out.push(...firstEntryClassification(ctx, fn, m));
    }
    return out;
  },
};

// ───────────── (1) BUS_ADDR segments hidden from the IOMMU by a zero length ─────────────

function zeroLengthBusSegments(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== 'expr' || stmt.expr.k !== 'assign' || stmt.expr.op !== '=') return;
    const { left, right } = stmt.expr;
    if (left.k !== 'field' || left.field !== 'length' || right.text.trim() !== '0') return;
    // A per-segment pass: inside a loop, or (when the hunk starts inside the loop body) next to a `continue`.
    const holder = parents[parents.length - 1];
    const nextToContinue = !!holder && stmtChildren(holder).some((b) => b.k === 'continue');
    if (!parents.some((p) => p.k === 'loop') && !nextToContinue) return;
    const guards = guardingMapTypes(stmt, parents);
    const p2pGuard = parents.find((p): p is Extract<Stmt, { k: 'if' }> => p.k === 'if' && /is_pci_p2pdma_page/.test(p.cond.text));
    if (!guards.has('BUS_ADDR') && !p2pGuard) return;
    const verdict = platformVerdict(ctx.model, (t) => t === 'BUS_ADDR');
    out.push({
      line: stmt.line,
      function: fn,
      code: stmt.text,
      message: `\`${stmt.text.trim()}\` hides a P2PDMA bus-address segment from the IOMMU mapping by giving it a zero length; the mixed list still goes to the IOMMU and relies on size-0 mappings being skipped.`,
      why: 'A list may mix RAM, host-bridge and BUS_ADDR P2PDMA segments. Bus-address segments must bypass the IOVA allocation altogether; a zero CPU length only works because iommu_map_sg()/__iommu_map() happen to accept size 0 today, corrupts the segment\'s length for later passes (finalise, unmap, restore), and breaks as soon as mixed lists are common (Robin Murphy on the dma-iommu P2PDMA series).'
        + brokenSentence(verdict, 'segments are BUS_ADDR'),
      instead: 'Mark the segment as a bus address (sg_dma_mark_bus_address()) with its dma_address and sg_dma_len set, leave ->length alone, and make the IOMMU mapping skip marked segments (iommu_map_sg() tests sg_dma_is_bus_address()); __finalise_sg() then copies marked segments into the output list without merging.',
      evidence: [
        ...(p2pGuard ? [{ file: ctx.image.path, line: p2pGuard.line, note: `P2PDMA segment: \`${p2pGuard.cond.text.replace(/\s+/g, ' ')}\`` }] : []),
        { file: ctx.image.path, line: stmt.line, note: 'length zeroed instead of marking the segment' },
      ],
      platformNotes: verdict.notes,
      references: REFS,
    });
  });
  return out;
}

// ───────────── (2) a whole list judged by its first entry ─────────────

/** The list a classifier looks at when it reads the FIRST entry: `sg_page(sgl)`, `sgt->sgl`, `sg_page(req->sg)`. */
function firstEntryList(call: Extract<Expr, { k: 'call' }>): Expr | undefined {
  for (const a of call.args) {
    const page = a.k === 'field' && a.field === 'pgmap' ? a.base : a;
    if (page.k === 'call' && page.callee === 'sg_page' && page.args[0]) return page.args[0];
  }
  return undefined;
}

/** True when `list` is the cursor of a loop enclosing the site (then the classification is per entry). */
function iteratedHere(site: CallSite, list: Expr): boolean {
  const key = list.text.replace(/\s+/g, '');
  return site.stmtParents.some((p) => p.k === 'loop' && p.header?.k === 'call' && p.header.args.some((a, i) => i > 0 && a.text.replace(/\s+/g, '') === key));
}

function listKey(e: Expr): string {
  const t = e.text.replace(/\s+/g, '').replace(/^&/, '');
  return t.replace(/(->|\.)sgl$/, '');
}

function firstEntryClassification(ctx: RuleContext, fn: FunctionIR, mixing: string): RuleReport[] {
  const out: RuleReport[] = [];
  const calls = ctx.analysis.calls(fn);
  for (const site of calls) {
    const c = site.call;
    let list: Expr | undefined;
    let what = '';
    if (CLASSIFIERS.has(c.callee)) {
      list = firstEntryList(c);
      what = `${c.callee}() of the first entry`;
    } else if (HOMOGENEOUS_MAPPERS.has(c.callee)) {
      list = c.args[1];
      what = `${c.callee}(), which requires every entry to be a P2PDMA page of one provider`;
    }
    if (!list || iteratedHere(site, list)) continue;
    const key = listKey(list);
    const consumer = calls.find((s) => s !== site && WHOLE_LIST.test(s.call.callee) && s.call.args.some((a) => listKey(a) === key));
    if (!consumer && !HOMOGENEOUS_MAPPERS.has(c.callee)) continue;
    const verdict = platformVerdict(ctx.model, (t) => t !== 'NONE');
    out.push({
      line: c.line,
      function: fn,
      code: c.text,
      message: `The whole list \`${list.text.replace(/\s+/g, '')}\` is handled according to ${what}, but lists in this code can mix P2PDMA and regular pages (${mixing} is used here).`,
      why: 'A user buffer can span a P2PDMA mmap and ordinary memory, and appended or chained tables join pages from different sources, so one list may hold RAM pages, P2PDMA pages of several providers and several map types. Judging it by its first entry maps the rest with the wrong method: bus addresses for RAM, or CPU addresses for BUS_ADDR peers.'
        + brokenSentence(verdict, 'the map type differs from the first entry\'s'),
      instead: 'Map the list with dma_map_sgtable(), which evaluates every segment (pci_p2pdma_state() per entry) and returns -EREMOTEIO for unreachable ones; if a homogeneous list is really required, enforce it where the list is built (split at zone_device_pages_have_same_pgmap() boundaries).',
      evidence: [{ file: ctx.image.path, line: c.line, note: what }, ...(consumer ? [{ file: ctx.image.path, line: consumer.call.line, note: `the whole list goes to ${consumer.call.callee}()` }] : [])],
      platformNotes: verdict.notes,
      references: REFS,
    });
  }
  return out;
}
