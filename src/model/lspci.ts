// Import a real machine: `lspci -tv` (tree, optionally -nn) and `lspci -vvvnn` (IDs, PCIe port
// types, ACS capability/control, SR-IOV, BARs) into the topology format. Malformed input is
// rejected with the line number and text.

import {
  formatBdf,
  loadTopology,
  parseBdf,
  type AcsBit,
  type BarInput,
  type CpuVendor,
  type Arch,
  type DeviceInput,
  type DeviceKind,
  type Topology,
  type TopologyInput,
} from './topology.js';

/** lspci input that cannot be parsed: names the input, the 1-based line and its text. */
export class LspciParseError extends Error {
  constructor(
    readonly input: 'tree' | 'vvv',
    readonly line: number,
    readonly text: string,
    reason: string,
  ) {
    super(`lspci ${input === 'tree' ? '-tv' : '-vvv'} output, line ${line}: ${reason}: "${text.trim()}"`);
    this.name = 'LspciParseError';
  }
}

/** Overrides for facts lspci cannot show. */
export interface ImportOptions {
  name?: string;
  cpu?: { vendor?: CpuVendor; family?: number; arch?: Arch };
  /** IOMMU state; default: inferred from ACS control bits when -vvv is given, else off. */
  iommu?: boolean;
  /** BDFs (or ids) of devices that register P2P memory (p2pdmaInit). */
  providers?: string[];
}

/** The imported topology (resolved), and what the importer had to guess. */
export interface ImportResult {
  topology: Topology;
  warnings: string[];
}

// ───────────────────────────── tree (-tv) ─────────────────────────────

interface TreeNode {
  domain: number;
  bus: number;
  devfn: number;
  bdf: string;
  name?: string;
  vendor?: number;
  device?: number;
  secondary?: number;
  children: TreeNode[];
  parent: TreeNode | null;
  line: number;
}

interface RootBus {
  domain: number;
  bus: number;
  devices: TreeNode[];
}

type Ctx = { kind: 'roots' } | { kind: 'bus'; domain: number; bus: number; owner: TreeNode | null; root: RootBus };

const DEV_RE = /^([0-9a-fA-F]{2})\.([0-7])/;
const RANGE_RE = /^-\[([0-9a-fA-F]{2})(?:-([0-9a-fA-F]{2}))?\]/;
const ROOT_RE = /^\[(?:([0-9a-fA-F]{4,8}):)?([0-9a-fA-F]{2})\]/;
const IDS_RE = /\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\]/g;

function lastIds(text: string): { vendor: number; device: number; index: number } | undefined {
  let m: RegExpExecArray | null;
  let last: { vendor: number; device: number; index: number } | undefined;
  IDS_RE.lastIndex = 0;
  while ((m = IDS_RE.exec(text))) last = { vendor: parseInt(m[1]!, 16), device: parseInt(m[2]!, 16), index: m.index };
  return last;
}

