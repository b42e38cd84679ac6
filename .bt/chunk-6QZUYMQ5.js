import {
  fingerprintOf,
  sortFindings
} from "./chunk-ZPNCJXNT.js";
import {
  pathIncluded
} from "./chunk-YY2HYU5P.js";
import {
  applyHunks,
  countDiffLines,
  emptyIngestProgress,
  ingestStream
} from "./chunk-KMX6K253.js";
import {
  FileAnalysis,
  enabledRules
} from "./chunk-O7VEZZAO.js";
import {
  apiStatus,
  bundledPlatforms,
  contract,
  isMemoryKindId,
  kindProperty,
  loadPlatform,
  memoryKind,
  platformP2pSummary,
  removedIdentifiers
} from "./chunk-PP7HVMTJ.js";

// dist/src/model/flags.js
var GFP_TYPES = "include/linux/gfp_types.h";
var GFP_ATOMS = [
  ["__GFP_DMA", "allocate from ZONE_DMA"],
  ["__GFP_HIGHMEM", "highmem pages allowed: on 32-bit HIGHMEM kernels the page may have no kernel address"],
  ["__GFP_DMA32", "allocate from ZONE_DMA32"],
  ["__GFP_MOVABLE", "the page can be migrated or reclaimed"],
  ["__GFP_RECLAIMABLE", "slab pages that can be reclaimed by shrinkers"],
  ["__GFP_HIGH", "high priority: may use part of the emergency reserves"],
  ["__GFP_IO", "may start physical I/O"],
  ["__GFP_FS", "may call into the filesystem"],
  ["__GFP_ZERO", "return zeroed memory"],
  ["__GFP_DIRECT_RECLAIM", "the caller may enter direct reclaim, so the allocation may sleep"],
  ["__GFP_KSWAPD_RECLAIM", "wake kswapd when low on memory (does not sleep by itself)"],
  ["__GFP_WRITE", "the caller intends to dirty the page"],
  ["__GFP_NOWARN", "suppress allocation-failure warnings"],
  ["__GFP_RETRY_MAYFAIL", "retry hard, but may still fail"],
  ["__GFP_NOFAIL", "never fail: loops forever (must be able to sleep)"],
  ["__GFP_NORETRY", "fail quickly instead of retrying reclaim"],
  ["__GFP_MEMALLOC", "may use all reserves (memory-freeing paths only)"],
  ["__GFP_NOMEMALLOC", "never use the emergency reserves"],
  ["__GFP_COMP", "return a compound page (rejected by dma_alloc_coherent/dma_alloc_pages)"],
  ["__GFP_HARDWALL", "enforce the cpuset memory allocation policy"],
  ["__GFP_THISNODE", "no fallback to other NUMA nodes"],
  ["__GFP_ACCOUNT", "charge the allocation to the memory cgroup"],
  ["__GFP_ZEROTAGS", "zero memory tags (arm64 MTE)"],
  ["__GFP_SKIP_ZERO", "skip zeroing under init_on_alloc (HW tag-based KASAN)"],
  ["__GFP_SKIP_KASAN", "skip KASAN unpoisoning"],
  ["__GFP_NOLOCKDEP", "ignore lockdep reclaim tracking"],
  ["__GFP_NO_OBJ_EXT", "no slab object extension (internal)"]
];
var GFP_COMPOSITES = {
  __GFP_RECLAIM: { expr: ["__GFP_DIRECT_RECLAIM", "__GFP_KSWAPD_RECLAIM"], meaning: "direct and kswapd reclaim" },
  GFP_ATOMIC: {
    expr: ["__GFP_HIGH", "__GFP_KSWAPD_RECLAIM"],
    meaning: "atomic context (IRQ, spinlock held): never sleeps, may dip into reserves"
  },
  GFP_KERNEL: { expr: ["__GFP_RECLAIM", "__GFP_IO", "__GFP_FS"], meaning: "normal kernel allocation: may sleep" },
  GFP_KERNEL_ACCOUNT: { expr: ["GFP_KERNEL", "__GFP_ACCOUNT"], meaning: "GFP_KERNEL charged to the memory cgroup: may sleep" },
  GFP_NOWAIT: {
    expr: ["__GFP_KSWAPD_RECLAIM", "__GFP_NOWARN"],
    meaning: "never sleeps and never uses reserves; expect failures"
  },
  GFP_NOIO: { expr: ["__GFP_RECLAIM"], meaning: "may sleep, but starts no I/O (prefer memalloc_noio_save scopes)" },
  GFP_NOFS: { expr: ["__GFP_RECLAIM", "__GFP_IO"], meaning: "may sleep, no filesystem recursion (prefer memalloc_nofs_save scopes)" },
  GFP_USER: { expr: ["__GFP_RECLAIM", "__GFP_IO", "__GFP_FS", "__GFP_HARDWALL"], meaning: "user-space related kernel allocation: may sleep" },
  GFP_DMA: { expr: ["__GFP_DMA"], meaning: "ZONE_DMA (legacy; says nothing about sleeping on its own)" },
  GFP_DMA32: { expr: ["__GFP_DMA32"], meaning: "ZONE_DMA32 (says nothing about sleeping on its own)" },
  GFP_HIGHUSER: { expr: ["GFP_USER", "__GFP_HIGHMEM"], meaning: "user pages that may be highmem: may sleep" },
  GFP_HIGHUSER_MOVABLE: {
    expr: ["GFP_HIGHUSER", "__GFP_MOVABLE", "__GFP_SKIP_KASAN"],
    meaning: "movable user pages that may be highmem (page cache, anonymous memory): may sleep"
  },
  GFP_TRANSHUGE_LIGHT: {
    expr: ["GFP_HIGHUSER_MOVABLE", "__GFP_COMP", "__GFP_NOMEMALLOC", "__GFP_NOWARN"],
    minus: ["__GFP_RECLAIM"],
    meaning: "THP allocation without reclaim: does not sleep"
  },
  GFP_TRANSHUGE: { expr: ["GFP_TRANSHUGE_LIGHT", "__GFP_DIRECT_RECLAIM"], meaning: "THP allocation with direct reclaim: may sleep" }
};
function expandGfp(name, stack = /* @__PURE__ */ new Set()) {
  if (GFP_ATOM_SET.has(name))
    return /* @__PURE__ */ new Set([name]);
  const c = GFP_COMPOSITES[name];
  if (!c || stack.has(name))
    return void 0;
  stack.add(name);
  try {
    const out = /* @__PURE__ */ new Set();
    for (const part of c.expr) {
      const e = expandGfp(part, stack);
      if (!e)
        return void 0;
      for (const a of e)
        out.add(a);
    }
    for (const part of c.minus ?? [])
      for (const a of expandGfp(part, stack) ?? [])
        out.delete(a);
    return out;
  } finally {
    stack.delete(name);
  }
}
var GFP_ATOM_SET = new Set(GFP_ATOMS.map(([n]) => n));
var FOLL = [
  { name: "FOLL_WRITE", meaning: "the pages will be written (check write access, break COW)" },
  { name: "FOLL_GET", meaning: "take a page reference (get_user_pages*; release with put_page)", internal: true },
  { name: "FOLL_DUMP", meaning: "return an error for the zero page/holes (core dumps)" },
  { name: "FOLL_FORCE", meaning: "override VMA permissions (ptrace-style access)" },
  { name: "FOLL_NOWAIT", meaning: "start fault I/O but do not wait for it" },
  { name: "FOLL_NOFAULT", meaning: "do not fault pages in" },
  { name: "FOLL_HWPOISON", meaning: "return -EHWPOISON for poisoned pages" },
  { name: "FOLL_ANON", meaning: "don't do file mappings" },
  {
    name: "FOLL_LONGTERM",
    meaning: "the pin may last indefinitely (RDMA MRs, VFIO): folio_is_longterm_pinnable() refuses CMA, device-coherent and fsdax folios; movable-zone folios are migrated first",
    notes: "Rejected together with FOLL_PCI_P2PDMA (is_valid_gup_args WARN; -EOPNOTSUPP in check_vma_flags)."
  },
  { name: "FOLL_SPLIT_PMD", meaning: "split huge PMDs before returning pages" },
  {
    name: "FOLL_PCI_P2PDMA",
    meaning: "allow PCI P2PDMA pages to be returned; without it GUP refuses them (slow path -EREMOTEIO, fast path falls back)",
    since: "\u22486.2",
    notes: "Every consumer of the pages must then be P2P-safe: no CPU access, P2P-aware DMA mapping. Never with FOLL_LONGTERM."
  },
  { name: "FOLL_INTERRUPTIBLE", meaning: "allow fatal and non-fatal signals to interrupt the fault" },
  { name: "FOLL_HONOR_NUMA_FAULT", meaning: "honour NUMA hinting faults (for CPU access patterns)" },
  { name: "FOLL_TOUCH", meaning: "mark the page accessed", internal: true },
  { name: "FOLL_TRIED", meaning: "a retry after a dropped mmap lock", internal: true },
  { name: "FOLL_REMOTE", meaning: "the target mm is not current->mm", internal: true },
  {
    name: "FOLL_PIN",
    meaning: "pin the pages for DMA or data access (set by pin_user_pages*; release with unpin_user_page*)",
    internal: true,
    notes: "Callers must not pass it to get_user_pages* explicitly: use the pin_user_pages* entry points."
  },
  { name: "FOLL_FAST_ONLY", meaning: "never fall back to the slow path", internal: true },
  { name: "FOLL_UNLOCKABLE", meaning: "the mmap lock may be dropped", internal: true },
  { name: "FOLL_MADV_POPULATE", meaning: "madvise(MADV_POPULATE_*) semantics", internal: true }
];
var FOLL_IN_MM_INTERNAL = /* @__PURE__ */ new Set(["FOLL_TOUCH", "FOLL_TRIED", "FOLL_REMOTE", "FOLL_PIN", "FOLL_FAST_ONLY", "FOLL_UNLOCKABLE", "FOLL_MADV_POPULATE"]);
var DMA_ATTRS = [
  { name: "DMA_ATTR_WEAK_ORDERING", meaning: "reads and writes may be weakly ordered" },
  { name: "DMA_ATTR_WRITE_COMBINE", meaning: "write-combining mapping of a coherent buffer" },
  {
    name: "DMA_ATTR_NO_KERNEL_MAPPING",
    meaning: "no kernel virtual mapping: dma_alloc_attrs returns an opaque cookie that must never be dereferenced"
  },
  { name: "DMA_ATTR_SKIP_CPU_SYNC", meaning: "skip cache maintenance on map/unmap (the caller syncs explicitly)" },
  { name: "DMA_ATTR_FORCE_CONTIGUOUS", meaning: "physically contiguous coherent allocation" },
  { name: "DMA_ATTR_ALLOC_SINGLE_PAGES", meaning: "the IOMMU backend may build the buffer from single pages" },
  { name: "DMA_ATTR_NO_WARN", meaning: "suppress allocation-failure warnings" },
  { name: "DMA_ATTR_PRIVILEGED", meaning: "the buffer is accessible only at privileged device levels" },
  {
    name: "DMA_ATTR_MMIO",
    meaning: "the physical address is MMIO: no cache maintenance, no swiotlb bouncing, IOMMU_MMIO protection; dma-direct returns phys unchanged",
    since: "\u22486.18",
    notes: 'Addresses mapped with it "may not be used with kmap*()/phys_to_virt()/phys_to_page()"; DMA debug skips its stack/illegal-area checks.'
  },
  {
    name: "DMA_ATTR_P2PDMA",
    meaning: "a 2021 RFC attribute for P2PDMA mappings; never merged",
    neverMerged: true
  },
  {
    name: "DMA_ATTR_CPU_CACHE_CLEAN",
    meaning: "a 2026 proposal to silence DMA-debug cache-line overlap reports for deliberate cases; not in mainline",
    neverMerged: true
  },
  {
    name: "DMA_ATTR_CC_DECRYPTED",
    meaning: "a 2026 confidential-computing proposal; not in mainline",
    neverMerged: true
  }
];
var BUILT = (() => {
  const m = /* @__PURE__ */ new Map();
  for (const [name, meaning] of GFP_ATOMS) {
    const e = { name, family: "gfp", meaning, source: GFP_TYPES };
    if (name === "__GFP_DIRECT_RECLAIM" || name === "__GFP_NOFAIL")
      e.mightSleep = true;
    if (name === "__GFP_HIGHMEM")
      e.highmem = true;
    m.set(name, e);
  }
  for (const [name, c] of Object.entries(GFP_COMPOSITES)) {
    const atoms = [...expandGfp(name) ?? []].sort();
    m.set(name, {
      name,
      family: "gfp",
      meaning: c.meaning,
      mightSleep: atoms.includes("__GFP_DIRECT_RECLAIM"),
      highmem: atoms.includes("__GFP_HIGHMEM"),
      expandsTo: atoms,
      source: GFP_TYPES
    });
  }
  for (const f of FOLL)
    m.set(f.name, { ...f, family: "foll", source: FOLL_IN_MM_INTERNAL.has(f.name) ? "mm/internal.h" : "include/linux/mm_types.h" });
  for (const f of DMA_ATTRS)
    m.set(f.name, { ...f, family: "dma-attr", source: "include/linux/dma-mapping.h" });
  m.set("ITER_ALLOW_P2PDMA", {
    name: "ITER_ALLOW_P2PDMA",
    family: "iter",
    meaning: "iov_iter_extract_pages() may return P2PDMA pages (it becomes FOLL_PCI_P2PDMA)",
    since: "\u22486.2",
    source: "include/linux/uio.h",
    notes: "The block layer sets it only when blk_queue_pci_p2pdma(q) is true."
  });
  const miter = [
    ["SG_MITER_ATOMIC", "map with kmap_atomic: page faults stay disabled until sg_miter_stop"],
    ["SG_MITER_TO_SG", "the iteration writes to the sg: sg_miter_stop flushes with flush_dcache_page"],
    ["SG_MITER_FROM_SG", "the iteration only reads from the sg"],
    ["SG_MITER_LOCAL", "map with kmap_local_page", "\u22486.13"]
  ];
  for (const [name, meaning, since] of miter) {
    const e = { name, family: "sg-miter", meaning, source: "include/linux/scatterlist.h" };
    if (since)
      e.since = since;
    m.set(name, e);
  }
  const memremap = [
    ["MEMREMAP_WB", "write-back: on System RAM returns the linear-map address"],
    ["MEMREMAP_WT", "write-through (fails with a WARN on System RAM)"],
    ["MEMREMAP_WC", "write-combining (fails with a WARN on System RAM)"],
    ["MEMREMAP_ENC", "map encrypted (memory encryption)"],
    ["MEMREMAP_DEC", "map decrypted (memory encryption)"]
  ];
  for (const [name, meaning] of memremap)
    m.set(name, { name, family: "memremap", meaning, source: "include/linux/io.h" });
  return m;
})();

