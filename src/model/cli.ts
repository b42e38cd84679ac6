// `p2pdma-review model …` subcommands: explain, import, memmap, platforms, contract, kind, api.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { apiStatus, contract } from './catalogue.js';
import { explainPair, formatPairExplanation } from './explain.js';
import { isMemoryKindId, kindExists, kindProperty, memoryKind, type KindProperty } from './kinds.js';
import { importLspci, LspciParseError } from './lspci.js';
import { formatSize, memmapCost, parseSize } from './memmap.js';
import { bundledPlatforms, loadPlatform, platformFromTopology, platformP2pSummary, PlatformError } from './platforms.js';
import { TopologyError, topologyToYaml, type CpuVendor } from './topology.js';
import { tryParseKernelVersion } from './versions.js';

const USAGE = `usage: p2pdma-review model <command> [options]

commands:
  explain --platform P --provider A --client B [--kernel V] [--acs-rule coarse|direction-aware] [--format text|json]
      what the DMA API does with P2PDMA memory of A mapped for B on platform P (a bundled
      profile name or a profile/topology file)
  import LSPCI_TREE [LSPCI_VVV] [--out FILE] [--name N] [--iommu on|off] [--cpu VENDOR[:FAMILY]]
         [--providers BDF,...]
      read \`lspci -tv\` (and \`lspci -vvvnn\`) output and print the topology as YAML
  memmap --size SIZE [--page-size 4K] [--struct-page 64] [--format text|json]
      memmap (struct page) cost of SIZE bytes of ZONE_DEVICE memory, e.g. --size 128G
  platforms [--format text|json]
      list the bundled platform profiles and what their canonical P2P pair gets
  contract NAME [--format text|json]
      the API contract of a kernel function or macro
  kind ID [--platform P] [--format text|json]
      the properties of a memory kind (optionally on a platform)
  api NAME [--kernel V]
      whether an identifier exists in a kernel version
`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  options: Map<string, string>;
}

/** Parse `--opt value`, `--opt=value` and positionals, accepting only `allowed` options. */
function parseArgs(cmd: string, args: string[], allowed: readonly string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} for \`model ${cmd}\` (allowed: ${allowed.map((o) => `--${o}`).join(', ') || 'none'})`);
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${name} of \`model ${cmd}\` needs a value`);
      i++;
    }
    options.set(name, value);
  }
  return { positional, options };
}

function required(p: Parsed, cmd: string, name: string): string {
  const v = p.options.get(name);
  if (!v) throw new UsageError(`\`model ${cmd}\` needs --${name}`);
  return v;
}

function format(p: Parsed, cmd: string): 'text' | 'json' {
  const f = p.options.get('format') ?? 'text';
  if (f !== 'text' && f !== 'json') throw new UsageError(`--format of \`model ${cmd}\` must be text or json, not "${f}"`);
  return f;
}

function kernelOpt(p: Parsed): string | undefined {
  const k = p.options.get('kernel');
  if (k !== undefined && !tryParseKernelVersion(k)) throw new UsageError(`--kernel "${k}" is not a kernel version (e.g. 6.12)`);
  return k;
}

function acsRuleOpt(p: Parsed): 'coarse' | 'direction-aware' | undefined {
  const r = p.options.get('acs-rule');
  if (r === undefined) return undefined;
  if (r !== 'coarse' && r !== 'direction-aware') throw new UsageError(`--acs-rule must be coarse or direction-aware, not "${r}"`);
  return r;
}

function json(v: unknown): string {
  return `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `0x${x.toString(16)}` : x), 2)}\n`;
}

/**
 * Run `p2pdma-review model <argv…>`. Returns the exit code: 0 on success, 1 when an input
 * (platform, topology, lspci file) is invalid, 2 on usage errors.
 */
