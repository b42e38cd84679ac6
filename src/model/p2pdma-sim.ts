// A faithful simulator of calc_map_type_and_dist(), pci_p2pdma_map_type() and
// pci_p2pdma_distance_many() (drivers/pci/p2pdma.c), memoised per (provider, client) like the
// kernel's per-provider map_types xarray, with an optional direction-aware ACS rule.
//
// Differences between v6.12 and the current tree (≈6.19–7.0) that the simulator models:
//  - the allow-list gained Intel DSA/IAX/IAA/QAT, Google (any device) and NVIDIA Grace entries
//    (allowlist.ts, selected by `kernel`);
//  - v6.12 passes `acs_redirects` as host_bridge_whitelist()'s `warn` argument, so the
//    "Host bridge not in P2PDMA whitelist" warning is printed only on the ACS-redirect path; the
//    current tree passes `verbose` (only the simulated kernel log differs).
// The walk, the ACS counting (provider side including the common ancestor, client side excluding
// it), the distances and the host-bridge rules are identical in both.

import { allowListFor, cpuSupportsP2pdma, findAllowListEntry } from './allowlist.js';
import {
  acsBitNames,
  ACS_BIT_VALUES,
  ACS_REDIRECT_MASK,
  describeDevice,
  findDevice,
  hasAcsRedir,
  hex4,
  upstreamChain,
  type AcsBit,
  type AcsSource,
  type Device,
  type DeviceKind,
  type HostBridge,
  type PciDevice,
  type Topology,
} from './topology.js';
import { compareVersions, MAINLINE_VERSION, parseKernelVersion } from './versions.js';

/** enum pci_p2pdma_map_type values the simulator can return (UNKNOWN is internal to the kernel cache). */
export type MapType = 'NONE' | 'NOT_SUPPORTED' | 'BUS_ADDR' | 'THRU_HOST_BRIDGE';

/** Kernel enum names and values (include/linux/pci-p2pdma.h). */
export const MAP_TYPE_ENUM: Readonly<Record<MapType | 'UNKNOWN', { value: number; cName: string }>> = {
  UNKNOWN: { value: 0, cName: 'PCI_P2PDMA_MAP_UNKNOWN' },
  NONE: { value: 1, cName: 'PCI_P2PDMA_MAP_NONE' },
  NOT_SUPPORTED: { value: 2, cName: 'PCI_P2PDMA_MAP_NOT_SUPPORTED' },
  BUS_ADDR: { value: 3, cName: 'PCI_P2PDMA_MAP_BUS_ADDR' },
  THRU_HOST_BRIDGE: { value: 4, cName: 'PCI_P2PDMA_MAP_THRU_HOST_BRIDGE' },
};

/** Simulation options. */
export interface SimOptions {
  /**
   * 'coarse' (default): any RR/CR/EC on the path redirects, as calc_map_type_and_dist() does.
   * 'direction-aware': the 2026 Documentation/driver-api/pci/p2pdma.rst text: RR/EC on the
   * client-side port where the paths diverge, CR on the provider-side port; EC without RR is an
   * ACS violation (rejected). Not found in any stored p2pdma.c: opt-in only.
   */
  acsRule?: 'coarse' | 'direction-aware';
  /** Kernel version whose allow-list applies (default: current mainline). */
  kernel?: string;
}

/** A node whose ACS control redirects (or, direction-aware, blocks) the peer TLPs. */
export interface AcsHit {
  id: string;
  bdf: string;
  side: 'provider' | 'common' | 'client';
  bits: AcsBit[];
  source: AcsSource;
  /** Direction-aware rule only: this port blocks (EC without RR). */
  blocks?: boolean;
}

/** The host-bridge decision (only when traffic must cross the host bridge). */
export interface HostBridgeCheck {
  cpuSupportsP2p: boolean;
  sameHostBridge: boolean;
  bridges: {
    hb: string;
    rootDevice?: string;
    vendorDevice?: string;
    eligible: boolean;
    entry?: string;
    reqSameHostBridge?: boolean;
    ok: boolean;
  }[];
  allowed: boolean;
}

/** Why the result is what it is. */
export type MapReason =
  | 'same-function'
  | 'bus-path'
  | 'acs-redirect'
  | 'no-common-bridge'
  | 'acs-violation'
  | 'not-pci'
  | 'no-provider-state';