// dist/src/engine/model-view.js
var VALUE_CLASSES = {
  "dma-addr": "a dma_addr_t (check it with dma_mapping_error())",
  "mapped-count": "the number of mapped DMA segments (0 on failure)",
  "map-status": "0 or a negative errno",
  "bus-addr": "a PCI bus address",
  "cpu-phys": "a CPU physical address",
  integer: "an integer"
};
var KIND_PROPS = ["hasStructPage", "linear", "kmap", "pageFlagsSafe", "sgSetPage", "sgSetBuf", "dmaMapSingle"];
var PASS_ROLES = /* @__PURE__ */ new Set(["buffer", "page", "phys", "pfn"]);
var PLATFORMS = /* @__PURE__ */ new Map();
function platformsFor(config) {
  const key = config.platforms.join("\0");
  let list = PLATFORMS.get(key);
  if (!list) {
    list = config.platforms.length ? config.platforms.map((p) => loadPlatform(p)) : bundledPlatforms().map((b) => loadPlatform(b.name));
    PLATFORMS.set(key, list);
  }
  return list;
}
function createModelView(config) {
  const platforms = () => platformsFor(config);
  const kernel = config.kernel;
  const kindCache = /* @__PURE__ */ new Map();
  let p2pCache;
  const statusCache = /* @__PURE__ */ new Map();
  const view = {
    kernel,
    contract: (name) => contract(name),
    passesThrough(name) {
      const c = contract(name);
      if (!c || c.category !== "converter" || c.returns?.kind)
        return void 0;
      const i = c.params.findIndex((p) => PASS_ROLES.has(p.role));
      return i >= 0 ? i : void 0;
    },
    describe(kind) {
      if (isMemoryKindId(kind))
        return memoryKind(kind).label;
      return VALUE_CLASSES[kind] ?? kind;
    },
    kind(id) {
      if (kindCache.has(id))
        return kindCache.get(id);
      let info;
      if (isMemoryKindId(id)) {
        const k = memoryKind(id);
        info = {
          id,
          label: k.label,
          cpuAccess: k.cpuAccess,
          dmaHow: k.dmaHow,
          sources: k.sources,
          hasStructPage: kindProperty(id, "hasStructPage"),
          linear: kindProperty(id, "linear"),
          sgSetPage: kindProperty(id, "sgSetPage"),
          sgSetBuf: kindProperty(id, "sgSetBuf"),
          dmaMapSingle: kindProperty(id, "dmaMapSingle")
        };
      }
      kindCache.set(id, info);
      return info;
    },
    kindOnPlatforms(id, prop) {
      if (!isMemoryKindId(id) || !KIND_PROPS.includes(prop))
        return [];
      return platforms().map((p) => ({ platform: p.name, value: kindProperty(id, prop, p) === true }));
    },
    apiStatus(name) {
      let status = statusCache.get(name);
      if (!status)
        statusCache.set(name, status = apiStatus(name, kernel));
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
    }
  };
  return view;
}

