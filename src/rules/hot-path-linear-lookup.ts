// hot-path-linear-lookup: a per-page or per-pfn translation (kmap-like, pfn→range, address→resource) that walks
// a linked list of ranges on every call — O(ranges) work per page of I/O (seed 002: "This loop is a real
// *joke*. You have just dropped memory access performance by 10 fold.").
import type { Expr, Stmt } from '../c/ir.js';
import { ownExprs, stripCasts, walkExpr, walkStmts } from '../analysis/index.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'hot-path-linear-lookup';

/** Linked-list walks (include/linux/list.h, include/linux/rculist.h). */
const LIST_WALK = /^(h?list_for_each_entry(_rcu|_safe|_continue|_from|_reverse|_srcu|_lockless)?|list_for_each(_rcu|_safe)?)$/;
/** Function names of per-page translations: called once per page, per pfn or per access. */
const PER_PAGE_NAME = /kmap|kunmap|_to_page|to_virt|pfn|virt_to|_to_phys|page_address|addr_to|lookup_page|find_page/i;

type Binary = Extract<Expr, { k: 'binary' }>;

export const hotPathLinearLookup: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'Per-page or per-pfn translation that walks a list of ranges on every call (O(n) per page of I/O)',
    catalogue: ['seed-002'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const perPageCallers = callersInLoops(ctx);
    for (const fn of ctx.analysis.functions) {
      const caller = perPageCallers.get(fn.name);
      const hot = PER_PAGE_NAME.test(fn.name) ? `${fn.name}() is a per-page translation by its name` : caller?.why;
      if (!hot) continue;
      walkStmts(fn.body, (s) => {
        if (s.k !== 'loop' || s.form !== 'macro' || s.header?.k !== 'call' || !LIST_WALK.test(s.header.callee)) return;
        const entry = s.header.args[0];
        if (!entry || stripCasts(entry).k !== 'ident') return;
        const compare = rangeCompare(s.body, (entry as Extract<Expr, { k: 'ident' }>).name);
        if (!compare) return;
        out.push({
          line: compare.line,
          startLine: s.line,
          function: fn,
          code: `${s.header!.callee}: ${compare.text}`,
          message: `${fn.name}() walks a linked list of ranges with ${s.header!.callee}() and compares \`${compare.text.replace(/\s+/g, ' ')}\` on every call: a per-page translation that costs O(number of ranges) per page.`,
          why: `${hot}. Translations that run per page or per I/O must be O(1) (pfn_to_page() is arithmetic on the memmap; memory sections and xarray lookups exist for exactly this). A list walk per page multiplies with every page of every request and, under rcu_read_lock(), also pins the reader for the whole walk. Reviewers rejected exactly this in the 2015 kmap_atomic_pfn_t() proposal.`,
          instead: 'Give the memory struct pages (devm_memremap_pages()) so page_address()/kmap_local_page() work in O(1); or look the range up once per request (or cache the last range, as get_dev_pagemap(pfn, pgmap) does) and derive each page\'s address from it; or index ranges in an xarray/interval tree keyed by pfn.',
          evidence: [{ file: ctx.image.path, line: s.line, note: `${s.header!.callee}() over the range list` }, { file: ctx.image.path, line: compare.line, note: 'range compare per entry' },
            ...(caller ? [{ file: ctx.image.path, line: caller.line, note: caller.why }] : [])],
          references: ['seed 002 (2015 "allow mapping page-less memremaped areas into KVA", Boaz Harrosh\'s review)', 'mm/memremap.c (get_dev_pagemap caches the last pgmap)', 'include/linux/rculist.h'],
        });
      });
    }
    return out;
  },
};

/** Functions of this file called from inside a loop of another function here, with the reason and call line. */
function callersInLoops(ctx: RuleContext): Map<string, { why: string; line: number }> {
  const out = new Map<string, { why: string; line: number }>();
  for (const { fn, site } of ctx.analysis.allCalls()) {
    if (site.call.callee === fn.name || out.has(site.call.callee)) continue;
    const loop = site.stmtParents.find((p) => p.k === 'loop');
    if (loop && ctx.analysis.provenance.functionNamed(site.call.callee)) {
      out.set(site.call.callee, { why: `${fn.name}() calls ${site.call.callee}() inside a loop (line ${loop.line}), once per iteration`, line: site.call.line });
    }
  }
  return out;
}

/** `addr >= e->start && addr <= e->end` (or base/size forms) where `e` is the list entry. */
function rangeCompare(body: Stmt, entry: string): Binary | undefined {
  let found: Binary | undefined;
  walkStmts(body, (s) => {
    for (const root of ownExprs(s)) {
      walkExpr(root, (x) => {
        if (found || x.k !== 'binary' || x.op !== '&&') return;
        const a = bound(x.left, entry);
        const b = bound(x.right, entry);
        if (a && b && a.key === b.key && a.dir !== b.dir) found = x;
      });
    }
  });
  return found;
}

const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const mentions = (e: Expr, name: string) => {
  let hit = false;
  walkExpr(e, (x) => { if (x.k === 'ident' && x.name === name) hit = true; });
  return hit;
};

/** One side of a range test: the looked-up value and whether the entry bounds it from below or above. */
function bound(e: Expr, entry: string): { key: string; dir: 'lower' | 'upper' } | undefined {
  if (e.k !== 'binary' || !RELATIONAL.has(e.op)) return undefined;
  const l = mentions(e.left, entry);
  const r = mentions(e.right, entry);
  if (l === r) return undefined;
  const value = l ? e.right : e.left;
  const key = value.text.replace(/\s+/g, '');
  // value >= entry.x  or  entry.x <= value: the entry is a lower bound.
  const valueOnLeft = !l;
  const greater = e.op === '>' || e.op === '>=';
  const dir = valueOnLeft === greater ? 'lower' : 'upper';
  return { key, dir };
}