/** One (provider, client) answer, with everything needed to explain it. */
export interface MapTypeResult {
  type: MapType;
  /** calc_map_type_and_dist()'s *dist (also set for NOT_SUPPORTED); -1 when it was never computed. */
  dist: number;
  provider: string;
  client: string;
  common: { id: string; bdf: string; kind: DeviceKind } | null;
  providerChain: string[];
  clientChain: string[];
  acs: AcsHit[];
  acsRule: 'coarse' | 'direction-aware';
  hostBridge?: HostBridgeCheck;
  reason: MapReason;
  /** ATS-translated requests may bypass the ACS decision (ACS Direct Translated P2P without TB). */
  directTranslated?: string[];
  /** One or two sentences. */
  explanation: string;
  /** The walk: "0000:03:00.0 → 0000:02:00.0 → [0000:01:00.0] ← 0000:02:01.0 ← 0000:04:00.0". */
  path: string;
  /** What the kernel prints on the verbose path (pci_warn lines). */
  kernelLog: string[];
}

type Memo = Map<string, MapTypeResult>;
const MEMO = new WeakMap<Topology, Memo>();

function memoFor(topo: Topology): Memo {
  let m = MEMO.get(topo);
  if (!m) {
    m = new Map();
    MEMO.set(topo, m);
  }
  return m;
}

function optKey(opts: SimOptions): string {
  return `${opts.acsRule ?? 'coarse'}|${parseKernelVersion(opts.kernel ?? MAINLINE_VERSION).text}`;
}

function refOf(dev: Device): string {
  return dev.pci ? dev.bdf : dev.id;
}

/**
 * calc_map_type_and_dist() for two devices of a topology (ids or BDFs). Both must be PCI
 * functions; a non-PCI argument gives NOT_SUPPORTED with dist -1 and reason 'not-pci'.
 * Results are memoised per (topology, provider, client, options).
 */
export function calcMapTypeAndDist(topo: Topology, providerRef: string, clientRef: string, opts: SimOptions = {}): MapTypeResult {
  const provider = findDevice(topo, providerRef);
  const client = findDevice(topo, clientRef);
  const key = `calc|${provider.id}|${client.id}|${optKey(opts)}`;
  const memo = memoFor(topo);
  const hit = memo.get(key);
  if (hit) return hit;
  const result = Object.freeze(compute(topo, provider, client, opts));
  memo.set(key, result);
  return result;
}

/**
 * pci_p2pdma_map_type(provider, dev): NOT_SUPPORTED when the provider has no P2P state
 * (never called pci_p2pdma_add_resource/pcim_p2pdma_init) or when `dev` is not itself a PCI
 * device (no parent walk); otherwise the cached calc_map_type_and_dist() result.
 */
export function p2pMapType(topo: Topology, providerRef: string, clientRef: string, opts: SimOptions = {}): MapTypeResult {
  const provider = findDevice(topo, providerRef);
  const client = findDevice(topo, clientRef);
  if (provider.pci && client.pci && !provider.p2pdmaInit) {
    const key = `state|${provider.id}|${client.id}|${optKey(opts)}`;
    const memo = memoFor(topo);
    const hit = memo.get(key);
    if (hit) return hit;
    const calc = calcMapTypeAndDist(topo, providerRef, clientRef, opts);
    const r: MapTypeResult = Object.freeze({
      ...calc,
      type: 'NOT_SUPPORTED',
      reason: 'no-provider-state',
      explanation: `NOT_SUPPORTED: provider ${provider.bdf} has no P2P state (it never called pci_p2pdma_add_resource() or pcim_p2pdma_init()), so pci_p2pdma_map_type() refuses it whatever the topology says (${calc.type}, distance ${calc.dist}).`,
      kernelLog: [],
    });
    memo.set(key, r);
    return r;
  }
  return calcMapTypeAndDist(topo, providerRef, clientRef, opts);
}

