// p2pdma-ops-unchecked: the era decides which check is expected (--kernel or the patch date).
import { findingsOf, newFilePatch } from './patch-builders.js';

const FEATURE = `// SPDX-License-Identifier: GPL-2.0
static void lim(struct queue_limits *l)
{
	l->features |= BLK_FEAT_PCI_P2PDMA;
}
`;

const DISTANCE = `// SPDX-License-Identifier: GPL-2.0
int x_p2p_distance(struct pci_dev *p, struct device **clients, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!find_parent_pci_dev(clients[i]))
			return -1;
	return 0;
}
`;

describe('p2pdma-ops-unchecked', () => {
  test('advertising is judged once dma_pci_p2pdma_supported() exists', async () => {
    const p = newFilePatch('drivers/block/x.c', FEATURE, { date: 'Wed, 15 Oct 2025 09:00:00 +0000' });
    expect((await findingsOf('p2pdma-ops-unchecked', p)).map((f) => f.severity)).toEqual(['warning']);
    expect(await findingsOf('p2pdma-ops-unchecked', p, { kernel: '5.15' })).toEqual([]);
  });

  test('the client check in the distance is expected only before that helper', async () => {
    const p = newFilePatch('drivers/pci/x.c', DISTANCE, { date: 'Mon, 15 Apr 2019 09:00:00 +0000' });
    expect((await findingsOf('p2pdma-ops-unchecked', p)).length).toBe(1);
    expect(await findingsOf('p2pdma-ops-unchecked', p, { kernel: '6.12' })).toEqual([]);
  });
});
