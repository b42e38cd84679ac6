// dma-mmio-attr-mismatch: the advice names the API that exists in the judged kernel.
import { findingsOf, newFilePatch } from './patch-builders.js';

const SRC = `// SPDX-License-Identifier: GPL-2.0
static dma_addr_t f(struct device *d, struct pci_dev *peer)
{
	return dma_map_page(d, pfn_to_page(pci_resource_start(peer, 2) >> PAGE_SHIFT), 0, 4096, DMA_TO_DEVICE);
}
`;

describe('dma-mmio-attr-mismatch', () => {
  test('dma_map_phys(DMA_ATTR_MMIO) is suggested only where it exists', async () => {
    const [now] = await findingsOf('dma-mmio-attr-mismatch', newFilePatch('drivers/x.c', SRC), { kernel: '6.19' });
    expect(now.instead).toMatch(/dma_map_phys\(dev, phys, size, dir, DMA_ATTR_MMIO\)/);
    const [old] = await findingsOf('dma-mmio-attr-mismatch', newFilePatch('drivers/x.c', SRC), { kernel: '6.6' });
    expect(old.instead).toMatch(/^Use dma_map_resource/);
    expect(old.severity).toBe('error');
  });
});
