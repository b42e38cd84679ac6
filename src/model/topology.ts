// PCIe topology (kernel-model.md §C.2): input format, zod validation with property-path errors,
// and resolution into a linked graph with the derived upstream bridges, host bridges and ACS state.

import { yaml, zod } from './lazy-deps.js';

/** ACS capability/control bits (include/uapi/linux/pci_regs.h, PCI_ACS_*). */
export type AcsBit = 'SV' | 'TB' | 'RR' | 'CR' | 'UF' | 'EC' | 'DT';

/** Bit values of {@link AcsBit}, as in the ACS Control register. */
export const ACS_BIT_VALUES: Readonly<Record<AcsBit, number>> = {
  SV: 0x01,
  TB: 0x02,
  RR: 0x04,
  CR: 0x08,
  UF: 0x10,
  EC: 0x20,
  DT: 0x40,
};
const ACS_ORDER: readonly AcsBit[] = ['SV', 'TB', 'RR', 'CR', 'UF', 'EC', 'DT'];

/** The bits pci_bridge_has_acs_redir() tests (drivers/pci/p2pdma.c). */
export const ACS_REDIRECT_MASK = ACS_BIT_VALUES.RR | ACS_BIT_VALUES.CR | ACS_BIT_VALUES.EC;

/** The bits pci_std_enable_acs() turns on when an IOMMU driver called pci_request_acs() (drivers/pci/pci.c). */
export const ACS_IOMMU_ENABLE_MASK = ACS_BIT_VALUES.SV | ACS_BIT_VALUES.RR | ACS_BIT_VALUES.CR | ACS_BIT_VALUES.UF;

/** PCI function roles. `platform` is a non-PCI struct device (its parent chain may reach a PCI device). */
export type DeviceKind =
  | 'host_bridge'
  | 'root_port'
  | 'switch_up'
  | 'switch_down'
  | 'bridge'
  | 'endpoint'
  | 'rciep'
  | 'vf'
  | 'platform';

const DEVICE_KINDS: readonly DeviceKind[] = [
  'host_bridge',
  'root_port',
  'switch_up',
  'switch_down',
  'bridge',
  'endpoint',
  'rciep',
  'vf',
  'platform',
];
/** Kinds that forward TLPs to a secondary bus, i.e. may be another device's upstream bridge. */
const BRIDGE_KINDS: ReadonlySet<DeviceKind> = new Set(['root_port', 'switch_up', 'switch_down', 'bridge']);

/** How a device maps DMA: dma-direct, dma-iommu, or custom dma_map_ops (no P2PDMA). */
export type DmaOps = 'direct' | 'iommu' | 'custom';

/** CPU architectures the model distinguishes (cpu_supports_p2pdma() is x86-only). */
export type Arch = 'x86_64' | 'x86' | 'arm64' | 'arm' | 'ppc64' | 'ppc64le' | 'riscv64' | 's390x' | 'loongarch64' | 'other';
const ARCHES: readonly Arch[] = ['x86_64', 'x86', 'arm64', 'arm', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'loongarch64', 'other'];

export type CpuVendor = 'intel' | 'amd' | 'arm' | 'ampere' | 'ibm' | 'nvidia' | 'google' | 'apple' | 'other';
const CPU_VENDORS: readonly CpuVendor[] = ['intel', 'amd', 'arm', 'ampere', 'ibm', 'nvidia', 'google', 'apple', 'other'];

// ───────────────────────────── input format ─────────────────────────────

/** A hex ID: a number, or a string of up to four hex digits ("8086", "0x8086"). */
export type HexId = number | string;
/** An address or size: a safe integer, or a decimal / 0x-hex string (for values beyond 2^53). */
export type AddrInput = number | string;

export interface BarInput {
  index: number;
  /** A memory BAR (default true); pci_p2pdma_add_resource rejects I/O BARs. */
  mem?: boolean;
  cpuStart: AddrInput;
  size: AddrInput;
  /** PCI bus address of the BAR; defaults to cpuStart (bus offset 0). */
  pciBusAddr?: AddrInput;
}

