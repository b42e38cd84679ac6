// sg-pageless-workaround: validity guards (pfn_valid(page_to_pfn(page)), virt_addr_valid(), page_is_ram(), NULL
// page tests) added inside scatterlist or mm core so that entries without a real struct page are skipped
// instead of fixed where they are produced — the 2019 "Validate page before calling PageSlab()" patch (SG-002).
import type { Expr, FunctionIR } from '../c/ir.js';
import { callsIn, walkExpr, type CallSite } from '../analysis/index.js';
import { inCondition } from './support/uses.js';
import { derivedFromPage, pageDerefArg, sameExpr } from './support/page-exprs.js';
import { lazy } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'sg-pageless-workaround';
const REFS = ['SG-002', 'lib/scatterlist.c (sg_miter_stop)', 'include/linux/scatterlist.h (sg_set_page)',
  'LKML 2019-09 "scatterlist: Validate page before calling PageSlab()" (NAKed: "putting things that don\'t have struct page into the scatter list was not allowed")'];

/** The scatterlist core: every entry it walks must hold a real struct page. */
const SG_CORE = /^(lib\/(scatterlist|sg_split|sg_pool)\.c|include\/linux\/scatterlist\.h)$/;
/** mm core, where a page pointer's validity is an invariant, not something to test. */
const MM_CORE = /^(mm\/[^/]+\.c|include\/linux\/(mm|mm_types|mmzone|highmem|highmem-internal|page-flags|pagemap|memremap)\.h)$/;
/** Scatterlist consumers (the iterators and copy helpers) wherever they are defined. */
const SG_CONSUMER_FN = /^(sg_miter_\w+|sg_copy_\w+|sg_pcopy_\w+|sg_zero_buffer|sg_virt|__sg_page_iter_\w+)$/;

/**
 * Predicates that ask "is there memory with a memmap/linear address here?" (include/linux/mmzone.h pfn_valid,
 * arch asm/page.h virt_addr_valid, kernel/resource.c page_is_ram, include/linux/memory_hotplug.h
 * pfn_to_online_page). Used on a page a consumer already holds, they only mean "the producer lied".
 */
const VALIDITY = /^(pfn_valid|virt_addr_valid|page_is_ram|pfn_to_online_page|pfn_is_map_memory|memblock_is_map_memory|memblock_is_memory)$/;

/** Assertions catch bad producers; they are the opposite of tolerating them. */
const ASSERTION = /^(WARN|WARN_ON|WARN_ON_ONCE|WARN_ONCE|BUG_ON|VM_BUG_ON|VM_BUG_ON_PAGE|VM_WARN_ON|VM_WARN_ON_ONCE|VM_WARN_ON_ONCE_PAGE|BUILD_BUG_ON)$/;

export const sgPagelessWorkaround: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Validity guards added in scatterlist/mm core so that entries without a real struct page are tolerated instead of fixed at the producer',
    catalogue: ['SG-002'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const path = ctx.image.path;
    const sgCore = SG_CORE.test(path);
    const mmCore = MM_CORE.test(path);
    const out: RuleReport[] = [];
    // Only functions in scatterlist/mm core or named like sg consumers are judged: most images have none.
    const wrappersOf = lazy(() => validityWrappers(ctx));
    for (const fn of ctx.analysis.functions) {
      const consumer = SG_CONSUMER_FN.test(fn.name);
      if (!sgCore && !mmCore && !consumer) continue;
      const wrappers = wrappersOf();
      for (const site of ctx.analysis.calls(fn)) {
        const wrapper = wrappers.get(site.call.callee);
        if (!VALIDITY.test(site.call.callee) && !wrapper) continue;
        if (site.exprParents.some((p) => p.k === 'call' && ASSERTION.test(p.callee))) continue;
        const arg = site.call.args[0];
        if (!arg || !inCondition({ expr: site.call, stmt: site.stmt, exprParents: site.exprParents })) continue;
        // In mm core a pfn_valid(pfn) on a raw pfn (a range walk) is legitimate; only a test of a page the code
        // already holds is the workaround.
        const onPage = derivedFromPage(arg);
        if (!onPage && !(sgCore || consumer)) continue;
        const guarded = guardedPageOp(ctx, site);
        const r = report(ctx, fn, site.call, site.call.text, guarded, sgCore || consumer ? 'certain' : 'likely');
        if (wrapper) r.evidence!.push({ file: path, line: wrapper.line, note: `${site.call.callee}() returns ${wrapper.text}` });
        out.push(r);
      }
      if (sgCore || consumer) out.push(...nullPageGuards(ctx, fn));
    }
    return out;
  },
};

type Call = Extract<Expr, { k: 'call' }>;

/**
 * Same-file helpers that only wrap a validity predicate on a page parameter (`return pfn_valid(page_to_pfn(p));`),
 * so a guard written through a helper is recognised too.
 */
function validityWrappers(ctx: RuleContext): Map<string, Call> {
  const out = new Map<string, Call>();
  for (const fn of ctx.analysis.functions) {
    if (!fn.name || fn.synthetic) continue;
    // The calls of a return statement are those of its value.
    for (const { call: x, stmt: s } of callsIn(fn)) {
      if (s.k !== 'return' || !s.value) continue;
      if (VALIDITY.test(x.callee) && x.args[0] && derivedFromPage(x.args[0])) out.set(fn.name, x);
    }
  }
  return out;
}

