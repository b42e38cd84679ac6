// Identifiers that are not functions in the contract catalogue (enum constants, flags, macros) with the kernel
// version that introduced them. Rules use these dates to judge a patch in its own era: code written before an
// identifier existed cannot be expected to use it, and behaviour it names did not exist yet.

export interface AddedIdentifier {
  name: string;
  kind: 'enum' | 'flag' | 'macro' | 'type';
  /** First version with it ("≈" = inferred from the mailing-list series that added it). */
  since: string;
  /** What its arrival changed, for messages. */
  meaning: string;
  source: string;
}

export const ADDED_IDENTIFIERS: readonly AddedIdentifier[] = [
  {
    name: 'PCI_P2PDMA_MAP_THRU_HOST_BRIDGE',
    kind: 'enum',
    // Added by the "PCI/P2PDMA: Support peer-to-peer memory through host bridges" series (posted Aug 2019).
    since: '≈5.4',
    meaning: 'P2P transfers through an allow-listed host bridge are DMA-mapped (IOVA under an IOMMU) instead of using PCI bus addresses',
    source: 'drivers/pci/p2pdma.c',
  },
  {
    name: 'PCI_P2PDMA_MAP_BUS_ADDR',
    kind: 'enum',
    since: '≈5.4',
    meaning: 'P2P transfers below a common switch without ACS redirect use PCI bus addresses',
    source: 'drivers/pci/p2pdma.c',
  },
  {
    name: 'FOLL_PCI_P2PDMA',
    kind: 'flag',
    since: '≈6.2',
    meaning: 'GUP may return P2PDMA pages only when the caller asks for them',
    source: 'include/linux/mm.h',
  },
  {
    name: 'SG_DMA_BUS_ADDRESS',
    kind: 'flag',
    since: '≈6.0',
    meaning: 'scatterlist segments can carry PCI bus addresses that unmap must skip',
    source: 'include/linux/scatterlist.h',
  },
];

const INDEX: ReadonlyMap<string, AddedIdentifier> = new Map(ADDED_IDENTIFIERS.map((a) => [a.name, a]));

/** The entry for an identifier, if the model dates its arrival. */
export function addedIdentifier(name: string): AddedIdentifier | undefined {
  return INDEX.get(name);
}
