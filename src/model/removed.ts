// Removed or renamed identifiers (kernel-model.md §F.2) that are not functions in the contract catalogue.

/** What kind of identifier a removal concerns. */
export type IdentifierKind =
  | 'function'
  | 'macro'
  | 'type'
  | 'field'
  | 'header'
  | 'kconfig'
  | 'dma-attr'
  | 'flag'
  | 'callback';

/** One removed, renamed or never-merged identifier. */
export interface RemovedIdentifier {
  name: string;
  kind: IdentifierKind;
  /** First version without it ("≈" = inferred). Absent for never-merged identifiers. */
  removedIn?: string;
  /** Proposed on the lists but never merged upstream: it never existed in any release. */
  neverMerged?: boolean;
  replacement: string;
  /** What a reviewer says. */
  message: string;
  /** Upstream file where it lived (or lives in its new form). */
  source: string;
}

const PFN_T_MESSAGE =
  'pfn_t was removed; the device-ness of a pfn now comes from its ZONE_DEVICE folio and pgmap';
const PFN_T_REPLACEMENT =
  'a raw unsigned long pfn; ZONE_DEVICE folios via vmf_insert_folio_*/vmf_insert_page; raw MMIO pfns via vmf_insert_pfn';
const DEVMAP_MESSAGE =
  'the devmap page-table bit was removed together with pfn_t; test is_zone_device_page() on the folio instead';

const pfnT = (name: string, kind: IdentifierKind): RemovedIdentifier => ({
  name,
  kind,
  removedIn: '≈6.17',
  replacement: PFN_T_REPLACEMENT,
  message: PFN_T_MESSAGE,
  source: 'include/linux/pfn_t.h',
});

const devmap = (name: string, source: string, kind: IdentifierKind = 'macro'): RemovedIdentifier => ({
  name,
  kind,
  removedIn: '≈6.17',
  replacement: 'is_zone_device_page() / special PTEs',
  message: DEVMAP_MESSAGE,
  source,
});

/**
 * Identifiers of §F.2 that are not callable functions (types, fields, macros, attributes, headers),
 * plus never-merged names. Removed *functions* live in the contract catalogue with `removedIn`.
 */
export const REMOVED_IDENTIFIERS: readonly RemovedIdentifier[] = [
  {
    name: 'DMA_ATTR_P2PDMA',
    kind: 'dma-attr',
    neverMerged: true,
    replacement: 'none: P2PDMA pages are recognised by the DMA API itself',
    message: 'DMA_ATTR_P2PDMA (a 2021 RFC) is not an upstream attribute',
    source: 'include/linux/dma-mapping.h',
  },
  {
    name: 'dma_can_use_iova',
    kind: 'function',
    neverMerged: true,
    replacement: 'dma_use_iova()',
    message: 'dma_can_use_iova() is the pre-merge name of dma_use_iova()',
    source: 'include/linux/dma-mapping.h',
  },
  {
    name: 'DMA_F_PCI_P2PDMA_SUPPORTED',
    kind: 'flag',
    removedIn: '≈6.10',
    replacement: 'dma_pci_p2pdma_supported() (true when the device has no custom dma_map_ops)',
    message: 'the dma_map_ops P2P flag is gone; dma_pci_p2pdma_supported() now means "no custom ops"',
    source: 'include/linux/dma-map-ops.h',
  },
  pfnT('pfn_t', 'type'),
  pfnT('__pfn_to_pfn_t', 'function'),
  pfnT('pfn_to_pfn_t', 'function'),
  pfnT('phys_to_pfn_t', 'function'),
  pfnT('pfn_t_to_page', 'function'),
  pfnT('pfn_t_to_pfn', 'function'),
  pfnT('pfn_t_to_phys', 'function'),
  pfnT('page_to_pfn_t', 'function'),
  pfnT('pfn_t_devmap', 'function'),
  pfnT('pfn_t_has_page', 'function'),
  pfnT('pfn_t_pte', 'function'),
  pfnT('pfn_t_pmd', 'function'),
  pfnT('pfn_t_special', 'function'),
  pfnT('PFN_DEV', 'macro'),
  pfnT('PFN_MAP', 'macro'),
  pfnT('PFN_SG_CHAIN', 'macro'),
  pfnT('PFN_SG_LAST', 'macro'),
  pfnT('PFN_SPECIAL', 'macro'),
  pfnT('PFN_FLAGS_MASK', 'macro'),
  pfnT('pfn_t.h', 'header'),
  pfnT('linux/pfn_t.h', 'header'),
  devmap('pte_devmap', 'include/linux/mm.h'),
  devmap('pmd_devmap', 'include/linux/pgtable.h'),
  devmap('pud_devmap', 'include/linux/pgtable.h'),
  devmap('pte_mkdevmap', 'arch/x86/include/asm/pgtable.h'),
  devmap('pmd_mkdevmap', 'arch/x86/include/asm/pgtable.h'),
  devmap('pud_mkdevmap', 'arch/x86/include/asm/pgtable.h'),
  devmap('ARCH_HAS_PTE_DEVMAP', 'mm/Kconfig', 'kconfig'),
  devmap('CONFIG_ARCH_HAS_PTE_DEVMAP', 'mm/Kconfig', 'kconfig'),
  {
    name: 'page->pgmap',
    kind: 'field',
    removedIn: '≈6.15',
    replacement: 'page_pgmap(page) / folio->pgmap',
    message: 'struct page no longer has a pgmap field; use page_pgmap() (ZONE_DEVICE pages only)',
    source: 'include/linux/mm_types.h',
  },
  {
    name: 'page_free',
    kind: 'callback',
    removedIn: '≈6.19',
    replacement: '.folio_free(struct folio *)',
    message: 'dev_pagemap_ops.page_free was renamed to folio_free and takes a folio',
    source: 'include/linux/memremap.h',
  },
  {
    name: 'devmap_managed_key',
    kind: 'macro',
    removedIn: '≈6.15',
    replacement: 'the normal refcount → 0 → free_zone_device_folio path',
    message: 'ZONE_DEVICE pages no longer free at refcount 1; the devmap_managed helpers are gone',
    source: 'include/linux/mm.h',
  },
  {
    name: 'put_devmap_managed_folio_refs',
    kind: 'function',
    removedIn: '≈6.15',
    replacement: 'put_page() / folio_put()',
    message: 'ZONE_DEVICE pages no longer free at refcount 1; the devmap_managed helpers are gone',
    source: 'include/linux/mm.h',
  },
  {
    name: 'CONFIG_VIRT_TO_BUS',
    kind: 'kconfig',
    removedIn: '≈6.0',
    replacement: 'the DMA mapping API',
    message: 'virt_to_bus()/bus_to_virt() and CONFIG_VIRT_TO_BUS were removed in 2022',
    source: 'arch/Kconfig',
  },
  {
    name: 'bus_to_virt',
    kind: 'function',
    removedIn: '≈6.0',
    replacement: 'the DMA mapping API',
    message: 'virt_to_bus()/bus_to_virt() and CONFIG_VIRT_TO_BUS were removed in 2022',
    source: 'arch/x86/include/asm/io.h',
  },
];

