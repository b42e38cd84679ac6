// pfn-without-memmap: struct page operations on memory that has no memmap — pfn_to_page() of a BAR or resource
// pfn dereferenced without pfn_valid() and a known pgmap (MM-001), linear-map converters (virt_to_phys, __pa,
// virt_to_page) on iomem/vmalloc/stack/coherent pointers (MM-002), and kmap of a page looked up from a pfn type
// that may carry no page at all (the 2015 __pfn_t/kmap_atomic_pfn_t proposal, seed 002).
import type { Expr, FunctionIR } from '../c/ir.js';
import { stripCasts, walkStmts, type CallSite } from '../analysis/index.js';
import type { Evidence } from '../types.js';
import { certaintyOf, evidenceOf, kindsOf, splitOrigins } from './support/origins.js';
import { pageDerefArg } from './support/page-exprs.js';
import { pfnSources, physSources } from './support/pfn-origin.js';
import { isAssignTarget, resultTarget } from './support/uses.js';
import { memoize } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'pfn-without-memmap';
const REFS = ['MM-001', 'MM-002', 'include/linux/mm.h', 'include/asm-generic/memory_model.h (pfn_to_page)', 'include/linux/page-flags.h'];

type Call = Extract<Expr, { k: 'call' }>;

/** pfn/phys → struct page lookups that are pure arithmetic (include/asm-generic/memory_model.h, arch memory.h). */
const PFN_TO_PAGE: Record<string, 'pfn' | 'phys'> = { pfn_to_page: 'pfn', pfn_folio: 'pfn', phys_to_page: 'phys', phys_to_folio: 'phys' };
/** Calls that create or look up a memmap for a range: after them, pfn_to_page() of that range is valid. */
const MEMMAP_PROOF = /^(pfn_valid|pfn_to_online_page|get_dev_pagemap|memremap_pages|devm_memremap_pages|arch_add_memory|add_pages|memmap_init_zone_device|pci_p2pdma_add_resource|pfn_t_has_page|__pfn_t_has_page|online_page_range)$/;
/**
 * Tagged-pfn → page helpers that return NULL when the pfn has no struct page (include/linux/pfn_t.h
 * pfn_t_to_page(): `if (pfn_t_has_page(pfn)) return pfn_to_page(...); return NULL;`, removed ≈6.17).
 */
const NULLABLE_PFN_TO_PAGE = /(^|_)pfn_t_to_page$/;
/** Kinds whose linear-map status is not this rule's question (kernel image: arch-dependent and widely legal). */
const NOT_JUDGED = new Set(['kernel-image', 'highmem']);

export const pfnWithoutMemmap: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Page operations or linear-map converters on memory without a memmap (BAR/resource pfns, iomem, vmalloc, stack, coherent DMA, page-less pfns)',
    catalogue: ['MM-001', 'MM-002'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      const proof = ctx.analysis.calls(fn).find((s) => MEMMAP_PROOF.test(s.call.callee));
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        if (call.callee in PFN_TO_PAGE && !proof) {
          const r = devicePfnPage(ctx, fn, site, PFN_TO_PAGE[call.callee]);
          if (r) out.push(r);
        }
        const conv = linearConverter(ctx, fn, site);
        if (conv) out.push(conv);
        if (NULLABLE_PFN_TO_PAGE.test(call.callee) || nullableHelper(ctx, call.callee)) {
          const r = unguardedNullablePage(ctx, fn, site);
          if (r) out.push(r);
        }
      }
    }
    return out;
  },
};

/** The page operations a page value reaches in `fn`: as a direct argument, or through the variable it is stored in. */
function pageOpsOf(ctx: RuleContext, fn: FunctionIR, site: CallSite): { op: Call; via?: string; line: number }[] {
  const out: { op: Call; via?: string; line: number }[] = [];
  const parent = site.exprParents[site.exprParents.length - 1];
  const direct = parent?.k === 'cast' ? site.exprParents[site.exprParents.length - 2] : parent;
  if (direct?.k === 'call') {
    const i = pageDerefArg(direct, ctx.model);
    if (i >= 0 && stripCasts(direct.args[i]) === site.call) out.push({ op: direct, line: direct.line });
  }
  const target = resultTarget(site);
  if (typeof target === 'object') {
    for (const u of ctx.analysis.uses(target.key, { fn })) {
      if (u.expr.line < target.line || isAssignTarget(u)) continue;
      const p = u.exprParents[u.exprParents.length - 1];
      if (p?.k !== 'call') continue;
      const i = pageDerefArg(p, ctx.model);
      if (i >= 0 && stripCasts(p.args[i]) === u.expr) out.push({ op: p, via: target.key, line: target.line });
    }
  }
  return out;
}

