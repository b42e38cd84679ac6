// Platform profiles: bundled YAML files under src/model/platforms/ (loaded from their precompiled, already
// validated form in platforms/bundled.ts), user files, imported topologies, and the canonical-pair P2P summary
// rules ask for ("what happens on this platform?").

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DmaOutcomeKind } from './dma-outcome.js';
import { explainPair } from './explain.js';
import { ALL_KCONFIG, completeKernelConfig, kernelConfigProblems, REQUIRED_KCONFIG, type KconfigSymbol } from './kconfig.js';
import { zod } from './lazy-deps.js';
import { parseSize } from './memmap.js';
import type { MapType } from './p2pdma-sim.js';
import type { Platform } from './platform-types.js';
import { BUNDLED_PLATFORM_INPUTS } from './platforms/bundled.js';
import {
  loadTopology,
  parseYamlText,
  resolveTopology,
  TopologyError,
  tryFindDevice,
  type Arch,
  type DmaOps,
  type Topology,
  type TopologyInput,
  type TopologyIssue,
} from './topology.js';
import { tryParseKernelVersion } from './versions.js';

export type { Platform } from './platform-types.js';

const PACKAGE_NAME = 'p2pdma-review';

/**
 * The directory of the bundled profiles. tsc does not copy .yml files to dist/, so from either
 * src/model/ (ts-jest, tsx) or dist/src/model/ (compiled) we walk up to the package root (the
 * directory whose package.json names this package) and use its src/model/platforms.
 */
export function bundledPlatformDir(fromUrl: string = import.meta.url): string {
  const known = PLATFORM_DIRS.get(fromUrl);
  if (known) return known;
  const found = findPlatformDir(fromUrl);
  PLATFORM_DIRS.set(fromUrl, found);
  return found;
}

const PLATFORM_DIRS = new Map<string, string>();

function findPlatformDir(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
          return join(dir, 'src', 'model', 'platforms');
        }
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

