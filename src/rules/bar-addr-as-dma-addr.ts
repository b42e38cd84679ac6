// bar-addr-as-dma-addr: a PCI bus address, BAR address or CPU physical address of peer memory used as a
// device's dma_addr_t without a map-type decision. A bus address is right only when the transfer is
// PCI_P2PDMA_MAP_BUS_ADDR (both devices behind one switch, no ACS redirect); through the host bridge the client
// needs a DMA mapping (CPU physical address with dma-direct, an IOVA behind an IOMMU). Also: a non-negative
// pci_p2pdma_distance() taken to mean "bus addresses are fine", and a host-bridge allow-list that ignores the
// IOMMU while the code it feeds hands out bus addresses (drivers/pci/p2pdma.c, include/linux/pci-p2pdma.h).
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { globalNamed, structFieldsNamed, walkFunction, walkStmts, type FileAnalysis } from '../analysis/index.js';
import type { Certainty, Evidence } from '../types.js';
import { callerChainSatisfies } from './support/call-graph.js';
import { derivedSources, type DerivedSource } from './support/derived-from.js';
import { decidesMapTypeBefore, guardingMapTypes, mapTypesIn } from './support/p2p-branches.js';
import { brokenSentence, platformVerdict } from './support/p2p-platforms.js';
import { reviewText } from './support/patch-text.js';
import { atOrAfter, targetVersion } from './support/kernel-era.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'bar-addr-as-dma-addr';

/** What an address-producing expression yields. */
type AddrKind = 'bus' | 'cpu-phys';

interface AddrSource { kind: AddrKind; api: string; owner?: Expr }

/**
 * The APIs that define this pattern: they return a PCI bus address or a BAR's CPU physical address
 * (include/linux/pci.h pci_bus_address/pci_resource_start, include/linux/pci-p2pdma.h, arch asm/io.h virt_to_bus).
 * pci_p2pdma_bus_addr_map() is included because it is only correct under a BUS_ADDR decision.
 */
const ADDRESS_APIS: Record<string, AddrKind> = {
  pci_bus_address: 'bus',
  pci_p2pmem_virt_to_bus: 'bus',
  virt_to_bus: 'bus',
  pci_p2pdma_bus_addr_map: 'bus',
  pci_resource_start: 'cpu-phys',
  pci_resource_end: 'cpu-phys',
};

/** CPU-physical converters that, applied to P2PDMA memory, give the BAR's physical address (include/asm-generic/io.h). */
const PHYS_OF = new Set(['virt_to_phys', '__pa', 'page_to_phys']);

/** Calls that take the P2P decision (drivers/pci/p2pdma.c, include/linux/pci-p2pdma.h, the old dma-map-ops.h helper). */
const MAP_TYPE_DECIDERS = new Set(['pci_p2pdma_map_type', 'pci_p2pdma_state', 'pci_p2pdma_map_segment']);

/** Distance queries: a non-negative answer does not mean BUS_ADDR (P2P-014). */
const DISTANCE_APIS = new Set(['pci_p2pdma_distance', 'pci_p2pdma_distance_many']);

/** Where a peer device comes from: a provider search or a PCI device lookup (include/linux/pci-p2pdma.h, pci.h). */
const PEER_LOOKUPS = /^(pci_p2pmem_find|pci_p2pmem_find_many|pci_get_device|pci_get_slot|pci_get_domain_bus_and_slot|pci_dev_get)$/;

/** IOMMU / DMA-ops awareness in a host-bridge decision (include/linux/iommu.h, include/linux/dma-map-ops.h). */
const IOMMU_AWARE = /\b(iommu_present|device_iommu_mapped|iommu_get_domain_for_dev|iommu_get_dma_domain|dev_iommu_fwspec_get|get_dma_ops|dma_pci_p2pdma_supported|use_dma_iommu)\b/;

/** Host-bridge lookups that make a function an allow-list decision for traffic through the root complex. */
const HOST_BRIDGE_LOOKUPS = new Set(['pci_find_host_bridge', 'pci_get_slot']);

const REFS = ['P2P-001', 'P2P-014', 'include/linux/pci-p2pdma.h (pci_p2pdma_map_type, pci_p2pdma_bus_addr_map)', 'drivers/pci/p2pdma.c (calc_map_type_and_dist)', 'LKML 2019-06 "[RFC PATCH 22/28] nvmet: ... dma addresses" (Christoph Hellwig)'];

