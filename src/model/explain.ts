// Human explanations of model answers: one or two sentences plus a short path, for findings and the CLI.

import { dmaOutcome, type DmaOutcomeKind, type DmaOutcomeOptions, type DmaRegression } from './dma-outcome.js';
import { distanceMany, type MapType } from './p2pdma-sim.js';
import type { Platform } from './platform-types.js';

/** Everything `model explain` prints about one provider/client pair on one platform. */
export interface PairExplanation {
  platform: string;
  provider: string;
  client: string;
  mapType: MapType;
  dmaOutcome: DmaOutcomeKind;
  /** pci_p2pdma_distance() (-1 without CONFIG_PCI_P2PDMA or when not supported). */
  distance: number;
  /** One or two sentences, e.g. "THRU_HOST_BRIDGE on x86_64-vtd: provider … through the IOMMU (an IOVA)." */
  summary: string;
  /** The upstream walk with ACS-redirecting ports marked. */
  path: string;
  /** Further facts: what the DMA API returns, the address used, unmap, regressions. */
  details: string[];
  /** pci_warn lines the kernel would print on the verbose path. */
  kernelLog: string[];
  regressions: DmaRegression[];
}

/** Drop the "TYPE: " prefix of a simulator explanation. */
function stripType(s: string): string {
  return s.replace(/^[A-Z_]+(?: \([^)]*\))?: /, '');
}

/**
 * Explain what happens when P2PDMA memory of `providerRef` is DMA-mapped for `clientRef` on
 * `platform` (ids or BDFs): the map type, why, and what the DMA API does with it.
 */
export function explainPair(platform: Platform, providerRef: string, clientRef: string, opts: DmaOutcomeOptions = {}): PairExplanation {
  const o = dmaOutcome(platform, providerRef, clientRef, opts);
  const simOpts = { kernel: opts.kernel ?? platform.kernel, ...(opts.acsRule ? { acsRule: opts.acsRule } : {}) };
  const distance = platform.kernelConfig.PCI_P2PDMA ? distanceMany(platform.topology, providerRef, [clientRef], simOpts).distance : -1;
  const summary = `${o.mapType} on ${platform.name}: ${stripType(o.explanation)}`;
  const details = [
    `distance: ${distance} (pci_p2pdma_distance)`,
    `client DMA ops: ${o.clientDmaOps}`,
    `dma_map_sgtable(): ${o.dmaMapSgtable}; dma_map_sg(): ${o.dmaMapSg}`,
    `dma_address: ${o.dmaAddress}`,
    `unmap: ${o.unmap}`,
  ];
  if (o.busOffset !== undefined) details.push(`provider bus offset: ${o.busOffset}`);
  if (o.map.hostBridge) {
    for (const b of o.map.hostBridge.bridges) {
      details.push(
        `host bridge ${b.hb}: root device ${b.rootDevice ?? 'none'} ${b.vendorDevice ?? ''}${b.entry ? ` allow-listed (${b.entry}${b.reqSameHostBridge ? ', REQ_SAME_HOST_BRIDGE' : ''})` : b.eligible ? ' not allow-listed' : ' (not usable: neither 00.0 nor a root port)'}`.replace(/\s+/g, ' '),
      );
    }
  }
  for (const r of o.regressions) details.push(`known regression (${r.introduced} until ${r.fixed}, fix ${r.commit}): ${r.summary}`);
  return {
    platform: platform.name,
    provider: o.provider,
    client: o.client,
    mapType: o.mapType,
    dmaOutcome: o.outcome,
    distance,
    summary,
    path: o.map.path,
    details,
    kernelLog: o.map.kernelLog,
    regressions: o.regressions,
  };
}

/** Render an explanation as text (the CLI's default format). */
export function formatPairExplanation(e: PairExplanation): string {
  const lines = [e.summary, `path: ${e.path}`, ...e.details];
  if (e.kernelLog.length) lines.push('kernel log (verbose):', ...e.kernelLog.map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
