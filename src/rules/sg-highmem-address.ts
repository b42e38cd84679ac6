// sg-highmem-address: sg_virt() or page_address(sg_page()) on a scatterlist that holds pages which may be
// highmem — user pages from get_user_pages()/iov_iter extraction, page-cache pages, __GFP_HIGHMEM allocations —
// where there is no permanent kernel address (SG-006).
import type { Expr } from '../c/ir.js';
import { stripCasts } from '../analysis/index.js';
import { pageSources, sameList, sgListKey, type PageSource } from './support/sg-lists.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'sg-highmem-address';
const REFS = ['SG-006', 'include/linux/scatterlist.h (sg_virt: "caller must know that the sg page has a valid virtual mapping")', 'include/linux/highmem.h'];

const DESCRIBE: Record<PageSource['cls'], string> = {
  user: 'user pages from get_user_pages()/iov_iter extraction (allocated with GFP_HIGHUSER)',
  'user-p2p': 'user pages from get_user_pages()/iov_iter extraction (allocated with GFP_HIGHUSER)',
  highmem: 'pages allocated with a highmem GFP flag',
  pagecache: 'page-cache pages (GFP_HIGHUSER_MOVABLE mappings)',
  p2pdma: '',
};

export const sgHighmemAddress: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'sg_virt()/page_address(sg_page()) on scatterlists that may hold highmem pages (user, page-cache or __GFP_HIGHMEM pages)',
    catalogue: ['SG-006'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const sources = pageSources(ctx.analysis, ctx.model).filter((s) => s.cls !== 'p2pdma');
    if (sources.length === 0) return [];
    const platforms = ctx.model.kindOnPlatforms('highmem', 'linear');
    const highmemPlatforms = platforms.filter((p) => !p.value).map((p) => p.platform);
    const notes = platforms.map((p) => p.value
      ? `${p.platform}: no CONFIG_HIGHMEM, every page has a linear address: works here, but the code is not portable.`
      : `${p.platform}: CONFIG_HIGHMEM, page_address() of an unmapped highmem page is NULL and sg_virt() returns NULL + offset.`);
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        let sgArg: Expr | undefined;
        if (call.callee === 'sg_virt') sgArg = call.args[0];
        else if (call.callee === 'page_address' && call.args[0]) {
          const inner = stripCasts(call.args[0]);
          if (inner.k === 'call' && inner.callee === 'sg_page') sgArg = inner.args[0];
        }
        const list = sgArg && sgListKey(sgArg, fn);
        if (!list) continue;
        const src = sources.find((s) => sameList(s.list, list));
        if (!src) continue;
        const certain = highmemPlatforms.length > 0 && src.cls !== 'pagecache';
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          certainty: certain ? 'certain' : 'likely',
          message: `${call.text} assumes every page in ${list} has a kernel virtual address, but the list holds ${DESCRIBE[src.cls]}, which can be highmem: there is no permanent mapping and the address is NULL + offset.`,
          why: `sg_virt() is page_address(sg_page(sg)) + offset, and page_address() returns NULL for a highmem page that is not kmapped (include/linux/highmem.h). ${highmemPlatforms.length ? `Configured platforms with CONFIG_HIGHMEM: ${highmemPlatforms.join(', ')}.` : 'None of the configured platforms has CONFIG_HIGHMEM, so this is a portability bug for 32-bit kernels.'}`,
          instead: 'Map each page temporarily: kmap_local_page(sg_page(sg)) + sg->offset (and kunmap_local()), or iterate with sg_miter_start(..., SG_MITER_LOCAL | SG_MITER_FROM_SG/TO_SG), or use sg_copy_to_buffer()/sg_copy_from_buffer().',
          platformNotes: notes,
          evidence: [...src.evidence, { file: ctx.image.path, line: call.line, note: `${call.callee}() on ${list}` }],
          references: REFS,
        });
      }
    }
    return out;
  },
};