function notPci(provider: Device, client: Device, opts: SimOptions): MapTypeResult {
  const bad = !provider.pci ? provider : client;
  return {
    type: 'NOT_SUPPORTED',
    dist: -1,
    provider: refOf(provider),
    client: refOf(client),
    common: null,
    providerChain: [],
    clientChain: [],
    acs: [],
    acsRule: opts.acsRule ?? 'coarse',
    reason: 'not-pci',
    explanation: `NOT_SUPPORTED: ${bad.id} is not a PCI device, and pci_p2pdma_map_type() does not walk up to a PCI parent (the DMA device itself must be the PCI function).`,
    path: `${refOf(provider)} ✕ ${refOf(client)}`,
    kernelLog: [],
  };
}

function hitOf(dev: PciDevice, side: AcsHit['side'], bits = dev.acs.ctrl & ACS_REDIRECT_MASK): AcsHit {
  return { id: dev.id, bdf: dev.bdf, side, bits: acsBitNames(bits), source: dev.acs.source };
}

function compute(topo: Topology, provider: Device, client: Device, opts: SimOptions): MapTypeResult {
  if (!provider.pci || !client.pci) return notPci(provider, client, opts);
  const rule = opts.acsRule ?? 'coarse';
  const pChain = upstreamChain(provider);
  const cChain = upstreamChain(client);

  // The kernel's nested walk: for each provider-side node a (counting its ACS redirect first),
  // look for a on the client's chain.
  let common: PciDevice | null = null;
  let distA = 0;
  let distB = 0;
  const coarseHits: AcsHit[] = [];
  for (const a of pChain) {
    if (hasAcsRedir(a)) coarseHits.push(hitOf(a, 'provider'));
    const bi = cChain.indexOf(a);
    if (bi >= 0) {
      common = a;
      distB = bi;
      break;
    }
    distA++;
  }
  if (!common) distB = cChain.length;
  if (common) {
    const last = coarseHits[coarseHits.length - 1];
    if (last && last.id === common.id) last.side = 'common';
    for (const bb of cChain) {
      if (bb === common) break;
      if (hasAcsRedir(bb)) coarseHits.push(hitOf(bb, 'client'));
    }
  }
  const dist = distA + distB;

  const base = {
    dist,
    provider: provider.bdf,
    client: client.bdf,
    common: common ? { id: common.id, bdf: common.bdf, kind: common.kind } : null,
    providerChain: pChain.map((d) => d.bdf),
    clientChain: cChain.map((d) => d.bdf),
    acsRule: rule,
  };
  const kernelLog: string[] = [];

  let acs: AcsHit[] = coarseHits;
  let directTranslated: string[] | undefined;
  let mustCross: boolean;
  if (common && rule === 'direction-aware') {
    const r = directionAware(pChain, cChain, common);
    acs = r.hits;
    directTranslated = r.directTranslated.length ? r.directTranslated : undefined;
    if (r.blocked) {
      const res: MapTypeResult = {
        ...base,
        type: 'NOT_SUPPORTED',
        acs,
        reason: 'acs-violation',
        explanation: '',
        path: '',
        kernelLog,
      };
      if (directTranslated) res.directTranslated = directTranslated;
      return finish(topo, res);
    }
    mustCross = acs.length > 0;
  } else {
    mustCross = !common || coarseHits.length > 0;
    // Without a common bridge the kernel's acs_cnt is never looked at: report no ACS nodes.
    if (!common) acs = [];
  }

  if (common && !mustCross) {
    const res: MapTypeResult = {
      ...base,
      type: 'BUS_ADDR',
      acs,
      reason: provider === client ? 'same-function' : 'bus-path',
      explanation: '',
      path: '',
      kernelLog,
    };
    if (directTranslated) res.directTranslated = directTranslated;
    return finish(topo, res);
  }

  if (common) {
    kernelLog.push(
      `pci ${client.bdf}: ACS redirect is set between the client and provider (${provider.bdf})`,
      `pci ${client.bdf}: to disable ACS redirect for this path, add the kernel parameter: pci=disable_acs_redir=${acs.map((h) => h.bdf).join(';')}`,
    );
  }
  const hb = hostBridgeCheck(topo, provider, client, opts);
  const warnOnMiss = common !== null || compareVersions(opts.kernel ?? MAINLINE_VERSION, '≈6.19') >= 0;
  if (!hb.cpuSupportsP2p && warnOnMiss) {
    for (const b of hb.bridges) {
      if (b.eligible && !b.entry && b.rootDevice) kernelLog.push(`pci ${b.rootDevice}: Host bridge not in P2PDMA whitelist: ${b.vendorDevice}`);
    }
  }
  if (!hb.allowed) {
    kernelLog.push(
      `pci ${client.bdf}: cannot be used for peer-to-peer DMA as the client and provider (${provider.bdf}) do not share an upstream bridge or whitelisted host bridge`,
    );
  }
  const res: MapTypeResult = {
    ...base,
    type: hb.allowed ? 'THRU_HOST_BRIDGE' : 'NOT_SUPPORTED',
    acs,
    hostBridge: hb,
    reason: common ? 'acs-redirect' : 'no-common-bridge',
    explanation: '',
    path: '',
    kernelLog,
  };
  if (directTranslated) res.directTranslated = directTranslated;
  return finish(topo, res);
}

