// p2pdma-swiotlb: P2PDMA or peer MMIO that can end up bounced through swiotlb or cache-maintained. A bounce is
// a CPU memcpy from MMIO and loses the peer-to-peer transfer; cache maintenance on MMIO is meaningless or
// harmful. Three shapes: a forced-bounce branch (is_swiotlb_force_bounce, dev_use_swiotlb, dev_use_sg_swiotlb,
// !dma_capable) taken before P2PDMA pages are excluded; a sync/bounce loop over mapped segments that does not
// skip bus-address segments; a host-bridge mapping without DMA_ATTR_MMIO (kernel/dma/direct.h,
// drivers/iommu/dma-iommu.c, include/linux/dma-mapping.h).
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { exprSitesOfKind, walkExpr, walkStmts } from '../analysis/index.js';
import { exprsOf, guardingMapTypes, switchCases, mapTypeSwitches, flatten } from './support/p2p-branches.js';
import { brokenSentence, platformVerdict } from './support/p2p-platforms.js';
import { reviewText } from './support/patch-text.js';
import { lazy } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-swiotlb';

/** Predicates that force or select bouncing (kernel/dma/direct.h, include/linux/swiotlb.h, drivers/iommu/dma-iommu.c). */
const FORCED_BOUNCE = /\b(is_swiotlb_force_bounce|dev_use_swiotlb|dev_use_sg_swiotlb|dev_is_untrusted|swiotlb_force)\b|!\s*dma_capable\s*\(/;

/** Calls that bounce through swiotlb (kernel/dma/swiotlb.c, drivers/iommu/dma-iommu.c). */
const BOUNCES = /^(swiotlb_map|swiotlb_tbl_map_single|swiotlb_bounce|iommu_dma_map_sg_swiotlb)$/;

/** Per-segment sync or bounce primitives of DMA implementations (kernel/dma/direct.h, include/linux/dma-map-ops.h). */
const SEGMENT_SYNC = /^(swiotlb_sync_single_for_(cpu|device)|swiotlb_tbl_unmap_single|swiotlb_tbl_map_single|arch_sync_dma_for_(cpu|device)|dma_direct_sync_single_for_(cpu|device)|iommu_dma_sync_single_for_(cpu|device))$/;

/** Tests that keep P2PDMA or bus-address segments out of a bounce or sync (include/linux/scatterlist.h, memremap.h). */
const P2P_EXCLUSION = /\b(is_pci_p2pdma_page|pci_p2pdma_state|pci_p2pdma_map_type|sg_dma_is_bus_address|sg_is_dma_bus_address|DMA_ATTR_MMIO|PCI_P2PDMA_MAP_\w+|is_pci_p2pdma_folio)\b/;

/** Code that sees P2PDMA pages (so the paths above can receive them). */
const SEES_P2P = /\b(is_pci_p2pdma_page|pci_p2pdma_\w+|PCI_P2PDMA_MAP_\w+|sg_dma_mark_bus_address|sg_dma_is_bus_address|sg_is_dma_bus_address|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;

/** Mapping calls whose last argument is the attrs word (include/linux/dma-mapping.h, kernel/dma/direct.h). */
const ATTR_MAPPERS = /^(dma_map_phys|dma_direct_map_phys|iommu_dma_map_phys|dma_iova_link|dma_map_page_attrs|dma_direct_map_page|iommu_dma_map_page)$/;

const REFS = ['P2P-007', 'kernel/dma/direct.h (dma_direct_map_phys)', 'drivers/iommu/dma-iommu.c (dev_use_sg_swiotlb, iommu_dma_map_sg_swiotlb)', 'include/linux/dma-mapping.h (DMA_ATTR_MMIO)', 'LKML 2022 "Userspace P2PDMA with O_DIRECT NVMe devices" v5 cover: "Ensure swiotlb is not used with P2PDMA pages"'];

export const p2pdmaSwiotlb: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'P2PDMA/peer MMIO that may be bounced through swiotlb or cache-synced (forced bounce before P2P exclusion, sync loops not skipping bus addresses, host-bridge maps without DMA_ATTR_MMIO)',
    catalogue: ['P2P-007'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    // Both P2P-only checks start from a bounce or sync call: the review text is read only for functions with one.
    const seesP2p = lazy(() => SEES_P2P.test(reviewText(ctx)));
    for (const fn of ctx.analysis.functions) {
      if (ctx.analysis.calls(fn).some((s) => BOUNCES.test(s.call.callee) || SEGMENT_SYNC.test(s.call.callee)) && seesP2p()) {
        out.push(...bounceBeforeExclusion(ctx, fn));
        out.push(...syncLoopWithoutSkip(ctx, fn));
      }
      out.push(...hostBridgeWithoutMmio(ctx, fn));
    }
    return out;
  },
};

function verdictNotes(ctx: RuleContext) {
  return platformVerdict(ctx.model, (t) => t === 'THRU_HOST_BRIDGE' || t === 'BUS_ADDR');
}

// ───────────── forced bounce before the P2P exclusion ─────────────

function bounceBeforeExclusion(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== 'if' || !FORCED_BOUNCE.test(stmt.cond.text)) return;
    const body = stmt.then.k === 'block' ? stmt.then.body : [stmt.then];
    const bounce = firstCall(body, (c) => BOUNCES.test(c.callee));
    if (!bounce) return;
    // Excluded inside the branch before the bounce, in the condition itself, or earlier in the function.
    const before = flatten(body).filter((s) => s.line < bounce.line || (s.line === bounce.line && s.k === 'if'));
    if (P2P_EXCLUSION.test(stmt.cond.text) || before.some((s) => s.k === 'if' && excludesAllP2p(s.cond))) return;
    if (excludedEarlier(fn, stmt.line) || parents.some((p) => p.k === 'if' && P2P_EXCLUSION.test(p.cond.text))) return;
    const v = verdictNotes(ctx);
    out.push({
      line: bounce.line,
      function: fn,
      code: bounce.text,
      message: `\`${stmt.cond.text.replace(/\s+/g, ' ')}\` sends the mapping to ${bounce.callee}() before P2PDMA pages are ruled out: a P2PDMA page here would be bounced through swiotlb.`,
      why: 'Bouncing copies the data with the CPU between the swiotlb buffer and the page; for a P2PDMA page that is a memcpy to or from another device\'s BAR (forbidden CPU access), and the client then DMAs to the bounce buffer instead of the peer, so the peer-to-peer transfer silently becomes a host-memory one. Forced bouncing happens for confidential-computing guests, untrusted/external devices and addressing limits.'
        + brokenSentence(v, 'P2PDMA pages reach this mapping'),
      instead: 'Refuse P2PDMA pages first (`if (is_pci_p2pdma_page(page)) return DMA_MAPPING_ERROR;` inside the bounce branch, or fail the map_sg with -EREMOTEIO), or map MMIO with DMA_ATTR_MMIO, which never bounces.',
      evidence: [{ file: ctx.image.path, line: stmt.line, note: `forced-bounce branch \`${stmt.cond.text.replace(/\s+/g, ' ')}\`` }, { file: ctx.image.path, line: bounce.line, note: `${bounce.callee}() with no P2PDMA exclusion before it` }],
      platformNotes: v.notes,
      references: REFS,
    });
  });
  return out;
}