/** Parse `lspci -tv` / `lspci -tvnn` output into root buses with their device trees. */
export function parseLspciTree(text: string): RootBus[] {
  const roots: RootBus[] = [];
  // Column of a '+'/'\' fork → the bus whose children hang there.
  const forks = new Map<number, Ctx>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let sawContent = false;

  lines.forEach((line, idx) => {
    const lineNo = idx + 1;
    const fail = (reason: string): never => {
      throw new LspciParseError('tree', lineNo, line, reason);
    };
    if (!line.trim()) return;
    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '|')) i++;
    let ctx: Ctx;
    if (!sawContent) {
      sawContent = true;
      if (line.startsWith('-+-[', i)) {
        // Several root buses: a fork at column i+1 lists them.
        forks.set(i + 1, { kind: 'roots' });
        ctx = { kind: 'roots' };
        i += 3;
      } else if (line.startsWith('-[', i)) {
        ctx = { kind: 'roots' };
        i += 1;
      } else {
        fail('expected the tree to start with "-[DOMAIN:BUS]" or "-+-[" (is this `lspci -tv` output?)');
      }
    } else {
      const c = line[i];
      if ((c !== '+' && c !== '\\') || line[i + 1] !== '-') fail(`expected a "+-" or "\\-" branch at column ${i + 1}`);
      const parent = forks.get(i);
      if (!parent) fail(`branch at column ${i + 1} has no parent branch above it (misaligned or truncated tree)`);
      ctx = parent!;
      if (c === '\\') for (const col of [...forks.keys()]) if (col >= i) forks.delete(col);
      i += 2;
    }
    parseItem(line, i, ctx!, lineNo);
  });

  function parseItem(line: string, start: number, ctx: Ctx, lineNo: number): void {
    const fail = (reason: string): never => {
      throw new LspciParseError('tree', lineNo, line, reason);
    };
    const rest = line.slice(start);
    if (ctx.kind === 'roots') {
      const m = ROOT_RE.exec(rest);
      if (!m) fail(`expected a root bus "[DOMAIN:BUS]" at column ${start + 1}`);
      const root: RootBus = { domain: m![1] ? parseInt(m![1], 16) : 0, bus: parseInt(m![2]!, 16), devices: [] };
      if (roots.some((r) => r.domain === root.domain && r.bus === root.bus)) fail(`root bus ${formatBdf(root.domain, root.bus, 0).slice(0, 7)} listed twice`);
      roots.push(root);
      parseChildren(line, start + m![0].length, { kind: 'bus', domain: root.domain, bus: root.bus, owner: null, root }, lineNo);
      return;
    }
    const m = DEV_RE.exec(rest);
    if (!m) fail(`expected a device "DD.F" at column ${start + 1}`);
    const dev = parseInt(m![1]!, 16);
    if (dev > 0x1f) fail(`device number ${m![1]} is above 1f`);
    const devfn = (dev << 3) | parseInt(m![2]!, 10);
    const node: TreeNode = {
      domain: ctx.domain,
      bus: ctx.bus,
      devfn,
      bdf: formatBdf(ctx.domain, ctx.bus, devfn),
      children: [],
      parent: ctx.owner,
      line: lineNo,
    };
    if (ctx.owner) ctx.owner.children.push(node);
    else ctx.root.devices.push(node);
    let i = start + m![0].length;
    const range = RANGE_RE.exec(line.slice(i));
    if (range) {
      node.secondary = parseInt(range[1]!, 16);
      i += range[0].length;
      parseChildren(line, i, { kind: 'bus', domain: ctx.domain, bus: node.secondary, owner: node, root: ctx.root }, lineNo);
      return;
    }
    const tail = line.slice(i);
    if (tail.trim() === '') return;
    if (!/^\s{1,}\S/.test(tail)) fail(`unexpected text after device ${m![0]} at column ${i + 1}`);
    const name = tail.trim();
    const ids = lastIds(name);
    if (ids) {
      node.vendor = ids.vendor;
      node.device = ids.device;
    }
    node.name = ids ? name.slice(0, ids.index).trim() || name : name;
  }

  // After a root bus marker or a bridge's bus range: dashes, then a fork, a single child, or nothing.
  function parseChildren(line: string, start: number, ctx: Extract<Ctx, { kind: 'bus' }>, lineNo: number): void {
    let i = start;
    while (line[i] === '-') i++;
    if (i >= line.length || line.slice(i).trim() === '') return; // a bus with no devices
    const c = line[i];
    if (c === '+' || c === '\\') {
      if (line[i + 1] !== '-') throw new LspciParseError('tree', lineNo, line, `expected "-" after the branch at column ${i + 1}`);
      if (c === '+') forks.set(i, ctx);
      parseItem(line, i + 2, ctx, lineNo);
      return;
    }
    if (i === start) throw new LspciParseError('tree', lineNo, line, `expected "-" connectors at column ${i + 1}`);
    parseItem(line, i, ctx, lineNo);
  }

  if (!sawContent) throw new LspciParseError('tree', 1, lines[0] ?? '', 'empty input');
  return roots;
}

// ───────────────────────────── verbose (-vvvnn) ─────────────────────────────

/** What -vvv tells about one function. */
export interface VerboseDevice {
  bdf: string;
  line: number;
  className: string;
  classCode?: number;
  name: string;
  vendor?: number;
  device?: number;
  /** PCIe port type from the Express capability. */
  pcieType?: string;
  acsCap?: AcsBit[];
  acsCtrl?: AcsBit[];
  sriov?: { numVfs: number; offset: number; stride: number; vfDevice?: number };
  driver?: string;
  bars: BarInput[];
  virtualFunction: boolean;
}

const HEADER_RE = /^((?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7])\s+(.+?)(?:\s+\[([0-9a-fA-F]{4})\])?:\s+(.*)$/;
const ACS_NAMES: Readonly<Record<string, AcsBit>> = {
  SrcValid: 'SV',
  TransBlk: 'TB',
  ReqRedir: 'RR',
  CmpltRedir: 'CR',
  UpstreamFwd: 'UF',
  EgressCtrl: 'EC',
  DirectTrans: 'DT',
};