// dist/src/c/parser.js
import os from "node:os";
import { createRequire } from "node:module";

// dist/src/c/sanitize.js
var BARE = [
  "__iomem",
  "__rcu",
  "__user",
  "__force",
  "__percpu",
  "__kernel",
  "__bitwise",
  "__private",
  "__safe",
  "__must_check",
  "__init",
  "__exit",
  "__initdata",
  "__initconst",
  "__exitdata",
  "__devinit",
  "__devexit",
  "__maybe_unused",
  "__always_unused",
  "__used",
  "__always_inline",
  "noinline",
  "__noinline",
  "__cold",
  "__hot",
  "__read_mostly",
  "__ro_after_init",
  "__packed",
  "__weak",
  "__visible",
  "asmlinkage",
  "__latent_entropy",
  "__nocast",
  "__cacheline_aligned",
  "____cacheline_aligned",
  "____cacheline_aligned_in_smp",
  "__cacheline_aligned_in_smp",
  "__randomize_layout",
  "__no_randomize_layout",
  "notrace",
  "__noreturn",
  "__pure",
  "__malloc",
  "__flatten",
  "__rcu_read_lock_held",
  "__sched",
  "__deprecated",
  "__ref",
  "__refdata",
  "noinstr",
  "__noclone",
  "__must_hold_rcu",
  "__counted_by_ptr"
];
var WITH_ARGS = [
  "__attribute__",
  "__aligned",
  "__acquires",
  "__releases",
  "__must_hold",
  "__printf",
  "__scanf",
  "__section",
  "__counted_by",
  "__nonstring",
  "__cond_acquires",
  "__cond_releases",
  "__alloc_size",
  "__assume_aligned",
  "__guarded_by",
  "__pt_guarded_by",
  "__realloc_size"
];
var BARE_RE = new RegExp(`\\b(?:${BARE.join("|")})\\b`, "g");
var ARGS_RE = new RegExp(`\\b(?:${WITH_ARGS.join("|")})\\s*\\(`, "g");
function blank(s) {
  return s.replace(/[^\n]/g, " ");
}
function sanitizeKernelC(text) {
  if (!text.includes("__") && !text.includes("noinline") && !text.includes("asmlinkage") && !text.includes("notrace") && !text.includes("noinstr")) {
    return text;
  }
  const parts = [];
  let copied = 0;
  let m;
  ARGS_RE.lastIndex = 0;
  while ((m = ARGS_RE.exec(text)) !== null) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === "(")
        depth++;
      else if (c === ")" && --depth === 0)
        break;
      else if (c === "\n" && depth > 2)
        break;
    }
    const to = Math.min(end + 1, text.length);
    parts.push(text.slice(copied, m.index), blank(text.slice(m.index, to)));
    copied = to;
    ARGS_RE.lastIndex = end + 1;
  }
  parts.push(text.slice(copied));
  const out = parts.join("");
  return out.replace(BARE_RE, (w) => " ".repeat(w.length));
}
function addressSpaceOf(declText) {
  if (/\b__iomem\b/.test(declText))
    return "iomem";
  if (/\b__user\b/.test(declText))
    return "user";
  if (/\b__percpu\b/.test(declText))
    return "percpu";
  if (/\b__rcu\b/.test(declText))
    return "rcu";
  return void 0;
}

// dist/src/c/syntax.js
var ANY_GRAMMAR = { typesWithFields: null, namedTokens: /* @__PURE__ */ new Set(), anonymousAreTokens: false };
var idTables = /* @__PURE__ */ new WeakMap();
function typeSlot(id) {
  return id + 1 & 65535;
}
function idTable(grammar2) {
  let table = idTables.get(grammar2);
  if (!table) {
    table = { typeNames: [], typeNamed: [], typeHasFields: [], typeIsToken: [], fieldNames: [null] };
    idTables.set(grammar2, table);
  }
  return table;
}
var NO_CHILDREN = Object.freeze([]);
function rowStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
    starts.push(i + 1);
  return starts;
}
function rowFrom(starts, index, from) {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= index)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}
function copyTree(cursor, text, grammar2 = ANY_GRAMMAR) {
  const { typeNames, typeNamed, typeHasFields, typeIsToken, fieldNames } = idTable(grammar2);
  const withFields = grammar2.typesWithFields;
  const starts = rowStarts(text);
  const lastRow = starts.length - 1;
  let row = 0;
  let made = 0;
  const make = (askField) => {
    const id = made = typeSlot(cursor.nodeTypeId);
    let type = typeNames[id];
    if (type === void 0) {
      type = typeNames[id] = cursor.nodeType;
      const named2 = typeNamed[id] = cursor.nodeIsNamed;
      typeHasFields[id] = !withFields || type === "ERROR" || named2 && withFields.has(type);
      typeIsToken[id] = named2 ? grammar2.namedTokens.has(type) : grammar2.anonymousAreTokens;
    }
    const fieldId = askField ? cursor.currentFieldId ?? 0 : 0;
    let field = fieldNames[fieldId];
    if (field === void 0)
      field = fieldNames[fieldId] = cursor.currentFieldName ?? null;
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    if (start < starts[row])
      row = rowFrom(starts, start, 0);
    while (row < lastRow && starts[row + 1] <= start)
      row++;
    const endRow = row === lastRow || starts[row + 1] > end ? row : rowFrom(starts, end, row + 1);
    return {
      type,
      field,
      start,
      end,
      startRow: row,
      endRow,
      named: typeNamed[id],
      // Only zero-width nodes can be missing; asking the binding for every node would double the cost.
      missing: start === end && cursor.nodeIsMissing,
      children: NO_CHILDREN,
      namedCache: null
    };
  };
  const root = make(false);
  if (!cursor.gotoFirstChild())
    return root;
  const parents = [root];
  const parentsHaveFields = [typeHasFields[made]];
  for (; ; ) {
    const parent = parents[parents.length - 1];
    const node = make(parentsHaveFields[parentsHaveFields.length - 1]);
    if (parent.children === NO_CHILDREN)
      parent.children = [node];
    else
      parent.children.push(node);
    if (!typeIsToken[made] && cursor.gotoFirstChild()) {
      parents.push(node);
      parentsHaveFields.push(typeHasFields[made]);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      cursor.gotoParent();
      parents.pop();
      parentsHaveFields.pop();
      if (parents.length === 0)
        return root;
    }
  }
}
function namedChildren(n) {
  if (n.namedCache)
    return n.namedCache;
  const kids = n.children;
  let keep = 0;
  for (const c of kids)
    if (c.named && c.type !== "comment")
      keep++;
  let out;
  if (keep === kids.length)
    out = kids;
  else if (keep === 0)
    out = NO_CHILDREN;
  else {
    const list = [];
    for (const c of kids)
      if (c.named && c.type !== "comment")
        list.push(c);
    out = list;
  }
  n.namedCache = out;
  return out;
}
function childByField(n, field) {
  if (n.type === "ERROR")
    return null;
  for (const c of n.children)
    if (c.field === field)
      return c;
  return null;
}
function childrenByField(n, field) {
  const out = [];
  for (const c of n.children)
    if (c.field === field)
      out.push(c);
  return out;
}

// dist/src/c/parser.js
function binding() {
  const slot = os;
  const key = Symbol.for("p2pdma-review.tree-sitter");
  if (!slot[key]) {
    const require2 = createRequire(import.meta.url);
    slot[key] = { Parser: require2("tree-sitter"), C: require2("tree-sitter-c") };
  }
  return slot[key];
}
var parser;
var grammar;
function instance() {
  if (!parser) {
    const { Parser, C } = binding();
    parser = new Parser();
    parser.setLanguage(C);
  }
  return parser;
}
var C_NAMED_TOKENS = [
  "identifier",
  "field_identifier",
  "type_identifier",
  "statement_identifier",
  "number_literal",
  "comment",
  "string_content",
  "escape_sequence",
  "character",
  "system_lib_string",
  "preproc_arg",
  "preproc_directive",
  "true",
  "false"
];
function cGrammar() {
  if (!grammar) {
    const info = binding().C.nodeTypeInfo;
    grammar = {
      typesWithFields: info ? new Set(info.filter((t) => t.named && t.fields && Object.keys(t.fields).length > 0).map((t) => t.type)) : null,
      namedTokens: new Set(C_NAMED_TOKENS),
      // tree-sitter-c aliases only tokens to anonymous names (`#[ \t]*if` to `#if`), also checked by the test.
      anonymousAreTokens: true
    };
  }
  return grammar;
}
function parseSanitized(sanitized) {
  return instance().parse(sanitized, void 0, { bufferSize: sanitized.length + 1 });
}
function parseSyntax(text) {
  const sanitized = sanitizeKernelC(text);
  const root = copyTree(parseSanitized(sanitized).walk(), sanitized, cGrammar());
  return { syntax: { root, text: sanitized }, original: text };
}