export const barAddrAsDmaAddr: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'PCI bus/BAR/physical address of peer memory used as a dma_addr_t without a P2PDMA map-type decision',
    catalogue: ['P2P-001', 'P2P-014'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const undecided: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      for (const sink of dmaAddrSinks(ctx, fn)) {
        // A helper returning dma_addr_t is a sink of its own and reported there, not again at every caller.
        const sources = derivedSources(ctx.analysis, sink.value, fn, (x, f) => recogniseAddress(ctx, x, f))
          .filter((s) => !s.helpers.some((h) => returnsDmaAddr(h)));
        if (sources.length === 0) continue;
        if (decided(ctx.analysis, fn, sink.stmt, sink.stmtParents, sink.line)) continue;
        const report = reportFor(ctx, fn, sink, sources);
        if (report) { out.push(report); undecided.push(report); }
      }
      out.push(...distanceAsBusAddr(ctx, fn));
    }
    out.push(...allowListIgnoringIommu(ctx, undecided.length > 0));
    return out;
  },
};

// ───────────── sinks: where a value becomes a device's dma_addr_t ─────────────

interface Sink {
  /** The value written. */
  value: Expr;
  /** What receives it, for the message. */
  target: string;
  line: number;
  stmt: Stmt;
  stmtParents: Stmt[];
}

const DMA_ADDR_TYPE = /\bdma_addr_t\b/;

function returnsDmaAddr(fn: FunctionIR): boolean {
  return DMA_ADDR_TYPE.test(fn.returnType) && !/\*/.test(fn.returnType);
}

function dmaAddrSinks(ctx: RuleContext, fn: FunctionIR): Sink[] {
  const out: Sink[] = [];
  const scope = ctx.analysis.provenance.scope(fn);
  const isDmaAddrLvalue = (e: Expr): boolean => {
    if (e.k === 'call' && e.callee === 'sg_dma_address') return true;
    if (e.k === 'field') {
      if (e.field === 'dma_address') return true;
      const decls = structFieldsNamed(ctx.ir, e.field);
      return decls.length > 0 && decls.every((d) => DMA_ADDR_TYPE.test(d.type));
    }
    if (e.k === 'ident') {
      const d = scope.locals.get(e.name) ?? scope.params.get(e.name) ?? globalNamed(ctx.ir, e.name);
      return !!d && DMA_ADDR_TYPE.test(d.type) && !d.pointer;
    }
    return false;
  };
  walkFunction(fn, (stmt, stmtParents) => {
    if (stmt.k === 'decl') {
      for (const v of stmt.vars) {
        if (v.init && DMA_ADDR_TYPE.test(v.type) && !v.pointer) out.push({ value: v.init, target: `dma_addr_t ${v.name}`, line: v.line, stmt, stmtParents });
      }
    }
    if (stmt.k === 'return' && stmt.value && returnsDmaAddr(fn)) {
      out.push({ value: stmt.value, target: `the dma_addr_t returned by ${fn.name}()`, line: stmt.line, stmt, stmtParents });
    }
  }, (e, _ep, stmt, stmtParents) => {
    if (e.k === 'assign' && e.op === '=' && isDmaAddrLvalue(e.left)) {
      out.push({ value: e.right, target: e.left.text.replace(/\s+/g, ''), line: e.line, stmt, stmtParents });
    } else if (e.k === 'call') {
      const params = ctx.model.contract(e.callee)?.params;
      if (!params) return;
      e.args.forEach((a, i) => {
        if (params[i]?.role === 'dma-addr') out.push({ value: a, target: `the dma_addr_t argument of ${e.callee}()`, line: a.line, stmt, stmtParents });
      });
    }
  }, ['assign', 'call']);
  return out;
}

// ───────────── sources: bus, BAR and physical addresses ─────────────

