// dma-fields-unmapped: sg_dma_address()/sg_dma_len() (and ->dma_address/->dma_length) are defined only between a
// successful dma_map_sg()/dma_map_sgtable() and the unmap (include/linux/scatterlist.h). Reads before the map, after
// the unmap, or in the branch that handles a failed map are reported, within one function and along straight-line
// paths; anything less certain is left alone.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import type { Evidence } from '../types.js';
import { exprSitesOfKind, stripCasts, type CallSite } from '../analysis/index.js';
import { argOfRole, mapStyle, releaseStyle } from './support/dma-api.js';
import { branchOf, dominates, shareLoop, straightLine, type Located } from './support/flow-order.js';
import { isDmaFieldRead, sgLoops } from './support/sg-iterators.js';
import { parentOf, resultTarget, signTest, usesAfter, zeroTest } from './support/uses.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'dma-fields-unmapped';
const REFS = ['DMA-005', 'include/linux/scatterlist.h (sg_dma_address, sg_dma_len)', 'Documentation/core-api/dma-api.rst'];

type Call = Extract<Expr, { k: 'call' }>;

/** A map or unmap of a list, keyed by the list it acts on. */
interface ListEvent {
  kind: 'map' | 'unmap';
  call: Call;
  at: Located;
  site: CallSite;
  list: string;
  style?: 'sg-count' | 'sgtable';
}

interface FieldReadSite {
  e: Expr;
  what: string;
  list: string;
  at: Located;
}

export const dmaFieldsUnmapped: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'sg_dma_address()/sg_dma_len() read before a successful map, after the unmap, or in the failure path of the map',
    catalogue: ['DMA-005'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      const events = listEvents(ctx, fn);
      if (!events.length) continue;
      const reads = fieldReads(fn);
      const reported = new Set<Expr>();
      const push = (r: FieldReadSite, rep: Omit<RuleReport, 'line' | 'function' | 'code' | 'references'>) => {
        if (reported.has(r.e)) return;
        reported.add(r.e);
        out.push({ line: r.e.line, function: fn, code: r.e.text, references: REFS, ...rep });
      };
      for (const r of reads) {
        const same = events.filter((ev) => ev.list === r.list);
        if (!same.length) continue;
        // After the unmap, on a straight line with no map of the list in between.
        const unmap = same.find((ev) => ev.kind === 'unmap' && straightLine(ev.at, r.at) && !shareLoop(ev.at, r.at)
          && !same.some((m) => m.kind === 'map' && m.call.line > ev.call.line && m.call.line <= r.e.line));
        if (unmap) {
          push(r, {
            certainty: 'certain',
            message: `${r.what} of \`${r.list}\` is read after ${unmap.call.callee}() (line ${unmap.call.line}) released the mapping; the DMA fields no longer describe anything.`,
            why: why(), instead: 'Read the DMA address and length while the list is mapped (before the unmap), or keep the values you need in your own descriptor.',
            evidence: [{ file: ctx.image.path, line: unmap.call.line, note: `${unmap.call.callee}() unmaps ${r.list}` }, { file: ctx.image.path, line: r.e.line, note: `reads ${r.what}` }],
          });
          continue;
        }
        // Before the first map, with the read running first on every path to it.
        const map = same.find((ev) => ev.kind === 'map' && ev.call.line > r.e.line && straightLine(r.at, ev.at) && !shareLoop(ev.at, r.at));
        if (map && !same.some((ev) => ev.call.line < r.e.line)) {
          push(r, {
            certainty: 'certain',
            message: `${r.what} of \`${r.list}\` is read before ${map.call.callee}() (line ${map.call.line}) has mapped the list; the DMA fields are not set yet.`,
            why: why(), instead: 'Map the list first and read the DMA fields only after the map succeeded (and only for the mapped count of entries).',
            evidence: [{ file: ctx.image.path, line: r.e.line, note: `reads ${r.what}` }, { file: ctx.image.path, line: map.call.line, note: `${map.call.callee}() maps ${r.list} only here` }],
          });
          continue;
        }
        // In the branch that handles a failed map.
        for (const m of same.filter((ev) => ev.kind === 'map' && ev.call.line <= r.e.line)) {
          const failure = failureBranch(ctx, fn, m);
          if (!failure || !failure.branch || branchOf(failure.ifStmt, r.at) !== failure.branch) continue;
          push(r, {
            certainty: 'certain',
            message: `${r.what} of \`${r.list}\` is read in the branch that handles a failed ${m.call.callee}() (\`${failure.test}\`); nothing was mapped, so the DMA fields are undefined.`,
            why: why(), instead: 'On a failed map, report the error without touching sg_dma_address()/sg_dma_len() (the CPU fields sg_page()/->length are still valid for messages).',
            evidence: [{ file: ctx.image.path, line: m.call.line, note: `${m.call.callee}() may fail` }, { file: ctx.image.path, line: failure.ifStmt.line, note: `failure tested: ${failure.test}` },
              { file: ctx.image.path, line: r.e.line, note: `reads ${r.what}` }] as Evidence[],
          });
          break;
        }
      }
    }
    return out;
  },
};