export async function runModelCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        (cmd === undefined ? err : out).write(USAGE);
        return cmd === undefined ? 2 : 0;
      case 'explain':
        return explainCmd(args, out);
      case 'import':
        return importCmd(args, out, err);
      case 'memmap':
        return memmapCmd(args, out);
      case 'platforms':
        return platformsCmd(args, out);
      case 'contract':
        return contractCmd(args, out);
      case 'kind':
        return kindCmd(args, out);
      case 'api':
        return apiCmd(args, out);
      default:
        throw new UsageError(`unknown model command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`p2pdma-review model: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof TopologyError || e instanceof PlatformError || e instanceof LspciParseError || e instanceof Error) {
      err.write(`p2pdma-review model ${cmd}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function explainCmd(args: string[], out: NodeJS.WritableStream): number {
  const p = parseArgs('explain', args, ['platform', 'provider', 'client', 'kernel', 'acs-rule', 'format']);
  if (p.positional.length) throw new UsageError(`unexpected argument "${p.positional[0]}" for \`model explain\``);
  const platform = loadPlatform(required(p, 'explain', 'platform'));
  const provider = required(p, 'explain', 'provider');
  const client = required(p, 'explain', 'client');
  const fmt = format(p, 'explain');
  const kernel = kernelOpt(p);
  const acsRule = acsRuleOpt(p);
  const e = explainPair(platform, provider, client, { ...(kernel ? { kernel } : {}), ...(acsRule ? { acsRule } : {}) });
  out.write(fmt === 'json' ? json(e) : formatPairExplanation(e));
  return 0;
}

function parseCpu(s: string): { vendor: CpuVendor; family?: number } {
  const m = /^(intel|amd|arm|ampere|ibm|nvidia|google|apple|other)(?::(0x[0-9a-fA-F]+|\d+))?$/.exec(s);
  if (!m) throw new UsageError(`--cpu "${s}": expected VENDOR[:FAMILY], e.g. amd:0x19`);
  const out: { vendor: CpuVendor; family?: number } = { vendor: m[1] as CpuVendor };
  if (m[2]) out.family = Number(m[2]);
  return out;
}

function readInput(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`cannot read ${what} "${path}": no such file`);
  return readFileSync(path, 'utf8');
}