/**
 * A condition that is true for every P2PDMA page: the P2P test is not and-ed with anything else
 * (`is_pci_p2pdma_page(page) && !reachable` lets reachable P2PDMA pages through).
 */
function excludesAllP2p(cond: Expr): boolean {
  let all = false;
  walkExpr(cond, (e, parents) => {
    if (e.k !== 'call' || !P2P_EXCLUSION.test(e.callee)) return;
    if (!parents.some((p) => p.k === 'binary' && p.op === '&&')) all = true;
  });
  return all;
}

/** An early return on a P2P test before `line`: `if (is_pci_p2pdma_page(page)) return ...;`. */
function excludedEarlier(fn: FunctionIR, line: number): boolean {
  let found = false;
  walkStmts(fn.body, (s) => {
    if (found || s.k !== 'if' || s.line >= line || !excludesAllP2p(s.cond)) return;
    const then = s.then.k === 'block' ? s.then.body : [s.then];
    if (then.some((t) => t.k === 'return' || t.k === 'goto')) found = true;
  });
  return found;
}

function firstCall(stmts: Stmt[], pred: (c: Extract<Expr, { k: 'call' }>) => boolean): Extract<Expr, { k: 'call' }> | undefined {
  for (const e of exprsOf(stmts)) if (e.k === 'call' && pred(e)) return e;
  return undefined;
}

// ───────────── sync/bounce loops that do not skip bus-address segments ─────────────

