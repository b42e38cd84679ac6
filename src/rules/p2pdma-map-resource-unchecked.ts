// p2pdma-map-resource-unchecked: dma_map_resource() (or dma_map_phys(..., DMA_ATTR_MMIO)) of a peer PCI BAR
// with no P2P topology check. The mapping call checks neither ACS nor the host-bridge allow-list
// (kernel/dma/mapping.c): a transfer through a root complex that cannot route peer TLPs is silently dropped or
// corrupted, and a BUS_ADDR pair should not be IOMMU-mapped at all.
import type { Expr, FunctionIR } from '../c/ir.js';
import { callerChainSatisfies } from './support/call-graph.js';
import { derivedSources } from './support/derived-from.js';
import { brokenSentence, platformVerdict } from './support/p2p-platforms.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-map-resource-unchecked';

/** MMIO mapping entry points and the index of their physical-address argument (include/linux/dma-mapping.h). */
const MMIO_MAPPERS: Record<string, number> = { dma_map_resource: 1, dma_map_phys: 1 };

/** dma_map_phys() maps MMIO only with DMA_ATTR_MMIO (≈6.18+); without it the call is RAM and another rule's business. */
const NEEDS_MMIO_ATTR = new Set(['dma_map_phys']);

/** Expressions that give a PCI BAR's address (include/linux/pci.h, include/linux/pci-p2pdma.h). */
const BAR_ADDRESS_APIS = new Set(['pci_resource_start', 'pci_resource_end', 'pci_bus_address', 'pci_p2pmem_virt_to_bus']);

/** The P2P topology checks that make a peer mapping legitimate (drivers/pci/p2pdma.c). */
const TOPOLOGY_CHECKS = /\b(pci_p2pdma_distance|pci_p2pdma_distance_many|pci_p2pdma_map_type|pci_p2pdma_state|pci_p2pmem_find|pci_p2pmem_find_many|PCI_P2PDMA_MAP_\w+)\b/;

const REFS = ['P2P-002', 'kernel/dma/mapping.c (dma_map_resource)', 'Documentation/driver-api/pci/p2pdma.rst', 'drivers/pci/p2pdma.c (pci_p2pdma_distance_many, pci_p2pdma_map_type)'];

export const p2pdmaMapResourceUnchecked: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'dma_map_resource() of a peer PCI BAR without pci_p2pdma_distance()/pci_p2pdma_map_type()',
    catalogue: ['P2P-002'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const idx = MMIO_MAPPERS[call.callee];
        if (idx === undefined || !call.args[idx]) continue;
        if (NEEDS_MMIO_ATTR.has(call.callee) && !call.args.some((a) => /\bDMA_ATTR_MMIO\b/.test(a.text))) continue;
        const bars = derivedSources(ctx.analysis, call.args[idx], fn, (x) => barAddress(x));
        if (bars.length === 0) continue;
        const bar = bars[0];
        if (sameDevice(ctx, fn, call.args[0], bar.info)) continue;
        if (callerChainSatisfies(ctx.analysis, fn, (f) => TOPOLOGY_CHECKS.test(f.text))) continue;
        const busAddr = /pci_bus_address|virt_to_bus/.test(bar.info.api);
        const verdict = platformVerdict(ctx.model, (t) => t !== 'THRU_HOST_BRIDGE');
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          message: `${call.callee}() maps ${bar.info.api} of a peer device for DMA without any P2P topology check (pci_p2pdma_distance()/pci_p2pdma_map_type()).`
            + (busAddr ? ` It is also given a PCI bus address where it expects a CPU physical address.` : ''),
          why: `${call.callee}() only creates an IOVA (or returns the address) for the MMIO range; it does not look at ACS or the host-bridge allow-list. `
            + 'Peer traffic that has to cross a root complex that cannot route it is dropped or corrupted (PCI_P2PDMA_MAP_NOT_SUPPORTED), and devices behind a common switch without ACS redirect (PCI_P2PDMA_MAP_BUS_ADDR) should be given the bus address, not an IOMMU mapping.'
            + brokenSentence(verdict, 'this mapping is the right one'),
          instead: 'Check the pair first: pci_p2pdma_distance(provider, client, true) < 0 means no P2P at all; then pci_p2pdma_map_type() decides between pci_p2pdma_bus_addr_map() (BUS_ADDR) and dma_map_resource()/dma_map_phys(..., DMA_ATTR_MMIO) (THRU_HOST_BRIDGE). Exporters of peer MMIO should prefer DMABUF with struct p2pdma_provider (≈6.19+).',
          evidence: [...bar.chain, { file: ctx.image.path, line: call.line, note: `mapped with ${call.callee}() for ${call.args[0].text.replace(/\s+/g, '')}` }],
          platformNotes: verdict.notes,
          references: REFS,
        });
      }
    }
    return out;
  },
};

interface BarAddress { api: string; owner?: Expr }

function barAddress(x: Expr): BarAddress | undefined {
  if (x.k === 'call' && BAR_ADDRESS_APIS.has(x.callee)) return { api: `${x.callee}()`, owner: x.args[0] };
  // pdev->resource[bar].start
  if (x.k === 'field' && x.field === 'start' && x.base.k === 'index' && x.base.base.k === 'field' && x.base.base.field === 'resource') {
    return { api: `the BAR resource ${x.text.replace(/\s+/g, '')}`, owner: x.base.base.base };
  }
  return undefined;
}

/**
 * The BAR belongs to the mapping device itself (`dma_map_resource(&pdev->dev, pci_resource_start(pdev, 2))`):
 * not a peer transfer. Devices are compared by their normalised expression (`&x->pdev->dev` and `x->pdev`
 * name the same device; `to_pci_dev(d)` and `d` too).
 */
function sameDevice(ctx: RuleContext, fn: FunctionIR, mapDev: Expr | undefined, bar: BarAddress): boolean {
  if (!mapDev || !bar.owner) return false;
  return deviceKey(ctx, fn, mapDev) === deviceKey(ctx, fn, bar.owner);
}

/** `&pdev->dev`, `to_pci_dev(dev)`, or a local holding one of those, reduced to the device it names. */
function deviceKey(ctx: RuleContext, fn: FunctionIR, e: Expr, depth = 0): string {
  let cur: Expr = e;
  for (;;) {
    if (cur.k === 'addr' || cur.k === 'cast') cur = cur.arg;
    else if (cur.k === 'call' && /^(to_pci_dev|pci_dev_get)$/.test(cur.callee) && cur.args[0]) cur = cur.args[0];
    else if (cur.k === 'field' && cur.field === 'dev') cur = cur.base;
    else break;
  }
  if (cur.k === 'ident' && depth < 3) {
    const scope = ctx.analysis.provenance.scope(fn);
    const assigns = scope.locals.has(cur.name) ? scope.assigns.get(cur.name) ?? [] : [];
    if (assigns.length === 1) return deviceKey(ctx, fn, assigns[0].rhs, depth + 1);
  }
  return cur.text.replace(/\s+/g, '');
}