function recogniseAddress(ctx: RuleContext, x: Expr, fn: FunctionIR): AddrSource | undefined {
  if (x.k === 'call') {
    const api = ADDRESS_APIS[x.callee];
    if (api) return { kind: api, api: `${x.callee}()`, owner: x.callee === 'pci_p2pdma_bus_addr_map' ? undefined : x.args[0] };
    const value = ctx.model.contract(x.callee)?.returns?.value;
    if (value === 'bus-addr') return { kind: 'bus', api: `${x.callee}()`, owner: x.args[0] };
    if (PHYS_OF.has(x.callee) && x.args[0] && ctx.analysis.kinds(x.args[0], fn).has('p2pdma')) {
      return { kind: 'cpu-phys', api: `${x.callee}() of P2PDMA memory` };
    }
    return undefined;
  }
  if (x.k === 'field') {
    // p2p_pgmap->bus_offset: whatever it is added to becomes a bus address.
    if (/^bus_off(set)?$/.test(x.field)) return { kind: 'bus', api: `the provider's bus offset (${x.text.replace(/\s+/g, '')})` };
    // pgmap->range.start and pdev->resource[bar].start: the CPU physical start of the BAR window.
    if (x.field === 'start' && x.base.k === 'field' && x.base.field === 'range') return { kind: 'cpu-phys', api: `the pgmap range start (${x.text.replace(/\s+/g, '')})` };
    if (x.field === 'start' && x.base.k === 'index' && x.base.base.k === 'field' && x.base.base.field === 'resource') {
      return { kind: 'cpu-phys', api: `the BAR resource start (${x.text.replace(/\s+/g, '')})`, owner: x.base.base.base };
    }
  }
  return undefined;
}

// ───────────── decisions that make a bus address legitimate ─────────────

/** The map-type decision for a statement: its own guard, an earlier test in its function, or every caller's. */
function decided(analysis: FileAnalysis, fn: FunctionIR, stmt: Stmt, parents: Stmt[], line: number): boolean {
  if (guardingMapTypes(stmt, parents).has('BUS_ADDR')) return true;
  if (decidesBefore(analysis, fn, line)) return true;
  // A helper that sets the bus-address mark is itself a BUS_ADDR implementation (its callers decide).
  if (analysis.calls(fn).some((s) => s.call.callee === 'sg_dma_mark_bus_address')) return true;
  return callerChainSatisfies(analysis, fn, (f, via) => !!via
    && (guardingMapTypes(via.stmt, via.stmtParents).has('BUS_ADDR') || decidesBefore(analysis, f, via.call.line)), { all: true });
}

/** A map type tested, or a map-type query made, in `fn` before `line`. */
function decidesBefore(analysis: FileAnalysis, fn: FunctionIR, line: number): boolean {
  if (decidesMapTypeBefore(fn, 'BUS_ADDR', line) || decidesMapTypeBefore(fn, 'THRU_HOST_BRIDGE', line)) return true;
  return analysis.calls(fn).some((s) => MAP_TYPE_DECIDERS.has(s.call.callee) && s.call.line <= line);
}

/** Whether the device that owns the address is visibly a peer (`mine` when it is visibly the driver's own). */
function ownerRelation(ctx: RuleContext, fn: FunctionIR, owner: Expr | undefined): 'peer' | 'mine' | 'unknown' {
  if (!owner) return 'unknown';
  if (/p2p|peer|provider/i.test(owner.text)) return 'peer';
  const looked = derivedSources(ctx.analysis, owner, fn, (x) => (x.k === 'call' && (PEER_LOOKUPS.test(x.callee) || x.callee === 'to_pci_dev') ? x.callee : undefined));
  if (looked.some((s) => s.info !== 'to_pci_dev')) return 'peer';
  if (looked.some((s) => s.info === 'to_pci_dev')) return 'mine';
  return 'unknown';
}

// ───────────── reports ─────────────

