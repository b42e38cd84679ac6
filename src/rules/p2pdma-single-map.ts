// p2pdma-single-map: only the P2P-aware paths (dma_map_sg/dma_map_sgtable in dma-direct and dma-iommu,
// blk_rq_dma_map_iter_*, HMM) apply the P2PDMA map type. dma_map_page()/dma_map_single()/dma_map_phys() on a
// P2PDMA page ignore the bus offset (wrong for BUS_ADDR) and may cache-sync or bounce the MMIO behind it (wrong
// for THRU_HOST_BRIDGE without DMA_ATTR_MMIO), unless the caller first asked pci_p2pdma_state() which case applies.
import type { Expr, FunctionIR } from '../c/ir.js';
import type { Evidence } from '../types.js';
import { exprSitesOfKind, localDeclOf, stripCasts, type Origin } from '../analysis/index.js';
import { argOfRole, mappedArg } from './support/dma-api.js';
import { addressOrigins } from './support/phys-origins.js';
import { evidenceOf } from './support/origins.js';
import { sgLoops } from './support/sg-iterators.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-single-map';
const REFS = ['DMA-008', 'kernel/dma/direct.c (dma_direct_map_sg)', 'include/linux/pci-p2pdma.h (pci_p2pdma_state)', 'block/blk-mq-dma.c'];

/**
 * The calls that decide how a P2PDMA page is mapped before a page/phys API is used (include/linux/pci-p2pdma.h,
 * include/linux/memremap.h): with one of them earlier in the function, the caller is switching on the map type.
 */
const P2P_DECISION = /^(pci_p2pdma_state|pci_p2pdma_map_type|is_pci_p2pdma_page|pci_p2pdma_bus_addr_map)$/;
/** GUP flags that let P2PDMA pages into the result (include/linux/mm.h, include/linux/uio.h). */
const P2P_GUP_FLAG = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;

type Call = Extract<Expr, { k: 'call' }>;

export const p2pdmaSingleMap: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'P2PDMA pages mapped with dma_map_page/dma_map_single/dma_map_phys without a pci_p2pdma_state() switch on the map type',
    catalogue: ['DMA-008'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      const gupPages = p2pGupPages(ctx, fn);
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const c = ctx.model.contract(call.callee);
        if (c?.category !== 'dma-map' || c.returns?.error !== 'dma-mapping-error') continue;
        const arg = mappedArg(ctx.model, call);
        if (!arg || arg.role === 'phys' && call.callee.startsWith('dma_map_resource')) continue;
        const p2p = p2pOrigins(ctx, fn, arg.expr, gupPages);
        if (!p2p.length) continue;
        if (decidedBefore(ctx, fn, call)) continue;
        const notes = ctx.model.p2p().map((p) => `${p.platform}: ${p.mapType} → ${p.outcome}. ${p.explanation}`);
        out.push({
          line: call.line, function: fn, code: call.text, certainty: 'likely',
          message: `${call.callee}() maps \`${arg.expr.text}\`, which can be a P2PDMA page, without asking pci_p2pdma_state() how it must be mapped; the page/single APIs do not apply the P2P map type.`,
          why: 'A P2PDMA page is peer BAR memory with a struct page. Only the sg/sgtable paths (dma-direct, dma-iommu), blk_rq_dma_map_iter_*() and HMM look at the provider/client pair: for PCI_P2PDMA_MAP_BUS_ADDR the device must get the PCI bus address (physical address + bus offset, no IOMMU), for THRU_HOST_BRIDGE a normal mapping of MMIO (DMA_ATTR_MMIO: no cache maintenance, no swiotlb), and NOT_SUPPORTED must fail. dma_map_page()/dma_map_single() do none of this, so the device may get a CPU physical address or IOVA where a bus address was needed, or the MMIO gets bounced.',
          instead: 'Map P2P memory with dma_map_sgtable() (and handle -EREMOTEIO); or call pci_p2pdma_state(&state, dev, page) first and switch: BUS_ADDR → pci_p2pdma_bus_addr_map(), THRU_HOST_BRIDGE → dma_map_phys(..., DMA_ATTR_MMIO), NOT_SUPPORTED → fail.',
          platformNotes: notes,
          evidence: [...evidenceOf(p2p), { file: ctx.image.path, line: call.line, note: `mapped with ${call.callee}()` }],
          references: REFS,
        });
      }
    }
    return out;
  },
};

