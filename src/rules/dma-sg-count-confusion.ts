// dma-sg-count-confusion: a mapped scatterlist has two views (include/linux/scatterlist.h): the CPU view,
// orig_nents entries with sg_page()/->length, and the DMA view, the first nents entries (the count dma_map_sg()
// returned) with sg_dma_address()/sg_dma_len(). Loops that walk one view and read the other's fields are wrong:
// for_each_sgtable_sg() reading DMA fields, for_each_sgtable_dma_sg() or an sgt->nents bound reading CPU fields,
// and for_each_sg() bounded by the nents that was passed to dma_map_sg() programming hardware with DMA fields.
import type { Expr, FunctionIR } from '../c/ir.js';
import type { Certainty, Evidence } from '../types.js';
import { argOfRole, mapStyle } from './support/dma-api.js';
import { CountFlow } from './support/count-flow.js';
import { localDeclOf, stripCasts } from '../analysis/index.js';
import { fieldRead, sgLoops, stopsAtUnmappedEntry, type FieldRead, type SgLoop } from './support/sg-iterators.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'dma-sg-count-confusion';
const REFS = ['SG-008', 'include/linux/scatterlist.h (for_each_sgtable_sg, for_each_sgtable_dma_sg, sg_dma_len)', 'Documentation/core-api/dma-api.rst (dma_map_sg)'];

type Call = Extract<Expr, { k: 'call' }>;

/** Which view a loop bound counts, with the reason. */
interface Bound {
  view: 'cpu' | 'dma';
  why: string;
  certainty: Certainty;
  evidence: Evidence[];
}

export const dmaSgCountConfusion: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'CPU-view and DMA-view scatterlist iterators and counts mixed (for_each_sgtable_sg reading sg_dma_*, DMA-view bounds reading sg_page/length, nents instead of the mapped count)',
    catalogue: ['SG-008'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const flow = new CountFlow(ctx.analysis, ctx.model, ctx.image.path);
    for (const fn of ctx.analysis.functions) {
      for (const loop of sgLoops(fn)) {
        const bound = boundOf(ctx, fn, loop, flow);
        if (!bound) continue;
        const reads = loop.bodyExprs.map((b) => fieldRead(b.e, b.parents, loop.cursor)).filter((r): r is FieldRead => !!r);
        const wrong = reads.filter((r) => r.half !== bound.view);
        if (!wrong.length) continue;
        if (bound.view === 'cpu' && stopsAtUnmappedEntry(loop)) continue;
        out.push(report(ctx, fn, loop, bound, wrong));
      }
    }
    return out;
  },
};

/** The view a loop's bound belongs to, or undefined when it cannot be told. */
function boundOf(ctx: RuleContext, fn: FunctionIR, loop: SgLoop, flow: CountFlow): Bound | undefined {
  const here: Evidence = { file: ctx.image.path, line: loop.header.line, note: `${loop.kind}() loop` };
  if (loop.view === 'cpu') return { view: 'cpu', why: `${loop.kind}() walks sgt->orig_nents, the CPU entries`, certainty: 'certain', evidence: [here] };
  if (loop.view === 'dma') return { view: 'dma', why: `${loop.kind}() walks sgt->nents, the mapped DMA segments`, certainty: 'certain', evidence: [here] };
  const count = loop.count;
  if (!count) return undefined;
  // An sg_table's own counters: for_each_sg(sgt->sgl, sg, sgt->orig_nents / sgt->nents, i).
  if (count.k === 'field' && (count.field === 'orig_nents' || count.field === 'nents') && sameTable(loop.list, count.base, count.arrow, fn)) {
    return count.field === 'orig_nents'
      ? { view: 'cpu', why: `\`${count.text}\` is the table's CPU entry count`, certainty: 'certain', evidence: [here] }
      // nents is the DMA count only once a map stored it there; until then it equals orig_nents.
      : dmaBound(ctx, count, fn, loop.header.line, here);
  }
  const at = { stmt: loop.at.stmt, stmtParents: loop.at.stmtParents };
  const origins = flow.origins(count, fn, at);
  const mapped = origins.filter((o) => o.cls === 'mapped');
  if (mapped.length && mapped.length === origins.filter((o) => o.cls !== 'reset').length) {
    return { view: 'dma', why: `\`${count.text}\` is the count ${mapped[0].map?.call.callee ?? 'dma_map_sg'}() returned`, certainty: 'certain',
      evidence: [...mapped.flatMap((o) => o.chain), here] };
  }
  // The nents that was given to a dma_map_sg() of this same list, earlier in this function.
  const map = ctx.analysis.calls(fn).map((s) => s.call).find((c) => c.line < loop.header.line && mapsListWith(ctx, c, loop.list, count));
  if (map) {
    return { view: 'cpu', why: `\`${count.text}\` is the nents passed to ${map.callee}() (line ${map.line}), the CPU entry count, not the number of mapped segments it returned`,
      certainty: 'certain', evidence: [{ file: ctx.image.path, line: map.line, note: `${map.callee}() maps ${loop.list.text} with ${count.text} entries and returns the mapped count` }, here] };
  }
  return undefined;
}