/** MM-001: pfn_to_page() of a BAR/resource pfn, then dereferenced. */
function devicePfnPage(ctx: RuleContext, fn: FunctionIR, site: CallSite, arg: 'pfn' | 'phys'): RuleReport | undefined {
  const a = site.call.args[0];
  if (!a) return undefined;
  const sources = arg === 'pfn' ? pfnSources(ctx.analysis, fn, a) : physSources(ctx.analysis, fn, a);
  if (sources.length === 0) return undefined;
  const ops = pageOpsOf(ctx, fn, site);
  if (ops.length === 0) return undefined;
  const op = ops[0];
  const src = sources[0];
  return {
    line: op.op.line,
    function: fn,
    code: `${op.op.callee}(${site.call.text})`,
    certainty: sources.every((s) => !s.mixed) ? 'certain' : 'likely',
    message: `${op.op.callee}() dereferences the struct page of ${site.call.text}, but that ${arg} comes from device memory (${src.info.what}) and nothing here proves it has a memmap (no pfn_valid(), no get_dev_pagemap(), no memremap_pages()).`,
    why: 'pfn_to_page() is arithmetic on the memmap (with SPARSEMEM_VMEMMAP: vmemmap + pfn); for a BAR or other range that was never registered with memremap_pages() the computed struct page is not backed, and the first page-flag test, refcount or kmap faults — the crash behind the 2019 PageSlab() report. pfn_valid() alone is section-granular and also true for ZONE_DEVICE ranges, so the pfn\'s source must be known.',
    instead: 'Do not make struct pages up for device memory: map it with ioremap()/memremap() and use MMIO accessors, give the device a DMA address with dma_map_resource() (dma_map_phys(..., DMA_ATTR_MMIO) on 6.18+), or register the BAR as ZONE_DEVICE memory (pci_p2pdma_add_resource(), devm_memremap_pages()) and look pages up with get_dev_pagemap().',
    evidence: [...src.chain, ...(op.via ? [{ file: ctx.image.path, line: op.line, note: `${op.via} = ${site.call.text}` }] : []),
      { file: ctx.image.path, line: op.op.line, note: `${op.op.callee}() reads the struct page` }],
    references: REFS,
  };
}

