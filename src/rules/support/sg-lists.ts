// Which scatterlist an expression belongs to, and what kind of pages the file puts into each list: user pages
// from get_user_pages()/iov_iter extraction (highmem-capable; P2PDMA when the P2P flag was passed), highmem
// allocations, page-cache pages, P2PDMA memory. Lists are matched by their normalised path, so a table filled in
// one function and read in another (`priv->sgt`) is recognised.
import type { Expr, FunctionIR } from '../../c/ir.js';
import { callsIn, stripCasts, type CallSite, type FileAnalysis } from '../../analysis/index.js';
import type { Evidence } from '../../types.js';
import type { ModelView } from '../types.js';
import { memoize, memoize2 } from './memo.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Iterators binding an sg variable to a list: `for_each_sg(list, sg, n, i)`, `for_each_sgtable_sg(sgt, sg, i)`. */
const SG_ITER = /^(for_each_sg|for_each_sgtable_sg|for_each_sgtable_dma_sg)$/;
/** GUP-style calls not in the contract catalogue (older or out-of-tree names with the same shape). */
const GUP_LIKE = /^(get_user_pages\w*|pin_user_pages\w*|iov_iter_get_pages\w*|iov_iter_extract_pages|get_user_pages_fast_only)$/;
/** Page-cache lookups (include/linux/pagemap.h, mm/filemap.c): user-visible file pages, highmem-capable. */
const PAGE_CACHE = /^(find_get_page|find_lock_page|find_or_create_page|grab_cache_page\w*|read_mapping_page|read_cache_page\w*|pagecache_get_page|filemap_get_folio|__filemap_get_folio|read_mapping_folio)$/;
/** The P2P opt-in flags of GUP and iov_iter extraction (include/linux/mm.h, include/linux/uio.h). */
export const P2P_FLAG = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;

/** The normalised identity of a list: `sgt->sgl` → `sgt`, `&req->sg[0]` → `req->sg`, iterator vars → their list. */
export function sgListKey(e: Expr, fn: FunctionIR, depth = 0): string | undefined {
  let x = stripCasts(e);
  while (x.k === 'addr' || x.k === 'index') x = stripCasts(x.k === 'addr' ? x.arg : x.base);
  if (x.k === 'call' && x.callee === 'sg_next' && x.args[0] && depth < 4) return sgListKey(x.args[0], fn, depth + 1);
  if (x.k === 'ident' && depth < 4) {
    const bound = iteratorList(fn, x.name);
    if (bound) return sgListKey(bound, fn, depth + 1);
  }
  if (x.k !== 'ident' && x.k !== 'field') return undefined;
  return x.text.replace(/\s+/g, '').replace(/(->|\.)sgl$/, '');
}

/**
 * The list an iteration variable is bound to by an sg iterator macro in `fn`: a loop header, or the bare macro
 * call the parser is left with when a brace-less loop body follows it. The first binding in walk order wins.
 */
function iteratorList(fn: FunctionIR, name: string): Expr | undefined {
  return iteratorBindings(fn).get(name);
}

/** Iterator variable → list for every sg iterator of a function (computed once per function: sgListKey asks per name). */
const iteratorBindings = memoize((fn: FunctionIR): ReadonlyMap<string, Expr> => {
  const out = new Map<string, Expr>();
  const bind = (c: Expr | undefined) => {
    if (c?.k !== 'call' || !SG_ITER.test(c.callee)) return;
    const v = c.args[1] && stripCasts(c.args[1]);
    if (v?.k === 'ident' && !out.has(v.name) && c.args[0]) out.set(v.name, c.args[0]);
  };
  // A loop's header is also one of its own expressions, so the calls below see it too: same first binding.
  for (const site of callsIn(fn)) bind(site.call);
  return out;
});

/** Two list keys name the same list: equal paths, or the same last member (`priv->sgt` and `sgt`). */
export function sameList(a: string, b: string): boolean {
  if (a === b) return true;
  const last = (k: string) => k.split(/->|\./).pop()!;
  return last(a) === last(b) && (a.includes('->') || b.includes('->') || a.includes('.') || b.includes('.'));
}