// dist/src/c/images.js
function isCFile(path) {
  return !!path && /\.(c|h)$/.test(path);
}
function sideLines(h, side) {
  const out = [];
  for (const l of h.lines) {
    if (side === "new" && l.kind !== "del" && l.newLine !== void 0)
      out.push({ line: l.newLine, text: l.text });
    if (side === "old" && l.kind !== "add" && l.oldLine !== void 0)
      out.push({ line: l.oldLine, text: l.text });
  }
  return out;
}
function braceDelta(text, state) {
  let delta = 0;
  let min = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state.inComment) {
      if (c === "*" && text[i + 1] === "/") {
        state.inComment = false;
        i++;
      }
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      state.inComment = true;
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/")
      break;
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++)
        if (text[i] === "\\")
          i++;
      continue;
    }
    if (c === "{")
      delta++;
    else if (c === "}") {
      delta--;
      min = Math.min(min, delta);
    }
  }
  return { delta, min };
}
function isFuncnameLine(text) {
  return /^[A-Za-z_$]/.test(text) && !/^\w+:\s*$/.test(text) && !/^(default|case)\b/.test(text);
}
function looksLikeFunctionHeader(section) {
  return /\w\s*\(/.test(section) && !/;\s*$/.test(section) && !/^\s*#/.test(section) && !/^(struct|union|enum)\s+\w+\s*\{?\s*$/.test(section) && !/=\s*\{?\s*$/.test(section);
}
function groupHunks(hunks, side) {
  const groups = [];
  let lastContext = "";
  for (const h of hunks) {
    const lines = sideLines(h, side);
    if (lines.length === 0)
      continue;
    const section = h.section.trim();
    const prev = groups[groups.length - 1];
    const continues = prev && section !== "" && section === lastContext && /^\s/.test(lines[0].text);
    if (continues) {
      const st = { inComment: false };
      const last = prev.segments[prev.segments.length - 1];
      for (const l of last)
        braceDelta(l.text, st);
      if (st.inComment)
        last.push({ line: last[last.length - 1].line, text: "*/", synthetic: true });
      prev.segments.push(lines);
    } else {
      groups.push({ section, segments: [lines] });
    }
    const header = [...lines].reverse().find((l) => isFuncnameLine(l.text));
    lastContext = header ? header.text.trim() : section;
  }
  return groups;
}
function depthNeeds(lines) {
  const state = { inComment: false };
  let depth = 0;
  let need = 0;
  let startsStatement = true;
  let inMacro = false;
  for (const l of lines) {
    const macroLine = inMacro || /^\s*#/.test(l.text);
    inMacro = macroLine && /\\\s*$/.test(l.text);
    if (macroLine)
      continue;
    const startedInComment = state.inComment;
    const { delta, min } = braceDelta(l.text, state);
    const code = l.text.trim();
    const isCode = !startedInComment && code !== "" && !/^(#|\/\*|\*|\/\/)/.test(code);
    if (isCode && startsStatement && /^\s/.test(l.text) && !/^}/.test(code))
      need = Math.max(need, 1 - depth);
    need = Math.max(need, -(depth + min));
    depth += delta;
    if (isCode)
      startsStatement = /[;{}:]\s*(\/\*.*\*\/)?\s*$/.test(code);
  }
  return { need, delta: depth };
}
var UNKNOWN_RETURN_TYPE = "__p2pdma_review_unknown_t";
function headerFromSection(section) {
  let h = section.replace(/\{\s*$/, "").replace(/\/\*.*$|\/\/.*$/, "").trimEnd();
  const open = (h.match(/\(/g) ?? []).length - (h.match(/\)/g) ?? []).length;
  if (open > 0)
    h = `${h.replace(/,\s*$/, "")}${")".repeat(open)}`;
  if (/^[A-Za-z_]\w*\s*\(/.test(h))
    h = `${UNKNOWN_RETURN_TYPE} ${h}`;
  return h;
}
function fragmentOf(group) {
  const rows = [];
  const lines = [];
  const synthetic = /* @__PURE__ */ new Set();
  const firstLine = group.segments[0][0].line;
  const push = (text, line, isSynthetic) => {
    if (isSynthetic)
      synthetic.add(rows.length);
    rows.push(text);
    lines.push(line);
  };
  let depth = 0;
  group.segments.forEach((segment, i) => {
    const { need, delta } = depthNeeds(segment);
    const required = i === 0 && segment[0].line === 1 ? 0 : need;
    if (required > depth) {
      const opens = "{ ".repeat(required - depth);
      if (i === 0) {
        const header = looksLikeFunctionHeader(group.section) ? headerFromSection(group.section) : "void __p2pdma_review_fragment(void)";
        push(`${header} ${opens}`, firstLine, true);
      } else {
        push(opens, segment[0].line, true);
      }
      depth = required;
    }
    for (const l of segment)
      push(l.text, l.line, !!l.synthetic);
    depth += delta;
  });
  if (depth > 0)
    push("}".repeat(depth), lines[lines.length - 1], true);
  return { text: rows.join("\n"), lines, syntheticRows: synthetic };
}
function lineSets(file, side) {
  const changed = /* @__PURE__ */ new Set();
  const context = /* @__PURE__ */ new Set();
  const lineText = /* @__PURE__ */ new Map();
  for (const h of file.hunks) {
    for (const l of h.lines) {
      const n = side === "new" ? l.newLine : l.oldLine;
      if (n === void 0)
        continue;
      if (l.kind === "ctx")
        context.add(n);
      else if (l.kind === "add" && side === "new" || l.kind === "del" && side === "old")
        changed.add(n);
      else
        continue;
      lineText.set(n, l.text);
    }
  }
  return { changed, context, lineText };
}
function hunkImage(file, side) {
  const path = side === "new" ? file.newPath : file.oldPath;
  if (!isCFile(path) || file.binary)
    return void 0;
  const fragments = groupHunks(file.hunks, side).map(fragmentOf);
  if (fragments.length === 0)
    return void 0;
  return { path, side, fragments, complete: false, ...lineSets(file, side) };
}
function fullImage(file, side, text) {
  const path = side === "new" ? file.newPath : file.oldPath;
  if (!isCFile(path) || file.binary)
    return void 0;
  const rows = text.split("\n");
  const sets = lineSets(file, side);
  rows.forEach((t, i) => {
    if (!sets.lineText.has(i + 1))
      sets.lineText.set(i + 1, t);
  });
  return {
    path,
    side,
    complete: true,
    ...sets,
    fragments: [{ text, lines: rows.map((_, i) => i + 1), syntheticRows: /* @__PURE__ */ new Set() }]
  };
}

// dist/src/c/lower.js
var LOOP_MACRO = /(^|_)for_each(_|$)|foreach/;
function source(ctx, n) {
  return ctx.original.slice(n.start, n.end);
}
function ptext(ctx, n) {
  return ctx.parsed.slice(n.start, n.end);
}
function pos(ctx, n) {
  return { line: ctx.lineOf(n.startRow), endLine: ctx.lineOf(n.endRow), text: source(ctx, n) };
}
var named = namedChildren;
function fieldText(ctx, n, field) {
  const c = childByField(n, field);
  return c ? ptext(ctx, c) : void 0;
}
function operatorText(ctx, n) {
  return fieldText(ctx, n, "operator");
}
function firstChildText(ctx, n) {
  return n.children.length ? ptext(ctx, n.children[0]) : void 0;
}
function lowerExpr(ctx, n) {
  const p = pos(ctx, n);
  switch (n.type) {
    case "identifier":
    case "field_identifier":
    case "type_identifier":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "ident", name: ptext(ctx, n) };
    case "parenthesized_expression": {
      const inner = named(n)[0];
      return inner ? lowerExpr(ctx, inner) : { line: p.line, endLine: p.endLine, text: p.text, k: "other", children: [] };
    }
    case "call_expression": {
      const fn = childByField(n, "function");
      const argsNode = childByField(n, "arguments");
      const args = argsNode ? named(argsNode).map((a) => lowerExpr(ctx, a)) : [];
      const calleeExpr = fn ? lowerExpr(ctx, fn) : null;
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "call",
        callee: calleeName(calleeExpr),
        calleeExpr,
        args
      };
    }
    case "field_expression": {
      const base = childByField(n, "argument");
      const field = childByField(n, "field");
      const op = childByField(n, "operator");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "field",
        base: base ? lowerExpr(ctx, base) : other(ctx, n),
        field: field ? ptext(ctx, field) : "",
        arrow: op ? ptext(ctx, op) === "->" : ptext(ctx, n).includes("->")
      };
    }
    case "subscript_expression": {
      const base = childByField(n, "argument");
      const index = childByField(n, "index") ?? named(n)[1];
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "index",
        base: base ? lowerExpr(ctx, base) : other(ctx, n),
        index: index ? lowerExpr(ctx, index) : other(ctx, n)
      };
    }
    case "pointer_expression": {
      const arg = childByField(n, "argument");
      const op = operatorText(ctx, n) ?? firstChildText(ctx, n);
      const a = arg ? lowerExpr(ctx, arg) : other(ctx, n);
      return op === "&" ? { line: p.line, endLine: p.endLine, text: p.text, k: "addr", arg: a } : { line: p.line, endLine: p.endLine, text: p.text, k: "deref", arg: a };
    }
    case "cast_expression": {
      const type = childByField(n, "type");
      const value = childByField(n, "value");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "cast",
        type: type ? source(ctx, type) : "",
        arg: value ? lowerExpr(ctx, value) : other(ctx, n)
      };
    }
    case "binary_expression": {
      const l = childByField(n, "left");
      const r = childByField(n, "right");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "binary",
        op: operatorText(ctx, n) ?? "",
        left: l ? lowerExpr(ctx, l) : other(ctx, n),
        right: r ? lowerExpr(ctx, r) : other(ctx, n)
      };
    }
    case "unary_expression":
    case "update_expression": {
      const arg = childByField(n, "argument");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "unary",
        op: operatorText(ctx, n) ?? "",
        arg: arg ? lowerExpr(ctx, arg) : other(ctx, n)
      };
    }
    case "assignment_expression": {
      const l = childByField(n, "left");
      const r = childByField(n, "right");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "assign",
        op: operatorText(ctx, n) ?? "=",
        left: l ? lowerExpr(ctx, l) : other(ctx, n),
        right: r ? lowerExpr(ctx, r) : other(ctx, n)
      };
    }
    case "conditional_expression": {
      const c = childByField(n, "condition");
      const t = childByField(n, "consequence");
      const e = childByField(n, "alternative");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "cond",
        test: c ? lowerExpr(ctx, c) : other(ctx, n),
        // GNU `a ?: b` has no consequence: its value is the condition's. Lowering the whole node again here
        // (as `other`) doubled the work at every level of a `?:` chain (31 M IR nodes for one bcachefs file).
        then: t ? lowerExpr(ctx, t) : c ? lowerExpr(ctx, c) : other(ctx, n),
        else: e ? lowerExpr(ctx, e) : other(ctx, n)
      };
    }
    case "number_literal":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "literal", lit: "number" };
    case "string_literal":
    case "concatenated_string":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "literal", lit: "string" };
    case "char_literal":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "literal", lit: "char" };
    case "null":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "literal", lit: "null" };
    case "true":
    case "false":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "literal", lit: "bool" };
    case "sizeof_expression":
    case "alignof_expression":
    case "offsetof_expression":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "sizeof" };
    case "comma_expression":
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "comma",
        list: named(n).map((c) => lowerExpr(ctx, c))
      };
    case "initializer_list":
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "init",
        items: named(n).map((c) => lowerExpr(ctx, c))
      };
    case "initializer_pair": {
      const v = childByField(n, "value");
      return v ? lowerExpr(ctx, v) : other(ctx, n);
    }
    case "compound_literal_expression": {
      const v = childByField(n, "value");
      return v ? lowerExpr(ctx, v) : other(ctx, n);
    }
    case "ERROR":
      ctx.errors++;
      return other(ctx, n);
    default:
      return other(ctx, n);
  }
}
function other(ctx, n) {
  const children = named(n).filter((c) => c.type !== "type_descriptor" && c.type !== "primitive_type").map((c) => lowerExpr(ctx, c));
  const p = pos(ctx, n);
  return { line: p.line, endLine: p.endLine, text: p.text, k: "other", children };
}
function calleeName(e) {
  if (!e)
    return "";
  if (e.k === "ident")
    return e.name;
  if (e.k === "field")
    return e.field;
  return e.text.replace(/\s+/g, "");
}
function declShape(ctx, n) {
  let pointer = false;
  let array = false;
  let fnParams;
  let cur = n;
  while (cur) {
    switch (cur.type) {
      case "identifier":
      case "field_identifier":
      case "type_identifier":
        return { name: ptext(ctx, cur), pointer, array, fnParams };
      case "pointer_declarator":
      case "abstract_pointer_declarator":
        pointer = true;
        cur = childByField(cur, "declarator");
        break;
      case "array_declarator":
        array = true;
        cur = childByField(cur, "declarator");
        break;
      case "function_declarator":
        fnParams = childByField(cur, "parameters") ?? void 0;
        cur = childByField(cur, "declarator");
        break;
      case "init_declarator":
        cur = childByField(cur, "declarator");
        break;
      case "parenthesized_declarator":
      case "attributed_declarator":
        cur = named(cur)[0] ?? null;
        break;
      default:
        cur = named(cur)[0] ?? null;
    }
  }
  return void 0;
}
function typeText(ctx, declNode, declarator) {
  const first = childByField(declNode, "declarator") ?? declarator;
  const head = ctx.original.slice(declNode.start, first ? first.start : declNode.end);
  if (!declarator)
    return head.trim();
  const valueAt = declarator.type === "init_declarator" ? childByField(declarator, "value") : null;
  const declOnly = ctx.original.slice(declarator.start, valueAt ? valueAt.start : declarator.end);
  return `${head.trim()} ${declOnly.replace(/=\s*$/, "")}`.replace(/\s+/g, " ").trim();
}
function isStaticDecl(ctx, n) {
  return named(n).some((c) => c.type === "storage_class_specifier" && ptext(ctx, c) === "static");
}
function lowerDeclarators(ctx, n) {
  const out = [];
  const isStatic = isStaticDecl(ctx, n);
  for (const d of childrenByField(n, "declarator")) {
    const shape = declShape(ctx, d);
    if (!shape)
      continue;
    const value = d.type === "init_declarator" ? childByField(d, "value") : null;
    const type = typeText(ctx, n, d).replace(new RegExp(`\\b${shape.name}\\b`), "").replace(/\s+/g, " ").trim();
    const p = pos(ctx, d);
    out.push({
      line: p.line,
      endLine: p.endLine,
      text: p.text,
      name: shape.name,
      type,
      pointer: shape.pointer || /\*/.test(type),
      array: shape.array,
      isStatic,
      addressSpace: addressSpaceOf(type),
      init: value ? lowerExpr(ctx, value) : void 0
    });
  }
  return out;
}
function lowerParams(ctx, params) {
  if (!params)
    return [];
  const out = [];
  for (const param of named(params)) {
    if (param.type !== "parameter_declaration")
      continue;
    const d = childByField(param, "declarator");
    const shape = declShape(ctx, d);
    if (!shape)
      continue;
    const type = source(ctx, param).replace(new RegExp(`\\b${shape.name}\\b`), "").replace(/\s+/g, " ").trim();
    const p = pos(ctx, param);
    out.push({
      line: p.line,
      endLine: p.endLine,
      text: p.text,
      name: shape.name,
      type,
      pointer: shape.pointer || /\*/.test(type),
      array: shape.array,
      isStatic: false,
      addressSpace: addressSpaceOf(type)
    });
  }
  return out;
}
function lowerBlockItems(ctx, items) {
  const out = [];
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    if (c.type === "expression_statement" && c.children.some((x) => x.missing) && i + 1 < items.length && isLoopMacroCall(ctx, named(c)[0])) {
      out.push(macroLoop(ctx, c, items[i + 1]));
      i++;
      continue;
    }
    out.push(lowerStmt(ctx, c));
  }
  return out;
}
function isLoopMacroCall(ctx, call) {
  const fn = call?.type === "call_expression" ? fieldText(ctx, call, "function") ?? "" : "";
  return fn !== "" && LOOP_MACRO.test(fn);
}
function macroLoop(ctx, header, next) {
  const body = lowerStmt(ctx, next);
  const call = lowerExpr(ctx, named(header)[0]);
  const p = pos(ctx, header);
  return { line: p.line, endLine: body.endLine, text: p.text, k: "loop", form: "macro", header: call, body };
}
function lowerStmt(ctx, n) {
  const p = pos(ctx, n);
  switch (n.type) {
    case "compound_statement":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "block", body: lowerBlockItems(ctx, named(n)) };
    case "declaration":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "decl", vars: lowerDeclarators(ctx, n) };
    case "expression_statement": {
      const e = named(n)[0];
      return e ? { line: p.line, endLine: p.endLine, text: p.text, k: "expr", expr: lowerExpr(ctx, e) } : { line: p.line, endLine: p.endLine, text: p.text, k: "block", body: [] };
    }
    case "if_statement": {
      const cond = childByField(n, "condition");
      const cons = childByField(n, "consequence");
      const alt = childByField(n, "alternative");
      const altStmt = alt ? alt.type === "else_clause" ? named(alt)[0] : alt : void 0;
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "if",
        cond: cond ? lowerExpr(ctx, cond) : other(ctx, n),
        then: cons ? lowerStmt(ctx, cons) : empty(p),
        else: altStmt ? lowerStmt(ctx, altStmt) : void 0
      };
    }
    case "for_statement": {
      const init = childByField(n, "initializer");
      const cond = childByField(n, "condition");
      const upd = childByField(n, "update");
      const body = childByField(n, "body");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "loop",
        form: "for",
        init: init ? init.type === "declaration" ? lowerStmt(ctx, init) : exprStmt(ctx, init) : void 0,
        cond: cond ? lowerExpr(ctx, cond) : void 0,
        update: upd ? lowerExpr(ctx, upd) : void 0,
        body: body ? lowerStmt(ctx, body) : empty(p)
      };
    }
    case "while_statement":
    case "do_statement": {
      const cond = childByField(n, "condition");
      const body = childByField(n, "body");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "loop",
        form: n.type === "while_statement" ? "while" : "do",
        cond: cond ? lowerExpr(ctx, cond) : void 0,
        body: body ? lowerStmt(ctx, body) : empty(p)
      };
    }
    case "return_statement": {
      const v = named(n)[0];
      return { line: p.line, endLine: p.endLine, text: p.text, k: "return", value: v ? lowerExpr(ctx, v) : void 0 };
    }
    case "goto_statement":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "goto", label: fieldText(ctx, n, "label") ?? "" };
    case "labeled_statement": {
      const label = fieldText(ctx, n, "label") ?? "";
      const rest = named(n).filter((c) => c.type !== "statement_identifier");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "label",
        name: label,
        body: rest[0] ? lowerStmt(ctx, rest[0]) : empty(p)
      };
    }
    case "break_statement":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "break" };
    case "continue_statement":
      return { line: p.line, endLine: p.endLine, text: p.text, k: "continue" };
    case "switch_statement": {
      const cond = childByField(n, "condition");
      const body = childByField(n, "body");
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "switch",
        cond: cond ? lowerExpr(ctx, cond) : other(ctx, n),
        body: body ? lowerStmt(ctx, body) : empty(p)
      };
    }
    case "case_statement": {
      const value = childByField(n, "value");
      const stmts = named(n).filter((c) => c !== value);
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "case",
        value: value ? lowerExpr(ctx, value) : void 0,
        body: lowerBlockItems(ctx, stmts)
      };
    }
    case "attributed_statement":
    case "preproc_if":
    case "preproc_ifdef":
    case "preproc_else":
    case "preproc_elif":
    case "preproc_elifdef": {
      const items = named(n).filter((c) => !["preproc_arg", "identifier", "attribute_declaration"].includes(c.type) && !c.type.endsWith("_expression") && c.type !== "number_literal");
      return { line: p.line, endLine: p.endLine, text: p.text, k: "block", body: lowerBlockItems(ctx, items) };
    }
    case "ERROR": {
      ctx.errors++;
      const kids = named(n);
      if (kids.some((c) => STATEMENT_TYPES.has(c.type))) {
        return { line: p.line, endLine: p.endLine, text: p.text, k: "block", body: lowerBlockItems(ctx, kids) };
      }
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "unknown",
        exprs: kids.map((c) => lowerExpr(ctx, c))
      };
    }
    default:
      if (n.type.endsWith("_expression")) {
        return { line: p.line, endLine: p.endLine, text: p.text, k: "expr", expr: lowerExpr(ctx, n) };
      }
      return {
        line: p.line,
        endLine: p.endLine,
        text: p.text,
        k: "unknown",
        exprs: named(n).map((c) => lowerExpr(ctx, c))
      };
  }
}
var STATEMENT_TYPES = /* @__PURE__ */ new Set([
  "compound_statement",
  "declaration",
  "expression_statement",
  "if_statement",
  "for_statement",
  "while_statement",
  "do_statement",
  "return_statement",
  "goto_statement",
  "labeled_statement",
  "break_statement",
  "continue_statement",
  "switch_statement",
  "case_statement"
]);
function exprStmt(ctx, n) {
  const p = pos(ctx, n);
  return { line: p.line, endLine: p.endLine, text: p.text, k: "expr", expr: lowerExpr(ctx, n) };
}
function empty(p) {
  return { line: p.line, endLine: p.endLine, text: "", k: "block", body: [] };
}
function lowerFunction(ctx, n, synthetic) {
  const declarator = childByField(n, "declarator");
  const shape = declShape(ctx, declarator);
  const body = childByField(n, "body");
  if (!shape || !body)
    return void 0;
  const headText = ctx.original.slice(n.start, body.start);
  const annotations = [...headText.matchAll(/\b(__acquires|__releases|__must_hold|__cond_acquires)\s*\(([^)]*)\)/g)].map((m) => `${m[1]}(${m[2].trim()})`);
  const p = pos(ctx, n);
  return {
    line: p.line,
    endLine: p.endLine,
    text: p.text,
    name: shape.name,
    returnType: ctx.original.slice(n.start, declarator.start).replace(/\s+/g, " ").trim().replace(UNKNOWN_RETURN_TYPE, "").trim(),
    params: lowerParams(ctx, shape.fnParams),
    isStatic: isStaticDecl(ctx, n),
    body: lowerStmt(ctx, body),
    annotations,
    synthetic
  };
}
function lowerStructs(ctx, n, out) {
  const stack = [n];
  while (stack.length) {
    const cur = stack.pop();
    if (cur.type === "struct_specifier" || cur.type === "union_specifier") {
      const name = fieldText(ctx, cur, "name") ?? "";
      const body = childByField(cur, "body");
      if (body) {
        for (const f of named(body)) {
          if (f.type !== "field_declaration") {
            stack.push(f);
            continue;
          }
          for (const d of childrenByField(f, "declarator")) {
            const shape = declShape(ctx, d);
            if (!shape)
              continue;
            const type = source(ctx, f).replace(new RegExp(`\\b${shape.name}\\b`), "").replace(/[;\s]+/g, " ").trim();
            const p = pos(ctx, d);
            out.push({
              line: p.line,
              endLine: p.endLine,
              text: p.text,
              struct: name,
              name: shape.name,
              type,
              pointer: shape.pointer,
              array: shape.array,
              isStatic: false,
              addressSpace: addressSpaceOf(type)
            });
          }
          const t = childByField(f, "type");
          if (t)
            stack.push(t);
        }
      }
      continue;
    }
    if (cur.type === "function_definition")
      continue;
    for (const c of named(cur))
      stack.push(c);
  }
}
function lowerSyntax(parsed, lineOf, path, syntheticHeaderRows = /* @__PURE__ */ new Set()) {
  const { syntax: { root, text: parsedText }, original } = parsed;
  const ctx = { lineOf, original, parsed: parsedText, errors: 0 };
  const functions = [];
  const globals = [];
  const structFields = [];
  const visitTop = (nodes) => {
    for (const c of nodes) {
      if (c.type === "function_definition") {
        const f = lowerFunction(ctx, c, syntheticHeaderRows.has(c.startRow));
        if (f)
          functions.push(f);
      } else if (c.type === "declaration") {
        globals.push(...lowerDeclarators(ctx, c));
        lowerStructs(ctx, c, structFields);
      } else if (c.type === "type_definition" || c.type === "struct_specifier" || c.type === "union_specifier") {
        lowerStructs(ctx, c, structFields);
      } else if (c.type.startsWith("preproc_if") || c.type === "preproc_else" || c.type === "preproc_elif" || c.type === "linkage_specification" || c.type === "declaration_list") {
        visitTop(named(c));
      } else if (c.type === "ERROR") {
        ctx.errors++;
        visitTop(named(c));
      } else if (c.type === "expression_statement" || c.type === "compound_statement") {
        const body = lowerStmt(ctx, c);
        const p = pos(ctx, c);
        functions.push({
          line: p.line,
          endLine: p.endLine,
          text: p.text,
          name: "",
          returnType: "",
          params: [],
          isStatic: false,
          body,
          annotations: [],
          synthetic: true
        });
      }
    }
  };
  visitTop(named(root));
  return { path, functions, globals, structFields, parseErrors: ctx.errors };
}