/** A platform profile file that does not validate. */
export class PlatformError extends Error {
  readonly issues: readonly TopologyIssue[];
  constructor(origin: string, issues: TopologyIssue[]) {
    super(`invalid platform ${origin}:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'PlatformError';
    this.issues = issues;
  }
}

/** The profile format (YAML/JSON). Documented in src/model/platforms/README.md. */
export interface PlatformInput {
  name: string;
  description?: string;
  arch: Arch;
  pageSize: number | string;
  structPageSize?: number;
  kernel?: string;
  kernelConfig: Partial<Record<KconfigSymbol, boolean>>;
  dmaOps?: DmaOps;
  canonical?: { provider: string; client: string; providerLabel?: string; clientLabel?: string };
  topology?: TopologyInput;
  /** A topology file, relative to the profile. */
  topologyFile?: string;
}

/**
 * A bundled profile as precompiled into platforms/bundled.ts: the platform schema's output with its inline
 * topology replaced by the topology schema's output, i.e. exactly what the YAML path hands on after zod.
 */
export type PrecompiledPlatformInput = Omit<PlatformInput, 'topology' | 'topologyFile'> & { topology: TopologyInput };

type Schema = { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };
let schemaCache: Schema | undefined;

function platformSchema(): Schema {
  if (schemaCache) return schemaCache;
  const z = zod();
  const kconfigShape: Record<string, unknown> = {};
  for (const k of ALL_KCONFIG) kconfigShape[k] = z.boolean().optional();
  schemaCache = z
    .object({
      name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" and "-" only'),
      description: z.string().optional(),
      arch: z.enum(['x86_64', 'x86', 'arm64', 'arm', 'ppc64', 'ppc64le', 'riscv64', 's390x', 'loongarch64', 'other']),
      pageSize: z.union([z.number().int().positive(), z.string()]),
      structPageSize: z.number().int().positive().optional(),
      kernel: z.string().optional(),
      kernelConfig: z.object(kconfigShape as never).strict(),
      dmaOps: z.enum(['direct', 'iommu', 'custom']).optional(),
      canonical: z
        .object({ provider: z.string(), client: z.string(), providerLabel: z.string().optional(), clientLabel: z.string().optional() })
        .strict()
        .optional(),
      topology: z.record(z.string(), z.unknown()).optional(),
      topologyFile: z.string().optional(),
    })
    .strict() as unknown as Schema;
  return schemaCache;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** Build a Platform from a parsed profile object. `baseDir` resolves topologyFile. */
export function platformFromObject(raw: unknown, origin: string, baseDir = process.cwd()): Platform {
  return buildPlatform(validatePlatformInput(raw, origin), origin, baseDir, false);
}

/**
 * Checks a profile object against the profile schema (zod) and returns the schema's output. The inline
 * topology is not checked here: building the platform validates it with the topology schema.
 */
export function validatePlatformInput(raw: unknown, origin: string): PlatformInput {
  const parsed = platformSchema().safeParse(raw);
  if (!parsed.success) {
    throw new PlatformError(origin, parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return parsed.data as PlatformInput;
}

/**
 * The semantic checks and the topology graph shared by user profiles and precompiled bundled ones.
 * `topologyValidated`: the inline topology already passed the topology schema (precompiled profiles).
 */
function buildPlatform(input: PlatformInput, origin: string, baseDir: string, topologyValidated: boolean): Platform {
  const issues: TopologyIssue[] = [];
  for (const k of REQUIRED_KCONFIG) {
    if (input.kernelConfig[k] === undefined) issues.push({ path: `kernelConfig.${k}`, message: `required (true or false)` });
  }
  const kernelConfig = completeKernelConfig(input.kernelConfig);
  for (const p of kernelConfigProblems(kernelConfig)) issues.push({ path: 'kernelConfig', message: p });
  let pageSize = 0;
  try {
    pageSize = parseSize(input.pageSize);
    if ((pageSize & (pageSize - 1)) !== 0 || pageSize < 4096) issues.push({ path: 'pageSize', message: `${input.pageSize} is not a power of two ≥ 4K` });
  } catch (e) {
    issues.push({ path: 'pageSize', message: (e as Error).message });
  }
  if (input.kernel !== undefined && !tryParseKernelVersion(input.kernel)) issues.push({ path: 'kernel', message: `"${input.kernel}" is not a kernel version` });
  if (!input.topology === !input.topologyFile) issues.push({ path: 'topology', message: 'give exactly one of topology or topologyFile' });
  if (issues.length) throw new PlatformError(origin, issues);

  let topology: Topology;
  try {
    if (input.topologyFile) {
      const file = resolve(baseDir, input.topologyFile);
      if (!existsSync(file)) throw new PlatformError(origin, [{ path: 'topologyFile', message: `no file at ${file}` }]);
      topology = loadTopology(readFileSync(file, 'utf8'), file);
    } else if (topologyValidated) {
      topology = resolveTopology(input.topology as TopologyInput, `${origin} (topology)`);
    } else {
      topology = loadTopology(input.topology, `${origin} (topology)`);
    }
  } catch (e) {
    if (e instanceof TopologyError) {
      throw new PlatformError(origin, e.issues.map((i) => ({ path: `topology.${i.path}`, message: i.message })));
    }
    throw e;
  }
  if (topology.cpu.arch !== 'other' && topology.cpu.arch !== input.arch) {
    throw new PlatformError(origin, [{ path: 'topology.cpu.arch', message: `${topology.cpu.arch} contradicts the platform arch ${input.arch}` }]);
  }
  // The platform's arch is authoritative: cpu_supports_p2pdma() is x86-only.
  topology.cpu.arch = input.arch;
  const platform: Platform = {
    name: input.name,
    arch: input.arch,
    pageSize,
    structPageSize: input.structPageSize ?? (kernelConfig['64BIT'] ? 64 : 32),
    kernelConfig,
    topology,
    origin,
  };
  if (input.description) platform.description = input.description;
  if (input.dmaOps) platform.dmaOps = input.dmaOps;
  if (input.kernel) platform.kernel = input.kernel;
  if (input.canonical) {
    for (const role of ['provider', 'client'] as const) {
      if (!tryFindDevice(topology, input.canonical[role])) {
        throw new PlatformError(origin, [{ path: `canonical.${role}`, message: `unknown device "${input.canonical[role]}"` }]);
      }
    }
    platform.canonical = input.canonical;
  }
  return platform;
}

/**
 * Wrap a bare topology (e.g. from `model import`) into a platform with 64-bit defaults:
 * PCI_P2PDMA, ZONE_DEVICE, VMAP_STACK, SWIOTLB, NEED_SG_DMA_FLAGS on; IOMMU_DMA follows the
 * topology's IOMMU; 4 KiB pages. The canonical pair is derived when possible.
 */
export function platformFromTopology(given: Topology, name = given.name ?? 'imported'): Platform {
  const arch: Arch = given.cpu.arch === 'other' ? 'x86_64' : given.cpu.arch;
  // Never mutate the caller's (possibly already simulated) topology: rebuild it with the arch set.
  const topology = given.cpu.arch === arch ? given : loadTopology({ ...given.input, cpu: { ...given.input.cpu, arch } }, given.origin);
  const sixtyFour = arch !== 'x86' && arch !== 'arm';
  const platform: Platform = {
    name,
    description: `derived from topology ${topology.origin}`,
    arch,
    pageSize: 4096,
    structPageSize: sixtyFour ? 64 : 32,
    kernelConfig: completeKernelConfig({
      '64BIT': sixtyFour,
      PCI_P2PDMA: sixtyFour,
      ZONE_DEVICE: sixtyFour,
      VMAP_STACK: true,
      HIGHMEM: false,
      IOMMU_DMA: topology.iommu.enabled,
      SWIOTLB: true,
      NEED_SG_DMA_FLAGS: sixtyFour,
    }),
    topology,
    origin: topology.origin,
  };
  const pair = deriveCanonicalPair(topology);
  if (pair) platform.canonical = pair;
  return platform;
}

/** Pick a plausible provider (P2P state, else an NVMe controller) and client (a NIC, else another endpoint). */
export function deriveCanonicalPair(topology: Topology): Platform['canonical'] | undefined {
  const endpoints = topology.devices.filter((d) => d.pci && (d.kind === 'endpoint' || d.kind === 'rciep' || d.kind === 'vf'));
  const provider =
    endpoints.find((d) => d.pci && d.p2pdmaInit) ?? endpoints.find((d) => /non-volatile|nvme/i.test(d.name ?? '')) ?? endpoints[0];
  if (!provider) return undefined;
  const others = endpoints.filter((d) => d !== provider);
  const client = others.find((d) => /ethernet|network|infiniband|mellanox|connectx|rdma/i.test(d.name ?? '')) ?? others[0];
  if (!client) return undefined;
  return { provider: provider.id, client: client.id };
}

const CACHE = new Map<string, Platform>();

/** Names and descriptions of the bundled profiles (sorted by name). */
export function bundledPlatforms(): { name: string; description: string; file: string }[] {
  const dir = bundledPlatformDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => {
      const p = loadPlatform(join(dir, f));
      return { name: p.name, description: p.description ?? '', file: join(dir, f) };
    });
}

/**
 * A bundled profile by name ("x86_64-vtd"), or a profile or bare topology file by path.
 * Loaded platforms are cached by resolved path.
 */
export function loadPlatform(nameOrPath: string): Platform {
  const dir = bundledPlatformDir();
  const bundled = /^[A-Za-z0-9_.-]+$/.test(nameOrPath) ? join(dir, `${nameOrPath}.yml`) : undefined;
  const file = bundled && (precompiledInput(bundled, dir) || existsSync(bundled)) ? bundled : resolve(nameOrPath);
  const cached = CACHE.get(file);
  if (cached) return cached;
  const origin = file === bundled ? `${nameOrPath} (bundled)` : file;
  const precompiled = precompiledInput(file, dir);
  let platform: Platform;
  if (precompiled) {
    // The Platform the YAML file gives (test/model/platforms-bundled.test.ts checks), without loading yaml and zod.
    platform = buildPlatform(structuredClone(precompiled), origin, dirname(file), true);
  } else {
    if (!existsSync(file)) {
      const names = readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => f.slice(0, -4)).sort();
      throw new Error(`unknown platform "${nameOrPath}": not a bundled profile (${names.join(', ')}) and no file at ${file}`);
    }
    const raw = parseYamlOrPlatformError(readFileSync(file, 'utf8'), origin);
    const looksLikeTopology = typeof raw === 'object' && raw !== null && 'hostBridges' in raw && !('kernelConfig' in raw);
    platform = looksLikeTopology ? platformFromTopology(loadTopology(raw, file)) : platformFromObject(raw, origin, dirname(file));
  }
  if (file === bundled && platform.name !== nameOrPath) {
    throw new PlatformError(origin, [{ path: 'name', message: `"${platform.name}" must match the file name "${nameOrPath}"` }]);
  }
  CACHE.set(file, platform);
  return platform;
}

/** The precompiled input of `file` when it is one of the bundled profiles in `dir`. */
function precompiledInput(file: string, dir: string): PrecompiledPlatformInput | undefined {
  if (dirname(file) !== dir || !file.endsWith('.yml')) return undefined;
  const name = basename(file, '.yml');
  return Object.hasOwn(BUNDLED_PLATFORM_INPUTS, name) ? BUNDLED_PLATFORM_INPUTS[name] : undefined;
}

function parseYamlOrPlatformError(text: string, origin: string): unknown {
  try {
    return parseYamlText(text, origin);
  } catch (e) {
    if (e instanceof TopologyError) throw new PlatformError(origin, [...e.issues]);
    throw e;
  }
}

/** The canonical-pair answer of a platform. */
export interface PlatformP2pSummary {
  platform: string;
  provider: string;
  client: string;
  mapType: MapType;
  dmaOutcome: DmaOutcomeKind;
  /** pci_p2pdma_distance(provider, client) (-1 without CONFIG_PCI_P2PDMA). */
  distance: number;
  explanation: string;
}

/** What happens when the platform's canonical provider and client do P2PDMA. */
export function platformP2pSummary(platform: Platform, opts: { kernel?: string; acsRule?: 'coarse' | 'direction-aware' } = {}): PlatformP2pSummary {
  const pair = platform.canonical ?? deriveCanonicalPair(platform.topology);
  if (!pair) throw new Error(`platform ${platform.name} has no canonical provider/client pair and no two endpoints to derive one from`);
  const e = explainPair(platform, pair.provider, pair.client, opts);
  return {
    platform: platform.name,
    provider: e.provider,
    client: e.client,
    mapType: e.mapType,
    dmaOutcome: e.dmaOutcome,
    distance: e.distance,
    explanation: e.summary,
  };
}
