// dma-unmap-nents: dma_unmap_sg() and dma_sync_sg_for_*() must get the nents that was passed to dma_map_sg(),
// not the count it returned (Documentation/core-api/dma-api.rst, dma-api-howto.rst; DMA_API_DEBUG reports
// "frees DMA sg list with different entry count"). Also dma_unmap_sgtable() after orig_nents was rewritten.
import type { Expr, FunctionIR } from '../c/ir.js';
import type { Evidence, Patch } from '../types.js';
import { exprSitesOfKind, localDeclOf, lvalueKey, walkStmts } from '../analysis/index.js';
import { argOfRole, mapStyle, releaseStyle } from './support/dma-api.js';
import { CountFlow, type CountOrigin, type SgMapSite } from './support/count-flow.js';
import { dominates, type Located } from './support/flow-order.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport, type RuleSuggestion } from './types.js';

const ID = 'dma-unmap-nents';
const REFS = ['DMA-003', 'Documentation/core-api/dma-api.rst (dma_unmap_sg)', 'Documentation/core-api/dma-api-howto.rst', 'kernel/dma/debug.c ("different entry count")'];

type Call = Extract<Expr, { k: 'call' }>;

export const dmaUnmapNents: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'dma_unmap_sg()/dma_sync_sg_for_*() called with the count dma_map_sg() returned instead of the original nents; dma_unmap_sgtable() after orig_nents was rewritten',
    catalogue: ['DMA-003'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const flow = new CountFlow(ctx.analysis, ctx.model, ctx.image.path);
    const declared = ctx.side === 'old' ? declaredFix(ctx.patch) : undefined;
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const release = releaseStyle(ctx.model, call.callee);
        if (!release) continue;
        const nents = argOfRole(ctx.model, call, 'nents')?.expr;
        if (!nents) continue;
        const at: Located = { stmt: site.stmt, stmtParents: site.stmtParents };
        const origins = flow.origins(nents, fn, at);
        const mapped = origins.filter((o) => o.cls === 'mapped');
        if (mapped.length) {
          out.push(countReport(ctx, fn, call, nents, origins, mapped));
        } else if (declared && ctx.image.changed.has(call.line) && replacedInPatch(ctx, call.line, lvalueKey(nents) ?? nents.text)) {
          out.push(declaredReport(ctx, fn, call.line, call.text, `${call.callee}() is given \`${nents.text}\``, declared));
        }
      }
      out.push(...sgtableAfterEdit(ctx, fn, flow));
      if (declared) out.push(...declaredStores(ctx, fn, declared));
    }
    return out;
  },
};