export interface DeviceInput {
  id: string;
  bdf?: string;
  kind: DeviceKind;
  /** Host bridge id; derived from the upstream chain, or the only host bridge, when omitted. */
  hb?: string;
  /** pci_upstream_bridge() result: a device id, or null when on the host bridge's root bus. */
  upstream?: string | null;
  /** For VFs: the physical function's id (upstream is then derived from it). */
  physfn?: string;
  /** For non-PCI (platform) devices: the parent struct device's id. */
  parent?: string | null;
  name?: string;
  vendor?: HexId;
  device?: HexId;
  /** ACS capability bits; absent = no ACS capability. */
  acsCap?: AcsBit[];
  /** Observed ACS control bits (e.g. lspci ACSCtl): used as-is instead of being derived. */
  acsCtrl?: AcsBit[];
  /** ACS control bits as firmware left them (before the kernel's changes); default none. */
  acsFwCtrl?: AcsBit[];
  /** External-facing or untrusted port: pci_std_enable_acs also sets TB. */
  untrusted?: boolean;
  dmaOps?: DmaOps;
  /** The provider called pci_p2pdma_add_resource / pcim_p2pdma_init (has P2P state). */
  p2pdmaInit?: boolean;
  bars?: BarInput[];
}

export interface HostBridgeInput {
  id: string;
  domain: number;
  /** Root bus number (default 0). */
  bus?: number;
  name?: string;
  /** The first device on the root bus: a device id, or a description when it is not listed in devices. */
  firstRootBusDevice?: string | { devfn: string; kind?: DeviceKind; vendor: HexId; device: HexId };
}

export interface TopologyInput {
  name?: string;
  description?: string;
  cpu?: { vendor?: CpuVendor; family?: number | string; arch?: Arch };
  iommu?: { enabled: boolean; requestAcs?: boolean };
  kernelParams?: { disableAcsRedir?: string[]; configAcs?: string[] };
  hostBridges: HostBridgeInput[];
  devices: DeviceInput[];
  /** Explicit ACS control bits per device id or BDF, replacing whatever was derived. */
  acsCtrlOverride?: Record<string, AcsBit[]>;
}

// ───────────────────────────── resolved graph ─────────────────────────────

export interface Bar {
  index: number;
  mem: boolean;
  cpuStart: bigint;
  size: bigint;
  pciBusAddr: bigint;
  /** pci_bus_address(bar) - pci_resource_start(bar). */
  busOffset: bigint;
}

/** Where a device's ACS control value came from. */
export type AcsSource = 'none' | 'firmware' | 'iommu' | 'kernel-param' | 'observed' | 'override';

export interface AcsState {
  /** The device has an ACS extended capability (pdev->acs_cap). */
  hasCap: boolean;
  cap: number;
  ctrl: number;
  source: AcsSource;
}

export interface HostBridge {
  id: string;
  domain: number;
  bus: number;
  name?: string;
  /** The first device on the root bus, as pci_host_bridge_dev() sees it. */
  firstDevice: { bdf?: string; id?: string; devfn: number; kind?: DeviceKind; vendor?: number; device?: number } | null;
}

export interface PciDevice {
  pci: true;
  id: string;
  bdf: string;
  domain: number;
  bus: number;
  devfn: number;
  kind: DeviceKind;
  name?: string;
  vendor?: number;
  device?: number;
  hostBridge: HostBridge;
  /** pci_upstream_bridge(): for VFs the physfn's upstream bridge; null on a root bus. */
  upstream: PciDevice | null;
  physfn: PciDevice | null;
  acs: AcsState;
  dmaOps?: DmaOps;
  p2pdmaInit: boolean;
  bars: Bar[];
}

export interface NonPciDevice {
  pci: false;
  id: string;
  kind: 'platform';
  name?: string;
  parent: Device | null;
}

export type Device = PciDevice | NonPciDevice;

export interface Topology {
  name?: string;
  description?: string;
  cpu: { vendor: CpuVendor; family?: number; arch: Arch };
  iommu: { enabled: boolean; requestAcs: boolean };
  hostBridges: readonly HostBridge[];
  devices: readonly Device[];
  /** The validated input, for re-serialisation (YAML/JSON). */
  input: TopologyInput;
  /** Where the topology came from (file path, "lspci", "inline"). */
  origin: string;
}

/** One problem in a topology, by property path ("devices[3].upstream"). */
export interface TopologyIssue {
  path: string;
  message: string;
}