function dmaBound(ctx: RuleContext, count: Extract<Expr, { k: 'field' }>, fn: FunctionIR, line: number, here: Evidence): Bound | undefined {
  const certainty = tableMapped(ctx, count.base, fn, line);
  return certainty ? { view: 'dma', why: `\`${count.text}\` is the table's mapped DMA segment count`, certainty, evidence: [here] } : undefined;
}

/** True when `call` is a dma_map_sg()-style map of `list` with exactly `count` as its nents. */
function mapsListWith(ctx: RuleContext, call: Call, list: Expr, count: Expr): boolean {
  if (mapStyle(ctx.model, call.callee) !== 'sg-count') return false;
  const sg = argOfRole(ctx.model, call, 'sg')?.expr;
  const n = argOfRole(ctx.model, call, 'nents')?.expr;
  return !!sg && !!n && norm(sg.text) === norm(list.text) && norm(n.text) === norm(count.text);
}

/** `sgt->sgl` with `sgt->nents`, `t.sgl` with `t.nents`: the counter belongs to the table whose list is walked. */
function sameTable(list: Expr, base: Expr, arrow: boolean, fn: FunctionIR): boolean {
  if (list.k === 'field' && list.field === 'sgl') return norm(list.base.text) === norm(base.text) && list.arrow === arrow;
  // for_each_sg(sgl, ...) with a local `sgl = sgt->sgl`.
  if (list.k === 'ident') {
    const decl = localDeclOf(fn, list.name);
    const init = decl?.init;
    if (init?.k === 'field' && init.field === 'sgl') return norm(init.base.text) === norm(base.text);
  }
  return false;
}

/**
 * Whether `base.nents` is the mapped count where the loop runs: the file puts it there with dma_map_sgtable(base) or
 * `base.nents = dma_map_sg(...)`. 'certain' when that happens earlier in the loop's own function, 'likely' when only
 * other functions do it, undefined when nothing does or the function maps the table only after the loop (until
 * then nents equals orig_nents).
 */
function tableMapped(ctx: RuleContext, base: Expr, fn: FunctionIR, loopLine: number): 'certain' | 'likely' | undefined {
  const key = norm(base.text);
  const sites = ctx.analysis.allCalls().filter(({ site }) => {
    const style = mapStyle(ctx.model, site.call.callee);
    if (style === 'sgtable') {
      const t = argOfRole(ctx.model, site.call, 'sgt')?.expr;
      return !!t && norm(t.k === 'addr' ? t.arg.text : t.text) === key;
    }
    if (style === 'sg-count') {
      const p = site.exprParents[site.exprParents.length - 1];
      return p?.k === 'assign' && p.left.k === 'field' && p.left.field === 'nents' && norm(p.left.base.text) === key;
    }
    return false;
  });
  const here = sites.filter((s) => s.fn === fn);
  if (here.some((s) => s.site.call.line < loopLine)) return 'certain';
  if (here.length) return undefined;
  // Across functions only a table reached through the same struct path (`req->sgt`) is the same table; a bare
  // parameter or local called `sgt` in another function is just another table with the same name.
  const sharedPath = stripCasts(base).k !== 'ident';
  return sharedPath && sites.length ? 'likely' : undefined;
}

function norm(s: string): string {
  return s.replace(/\s+/g, '');
}

function report(ctx: RuleContext, fn: FunctionIR, loop: SgLoop, bound: Bound, wrong: FieldRead[]): RuleReport {
  const reads = [...new Set(wrong.map((r) => r.what))].join(', ');
  const first = wrong[0];
  const dmaRead = bound.view === 'cpu';
  const message = dmaRead
    ? `This ${loop.kind}() loop reads ${reads} of \`${loop.cursor}\`, but ${bound.why}: after mapping, only the first nents entries (the count dma_map_sg() returned) carry DMA addresses and lengths.`
    : `This ${loop.kind}() loop reads ${reads} of \`${loop.cursor}\`, but ${bound.why}: DMA segment i is not CPU entry i once the mapping merged entries, and the CPU list may have more entries.`;
  return {
    line: first.e.line,
    startLine: loop.header.line,
    function: fn,
    code: `${loop.header.text} ${first.e.text}`,
    certainty: bound.certainty,
    message,
    why: dmaRead
      ? 'dma_map_sg() may merge adjacent entries (IOMMU, swiotlb) and returns how many DMA segments it produced; the DMA fields of the remaining entries are undefined (dma-iommu leaves sg_dma_len() 0 there). Programming the device from the CPU bound sends garbage addresses or drops data. Without CONFIG_NEED_SG_DMA_LENGTH sg_dma_len() aliases ->length, which hides the bug on x86.'
      : 'The DMA view has as many entries as the map returned; the CPU fields (page, offset, length) of those entries describe different memory than the DMA segments, and the CPU list can be longer than the DMA count.',
    instead: dmaRead
      ? 'Walk the DMA view: for_each_sgtable_dma_sg(sgt, sg, i), or for_each_sg(sgl, sg, count, i) with the count dma_map_sg() returned.'
      : 'Walk the CPU view for CPU fields: for_each_sgtable_sg(sgt, sg, i) (orig_nents), or for_each_sg() with the original nents.',
    evidence: [...bound.evidence, { file: ctx.image.path, line: first.e.line, note: `reads ${first.what}` }],
    references: REFS,
  };
}