function parseAcsFlags(body: string, fail: (why: string) => never): AcsBit[] {
  const tokens = body.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) fail('no ACS flags');
  const out: AcsBit[] = [];
  for (const t of tokens) {
    const m = /^([A-Za-z]+)([+-])$/.exec(t);
    if (!m) fail(`ACS flag "${t}" is not NAME+ or NAME-`);
    const bit = ACS_NAMES[m![1]!];
    if (!bit) fail(`unknown ACS flag "${m![1]}"`);
    if (m![2] === '+') out.push(bit!);
  }
  return out;
}

function sizeOf(s: string): bigint {
  const m = /^(\d+)([KMGT]?)$/.exec(s);
  if (!m) return 0n;
  const mult = { '': 1n, K: 1n << 10n, M: 1n << 20n, G: 1n << 30n, T: 1n << 40n }[m[2] as '' | 'K' | 'M' | 'G' | 'T'];
  return BigInt(m[1]!) * mult;
}

/** Parse `lspci -vvvnn` (or -vvv, -vvvD) output into per-function facts. */
export function parseLspciVerbose(text: string): VerboseDevice[] {
  const out: VerboseDevice[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cur: VerboseDevice | undefined;
  let section: 'acs' | 'sriov' | 'other' = 'other';
  lines.forEach((line, idx) => {
    const lineNo = idx + 1;
    const fail = (reason: string): never => {
      throw new LspciParseError('vvv', lineNo, line, reason);
    };
    if (!line.trim()) {
      cur = undefined;
      return;
    }
    if (!/^\s/.test(line)) {
      const m = HEADER_RE.exec(line);
      if (!m) fail('expected a device header such as "0000:03:00.0 Non-Volatile memory controller [0108]: Vendor Device [144d:a824]"');
      const b = parseBdf(m![1]!);
      if (!b) fail(`"${m![1]}" is not a PCI address`);
      const ids = lastIds(m![4]!);
      const name = (ids ? m![4]!.slice(0, ids.index) : m![4]!.replace(/\s*\(rev [0-9a-f]+\).*$/, '')).trim();
      cur = {
        bdf: b!.text,
        line: lineNo,
        className: m![2]!,
        name,
        bars: [],
        virtualFunction: /virtual function/i.test(m![4]!),
      };
      if (m![3]) cur.classCode = parseInt(m![3], 16);
      if (ids) {
        cur.vendor = ids.vendor;
        cur.device = ids.device;
      }
      out.push(cur);
      section = 'other';
      return;
    }
    if (!cur) fail('indented line before any device header');
    const d = cur!;
    const t = line.trim();
    const depth = /^\t\t|^ {16}/.test(line) ? 2 : 1;
    if (depth === 1) {
      section = 'other';
      let m: RegExpExecArray | null;
      if ((m = /^Capabilities:\s*\[[0-9a-fA-F]+(?:\s+v\d+)?\]\s+(.*)$/.exec(t))) {
        const cap = m[1]!;
        const ex = /^Express \(v\d\) (.+?)(?:\s*\(|,|$)/.exec(cap) ?? /^Express (.+?)(?:\s*\(|,|$)/.exec(cap);
        if (ex) d.pcieType = ex[1]!.trim();
        else if (/^Access Control Services/.test(cap)) section = 'acs';
        else if (/Single Root I\/O Virtualization/.test(cap)) {
          section = 'sriov';
          d.sriov = { numVfs: 0, offset: 0, stride: 0 };
        }
      } else if ((m = /^Kernel driver in use:\s*(\S+)/.exec(t))) {
        d.driver = m[1]!;
      } else if ((m = /^Region (\d):\s+Memory at ([0-9a-fA-F]+)\s+\(([^)]*)\)(?:\s+\[[^\]]*\])*?\s*\[size=(\d+[KMGT]?)\]/.exec(t))) {
        if (!/\[(?:disabled|virtual)\]/.test(t)) {
          d.bars.push({ index: Number(m[1]), cpuStart: `0x${m[2]!.toLowerCase()}`, size: `0x${sizeOf(m[4]!).toString(16)}` });
        }
      }
      return;
    }
    if (section === 'acs') {
      const m = /^(ACSCap|ACSCtl):\s*(.*)$/.exec(t);
      if (m) {
        const bits = parseAcsFlags(m[2]!, fail);
        if (m[1] === 'ACSCap') d.acsCap = bits;
        else d.acsCtrl = bits;
      }
    } else if (section === 'sriov' && d.sriov) {
      let m: RegExpExecArray | null;
      if ((m = /Number of VFs:\s*(\d+)/.exec(t))) d.sriov.numVfs = Number(m[1]);
      if ((m = /VF offset:\s*(\d+),\s*stride:\s*(\d+)(?:,\s*Device ID:\s*([0-9a-fA-F]{4}))?/.exec(t))) {
        d.sriov.offset = Number(m[1]);
        d.sriov.stride = Number(m[2]);
        if (m[3]) d.sriov.vfDevice = parseInt(m[3], 16);
      }
    }
  });
  return out;
}

// ───────────────────────────── import ─────────────────────────────

const PCIE_KIND: Readonly<Record<string, DeviceKind>> = {
  'Root Port': 'root_port',
  'Upstream Port': 'switch_up',
  'Downstream Port': 'switch_down',
  Endpoint: 'endpoint',
  'Legacy Endpoint': 'endpoint',
  'Root Complex Integrated Endpoint': 'rciep',
  'Root Complex Event Collector': 'rciep',
  'PCI-Express to PCI/PCI-X Bridge': 'bridge',
  'PCI/PCI-X to PCI-Express Bridge': 'bridge',
};

const VENDOR_CPU: Readonly<Record<number, { vendor: CpuVendor; arch: Arch }>> = {
  0x8086: { vendor: 'intel', arch: 'x86_64' },
  0x1022: { vendor: 'amd', arch: 'x86_64' },
  0x1def: { vendor: 'ampere', arch: 'arm64' },
  0x1014: { vendor: 'ibm', arch: 'ppc64le' },
  0x10de: { vendor: 'nvidia', arch: 'arm64' },
  0x1ae0: { vendor: 'google', arch: 'arm64' },
};

/**
 * Import `lspci -tv` output (and optionally `lspci -vvvnn`) as a topology. Device ids are BDFs.
 * Throws {@link LspciParseError} naming the line for malformed input.
 */
export function importLspci(treeText: string, vvvText?: string, opts: ImportOptions = {}): ImportResult {
  const warnings: string[] = [];
  const roots = parseLspciTree(treeText);
  const verbose = vvvText !== undefined ? parseLspciVerbose(vvvText) : [];
  const vByBdf = new Map(verbose.map((v) => [v.bdf, v]));

  const nodes: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    nodes.push(n);
    n.children.forEach(walk);
  };
  roots.forEach((r) => r.devices.forEach(walk));
  const nodeByBdf = new Map(nodes.map((n) => [n.bdf, n]));
  for (const v of verbose) {
    if (!nodeByBdf.has(v.bdf)) warnings.push(`-vvv line ${v.line}: ${v.bdf} is not in the tree; ignored`);
  }

  // VFs: from SR-IOV routing IDs (PF RID + offset + n*stride), else from the "Virtual Function" name.
  const physfnOf = new Map<string, string>();
  for (const v of verbose) {
    if (!v.sriov || v.sriov.numVfs === 0 || (v.sriov.stride === 0 && v.sriov.numVfs > 1)) continue;
    const pf = parseBdf(v.bdf)!;
    const rid = (pf.bus << 8) | pf.devfn;
    for (let n = 0; n < v.sriov.numVfs; n++) {
      const vfRid = rid + v.sriov.offset + n * v.sriov.stride;
      physfnOf.set(formatBdf(pf.domain, vfRid >> 8, vfRid & 0xff), v.bdf);
    }
  }

  const hbId = (r: RootBus) => `pci${r.domain.toString(16).padStart(4, '0')}:${r.bus.toString(16).padStart(2, '0')}`;
  const rootOf = new Map<TreeNode, RootBus>();
  for (const r of roots) {
    const mark = (n: TreeNode) => {
      rootOf.set(n, r);
      n.children.forEach(mark);
    };
    r.devices.forEach(mark);
  }

  const kindOf = (n: TreeNode): DeviceKind => {
    const v = vByBdf.get(n.bdf);
    if (physfnOf.has(n.bdf) || v?.virtualFunction || (!v && /virtual function/i.test(n.name ?? ''))) return 'vf';
    if (v?.pcieType && PCIE_KIND[v.pcieType]) return PCIE_KIND[v.pcieType]!;
    if (v && (v.classCode === 0x0600 || /^Host bridge/i.test(v.className))) return 'host_bridge';
    if (n.secondary !== undefined) {
      if (!n.parent) return 'root_port';
      const parentKind = kindOf(n.parent);
      if (parentKind === 'switch_up') return 'switch_down';
      return n.children.some((c) => c.secondary !== undefined) ? 'switch_up' : 'bridge';
    }
    if (!n.parent) {
      return n.devfn === 0 && /host bridge|root complex|dram|dmi/i.test(n.name ?? '') ? 'host_bridge' : 'rciep';
    }
    return 'endpoint';
  };

  const providers = new Set((opts.providers ?? []).map((p) => parseBdf(p)?.text ?? p));
  const devices: DeviceInput[] = nodes.map((n) => {
    const v = vByBdf.get(n.bdf);
    const kind = kindOf(n);
    const d: DeviceInput = { id: n.bdf, bdf: n.bdf, kind };
    if (kind === 'vf') {
      const pf = physfnOf.get(n.bdf) ?? guessPhysfn(n, nodes);
      if (!pf) {
        warnings.push(`${n.bdf} looks like a VF but its physical function is unknown; imported as an endpoint`);
        d.kind = n.parent ? 'endpoint' : 'rciep';
        d.upstream = n.parent ? n.parent.bdf : null;
      } else d.physfn = pf;
    } else {
      d.upstream = n.parent ? n.parent.bdf : null;
    }
    if (!n.parent && d.kind !== 'vf') d.hb = hbId(rootOf.get(n)!);
    const name = v?.name || n.name;
    if (name) d.name = name;
    const vendor = v?.vendor ?? n.vendor;
    const device = v?.device ?? n.device;
    if (vendor !== undefined) d.vendor = vendor.toString(16).padStart(4, '0');
    if (device !== undefined) d.device = device.toString(16).padStart(4, '0');
    if (v?.acsCap) d.acsCap = v.acsCap;
    if (v?.acsCtrl) d.acsCtrl = v.acsCtrl;
    if (v?.bars.length) d.bars = v.bars;
    if (providers.has(n.bdf)) {
      d.p2pdmaInit = true;
      providers.delete(n.bdf);
    }
    return d;
  });
  for (const p of providers) warnings.push(`--providers: ${p} is not in the tree`);

  // CPU: from the first root-bus device's vendor unless given.
  const firstVendor = roots
    .flatMap((r) => [...r.devices].sort((a, b) => a.devfn - b.devfn).slice(0, 1))
    .map((n) => vByBdf.get(n.bdf)?.vendor ?? n.vendor)
    .find((x) => x !== undefined);
  const guessed = firstVendor !== undefined ? VENDOR_CPU[firstVendor] : undefined;
  const cpu: NonNullable<TopologyInput['cpu']> = {
    vendor: opts.cpu?.vendor ?? guessed?.vendor ?? 'other',
    arch: opts.cpu?.arch ?? guessed?.arch ?? 'other',
  };
  const family = opts.cpu?.family;
  if (family !== undefined) cpu.family = family;
  if (cpu.vendor === 'amd' && family === undefined) {
    warnings.push('AMD host bridge: pass --cpu amd:0x17 (or later family) if this is a Zen CPU; cpu_supports_p2pdma() needs the family');
  }
  if (firstVendor === undefined) warnings.push('no vendor IDs (use `lspci -tvnn` or give -vvvnn output): host-bridge allow-listing cannot be decided');

  let iommu = opts.iommu;
  if (iommu === undefined) {
    const redirects = verbose.some((v) => v.acsCtrl?.includes('RR'));
    iommu = redirects;
    warnings.push(
      vvvText === undefined
        ? 'IOMMU state unknown without -vvv output; assumed off (pass --iommu on|off)'
        : `IOMMU ${redirects ? 'on' : 'off'} inferred from ACS control bits (${redirects ? 'ReqRedir+ seen: pci_request_acs() was called' : 'no ReqRedir+'}); pass --iommu to override`,
    );
  }

  const input: TopologyInput = {
    name: opts.name ?? 'imported',
    description: `imported from lspci${vvvText !== undefined ? ' -tv and -vvvnn' : ' -tv'}`,
    cpu,
    iommu: { enabled: iommu },
    hostBridges: roots.map((r) => ({ id: hbId(r), domain: r.domain, bus: r.bus })),
    devices,
  };
  const topology = loadTopology(input, 'lspci');
  return { topology, warnings };
}

/** A VF without SR-IOV data: assume function 0 of the same device on the same bus is its PF. */
function guessPhysfn(n: TreeNode, all: TreeNode[]): string | undefined {
  const pf = all.find((o) => o !== n && o.domain === n.domain && o.bus === n.bus && o.devfn === (n.devfn & ~7) && !/virtual function/i.test(o.name ?? ''));
  return pf?.bdf;
}