/** A topology that does not validate: every issue names a property path. */
export class TopologyError extends Error {
  readonly issues: readonly TopologyIssue[];
  constructor(origin: string, issues: TopologyIssue[]) {
    super(`invalid topology ${origin}:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'TopologyError';
    this.issues = issues;
  }
}

// ───────────────────────────── parsing helpers ─────────────────────────────

const BDF_RE = /^(?:([0-9a-fA-F]{4,8}):)?([0-9a-fA-F]{2}):([0-1][0-9a-fA-F])\.([0-7])$/;
const DEVFN_RE = /^([0-1]?[0-9a-fA-F])\.([0-7])$/;

/** Parse "0000:03:00.1" or "03:00.1" (domain defaulting to `domain`). */
export function parseBdf(s: string, domain = 0): { domain: number; bus: number; devfn: number; text: string } | undefined {
  const m = BDF_RE.exec(s.trim());
  if (!m) return undefined;
  const d = m[1] !== undefined ? parseInt(m[1], 16) : domain;
  const bus = parseInt(m[2]!, 16);
  const dev = parseInt(m[3]!, 16);
  const fn = parseInt(m[4]!, 10);
  if (dev > 0x1f) return undefined;
  return { domain: d, bus, devfn: (dev << 3) | fn, text: formatBdf(d, bus, (dev << 3) | fn) };
}

/** "0000:03:00.1" from numbers. */
export function formatBdf(domain: number, bus: number, devfn: number): string {
  const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${h(domain, 4)}:${h(bus, 2)}:${h(devfn >> 3, 2)}.${devfn & 7}`;
}

function parseDevfn(s: string): number | undefined {
  const m = DEVFN_RE.exec(s.trim());
  if (!m) return undefined;
  const dev = parseInt(m[1]!, 16);
  return dev > 0x1f ? undefined : (dev << 3) | parseInt(m[2]!, 10);
}

function hexId(v: HexId | undefined): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : parseInt(v.replace(/^0x/i, ''), 16);
}

function addr(v: AddrInput): bigint {
  return typeof v === 'number' ? BigInt(v) : BigInt(v);
}

/** Bits → names, in register order. */
export function acsBitNames(bits: number): AcsBit[] {
  return ACS_ORDER.filter((b) => (bits & ACS_BIT_VALUES[b]) !== 0);
}

function acsBits(list: readonly AcsBit[] | undefined): number {
  return (list ?? []).reduce((acc, b) => acc | ACS_BIT_VALUES[b], 0);
}

/** "0x8086" style 4-digit hex. */
export function hex4(n: number | undefined): string {
  return n === undefined ? '????' : n.toString(16).padStart(4, '0');
}

// ───────────────────────────── schema ─────────────────────────────

type ZodSchema = { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };
let schemaCache: ZodSchema | undefined;

function topologySchema(): ZodSchema {
  if (schemaCache) return schemaCache;
  const z = zod();
  const hexIdS = z.union([
    z.number().int().min(0).max(0xffff),
    z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'expected up to four hex digits, e.g. "8086"'),
  ]);
  const addrS = z.union([
    z.number().int().nonnegative().refine(Number.isSafeInteger, 'number too large: quote it as a hex string'),
    z.string().regex(/^(0x[0-9a-fA-F]+|\d+)$/, 'expected a decimal or 0x-hex number'),
  ]);
  const acsBit = z.enum(['SV', 'TB', 'RR', 'CR', 'UF', 'EC', 'DT']);
  const kind = z.enum(DEVICE_KINDS as [DeviceKind, ...DeviceKind[]]);
  const bar = z
    .object({
      index: z.number().int().min(0).max(5),
      mem: z.boolean().optional(),
      cpuStart: addrS,
      size: addrS,
      pciBusAddr: addrS.optional(),
    })
    .strict();
  const device = z
    .object({
      id: z.string().min(1),
      bdf: z.string().regex(BDF_RE, 'expected a PCI address such as 0000:03:00.0').optional(),
      kind,
      hb: z.string().min(1).optional(),
      upstream: z.string().min(1).nullable().optional(),
      physfn: z.string().min(1).optional(),
      parent: z.string().min(1).nullable().optional(),
      name: z.string().optional(),
      vendor: hexIdS.optional(),
      device: hexIdS.optional(),
      acsCap: z.array(acsBit).optional(),
      acsCtrl: z.array(acsBit).optional(),
      acsFwCtrl: z.array(acsBit).optional(),
      untrusted: z.boolean().optional(),
      dmaOps: z.enum(['direct', 'iommu', 'custom']).optional(),
      p2pdmaInit: z.boolean().optional(),
      bars: z.array(bar).optional(),
    })
    .strict();
  const hostBridge = z
    .object({
      id: z.string().min(1),
      domain: z.number().int().min(0).max(0xffffffff),
      bus: z.number().int().min(0).max(255).optional(),
      name: z.string().optional(),
      firstRootBusDevice: z
        .union([
          z.string().min(1),
          z
            .object({
              devfn: z.string().regex(DEVFN_RE, 'expected DEV.FN such as "00.0"'),
              kind: kind.optional(),
              vendor: hexIdS,
              device: hexIdS,
            })
            .strict(),
        ])
        .optional(),
    })
    .strict();
  schemaCache = z
    .object({
      name: z.string().optional(),
      description: z.string().optional(),
      cpu: z
        .object({
          vendor: z.enum(CPU_VENDORS as [CpuVendor, ...CpuVendor[]]).optional(),
          family: z.union([z.number().int().nonnegative(), z.string().regex(/^(0x[0-9a-fA-F]+|\d+)$/)]).optional(),
          arch: z.enum(ARCHES as [Arch, ...Arch[]]).optional(),
        })
        .strict()
        .optional(),
      iommu: z.object({ enabled: z.boolean(), requestAcs: z.boolean().optional() }).strict().optional(),
      kernelParams: z
        .object({
          disableAcsRedir: z.array(z.string().min(1)).optional(),
          configAcs: z.array(z.string().min(1)).optional(),
        })
        .strict()
        .optional(),
      hostBridges: z.array(hostBridge).min(1, 'at least one host bridge is required'),
      devices: z.array(device),
      acsCtrlOverride: z.record(z.string(), z.array(acsBit)).optional(),
    })
    .strict() as unknown as ZodSchema;
  return schemaCache;
}