/** The refined rule of the 2026 p2pdma.rst text, evaluated at the ports where the paths diverge. */
function directionAware(
  pChain: PciDevice[],
  cChain: PciDevice[],
  common: PciDevice,
): { hits: AcsHit[]; blocked: boolean; directTranslated: string[] } {
  const hits: AcsHit[] = [];
  const directTranslated: string[] = [];
  let blocked = false;
  const ci = cChain.indexOf(common);
  const pi = pChain.indexOf(common);
  const clientPort = ci > 0 ? cChain[ci - 1]! : null;
  const providerPort = pi > 0 ? pChain[pi - 1]! : null;
  const { RR, EC, CR, DT, TB } = ACS_BIT_VALUES;
  if (clientPort && clientPort.acs.hasCap) {
    const c = clientPort.acs.ctrl;
    if (c & RR) hits.push(hitOf(clientPort, 'client', c & (RR | EC)));
    else if (c & EC) {
      // EC without RR: the egress vector bit for the peer causes an ACS Violation, not a redirect.
      hits.push({ ...hitOf(clientPort, 'client', EC), blocks: true });
      blocked = true;
    }
    if (c & DT && !(c & TB)) directTranslated.push(clientPort.bdf);
  }
  if (providerPort && providerPort.acs.hasCap && providerPort.acs.ctrl & CR) {
    hits.push(hitOf(providerPort, 'provider', CR));
  }
  return { hits, blocked, directTranslated };
}

function rootDeviceOf(hb: HostBridge): { bdf?: string; vendor?: number; device?: number; eligible: boolean } {
  const f = hb.firstDevice;
  if (!f) return { eligible: false };
  // pci_host_bridge_dev(): the first device counts only if it is devfn 00.0 or a PCIe Root Port.
  const eligible = f.devfn === 0 || f.kind === 'root_port';
  const out: { bdf?: string; vendor?: number; device?: number; eligible: boolean } = { eligible };
  if (f.bdf) out.bdf = f.bdf;
  if (f.vendor !== undefined) out.vendor = f.vendor;
  if (f.device !== undefined) out.device = f.device;
  return out;
}

function hostBridgeCheck(topo: Topology, provider: PciDevice, client: PciDevice, opts: SimOptions): HostBridgeCheck {
  const cpuOk = cpuSupportsP2pdma(topo.cpu);
  const same = provider.hostBridge === client.hostBridge;
  const list = allowListFor(opts.kernel);
  const bridges = (same ? [provider.hostBridge] : [provider.hostBridge, client.hostBridge]).map((hb) => {
    const root = rootDeviceOf(hb);
    const entry = root.eligible ? findAllowListEntry(list, root.vendor, root.device) : undefined;
    // __host_bridge_whitelist(): found, and not REQ_SAME_HOST_BRIDGE unless both sit under it.
    const ok = !!entry && (!entry.reqSameHostBridge || same);
    const b: HostBridgeCheck['bridges'][number] = { hb: hb.id, eligible: root.eligible, ok };
    if (root.bdf) b.rootDevice = root.bdf;
    if (root.vendor !== undefined) b.vendorDevice = `${hex4(root.vendor)}:${hex4(root.device)}`;
    if (entry) {
      b.entry = entry.label;
      b.reqSameHostBridge = entry.reqSameHostBridge;
    }
    return b;
  });
  return { cpuSupportsP2p: cpuOk, sameHostBridge: same, bridges, allowed: cpuOk || bridges.every((b) => b.ok) };
}

