// Public API of the P2PDMA hardware and kernel-memory model: memory kinds, API contracts, flags,
// kernel versions, PCIe topologies and the calc_map_type_and_dist() simulator, DMA outcomes,
// platforms, lspci import, memmap cost and explanations. Rules import from here only.

export {
  MEMORY_KINDS,
  MEMORY_KIND_IDS,
  explainKindProperty,
  isMemoryKindId,
  kindExists,
  kindProperty,
  kindsWhere,
  memoryKind,
  type ConfigDependent,
  type KindPlatform,
  type KindProperty,
  type KindValue,
  type MemoryKind,
  type MemoryKindId,
  type Tri,
} from './kinds.js';

export {
  ALL_KCONFIG,
  KCONFIG_DEFAULTS,
  REQUIRED_KCONFIG,
  completeKernelConfig,
  kernelConfigProblems,
  type KconfigSymbol,
  type KernelConfig,
} from './kconfig.js';

export type {
  ApiContract,
  ContractCategory,
  ErrorConvention,
  LockClass,
  ParamContract,
  ParamRole,
  ReturnContract,
} from './contracts/types.js';

export {
  allContracts,
  apiStatus,
  contract,
  contractsByCategory,
  removedIdentifiers,
  type ApiStatus,
  type RemovedEntry,
} from './catalogue.js';

export { REMOVED_IDENTIFIERS, SIGNATURE_CHANGES, type IdentifierKind, type RemovedIdentifier } from './removed.js';

export { flagMeaning, flagsOf, gfpInfo, type FlagFamily, type FlagMeaning, type GfpInfo } from './flags.js';

export {
  MAINLINE_VERSION,
  compareVersions,
  parseKernelVersion,
  tryParseKernelVersion,
  versionForCommit,
  type KernelVersion,
} from './versions.js';

export {
  ACS_BIT_VALUES,
  ACS_REDIRECT_MASK,
  TopologyError,
  acsBitNames,
  describeDevice,
  findDevice,
  formatBdf,
  hasAcsRedir,
  loadTopology,
  parseBdf,
  parseConfigAcs,
  topologyToYaml,
  tryFindDevice,
  upstreamChain,
  type AcsBit,
  type Arch,
  type Bar,
  type CpuVendor,
  type Device,
  type DeviceInput,
  type DeviceKind,
  type DmaOps,
  type HostBridge,
  type HostBridgeInput,
  type NonPciDevice,
  type PciDevice,
  type Topology,
  type TopologyInput,
  type TopologyIssue,
} from './topology.js';

export { P2PDMA_ALLOWLIST, allowListFor, cpuSupportsP2pdma, type AllowListEntry } from './allowlist.js';

export {
  MAP_TYPE_ENUM,
  calcMapTypeAndDist,
  clearSimulationCache,
  distanceMany,
  p2pMapType,
  type AcsHit,
  type ClientDistance,
  type DistanceResult,
  type HostBridgeCheck,
  type MapReason,
  type MapType,
  type MapTypeResult,
  type SimOptions,
} from './p2pdma-sim.js';

export {
  clientDmaOps,
  dmaOutcome,
  type DmaOutcome,
  type DmaOutcomeKind,
  type DmaOutcomeOptions,
  type DmaRegression,
} from './dma-outcome.js';

export {
  PlatformError,
  bundledPlatformDir,
  bundledPlatforms,
  deriveCanonicalPair,
  loadPlatform,
  platformFromObject,
  platformFromTopology,
  platformP2pSummary,
  type Platform,
  type PlatformInput,
  type PlatformP2pSummary,
} from './platforms.js';

export {
  LspciParseError,
  importLspci,
  parseLspciTree,
  parseLspciVerbose,
  type ImportOptions,
  type ImportResult,
  type VerboseDevice,
} from './lspci.js';

export { formatSize, memmapCost, parseSize, type MemmapCost } from './memmap.js';

export { explainPair, formatPairExplanation, type PairExplanation } from './explain.js';

// The model CLI (src/model/cli.ts) is imported directly by src/cli.ts, so the App never loads it.
export { ADDED_IDENTIFIERS, addedIdentifier, type AddedIdentifier } from './added.js';
export { RELEASES, versionAtDate } from './versions.js';