// dist/src/c/source.js
function parseImage(image) {
  const merged = { path: image.path, functions: [], globals: [], structFields: [], parseErrors: 0 };
  for (const frag of image.fragments) {
    const parsed = parseSyntax(frag.text);
    const last = frag.lines[frag.lines.length - 1] ?? 1;
    const lineOf = (row) => frag.lines[row] ?? last;
    const ir = lowerSyntax(parsed, lineOf, image.path, frag.syntheticRows);
    merged.functions.push(...ir.functions);
    merged.globals.push(...ir.globals);
    merged.structFields.push(...ir.structFields);
    merged.parseErrors += ir.parseErrors;
  }
  return merged;
}

// dist/src/engine/findings.js
function patchLineOf(patch, path, line, side) {
  for (const f of patch.files) {
    if ((side === "new" ? f.newPath : f.oldPath) !== path)
      continue;
    for (const h of f.hunks) {
      for (const l of h.lines) {
        if ((side === "new" ? l.newLine : l.oldLine) === line && (side === "new" ? l.kind !== "del" : l.kind !== "add")) {
          return l.patchLine;
        }
      }
    }
  }
  return void 0;
}
function severityOf(rule, report, config) {
  const override = config.rules[rule.meta.id]?.severity;
  if (override)
    return override;
  const certainty = report.certainty ?? rule.meta.certainty;
  return certainty === "likely" ? "warning" : rule.meta.defaultSeverity;
}
function toFinding(rule, report, patch, image, config) {
  const fnName = report.function?.name || void 0;
  const certainty = report.certainty ?? rule.meta.certainty;
  const evidence = (report.evidence ?? []).map((e) => ({ ...e, side: e.side ?? image.side }));
  const finding = {
    ruleId: rule.meta.id,
    severity: severityOf(rule, report, config),
    certainty,
    message: report.message,
    why: report.why,
    instead: report.instead,
    platformNotes: report.platformNotes?.length ? report.platformNotes : void 0,
    references: report.references ?? rule.meta.catalogue,
    input: patch.input,
    patch: patch.subject.raw,
    patchId: patch.id,
    file: image.path,
    line: report.line,
    side: image.side,
    startLine: report.startLine,
    patchLine: patchLineOf(patch, image.path, report.line, image.side),
    sourceLine: image.lineText.get(report.line),
    quoted: patch.quoted,
    evidence,
    kind: "introduces",
    function: fnName,
    fingerprint: fingerprintOf({ ruleId: rule.meta.id, file: image.path, function: fnName, code: report.code })
  };
  if (report.suggestion)
    finding.suggestion = { file: image.path, ...report.suggestion };
  return finding;
}