/** The finding for an unmap/sync whose count may be the mapped count. */
function countReport(ctx: RuleContext, fn: FunctionIR, call: Call, nents: Expr, origins: CountOrigin[], mapped: CountOrigin[]): RuleReport {
  const others = origins.filter((o) => o.cls === 'other' || o.cls === 'original');
  const map = mapped[0].map;
  const original = map?.nents?.text;
  const verb = call.callee.includes('sync') ? 'synced' : 'unmapped';
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty: others.length ? 'likely' : 'certain',
    message: `${call.callee}() is given \`${nents.text}\`, ${others.length ? 'which can be ' : ''}the count ${map?.call.callee ?? 'dma_map_sg'}() returned${map ? ` (line ${map.call.line})` : ''}; a list must be ${verb} with the nents it was mapped with${original ? ` (\`${original}\`)` : ''}, not with the number of DMA segments.`,
    why: `dma_map_sg() may merge entries (IOMMU, swiotlb) and returns how many DMA segments it produced, which can be fewer than the entries it was given. dma_unmap_sg() and dma_sync_sg_*() walk the CPU entries: given the smaller count they skip the tail of the list, so IOVA space and swiotlb slots leak, P2PDMA bus-address marks are not cleared and cache maintenance misses entries. dma-api.rst and dma-api-howto.rst both require the nents given to dma_map_sg(), explicitly not the count it returned.`,
    instead: `Keep the nents you passed to ${map?.call.callee ?? 'dma_map_sg'}() (store it next to the mapped count if the unmap happens elsewhere) and pass that; or switch to dma_map_sgtable()/dma_unmap_sgtable(), which keep both counts in the sg_table.`,
    evidence: [...chainOf(mapped), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS,
    suggestion: suggestionFor(ctx, fn, call, nents, mapped),
  };
}

/** A mechanical fix when the nents the list was mapped with is a simple lvalue still in scope and unchanged. */
function suggestionFor(ctx: RuleContext, fn: FunctionIR, call: Call, nents: Expr, mapped: CountOrigin[]): RuleSuggestion | undefined {
  const sites = new Set(mapped.map((m) => m.map?.call));
  if (sites.size !== 1 || ctx.side !== 'new') return undefined;
  const map = mapped[0].map!;
  const orig = map.nents;
  if (!orig || (orig.k !== 'ident' && orig.k !== 'field')) return undefined;
  const origKey = lvalueKey(orig)!;
  if (origKey === lvalueKey(nents)) return undefined;
  let safety: 'safe' | 'review';
  if (orig.k === 'ident') {
    if (map.fn !== fn || !inScope(fn, orig.name)) return undefined;
    // The original count must not have been overwritten (e.g. `nents = dma_map_sg(dev, sg, nents, dir)`).
    if (assignedBetween(fn, orig.name, map.call.line, call.line, true)) return undefined;
    safety = 'safe';
  } else {
    const root = rootIdent(orig);
    if (!root || !inScope(fn, root)) return undefined;
    if (map.fn === fn && assignedBetween(fn, origKey, map.call.line, call.line, true)) return undefined;
    safety = map.fn === fn ? 'safe' : 'review';
  }
  const lines: string[] = [];
  for (let l = call.line; l <= call.endLine; l++) {
    const t = ctx.image.lineText.get(l);
    if (t === undefined) return undefined;
    lines.push(t);
  }
  const joined = lines.join('\n');
  // The count as a whole token (`n` must not match inside `nents` or `dma_unmap_sg`); exactly one occurrence.
  const needle = new RegExp(`(?<![\\w>.])${nents.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  if ((joined.match(needle) ?? []).length !== 1) return undefined;
  return { startLine: call.line, endLine: call.endLine, replacement: joined.replace(needle, orig.text), safety };
}

function rootIdent(e: Expr): string | undefined {
  let cur = e;
  while (cur.k === 'field') cur = cur.base;
  return cur.k === 'ident' ? cur.name : undefined;
}

function inScope(fn: FunctionIR, name: string): boolean {
  return fn.params.some((p) => p.name === name) || !!localDeclOf(fn, name);
}

/** True when `key` is assigned in `fn` on a line in (from, to]; `inclusive` also counts the line `from`. */
function assignedBetween(fn: FunctionIR, key: string, from: number, to: number, inclusive: boolean): boolean {
  for (const { expr: e } of exprSitesOfKind(fn, 'assign')) {
    if (lvalueKey(e.left) !== key) continue;
    if ((inclusive ? e.line >= from : e.line > from) && e.line <= to) return true;
  }
  return false;
}

/**
 * dma_unmap_sgtable()/dma_sync_sgtable_*() read sgt->orig_nents: rewriting it after the table was mapped (or
 * storing the mapped count in it anywhere) makes them walk the wrong number of entries.
 */
function sgtableAfterEdit(ctx: RuleContext, fn: FunctionIR, flow: CountFlow): RuleReport[] {
  const out: RuleReport[] = [];
  const writes: { e: Extract<Expr, { k: 'assign' }>; at: Located; base: string }[] = [];
  for (const { expr: e, stmt: s, stmtParents: parents } of exprSitesOfKind(fn, 'assign')) {
    if (e.left.k === 'field' && e.left.field === 'orig_nents') {
      writes.push({ e, at: { stmt: s, stmtParents: parents }, base: tableKey(e.left.base, e.left.arrow) });
    }
  }
  if (!writes.length) return out;
  const reported = new Set<Expr>();
  for (const w of writes) {
    const value = flow.origins(w.e.right, fn, w.at).filter((o) => o.cls === 'mapped');
    if (!value.length) continue;
    reported.add(w.e);
    out.push({
      line: w.e.line, function: fn, code: w.e.text, certainty: 'certain',
      message: `\`${w.e.text}\` stores the DMA segment count in orig_nents, the CPU entry count of the table; dma_unmap_sgtable(), dma_sync_sgtable_*() and sg_free_table() will then walk the wrong number of entries.`,
      why: 'struct sg_table keeps both views: orig_nents (entries of the CPU list, what the unmap and free paths walk) and nents (mapped DMA segments). Overwriting orig_nents with the mapped count is the dma_unmap_sg() mistake in table form.',
      instead: 'Store the mapped count in sgt->nents (or let dma_map_sgtable() do it) and leave orig_nents alone.',
      evidence: [...chainOf(value), { file: ctx.image.path, line: w.e.line, note: 'stored in orig_nents' }],
      references: REFS,
    });
  }
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (!releaseStyle(ctx.model, call.callee)) continue;
    const sgt = argOfRole(ctx.model, call, 'sgt')?.expr;
    if (!sgt) continue;
    const key = tableKey(sgt.k === 'addr' ? sgt.arg : sgt, sgt.k !== 'addr');
    const at: Located = { stmt: site.stmt, stmtParents: site.stmtParents };
    const map = ctx.analysis.calls(fn).find((m) => m.call.line < call.line && mapsTable(ctx, m.call, key));
    if (!map) continue;
    const mapAt: Located = { stmt: map.stmt, stmtParents: map.stmtParents };
    const edit = writes.find((w) => w.base === key && !reported.has(w.e) && w.e.line > map.call.line && w.e.line < call.line
      && (dominates(mapAt, w.at) || w.at.stmtParents.length >= mapAt.stmtParents.length) && dominates(w.at, at));
    if (!edit) continue;
    out.push({
      line: call.line, function: fn, code: call.text, certainty: 'certain',
      message: `${call.callee}() runs after \`${edit.e.text}\` (line ${edit.e.line}) rewrote orig_nents of the mapped table; it unmaps by orig_nents, so it no longer covers the entries that were mapped.`,
      why: 'dma_unmap_sgtable() and dma_sync_sgtable_*() pass sgt->orig_nents to dma_unmap_sg()/dma_sync_sg_*(): the table must keep the entry count it was mapped with until it is unmapped (include/linux/dma-mapping.h).',
      instead: 'Do not edit orig_nents between dma_map_sgtable() and dma_unmap_sgtable(); trim the table before mapping it, or keep the trimmed count in a separate variable.',
      evidence: [
        { file: ctx.image.path, line: map.call.line, note: `${map.call.callee}() maps the table` },
        { file: ctx.image.path, line: edit.e.line, note: 'orig_nents rewritten' },
        { file: ctx.image.path, line: call.line, note: `${call.callee}() walks orig_nents` },
      ],
      references: REFS,
    });
  }
  return out;
}

