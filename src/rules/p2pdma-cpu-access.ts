// p2pdma-cpu-access: CPU loads/stores on P2PDMA memory through normal pointers — memcpy/memset on
// pci_alloc_p2pmem() memory, sg_copy_*/sg_miter/sg_virt on lists that hold P2PDMA pages, kmap of such pages —
// and code that newly opts into P2PDMA pages (FOLL_PCI_P2PDMA, ITER_ALLOW_P2PDMA) while it still copies those
// pages with the CPU (SG-005).
import type { Expr, FunctionIR } from '../c/ir.js';
import { stripCasts, type CallSite } from '../analysis/index.js';
import type { Evidence } from '../types.js';
import { evidenceOf, splitOrigins } from './support/origins.js';
import { gupCalls, pageArrayName, pageSources, sameList, sgListKey, type PageSource } from './support/sg-lists.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-cpu-access';
const REFS = ['SG-005', 'Documentation/driver-api/pci/p2pdma.rst ("Struct Page Caveats")', 'drivers/pci/p2pdma.c'];

/** Plain CPU copies and their pointer arguments (string.h, uaccess.h): none of them may touch MMIO. */
const CPU_COPY: Record<string, number[]> = {
  memcpy: [0, 1], memmove: [0, 1], memset: [0], memcmp: [0, 1], memzero_explicit: [0],
  copy_to_user: [1], copy_from_user: [0], __copy_to_user: [1], __copy_from_user: [0],
  strscpy: [0, 1], strcpy: [0, 1], csum_partial: [0], crc32c: [1],
};
/** sg helpers that kmap and memcpy every page of a list (lib/scatterlist.c), with the list argument. */
const SG_CPU: Record<string, number> = {
  sg_copy_buffer: 0, sg_copy_from_buffer: 0, sg_copy_to_buffer: 0, sg_pcopy_from_buffer: 0, sg_pcopy_to_buffer: 0,
  sg_zero_buffer: 0, sg_miter_start: 1,
};
/** Temporary CPU mappings of a page (include/linux/highmem.h): the pointer they return is used by the CPU. */
const KMAP = /^(kmap|kmap_atomic|kmap_local_page|kmap_local_folio|page_address|memcpy_from_page|memcpy_to_page|memzero_page|copy_page|copy_highpage)$/;

const isP2p = (k: string) => k === 'p2pdma';

export const p2pdmaCpuAccess: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'CPU memcpy/memset/sg_copy/sg_miter/kmap on P2PDMA memory, or P2PDMA pages enabled on a path that still copies them with the CPU',
    catalogue: ['SG-005'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const sources = pageSources(ctx.analysis, ctx.model).filter((s) => s.cls === 'p2pdma' || s.cls === 'user-p2p');
    const gups = gupCalls(ctx.analysis, ctx.model).filter((g) => g.p2pFlag);
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const r = directAccess(ctx, fn, site, sources) ?? pageAccess(ctx, fn, site, gups);
        if (r) out.push(r);
      }
    }
    return dedupe(out);
  },
};

function dedupe(reports: RuleReport[]): RuleReport[] {
  const seen = new Set<string>();
  return reports.filter((r) => {
    const k = `${r.line}:${r.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type Call = Extract<Expr, { k: 'call' }>;

/** The P2PDMA evidence of one pointer argument: its own kinds, or sg_virt()/kmap of P2PDMA memory. */
function p2pPointer(ctx: RuleContext, fn: FunctionIR, arg: Expr, sources: PageSource[]): { evidence: Evidence[]; certain: boolean; source?: PageSource } | undefined {
  const split = splitOrigins(ctx.analysis.origins(arg, fn), isP2p);
  if (split.bad.length) return { evidence: evidenceOf(split.bad), certain: split.good.length === 0 && split.unknown.length === 0 };
  const x = stripCasts(arg);
  const inner = x.k === 'binary' && x.op === '+' ? stripCasts(x.left) : x;
  if (inner.k === 'call' && inner.callee === 'sg_virt' && inner.args[0]) {
    const list = sgListKey(inner.args[0], fn);
    const src = list ? sources.find((s) => sameList(s.list, list)) : undefined;
    if (src) return { evidence: src.evidence, certain: src.cls === 'p2pdma', source: src };
  }
  return undefined;
}

/** memcpy & co. on P2PDMA pointers; sg copy helpers on lists of P2PDMA pages. */
function directAccess(ctx: RuleContext, fn: FunctionIR, site: CallSite, sources: PageSource[]): RuleReport | undefined {
  const call = site.call;
  const file = ctx.image.path;
  const ptrArgs = CPU_COPY[call.callee];
  if (ptrArgs) {
    for (const i of ptrArgs) {
      const arg = call.args[i];
      const p = arg && p2pPointer(ctx, fn, arg, sources);
      if (!p) continue;
      return report(fn, call, `${call.callee}() reads or writes \`${arg.text}\``, p.source, [...p.evidence, { file, line: call.line, note: `CPU access by ${call.callee}()` }], p.certain);
    }
  }
  const li = SG_CPU[call.callee];
  if (li !== undefined && call.args[li]) {
    const list = sgListKey(call.args[li], fn);
    const split = splitOrigins(ctx.analysis.origins(call.args[li], fn), isP2p);
    const src = list ? sources.find((s) => sameList(s.list, list)) : undefined;
    if (split.bad.length || src) {
      const ev = split.bad.length ? evidenceOf(split.bad) : src!.evidence;
      return report(fn, call, `${call.callee}() kmaps and memcpys every page of \`${call.args[li].text}\``, src, [...ev, { file, line: call.line, note: `CPU copy by ${call.callee}()` }], split.bad.length > 0 || src?.cls === 'p2pdma');
    }
  }
  if (KMAP.test(call.callee) && call.args[0]) {
    const split = splitOrigins(ctx.analysis.origins(call.args[0], fn), isP2p);
    if (split.bad.length) {
      return report(fn, call, `${call.callee}(${call.args[0].text}) gives the CPU a pointer to it`, undefined, [...evidenceOf(split.bad), { file, line: call.line, note: `${call.callee}()` }], split.good.length === 0 && split.unknown.length === 0);
    }
  }
  return undefined;
}