/** What kind of pages went into a list, with the evidence. */
export interface PageSource {
  list: string;
  cls: 'user' | 'user-p2p' | 'highmem' | 'pagecache' | 'p2pdma';
  fn: FunctionIR;
  evidence: Evidence[];
  /** The line where the P2P opt-in flag appears, for 'user-p2p'. */
  flagLine?: number;
}

/** A GUP call's page-array argument and whether the P2P flag reaches its flags argument. */
export interface GupCall {
  site: CallSite;
  fn: FunctionIR;
  pages: Expr;
  p2pFlag?: { line: number; text: string };
}

/** The page-array argument of a GUP-style call (contract: the out 'page' parameter). */
function gupPagesArg(call: Call, model: ModelView): Expr | undefined {
  const c = model.contract(call.callee);
  if (c?.category === 'gup' && c.params) {
    const i = c.params.findIndex((p) => p.role === 'page' && (p as { out?: boolean }).out);
    if (i >= 0) return call.args[i];
  }
  if (!GUP_LIKE.test(call.callee)) return undefined;
  return call.args.find((a) => /(^|[^\w])&?\w*pages?\b/.test(a.text) && !/nr_|max|npages|num/.test(a.text));
}

/** Where the P2P flag reaches a call: in an argument directly, or through a local flags variable. */
function p2pFlagOf(analysis: FileAnalysis, fn: FunctionIR, call: Call): { line: number; text: string } | undefined {
  for (const a of call.args) {
    if (P2P_FLAG.test(a.text)) return { line: a.line, text: a.text };
    const x = stripCasts(a);
    if (x.k !== 'ident') continue;
    for (const u of analysis.uses(x.name, { fn })) {
      const p = u.exprParents[u.exprParents.length - 1];
      if (p?.k === 'assign' && p.left === u.expr && P2P_FLAG.test(p.right.text)) return { line: p.line, text: p.text };
    }
    for (const asg of analysis.provenance.scope(fn).assigns.get(x.name) ?? []) {
      if (P2P_FLAG.test(asg.rhs.text)) return { line: asg.line, text: asg.rhs.text };
    }
  }
  return undefined;
}

/**
 * Every GUP-style call of the file with its page array and P2P flag. Once per file and model view (several rules
 * ask on every image): the list is frozen and its entries are shared, so callers only read them.
 */
export const gupCalls = memoize2((analysis: FileAnalysis, model: ModelView): readonly GupCall[] =>
  Object.freeze(findGupCalls(analysis, model)));

function findGupCalls(analysis: FileAnalysis, model: ModelView): GupCall[] {
  const out: GupCall[] = [];
  for (const { fn, site } of analysis.allCalls()) {
    const pages = gupPagesArg(site.call, model);
    if (!pages) continue;
    out.push({ site, fn, pages, p2pFlag: p2pFlagOf(analysis, fn, site.call) });
  }
  return out;
}

/** The array a page expression indexes (`pages[i]` → `pages`, `*pagep` → `pagep`). */
export function pageArrayName(e: Expr): string | undefined {
  let x = stripCasts(e);
  while (x.k === 'index' || x.k === 'deref' || x.k === 'addr') x = stripCasts(x.k === 'index' ? x.base : x.arg);
  return x.k === 'ident' ? x.name : x.k === 'field' ? x.text.replace(/\s+/g, '') : undefined;
}