/** A normalised name for a table: `sgt` for `sgt->x`, `&req->table` and `req->table.x` both give `req->table`. */
function tableKey(base: Expr, pointer: boolean): string {
  const t = base.text.replace(/\s+/g, '');
  return pointer ? t : `&${t}`;
}

function mapsTable(ctx: RuleContext, call: Call, key: string): boolean {
  const style = mapStyle(ctx.model, call.callee);
  if (style === 'sgtable') {
    const sgt = argOfRole(ctx.model, call, 'sgt')?.expr;
    if (!sgt) return false;
    return tableKey(sgt.k === 'addr' ? sgt.arg : sgt, sgt.k !== 'addr') === key;
  }
  if (style === 'sg-count') {
    const sg = argOfRole(ctx.model, call, 'sg')?.expr;
    return !!sg && sg.k === 'field' && sg.field === 'sgl' && tableKey(sg.base, sg.arrow) === key;
  }
  return false;
}

// ───────────── fixes the patch declares ─────────────

/**
 * A fix whose message states that the removed code passed the mapped count to an unmap/sync (the common form of
 * a DMA-003 fix commit). Used only on the pre-image and only when the data flow is not visible in the hunks, so it
 * can label what a patch removes as `fixes` but never raises a finding on new code.
 */
function declaredFix(patch: Patch): string | undefined {
  const text = patch.body.replace(/\s+/g, ' ');
  const mentionsRelease = /\b(dma_unmap_sg\w*|dma_sync_sg\w*|unmap\w*)\b/i.test(text);
  const sentence = text.split(/(?<=[.!?])\s+/).find((s) => /(returned by|return(ed)? value of|value (the )?\w* ?(function )?returned|count returned|mapped count|number of (entries )?returned)/i.test(s)
    && /(dma_map_sg|map function|mapping function|mapped)/i.test(s));
  const original = /(original|same) (number of entries|nents|number of sg entries)|same nents|original nents/i.test(text);
  if (!mentionsRelease || !(sentence || original)) return undefined;
  return sentence?.trim() ?? 'the patch message says the unmap used the mapped count instead of the original nents';
}