/** Maps and unmaps of lists in `fn`, with a normalised name for the list (a table's list is `<table>.sgl`). */
function listEvents(ctx: RuleContext, fn: FunctionIR): ListEvent[] {
  const out: ListEvent[] = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    const style = mapStyle(ctx.model, call.callee);
    const release = releaseStyle(ctx.model, call.callee);
    const kind = style === 'sg-count' || style === 'sgtable' ? 'map' : release === 'unmap' ? 'unmap' : undefined;
    if (!kind) continue;
    const sg = argOfRole(ctx.model, call, 'sg')?.expr;
    const sgt = argOfRole(ctx.model, call, 'sgt')?.expr;
    const list = sg ? listKey(sg) : sgt ? tableListKey(sgt) : undefined;
    if (!list) continue;
    out.push({ kind, call, site, at: { stmt: site.stmt, stmtParents: site.stmtParents }, list, style: style === 'address' ? undefined : style });
  }
  return out;
}

/** Reads of DMA fields in `fn`: direct (`sg_dma_address(sgl)`) or through an iterator's cursor (the list walked). */
function fieldReads(fn: FunctionIR): FieldReadSite[] {
  const out: FieldReadSite[] = [];
  const inLoops = new Set<Expr>();
  for (const loop of sgLoops(fn)) {
    const list = loop.kind.startsWith('for_each_sgtable') ? tableListKey(loop.list) : listKey(loop.list);
    for (const b of loop.bodyExprs) {
      const r = isDmaFieldRead(b.e, b.parents);
      if (!r) continue;
      const x = stripCasts(r.list);
      if (x.k !== 'ident' || x.name !== loop.cursor) continue;
      inLoops.add(b.e);
      out.push({ e: b.e, what: r.what, list, at: b.at });
    }
  }
  // Only calls (the accessors) and fields can be reads (a case label, a constant, holds neither). What a call is
  // called through is not read as data: `x->dma_address(...)` would be a function pointer of that name.
  for (const { expr: e, exprParents: parents, stmt, stmtParents } of exprSitesOfKind(fn, 'call', 'field')) {
    if (inLoops.has(e) || inCallee(e, parents)) continue;
    const r = isDmaFieldRead(e, parents);
    if (!r) continue;
    out.push({ e, what: r.what, list: listKey(r.list), at: { stmt, stmtParents } });
  }
  return out;
}

/** True when `e` is, or is inside, the callee expression of an enclosing call. */
function inCallee(e: Expr, parents: readonly Expr[]): boolean {
  for (let i = 0; i < parents.length; i++) {
    const p = parents[i];
    if (p.k === 'call' && p.calleeExpr && (i + 1 < parents.length ? parents[i + 1] : e) === p.calleeExpr) return true;
  }
  return false;
}

/** `&sg[0]`, `sg`, `(struct scatterlist *)sg` → `sg`; `&t.sgl[0]` → `t.sgl`. */
function listKey(e: Expr): string {
  let x = stripCasts(e);
  if (x.k === 'addr') x = stripCasts(x.arg);
  if (x.k === 'index' && x.index.k === 'literal' && /^0+$/.test(x.index.text.trim())) x = stripCasts(x.base);
  return x.text.replace(/\s+/g, '').replace(/->/g, '.');
}

/** The list of a table expression: `sgt` → `sgt.sgl`, `&t` → `t.sgl`. */
function tableListKey(e: Expr): string {
  const x = stripCasts(e);
  const base = x.k === 'addr' ? x.arg : x;
  return `${base.text.replace(/\s+/g, '').replace(/->/g, '.')}.sgl`;
}

/** The `if` that handles a failed map, the branch taken on failure, and the test text. */
function failureBranch(ctx: RuleContext, fn: FunctionIR, m: ListEvent): { ifStmt: Extract<Stmt, { k: 'if' }>; branch: 'then' | 'else' | undefined; test: string } | undefined {
  const direct = parentOf(m.site);
  if (m.at.stmt.k === 'if') {
    const ifStmt = m.at.stmt;
    if (m.style === 'sg-count') {
      if (zeroTest(direct, m.call)) return { ifStmt, branch: 'then', test: direct!.text };
    } else if (ifStmt.cond === m.call || signTest(direct, m.call)) {
      return { ifStmt, branch: 'then', test: (direct ?? m.call).text };
    }
    return undefined;
  }
  const target = resultTarget(m.site);
  if (typeof target !== 'object') return undefined;
  for (const u of usesAfter(ctx.analysis, fn, target.key, target.line)) {
    if (u.stmt.k !== 'if') continue;
    const p = parentOf(u);
    const ifStmt = u.stmt;
    if (!dominates(m.at, { stmt: u.stmt, stmtParents: u.stmtParents })) continue;
    if (m.style === 'sg-count') {
      if (zeroTest(p, u.expr) || (p?.k === 'binary' && p.op === '<=' && p.left === u.expr)) return { ifStmt, branch: 'then', test: p!.text };
      if (ifStmt.cond === u.expr) return { ifStmt, branch: 'else', test: u.expr.text };
    } else {
      if (ifStmt.cond === u.expr || signTest(p, u.expr)?.includes('<') || (p?.k === 'binary' && p.op === '!=')) {
        return { ifStmt, branch: 'then', test: (ifStmt.cond === u.expr ? u.expr : p!).text };
      }
    }
    return undefined;
  }
  return undefined;
}

function why(): string {
  return 'The DMA fields of a scatterlist entry are written by dma_map_sg()/dma_map_sgtable() and are meaningful only while the mapping exists, and only for the mapped entries. Before the map they hold stale values (or, without CONFIG_NEED_SG_DMA_LENGTH, sg_dma_len() silently aliases ->length, which hides the bug on x86 and breaks IOMMU platforms); after the unmap the IOVA may already belong to someone else; after a failed map nothing was set.';
}