/** Origins of a mapped argument that are (or may be) P2PDMA memory. */
function p2pOrigins(ctx: RuleContext, fn: FunctionIR, e: Expr, gupPages: Map<string, Evidence>, depth = 0): Origin[] {
  if (depth > 5) return [];
  const x = stripCasts(e);
  const direct = addressOrigins(ctx.analysis, x, fn, ctx.image.path).filter((o) => o.kind === 'p2pdma');
  if (direct.length) return direct;
  // An entry of a scatterlist that holds P2PDMA memory: the cursor of a loop over it, or the list itself.
  if (x.k === 'call' && /^(sg_page|sg_virt|sg_phys)$/.test(x.callee) && x.args[0]) {
    const cur = stripCasts(x.args[0]);
    if (cur.k === 'ident') {
      const loop = sgLoops(fn).find((l) => l.cursor === cur.name);
      if (loop) return p2pOrigins(ctx, fn, loop.list, gupPages, depth + 1);
    }
  }
  // A converter of a page array element: page_to_phys(pages[i]), page_address(pages[i]).
  if (x.k === 'call') {
    const through = ctx.model.passesThrough(x.callee);
    if (through !== undefined && x.args[through]) return p2pOrigins(ctx, fn, x.args[through], gupPages, depth + 1);
  }
  const root = arrayRoot(x);
  if (root && gupPages.has(root)) return [{ kind: 'p2pdma', chain: [gupPages.get(root)!] }];
  if (x.k === 'ident' && localDeclOf(fn, x.name)) {
    const decl = localDeclOf(fn, x.name)!;
    const rhs: Expr[] = decl.init ? [decl.init] : [];
    for (const a of ctx.analysis.provenance.scope(fn).assigns.get(x.name) ?? []) if (!rhs.includes(a.rhs)) rhs.push(a.rhs);
    return rhs.flatMap((r) => p2pOrigins(ctx, fn, r, gupPages, depth + 1).map((o) => ({
      kind: o.kind, chain: [...o.chain, { file: ctx.image.path, line: r.line, note: `assigned to ${x.name}` }],
    })));
  }
  return [];
}

/** `pages[i]` → `pages`, `ctx->pages[i]` → `ctx->pages`. */
function arrayRoot(e: Expr): string | undefined {
  const x = stripCasts(e);
  if (x.k === 'index') return stripCasts(x.base).text.replace(/\s+/g, '');
  return undefined;
}

/**
 * Page arrays filled by GUP/iov_iter extraction with a P2P flag in this function: their entries can be P2PDMA
 * pages. The flags argument may be a variable that gets `|= FOLL_PCI_P2PDMA` somewhere in the function.
 */
function p2pGupPages(ctx: RuleContext, fn: FunctionIR): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (ctx.model.contract(call.callee)?.category !== 'gup') continue;
    const flags = argOfRole(ctx.model, call, 'flags')?.expr;
    const pages = argOfRole(ctx.model, call, 'page')?.expr;
    if (!flags || !pages) continue;
    const flagEv = p2pFlag(fn, flags);
    if (!flagEv) continue;
    const x = stripCasts(pages);
    const key = (x.k === 'addr' ? x.arg.text : x.text).replace(/\s+/g, '');
    out.set(key, { file: ctx.image.path, line: call.line, note: `${call.callee}() with ${flagEv} may return P2PDMA pages in ${key}` });
  }
  return out;
}

/** The P2P flag a flags expression carries, directly or through a variable assigned/or-ed in the function. */
function p2pFlag(fn: FunctionIR, flags: Expr): string | undefined {
  const direct = P2P_GUP_FLAG.exec(flags.text);
  if (direct) return direct[1];
  const x = stripCasts(flags);
  if (x.k !== 'ident') return undefined;
  const init = localDeclOf(fn, x.name)?.init;
  const fromInit = init && P2P_GUP_FLAG.exec(init.text)?.[1];
  if (fromInit) return fromInit;
  for (const { expr: e } of exprSitesOfKind(fn, 'assign')) {
    const flag = e.left.k === 'ident' && e.left.name === x.name ? P2P_GUP_FLAG.exec(e.right.text)?.[1] : undefined;
    if (flag) return flag;
  }
  return undefined;
}

/** True when the function asks for the P2P map type (or tests for a P2PDMA page) before this map call. */
function decidedBefore(ctx: RuleContext, fn: FunctionIR, call: Call): boolean {
  return ctx.analysis.calls(fn).some((s) => P2P_DECISION.test(s.call.callee) && s.call.line <= call.line);
}