// ───────────────────────────── explanations ─────────────────────────────

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const SOURCE_WHY: Record<AcsSource, string> = {
  iommu: 'the IOMMU requests it',
  observed: 'as read from the hardware',
  override: 'as configured',
  'kernel-param': 'set by a kernel parameter',
  firmware: 'as firmware left it',
  none: '',
};

function acsClause(hits: AcsHit[]): string {
  const sources = [...new Set(hits.map((h) => h.source))].map((s) => SOURCE_WHY[s]).filter(Boolean);
  const why = sources.length ? ` (${sources.join('; ')})` : '';
  return `ACS redirect is enabled on ${list(hits.map((h) => h.bdf))}${why}`;
}

function hostBridgeClause(topo: Topology, hb: HostBridgeCheck): string {
  if (hb.cpuSupportsP2p) {
    return `the CPU is AMD family 0x${(topo.cpu.family ?? 0).toString(16)} (Zen or later), which cpu_supports_p2pdma() accepts`;
  }
  const parts = hb.bridges.map((b) => {
    const name = b.vendorDevice ? `host bridge ${b.vendorDevice}` : `host bridge ${b.hb}`;
    if (!b.eligible) return `${name} has no root device pci_host_bridge_dev() can use (the first root-bus device is neither 00.0 nor a root port)`;
    if (!b.entry) return `${name} is not in the P2PDMA allow-list`;
    if (!b.ok) return `${name} is allow-listed only for devices under the same host bridge (REQ_SAME_HOST_BRIDGE)`;
    return `${name} is allow-listed`;
  });
  const cpu = topo.cpu.vendor === 'amd' ? `an AMD family 0x${(topo.cpu.family ?? 0).toString(16)} CPU` : `the ${topo.cpu.vendor} CPU`;
  const tail = hb.allowed ? '' : ` and ${cpu} does not qualify for cpu_supports_p2pdma()`;
  return `${list([...new Set(parts)])}${tail}`;
}

function pathString(res: MapTypeResult, topo: Topology): string {
  const mark = (bdf: string) => {
    const h = res.acs.find((x) => x.bdf === bdf);
    return h ? `${bdf}(${h.bits.join('|')}${h.blocks ? ' blocks' : ''})` : bdf;
  };
  if (res.common) {
    const up = res.providerChain.slice(0, res.providerChain.indexOf(res.common.bdf)).map(mark);
    const down = res.clientChain.slice(0, res.clientChain.indexOf(res.common.bdf)).map(mark).reverse();
    return [...up.map((x) => `${x} → `), `[${mark(res.common.bdf)}]`, ...down.map((x) => ` ← ${x}`)].join('');
  }
  const p = findDevice(topo, res.provider) as PciDevice;
  const c = findDevice(topo, res.client) as PciDevice;
  const hbText = p.hostBridge === c.hostBridge ? `{host bridge ${p.hostBridge.id}}` : `{host bridge ${p.hostBridge.id}} ⇄ {host bridge ${c.hostBridge.id}}`;
  return [...res.providerChain.map((x) => `${mark(x)} → `), hbText, ...[...res.clientChain].reverse().map((x) => ` ← ${mark(x)}`)].join('');
}

