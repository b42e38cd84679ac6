// p2pdma-single-map: findings carry the per-platform P2P outcome from the model.
import { findingsOf, newFilePatch } from './patch-builders.js';

describe('p2pdma-single-map', () => {
  test('platform notes explain the outcome on each configured platform', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
static dma_addr_t f(struct device *d, struct pci_dev *p)
{
	void *buf = pci_alloc_p2pmem(p, 4096);

	return dma_map_single(d, buf, 4096, DMA_TO_DEVICE);
}
`;
    const [f] = await findingsOf('p2pdma-single-map', newFilePatch('drivers/x.c', src));
    expect(f.severity).toBe('warning');
    expect(f.platformNotes?.length).toBeGreaterThan(0);
    expect([...new Set(f.evidence.map((e) => e.line))]).toEqual([4, 6]);
  });
});