/** The page operation the guard protects (same condition or the guarded statement), for the message. */
function guardedPageOp(ctx: RuleContext, site: CallSite): Call | undefined {
  const roots: Expr[] = [];
  const stmt = site.stmt;
  if (stmt.k === 'if') {
    roots.push(stmt.cond);
    walkStmtExprs(stmt.then, roots);
  } else {
    roots.push(...site.exprParents.slice(0, 1));
  }
  let found: Call | undefined;
  for (const r of roots) {
    walkExpr(r, (x) => {
      if (!found && x.k === 'call' && x !== site.call && pageDerefArg(x, ctx.model) >= 0) found = x;
    });
  }
  return found;
}

function walkStmtExprs(s: import('../c/ir.js').Stmt, out: Expr[]): void {
  switch (s.k) {
    case 'block': s.body.forEach((b) => walkStmtExprs(b, out)); break;
    case 'expr': out.push(s.expr); break;
    case 'if': out.push(s.cond); walkStmtExprs(s.then, out); if (s.else) walkStmtExprs(s.else, out); break;
    case 'return': if (s.value) out.push(s.value); break;
    default: break;
  }
}

/**
 * `page && !PageSlab(page)`, `if (!miter->page) return;` inside scatterlist consumers: a NULL test on the page
 * the same condition (or the guarded statement) dereferences.
 */
function nullPageGuards(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  for (const site of ctx.analysis.calls(fn)) {
    const i = pageDerefArg(site.call, ctx.model);
    const page = i >= 0 ? site.call.args[i] : undefined;
    if (!page) continue;
    const chain = site.exprParents.find((p) => p.k === 'binary' && (p.op === '&&' || p.op === '||')) as Extract<Expr, { k: 'binary' }> | undefined;
    if (!chain) continue;
    const hit = conjuncts(chain, chain.op).map((c) => ({ c, test: nullTestOf(c, chain.op === '&&') })).find((x) => x.test && sameExpr(x.test, page));
    if (hit) out.push(report(ctx, fn, site.call, hit.c.text, site.call, 'certain', hit.c.line));
  }
  return out;
}

/** The operands of a chain of one logical operator (`a && b && c` → a, b, c). */
function conjuncts(e: Expr, op: string): Expr[] {
  return e.k === 'binary' && e.op === op ? [...conjuncts(e.left, op), ...conjuncts(e.right, op)] : [e];
}

/** For `a && ...` the expression `a` asserts non-NULL (`page`, `page != NULL`); for `a || ...`, `!page`. */
function nullTestOf(e: Expr, and: boolean): Expr | undefined {
  if (and) {
    if (e.k === 'ident' || e.k === 'field') return e;
    if (e.k === 'binary' && e.op === '!=' && e.right.k === 'literal' && e.right.lit === 'null') return e.left;
  } else if (e.k === 'unary' && e.op === '!' && (e.arg.k === 'ident' || e.arg.k === 'field')) {
    return e.arg;
  }
  return undefined;
}

function report(ctx: RuleContext, fn: FunctionIR, guard: Call, code: string, op: Call | undefined,
  certainty: 'certain' | 'likely', line = guard.line): RuleReport {
  const where = ctx.image.path;
  const protects = op ? ` before ${op.callee}()` : '';
  return {
    line,
    function: fn,
    code,
    certainty,
    message: `\`${code.replace(/\s+/g, ' ')}\` is added in ${fn.name || where}()${protects} so that scatterlist/page entries without a real struct page are skipped: this tolerates the bug instead of fixing the code that built such an entry.`,
    why: 'Every scatterlist entry must hold a real, initialised struct page (sg_set_page(); sg_set_buf() is sg_set_page(virt_to_page(buf))). '
      + 'A page that fails pfn_valid()/virt_addr_valid() means a producer put memory without a memmap (ioremap()ed or PCI BAR memory, vmalloc or stack addresses) into the list. '
      + 'Guarding one consumer hides the producer bug: kmap, page_address(), flush_dcache_page() and the DMA mapping code still dereference the bogus page elsewhere, and pfn_valid() is only section-granular, so it does not even prove this page is real. '
      + 'The scatterlist maintainers rejected exactly this change in 2019.',
    instead: 'Fix the producer: memory without struct pages must not go into a scatterlist. For PCI BAR memory register it with pci_p2pdma_add_resource() and allocate with pci_alloc_p2pmem()/pci_p2pmem_alloc_sgl(), or map the physical range with dma_map_resource() (dma_map_phys(..., DMA_ATTR_MMIO) on 6.18+) and skip the scatterlist; copy MMIO with memcpy_fromio()/memcpy_toio().',
    // Only the guard itself: the page operation it protects is old code and must not make the finding the patch's.
    evidence: [{ file: where, line, note: `guard in ${fn.name || 'this function'}()${op ? ` protecting ${op.callee}() at line ${op.line}` : ''}` }],
    references: REFS,
  };
}