/** MM-002: virt_to_phys()/__pa()/virt_to_page() on a pointer the model says is not in the linear map. */
function linearConverter(ctx: RuleContext, fn: FunctionIR, site: CallSite): RuleReport | undefined {
  const call = site.call;
  const c = ctx.model.contract(call.callee);
  if (c?.category !== 'converter' || !c.params) return undefined;
  const pi = c.params.findIndex((p) => p.role === 'buffer' && p.accepts);
  const accepts = pi >= 0 ? c.params[pi].accepts! : undefined;
  const arg = pi >= 0 ? call.args[pi] : undefined;
  if (!accepts || !arg) return undefined;
  // virt_to_page() straight into sg_set_page() is sg-nonpage-memory's finding.
  const parent = site.exprParents[site.exprParents.length - 1];
  if (parent?.k === 'call' && /^sg_set_page$/.test(parent.callee)) return undefined;
  const bad = (k: string) => !NOT_JUDGED.has(k) && !accepts.includes(k) && ctx.model.kind(k)?.linear !== true && ctx.model.kind(k) !== undefined;
  const split = splitOrigins(ctx.analysis.origins(arg, fn), bad);
  let certainty = certaintyOf(split);
  if (!certainty) return undefined;
  const kinds = kindsOf(split.bad);
  const infos = kinds.map((k) => ctx.model.kind(k)!);
  if (infos.some((i) => i.linear === 'depends')) {
    // A platform-dependent kind that is only one of several possible origins is too weak to report.
    if (certainty !== 'certain') return undefined;
    certainty = 'likely';
  }
  const notes = kinds.flatMap((k) => ctx.model.kindOnPlatforms(k, 'linear').map(({ platform, value }) =>
    `${platform}: ${ctx.model.kind(k)!.label} is ${value ? 'in the linear map here (still not allowed for this use)' : 'outside the linear map: the result is garbage'}`));
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty,
    message: `${call.callee}() is given \`${arg.text}\`, which ${certainty === 'certain' ? 'holds' : 'may hold'} ${infos.map((i) => i.label).join(' or ')}: ${call.callee}() is only defined for linear-map addresses, so the result is not the memory's ${/page|folio/.test(call.callee) ? 'struct page' : 'physical address'}.`,
    why: `${call.callee}() is arithmetic on the direct map (arch asm/page.h; DEBUG_VIRTUAL warns). ${infos.map((i) => `${i.label}: linear map ${i.linear === 'depends' ? 'platform-dependent' : 'no'} (${i.sources[0]})`).join('; ')}.`,
    instead: insteadFor(kinds),
    platformNotes: notes.length ? notes : undefined,
    evidence: [...evidenceOf(split.bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS,
  };
}

function insteadFor(kinds: string[]): string {
  const parts: string[] = [];
  if (kinds.some((k) => k === 'iomem' || k === 'memremap-nonram' || k === 'raw-pfn')) parts.push('keep the resource_size_t physical address from the resource or BAR (pci_resource_start()) instead of converting the mapping back');
  if (kinds.some((k) => k === 'vmalloc' || k === 'kvmalloc')) parts.push('use vmalloc_to_page()/vmalloc_to_pfn() for vmalloc memory (or branch on is_vmalloc_addr() for kvmalloc)');
  if (kinds.includes('stack')) parts.push('move the buffer off the stack (kmalloc()) before asking for its page or physical address');
  if (kinds.includes('dma-coherent')) parts.push('use the dma_handle dma_alloc_coherent() returned; the CPU address may be a remapped alias');
  if (kinds.includes('user')) parts.push('pin user memory with pin_user_pages() and use the returned pages');
  return parts.length ? `${parts.join('; ')}.` : 'Only convert linear-map (kmalloc/alloc_pages) addresses.';
}

/** A same-file helper returning `struct page *` that returns NULL on some path (a page-less pfn). */
function nullableHelper(ctx: RuleContext, name: string): boolean {
  const fn = ctx.analysis.provenance.functionNamed(name);
  return !!fn && returnsNullablePage(fn);
}

/** Asked at every call of the helper, once per helper: the answer depends on the helper alone. */
const returnsNullablePage = memoize((fn: FunctionIR): boolean => {
  // Both tests must pass; the parameter one is cheap, the prototype one compiles a regex and scans the body.
  if (fn.synthetic || !fn.params.some((p) => /pfn/.test(p.name) || /pfn/.test(p.type))) return false;
  // functionNamed() files functions by name, so fn.name is the name the caller used.
  if (!new RegExp(`struct\\s+page\\s*\\*\\s*${fn.name}\\s*\\(`).test(fn.text)) return false;
  let nullReturn = false;
  walkStmts(fn.body, (s) => {
    const v = s.k === 'return' && s.value ? stripCasts(s.value) : undefined;
    if (v && ((v.k === 'literal' && v.lit === 'null') || (v.k === 'ident' && v.name === 'NULL'))) nullReturn = true;
  });
  return nullReturn;
});

/** kmap/page-flag operations straight on a NULL-able pfn→page lookup, or on its result without a NULL test. */
function unguardedNullablePage(ctx: RuleContext, fn: FunctionIR, site: CallSite): RuleReport | undefined {
  const ops = pageOpsOf(ctx, fn, site);
  const target = resultTarget(site);
  const tested = typeof target === 'object' && ctx.analysis.uses(target.key, { fn }).some((u) =>
    u.stmtParents.some((p) => (p.k === 'if' || p.k === 'loop') && p.line <= u.expr.line) || u.stmt.k === 'if' || u.exprParents.some((p) => p.k === 'unary' && p.op === '!'));
  const op = ops.find((o) => !o.via || !tested);
  if (!op) return undefined;
  const ev: Evidence[] = [{ file: ctx.image.path, line: site.call.line, note: `${site.call.callee}() returns NULL for a pfn without a struct page` }];
  if (op.via) ev.push({ file: ctx.image.path, line: op.line, note: `${op.via} = ${site.call.text}, never tested for NULL` });
  ev.push({ file: ctx.image.path, line: op.op.line, note: `${op.op.callee}() dereferences it` });
  return {
    line: op.op.line,
    function: fn,
    code: `${op.op.callee}(${site.call.text})`,
    certainty: 'likely',
    message: `${op.op.callee}() is applied to ${site.call.text}, which is NULL when the pfn has no struct page (device memory outside the memmap): the page-less case crashes here.`,
    why: 'A pfn type that can describe memory without a memmap (PFN_DEV) only has a struct page when its has-page test says so; the lookup returns NULL otherwise. kmap*() and page-flag helpers need a real struct page: memory without one cannot be kmapped, and making a kmap-like interface walk a table of ioremap()ed ranges per call (the 2015 kmap_atomic_pfn_t() proposal) was rejected for that reason.',
    instead: 'Test the pfn (pfn_t_has_page()) or the returned page for NULL first and use the driver\'s own ioremap()/memremap() mapping for page-less memory; better, give that memory struct pages (devm_memremap_pages()) so ordinary page APIs work.',
    evidence: ev,
    references: [...REFS, 'include/linux/pfn_t.h (pfn_t_to_page, removed ≈6.17)', 'seed 002 (2015 "allow mapping page-less memremaped areas into KVA" review)'],
  };
}
