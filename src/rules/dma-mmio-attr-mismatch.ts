// dma-mmio-attr-mismatch: RAM and MMIO need different DMA entry points (Documentation/core-api/dma-api.rst,
// include/linux/dma-mapping.h). dma_map_resource() is for MMIO and must not be given RAM; MMIO (a PCI
// BAR, an __iomem mapping) must not go through dma_map_page()/dma_map_single() or dma_map_phys() without
// DMA_ATTR_MMIO, which would cache-maintain or bounce it; and DMA_ATTR_MMIO on RAM skips the cache maintenance and
// swiotlb bouncing RAM needs. Which kinds a parameter accepts comes from the model's contracts.
import type { Expr, FunctionIR } from '../c/ir.js';
import type { Origin } from '../analysis/index.js';
import { attrsArg, hasAttr, mappedArg } from './support/dma-api.js';
import { addressOrigins } from './support/phys-origins.js';
import { certaintyOf, evidenceOf, kindsOf, splitOrigins } from './support/origins.js';
import { atOrAfter, targetVersion } from './support/kernel-era.js';
import { docsUrl, type KindInfo, type Rule, type RuleContext, type RuleReport, type RuleSuggestion } from './types.js';

const ID = 'dma-mmio-attr-mismatch';
const REFS = ['DMA-007', 'Documentation/core-api/dma-api.rst (dma_map_resource)', 'include/linux/dma-mapping.h (DMA_ATTR_MMIO)', 'kernel/dma/direct.h'];

/** Kinds other rules own: stack/image memory (dma-on-stack), vmalloc/coherent (sg-nonpage-memory), P2PDMA (p2pdma-single-map). */
const LEFT_TO_OTHER_RULES = new Set(['stack', 'kernel-image', 'vmalloc', 'kvmalloc', 'dma-coherent', 'p2pdma', 'user']);

type Call = Extract<Expr, { k: 'call' }>;

export const dmaMmioAttrMismatch: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'dma_map_resource() on RAM; MMIO through dma_map_page/single or dma_map_phys without DMA_ATTR_MMIO; DMA_ATTR_MMIO on RAM',
    catalogue: ['DMA-007'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const isRam = (k: string) => !LEFT_TO_OTHER_RULES.has(k) && ram(ctx.model.kind(k));
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const c = ctx.model.contract(call.callee);
        if (!c || (c.category !== 'dma-map' && c.category !== 'dma-iova')) continue;
        const arg = mappedArg(ctx.model, call);
        if (!arg) continue;
        const accepts = c.params?.[arg.index]?.accepts;
        if (!accepts) continue;
        const origins = addressOrigins(ctx.analysis, arg.expr, fn, ctx.image.path);
        const attrs = attrsArg(ctx.model, call);
        const mmioAttr = hasAttr(attrs, 'DMA_ATTR_MMIO');
        const takesRam = accepts.some((k) => isRam(k));
        const isMmio = (k: string) => !LEFT_TO_OTHER_RULES.has(k) && mmio(ctx.model.kind(k), arg.role, k);
        if (!takesRam || mmioAttr) {
          // An MMIO-only entry point (dma_map_resource) or an explicit DMA_ATTR_MMIO: RAM does not belong here.
          const split = splitOrigins(origins, isRam);
          const certainty = certaintyOf(split);
          if (!certainty || (certainty === 'likely' && !split.bad.some((o) => withinFunction(o, fn)))) continue;
          out.push(ramReport(ctx, fn, call, arg.expr, split.bad, certainty, mmioAttr));
        } else {
          // A RAM entry point without DMA_ATTR_MMIO: MMIO does not belong here.
          const split = splitOrigins(origins, isMmio);
          const certainty = certaintyOf(split);
          if (!certainty || (certainty === 'likely' && !split.bad.some((o) => withinFunction(o, fn)))) continue;
          out.push(mmioReport(ctx, fn, call, arg.expr, split.bad, certainty, attrs));
        }
      }
    }
    return out;
  },
};

/**
 * A possible (not proven) origin is only worth a warning when it arises in the function itself: a struct field
 * that holds MMIO on one probe path and RAM on another is usually split by configuration, not mixed at run time.
 */
function withinFunction(o: Origin, fn: FunctionIR): boolean {
  return o.chain.every((e) => e.line >= fn.line && e.line <= fn.endLine);
}

/** RAM: real struct pages the CPU accesses normally (A.1 rows 1–3b, 8a, 9b, 10, 11, 13). */
function ram(info: KindInfo | undefined): boolean {
  return !!info && info.hasStructPage === true && info.cpuAccess === 'normal';
}

