// removed-api: the target version (--kernel, else the patch's era) decides what is "removed".
import { findingsOf, newFilePatch } from './patch-builders.js';

const SRC = `// SPDX-License-Identifier: GPL-2.0
#include <linux/pfn_t.h>

static vm_fault_t f(struct vm_fault *vmf, unsigned long pfn)
{
	return vmf_insert_mixed(vmf->vma, vmf->address, pfn_to_pfn_t(pfn));
}
`;

describe('removed-api', () => {
  test('a 2019 patch is judged in its era, and against --kernel when given', async () => {
    const old = newFilePatch('drivers/dax/x.c', SRC, { date: 'Mon, 15 Apr 2019 09:00:00 +0000' });
    expect(await findingsOf('removed-api', old)).toEqual([]);
    const judged = await findingsOf('removed-api', old, { kernel: '6.18' });
    expect(judged.map((f) => f.line).sort()).toEqual([2, 6]);
    expect(judged[0].message).toMatch(/6\.18/);
    expect(judged.every((f) => f.severity === 'error')).toBe(true);
  });

  test('a current patch against an older --kernel is not faulted for later removals', async () => {
    const now = newFilePatch('drivers/dax/x.c', SRC, { date: 'Wed, 15 Oct 2025 09:00:00 +0000' });
    expect((await findingsOf('removed-api', now)).length).toBe(2);
    expect(await findingsOf('removed-api', now, { kernel: '6.12' })).toEqual([]);
  });

  test('never-merged names are reported in any era; definitions never are', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
#define DMA_ATTR_P2PDMA (1UL << 12)

static dma_addr_t f(struct device *d, phys_addr_t p)
{
	return dma_map_resource(d, p, 4, DMA_TO_DEVICE, DMA_ATTR_P2PDMA);
}
`;
    const found = await findingsOf('removed-api', newFilePatch('drivers/x.c', src, { date: 'Mon, 1 Mar 2021 09:00:00 +0000' }));
    expect(found.map((f) => f.line)).toEqual([6]);
    expect(found[0].why).toMatch(/never merged/);
  });

  test('a pure rename carries a suggestion', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
static void f(struct page *page)
{
	flush_kernel_dcache_page(page);
}
`;
    const [f] = await findingsOf('removed-api', newFilePatch('drivers/x.c', src));
    expect(f.suggestion?.replacement).toBe('\tflush_dcache_page(page);');
  });
});