// dist/src/engine/images.js
async function imagesFor(file, input, tree, apply) {
  const notes = [];
  const path = file.newPath ?? file.oldPath;
  if (!isCFile(path) || file.binary)
    return { notes };
  let post;
  let pre;
  if (tree?.image === "pre" && file.oldPath && file.status !== "added") {
    const text = await tree.read(file.oldPath);
    if (text === void 0) {
      notes.push({ input, message: `${file.oldPath}: not found in the tree; reviewing the hunks only` });
    } else {
      pre = fullImage(file, "old", text);
      const applied = apply(text, file);
      if ("text" in applied)
        post = fullImage(file, "new", applied.text);
      else
        notes.push({ input, message: `${file.oldPath}: ${applied.error}; reviewing the hunks only` });
    }
  } else if (tree?.image === "post" && file.newPath && file.status !== "deleted") {
    const text = await tree.read(file.newPath);
    if (text !== void 0)
      post = fullImage(file, "new", text);
  }
  if (file.status === "added" && !post)
    post = hunkImage(file, "new");
  if (file.status === "deleted" && !pre)
    pre = hunkImage(file, "old");
  return {
    post: post ?? (file.status === "deleted" ? void 0 : hunkImage(file, "new")),
    pre: pre ?? (file.status === "added" ? void 0 : hunkImage(file, "old")),
    notes
  };
}