/** "devices[3].bdf" from a zod path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

// ───────────────────────────── loading ─────────────────────────────

/** Parse YAML/JSON text into a plain value; YAML errors become TopologyErrors naming the line. */
export function parseYamlText(text: string, origin: string): unknown {
  const Y = yaml();
  const doc = Y.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new TopologyError(
      origin,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}` : '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * Validate and resolve a topology given as an object, or as YAML/JSON text.
 * Throws {@link TopologyError} listing every problem by property path.
 */
export function loadTopology(objOrYamlText: unknown, origin = 'inline'): Topology {
  const raw = typeof objOrYamlText === 'string' ? parseYamlText(objOrYamlText, origin) : objOrYamlText;
  return resolveTopology(validateTopologyInput(raw, origin), origin);
}

/**
 * Checks a plain value against the topology schema (zod) and returns the schema's output: the input
 * {@link resolveTopology} expects. Throws {@link TopologyError} listing every problem by property path.
 */
export function validateTopologyInput(raw: unknown, origin: string): TopologyInput {
  const parsed = topologySchema().safeParse(raw);
  if (!parsed.success) {
    throw new TopologyError(
      origin,
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return parsed.data as TopologyInput;
}

/**
 * Builds the device graph from an input that already passed {@link validateTopologyInput} (the bundled
 * profiles are validated when they are precompiled, so loading them needs neither zod nor yaml). The
 * graph's own checks (unknown upstream devices, duplicate ids, ...) still run; they throw {@link TopologyError}.
 */
export function resolveTopology(input: TopologyInput, origin: string): Topology {
  const issues: TopologyIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  // Host bridges.
  const hbs = new Map<string, HostBridge>();
  input.hostBridges.forEach((h, i) => {
    if (hbs.has(h.id)) issue(`hostBridges[${i}].id`, `duplicate host bridge id "${h.id}"`);
    hbs.set(h.id, { id: h.id, domain: h.domain, bus: h.bus ?? 0, ...(h.name ? { name: h.name } : {}), firstDevice: null });
  });

  // First pass: create device records.
  const byId = new Map<string, Device>();
  const byBdf = new Map<string, PciDevice>();
  const inputIndex = new Map<string, number>();
  const explicitDomain = new Set<string>();
  input.devices.forEach((d, i) => {
    const path = `devices[${i}]`;
    if (byId.has(d.id)) {
      issue(`${path}.id`, `duplicate device id "${d.id}"`);
      return;
    }
    inputIndex.set(d.id, i);
    if (d.kind === 'platform') {
      for (const k of ['bdf', 'upstream', 'physfn', 'hb', 'acsCap', 'acsCtrl', 'bars'] as const) {
        if (d[k] !== undefined) issue(`${path}.${k}`, `a platform (non-PCI) device has no ${k}; give its parent instead`);
      }
      const dev: NonPciDevice = { pci: false, id: d.id, kind: 'platform', parent: null };
      if (d.name) dev.name = d.name;
      byId.set(d.id, dev);
      return;
    }
    if (d.parent !== undefined) issue(`${path}.parent`, 'only platform devices have a parent; PCI devices have upstream');
    if (!d.bdf) {
      issue(`${path}.bdf`, 'a PCI device needs a bdf such as 0000:03:00.0');
      return;
    }
    const b = parseBdf(d.bdf);
    if (!b) {
      issue(`${path}.bdf`, `"${d.bdf}" is not a valid PCI address`);
      return;
    }
    if (byBdf.has(b.text)) issue(`${path}.bdf`, `duplicate PCI address ${b.text}`);
    if (/^[0-9a-fA-F]{4,8}:/.test(d.bdf.trim()) && d.bdf.trim().split(':').length === 3) explicitDomain.add(d.id);
    const bars: Bar[] = (d.bars ?? []).map((bar) => {
      const cpuStart = addr(bar.cpuStart);
      const pciBusAddr = bar.pciBusAddr !== undefined ? addr(bar.pciBusAddr) : cpuStart;
      return { index: bar.index, mem: bar.mem ?? true, cpuStart, size: addr(bar.size), pciBusAddr, busOffset: pciBusAddr - cpuStart };
    });
    const dev: PciDevice = {
      pci: true,
      id: d.id,
      bdf: b.text,
      domain: b.domain,
      bus: b.bus,
      devfn: b.devfn,
      kind: d.kind,
      hostBridge: undefined as unknown as HostBridge, // assigned below
      upstream: null,
      physfn: null,
      acs: { hasCap: false, cap: 0, ctrl: 0, source: 'none' },
      p2pdmaInit: d.p2pdmaInit ?? false,
      bars,
    };
    if (d.name) dev.name = d.name;
    const vendor = hexId(d.vendor);
    const device = hexId(d.device);
    if (vendor !== undefined) dev.vendor = vendor;
    if (device !== undefined) dev.device = device;
    if (d.dmaOps) dev.dmaOps = d.dmaOps;
    byId.set(d.id, dev);
    byBdf.set(b.text, dev);
  });

  const lookup = (ref: string): Device | undefined => {
    const direct = byId.get(ref);
    if (direct) return direct;
    const b = parseBdf(ref);
    return b ? byBdf.get(b.text) : undefined;
  };

  // Second pass: links (physfn, upstream, parent).
  input.devices.forEach((d, i) => {
    const path = `devices[${i}]`;
    const dev = byId.get(d.id);
    if (!dev || inputIndex.get(d.id) !== i) return;
    if (!dev.pci) {
      if (d.parent) {
        const parent = lookup(d.parent);
        if (!parent) issue(`${path}.parent`, `unknown device "${d.parent}"`);
        else dev.parent = parent;
      }
      return;
    }
    if (d.kind === 'vf') {
      if (!d.physfn) {
        issue(`${path}.physfn`, 'a VF needs physfn (the id of its physical function)');
        return;
      }
      const pf = lookup(d.physfn);
      if (!pf || !pf.pci) issue(`${path}.physfn`, `unknown PCI device "${d.physfn}"`);
      else if (pf.kind === 'vf') issue(`${path}.physfn`, `"${d.physfn}" is itself a VF`);
      else dev.physfn = pf;
      if (d.upstream !== undefined) issue(`${path}.upstream`, 'a VF has no upstream of its own: it is derived from its physfn (pci_upstream_bridge uses pci_physfn)');
      return;
    }
    if (d.physfn !== undefined) issue(`${path}.physfn`, 'only VFs (kind: vf) have a physfn');
    if (d.upstream === undefined) {
      issue(`${path}.upstream`, 'upstream is required: the id of the upstream bridge, or null for a device on the root bus');
      return;
    }
    if (d.upstream === null) return;
    const up = lookup(d.upstream);
    if (!up || !up.pci) issue(`${path}.upstream`, `unknown PCI device "${d.upstream}"`);
    else if (!BRIDGE_KINDS.has(up.kind)) issue(`${path}.upstream`, `"${d.upstream}" is a ${up.kind}, not a bridge`);
    else dev.upstream = up;
  });
  // VFs inherit the upstream bridge of their PF.
  for (const dev of byId.values()) if (dev.pci && dev.kind === 'vf' && dev.physfn) dev.upstream = dev.physfn.upstream;

  // Cycles.
  for (const dev of byId.values()) {
    const seen = new Set<Device>();
    for (let cur: Device | null = dev; cur; cur = cur.pci ? cur.upstream : cur.parent) {
      if (seen.has(cur)) {
        issue(`devices[${inputIndex.get(dev.id)}]`, `"${dev.id}" is part of an upstream/parent cycle`);
        if (dev.pci) dev.upstream = null;
        else dev.parent = null;
        break;
      }
      seen.add(cur);
    }
  }

  // Host bridge of each PCI device: the root of its upstream chain decides.
  const onlyHb = hbs.size === 1 ? [...hbs.values()][0] : undefined;
  for (const dev of byId.values()) {
    if (!dev.pci) continue;
    const path = `devices[${inputIndex.get(dev.id)}]`;
    let root: PciDevice = dev.physfn && !dev.upstream ? dev.physfn : dev;
    while (root.upstream) root = root.upstream;
    const rootIn = input.devices[inputIndex.get(root.id)!]!;
    const hbId = rootIn.hb ?? onlyHb?.id;
    const hb = hbId ? hbs.get(hbId) : undefined;
    if (!hb) {
      issue(`devices[${inputIndex.get(root.id)}].hb`, hbId ? `unknown host bridge "${hbId}"` : 'hb is required when there are several host bridges');
      dev.hostBridge = [...hbs.values()][0]!;
      continue;
    }
    const own = input.devices[inputIndex.get(dev.id)!]!.hb;
    if (own && own !== hb.id) issue(`${path}.hb`, `"${own}" contradicts the upstream chain, which reaches host bridge "${hb.id}"`);
    if (explicitDomain.has(dev.id)) {
      if (dev.domain !== hb.domain) {
        issue(`${path}.bdf`, `domain ${hex4(dev.domain)} does not match host bridge "${hb.id}" (domain ${hex4(hb.domain)})`);
      }
    } else if (dev.domain !== hb.domain) {
      // A short BDF ("03:00.0") takes the domain of its host bridge.
      byBdf.delete(dev.bdf);
      dev.domain = hb.domain;
      dev.bdf = formatBdf(dev.domain, dev.bus, dev.devfn);
      if (byBdf.has(dev.bdf)) issue(`${path}.bdf`, `duplicate PCI address ${dev.bdf}`);
      byBdf.set(dev.bdf, dev);
    }
    dev.hostBridge = hb;
  }

  // First device on each root bus (pci_host_bridge_dev): explicit, or the lowest devfn on the root bus.
  input.hostBridges.forEach((h, i) => {
    const hb = hbs.get(h.id)!;
    const f = h.firstRootBusDevice;
    if (typeof f === 'string') {
      const d = lookup(f);
      if (!d || !d.pci) issue(`hostBridges[${i}].firstRootBusDevice`, `unknown PCI device "${f}"`);
      else hb.firstDevice = firstDeviceInfo(d);
    } else if (f) {
      const devfn = parseDevfn(f.devfn)!;
      hb.firstDevice = {
        bdf: formatBdf(hb.domain, hb.bus, devfn),
        devfn,
        vendor: hexId(f.vendor)!,
        device: hexId(f.device)!,
        ...(f.kind ? { kind: f.kind } : {}),
      };
    } else {
      const rootBus = [...byId.values()].filter(
        (d): d is PciDevice => d.pci && d.hostBridge === hb && d.upstream === null && d.kind !== 'vf',
      );
      rootBus.sort((a, b) => a.devfn - b.devfn);
      hb.firstDevice = rootBus[0] ? firstDeviceInfo(rootBus[0]) : null;
    }
  });

  // ACS control state.
  const requestAcs = input.iommu?.requestAcs ?? input.iommu?.enabled ?? false;
  input.devices.forEach((d, i) => {
    const dev = byId.get(d.id);
    if (!dev || !dev.pci || inputIndex.get(d.id) !== i) return;
    const path = `devices[${i}]`;
    const hasCap = d.acsCap !== undefined || d.acsCtrl !== undefined;
    const cap = acsBits(d.acsCap);
    if (d.acsCtrl !== undefined) {
      dev.acs = { hasCap: true, cap, ctrl: acsBits(d.acsCtrl), source: 'observed' };
      return;
    }
    if (d.acsFwCtrl !== undefined && d.acsCap === undefined) issue(`${path}.acsFwCtrl`, 'acsFwCtrl needs acsCap (the device has no ACS capability)');
    const fw = acsBits(d.acsFwCtrl);
    let ctrl = fw;
    let source: AcsSource = hasCap ? 'firmware' : 'none';
    if (hasCap && requestAcs) {
      // pci_std_enable_acs(): SV, RR, CR, UF where the capability has them; TB on untrusted ports.
      let add = cap & ACS_IOMMU_ENABLE_MASK;
      if (d.untrusted) add |= cap & ACS_BIT_VALUES.TB;
      ctrl |= add;
      if (add & ACS_REDIRECT_MASK) source = 'iommu';
    }
    dev.acs = { hasCap, cap, ctrl, source };
  });

  // Kernel parameters: pci=disable_acs_redir= and pci=config_acs= (drivers/pci/pci.c, __pci_config_acs).
  const fwOf = (dev: PciDevice) => acsBits(input.devices[inputIndex.get(dev.id)!]!.acsFwCtrl);
  (input.kernelParams?.disableAcsRedir ?? []).forEach((ref, i) => {
    const dev = lookup(ref);
    if (!dev || !dev.pci) {
      issue(`kernelParams.disableAcsRedir[${i}]`, `unknown PCI device "${ref}"`);
      return;
    }
    if (!dev.acs.hasCap || dev.acs.source === 'observed') return;
    // mask = RR|CR|EC, flags = 0: ctrl = (fw_ctrl & ~mask) | (flags & mask).
    dev.acs = { ...dev.acs, ctrl: fwOf(dev) & ~ACS_REDIRECT_MASK, source: 'kernel-param' };
  });
  (input.kernelParams?.configAcs ?? []).forEach((spec, i) => {
    const parsed = parseConfigAcs(spec);
    if ('error' in parsed) {
      issue(`kernelParams.configAcs[${i}]`, parsed.error);
      return;
    }
    const dev = lookup(parsed.device);
    if (!dev || !dev.pci) {
      issue(`kernelParams.configAcs[${i}]`, `unknown PCI device "${parsed.device}"`);
      return;
    }
    if (!dev.acs.hasCap || dev.acs.source === 'observed') return;
    // Bits outside the mask come from the firmware value, not from what pci_std_enable_acs set
    // (the ≥6.12 behaviour of __pci_config_acs), so config_acs can drop IOMMU-requested redirects.
    dev.acs = { ...dev.acs, ctrl: (fwOf(dev) & ~parsed.mask) | (parsed.flags & parsed.mask), source: 'kernel-param' };
  });

  // Explicit overrides.
  for (const [ref, bits] of Object.entries(input.acsCtrlOverride ?? {})) {
    const dev = lookup(ref);
    if (!dev || !dev.pci) {
      issue(`acsCtrlOverride.${ref}`, `unknown PCI device "${ref}"`);
      continue;
    }
    // An override states observed control bits, so the device necessarily has an ACS capability.
    dev.acs = { hasCap: true, cap: dev.acs.cap | acsBits(bits), ctrl: acsBits(bits), source: 'override' };
  }

  if (issues.length > 0) throw new TopologyError(origin, issues);

  const cpu = input.cpu ?? {};
  const vendor = cpu.vendor ?? 'other';
  const family = cpu.family === undefined ? undefined : typeof cpu.family === 'number' ? cpu.family : Number(cpu.family);
  const arch: Arch = cpu.arch ?? (vendor === 'intel' || vendor === 'amd' ? 'x86_64' : 'other');
  const topo: Topology = {
    cpu: { vendor, arch, ...(family !== undefined ? { family } : {}) },
    iommu: { enabled: input.iommu?.enabled ?? false, requestAcs },
    hostBridges: [...hbs.values()],
    devices: [...byId.values()],
    input,
    origin,
  };
  if (input.name) topo.name = input.name;
  if (input.description) topo.description = input.description;
  INDEXES.set(topo, { byId, byBdf });
  return topo;
}

function firstDeviceInfo(d: PciDevice): NonNullable<HostBridge['firstDevice']> {
  const out: NonNullable<HostBridge['firstDevice']> = { bdf: d.bdf, id: d.id, devfn: d.devfn, kind: d.kind };
  if (d.vendor !== undefined) out.vendor = d.vendor;
  if (d.device !== undefined) out.device = d.device;
  return out;
}

/** Parse one pci=config_acs= entry, "<flags>@<device>", flags rightmost = SV (bit 0), chars 0/1/x. */
export function parseConfigAcs(spec: string): { mask: number; flags: number; device: string } | { error: string } {
  const at = spec.indexOf('@');
  if (at <= 0) return { error: `"${spec}": expected <flags>@<device>, e.g. 101x0@0000:02:00.0 (flags missing)` };
  const f = spec.slice(0, at);
  const device = spec.slice(at + 1).trim();
  if (!device) return { error: `"${spec}": no device after "@"` };
  let mask = 0;
  let flags = 0;
  for (let i = f.length - 1, shift = 0; i >= 0; i--, shift++) {
    const c = f[i];
    if (c === '0') mask |= 1 << shift;
    else if (c === '1') {
      mask |= 1 << shift;
      flags |= 1 << shift;
    } else if (c !== 'x' && c !== 'X') return { error: `"${spec}": invalid ACS flag character "${c}" (use 0, 1 or x)` };
  }
  if (mask & ~0x7f) return { error: `"${spec}": flags name bits beyond DT (bit 6)` };
  return { mask, flags, device };
}

// ───────────────────────────── queries ─────────────────────────────

const INDEXES = new WeakMap<Topology, { byId: Map<string, Device>; byBdf: Map<string, PciDevice> }>();

/**
 * A device by id, full BDF ("0000:03:00.0") or short BDF ("03:00.0", domain 0).
 * Throws an Error naming the reference and listing known ids when it does not exist.
 */
export function findDevice(topo: Topology, ref: string): Device {
  const d = tryFindDevice(topo, ref);
  if (d) return d;
  const ids = topo.devices.map((x) => (x.pci ? `${x.id} (${x.bdf})` : x.id));
  const shown = ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, …` : ids.join(', ');
  throw new Error(`unknown device "${ref}" in topology ${topo.name ?? topo.origin}; known devices: ${shown}`);
}

