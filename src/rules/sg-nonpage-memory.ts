// sg-nonpage-memory: memory without a linear-map struct page (ioremap'ed MMIO, vmalloc, coherent DMA buffers,
// non-RAM memremap, kernel-image data, raw pfns) put into a scatterlist. sg_set_buf() is
// sg_set_page(virt_to_page(buf)), so the entry holds a bogus page that sg_miter, kmap and flush_dcache_page
// later dereference — the 2019 PageSlab() crash.
import type { Expr } from '../c/ir.js';
import { certaintyOf, evidenceOf, kindsOf, splitOrigins } from './support/origins.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'sg-nonpage-memory';

/** Buffer-taking scatterlist setters and the index of their buffer argument (include/linux/scatterlist.h). */
const BUF_SETTERS: Record<string, number> = { sg_set_buf: 1, sg_init_one: 1 };
/** Page setters whose page argument may be written as virt_to_page(buf). */
const PAGE_SETTERS: Record<string, number> = { sg_set_page: 1 };
/** Stack memory is its own rule (dma-on-stack); a page that really exists is not this rule's business. */
const LEFT_TO_OTHER_RULES = new Set(['stack']);

export const sgNonpageMemory: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Memory without a linear-map struct page (iomem, vmalloc, coherent DMA, non-RAM memremap) put into a scatterlist',
    catalogue: ['SG-001', 'SG-003', 'DMA-006'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const bad = (kind: string) => {
      if (LEFT_TO_OTHER_RULES.has(kind)) return false;
      const info = ctx.model.kind(kind);
      return info !== undefined && info.sgSetBuf === false;
    };
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        let buf: Expr | undefined;
        let via = '';
        if (call.callee in BUF_SETTERS) {
          buf = call.args[BUF_SETTERS[call.callee]];
        } else if (call.callee in PAGE_SETTERS) {
          const page = call.args[PAGE_SETTERS[call.callee]];
          if (page?.k === 'call' && page.callee === 'virt_to_page' && page.args[0]) {
            buf = page.args[0];
            via = 'virt_to_page() of ';
          }
        }
        if (!buf) continue;
        const origins = ctx.analysis.origins(buf, fn);
        const split = splitOrigins(origins, bad);
        const certainty = certaintyOf(split);
        if (!certainty) continue;
        const kinds = kindsOf(split.bad);
        const infos = kinds.map((k) => ctx.model.kind(k)!);
        const labels = infos.map((i) => i.label).join(' or ');
        const maybe = certainty === 'likely' ? 'may hold' : 'holds';
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          certainty,
          message: `${call.callee}() is given ${via}\`${buf.text}\`, which ${maybe} ${labels}: that memory has no struct page in the kernel's linear map, so the scatterlist entry points at a bogus page.`,
          why: `${infos.map((i) => `${i.label}: struct page ${fmt(i.hasStructPage)}, linear map ${fmt(i.linear)} (${i.sources.join(', ')})`).join('; ')}. `
            + `sg_set_buf() is sg_set_page(virt_to_page(buf)); virt_to_page() is only arithmetic on linear-map addresses, and the first consumer that reads the page (sg_miter_stop()'s flush_dcache_page(), kmap, PageSlab()) dereferences memory that is not a struct page.`,
          instead: insteadFor(kinds),
          evidence: [...evidenceOf(split.bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
          references: ['SG-001', 'SG-003', 'DMA-006', 'include/linux/scatterlist.h (sg_set_buf)', 'LKML 2019-10 "scatterlist: Validate page before calling PageSlab()"'],
        });
      }
    }
    return out;
  },
};

function fmt(v: boolean | 'depends'): string {
  return v === 'depends' ? 'platform-dependent' : v ? 'yes' : 'no';
}

/** The remedy depends on what the memory is (kernel-model.md SG-001/SG-003/DMA-006). */
function insteadFor(kinds: string[]): string {
  const parts: string[] = [];
  if (kinds.some((k) => k === 'iomem' || k === 'raw-pfn' || k === 'memremap-nonram' || k === 'p2p-provider')) {
    parts.push('for PCI BAR memory, give it struct pages with pci_p2pdma_add_resource() and allocate from it with pci_alloc_p2pmem()/pci_p2pmem_alloc_sgl(); or skip the scatterlist and map the physical range with dma_map_resource() (dma_map_phys(..., DMA_ATTR_MMIO) on 6.18+) after a P2P topology check');
  }
  if (kinds.some((k) => k === 'vmalloc' || k === 'kvmalloc')) {
    parts.push('for vmalloc memory, build one entry per page with vmalloc_to_page() (and flush/invalidate_kernel_vmap_range()), or allocate with kmalloc()/alloc_pages() or dma_alloc_noncontiguous()');
  }
  if (kinds.includes('dma-coherent')) {
    parts.push('for dma_alloc_coherent() memory, use the dma_handle it returned; it is already mapped and must not go through the streaming API');
  }
  if (kinds.includes('kernel-image')) {
    parts.push('copy static or module data into a kmalloc() buffer first');
  }
  return parts.length ? `${parts.join('; ')}.` : 'Use memory that has a struct page in the linear map (kmalloc(), alloc_pages()).';
}
