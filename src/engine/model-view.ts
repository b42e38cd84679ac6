// Adapts the model (src/model) to the narrow views the analysis and the rules read, for one configuration:
// the platforms it names (all bundled ones by default) and the target kernel version.
import {
  apiStatus, bundledPlatforms, contract, isMemoryKindId, kindProperty, loadPlatform, memoryKind, platformP2pSummary,
  removedIdentifiers, type KindProperty, type Platform,
} from '../model/index.js';
import type { ContractView } from '../analysis/index.js';
import type { KindInfo, ModelView, PlatformP2p } from '../rules/types.js';
import type { Config } from '../types.js';

/** Non-memory value classes the analysis derives from contracts, described for messages. */
const VALUE_CLASSES: Record<string, string> = {
  'dma-addr': 'a dma_addr_t (check it with dma_mapping_error())',
  'mapped-count': 'the number of mapped DMA segments (0 on failure)',
  'map-status': '0 or a negative errno',
  'bus-addr': 'a PCI bus address',
  'cpu-phys': 'a CPU physical address',
  integer: 'an integer',
};

const KIND_PROPS: KindProperty[] = ['hasStructPage', 'linear', 'kmap', 'pageFlagsSafe', 'sgSetPage', 'sgSetBuf', 'dmaMapSingle'];

/** Roles of the argument a converter's result keeps the kind of (virt_to_page(p) is a page of p). */
const PASS_ROLES = new Set(['buffer', 'page', 'phys', 'pfn']);

const PLATFORMS = new Map<string, Platform[]>();

/** Loads the configured platforms once per process; an unknown name is an error naming it. */
export function platformsFor(config: Config): Platform[] {
  const key = config.platforms.join('\0');
  let list = PLATFORMS.get(key);
  if (!list) {
    list = config.platforms.length
      ? config.platforms.map((p) => loadPlatform(p))
      : bundledPlatforms().map((b) => loadPlatform(b.name));
    PLATFORMS.set(key, list);
  }
  return list;
}

/** Builds the model view for one configuration (memoised lookups; platforms loaded once). */
export function createModelView(config: Config): ModelView {
  // Platforms are loaded (YAML, validated) on the first question that needs them (platformsFor() keeps them):
  // most patches ask none.
  const platforms = () => platformsFor(config);
  const kernel = config.kernel;
  const kindCache = new Map<string, KindInfo | undefined>();
  let p2pCache: PlatformP2p[] | undefined;
  // Rules ask these per patch and per file; the answers depend only on the configured kernel.
  const statusCache = new Map<string, ReturnType<ModelView['apiStatus']>>();
  const view: ModelView = {
    kernel,
    contract: (name: string) => contract(name) as ContractView | undefined,
    passesThrough(name: string) {
      const c = contract(name);
      if (!c || c.category !== 'converter' || c.returns?.kind) return undefined;
      const i = c.params.findIndex((p) => PASS_ROLES.has(p.role));
      return i >= 0 ? i : undefined;
    },
    describe(kind: string) {
      if (isMemoryKindId(kind)) return memoryKind(kind).label;
      return VALUE_CLASSES[kind] ?? kind;
    },
    kind(id: string) {
      if (kindCache.has(id)) return kindCache.get(id);
      let info: KindInfo | undefined;
      if (isMemoryKindId(id)) {
        const k = memoryKind(id);
        info = {
          id, label: k.label, cpuAccess: k.cpuAccess, dmaHow: k.dmaHow, sources: k.sources,
          hasStructPage: kindProperty(id, 'hasStructPage'), linear: kindProperty(id, 'linear'),
          sgSetPage: kindProperty(id, 'sgSetPage'), sgSetBuf: kindProperty(id, 'sgSetBuf'),
          dmaMapSingle: kindProperty(id, 'dmaMapSingle'),
        };
      }
      kindCache.set(id, info);
      return info;
    },
    kindOnPlatforms(id: string, prop: keyof KindInfo) {
      if (!isMemoryKindId(id) || !KIND_PROPS.includes(prop as KindProperty)) return [];
      return platforms().map((p) => ({ platform: p.name, value: kindProperty(id, prop as KindProperty, p) === true }));
    },
    apiStatus(name: string) {
      let status = statusCache.get(name);
      if (!status) statusCache.set(name, (status = apiStatus(name, kernel)));
      return status;
    },
    // The catalogue keeps the list per version; the names are a fresh array the caller owns.
    removedIdentifiers: () => removedIdentifiers(kernel).map((r) => r.name),
    p2p() {
      p2pCache ??= platforms().map((p) => {
        const s = platformP2pSummary(p, { kernel });
        return { platform: p.name, mapType: s.mapType, outcome: s.dmaOutcome, explanation: s.explanation };
      });
      return p2pCache;
    },
  };
  return view;
}