function importCmd(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const p = parseArgs('import', args, ['out', 'name', 'iommu', 'cpu', 'providers']);
  if (p.positional.length < 1 || p.positional.length > 2) {
    throw new UsageError('`model import` takes the `lspci -tv` output file and, optionally, the `lspci -vvvnn` output file');
  }
  const iommuOpt = p.options.get('iommu');
  if (iommuOpt !== undefined && iommuOpt !== 'on' && iommuOpt !== 'off') throw new UsageError(`--iommu must be on or off, not "${iommuOpt}"`);
  const tree = readInput(p.positional[0]!, 'lspci tree');
  const vvv = p.positional[1] !== undefined ? readInput(p.positional[1], 'lspci -vvv output') : undefined;
  const cpu = p.options.get('cpu');
  const providers = p.options.get('providers');
  const name = p.options.get('name');
  const result = importLspci(tree, vvv, {
    ...(name ? { name } : {}),
    ...(cpu ? { cpu: parseCpu(cpu) } : {}),
    ...(iommuOpt ? { iommu: iommuOpt === 'on' } : {}),
    ...(providers ? { providers: providers.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
  });
  for (const w of result.warnings) err.write(`warning: ${w}\n`);
  const header = `# PCIe topology imported by \`p2pdma-review model import\` (format: src/model/platforms/README.md).\n# Use it with --platform <this file>; mark P2P providers with p2pdmaInit: true.\n`;
  const text = header + topologyToYaml(result.topology);
  const dest = p.options.get('out');
  if (dest) {
    writeFileSync(dest, text);
    const summary = (() => {
      try {
        return platformP2pSummary(platformFromTopology(result.topology)).explanation;
      } catch {
        return 'no provider/client pair to summarise';
      }
    })();
    out.write(`wrote ${dest} (${result.topology.devices.length} devices)\n${summary}\n`);
  } else {
    out.write(text);
  }
  return 0;
}

function memmapCmd(args: string[], out: NodeJS.WritableStream): number {
  const p = parseArgs('memmap', args, ['size', 'page-size', 'struct-page', 'format']);
  if (p.positional.length) throw new UsageError(`unexpected argument "${p.positional[0]}" for \`model memmap\``);
  const fmt = format(p, 'memmap');
  let bytes: number;
  let page: number;
  let structPage: number;
  try {
    bytes = parseSize(required(p, 'memmap', 'size'));
    page = parseSize(p.options.get('page-size') ?? '4K');
    structPage = parseSize(p.options.get('struct-page') ?? '64');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message);
  }
  const c = memmapCost(bytes, page, structPage);
  out.write(fmt === 'json' ? json(c) : `${formatSize(bytes)} at ${formatSize(page)} pages needs ${c.human} of memmap\n${c.explanation}\n`);
  return 0;
}

function platformsCmd(args: string[], out: NodeJS.WritableStream): number {
  const p = parseArgs('platforms', args, ['format', 'kernel']);
  const fmt = format(p, 'platforms');
  const kernel = kernelOpt(p);
  const rows = bundledPlatforms().map((b) => {
    const s = platformP2pSummary(loadPlatform(b.file), kernel ? { kernel } : {});
    return { name: b.name, description: b.description, mapType: s.mapType, dmaOutcome: s.dmaOutcome, summary: s.explanation };
  });
  if (fmt === 'json') out.write(json(rows));
  else for (const r of rows) out.write(`${r.name}\n  ${r.description}\n  canonical pair: ${r.mapType} → ${r.dmaOutcome}\n`);
  return 0;
}

function contractCmd(args: string[], out: NodeJS.WritableStream): number {
  const p = parseArgs('contract', args, ['format']);
  if (p.positional.length !== 1) throw new UsageError('`model contract` takes one function or macro name');
  const name = p.positional[0]!;
  const c = contract(name);
  if (!c) throw new Error(`no contract for "${name}" in the catalogue`);
  if (format(p, 'contract') === 'json') {
    out.write(json(c));
    return 0;
  }
  const params = c.params.map((x) => `${x.name}: ${x.role}${x.accepts ? ` [${x.accepts.join(', ')}]` : ''}${x.out ? ' (out)' : ''}`);
  const lines = [
    `${c.name} (${c.category}) — ${c.source}`,
    `  params: ${params.join('; ') || 'none'}`,
    c.returns ? `  returns: ${c.returns.type ?? ''}${c.returns.kind ? ` kind ${c.returns.kind}` : ''}${c.returns.kindFromGfp ? ' (highmem with __GFP_HIGHMEM)' : ''}, errors: ${c.returns.error}` : '',
    c.mightSleep !== undefined ? `  might sleep: ${c.mightSleep === 'gfp' ? 'depends on the GFP flags' : c.mightSleep ? 'yes' : 'no'}` : '',
    c.lock ? `  lock: ${c.lock.op} ${c.lock.cls}${c.lock.conditional ? ' (on success)' : ''}` : '',
    c.since ? `  since: ${c.since}` : '',
    c.removedIn ? `  removed in: ${c.removedIn}${c.replacement ? ` → ${c.replacement}` : ''}` : '',
    c.deprecated ? `  deprecated: ${c.deprecated}` : '',
    c.misuse ? `  misuse: ${c.misuse}` : '',
    c.notes ? `  notes: ${c.notes}` : '',
  ].filter(Boolean);
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

const PROPS: readonly KindProperty[] = ['hasStructPage', 'linear', 'kmap', 'pageFlagsSafe', 'sgSetPage', 'sgSetBuf', 'dmaMapSingle'];

function kindCmd(args: string[], out: NodeJS.WritableStream): number {
  const p = parseArgs('kind', args, ['platform', 'format']);
  if (p.positional.length !== 1) throw new UsageError('`model kind` takes one memory-kind id, e.g. vmalloc');
  const id = p.positional[0]!;
  if (!isMemoryKindId(id)) throw new UsageError(`unknown memory kind "${id}"`);
  const platformRef = p.options.get('platform');
  const platform = platformRef ? loadPlatform(platformRef) : undefined;
  const k = memoryKind(id);
  const props = Object.fromEntries(PROPS.map((x) => [x, kindProperty(id, x, platform)]));
  const exists = kindExists(id, platform);
  if (format(p, 'kind') === 'json') {
    out.write(json({ ...k, resolved: props, exists, platform: platform?.name }));
    return 0;
  }
  const lines = [
    `${k.id}: ${k.label} (§A.1 row ${k.row})${platform ? ` on ${platform.name}${exists ? '' : ' — cannot exist there'}` : ''}`,
    ...PROPS.map((x) => `  ${x}: ${props[x]}`),
    `  cpuAccess: ${k.cpuAccess}`,
    `  dma: ${k.dmaHow}`,
    `  sources: ${k.sources.join(', ')}`,
  ];
  if (k.notes) lines.push(`  notes: ${k.notes}`);
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

function apiCmd(args: string[], out: NodeJS.WritableStream): number {
  const p = parseArgs('api', args, ['kernel', 'format']);
  if (p.positional.length !== 1) throw new UsageError('`model api` takes one identifier');
  const s = apiStatus(p.positional[0]!, kernelOpt(p));
  if (format(p, 'api') === 'json') out.write(json(s));
  else out.write(`${p.positional[0]} in ${s.version}: ${s.exists ? 'exists' : 'does not exist'}${s.known ? '' : ' (not in the model; assumed)'}${s.message ? `\n  ${s.message}` : ''}\n`);
  return 0;
}