/** Like {@link findDevice}, but undefined when absent. */
export function tryFindDevice(topo: Topology, ref: string): Device | undefined {
  const idx = INDEXES.get(topo);
  if (!idx) return undefined;
  const direct = idx.byId.get(ref);
  if (direct) return direct;
  const b = parseBdf(ref);
  return b ? idx.byBdf.get(b.text) : undefined;
}

/** pci_bridge_has_acs_redir(): the device has an ACS capability and RR, CR or EC enabled. */
export function hasAcsRedir(dev: PciDevice): boolean {
  return dev.acs.hasCap && (dev.acs.ctrl & ACS_REDIRECT_MASK) !== 0;
}

/** The upstream chain of a PCI device, starting with itself (for VFs the PF's bridges follow). */
export function upstreamChain(dev: PciDevice): PciDevice[] {
  const out: PciDevice[] = [];
  for (let cur: PciDevice | null = dev; cur; cur = cur.upstream) out.push(cur);
  return out;
}

/** A short human label: "switch 0000:01:00.0", "root port 0000:00:01.0". */
export function describeDevice(dev: Device): string {
  if (!dev.pci) return `platform device ${dev.id}`;
  const label: Record<DeviceKind, string> = {
    host_bridge: 'host bridge function',
    root_port: 'root port',
    switch_up: 'switch',
    switch_down: 'switch port',
    bridge: 'bridge',
    endpoint: 'device',
    rciep: 'root-complex integrated endpoint',
    vf: 'VF',
    platform: 'platform device',
  };
  return `${label[dev.kind]} ${dev.bdf}`;
}

/** Serialise a topology back to YAML (the import format). */
export function topologyToYaml(topo: Topology | TopologyInput): string {
  const input = 'input' in topo ? topo.input : topo;
  const Y = yaml();
  // YAML 1.1 rules for quoting, so "0000:17:00.0" (a base-60 number to 1.1 parsers) and "8747"
  // stay strings for every YAML reader; short scalar lists (ACS bits) print inline.
  const doc = new Y.Document(input, { version: '1.1' });
  Y.visit(doc, {
    Seq(_key, node) {
      if (node.items.every((i) => Y.isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