function reportFor(ctx: RuleContext, fn: FunctionIR, sink: Sink, sources: DerivedSource<AddrSource>[]): RuleReport | undefined {
  const relations = sources.map((s) => ownerRelation(ctx, s.fn, s.info.owner));
  // The driver's own BAR programmed into its own DMA engine is a distance-0 BUS_ADDR transfer.
  if (relations.every((r) => r === 'mine')) return undefined;
  const src = sources[relations.findIndex((r) => r !== 'mine')] ?? sources[0];
  const visiblyPeer = relations.includes('peer') || src.info.owner === undefined;
  const certainty: Certainty = visiblyPeer && !src.viaField && !src.mixed ? 'certain' : 'likely';
  const bus = src.info.kind === 'bus';
  const distance = ctx.analysis.calls(fn).find((s) => DISTANCE_APIS.has(s.call.callee) && s.call.line <= sink.line);
  const verdict = platformVerdict(ctx.model, (t) => (bus ? t !== 'BUS_ADDR' : true));
  const what = bus ? 'a PCI bus address' : 'a CPU physical address of PCI BAR memory';
  const evidence: Evidence[] = [...src.chain, { file: ctx.image.path, line: sink.line, note: `used as ${sink.target}` }];
  if (distance) evidence.unshift({ file: ctx.image.path, line: distance.call.line, note: `${distance.call.callee}() is the only topology check` });
  return {
    line: sink.line,
    function: fn,
    code: `${sink.target} = ${src.expr.text}`,
    certainty,
    message: `${sink.target} is set from ${src.info.api}, ${what}, with no P2PDMA map-type decision${distance ? ` (only ${distance.call.callee}(), whose non-negative result also covers host-bridge paths)` : ''}: `
      + `${bus ? 'the bus address is only valid for PCI_P2PDMA_MAP_BUS_ADDR transfers' : 'a CPU physical address is never a device address for a peer'}.`,
    why: `${bus
      ? 'A PCI bus address reaches the provider only when both devices sit below a common switch with no ACS redirect (PCI_P2PDMA_MAP_BUS_ADDR): the TLPs then never reach the root complex or the IOMMU. Through the host bridge (PCI_P2PDMA_MAP_THRU_HOST_BRIDGE) the client needs a real DMA mapping: the CPU physical address with dma-direct, an IOVA behind an IOMMU, which rejects or misroutes an untranslated bus address.'
      : 'pci_resource_start() and pgmap ranges are CPU physical addresses: a BUS_ADDR transfer needs phys + bus_offset, and a host-bridge transfer needs a DMA mapping (phys_to_dma() or an IOVA).'}`
      + `${distance ? ' pci_p2pdma_distance*() returns a non-negative distance for host-bridge paths too, so it cannot tell the two cases apart (P2P-014).' : ''}`
      + brokenSentence(verdict, 'this address is right'),
    instead: 'Let the DMA API decide: put the memory in a scatterlist and use dma_map_sgtable() (handling -EREMOTEIO), or query pci_p2pdma_map_type()/pci_p2pdma_state() and use pci_p2pdma_bus_addr_map() only for PCI_P2PDMA_MAP_BUS_ADDR, mapping the CPU physical address with dma_map_resource()/dma_map_phys(..., DMA_ATTR_MMIO) for PCI_P2PDMA_MAP_THRU_HOST_BRIDGE and failing for NOT_SUPPORTED.',
    evidence,
    platformNotes: verdict.notes,
    references: REFS,
  };
}

/** `if (pci_p2pdma_distance(...) >= 0) use_bus_addr = true;` (P2P-014). */
function distanceAsBusAddr(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== 'expr' || stmt.expr.k !== 'assign' || stmt.expr.op !== '=') return;
    const { left, right } = stmt.expr;
    if (!/bus/i.test(left.text) || !/^(true|1)$/.test(right.text.trim())) return;
    const gate = [...parents].reverse().find((p): p is Extract<Stmt, { k: 'if' }> => p.k === 'if' && /pci_p2pdma_distance/.test(p.cond.text));
    if (!gate || mapTypesIn(gate.cond).length || decidesBefore(ctx.analysis, fn, stmt.line)) return;
    const verdict = platformVerdict(ctx.model, (t) => t !== 'BUS_ADDR');
    out.push({
      line: stmt.line,
      function: fn,
      code: stmt.text,
      message: `\`${stmt.text.trim()}\` is decided by pci_p2pdma_distance*(): a non-negative distance only says the devices can do P2P, not that bus addresses work.`,
      why: 'pci_p2pdma_distance() and pci_p2pdma_distance_many() return a distance for PCI_P2PDMA_MAP_THRU_HOST_BRIDGE paths as well as for PCI_P2PDMA_MAP_BUS_ADDR ones (drivers/pci/p2pdma.c); host-bridge traffic must be DMA-mapped (CPU physical address or IOVA), never sent to the bus address.'
        + brokenSentence(verdict, 'a bus address works'),
      instead: 'Ask pci_p2pdma_map_type() for the client (or let dma_map_sgtable() decide) and use bus addresses only for PCI_P2PDMA_MAP_BUS_ADDR.',
      evidence: [{ file: ctx.image.path, line: gate.line, note: `distance test \`${gate.cond.text.replace(/\s+/g, ' ')}\`` }, { file: ctx.image.path, line: stmt.line, note: 'bus addresses chosen' }],
      platformNotes: verdict.notes,
      references: REFS,
    });
  });
  return out;
}

