// Physical-contiguity merging of pages and bio_vecs: recognising adjacency tests (`pfn(a) + 1 == pfn(b)`,
// `phys(a) + len == phys(b)`), which argument of a merge helper is the page being appended, and whether an
// argument names the earlier or the later page.
import type { Expr, FunctionIR } from '../../c/ir.js';
import { callsIn, exprSitesOfKind, stripCasts, type FileAnalysis } from '../../analysis/index.js';
import { memoize } from './memo.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Calls that turn a page or bio_vec into its frame number or physical address. */
const PFN_OF = /^(page_to_pfn|folio_pfn)$/;
const PHYS_OF = /^(page_to_phys|bvec_phys|sg_phys|folio_phys|page_to_bus)$/;

/** One contiguity comparison. */
export interface AdjacencyTest {
  expr: Extract<Expr, { k: 'binary' }>;
  form: 'pfn' | 'phys';
  /** The page (or bio_vec) expected to come first, when the test names it. */
  pred?: Expr;
  /** The page (or bio_vec) tested for following it. */
  succ?: Expr;
}

/** The page/bvec an address expression is computed from (`page_to_pfn(p)` → p, `bvec_phys(bv) + len` → bv). */
function addressSubject(e: Expr): { subject: Expr; form: 'pfn' | 'phys'; offset: boolean; byLength: boolean } | undefined {
  const x = stripCasts(e);
  if (x.k === 'call' && PFN_OF.test(x.callee) && x.args[0]) return { subject: x.args[0], form: 'pfn', offset: false, byLength: false };
  if (x.k === 'call' && PHYS_OF.test(x.callee) && x.args[0]) return { subject: x.args[0], form: 'phys', offset: false, byLength: false };
  if (x.k === 'binary' && x.op === '+') {
    const l = addressSubject(x.left);
    const r = l ? undefined : addressSubject(x.right);
    const inner = l ?? r;
    if (!inner) return undefined;
    // `phys(prev) + prev->bv_len` is the END of prev; `phys(page) + off` is a start inside page.
    const term = l ? x.right : x.left;
    const subj = stripCasts(inner.subject).text.replace(/\s+/g, '');
    const byLength = inner.byLength || /len(gth)?\b/.test(term.text) || term.text.replace(/\s+/g, '').startsWith(`${subj}->`)
      || (inner.form === 'pfn' && term.k === 'literal');
    return { ...inner, offset: true, byLength };
  }
  return undefined;
}

/** `pfn(a) + 1 == pfn(b)`, `pfn(b) != pfn(a) + 1`, `phys(a) + len == phys(b)`, `pfn(b) == expected_pfn`. */
export function adjacencyTestOf(e: Expr): AdjacencyTest | undefined {
  if (e.k !== 'binary' || (e.op !== '==' && e.op !== '!=')) return undefined;
  const l = addressSubject(e.left);
  const r = addressSubject(e.right);
  if (!l && !r) return undefined;
  if (l && r) {
    // The predecessor side is the one advanced past its own page (`pfn(a) + 1`, `phys(a) + a->len`).
    if (l.byLength === r.byLength) return undefined;
    const [pred, succ] = l.byLength ? [l, r] : [r, l];
    return { expr: e, form: pred.form, pred: pred.subject, succ: succ.subject };
  }
  // One side is a page's address, the other a precomputed "next" address: still a contiguity test.
  const one = (l ?? r)!;
  if (one.byLength) return undefined;
  const other = stripCasts(l ? e.right : e.left);
  if (other.k === 'literal') return undefined;
  return { expr: e, form: one.form, succ: one.subject };
}

/** Every adjacency test in a function (computed once per function; frozen). */
export const adjacencyTests = memoize((fn: FunctionIR): readonly AdjacencyTest[] => Object.freeze(findAdjacencyTests(fn)));

function findAdjacencyTests(fn: FunctionIR): AdjacencyTest[] {
  const out: AdjacencyTest[] = [];
  // Every test compares the result of a pfn/phys call: a function that makes none has no test.
  if (!callsIn(fn).some((c) => PFN_OF.test(c.call.callee) || PHYS_OF.test(c.call.callee))) return out;
  // Only comparisons can be tests.
  for (const { expr: x } of exprSitesOfKind(fn, 'binary')) {
    const t = adjacencyTestOf(x);
    if (t) out.push(t);
  }
  return out;
}

/** Which argument of a merge helper is the earlier page and which the candidate appended after it. */
export interface MergeOrientation {
  pred: number;
  succ: number;
  /** The helper also requires the same pgmap (zone_device_pages_have_same_pgmap). */
  checksPgmap: boolean;
  source: string;
}