/** The class of a page (or page-array) expression in `fn`, if the file shows one. */
export function pageClass(analysis: FileAnalysis, fn: FunctionIR, page: Expr, gups: readonly GupCall[]):
  { cls: PageSource['cls']; evidence: Evidence[]; flagLine?: number } | undefined {
  const file = analysis.ir.path;
  const arr = pageArrayName(page);
  const gup = arr ? gups.find((g) => g.fn === fn && pageArrayName(g.pages) === arr) : undefined;
  if (gup) {
    const ev: Evidence[] = [{ file, line: gup.site.call.line, note: `${arr} filled by ${gup.site.call.callee}() with user pages` }];
    if (gup.p2pFlag) ev.push({ file, line: gup.p2pFlag.line, note: `\`${gup.p2pFlag.text}\` lets it return P2PDMA pages` });
    return { cls: gup.p2pFlag ? 'user-p2p' : 'user', evidence: ev, flagLine: gup.p2pFlag?.line };
  }
  const origins = analysis.origins(page, fn);
  const p2p = origins.find((o) => o.kind === 'p2pdma');
  if (p2p) return { cls: 'p2pdma', evidence: p2p.chain };
  const high = origins.find((o) => o.kind === 'highmem');
  if (high) return { cls: 'highmem', evidence: high.chain };
  const x = stripCasts(page);
  if (x.k === 'ident') {
    for (const a of analysis.provenance.scope(fn).assigns.get(x.name) ?? []) {
      const r = stripCasts(a.rhs);
      if (r.k === 'call' && PAGE_CACHE.test(r.callee)) return { cls: 'pagecache', evidence: [{ file, line: a.line, note: `${x.name} = ${r.callee}(): a page-cache page` }] };
    }
  }
  if (x.k === 'call' && PAGE_CACHE.test(x.callee)) return { cls: 'pagecache', evidence: [{ file, line: x.line, note: `${x.callee}() returns a page-cache page` }] };
  return undefined;
}

/** Page-taking sg builders and their (list, page) argument indexes (include/linux/scatterlist.h, lib/scatterlist.c). */
const SG_PAGE_SETTERS: Record<string, [number, number]> = {
  sg_set_page: [0, 1],
  sg_set_folio: [0, 1],
  sg_alloc_table_from_pages: [0, 1],
  sg_alloc_table_from_pages_segment: [0, 1],
  sg_alloc_append_table_from_pages: [0, 1],
  __sg_alloc_table_from_pages: [0, 1],
};

/** Every list of the file with the classified pages put into it; shared like {@link gupCalls}. */
export const pageSources = memoize2((analysis: FileAnalysis, model: ModelView): readonly PageSource[] =>
  Object.freeze(findPageSources(analysis, model)));

function findPageSources(analysis: FileAnalysis, model: ModelView): PageSource[] {
  const gups = gupCalls(analysis, model);
  const out: PageSource[] = [];
  for (const { fn, site } of analysis.allCalls()) {
    const call = site.call;
    const idx = SG_PAGE_SETTERS[call.callee];
    if (idx) {
      const list = call.args[idx[0]] && sgListKey(call.args[idx[0]], fn);
      const page = call.args[idx[1]];
      if (!list || !page) continue;
      const c = pageClass(analysis, fn, page, gups);
      if (c) out.push({ list, fn, cls: c.cls, flagLine: c.flagLine, evidence: [...c.evidence, { file: analysis.ir.path, line: call.line, note: `put into ${list} by ${call.callee}()` }] });
      continue;
    }
    // A list that is itself P2PDMA memory (pci_p2pmem_alloc_sgl() and friends, per the model).
    const target = assignedList(site, fn);
    if (target && analysis.origins(call, fn).some((o) => o.kind === 'p2pdma')) {
      out.push({ list: target, fn, cls: 'p2pdma', evidence: [{ file: analysis.ir.path, line: call.line, note: `${call.callee}() returns a list of P2PDMA memory` }] });
    }
  }
  return out;
}

/** The list key a call's result is stored in (`sgl = f()`, `struct scatterlist *sgl = f()`). */
function assignedList(site: CallSite, fn: FunctionIR): string | undefined {
  const p = site.exprParents[site.exprParents.length - 1];
  if (p?.k === 'assign' && p.right === site.call) return sgListKey(p.left, fn);
  if (!p && site.stmt.k === 'decl') {
    const v = site.stmt.vars.find((d) => d.init === site.call);
    if (v && /scatterlist/.test(v.type)) return v.name;
  }
  return undefined;
}