/**
 * Signature changes that still compile after casts: reported as warnings with the right prototype
 * (F.2 "How a reviewer flags these", point 3).
 */
export const SIGNATURE_CHANGES: readonly { name: string; changedIn: string; before: string; after: string; source: string }[] = [
  {
    name: 'pci_p2pdma_bus_addr_map',
    changedIn: '≈6.19',
    before: 'dma_addr_t pci_p2pdma_bus_addr_map(struct pci_p2pdma_map_state *state, phys_addr_t paddr)',
    after: 'dma_addr_t pci_p2pdma_bus_addr_map(struct p2pdma_provider *provider, phys_addr_t paddr)',
    source: 'include/linux/pci-p2pdma.h',
  },
  {
    name: 'pci_p2pdma_map_type',
    changedIn: '≈6.19',
    before: 'static enum pci_p2pdma_map_type pci_p2pdma_map_type(struct dev_pagemap *pgmap, struct device *dev)',
    after: 'enum pci_p2pdma_map_type pci_p2pdma_map_type(struct p2pdma_provider *provider, struct device *dev)',
    source: 'include/linux/pci-p2pdma.h',
  },
  {
    name: 'pci_p2pdma_map_state',
    changedIn: '≈6.19',
    before: 'struct pci_p2pdma_map_state { struct dev_pagemap *pgmap; enum pci_p2pdma_map_type map; u64 bus_off; }',
    after: 'struct pci_p2pdma_map_state { struct p2pdma_provider *mem; enum pci_p2pdma_map_type map; }',
    source: 'include/linux/pci-p2pdma.h',
  },
  {
    name: 'get_user_pages',
    changedIn: '≈6.5',
    before: 'long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages, struct vm_area_struct **vmas)',
    after: 'long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages)',
    source: 'include/linux/mm.h',
  },
  {
    name: 'vmf_insert_mixed',
    changedIn: '≈6.17',
    before: 'vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr, pfn_t pfn)',
    after: 'vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn)',
    source: 'include/linux/mm.h',
  },
  {
    name: 'vmf_insert_pfn_pmd',
    changedIn: '≈6.17',
    before: 'vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, pfn_t pfn, bool write)',
    after: 'vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, unsigned long pfn, bool write); ZONE_DEVICE folios use vmf_insert_folio_pmd()',
    source: 'include/linux/huge_mm.h',
  },
  {
    name: 'vmf_insert_pfn_pud',
    changedIn: '≈6.17',
    before: 'vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, pfn_t pfn, bool write)',
    after: 'vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, unsigned long pfn, bool write); ZONE_DEVICE folios use vmf_insert_folio_pud()',
    source: 'include/linux/huge_mm.h',
  },
  {
    name: 'enum pci_p2pdma_map_type',
    changedIn: '≈6.19',
    before: 'enum pci_p2pdma_map_type declared in include/linux/dma-map-ops.h (≈6.14–6.18)',
    after: 'enum pci_p2pdma_map_type declared in include/linux/pci-p2pdma.h',
    source: 'include/linux/pci-p2pdma.h',
  },
  {
    name: 'kvrealloc',
    changedIn: '≈6.12',
    before: 'void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)',
    after: 'void *kvrealloc(const void *p, size_t size, gfp_t flags)',
    source: 'include/linux/slab.h',
  },
];
