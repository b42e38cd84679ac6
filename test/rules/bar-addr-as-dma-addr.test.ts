// bar-addr-as-dma-addr: the host-bridge allow-list check depends on the patch's era and on the model dating
// PCI_P2PDMA_MAP_THRU_HOST_BRIDGE (src/model/added.ts); these tests also run it with a model that cannot date it.
import { ingest } from '../../src/ingest/index.js';
import { applyHunks } from '../../src/ingest/apply.js';
import { reviewPatch } from '../../src/engine/run.js';
import { createModelView } from '../../src/engine/model-view.js';
import { defaultConfig } from '../../src/config/index.js';
import { barAddrAsDmaAddr } from '../../src/rules/bar-addr-as-dma-addr.js';
import type { ModelView } from '../../src/rules/types.js';
import type { Finding } from '../../src/types.js';
import { hunkPatch } from './patch-builders.js';

/** The real model: it dates the host-bridge map type (host-bridge P2P DMA-mapped since ≈5.4). */
const dated = createModelView(defaultConfig());

/** A model without that date: the rule must then claim nothing about the era. */
const base: ModelView = {
  ...dated,
  apiStatus: (name: string) => (name === 'PCI_P2PDMA_MAP_THRU_HOST_BRIDGE' ? { exists: true } : dated.apiStatus(name)),
};

async function run(text: string, model: ModelView): Promise<Finding[]> {
  const { patches } = await ingest([{ name: 'allow-list.patch', data: Buffer.from(text) }]);
  const config = defaultConfig();
  const out: Finding[] = [];
  for (const p of patches) {
    const r = await reviewPatch(p, { config, rules: [barAddrAsDmaAddr], model, apply: applyHunks });
    if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('; '));
    out.push(...r.findings);
  }
  return out;
}

/** A fix that adds the IOMMU test to a root-complex allow-list (shape of a 2019 change, written for this test). */
function allowListFix(date: string): string {
  return hunkPatch('drivers/pci/p2pdma.c', 'static bool rc_allowed(struct pci_dev *dev)', 300, [
    ' \tstruct pci_host_bridge *host = pci_find_host_bridge(dev->bus);',
    ' \tstruct pci_dev *root = pci_get_slot(host->bus, PCI_DEVFN(0, 0));',
    ' \tunsigned short vendor, device;',
    ' ',
    '+\tif (iommu_present(dev->dev.bus))',
    '+\t\treturn false;',
    '+',
    ' \tif (!root)',
    ' \t\treturn false;',
    ' ',
  ], { date, subject: 'PCI/P2PDMA: do not allow the root complex behind an IOMMU' });
}

describe('bar-addr-as-dma-addr: allow-list that ignores the IOMMU', () => {
  test('a fix from before host-bridge DMA mapping is reported as fixing it', async () => {
    const f = await run(allowListFix('Tue, 23 Jul 2019 10:00:00 +0000'), dated);
    expect(f.map((x) => x.kind)).toEqual(['fixes']);
    expect(f[0].message).toMatch(/without considering the IOMMU/);
  });

  test('the same code is fine once host-bridge transfers are DMA-mapped', async () => {
    expect(await run(allowListFix('Wed, 15 Oct 2025 09:00:00 +0000'), dated)).toEqual([]);
  });

  test('without a dated map type in the model nothing is claimed', async () => {
    expect(await run(allowListFix('Tue, 23 Jul 2019 10:00:00 +0000'), base)).toEqual([]);
  });

  test('code that names the host-bridge map type is not judged by era', async () => {
    const text = hunkPatch('drivers/pci/p2pdma.c', 'static int dist(struct pci_dev *a, struct pci_dev *b)', 400, [
      ' \tstruct pci_host_bridge *host = pci_find_host_bridge(a->bus);',
      '+\tif (map_type == PCI_P2PDMA_MAP_THRU_HOST_BRIDGE)',
      '+\t\treturn rc_allowed(host);',
      ' \treturn 0;',
    ], { date: 'Tue, 23 Jul 2019 10:00:00 +0000' });
    expect(await run(text, dated)).toEqual([]);
  });
});
