// What the DMA API does for a P2PDMA provider/client pair on a platform (§C.1, §C.6, §C.7 matrix):
// bus address with the bus mark, a real mapping through the host bridge, -EREMOTEIO, or nothing
// at all for custom dma_map_ops.

import { p2pMapType, type MapType, type MapTypeResult, type SimOptions } from './p2pdma-sim.js';
import type { Platform } from './platform-types.js';
import { findDevice, type DmaOps, type PciDevice } from './topology.js';
import { compareVersions, MAINLINE_VERSION, parseKernelVersion } from './versions.js';

/** The DMA-level outcome. */
export type DmaOutcomeKind =
  | 'bus-address'
  | 'host-bridge-iova'
  | 'host-bridge-phys'
  | 'eremoteio'
  | 'unsupported-dma-ops'
  | 'no-p2pdma';

/** A known regression of the current DMA code that applies to this pair. */
export interface DmaRegression {
  summary: string;
  /** Versions affected: [introduced, fixed) — "fixed" may be a stable backport. */
  introduced: string;
  fixed: string;
  commit: string;
  source: string;
}

export interface DmaOutcome {
  platform: string;
  provider: string;
  client: string;
  mapType: MapType;
  outcome: DmaOutcomeKind;
  clientDmaOps: DmaOps;
  /** What dma_map_sg() returns. */
  dmaMapSg: string;
  /** What dma_map_sgtable() returns. */
  dmaMapSgtable: string;
  /** How the segment's dma_address is formed. */
  dmaAddress: string;
  unmap: 'skipped' | 'required' | 'n/a';
  /** pciBusAddr - cpuStart of the provider's first memory BAR, as 0x-hex. */
  busOffset?: string;
  regressions: DmaRegression[];
  explanation: string;
  /** The simulator answer this outcome rests on. */
  map: MapTypeResult;
}

/** Options: the kernel version (regressions, allow-list) and the ACS rule. */
export interface DmaOutcomeOptions extends SimOptions {}

/** Known regressions of dma-direct P2PDMA handling (§C.6). */
const REGRESSIONS: readonly (DmaRegression & { ops: DmaOps; mapType: MapType })[] = [
  {
    ops: 'direct',
    mapType: 'BUS_ADDR',
    summary: 'dma-direct map_sg left sg_dma_len unset for BUS_ADDR segments after the P2P helper refactor',
    introduced: '≈6.16',
    fixed: '≈6.18',
    commit: 'd0d08f4bd7f6',
    source: 'kernel/dma/direct.c',
  },
  {
    ops: 'direct',
    mapType: 'THRU_HOST_BRIDGE',
    summary: 'dma-direct map_sg broke out of the THRU_HOST_BRIDGE case without mapping, leaving dma_address uninitialised (fixed by a fallthrough)',
    introduced: '≈6.16',
    fixed: '≈7.1',
    commit: '560000d619ef',
    source: 'kernel/dma/direct.c',
  },
];

/** The DMA ops a client device uses on a platform: its own setting, the platform default, or IOMMU state. */
export function clientDmaOps(platform: Platform, dev: PciDevice): DmaOps {
  if (dev.dmaOps) return dev.dmaOps;
  if (platform.dmaOps) return platform.dmaOps;
  return platform.topology.iommu.enabled && platform.kernelConfig.IOMMU_DMA ? 'iommu' : 'direct';
}

function hex(n: bigint): string {
  return `${n < 0n ? '-' : ''}0x${(n < 0n ? -n : n).toString(16)}`;
}

/**
 * The DMA outcome for P2PDMA memory of `providerRef` mapped for `clientRef` on `platform`:
 * custom dma_map_ops → unsupported (dma_pci_p2pdma_supported() is false); no CONFIG_PCI_P2PDMA →
 * no P2PDMA pages at all; otherwise the map type decides (C.7 "DMA outcome matrix").
 */