function finish(topo: Topology, res: MapTypeResult): MapTypeResult {
  res.path = pathString(res, topo);
  const p = findDevice(topo, res.provider);
  const c = findDevice(topo, res.client);
  const who = `provider ${res.provider} and client ${res.client}`;
  const meet = res.common ? `meet at ${describeDevice(findDevice(topo, res.common.id))}` : '';
  const dt = res.directTranslated ? ` ATS-translated requests may still go directly to the peer: ACS Direct Translated P2P is enabled on ${list(res.directTranslated)}.` : '';
  switch (res.reason) {
    case 'same-function':
      res.explanation = `BUS_ADDR: provider and client are the same function ${res.provider} (distance 0).`;
      break;
    case 'bus-path':
      res.explanation = `BUS_ADDR: ${who} ${meet} with no ACS redirect on the path (distance ${res.dist}), so the TLPs stay inside the PCIe fabric and the client is programmed with PCI bus addresses.${dt}`;
      break;
    case 'acs-violation':
      res.explanation = `NOT_SUPPORTED (direction-aware ACS): ${who} ${meet}, but P2P Egress Control without Request Redirect on ${list(res.acs.filter((h) => h.blocks).map((h) => h.bdf))} turns the peer request into an ACS Violation, so P2P DMA is rejected.${dt}`;
      break;
    case 'acs-redirect':
      res.explanation = `${res.type}: ${who} ${meet}, but ${acsClause(res.acs)}; ${hostBridgeClause(topo, res.hostBridge!)}.${dt}`;
      break;
    case 'no-common-bridge': {
      const pc = p as PciDevice;
      const cc = c as PciDevice;
      const where =
        pc.hostBridge === cc.hostBridge
          ? `do not share an upstream bridge below host bridge ${pc.hostBridge.id}`
          : `sit under different host bridges ${pc.hostBridge.id} and ${cc.hostBridge.id}`;
      res.explanation = `${res.type}: ${who} ${where} (distance ${res.dist}); ${hostBridgeClause(topo, res.hostBridge!)}.`;
      break;
    }
    default:
      break;
  }
  return res;
}

// ───────────────────────────── distance ─────────────────────────────

/** One client of a {@link distanceMany} call. */
export interface ClientDistance {
  ref: string;
  /** The PCI device found by walking parents (find_parent_pci_dev), if any. */
  pci?: string;
  type?: MapType;
  dist?: number;
}

/** pci_p2pdma_distance_many() and what it means. */
export interface DistanceResult {
  /** What the kernel returns: the sum of distances, or -1. */
  distance: number;
  clients: ClientDistance[];
  /**
   * Every client would also pass pci_p2pdma_map_type() (the provider has P2P state). The kernel's
   * distance does not check provider state, so `distance >= 0` does not imply usable.
   */
  usable: boolean;
  explanation: string;
}

/**
 * pci_p2pdma_distance_many(provider, clients): each client is walked up through its parents to a
 * PCI device; the result is the sum of the distances, or -1 if there are no clients, a client
 * has no PCI ancestor, or any pair is NOT_SUPPORTED. Per-pair results are memoised.
 */
export function distanceMany(topo: Topology, providerRef: string, clientRefs: readonly string[], opts: SimOptions = {}): DistanceResult {
  const provider = findDevice(topo, providerRef);
  if (!provider.pci) throw new Error(`provider "${providerRef}" is not a PCI device`);
  const clients: ClientDistance[] = [];
  if (clientRefs.length === 0) {
    return { distance: -1, clients, usable: false, explanation: 'pci_p2pdma_distance_many() returns -1 for an empty client list.' };
  }
  let total = 0;
  for (const ref of clientRefs) {
    const dev = findDevice(topo, ref);
    let pci: Device | null = dev;
    while (pci && !pci.pci) pci = pci.parent;
    if (!pci) {
      clients.push({ ref });
      return {
        distance: -1,
        clients,
        usable: false,
        explanation: `-1: ${ref} cannot be used for peer-to-peer DMA as it is not a PCI device (no PCI parent).`,
      };
    }
    const r = calcMapTypeAndDist(topo, provider.id, pci.id, opts);
    clients.push({ ref, pci: pci.bdf, type: r.type, dist: r.dist });
    if (r.type === 'NOT_SUPPORTED') {
      return { distance: -1, clients, usable: false, explanation: `-1: ${r.explanation}` };
    }
    total += r.dist;
  }
  const usable = provider.p2pdmaInit;
  const parts = clients.map((c) => `${c.pci} ${c.type} ${c.dist}`).join(' + ');
  const note = usable
    ? ''
    : ` Note: ${provider.bdf} has no P2P state, so pci_p2pdma_map_type() would still refuse every mapping (pci_p2pdma_distance_many() does not check it).`;
  return { distance: total, clients, usable, explanation: `${total} = ${parts}.${note}` };
}

/** Forget memoised results of a topology (for long-running processes that mutate nothing but want fresh state). */
export function clearSimulationCache(topo: Topology): void {
  MEMO.delete(topo);
}
