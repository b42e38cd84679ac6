// Kernel configuration symbols the model reasons about, and the per-platform set of their values.

/**
 * Kconfig symbols (without the CONFIG_ prefix) whose value changes a model answer.
 * The first eight are required in every platform profile; the rest default to the
 * value given in {@link KCONFIG_DEFAULTS}.
 */
export type KconfigSymbol =
  | '64BIT'
  | 'PCI_P2PDMA'
  | 'ZONE_DEVICE'
  | 'VMAP_STACK'
  | 'HIGHMEM'
  | 'IOMMU_DMA'
  | 'SWIOTLB'
  | 'NEED_SG_DMA_FLAGS'
  | 'NEED_SG_DMA_LENGTH'
  | 'DEVICE_PRIVATE'
  | 'SPARSEMEM_VMEMMAP'
  | 'ARCH_HAS_DMA_OPS'
  | 'DMA_API_DEBUG'
  | 'DEBUG_SG';

/** Symbols every platform profile must state explicitly (issue 3, §4). */
export const REQUIRED_KCONFIG: readonly KconfigSymbol[] = [
  '64BIT',
  'PCI_P2PDMA',
  'ZONE_DEVICE',
  'VMAP_STACK',
  'HIGHMEM',
  'IOMMU_DMA',
  'SWIOTLB',
  'NEED_SG_DMA_FLAGS',
];

/** Every symbol the model knows, in a stable order (used for validation messages). */
export const ALL_KCONFIG: readonly KconfigSymbol[] = [
  ...REQUIRED_KCONFIG,
  'NEED_SG_DMA_LENGTH',
  'DEVICE_PRIVATE',
  'SPARSEMEM_VMEMMAP',
  'ARCH_HAS_DMA_OPS',
  'DMA_API_DEBUG',
  'DEBUG_SG',
];

/** A platform's kernel configuration: symbol → enabled. */
export type KernelConfig = Readonly<Record<KconfigSymbol, boolean>>;

/**
 * Defaults for the optional symbols: a typical distribution kernel. Debug options are off;
 * SPARSEMEM_VMEMMAP is on because ZONE_DEVICE depends on it (mm/Kconfig).
 */
export const KCONFIG_DEFAULTS: Readonly<Record<KconfigSymbol, boolean>> = {
  '64BIT': true,
  PCI_P2PDMA: false,
  ZONE_DEVICE: false,
  VMAP_STACK: true,
  HIGHMEM: false,
  IOMMU_DMA: false,
  SWIOTLB: true,
  NEED_SG_DMA_FLAGS: false,
  NEED_SG_DMA_LENGTH: true,
  DEVICE_PRIVATE: false,
  SPARSEMEM_VMEMMAP: true,
  ARCH_HAS_DMA_OPS: false,
  DMA_API_DEBUG: false,
  DEBUG_SG: false,
};

/**
 * Kconfig dependencies that make a configuration impossible, checked when a platform is loaded.
 * Each names the Kconfig file that states it.
 */
export const KCONFIG_CONSTRAINTS: readonly {
  symbol: KconfigSymbol;
  requires: KconfigSymbol;
  value: boolean;
  source: string;
}[] = [
  // PCI_P2PDMA "depends on ZONE_DEVICE" and "depends on 64BIT" (since ≈6.0), and selects NEED_SG_DMA_FLAGS.
  { symbol: 'PCI_P2PDMA', requires: 'ZONE_DEVICE', value: true, source: 'drivers/pci/Kconfig' },
  { symbol: 'PCI_P2PDMA', requires: '64BIT', value: true, source: 'drivers/pci/Kconfig' },
  { symbol: 'PCI_P2PDMA', requires: 'NEED_SG_DMA_FLAGS', value: true, source: 'drivers/pci/Kconfig' },
  // HIGHMEM only exists on 32-bit kernels.
  { symbol: 'HIGHMEM', requires: '64BIT', value: false, source: 'arch/x86/Kconfig' },
  // ZONE_DEVICE depends on SPARSEMEM_VMEMMAP (and memory hotplug/hot-remove).
  { symbol: 'ZONE_DEVICE', requires: 'SPARSEMEM_VMEMMAP', value: true, source: 'mm/Kconfig' },
];

/** Fill in defaults for the optional symbols. */
export function completeKernelConfig(partial: Partial<Record<KconfigSymbol, boolean>>): KernelConfig {
  const out = { ...KCONFIG_DEFAULTS } as Record<KconfigSymbol, boolean>;
  for (const sym of ALL_KCONFIG) {
    const v = partial[sym];
    if (v !== undefined) out[sym] = v;
  }
  return Object.freeze(out);
}

/** Violations of {@link KCONFIG_CONSTRAINTS}, as human-readable sentences (empty when consistent). */
export function kernelConfigProblems(cfg: KernelConfig): string[] {
  const problems: string[] = [];
  for (const c of KCONFIG_CONSTRAINTS) {
    if (cfg[c.symbol] && cfg[c.requires] !== c.value) {
      problems.push(
        `CONFIG_${c.symbol}=y requires CONFIG_${c.requires}=${c.value ? 'y' : 'n'} (${c.source})`,
      );
    }
  }
  return problems;
}