function syncLoopWithoutSkip(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== 'loop' || stmt.form !== 'macro' || !stmt.header || !/for_each_(sg|sgtable)/.test(stmt.header.text)) return;
    const sync = firstCall([stmt.body], (c) => SEGMENT_SYNC.test(c.callee));
    if (!sync) return;
    if (exprsOf([stmt.body]).some((e) => e.k === 'call' && P2P_EXCLUSION.test(e.callee))) return;
    // A loop that only runs for swiotlb-mapped lists (dma-iommu's sg_dma_is_swiotlb() gate) never sees bus addresses.
    if (parents.some((p) => p.k === 'if' && /sg_dma_is_swiotlb|P2P|p2p/.test(p.cond.text) && p.then === stmt)) return;
    if (parents.some((p) => p.k === 'if' && /sg_dma_is_swiotlb/.test(p.cond.text))) return;
    const v = verdictNotes(ctx);
    out.push({
      line: sync.line,
      function: fn,
      code: sync.text,
      message: `This loop calls ${sync.callee}() on every mapped segment without skipping bus-address (P2PDMA) segments.`,
      why: 'A list mapped by dma_map_sg() can contain PCI_P2PDMA_MAP_BUS_ADDR segments (marked with sg_dma_mark_bus_address()) whose dma_address is a peer\'s bus address, not memory: treating it as a swiotlb slot or a cache range syncs or copies the wrong memory. Host-bridge P2P segments are MMIO and need no cache maintenance either.'
        + brokenSentence(v, 'the list holds P2PDMA segments'),
      instead: 'Skip marked segments in every per-segment pass (`if (sg_dma_is_bus_address(sg)) continue;`), and skip P2PDMA pages (is_pci_p2pdma_page(sg_page(sg))) before cache maintenance.',
      evidence: [{ file: ctx.image.path, line: stmt.line, note: `\`${stmt.header!.text.replace(/\s+/g, ' ')}\`` }, { file: ctx.image.path, line: sync.line, note: `${sync.callee}() for every segment` }],
      platformNotes: v.notes,
      references: REFS,
    });
  });
  return out;
}

// ───────────── host-bridge mapping without DMA_ATTR_MMIO ─────────────

function hostBridgeWithoutMmio(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  if (ctx.model.apiStatus('DMA_ATTR_MMIO')?.exists === false) return [];
  const out: RuleReport[] = [];
  const runs: { stmts: Stmt[]; line: number }[] = [];
  for (const sw of mapTypeSwitches(fn)) {
    for (const c of switchCases(sw)) if (c.mapTypes.includes('THRU_HOST_BRIDGE')) runs.push({ stmts: c.run, line: c.label.line });
  }
  walkStmts(fn.body, (s, parents) => {
    if (s.k === 'if' && /==\s*PCI_P2PDMA_MAP_THRU_HOST_BRIDGE|PCI_P2PDMA_MAP_THRU_HOST_BRIDGE\s*==/.test(s.cond.text) && guardingMapTypes(s.then, [...parents, s]).has('THRU_HOST_BRIDGE')) {
      runs.push({ stmts: [s.then], line: s.line });
    }
  });
  for (const r of runs) {
    const exprs = exprsOf(r.stmts);
    if (exprs.some((e) => e.k === 'assign' && /DMA_ATTR_MMIO/.test(e.right.text))) continue;
    for (const e of exprs) {
      if (e.k !== 'call' || !ATTR_MAPPERS.test(e.callee)) continue;
      if (e.args.some((a) => /DMA_ATTR_MMIO/.test(a.text))) continue;
      const attrs = e.args[e.args.length - 1];
      if (attrs && attrsCarryMmio(fn, attrs, e.line)) continue;
      const v = platformVerdict(ctx.model, (t) => t === 'THRU_HOST_BRIDGE');
      out.push({
        line: e.line,
        function: fn,
        code: e.text,
        message: `The PCI_P2PDMA_MAP_THRU_HOST_BRIDGE path maps peer MMIO with ${e.callee}() without DMA_ATTR_MMIO: the mapping may bounce it through swiotlb and apply CPU cache maintenance.`,
        why: 'Host-bridge P2P targets another device\'s BAR. Without DMA_ATTR_MMIO the DMA core treats the physical address as RAM: dma-direct may bounce it (forced swiotlb, addressing limits) and syncs caches on non-coherent platforms, and IOMMU paths map it without IOMMU_MMIO. DMA_ATTR_MMIO exists to suppress exactly that.'
          + brokenSentence(v, 'traffic crosses the host bridge'),
        instead: 'Add DMA_ATTR_MMIO for host-bridge P2P (`attrs |= DMA_ATTR_MMIO; fallthrough;` into the common mapping), as dma-direct and blk-mq-dma do.',
        evidence: [{ file: ctx.image.path, line: r.line, note: 'PCI_P2PDMA_MAP_THRU_HOST_BRIDGE path' }, { file: ctx.image.path, line: e.line, note: `${e.callee}() without DMA_ATTR_MMIO` }],
        platformNotes: v.notes,
        references: REFS,
        suggestion: attrs ? { startLine: e.line, endLine: e.line, replacement: (ctx.image.lineText.get(e.line) ?? '').replace(attrs.text, `${attrs.text} | DMA_ATTR_MMIO`), safety: 'review' } : undefined,
      });
    }
  }
  return out;
}

/** The attrs variable got DMA_ATTR_MMIO earlier in the function (`attrs |= DMA_ATTR_MMIO`). */
function attrsCarryMmio(fn: FunctionIR, attrs: Expr, line: number): boolean {
  if (attrs.k !== 'ident') return false;
  return exprSitesOfKind(fn, 'assign').some(({ expr: e, stmt }) => stmt.line <= line
    && e.left.k === 'ident' && e.left.name === attrs.name && /DMA_ATTR_MMIO/.test(e.right.text));
}
