// Recognising struct-page expressions and the operations that dereference a struct page, from the model's
// contracts (a parameter with the 'page' role) rather than from lists of names.
import type { Expr } from '../../c/ir.js';
import { stripCasts, walkExpr } from '../../analysis/index.js';
import type { ModelView } from '../types.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Categories whose 'page' parameters are dereferenced (page flags, refcounts, kmap, address helpers). */
const DEREF_CATEGORIES = new Set(['page', 'mapping', 'converter', 'free', 'pgmap', 'gup']);

/**
 * The index of the struct-page argument a call dereferences, per the model's contract (`PageSlab(page)`,
 * `kmap_local_page(page)`, `get_page(page)`, `page_address(page)`), or -1.
 * `page_to_pfn`/`page_to_phys` only do arithmetic on the pointer and are not dereferences.
 */
export function pageDerefArg(call: Call, model: ModelView): number {
  if (/^(page_to_pfn|page_to_phys|page_to_virt|nth_page|pfn_to_page|virt_to_page)$/.test(call.callee)) return -1;
  const c = model.contract(call.callee);
  if (!c?.category || !DEREF_CATEGORIES.has(c.category) || !c.params) return -1;
  const i = c.params.findIndex((p) => p.role === 'page' && !('out' in p && (p as { out?: boolean }).out));
  return i;
}

/** True when an expression names a page pointer by its shape: `page`, `pg`, `x->page`, `sg_page(sg)`, `pages[i]`. */
export function looksLikePage(e: Expr): boolean {
  const x = stripCasts(e);
  if (x.k === 'ident') return /(^|_)(page|pg|pages)$/i.test(x.name);
  if (x.k === 'field') return /(^|_)(page|pg|bv_page)$/i.test(x.field);
  if (x.k === 'index') return looksLikePage(x.base);
  if (x.k === 'call') return /^(sg_page|pfn_to_page|virt_to_page|phys_to_page|nth_page|folio_page|compound_head)$/.test(x.callee);
  return false;
}

/** True when `e` is computed from a struct page pointer (`page_to_pfn(page)`, `page_address(pg)`, `page`). */
export function derivedFromPage(e: Expr): boolean {
  let hit = false;
  walkExpr(e, (x) => {
    if (hit) return;
    if (x.k === 'call' && /^(page_to_pfn|page_to_phys|page_address|folio_pfn|page_to_virt|lowmem_page_address)$/.test(x.callee)) hit = true;
    else if (looksLikePage(x)) hit = true;
  });
  return hit;
}

/** Normalised text of an expression, for "same page" comparisons across one function. */
export function sameExpr(a: Expr, b: Expr): boolean {
  return stripCasts(a).text.replace(/\s+/g, '') === stripCasts(b).text.replace(/\s+/g, '');
}