export function dmaOutcome(platform: Platform, providerRef: string, clientRef: string, opts: DmaOutcomeOptions = {}): DmaOutcome {
  const topo = platform.topology;
  const simOpts: SimOptions = { ...opts, kernel: opts.kernel ?? platform.kernel ?? MAINLINE_VERSION };
  const map = p2pMapType(topo, providerRef, clientRef, simOpts);
  const provider = findDevice(topo, providerRef);
  const client = findDevice(topo, clientRef);
  const ops: DmaOps = client.pci ? clientDmaOps(platform, client) : 'direct';
  const bar = provider.pci ? provider.bars.find((b) => b.mem) : undefined;
  const base = {
    platform: platform.name,
    provider: map.provider,
    client: map.client,
    mapType: map.type,
    clientDmaOps: ops,
    map,
    regressions: [] as DmaRegression[],
  };
  if (bar) (base as { busOffset?: string }).busOffset = hex(bar.busOffset);

  if (!platform.kernelConfig.PCI_P2PDMA) {
    return {
      ...base,
      mapType: 'NOT_SUPPORTED',
      outcome: 'no-p2pdma',
      dmaMapSg: 'n/a',
      dmaMapSgtable: 'n/a',
      dmaAddress: 'n/a',
      unmap: 'n/a',
      explanation: `${platform.name} has no CONFIG_PCI_P2PDMA: pci_p2pdma_add_resource() returns -EOPNOTSUPP, so there are no P2PDMA pages, pci_p2pdma_distance() returns -1 and pci_p2pdma_map_type() NOT_SUPPORTED.`,
    };
  }
  if (ops === 'custom') {
    return {
      ...base,
      outcome: 'unsupported-dma-ops',
      dmaMapSg: 'undefined behaviour (custom map_sg does not know P2PDMA pages)',
      dmaMapSgtable: 'undefined behaviour',
      dmaAddress: 'undefined',
      unmap: 'n/a',
      explanation: `client ${map.client} uses custom dma_map_ops, so dma_pci_p2pdma_supported() is false: its driver must not advertise P2PDMA, and P2PDMA pages reaching it are undefined behaviour whatever the topology says (${map.type}).`,
    };
  }
  const regressions = applicableRegressions(ops, map.type, simOpts.kernel);
  switch (map.type) {
    case 'BUS_ADDR': {
      const off = bar ? ` (bus offset ${hex(bar.busOffset)} for BAR ${bar.index})` : '';
      return {
        ...base,
        regressions,
        outcome: 'bus-address',
        dmaMapSg: 'the segment count; the P2P segment is marked with sg_dma_mark_bus_address()',
        dmaMapSgtable: '0',
        dmaAddress: `cpu_phys + bus_offset${off}: a PCI bus address, not IOMMU-mapped, no swiotlb, no cache maintenance`,
        unmap: 'skipped',
        explanation: `${map.explanation} The DMA API programs the bus address (marked with sg_dma_mark_bus_address, skipped at unmap)${ops === 'iommu' ? ', bypassing the IOMMU' : ''}.`,
      };
    }
    case 'THRU_HOST_BRIDGE': {
      const iommu = ops === 'iommu';
      return {
        ...base,
        regressions,
        outcome: iommu ? 'host-bridge-iova' : 'host-bridge-phys',
        dmaMapSg: 'the segment count (a normal mapping)',
        dmaMapSgtable: '0',
        dmaAddress: iommu
          ? 'an IOVA mapped to the BAR\'s CPU physical address (IOMMU_MMIO on the DMA_ATTR_MMIO paths)'
          : 'phys_to_dma(cpu_phys) on the sg path, cpu_phys unchanged with DMA_ATTR_MMIO',
        unmap: 'required',
        explanation: `${map.explanation.replace(/\.$/, '')}, so the DMA API maps the BAR through the ${iommu ? 'IOMMU (an IOVA)' : 'host bridge with its CPU physical address (dma-direct)'}.`,
      };
    }
    default:
      return {
        ...base,
        regressions,
        outcome: 'eremoteio',
        dmaMapSg: '0',
        dmaMapSgtable: '-EREMOTEIO ("will not succeed if retried")',
        dmaAddress: 'none',
        unmap: 'n/a',
        explanation: `${map.explanation} dma_map_sgtable() fails with -EREMOTEIO and dma_map_sg() returns 0.`,
      };
  }
}

function applicableRegressions(ops: DmaOps, type: MapType, kernel: string | undefined): DmaRegression[] {
  const v = parseKernelVersion(kernel ?? MAINLINE_VERSION);
  return REGRESSIONS.filter(
    (r) => r.ops === ops && r.mapType === type && compareVersions(v, r.introduced) >= 0 && compareVersions(v, r.fixed) < 0,
  ).map(({ ops: _o, mapType: _m, ...rest }) => rest);
}