/**
 * A host-bridge allow-list decision that ignores the IOMMU, in code whose P2P path hands out bus addresses:
 * traffic the allow-list lets through the root complex reaches the IOMMU untranslated and is rejected. Reported
 * only with positive evidence of such a path: an undecided bus-address use in this image, or a patch whose era
 * (kernel-era.ts: --kernel, base commit or date) predates DMA-mapping host-bridge P2P, which the model dates by
 * PCI_P2PDMA_MAP_THRU_HOST_BRIDGE; and never when the code names that map type. Since host-bridge transfers are
 * DMA-mapped, the allow-list needs no IOMMU test.
 */
function allowListIgnoringIommu(ctx: RuleContext, imageHandsOutBusAddrs: boolean): RuleReport[] {
  // Only an allow-list decision can be reported: without one there is nothing to ask about the patch's era or text.
  const deciders = ctx.analysis.functions.flatMap((fn) => {
    if (!/\bbool\b|map_type/.test(fn.returnType)) return [];
    const lookup = ctx.analysis.calls(fn).find((s) => HOST_BRIDGE_LOOKUPS.has(s.call.callee));
    return lookup ? [{ fn, lookup }] : [];
  });
  if (!deciders.length) return [];
  // Code that already names the host-bridge map type maps those transfers: the allow-list needs no IOMMU test.
  if (/\bPCI_P2PDMA_MAP_THRU_HOST_BRIDGE\b/.test(reviewText(ctx))) return [];
  // The model dates PCI_P2PDMA_MAP_THRU_HOST_BRIDGE: before it, P2P through the host bridge used bus addresses.
  const since = ctx.model.apiStatus('PCI_P2PDMA_MAP_THRU_HOST_BRIDGE')?.since;
  const era = targetVersion(ctx.patch, ctx.model);
  const predatesMapping = !!since && !atOrAfter(era.version, since);
  if (!predatesMapping && !imageHandsOutBusAddrs) return [];
  const out: RuleReport[] = [];
  for (const { fn, lookup } of deciders) {
    const aware = (f: FunctionIR) => IOMMU_AWARE.test(f.text);
    if (callerChainSatisfies(ctx.analysis, fn, aware)) continue;
    out.push({
      line: lookup.call.line,
      function: fn,
      code: `${fn.name}: ${lookup.call.text}`,
      certainty: 'likely',
      message: `${fn.name}() allows P2P through the host bridge without considering the IOMMU, while ${predatesMapping ? 'the P2PDMA code of this era hands out' : 'this code hands out'} PCI bus addresses for P2P transfers: behind an IOMMU they are never translated.`,
      why: 'An allow-listed root complex can route peer TLPs, but with an IOMMU enabled every TLP that reaches the root complex is translated: an untranslated bus address is rejected or hits the wrong page. Until host-bridge transfers are DMA-mapped (PCI_P2PDMA_MAP_THRU_HOST_BRIDGE handled by dma_map_sg), the allow-list must not apply when an IOMMU translates the client.'
        + (predatesMapping ? ` Judged against ${era.note}, which predates host-bridge DMA mapping (${since}).` : ' This image hands out bus addresses without any host-bridge map type.'),
      instead: 'Refuse the host-bridge path when the client is behind an IOMMU (iommu_present()/device_iommu_mapped()), or map host-bridge transfers through the DMA API instead of using bus addresses.',
      evidence: [{ file: ctx.image.path, line: lookup.call.line, note: `${lookup.call.callee}(): host-bridge allow-list decision` }],
      platformNotes: platformVerdict(ctx.model, (t) => t !== 'BUS_ADDR').notes,
      references: [...REFS, 'LKML 2019-07 "PCI/P2PDMA: Root complex whitelist should not apply when an IOMMU is present"'],
    });
  }
  return out;
}