/**
 * Merge helpers of the kernel and their argument order (the fact the 2023 lib/scatterlist.c fix was about).
 * - lib/scatterlist.c pages_are_mergeable(a, b): `page_to_pfn(a) != page_to_pfn(b) + 1` → a follows b.
 * - block/blk.h biovec_phys_mergeable(q, vec1, vec2): vec1 ends where vec2 starts.
 * - block/bio.c bvec_try_merge_page(bv, page, ...), formerly page_is_mergeable(bv, page, ...): page follows bv;
 *   bvec_try_merge_hw_page(q, bv, page, ...) likewise.
 */
const KNOWN_HELPERS: Record<string, MergeOrientation> = {
  pages_are_mergeable: { pred: 1, succ: 0, checksPgmap: true, source: 'lib/scatterlist.c' },
  biovec_phys_mergeable: { pred: 1, succ: 2, checksPgmap: false, source: 'block/blk.h' },
  bvec_try_merge_page: { pred: 0, succ: 1, checksPgmap: true, source: 'block/bio.c' },
  page_is_mergeable: { pred: 0, succ: 1, checksPgmap: false, source: 'block/bio.c' },
  bvec_try_merge_hw_page: { pred: 1, succ: 2, checksPgmap: true, source: 'block/bio.c' },
};

/** True when the function (or a same-file helper it calls) asks zone_device_pages_have_same_pgmap(). */
export function checksSamePgmap(analysis: FileAnalysis, fn: FunctionIR, seen = new Set<string>()): boolean {
  seen.add(fn.name);
  for (const site of analysis.calls(fn)) {
    const c = site.call.callee;
    if (c === 'zone_device_pages_have_same_pgmap' || /same_pgmap/.test(c)) return true;
    if (KNOWN_HELPERS[c]?.checksPgmap) return true;
    const helper = analysis.provenance.functionNamed(c);
    if (helper && !seen.has(c) && checksSamePgmap(analysis, helper, seen)) return true;
  }
  return false;
}

/**
 * The orientation of a merge helper: from its definition in this file when visible (an adjacency test on two
 * of its parameters), else from the kernel's helpers above.
 */
export function mergeOrientation(analysis: FileAnalysis, callee: string): MergeOrientation | undefined {
  const def = analysis.provenance.functionNamed(callee);
  if (def && !def.synthetic) {
    for (const t of adjacencyTests(def)) {
      const p = t.pred && paramIndex(def, t.pred);
      const s = t.succ && paramIndex(def, t.succ);
      if (typeof p === 'number' && typeof s === 'number' && p >= 0 && s >= 0 && p !== s) {
        return { pred: p, succ: s, checksPgmap: checksSamePgmap(analysis, def), source: `${analysis.ir.path} (${callee})` };
      }
    }
  }
  return KNOWN_HELPERS[callee];
}

function paramIndex(fn: FunctionIR, e: Expr): number {
  let x = stripCasts(e);
  while (x.k === 'field') x = stripCasts(x.base);
  return x.k === 'ident' ? fn.params.findIndex((p) => p.name === (x as Extract<Expr, { k: 'ident' }>).name) : -1;
}

/** Names that say "the page already in the segment". */
const EARLIER_NAME = /^(last|prev|prv|tail|end|old)(_|$)|_(last|prev|prv|tail)$|^(lastpg|prevpg|last_page|prev_page)$/i;

/**
 * Why an argument names the earlier page (the one already in the segment), or undefined: `pages[i - 1]`, a
 * variable called last/prev, or a variable holding sg_page() of an existing entry.
 */
export function earlierReason(analysis: FileAnalysis, fn: FunctionIR, arg: Expr): { why: string; line: number } | undefined {
  const x = stripCasts(arg);
  if (x.k === 'index') {
    const i = stripCasts(x.index);
    if (i.k === 'binary' && i.op === '-' && i.right.k === 'literal') return { why: `${x.text} is the element before`, line: x.line };
    return undefined;
  }
  if (x.k !== 'ident') return undefined;
  const assigns = analysis.provenance.scope(fn).assigns.get(x.name) ?? [];
  const fromSg = assigns.find((a) => stripCasts(a.rhs).k === 'call' && (stripCasts(a.rhs) as Call).callee === 'sg_page');
  if (fromSg) return { why: `${x.name} holds ${fromSg.rhs.text}, a page already in the list`, line: fromSg.line };
  if (EARLIER_NAME.test(x.name)) return { why: `${x.name} names the page already in the segment`, line: x.line };
  return undefined;
}