/** MMIO: no struct page and no normal CPU access; an __iomem pointer only where a buffer (a VA) is expected. */
function mmio(info: KindInfo | undefined, role: 'buffer' | 'page' | 'phys', kind: string): boolean {
  if (!info || info.hasStructPage !== false || info.cpuAccess === 'normal') return false;
  // A provider is an object, not an address.
  if (kind === 'p2p-provider') return false;
  // virt_to_phys()/virt_to_page() of an __iomem pointer is not the BAR's address (pfn-without-memmap covers it).
  return role === 'buffer' || kind !== 'iomem';
}

function labels(ctx: RuleContext, bad: Origin[]): string {
  return kindsOf(bad).map((k) => ctx.model.kind(k)?.label ?? k).join(' or ');
}

function ramReport(ctx: RuleContext, fn: FunctionIR, call: Call, arg: Expr, bad: Origin[], certainty: 'certain' | 'likely', viaAttr: boolean): RuleReport {
  const maybe = certainty === 'likely' ? 'may be' : 'is';
  return {
    line: call.line, function: fn, code: call.text, certainty,
    message: viaAttr
      ? `${call.callee}() is given DMA_ATTR_MMIO for \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}: RAM mapped as MMIO gets no cache maintenance and no swiotlb bounce.`
      : `${call.callee}() is given \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}: it maps MMIO only, and RAM must go through dma_map_page()/dma_map_single()/dma_map_sg().`,
    why: viaAttr
      ? 'DMA_ATTR_MMIO tells the DMA layer the range is device memory: no cache flush/invalidate, no swiotlb, and (dma-direct) the physical address used as is. For RAM that means stale or corrupted data on non-coherent platforms and DMA beyond the device mask (include/linux/dma-mapping.h, kernel/dma/direct.h).'
      : 'dma-api.rst restricts dma_map_resource() to MMIO and forbids RAM: it does no cache maintenance and no bouncing, and with an IOMMU it maps the range as IOMMU_MMIO.',
    instead: 'Map RAM with dma_map_page()/dma_map_single() (or dma_map_sg()/dma_map_sgtable() for lists), and keep dma_map_resource()/DMA_ATTR_MMIO for device memory.',
    evidence: [...evidenceOf(bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS,
  };
}

function mmioReport(ctx: RuleContext, fn: FunctionIR, call: Call, arg: Expr, bad: Origin[], certainty: 'certain' | 'likely', attrs: Expr | undefined): RuleReport {
  const target = targetVersion(ctx.patch, ctx.model);
  const hasPhys = atOrAfter(target.version, ctx.model.apiStatus('dma_map_phys')?.since);
  const maybe = certainty === 'likely' ? 'may be' : 'is';
  const isPhys = call.callee.startsWith('dma_map_phys') || call.callee.startsWith('dma_iova_link');
  return {
    line: call.line, function: fn, code: call.text, certainty,
    message: isPhys
      ? `${call.callee}() maps \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}, without DMA_ATTR_MMIO: the range is treated as RAM.`
      : `${call.callee}() is given \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}: the page/single mapping API is for RAM and will treat the MMIO range as cacheable memory.`,
    why: 'Without DMA_ATTR_MMIO the DMA layer assumes RAM: it may flush or invalidate CPU caches over the range, bounce it through swiotlb (copying device memory with the CPU) and, for page APIs, compute a struct page that does not exist. dma-api.rst reserves dma_map_resource() (and, from ≈6.18, dma_map_phys() with DMA_ATTR_MMIO) for MMIO.',
    instead: hasPhys
      ? `Use dma_map_phys(dev, phys, size, dir, DMA_ATTR_MMIO) (or dma_map_resource()) for device memory, after a P2P topology check if it is a peer's BAR (checked against ${target.note}).`
      : `Use dma_map_resource(dev, phys, size, dir, 0) for device memory, after a P2P topology check if it is a peer's BAR (dma_map_phys()/DMA_ATTR_MMIO do not exist in ${target.note}).`,
    evidence: [...evidenceOf(bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS,
    suggestion: isPhys ? attrSuggestion(ctx, attrs) : undefined,
  };
}

/** Adds DMA_ATTR_MMIO to a dma_map_phys()-style call's attrs argument when it sits on one line. */
function attrSuggestion(ctx: RuleContext, attrs: Expr | undefined): RuleSuggestion | undefined {
  if (!attrs || ctx.side !== 'new' || attrs.line !== attrs.endLine) return undefined;
  const text = ctx.image.lineText.get(attrs.line);
  if (!text || text.split(attrs.text).length !== 2) return undefined;
  const replacement = /^0[uUlL]*$/.test(attrs.text.trim()) ? 'DMA_ATTR_MMIO' : `${attrs.text} | DMA_ATTR_MMIO`;
  return { startLine: attrs.line, endLine: attrs.line, replacement: text.replace(attrs.text, replacement), safety: 'review' };
}