// dist/src/engine/message-examples.js
var MESSAGE_PATH = "COMMIT_MSG";
var LOG_LINE = /\+0x[0-9a-f]+\/0x[0-9a-f]+|^\s*\[\s*[\d.]+\]|^\s*(WARNING|BUG|RIP|Call Trace|NIP|LR|CPU|Hardware name|Modules linked in)\b[: ]|^\s*\[[<c0-9a-fx.]+[\]>]/;
var TRAILER = /^[A-Z][\w-]*(-by|-to)?:\s+\S/;
function codeLike(line) {
  const t = line.trim();
  if (!t || line.startsWith(">") || LOG_LINE.test(line))
    return false;
  if (/^[{}]\s*;?$/.test(t) || /^}\s*(else\b.*)?$/.test(t))
    return true;
  if (/;\s*(\/\*.*\*\/|\/\/.*)?$/.test(t) && !/^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(t))
    return true;
  if (/^(if|for|while|switch|else|do)\b.*[({]\s*$/.test(t) || /^(if|while|for)\s*\(.*\)\s*$/.test(t))
    return true;
  if (/^#\s*(include|define|if|ifdef|endif|else)\b/.test(t))
    return true;
  if (/^[A-Za-z_][\w\s*]*\(\s*[\w\s*,]*,\s*$/.test(t) && !/\s{2,}[a-z]+\s[a-z]+\s[a-z]+/.test(t))
    return true;
  if (/^\s+/.test(line) && /^[\w\s*()&>-]+[,)]\s*$/.test(t) && /[(*_]|\w\)$/.test(t) && t.split(/\s+/).length <= 6)
    return true;
  if (/^(\t|\s{2,})/.test(line) && /[A-Za-z_]\w*\s*\(/.test(t) && /[,(]\s*$/.test(t) && !/[.:]\s/.test(t))
    return true;
  return false;
}
var BUG_CONTEXT = /\b(bug|buggy|wrong(ly)?|incorrect(ly)?|broken|crash(es|ed)?|oops|panic|leak(s|ed)?|corrupt\w*|fail(s|ed|ure)?|problem|issue|regression|instead of|currently|old code|existing code|previous(ly)?|before this|introduced|caus(e|es|ed)|results? in|trigger(s|ed)?|splat|race)\b/i;
var USAGE_CONTEXT = /\b(example|for instance|e\.g\.|such as|as follows|like this|like so|usage|can be (used|assigned|called|passed)|allows?|enables?|following)\b/i;
var norm = (s) => s.replace(/\s+/g, "");
function messageExamples(patch) {
  const lines = patch.body.split("\n");
  let end = lines.length;
  for (let i2 = 0; i2 < lines.length; i2++)
    if (TRAILER.test(lines[i2]) && i2 > 0) {
      end = i2;
      break;
    }
  const blocks = [];
  let i = 0;
  while (i < end) {
    if (!codeLike(lines[i])) {
      i++;
      continue;
    }
    let j = i;
    let last = i;
    while (j < end) {
      if (codeLike(lines[j])) {
        last = j;
        j++;
        continue;
      }
      if (lines[j].trim() === "" && j + 1 < end && codeLike(lines[j + 1])) {
        j++;
        continue;
      }
      break;
    }
    blocks.push({ start: i, end: last });
    i = last + 1;
  }
  const fixes = /^Fixes:\s/m.test(patch.body);
  const removed = /* @__PURE__ */ new Set();
  const added = /* @__PURE__ */ new Set();
  for (const f of patch.files)
    for (const h of f.hunks)
      for (const l of h.lines) {
        if (l.kind === "del")
          removed.add(norm(l.text));
        if (l.kind === "add")
          added.add(norm(l.text));
      }
  const out = [];
  for (const b of blocks) {
    const block = lines.slice(b.start, b.end + 1);
    const code = block.filter((l) => l.trim() !== "");
    const semis = code.filter((l) => /;\s*$/.test(l.trim())).length;
    const calls = code.filter((l) => /[A-Za-z_]\w*\s*\(/.test(l)).length;
    if (code.length < 2 || semis === 0 || calls === 0)
      continue;
    let k = b.start - 1;
    while (k >= 0 && lines[k].trim() === "")
      k--;
    const para = [];
    while (k >= 0 && lines[k].trim() !== "" && !codeLike(lines[k])) {
      para.unshift(lines[k]);
      k--;
    }
    const before = para.join(" ");
    const substantive = code.filter((l) => norm(l).length > 3);
    const inRemoved = substantive.filter((l) => removed.has(norm(l))).length;
    const inAdded = substantive.filter((l) => added.has(norm(l))).length;
    let role;
    let reason;
    if (fixes) {
      role = "quoted-bug";
      reason = "the message has a Fixes: trailer: code it shows is the bug being fixed";
    } else if (substantive.length && inRemoved * 2 >= substantive.length) {
      role = "quoted-bug";
      reason = "the block quotes lines this patch removes";
    } else if (substantive.length && inAdded * 2 >= substantive.length) {
      role = "in-diff";
      reason = "the block repeats lines this patch adds (the diff is reviewed already)";
    } else if (BUG_CONTEXT.test(before)) {
      role = "quoted-bug";
      reason = `the text before it describes a problem: "${before.trim().slice(0, 80)}"`;
    } else if (USAGE_CONTEXT.test(before)) {
      role = "usage";
      reason = `the text before it introduces an example: "${before.trim().slice(0, 80)}"`;
    } else {
      role = "unclear";
      reason = "no text before it says whether it is an example or quoted code";
    }
    out.push({ startLine: b.start + 1, endLine: b.end + 1, lines: block, role, reason });
  }
  return out;
}
var UNTYPED_HEADER = /^([A-Za-z_]\w*)\s*\(/;
var C_WORDS = /* @__PURE__ */ new Set(["if", "for", "while", "switch", "return", "sizeof", "do"]);
function messageExampleImage(patch) {
  const examples = messageExamples(patch).filter((e) => e.role === "usage");
  if (examples.length === 0)
    return void 0;
  const fragments = [];
  const changed = /* @__PURE__ */ new Set();
  const lineText = /* @__PURE__ */ new Map();
  for (const ex of examples) {
    const rows = [];
    const lines = [];
    const synthetic = /* @__PURE__ */ new Set();
    const hasBody = ex.lines.some((l) => /^\s*\{\s*$/.test(l) || /\)\s*\{\s*$/.test(l));
    const headerAtCol0 = ex.lines.some((l) => UNTYPED_HEADER.test(l) || /^[A-Za-z_][\w\s*]*\s[*]?\w+\s*\(/.test(l));
    const wrap = !(hasBody && headerAtCol0);
    if (wrap) {
      rows.push("void __p2pdma_review_example(void) {");
      lines.push(ex.startLine);
      synthetic.add(0);
    }
    ex.lines.forEach((text, n) => {
      const line = ex.startLine + n;
      const m = UNTYPED_HEADER.exec(text);
      rows.push(!wrap && m && !C_WORDS.has(m[1]) ? `void ${text}` : text);
      lines.push(line);
      if (text.trim()) {
        changed.add(line);
        lineText.set(line, text);
      }
    });
    if (wrap) {
      synthetic.add(rows.length);
      rows.push("}");
      lines.push(ex.endLine);
    }
    fragments.push({ text: rows.join("\n"), lines, syntheticRows: synthetic });
  }
  return { path: MESSAGE_PATH, side: "new", fragments, complete: false, changed, context: /* @__PURE__ */ new Set(), lineText };
}

// dist/src/engine/run.js
function now() {
  return performance.now();
}
function checkImage(patch, file, image, opts, out) {
  let t = now();
  const ir = parseImage(image);
  out.timings.parse += now() - t;
  t = now();
  const analysis = new FileAnalysis(ir, opts.model);
  out.timings.analyse += now() - t;
  t = now();
  const findings = [];
  const ctx = { patch, file, side: image.side, image, ir, analysis, model: opts.model };
  for (const rule of opts.rules) {
    let reports;
    try {
      reports = rule.check(ctx);
    } catch (err) {
      out.errors.push({ input: patch.input, message: `rule ${rule.meta.id} failed on ${image.path}: ${err.message}` });
      continue;
    }
    for (const r of reports)
      findings.push(toFinding(rule, r, patch, image, opts.config));
  }
  out.timings.rules += now() - t;
  return { image, findings };
}
function touches(f, image, withContext) {
  const lines = [
    f.line,
    ...f.startLine ? [f.startLine] : [],
    ...f.evidence.filter((e) => e.file === image.path && (e.side ?? image.side) === image.side).map((e) => e.line)
  ];
  return lines.some((l) => image.changed.has(l) || withContext && image.context.has(l));
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = `${f.fingerprint}:${f.side}`;
    if (seen.has(key))
      return false;
    seen.add(key);
    return true;
  });
}
async function reviewPatch(patch, opts) {
  const out = { findings: [], errors: [], notes: [], timings: { parse: 0, analyse: 0, rules: 0 } };
  const mode = opts.config.filter;
  for (const file of patch.files) {
    const path = file.newPath ?? file.oldPath;
    if (!path || !pathIncluded(opts.config, path))
      continue;
    const images = await imagesFor(file, patch.input, opts.tree, opts.apply);
    out.notes.push(...images.notes);
    const post = images.post ? checkImage(patch, file, images.post, opts, out) : void 0;
    const pre = images.pre ? checkImage(patch, file, images.pre, opts, out) : void 0;
    const before = new Set(pre?.findings.map((f) => f.fingerprint) ?? []);
    if (post) {
      for (const f of post.findings) {
        const introduced = touches(f, post.image, false) || pre !== void 0 && !before.has(f.fingerprint) && touches(f, post.image, true);
        if (mode === "nofilter" || mode === "file" || introduced || mode === "diff_context" && touches(f, post.image, true)) {
          out.findings.push(introduced ? f : { ...f, kind: "existing" });
        }
      }
    }
    if (pre) {
      const after = new Set(post?.findings.map((f) => f.fingerprint) ?? []);
      for (const f of pre.findings) {
        if (after.has(f.fingerprint) || !touches(f, pre.image, true))
          continue;
        out.findings.push({ ...f, kind: "fixes", severity: "info" });
      }
    }
  }
  const example = messageExampleImage(patch);
  if (example) {
    const file = { oldPath: null, newPath: MESSAGE_PATH, status: "added", binary: false, hunks: [] };
    out.findings.push(...checkImage(patch, file, example, opts, out).findings);
  }
  out.findings = dedupe(out.findings);
  return out;
}

// dist/src/review.js
function mergeBatch(into, more) {
  into.findings.push(...more.findings);
  into.errors.push(...more.errors);
  into.notes.push(...more.notes);
  into.timings.parse += more.timings.parse;
  into.timings.analyse += more.timings.analyse;
  into.timings.rules += more.timings.rules;
  return into;
}
function emptyBatch() {
  return { findings: [], errors: [], notes: [], timings: { parse: 0, analyse: 0, rules: 0 } };
}
function turn() {
  return new Promise((resolve) => setImmediate(resolve));
}
function batchReviewer(options) {
  const rules = enabledRules(options.config, options.extraRules ?? []);
  const model = createModelView(options.config);
  const batch = emptyBatch();
  return {
    batch,
    async add(patch) {
      mergeBatch(batch, await reviewPatch(patch, { config: options.config, rules, model, tree: options.tree, apply: applyHunks }));
      await turn();
    }
  };
}
async function forEachPatch(inputs, onPatch) {
  const summary = { ...emptyIngestProgress(), linesByInput: {} };
  const patches = ingestStream(inputs, summary);
  let ingestMs = 0;
  for (; ; ) {
    const t = performance.now();
    const next = await patches.next();
    ingestMs += performance.now() - t;
    if (next.done)
      return { summary, ingestMs };
    const patch = next.value;
    summary.linesByInput[patch.input] = (summary.linesByInput[patch.input] ?? 0) + countDiffLines(patch.files);
    await onPatch(patch);
  }
}
function assemble(ingested, batch, options, ingestMs) {
  const t = performance.now();
  const findings = sortFindings(batch.findings);
  const rules = enabledRules(options.config, options.extraRules ?? []);
  return {
    findings,
    errors: [...ingested.errors, ...batch.errors],
    notes: [...ingested.notes, ...batch.notes],
    rules: rules.map((r) => r.meta),
    stats: {
      ...ingested.stats,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
      linesByInput: ingested.linesByInput,
      timings: { ingest: ingestMs, ...batch.timings, filter: performance.now() - t }
    }
  };
}
async function review(inputs, options) {
  const reviewer = batchReviewer(options);
  const { summary, ingestMs } = await forEachPatch(inputs, (patch) => reviewer.add(patch));
  return assemble(summary, reviewer.batch, options, ingestMs);
}

export {
  mergeBatch,
  emptyBatch,
  batchReviewer,
  forEachPatch,
  assemble,
  review
};