/** True when the hunk that removes `line` adds a line doing the same thing with something other than `removed`. */
function replacedInPatch(ctx: RuleContext, line: number, removed: string): boolean {
  const lead = (ctx.image.lineText.get(line) ?? '').trim();
  const head = lead.slice(0, Math.max(0, lead.indexOf(removed))).replace(/\s+/g, '');
  if (!head) return false;
  for (const h of ctx.file.hunks) {
    if (!h.lines.some((l) => l.kind === 'del' && l.oldLine === line)) continue;
    return h.lines.some((l) => l.kind === 'add' && l.text.replace(/\s+/g, '').startsWith(head) && !l.text.includes(removed));
  }
  return false;
}

/** Removed stores of a count into a struct field that the patch replaces with another value (the unmap is elsewhere). */
function declaredStores(ctx: RuleContext, fn: FunctionIR, declared: string): RuleReport[] {
  const out: RuleReport[] = [];
  walkStmts(fn.body, (s) => {
    if (s.k !== 'expr' || s.expr.k !== 'assign' || s.expr.op !== '=' || s.expr.left.k !== 'field') return;
    const e = s.expr;
    if (!ctx.image.changed.has(e.line) || (e.right.k !== 'ident' && e.right.k !== 'field')) return;
    const key = lvalueKey(e.left)!;
    const after = ctx.file.hunks.flatMap((h) => h.lines.some((l) => l.kind === 'del' && l.oldLine === e.line) ? h.lines : [])
      .filter((l) => l.kind === 'add' && l.text.replace(/\s+/g, '').startsWith(`${key}=`));
    if (!after.length || after.some((l) => l.text.replace(/\s+/g, '') === `${key}=${e.right.text.replace(/\s+/g, '')};`)) return;
    out.push(declaredReport(ctx, fn, e.line, e.text, `\`${e.text}\` keeps a count for a later dma_unmap_sg()`, declared));
  });
  return out;
}

function declaredReport(ctx: RuleContext, fn: FunctionIR, line: number, code: string, what: string, declared: string): RuleReport {
  const ev: Evidence = { file: ctx.image.path, line, note: 'removed by the patch' };
  return {
    line, function: fn, code, certainty: 'likely',
    message: `${what}; the patch message says this is the count dma_map_sg() returned rather than the nents the list was mapped with ("${declared.slice(0, 160)}").`,
    why: 'dma_unmap_sg()/dma_sync_sg_*() must get the nents passed to dma_map_sg(), not the (possibly smaller) number of DMA segments it returned (dma-api.rst). The map call is outside the lines the patch shows, so this rests on the patch description together with the removed line.',
    instead: 'Keep the original nents for the unmap, or use dma_map_sgtable()/dma_unmap_sgtable().',
    evidence: [ev],
    references: REFS,
  };
}

/** The evidence chains of count origins, deduplicated by line and note. */
function chainOf(origins: CountOrigin[]): Evidence[] {
  const seen = new Set<string>();
  return origins.flatMap((o) => o.chain).filter((e) => {
    const k = `${e.line}:${e.note}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { SgMapSite };