/** kmap/page_address/copy of pages that a GUP call in the same function got with the P2P flag. */
function pageAccess(ctx: RuleContext, fn: FunctionIR, site: CallSite, gups: ReturnType<typeof gupCalls>): RuleReport | undefined {
  const call = site.call;
  if (!KMAP.test(call.callee) || !call.args[0]) return undefined;
  const arr = pageArrayName(call.args[0]);
  const gup = arr ? gups.find((g) => g.fn === fn && pageArrayName(g.pages) === arr) : undefined;
  if (!gup?.p2pFlag) return undefined;
  const file = ctx.image.path;
  // The flag line first: when the patch adds the opt-in, the finding is the patch's even if the copy is old code.
  const ev: Evidence[] = [
    { file, line: gup.p2pFlag.line, note: `\`${gup.p2pFlag.text}\` lets ${gup.site.call.callee}() return P2PDMA pages` },
    { file, line: gup.site.call.line, note: `${arr} filled by ${gup.site.call.callee}()` },
    { file, line: call.line, note: `${call.callee}() maps one of them for CPU access` },
  ];
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty: 'likely',
    message: `${call.callee}(${call.args[0].text}) accesses with the CPU a page that ${gup.site.call.callee}() may return as P2PDMA memory: this path opts into P2PDMA pages (${gup.p2pFlag.text.replace(/\s+/g, ' ')}) but still copies them with the CPU.`,
    why: `${WHY} A subsystem that sets FOLL_PCI_P2PDMA/ITER_ALLOW_P2PDMA must first be scrubbed of every CPU access to those pages (bounce buffers, checksums, encryption, PIO fallbacks).`,
    instead: 'Only set FOLL_PCI_P2PDMA/ITER_ALLOW_P2PDMA on paths that hand the pages to a P2P-aware DMA mapping and never touch them with the CPU; skip the flag (or fail the I/O) when a CPU copy may be needed, e.g. `if (!is_pci_p2pdma_page(page)) <cpu path>`.',
    evidence: ev,
    references: [...REFS, 'mm/gup.c (FOLL_PCI_P2PDMA)', 'include/linux/uio.h (ITER_ALLOW_P2PDMA)'],
  };
}

const WHY = 'A P2PDMA page is PCI BAR memory: its kernel address is an uncached MMIO alias. Documentation/driver-api/pci/p2pdma.rst forbids plain CPU access ("works on some architectures, others will experience corruption or just crash"); only readX()/writeX()/memcpy_toio()/memcpy_fromio() may touch it.';

function report(fn: FunctionIR, call: Call, what: string, src: PageSource | undefined, evidence: Evidence[], certain: boolean): RuleReport {
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty: certain ? 'certain' : 'likely',
    message: `${what}, which ${certain ? 'is' : 'may be'} P2PDMA memory: plain CPU loads and stores on a PCI BAR are not allowed.`,
    why: `${WHY}${src?.cls === 'user-p2p' ? ' The pages come from user memory that this code allows to be P2PDMA (FOLL_PCI_P2PDMA/ITER_ALLOW_P2PDMA).' : ''} sg_copy_*() and sg_miter_*() kmap each page and memcpy through it.`,
    instead: 'Use memcpy_toio()/memcpy_fromio()/memset_io() on the __iomem mapping, move the data with the device\'s DMA engine, or keep P2PDMA memory out of paths that need CPU copies.',
    evidence,
    references: REFS,
  };
}

