import {
  MAINLINE_VERSION,
  compareVersions,
  parseKernelVersion,
  tryParseKernelVersion
} from "./chunk-5P6P6PUZ.js";

// dist/src/model/added.js
var ADDED_IDENTIFIERS = [
  {
    name: "PCI_P2PDMA_MAP_THRU_HOST_BRIDGE",
    kind: "enum",
    // Added by the "PCI/P2PDMA: Support peer-to-peer memory through host bridges" series (posted Aug 2019).
    since: "\u22485.4",
    meaning: "P2P transfers through an allow-listed host bridge are DMA-mapped (IOVA under an IOMMU) instead of using PCI bus addresses",
    source: "drivers/pci/p2pdma.c"
  },
  {
    name: "PCI_P2PDMA_MAP_BUS_ADDR",
    kind: "enum",
    since: "\u22485.4",
    meaning: "P2P transfers below a common switch without ACS redirect use PCI bus addresses",
    source: "drivers/pci/p2pdma.c"
  },
  {
    name: "FOLL_PCI_P2PDMA",
    kind: "flag",
    since: "\u22486.2",
    meaning: "GUP may return P2PDMA pages only when the caller asks for them",
    source: "include/linux/mm.h"
  },
  {
    name: "SG_DMA_BUS_ADDRESS",
    kind: "flag",
    since: "\u22486.0",
    meaning: "scatterlist segments can carry PCI bus addresses that unmap must skip",
    source: "include/linux/scatterlist.h"
  }
];
var INDEX = new Map(ADDED_IDENTIFIERS.map((a) => [a.name, a]));
function addedIdentifier(name) {
  return INDEX.get(name);
}

// dist/src/model/contracts/types.js
function p(name, role, accepts, extra) {
  const out = { name, role };
  if (accepts)
    out.accepts = accepts;
  if (extra?.out)
    out.out = true;
  if (extra?.notes)
    out.notes = extra.notes;
  return out;
}
var DEV = p("dev", "dev");
var DIR = p("dir", "dir");
var ATTRS = p("attrs", "flags");
var GFP = p("gfp", "gfp");
var SIZE = p("size", "size");

// dist/src/model/contracts/kind-groups.js
var RAM_LINEAR = [
  "ram",
  "slab",
  "kmalloc-large",
  "memremap-ram",
  "zd-fsdax",
  "zd-generic",
  "zd-coherent"
];
var LINEAR_VA = [...RAM_LINEAR, "dma-pages", "p2pdma"];
var STRUCT_PAGE = [
  "ram",
  "highmem",
  "slab",
  "kmalloc-large",
  "vmalloc",
  "memremap-ram",
  "dma-pages",
  "zd-fsdax",
  "zd-generic",
  "zd-coherent",
  "p2pdma"
];
var FLAG_SAFE_PAGE = [...STRUCT_PAGE, "zd-private"];
var DMA_PAGE = [
  "ram",
  "highmem",
  "slab",
  "kmalloc-large",
  "vmalloc",
  "memremap-ram",
  "zd-fsdax",
  "zd-generic",
  "zd-coherent"
];
var DMA_SG_PAGE = [...DMA_PAGE, "p2pdma"];
var MMIO = ["iomem", "p2pdma"];
var MMIO_PHYS = ["iomem", "raw-pfn", "p2p-provider"];
var CPU_NORMAL = [
  "ram",
  "slab",
  "kmalloc-large",
  "vmalloc",
  "kvmalloc",
  "stack",
  "kernel-image",
  "memremap-ram",
  "memremap-nonram",
  "dma-coherent",
  "dma-pages",
  "zd-fsdax",
  "zd-generic",
  "zd-coherent"
];
var KMALLOC = ["slab", "kmalloc-large"];
var VMALLOC = ["vmalloc"];
var KVMALLOC = ["slab", "kmalloc-large", "vmalloc", "kvmalloc"];

// dist/src/model/contracts/alloc.js
var SLAB_H = "include/linux/slab.h";
var VMALLOC_H = "include/linux/vmalloc.h";
var GFP_H = "include/linux/gfp.h";
var DMA_MAPPING_H = "include/linux/dma-mapping.h";
var DMA_MAPPING_C = "kernel/dma/mapping.c";
var DEVRES_H = "include/linux/device/devres.h";
var slab = (name, params, extra = {}) => ({
  name,
  category: "allocator",
  params,
  returns: { kind: "slab", error: "null", type: "void *" },
  mightSleep: "gfp",
  source: SLAB_H,
  notes: "Requests above KMALLOC_MAX_CACHE_SIZE come from the page allocator (kind kmalloc-large, PageSlab false). A zero size returns ZERO_SIZE_PTR: non-NULL, must not be dereferenced or put in an sg.",
  ...extra
});
var vmallocFn = (name, params, extra = {}) => ({
  name,
  category: "allocator",
  params,
  returns: { kind: "vmalloc", error: "null", type: "void *" },
  mightSleep: true,
  source: VMALLOC_H,
  misuse: "virt_to_page, sg_set_buf or dma_map_single on the result",
  ...extra
});
var kvmallocFn = (name, params, extra = {}) => ({
  name,
  category: "allocator",
  params,
  returns: { kind: "kvmalloc", error: "null", type: "void *" },
  // Falls back to vmalloc only for GFP_KERNEL-compatible flags (mm/util.c).
  mightSleep: "gfp",
  source: SLAB_H,
  misuse: "any DMA or sg use without an is_vmalloc_addr() branch",
  ...extra
});
var pageAlloc = (name, params, type, extra = {}) => ({
  name,
  category: "allocator",
  params,
  returns: { kind: "ram", kindFromGfp: true, error: "null", type },
  mightSleep: "gfp",
  source: GFP_H,
  misuse: "page_address() on the result when __GFP_HIGHMEM was given (NULL on 32-bit HIGHMEM)",
  ...extra
});
var coherent = (name, params, source, extra = {}) => ({
  name,
  category: "allocator",
  params,
  returns: { kind: "dma-coherent", error: "null", type: "void *" },
  mightSleep: "gfp",
  source,
  misuse: "passing the CPU VA to dma_map_*, virt_to_page or sg_set_buf; __GFP_COMP (WARN, NULL); freeing with IRQs disabled",
  notes: "Needs dev->coherent_dma_mask (WARN otherwise); zone GFP flags are ignored. *dma_handle is the device address.",
  ...extra
});
var free = (name, params, source, extra = {}) => ({
  name,
  category: "free",
  params,
  returns: { error: "none", type: "void" },
  source,
  ...extra
});
var DMA_HANDLE_OUT = p("dma_handle", "dma-addr", void 0, { out: true });
var ALLOC_CONTRACTS = [
  // ── slab ──
  slab("kmalloc", [SIZE, GFP]),
  slab("kzalloc", [SIZE, GFP]),
  slab("kmalloc_node", [SIZE, GFP, p("node", "other")]),
  slab("kzalloc_node", [SIZE, GFP, p("node", "other")]),
  slab("kcalloc", [p("n", "size"), SIZE, GFP]),
  slab("kmalloc_array", [p("n", "size"), SIZE, GFP]),
  slab("krealloc", [p("p", "buffer", KMALLOC), p("new_size", "size"), GFP], {
    misuse: "p = krealloc(p, ...) loses the old buffer on failure"
  }),
  slab("kmemdup", [p("src", "buffer"), p("len", "size"), GFP], { source: "include/linux/string.h" }),
  slab("kmem_cache_alloc", [p("cachep", "other"), GFP], {
    notes: "Objects of a kmem_cache are slab memory (PageSlab true)."
  }),
  slab("kmem_cache_zalloc", [p("cachep", "other"), GFP]),
  slab("devm_kmalloc", [DEV, SIZE, GFP], { source: DEVRES_H, notes: "Freed automatically on driver detach." }),
  slab("devm_kzalloc", [DEV, SIZE, GFP], { source: DEVRES_H }),
  slab("devm_kcalloc", [DEV, p("n", "size"), SIZE, GFP], { source: DEVRES_H }),
  slab("devm_kmalloc_array", [DEV, p("n", "size"), SIZE, GFP], { source: DEVRES_H }),
  // ── vmalloc ──
  vmallocFn("vmalloc", [SIZE]),
  vmallocFn("vzalloc", [SIZE]),
  vmallocFn("vmalloc_user", [SIZE], { notes: "Zeroed, suitable for remap_vmalloc_range() to user space." }),
  vmallocFn("vmalloc_node", [SIZE, p("node", "other")]),
  vmallocFn("vmalloc_32", [SIZE]),
  vmallocFn("__vmalloc", [SIZE, GFP], {
    notes: "Only GFP_KERNEL-compatible flags (plus scoped NOFS/NOIO) are supported: vmalloc may always sleep."
  }),
  vmallocFn("vmap", [p("pages", "page", STRUCT_PAGE.filter((k) => k !== "p2pdma")), p("count", "size"), p("flags", "flags"), p("prot", "other")], {
    category: "mapping",
    notes: "A second, vmalloc-area alias of existing pages: flush/invalidate_kernel_vmap_range around DMA on aliasing caches."
  }),
  vmallocFn("dma_vmap_noncontiguous", [DEV, SIZE, p("sgt", "sgt", ["dma-pages"])], {
    category: "mapping",
    source: DMA_MAPPING_C
  }),
  // ── kvmalloc ──
  kvmallocFn("kvmalloc", [SIZE, GFP]),
  kvmallocFn("kvzalloc", [SIZE, GFP]),
  kvmallocFn("kvmalloc_node", [SIZE, GFP, p("node", "other")]),
  kvmallocFn("kvcalloc", [p("n", "size"), SIZE, GFP]),
  kvmallocFn("kvmalloc_array", [p("n", "size"), SIZE, GFP]),
  kvmallocFn("kvrealloc", [p("p", "buffer", KVMALLOC), SIZE, GFP], {
    notes: "Before \u22486.12 the signature was kvrealloc(p, oldsize, newsize, flags)."
  }),
  // ── page allocator ──
  pageAlloc("alloc_pages", [GFP, p("order", "other")], "struct page *"),
  pageAlloc("alloc_page", [GFP], "struct page *"),
  pageAlloc("alloc_pages_node", [p("nid", "other"), GFP, p("order", "other")], "struct page *"),
  pageAlloc("folio_alloc", [GFP, p("order", "other")], "struct folio *"),
  {
    name: "__get_free_pages",
    category: "allocator",
    params: [GFP, p("order", "other")],
    returns: { kind: "ram", error: "null", type: "unsigned long" },
    mightSleep: "gfp",
    source: GFP_H,
    misuse: "passing __GFP_HIGHMEM (the page may have no kernel address); treating 0 as a valid address",
    notes: "Returns a linear-map virtual address as unsigned long, 0 on failure."
  },
  {
    name: "__get_free_page",
    category: "allocator",
    params: [GFP],
    returns: { kind: "ram", error: "null", type: "unsigned long" },
    mightSleep: "gfp",
    source: GFP_H
  },
  {
    name: "get_zeroed_page",
    category: "allocator",
    params: [GFP],
    returns: { kind: "ram", error: "null", type: "unsigned long" },
    mightSleep: "gfp",
    source: GFP_H
  },
  // ── DMA allocators ──
  coherent("dma_alloc_coherent", [DEV, SIZE, DMA_HANDLE_OUT, GFP], DMA_MAPPING_H),
  coherent("dmam_alloc_coherent", [DEV, SIZE, DMA_HANDLE_OUT, GFP], DMA_MAPPING_H, {
    notes: "Managed (freed on driver detach)."
  }),
  coherent("dma_alloc_attrs", [DEV, SIZE, DMA_HANDLE_OUT, GFP, ATTRS], DMA_MAPPING_C, {
    notes: "With DMA_ATTR_NO_KERNEL_MAPPING the return value is an opaque cookie, not a pointer."
  }),
  coherent("dma_alloc_wc", [DEV, SIZE, DMA_HANDLE_OUT, GFP], DMA_MAPPING_H),
  coherent("dma_pool_alloc", [p("pool", "other"), GFP, DMA_HANDLE_OUT], "include/linux/dmapool.h", {
    notes: "Blocks carved out of dma_alloc_coherent() pages."
  }),
  coherent("dma_pool_zalloc", [p("pool", "other"), GFP, DMA_HANDLE_OUT], "include/linux/dmapool.h"),
  {
    name: "dma_pool_create",
    category: "allocator",
    params: [p("name", "other"), DEV, SIZE, p("align", "size"), p("boundary", "size")],
    returns: { error: "null", type: "struct dma_pool *" },
    mightSleep: true,
    source: "include/linux/dmapool.h"
  },
  {
    name: "dma_alloc_pages",
    category: "allocator",
    params: [DEV, SIZE, DMA_HANDLE_OUT, DIR, GFP],
    returns: { kind: "dma-pages", error: "null", type: "struct page *" },
    mightSleep: "gfp",
    source: DMA_MAPPING_C,
    misuse: "GFP zone flags or __GFP_COMP (rejected); CPU access without dma_sync_*_for_cpu"
  },
  {
    name: "dma_alloc_noncoherent",
    category: "allocator",
    params: [DEV, SIZE, DMA_HANDLE_OUT, DIR, GFP],
    returns: { kind: "dma-pages", error: "null", type: "void *" },
    mightSleep: "gfp",
    source: DMA_MAPPING_H,
    misuse: "CPU access without dma_sync_single_for_cpu after device writes"
  },
  {
    name: "dma_alloc_noncontiguous",
    category: "allocator",
    params: [DEV, SIZE, DIR, GFP, ATTRS],
    returns: { kind: "dma-pages", error: "null", type: "struct sg_table *" },
    mightSleep: "gfp",
    source: DMA_MAPPING_C
  },
  // ── genalloc ──
  {
    name: "gen_pool_alloc",
    category: "allocator",
    params: [p("pool", "other"), SIZE],
    returns: { error: "null", type: "unsigned long" },
    source: "include/linux/genalloc.h",
    notes: "Returns 0 on failure; the memory kind is whatever was added to the pool (P2PDMA for p2pdma pools)."
  },
  {
    name: "gen_pool_alloc_owner",
    category: "allocator",
    params: [p("pool", "other"), SIZE, p("owner", "other", void 0, { out: true })],
    returns: { error: "null", type: "unsigned long" },
    source: "include/linux/genalloc.h"
  },
  {
    name: "gen_pool_dma_alloc",
    category: "allocator",
    params: [p("pool", "other"), SIZE, p("dma", "dma-addr", void 0, { out: true })],
    returns: { error: "null", type: "void *" },
    source: "include/linux/genalloc.h"
  },
  // ── frees ──
  free("kfree", [p("objp", "buffer", KMALLOC)], SLAB_H, {
    misuse: "kfree of vmalloc/kvmalloc memory (use kvfree) or of devm_ memory (double free)",
    notes: "NULL and ZERO_SIZE_PTR are accepted."
  }),
  free("kvfree", [p("addr", "buffer", KVMALLOC)], SLAB_H),
  free("kmem_cache_free", [p("cachep", "other"), p("objp", "buffer", ["slab"])], SLAB_H),
  free("devm_kfree", [DEV, p("p", "buffer", KMALLOC)], DEVRES_H),
  free("vfree", [p("addr", "buffer", VMALLOC)], VMALLOC_H),
  free("vunmap", [p("addr", "buffer", VMALLOC)], VMALLOC_H, { mightSleep: true }),
  free("__free_pages", [p("page", "page", ["ram", "highmem"]), p("order", "other")], GFP_H),
  free("__free_page", [p("page", "page", ["ram", "highmem"])], GFP_H),
  free("free_pages", [p("addr", "buffer", ["ram"]), p("order", "other")], GFP_H),
  free("free_page", [p("addr", "buffer", ["ram"])], GFP_H),
  free("dma_free_coherent", [DEV, SIZE, p("cpu_addr", "buffer", ["dma-coherent"]), p("dma_handle", "dma-addr")], DMA_MAPPING_H, {
    misuse: "calling it with IRQs disabled (dma_free_attrs WARNs)"
  }),
  free("dma_free_attrs", [DEV, SIZE, p("cpu_addr", "buffer", ["dma-coherent"]), p("dma_handle", "dma-addr"), ATTRS], DMA_MAPPING_C),
  free("dma_free_wc", [DEV, SIZE, p("cpu_addr", "buffer", ["dma-coherent"]), p("dma_addr", "dma-addr")], DMA_MAPPING_H),
  free("dma_pool_free", [p("pool", "other"), p("vaddr", "buffer", ["dma-coherent"]), p("dma", "dma-addr")], "include/linux/dmapool.h"),
  free("dma_free_pages", [DEV, SIZE, p("page", "page", ["dma-pages"]), p("dma_handle", "dma-addr"), DIR], DMA_MAPPING_C),
  free("dma_free_noncoherent", [DEV, SIZE, p("vaddr", "buffer", ["dma-pages"]), p("dma_handle", "dma-addr"), DIR], DMA_MAPPING_H),
  free("dma_free_noncontiguous", [DEV, SIZE, p("sgt", "sgt", ["dma-pages"]), DIR], DMA_MAPPING_C),
  free("dma_vunmap_noncontiguous", [DEV, p("vaddr", "buffer", ["vmalloc"])], DMA_MAPPING_C),
  free("gen_pool_free", [p("pool", "other"), p("addr", "other"), SIZE], "include/linux/genalloc.h", {
    misuse: "freeing with a size different from the allocation"
  }),
  free("gen_pool_free_owner", [p("pool", "other"), p("addr", "other"), SIZE, p("owner", "other", void 0, { out: true })], "include/linux/genalloc.h")
];

// dist/src/model/contracts/convert.js
var X86_PAGE = "arch/x86/include/asm/page.h";
var X86_IO = "arch/x86/include/asm/io.h";
var MM_H = "include/linux/mm.h";
var MEMORY_MODEL = "include/asm-generic/memory_model.h";
var PAGE_FLAGS = "include/linux/page-flags.h";
var PAGE_REF = "include/linux/page_ref.h";
var MEMREMAP_H = "include/linux/memremap.h";
var LINEAR_ONLY_MISUSE = "iomem, vmalloc, VMAP_STACK stack, module or dma_alloc_coherent addresses: the result is garbage (DEBUG_VIRTUAL warns)";
var conv = (name, params, returns, source, extra = {}) => ({ name, category: "converter", params, returns, source, ...extra });
var VA = p("kaddr", "buffer", LINEAR_VA);
var PAGE = p("page", "page", STRUCT_PAGE);
var FLAG_PAGE = p("page", "page", FLAG_SAFE_PAGE);
var pageTest = (name, source, extra = {}) => ({
  name,
  category: "page",
  params: [FLAG_PAGE],
  returns: { error: "none", type: "bool" },
  source,
  misuse: "calling it on pfn_to_page()/virt_to_page() of memory without a memmap (BAR, ioremap, raw pfn): the struct page is not backed",
  ...extra
});
var ref = (name, source, extra = {}) => ({
  name,
  category: "page",
  params: [PAGE],
  returns: { error: "none", type: "void" },
  source,
  ...extra
});
var CONVERT_CONTRACTS = [
  conv("virt_to_page", [VA], { error: "none", type: "struct page *" }, X86_PAGE, {
    misuse: LINEAR_ONLY_MISUSE,
    notes: "Pure arithmetic: never fails, so a non-linear address silently yields a bogus page."
  }),
  conv("virt_to_folio", [VA], { error: "none", type: "struct folio *" }, MM_H, { misuse: LINEAR_ONLY_MISUSE }),
  conv("virt_to_phys", [VA], { error: "none", type: "phys_addr_t" }, X86_IO, { misuse: LINEAR_ONLY_MISUSE }),
  conv("__pa", [VA], { error: "none", type: "phys_addr_t" }, X86_PAGE, { misuse: LINEAR_ONLY_MISUSE }),
  conv("virt_addr_valid", [p("kaddr", "buffer")], { error: "none", type: "bool" }, X86_PAGE, {
    category: "page",
    notes: 'The predicate for "is this a linear-map address"; DEBUG_SG asserts it in sg_set_buf.'
  }),
  conv("phys_to_virt", [p("address", "phys", ["ram", "slab", "kmalloc-large", "memremap-ram", "dma-pages", "zd-fsdax", "zd-generic", "zd-coherent"])], { error: "none", type: "void *" }, X86_IO, {
    misuse: "MMIO or BAR physical addresses (use ioremap/memremap); highmem physical addresses"
  }),
  conv("__va", [p("x", "phys", ["ram", "slab", "kmalloc-large", "memremap-ram", "dma-pages"])], { error: "none", type: "void *" }, X86_PAGE, {
    misuse: "MMIO or BAR physical addresses"
  }),
  conv("virt_to_bus", [VA], { error: "none", type: "unsigned long" }, X86_IO, {
    removedIn: "\u22486.0",
    replacement: "the DMA API (dma_map_single/dma_map_page) or dma_alloc_coherent",
    notes: 'CONFIG_VIRT_TO_BUS was removed in 2022 ("arch/*/: remove CONFIG_VIRT_TO_BUS"); only a few m68k/ppc32 drivers keep a private copy.'
  }),
  conv("page_address", [PAGE], { error: "null", type: "void *" }, MM_H, {
    misuse: "highmem pages (NULL unless kmapped); PRIVATE pages; memcpy through the MMIO alias of a P2PDMA page",
    notes: "Returns NULL only for unmapped highmem."
  }),
  conv("folio_address", [p("folio", "page", STRUCT_PAGE)], { error: "null", type: "void *" }, MM_H),
  conv("pfn_to_page", [p("pfn", "pfn")], { error: "none", type: "struct page *" }, MEMORY_MODEL, {
    misuse: "dereferencing the result for a pfn without a memmap (pfn_valid() false or an unregistered BAR): with SPARSEMEM_VMEMMAP the pointer is computable but unbacked"
  }),
  conv("page_to_pfn", [PAGE], { error: "none", type: "unsigned long" }, MEMORY_MODEL),
  conv("page_to_phys", [PAGE], { error: "none", type: "phys_addr_t" }, X86_IO, {
    misuse: "treating the CPU physical address as a dma_addr_t"
  }),
  conv("phys_to_page", [p("phys", "phys")], { error: "none", type: "struct page *" }, "arch/arm64/include/asm/memory.h", {
    misuse: "MMIO physical addresses (no memmap)",
    notes: "Architecture macro (arm64, riscv and others); x86 has no phys_to_page."
  }),
  conv("vmalloc_to_page", [p("vmalloc_addr", "buffer", ["vmalloc", "kvmalloc", "stack"])], { error: "null", type: "struct page *" }, MM_H, {
    notes: "The way to reach the pages behind vmalloc/vmap memory (and VMAP_STACK stacks); NULL if nothing is mapped."
  }),
  conv("vmalloc_to_pfn", [p("vmalloc_addr", "buffer", ["vmalloc", "kvmalloc"])], { error: "none", type: "unsigned long" }, MM_H),
  conv("is_vmalloc_addr", [p("x", "buffer")], { error: "none", type: "bool" }, MM_H, {
    category: "page",
    notes: "The branch kvmalloc users need before choosing virt_to_page() or vmalloc_to_page()."
  }),
  conv("offset_in_page", [p("p", "buffer")], { error: "none", type: "unsigned long" }, MM_H),
  conv("pfn_valid", [p("pfn", "pfn")], { error: "none", type: "int" }, "include/linux/mmzone.h", {
    category: "page",
    notes: "Necessary but not sufficient: true for ZONE_DEVICE ranges, section-granular, false for holes and raw MMIO."
  }),
  conv("pfn_to_online_page", [p("pfn", "pfn")], { error: "null", type: "struct page *" }, "include/linux/memory_hotplug.h", {
    notes: "NULL for ZONE_DEVICE and offline memory."
  }),
  conv("page_folio", [PAGE], { error: "none", type: "struct folio *" }, PAGE_FLAGS),
  // ── page predicates ──
  pageTest("PageSlab", PAGE_FLAGS, {
    notes: "A page-type test through page_folio() in current kernels; true only for slab pages (not large kmalloc)."
  }),
  pageTest("PageHighMem", PAGE_FLAGS),
  pageTest("PageReserved", PAGE_FLAGS),
  pageTest("PageCompound", PAGE_FLAGS),
  pageTest("is_zone_device_page", "include/linux/mmzone.h", { notes: "False without CONFIG_ZONE_DEVICE." }),
  pageTest("folio_is_zone_device", "include/linux/mmzone.h"),
  pageTest("is_pci_p2pdma_page", MEMREMAP_H, { notes: "Compiled to false without CONFIG_PCI_P2PDMA." }),
  pageTest("is_device_private_page", MEMREMAP_H),
  pageTest("is_device_coherent_page", MEMREMAP_H),
  pageTest("is_fsdax_page", MEMREMAP_H, { since: "\u22486.15" }),
  {
    name: "page_pgmap",
    category: "page",
    params: [p("page", "page", ["zd-fsdax", "zd-generic", "zd-private", "zd-coherent", "p2pdma"])],
    returns: { error: "none", type: "struct dev_pagemap *" },
    since: "\u22486.15",
    source: MM_H,
    misuse: "calling it on ordinary pages (VM_WARN); reading page->pgmap directly in older code",
    notes: "Replaces the page->pgmap field; only for ZONE_DEVICE pages."
  },
  {
    name: "zone_device_pages_have_same_pgmap",
    category: "page",
    params: [p("a", "page", FLAG_SAFE_PAGE), p("b", "page", FLAG_SAFE_PAGE)],
    returns: { error: "none", type: "bool" },
    source: "include/linux/mmzone.h",
    notes: "Must be checked before merging physically adjacent pages into one sg entry or bvec (SG-007)."
  },
  // ── references ──
  ref("get_page", MM_H, { misuse: "taking references on slab pages; on pages without a memmap" }),
  ref("put_page", MM_H, { misuse: "put_page on pin_user_pages() results (use unpin_user_page)" }),
  ref("folio_get", MM_H),
  ref("folio_put", MM_H),
  ref("page_ref_inc", PAGE_REF),
  ref("page_ref_dec", PAGE_REF),
  { ...ref("page_ref_add", PAGE_REF), params: [PAGE, p("nr", "other")] },
  { ...ref("page_ref_sub", PAGE_REF), params: [PAGE, p("nr", "other")] },
  { ...ref("page_ref_count", PAGE_REF), returns: { error: "none", type: "int" } },
  { ...ref("page_count", MM_H), returns: { error: "none", type: "int" } },
  {
    name: "flush_dcache_page",
    category: "page",
    params: [PAGE],
    returns: { error: "none", type: "void" },
    source: "include/asm-generic/cacheflush.h",
    notes: "Dereferences the struct page on architectures with a real implementation; sg_miter_stop() calls it for SG_MITER_TO_SG."
  },
  {
    name: "flush_kernel_dcache_page",
    category: "page",
    params: [PAGE],
    returns: { error: "none", type: "void" },
    removedIn: "\u22485.15",
    replacement: "flush_dcache_page",
    source: "include/asm-generic/cacheflush.h"
  },
  {
    name: "folio_mapping",
    category: "page",
    params: [p("folio", "page", ["ram", "highmem", "kmalloc-large"])],
    returns: { error: "null", type: "struct address_space *" },
    source: "include/linux/pagemap.h",
    misuse: "calling it on ZONE_DEVICE folios: the pgmap shares a union with the LRU/mapping fields (MM-003)"
  }
];

// dist/src/model/contracts/dma.js
var DMA_H = "include/linux/dma-mapping.h";
var MAPPING_C = "kernel/dma/mapping.c";
var BLK_DMA_H = "include/linux/blk-mq-dma.h";
var ADDR = p("addr", "dma-addr");
var SG = p("sg", "sg", DMA_SG_PAGE);
var SGT = p("sgt", "sgt", DMA_SG_PAGE);
var NENTS = p("nents", "nents");
var MAPPING_ERROR_MISUSE = "no dma_mapping_error() check; comparing to 0, to DMA_MAPPING_ERROR by hand, or with < 0 (DMA-004)";
var mapAddr = (name, params, source, extra = {}) => ({
  name,
  category: "dma-map",
  params,
  returns: { error: "dma-mapping-error", type: "dma_addr_t" },
  source,
  misuse: MAPPING_ERROR_MISUSE,
  ...extra
});
var voidFn = (name, category, params, source, extra = {}) => ({ name, category, params, returns: { error: "none", type: "void" }, source, ...extra });
var UNMAP_SG_NENTS = p("nents", "nents", void 0, {
  notes: "must be the nents passed to dma_map_sg, NOT the count it returned"
});
var SINGLE_MISUSE = `stack, vmalloc, highmem, P2PDMA or dma_alloc_coherent memory; ${MAPPING_ERROR_MISUSE}`;
var MAP_SG_NOTES = "Returns the number of DMA segments (\u2264 nents), 0 on any error, never negative: dma_map_sg_attrs squashes the negative codes of the map_sg implementation to 0. P2PDMA pages are handled by dma-direct and dma-iommu only.";
var MAP_SGTABLE_NOTES = '0 on success (sgt->nents set) or -EINVAL (bad argument, do not retry), -ENOMEM (out of resources such as IOVA space, retry later), -EIO (legacy/unknown), -EREMOTEIO (the device cannot reach the P2PDMA memory: "will not succeed if retried").';
var DMA_CONTRACTS = [
  // ── streaming maps ──
  mapAddr("dma_map_single", [DEV, p("ptr", "buffer", RAM_LINEAR), SIZE, DIR], DMA_H, {
    misuse: SINGLE_MISUSE,
    notes: 'vmalloc addresses are rejected (dev_WARN "rejecting DMA map of vmalloc memory") and return DMA_MAPPING_ERROR.'
  }),
  mapAddr("dma_map_single_attrs", [DEV, p("ptr", "buffer", RAM_LINEAR), SIZE, DIR, ATTRS], DMA_H, { misuse: SINGLE_MISUSE }),
  mapAddr("dma_map_page", [DEV, p("page", "page", DMA_PAGE), p("offset", "size"), SIZE, DIR], DMA_H, {
    misuse: `P2PDMA pages (the page API ignores the P2P map type: no bus offset, possible cache sync or bounce of MMIO; DMA-008); ${MAPPING_ERROR_MISUSE}`,
    notes: "Any RAM page including highmem. \u22486.18+: a thin wrapper around dma_map_phys(page_to_phys(page) + offset, ...)."
  }),
  mapAddr("dma_map_page_attrs", [DEV, p("page", "page", DMA_PAGE), p("offset", "size"), SIZE, DIR, ATTRS], MAPPING_C, {
    misuse: `P2PDMA pages (DMA-008); ${MAPPING_ERROR_MISUSE}`
  }),
  mapAddr("dma_map_resource", [DEV, p("phys_addr", "phys", MMIO_PHYS), SIZE, DIR, ATTRS], MAPPING_C, {
    misuse: `RAM (kmalloc/page addresses: "mapping of RAM is not permitted"); a pci_bus_address() instead of the CPU physical address; a peer BAR without a P2P topology check (P2P-002); ${MAPPING_ERROR_MISUSE}`,
    notes: "MMIO only. dma-direct returns phys after a dma_capable check; dma-iommu maps an IOVA with IOMMU_MMIO. Performs no P2P topology check."
  }),
  mapAddr("dma_map_phys", [DEV, p("phys", "phys", [...DMA_PAGE, ...MMIO_PHYS]), SIZE, DIR, ATTRS], MAPPING_C, {
    since: "\u22486.18",
    misuse: `MMIO without DMA_ATTR_MMIO; RAM with DMA_ATTR_MMIO; ${MAPPING_ERROR_MISUSE}`,
    notes: "RAM by default. With DMA_ATTR_MMIO: MMIO, no cache maintenance, no swiotlb, and dma-direct returns phys unchanged."
  }),
  {
    name: "dma_map_sg",
    category: "dma-map",
    params: [DEV, SG, NENTS, DIR],
    returns: { error: "zero-count", type: "unsigned int" },
    source: DMA_H,
    misuse: "if (ret < 0); propagating the count as an errno; programming hardware with nents instead of the returned count; re-mapping an already-mapped sg (DMA-001)",
    notes: MAP_SG_NOTES
  },
  {
    name: "dma_map_sg_attrs",
    category: "dma-map",
    params: [DEV, SG, NENTS, DIR, ATTRS],
    returns: { error: "zero-count", type: "unsigned int" },
    source: MAPPING_C,
    misuse: "if (ret < 0); propagating the count as an errno (DMA-001)",
    notes: MAP_SG_NOTES
  },
  {
    name: "dma_map_sgtable",
    category: "dma-map",
    params: [DEV, SGT, DIR, ATTRS],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: MAPPING_C,
    gpl: true,
    misuse: "treating the return as a count; if (!ret) fail; retrying on -EREMOTEIO; hiding -EREMOTEIO as -ENOMEM (DMA-002, P2P-003)",
    notes: MAP_SGTABLE_NOTES
  },
  // ── unmaps ──
  voidFn("dma_unmap_single", "dma-unmap", [DEV, ADDR, SIZE, DIR], DMA_H),
  voidFn("dma_unmap_single_attrs", "dma-unmap", [DEV, ADDR, SIZE, DIR, ATTRS], DMA_H),
  voidFn("dma_unmap_page", "dma-unmap", [DEV, ADDR, SIZE, DIR], DMA_H),
  voidFn("dma_unmap_page_attrs", "dma-unmap", [DEV, ADDR, SIZE, DIR, ATTRS], MAPPING_C),
  voidFn("dma_unmap_resource", "dma-unmap", [DEV, ADDR, SIZE, DIR, ATTRS], MAPPING_C),
  voidFn("dma_unmap_phys", "dma-unmap", [DEV, ADDR, SIZE, DIR, ATTRS], MAPPING_C, { since: "\u22486.18" }),
  voidFn("dma_unmap_sg", "dma-unmap", [DEV, SG, UNMAP_SG_NENTS, DIR], DMA_H, {
    misuse: 'passing the mapped count returned by dma_map_sg (DMA_API_DEBUG: "frees DMA sg list with different entry count"; DMA-003)'
  }),
  voidFn("dma_unmap_sg_attrs", "dma-unmap", [DEV, SG, UNMAP_SG_NENTS, DIR, ATTRS], MAPPING_C, {
    misuse: "passing the mapped count returned by dma_map_sg (DMA-003)"
  }),
  voidFn("dma_unmap_sgtable", "dma-unmap", [DEV, SGT, DIR, ATTRS], DMA_H, {
    misuse: "calling it after hand-editing nents/orig_nents",
    notes: "Uses orig_nents internally."
  }),
  // ── syncs ──
  voidFn("dma_sync_single_for_cpu", "dma-sync", [DEV, ADDR, SIZE, DIR], DMA_H, {
    notes: "Transfers ownership to the CPU; needed before the CPU reads a live streaming mapping."
  }),
  voidFn("dma_sync_single_for_device", "dma-sync", [DEV, ADDR, SIZE, DIR], DMA_H),
  voidFn("dma_sync_single_range_for_cpu", "dma-sync", [DEV, ADDR, p("offset", "size"), SIZE, DIR], DMA_H),
  voidFn("dma_sync_single_range_for_device", "dma-sync", [DEV, ADDR, p("offset", "size"), SIZE, DIR], DMA_H),
  voidFn("dma_sync_sg_for_cpu", "dma-sync", [DEV, SG, UNMAP_SG_NENTS, DIR], DMA_H, {
    misuse: "passing the mapped count instead of the original nents (DMA-003)"
  }),
  voidFn("dma_sync_sg_for_device", "dma-sync", [DEV, SG, UNMAP_SG_NENTS, DIR], DMA_H, {
    misuse: "passing the mapped count instead of the original nents (DMA-003)"
  }),
  voidFn("dma_sync_sgtable_for_cpu", "dma-sync", [DEV, SGT, DIR], DMA_H),
  voidFn("dma_sync_sgtable_for_device", "dma-sync", [DEV, SGT, DIR], DMA_H),
  // ── checks and configuration ──
  {
    name: "dma_mapping_error",
    category: "dma-check",
    params: [DEV, p("dma_addr", "dma-addr")],
    returns: { error: "none", type: "int" },
    source: DMA_H,
    notes: '-ENOMEM if dma_addr == DMA_MAPPING_ERROR, else 0 (an int, not a bool); records "checked" for DMA_API_DEBUG.'
  },
  {
    name: "dma_need_sync",
    category: "dma-check",
    params: [DEV, p("dma_addr", "dma-addr")],
    returns: { error: "none", type: "bool" },
    source: DMA_H
  },
  {
    name: "dma_need_unmap",
    category: "dma-check",
    params: [DEV],
    returns: { error: "none", type: "bool" },
    since: "\u22486.16",
    source: DMA_H,
    misuse: "calling it before all mappings are done",
    notes: "False means unmap may be skipped (dma-direct, coherent, no swiotlb, no DMA_API_DEBUG)."
  },
  {
    name: "dma_pci_p2pdma_supported",
    category: "dma-check",
    params: [DEV],
    returns: { error: "none", type: "bool" },
    since: "\u22486.0",
    source: MAPPING_C,
    gpl: true,
    notes: "True iff the device uses dma-direct or dma-iommu (get_dma_ops() is NULL); custom dma_map_ops never support P2PDMA (DMA-009)."
  },
  {
    name: "dma_set_mask_and_coherent",
    category: "dma-check",
    params: [DEV, p("mask", "other")],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: DMA_H,
    notes: "0 or -EIO; never fails for masks of 32 bits or more (dma-api-howto)."
  },
  {
    name: "dma_set_mask",
    category: "dma-check",
    params: [DEV, p("mask", "other")],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: MAPPING_C
  },
  {
    name: "dma_set_coherent_mask",
    category: "dma-check",
    params: [DEV, p("mask", "other")],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: MAPPING_C
  },
  {
    name: "dma_get_sgtable",
    category: "dma-map",
    params: [DEV, p("sgt", "sgt"), p("cpu_addr", "buffer", ["dma-coherent"]), p("dma_addr", "dma-addr"), SIZE],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: DMA_H,
    misuse: 'using it outside DMABUF export: kernel/dma/mapping.c calls it "fundamentally unsafe"'
  },
  {
    name: "dma_get_sgtable_attrs",
    category: "dma-map",
    params: [DEV, p("sgt", "sgt"), p("cpu_addr", "buffer", ["dma-coherent"]), p("dma_addr", "dma-addr"), SIZE, ATTRS],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: MAPPING_C
  },
  {
    name: "dma_mmap_coherent",
    category: "dma-map",
    params: [DEV, p("vma", "other"), p("cpu_addr", "buffer", ["dma-coherent"]), p("dma_addr", "dma-addr"), SIZE],
    returns: { error: "zero-success-negative-errno", type: "int" },
    source: DMA_H
  },
  // ── IOVA API (≈6.16+) ──
  {
    name: "dma_iova_try_alloc",
    category: "dma-iova",
    params: [DEV, p("state", "other"), p("phys", "phys"), SIZE],
    returns: { error: "none", type: "bool" },
    since: "\u22486.16",
    source: DMA_H,
    notes: 'false means "use the normal DMA API", not an error.'
  },
  {
    name: "dma_use_iova",
    category: "dma-iova",
    params: [p("state", "other")],
    returns: { error: "none", type: "bool" },
    since: "\u22486.16",
    source: DMA_H
  },
  {
    name: "dma_iova_link",
    category: "dma-iova",
    params: [DEV, p("state", "other"), p("phys", "phys", [...DMA_PAGE, ...MMIO_PHYS]), p("offset", "size"), SIZE, DIR, ATTRS],
    returns: { error: "zero-success-negative-errno", type: "int" },
    since: "\u22486.16",
    source: DMA_H,
    misuse: "linking P2P BUS_ADDR ranges into an IOVA (they must bypass it); a non-first link not aligned to dma_get_merge_boundary()"
  },
  {
    name: "dma_iova_sync",
    category: "dma-iova",
    params: [DEV, p("state", "other"), p("offset", "size"), SIZE],
    returns: { error: "zero-success-negative-errno", type: "int" },
    since: "\u22486.16",
    source: DMA_H,
    misuse: "forgetting it after the last dma_iova_link",
    notes: "On error it unmaps the range."
  },
  voidFn("dma_iova_unlink", "dma-iova", [DEV, p("state", "other"), p("offset", "size"), SIZE, DIR, ATTRS], DMA_H, { since: "\u22486.16" }),
  voidFn("dma_iova_destroy", "dma-iova", [DEV, p("state", "other"), p("mapped_len", "size"), DIR, ATTRS], DMA_H, { since: "\u22486.16" }),
  voidFn("dma_iova_free", "dma-iova", [DEV, p("state", "other")], DMA_H, {
    since: "\u22486.16",
    misuse: "freeing while ranges are still linked"
  }),
  // ── block layer (≈6.17+) ──
  {
    name: "blk_rq_dma_map_iter_start",
    category: "block",
    params: [p("req", "other"), p("dma_dev", "dev"), p("state", "other"), p("iter", "other")],
    returns: { error: "none", type: "bool" },
    since: "\u22486.17",
    source: BLK_DMA_H,
    notes: "true when a segment was mapped; false at the end OR on error (check iter->status). The P2P map type is decided from the first segment only: BUS_ADDR sets REQ_P2PDMA, THRU_HOST_BRIDGE sets REQ_MMIO + DMA_ATTR_MMIO, NOT_SUPPORTED gives BLK_STS_INVAL."
  },
  {
    name: "blk_rq_dma_map_iter_next",
    category: "block",
    params: [p("req", "other"), p("dma_dev", "dev"), p("state", "other"), p("iter", "other")],
    returns: { error: "none", type: "bool" },
    since: "\u22486.17",
    source: BLK_DMA_H
  },
  {
    name: "blk_rq_dma_unmap",
    category: "block",
    params: [p("req", "other"), p("dma_dev", "dev"), p("state", "other"), p("mapped_len", "size")],
    returns: { error: "none", type: "bool" },
    since: "\u22486.17",
    source: BLK_DMA_H,
    notes: "true: nothing left to do (P2P bus addresses or IOVA destroyed); false: the caller must unmap each segment."
  },
  {
    name: "blk_rq_map_sg",
    category: "block",
    params: [p("rq", "other"), p("sglist", "sg")],
    returns: { error: "none", type: "int" },
    source: "include/linux/blk-mq.h",
    notes: "The legacy sg path; merges with biovec_phys_mergeable (pgmap-aware since a 2026 stable fix)."
  },
  // ── DMABUF (≈6.19+) ──
  {
    name: "dma_buf_phys_vec_to_sgt",
    category: "dmabuf",
    params: [p("attach", "other"), p("provider", "other", ["p2p-provider"]), p("phys_vec", "phys", ["p2p-provider", "iomem"]), p("nr_ranges", "nents"), SIZE, DIR],
    returns: { error: "err-ptr", type: "struct sg_table *" },
    mightSleep: true,
    since: "\u22486.19",
    source: "include/linux/dma-buf-mapping.h",
    gpl: true,
    notes: "For MMIO exporters: builds a DMA-address-only table (NULL pages, orig_nents 0). Importers must never read sg_page()."
  },
  voidFn("dma_buf_free_sgt", "dmabuf", [p("attach", "other"), p("sgt", "sgt"), DIR], "include/linux/dma-buf-mapping.h", { since: "\u22486.19" })
];

// dist/src/model/contracts/gup.js
var MM_H2 = "include/linux/mm.h";
var UIO_H = "include/linux/uio.h";
var UACCESS_H = "include/linux/uaccess.h";
var START = p("start", "buffer", ["user"]);
var NR = p("nr_pages", "nents");
var FLAGS = p("gup_flags", "flags");
var PAGES_OUT = p("pages", "page", void 0, { out: true });
var MM = p("mm", "other");
var LOCKED = p("locked", "other");
var COUNT = { error: "count-or-negative-errno", type: "long" };
var INT_COUNT = { error: "count-or-negative-errno", type: "int" };
var GUP_NOTES = "Returns the number of pages pinned/referenced (possibly fewer than asked) or -errno. Without FOLL_PCI_P2PDMA, P2PDMA pages give -EREMOTEIO (slow path); VM_IO/VM_PFNMAP VMAs give -EFAULT.";
var get = (name, params, returns, extra = {}) => ({
  name,
  category: "gup",
  params,
  returns,
  mightSleep: true,
  source: MM_H2,
  misuse: "using FOLL_GET pages as DMA targets (use pin_user_pages); unpin_user_page on the result (use put_page); ignoring a partial return (MM-005)",
  notes: GUP_NOTES,
  ...extra
});
var pin = (name, params, returns, extra = {}) => ({
  name,
  category: "gup",
  params,
  returns,
  mightSleep: true,
  source: MM_H2,
  misuse: "put_page on the result (use unpin_user_page*); FOLL_LONGTERM | FOLL_PCI_P2PDMA (rejected, P2P-009); ignoring a partial return (MM-005)",
  notes: `${GUP_NOTES} FOLL_PIN is implied; release with unpin_user_page(s)(_dirty_lock).`,
  ...extra
});
var unpin = (name, params) => ({
  name,
  category: "gup",
  params,
  returns: { error: "none", type: "void" },
  source: MM_H2,
  misuse: "unpinning pages obtained with get_user_pages*/iov_iter_get_pages2 (those need put_page)"
});
var GUP_CONTRACTS = [
  get("get_user_pages", [START, NR, FLAGS, PAGES_OUT], COUNT, {
    notes: `${GUP_NOTES} The vmas argument was removed in \u22486.5.`
  }),
  get("get_user_pages_fast", [START, p("nr_pages", "nents"), FLAGS, PAGES_OUT], INT_COUNT),
  get("get_user_pages_fast_only", [START, p("nr_pages", "nents"), FLAGS, PAGES_OUT], INT_COUNT, {
    mightSleep: false,
    notes: "Never sleeps and never faults pages in: may return fewer pages (0 included) but no errno."
  }),
  get("get_user_pages_remote", [MM, START, NR, FLAGS, PAGES_OUT, LOCKED], COUNT),
  get("get_user_pages_unlocked", [START, NR, PAGES_OUT, FLAGS], COUNT),
  pin("pin_user_pages", [START, NR, FLAGS, PAGES_OUT], COUNT),
  pin("pin_user_pages_fast", [START, p("nr_pages", "nents"), FLAGS, PAGES_OUT], INT_COUNT),
  pin("pin_user_pages_remote", [MM, START, NR, FLAGS, PAGES_OUT, LOCKED], COUNT),
  pin("pin_user_pages_unlocked", [START, NR, PAGES_OUT, FLAGS], COUNT),
  unpin("unpin_user_page", [p("page", "page", STRUCT_PAGE)]),
  unpin("unpin_user_pages", [p("pages", "page", STRUCT_PAGE), p("npages", "nents")]),
  unpin("unpin_user_pages_dirty_lock", [p("pages", "page", STRUCT_PAGE), p("npages", "nents"), p("make_dirty", "other")]),
  unpin("unpin_user_page_range_dirty_lock", [p("page", "page", STRUCT_PAGE), p("npages", "nents"), p("make_dirty", "other")]),
  {
    name: "iov_iter_get_pages2",
    category: "gup",
    params: [p("i", "other"), PAGES_OUT, p("maxsize", "size"), p("maxpages", "nents"), p("start", "size", void 0, { out: true })],
    returns: { error: "count-or-negative-errno", type: "ssize_t" },
    mightSleep: true,
    source: UIO_H,
    misuse: "unpin_user_page on the result: it takes page references (release with put_page)",
    notes: "Returns bytes covered (not pages) or -errno; takes references (FOLL_GET semantics) on user-backed iterators."
  },
  {
    name: "iov_iter_get_pages_alloc2",
    category: "gup",
    params: [p("i", "other"), p("pages", "page", void 0, { out: true }), p("maxsize", "size"), p("start", "size", void 0, { out: true })],
    returns: { error: "count-or-negative-errno", type: "ssize_t" },
    mightSleep: true,
    source: UIO_H
  },
  {
    name: "iov_iter_extract_pages",
    category: "gup",
    params: [p("i", "other"), PAGES_OUT, p("maxsize", "size"), p("maxpages", "nents"), p("extraction_flags", "flags"), p("offset0", "size", void 0, { out: true })],
    returns: { error: "count-or-negative-errno", type: "ssize_t" },
    mightSleep: true,
    source: UIO_H,
    misuse: "setting ITER_ALLOW_P2PDMA where the queue/device was not checked (blk_queue_pci_p2pdma) or the DMA path is not P2P-aware (P2P-010)",
    notes: "ITER_ALLOW_P2PDMA in extraction_flags becomes FOLL_PCI_P2PDMA. User-backed iterators are pinned (release with unpin_user_page when iov_iter_extract_will_pin()); bvec/kvec iterators are not."
  },
  {
    name: "iov_iter_extract_will_pin",
    category: "gup",
    params: [p("iter", "other")],
    returns: { error: "none", type: "bool" },
    source: UIO_H
  },
  // ── user copies ──
  {
    name: "copy_to_user",
    category: "uaccess",
    params: [p("to", "buffer", ["user"]), p("from", "buffer", CPU_NORMAL), p("n", "size")],
    returns: { error: "bytes-not-copied", type: "unsigned long" },
    mightSleep: true,
    source: UACCESS_H,
    misuse: "copying straight from __iomem or a P2PDMA KVA (bounce through memcpy_fromio first); returning the remainder as an errno"
  },
  {
    name: "copy_from_user",
    category: "uaccess",
    params: [p("to", "buffer", CPU_NORMAL), p("from", "buffer", ["user"]), p("n", "size")],
    returns: { error: "bytes-not-copied", type: "unsigned long" },
    mightSleep: true,
    source: UACCESS_H,
    misuse: "copying straight into __iomem or a P2PDMA KVA; returning the remainder as an errno"
  },
  {
    name: "get_user",
    category: "uaccess",
    params: [p("x", "other", void 0, { out: true }), p("ptr", "buffer", ["user"])],
    returns: { error: "zero-success-negative-errno", type: "int" },
    mightSleep: true,
    source: UACCESS_H
  },
  {
    name: "put_user",
    category: "uaccess",
    params: [p("x", "other"), p("ptr", "buffer", ["user"])],
    returns: { error: "zero-success-negative-errno", type: "int" },
    mightSleep: true,
    source: UACCESS_H
  }
];

// dist/src/model/contracts/locks.js
var RCUPDATE_H = "include/linux/rcupdate.h";
var SRCU_H = "include/linux/srcu.h";
var SPINLOCK_H = "include/linux/spinlock.h";
var RWLOCK_H = "include/linux/rwlock.h";
var MUTEX_H = "include/linux/mutex.h";
var DELAY_H = "include/linux/delay.h";
var SCHED_H = "include/linux/sched.h";
var lock = (name, cls, op, source, extra = {}) => {
  const { alsoDisables, conditional, ...rest } = extra;
  const l = { cls, op };
  if (alsoDisables)
    l.alsoDisables = alsoDisables;
  if (conditional)
    l.conditional = true;
  return {
    name,
    category: "lock",
    params: name.includes("rcu_read") || name.startsWith("preempt") || name.startsWith("local_") ? [] : [p("lock", "other")],
    returns: { error: "none", type: "void" },
    lock: l,
    source,
    ...rest
  };
};
var sleeper = (name, source, extra = {}) => ({
  name,
  category: "sleep",
  params: [],
  returns: { error: "none", type: "void" },
  mightSleep: true,
  source,
  misuse: "calling it in atomic context: under a spinlock, rcu_read_lock, kmap_atomic, preempt/irq-disabled regions",
  ...extra
});
var SPIN_ATOMIC = "sleeping while holding it (the holder runs with preemption disabled)";
var LOCK_CONTRACTS = [
  // ── RCU ──
  lock("rcu_read_lock", "rcu", "acquire", RCUPDATE_H, {
    misuse: "sleeping inside the read-side critical section (non-preemptible RCU); returning with it held"
  }),
  lock("rcu_read_unlock", "rcu", "release", RCUPDATE_H),
  lock("rcu_read_lock_bh", "rcu_bh", "acquire", RCUPDATE_H, { alsoDisables: ["bh"] }),
  lock("rcu_read_unlock_bh", "rcu_bh", "release", RCUPDATE_H),
  lock("rcu_read_lock_sched", "rcu_sched", "acquire", RCUPDATE_H, { alsoDisables: ["preempt"] }),
  lock("rcu_read_unlock_sched", "rcu_sched", "release", RCUPDATE_H),
  {
    name: "srcu_read_lock",
    category: "lock",
    params: [p("ssp", "other")],
    returns: { error: "none", type: "int" },
    lock: { cls: "srcu", op: "acquire" },
    source: SRCU_H,
    notes: "Returns the index to pass to srcu_read_unlock; SRCU readers may sleep."
  },
  {
    name: "srcu_read_unlock",
    category: "lock",
    params: [p("ssp", "other"), p("idx", "other")],
    returns: { error: "none", type: "void" },
    lock: { cls: "srcu", op: "release" },
    source: SRCU_H
  },
  // ── spinlocks ──
  lock("spin_lock", "spin", "acquire", SPINLOCK_H, { alsoDisables: ["preempt"], misuse: SPIN_ATOMIC }),
  lock("spin_unlock", "spin", "release", SPINLOCK_H),
  lock("spin_lock_irqsave", "spin", "acquire", SPINLOCK_H, { alsoDisables: ["irq", "preempt"], misuse: SPIN_ATOMIC }),
  lock("spin_unlock_irqrestore", "spin", "release", SPINLOCK_H),
  lock("spin_lock_irq", "spin", "acquire", SPINLOCK_H, { alsoDisables: ["irq", "preempt"], misuse: SPIN_ATOMIC }),
  lock("spin_unlock_irq", "spin", "release", SPINLOCK_H),
  lock("spin_lock_bh", "spin", "acquire", SPINLOCK_H, { alsoDisables: ["bh", "preempt"], misuse: SPIN_ATOMIC }),
  lock("spin_unlock_bh", "spin", "release", SPINLOCK_H),
  lock("spin_trylock", "spin", "acquire", SPINLOCK_H, {
    conditional: true,
    alsoDisables: ["preempt"],
    returns: { error: "none", type: "int" },
    notes: "Non-zero when the lock was taken."
  }),
  lock("raw_spin_lock", "spin", "acquire", SPINLOCK_H, { alsoDisables: ["preempt"], misuse: SPIN_ATOMIC }),
  lock("raw_spin_unlock", "spin", "release", SPINLOCK_H),
  lock("raw_spin_lock_irqsave", "spin", "acquire", SPINLOCK_H, { alsoDisables: ["irq", "preempt"], misuse: SPIN_ATOMIC }),
  lock("raw_spin_unlock_irqrestore", "spin", "release", SPINLOCK_H),
  lock("read_lock", "rwlock", "acquire", RWLOCK_H, { alsoDisables: ["preempt"], misuse: SPIN_ATOMIC }),
  lock("read_unlock", "rwlock", "release", RWLOCK_H),
  lock("write_lock", "rwlock", "acquire", RWLOCK_H, { alsoDisables: ["preempt"], misuse: SPIN_ATOMIC }),
  lock("write_unlock", "rwlock", "release", RWLOCK_H),
  // ── mutexes ──
  lock("mutex_lock", "mutex", "acquire", MUTEX_H, {
    mightSleep: true,
    misuse: "taking it in atomic context (under a spinlock or rcu_read_lock)"
  }),
  lock("mutex_lock_interruptible", "mutex", "acquire", MUTEX_H, {
    conditional: true,
    mightSleep: true,
    returns: { error: "zero-success-negative-errno", type: "int" },
    misuse: "ignoring the return value (-EINTR means the lock is NOT held)"
  }),
  lock("mutex_lock_killable", "mutex", "acquire", MUTEX_H, {
    conditional: true,
    mightSleep: true,
    returns: { error: "zero-success-negative-errno", type: "int" }
  }),
  lock("mutex_trylock", "mutex", "acquire", MUTEX_H, {
    conditional: true,
    returns: { error: "none", type: "int" },
    notes: "1 when the lock was taken, 0 otherwise (the opposite of spin_trylock-style errno habits)."
  }),
  lock("mutex_unlock", "mutex", "release", MUTEX_H),
  // ── preemption, interrupts, softirqs ──
  lock("preempt_disable", "preempt", "acquire", "include/linux/preempt.h"),
  lock("preempt_enable", "preempt", "release", "include/linux/preempt.h"),
  lock("local_irq_disable", "irq", "acquire", "include/linux/irqflags.h"),
  lock("local_irq_enable", "irq", "release", "include/linux/irqflags.h"),
  lock("local_irq_save", "irq", "acquire", "include/linux/irqflags.h"),
  lock("local_irq_restore", "irq", "release", "include/linux/irqflags.h"),
  lock("local_bh_disable", "bh", "acquire", "include/linux/bottom_half.h"),
  lock("local_bh_enable", "bh", "release", "include/linux/bottom_half.h"),
  // ── RCU grace periods ──
  {
    name: "synchronize_rcu",
    category: "rcu-sync",
    params: [],
    returns: { error: "none", type: "void" },
    mightSleep: true,
    source: RCUPDATE_H,
    misuse: "calling it inside rcu_read_lock() (deadlock) or in atomic context"
  },
  {
    name: "synchronize_srcu",
    category: "rcu-sync",
    params: [p("ssp", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: true,
    source: SRCU_H
  },
  {
    name: "rcu_barrier",
    category: "rcu-sync",
    params: [],
    returns: { error: "none", type: "void" },
    mightSleep: true,
    source: RCUPDATE_H
  },
  {
    name: "call_rcu",
    category: "rcu-sync",
    params: [p("head", "other"), p("func", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: false,
    source: RCUPDATE_H,
    notes: "Queues func after a grace period; safe in atomic context."
  },
  {
    name: "kfree_rcu",
    category: "rcu-sync",
    params: [p("ptr", "buffer", ["slab", "kmalloc-large"]), p("rhf", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: false,
    source: RCUPDATE_H
  },
  // ── sleeping and waiting ──
  sleeper("msleep", DELAY_H, { params: [p("msecs", "other")] }),
  sleeper("msleep_interruptible", DELAY_H, { params: [p("msecs", "other")], returns: { error: "none", type: "unsigned long" } }),
  sleeper("ssleep", DELAY_H, { params: [p("seconds", "other")] }),
  sleeper("usleep_range", DELAY_H, { params: [p("min", "other"), p("max", "other")] }),
  sleeper("fsleep", DELAY_H, { params: [p("usecs", "other")] }),
  sleeper("schedule", SCHED_H),
  sleeper("schedule_timeout", SCHED_H, { params: [p("timeout", "other")], returns: { error: "none", type: "long" } }),
  sleeper("cond_resched", SCHED_H, { returns: { error: "none", type: "int" } }),
  sleeper("might_sleep", "include/linux/kernel.h", {
    notes: "An annotation: with CONFIG_DEBUG_ATOMIC_SLEEP it warns when called in atomic context."
  }),
  sleeper("wait_event", "include/linux/wait.h", { params: [p("wq", "other"), p("condition", "other")] }),
  sleeper("wait_event_interruptible", "include/linux/wait.h", {
    params: [p("wq", "other"), p("condition", "other")],
    returns: { error: "zero-success-negative-errno", type: "int" }
  }),
  sleeper("wait_event_timeout", "include/linux/wait.h", {
    params: [p("wq", "other"), p("condition", "other"), p("timeout", "other")],
    returns: { error: "none", type: "long" }
  }),
  sleeper("wait_for_completion", "include/linux/completion.h", { params: [p("x", "other")] }),
  sleeper("wait_for_completion_timeout", "include/linux/completion.h", {
    params: [p("x", "other"), p("timeout", "other")],
    returns: { error: "none", type: "unsigned long" }
  }),
  sleeper("wait_for_completion_interruptible", "include/linux/completion.h", {
    params: [p("x", "other")],
    returns: { error: "zero-success-negative-errno", type: "int" }
  }),
  {
    name: "udelay",
    category: "sleep",
    params: [p("usecs", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: false,
    source: DELAY_H,
    notes: "A busy-wait: allowed in atomic context."
  },
  {
    name: "mdelay",
    category: "sleep",
    params: [p("msecs", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: false,
    source: DELAY_H,
    notes: "A busy-wait: allowed in atomic context (but long delays there are frowned upon)."
  }
];

// dist/src/model/contracts/mapping.js
var ASM_IO = "include/asm-generic/io.h";
var LINUX_IO = "include/linux/io.h";
var PCI_IOMAP = "include/asm-generic/pci_iomap.h";
var PCI_H = "include/linux/pci.h";
var DEVRES_H2 = "include/linux/device/devres.h";
var PLATFORM_H = "include/linux/platform_device.h";
var HIGHMEM_H = "include/linux/highmem.h";
var IOMEM_MISUSE = "casting away __iomem; virt_to_phys, virt_to_page, sg_set_buf, memcpy or dma_map_single on the result";
var iomem = (name, params, source, error, extra = {}) => ({
  name,
  category: "mapping",
  params,
  returns: { kind: "iomem", error, type: "void __iomem *" },
  mightSleep: true,
  source,
  misuse: IOMEM_MISUSE,
  ...extra
});
var unmap = (name, params, source, extra = {}) => ({
  name,
  category: "free",
  params,
  returns: { error: "none", type: "void" },
  source,
  ...extra
});
var PHYS = p("offset", "phys");
var PDEV = p("pdev", "dev");
var BAR = p("bar", "other");
var RES = p("res", "other");
var KMAP_PAGES = STRUCT_PAGE;
var IOADDR = p("addr", "buffer", ["iomem"]);
var MAPPING_CONTRACTS = [
  // ── ioremap family ──
  iomem("ioremap", [PHYS, SIZE], ASM_IO, "null"),
  iomem("ioremap_wc", [PHYS, SIZE], ASM_IO, "null"),
  iomem("ioremap_uc", [PHYS, SIZE], ASM_IO, "null"),
  iomem("ioremap_cache", [PHYS, SIZE], "arch/x86/include/asm/io.h", "null", {
    notes: "Cacheable __iomem mapping; memremap(MEMREMAP_WB) is the preferred interface for memory-like ranges."
  }),
  iomem("ioremap_np", [PHYS, SIZE], ASM_IO, "null", {
    notes: "Non-posted MMIO (needed on Apple arm64 SoCs); returns NULL where unsupported."
  }),
  iomem("devm_ioremap", [DEV, PHYS, SIZE], LINUX_IO, "null"),
  iomem("devm_ioremap_uc", [DEV, PHYS, SIZE], LINUX_IO, "null"),
  iomem("devm_ioremap_wc", [DEV, PHYS, SIZE], LINUX_IO, "null"),
  iomem("devm_ioremap_resource", [DEV, RES], DEVRES_H2, "err-ptr", {
    misuse: "checking the result against NULL: it returns ERR_PTR, never NULL"
  }),
  iomem("devm_ioremap_resource_wc", [DEV, RES], DEVRES_H2, "err-ptr"),
  iomem("devm_platform_ioremap_resource", [PDEV, p("index", "other")], PLATFORM_H, "err-ptr", {
    misuse: "checking the result against NULL: it returns ERR_PTR, never NULL"
  }),
  iomem("devm_platform_ioremap_resource_byname", [PDEV, p("name", "other")], PLATFORM_H, "err-ptr"),
  iomem("devm_platform_get_and_ioremap_resource", [PDEV, p("index", "other"), p("res", "other", void 0, { out: true })], PLATFORM_H, "err-ptr"),
  // ── PCI iomap ──
  iomem("pci_iomap", [PDEV, BAR, p("maxlen", "size")], PCI_IOMAP, "null"),
  iomem("pci_iomap_range", [PDEV, BAR, p("offset", "size"), p("maxlen", "size")], PCI_IOMAP, "null"),
  iomem("pci_iomap_wc", [PDEV, BAR, p("maxlen", "size")], PCI_IOMAP, "null"),
  iomem("pci_iomap_wc_range", [PDEV, BAR, p("offset", "size"), p("maxlen", "size")], PCI_IOMAP, "null"),
  iomem("pcim_iomap", [PDEV, BAR, p("maxlen", "size")], PCI_H, "null"),
  iomem("pcim_iomap_region", [PDEV, BAR, p("name", "other")], PCI_H, "err-ptr", {
    notes: "Requests and maps one BAR (managed); the replacement for pcim_iomap_regions() + pcim_iomap_table()."
  }),
  {
    name: "pcim_iomap_table",
    category: "mapping",
    params: [PDEV],
    returns: { kind: "iomem", error: "null", type: "void __iomem * const *" },
    mightSleep: true,
    source: PCI_H,
    deprecated: "documented as DEPRECATED in drivers/pci/devres.c: use pcim_iomap_region()",
    replacement: "pcim_iomap_region",
    notes: "Returns the table of mappings; each entry is an __iomem pointer (or NULL for unmapped BARs)."
  },
  {
    name: "pcim_iomap_regions",
    category: "mapping",
    params: [PDEV, p("mask", "other"), p("name", "other")],
    returns: { error: "zero-success-negative-errno", type: "int" },
    mightSleep: true,
    source: PCI_H,
    deprecated: "documented as DEPRECATED in drivers/pci/devres.c: use pcim_iomap_region()",
    replacement: "pcim_iomap_region"
  },
  unmap("iounmap", [IOADDR], ASM_IO),
  unmap("devm_iounmap", [DEV, IOADDR], LINUX_IO),
  unmap("pci_iounmap", [PDEV, IOADDR], PCI_IOMAP),
  unmap("pcim_iounmap", [PDEV, IOADDR], PCI_H),
  unmap("pcim_iounmap_region", [PDEV, BAR], PCI_H, { since: "\u22486.13", notes: "Static in drivers/pci/devres.c up to v6.12; made public afterwards." }),
  // ── memremap ──
  {
    name: "memremap",
    category: "mapping",
    params: [PHYS, SIZE, p("flags", "flags")],
    returns: { error: "null", type: "void *" },
    mightSleep: true,
    source: "kernel/iomem.c",
    misuse: "treating a non-RAM memremap VA as having struct pages (virt_to_page, sg_set_buf)",
    notes: "MEMREMAP_WB on System RAM returns the linear address (kind memremap-ram); any other range gives an ioremap-class VA without struct pages (memremap-nonram). WT/WC on RAM fails with a WARN; a range that is part RAM, part not, fails."
  },
  {
    name: "devm_memremap",
    category: "mapping",
    params: [DEV, PHYS, SIZE, p("flags", "flags")],
    returns: { error: "err-ptr", type: "void *" },
    mightSleep: true,
    source: "kernel/iomem.c",
    misuse: "checking the result against NULL: it returns ERR_PTR(-ENXIO)",
    notes: "Same kinds as memremap()."
  },
  unmap("memunmap", [p("addr", "buffer", ["memremap-ram", "memremap-nonram"])], "kernel/iomem.c"),
  unmap("devm_memunmap", [DEV, p("addr", "buffer", ["memremap-ram", "memremap-nonram"])], "kernel/iomem.c"),
  // ── kmap family ──
  {
    name: "kmap_local_page",
    category: "mapping",
    params: [p("page", "page", KMAP_PAGES)],
    returns: { error: "none", type: "void *" },
    lock: { cls: "kmap_local", op: "acquire" },
    source: HIGHMEM_H,
    misuse: "unmapping out of LIFO order; dereferencing the mapping of a P2PDMA page (MMIO)",
    notes: "Preferred temporary mapping; nested and unmapped in LIFO order on the same CPU. Does not disable preemption."
  },
  {
    name: "kmap_local_folio",
    category: "mapping",
    params: [p("folio", "page", KMAP_PAGES), p("offset", "size")],
    returns: { error: "none", type: "void *" },
    lock: { cls: "kmap_local", op: "acquire" },
    source: HIGHMEM_H
  },
  {
    name: "kunmap_local",
    category: "mapping",
    params: [p("addr", "buffer")],
    returns: { error: "none", type: "void" },
    lock: { cls: "kmap_local", op: "release" },
    source: HIGHMEM_H
  },
  {
    name: "kmap_atomic",
    category: "mapping",
    params: [p("page", "page", KMAP_PAGES)],
    returns: { error: "none", type: "void *" },
    lock: { cls: "kmap_atomic", op: "acquire", alsoDisables: ["preempt"] },
    source: HIGHMEM_H,
    deprecated: "kmap_atomic is deprecated; use kmap_local_page (style warning only)",
    replacement: "kmap_local_page",
    misuse: "sleeping while the atomic kmap is held (page faults and preemption are disabled)"
  },
  {
    name: "kunmap_atomic",
    category: "mapping",
    params: [p("addr", "buffer")],
    returns: { error: "none", type: "void" },
    lock: { cls: "kmap_atomic", op: "release" },
    source: HIGHMEM_H,
    deprecated: "pairs with the deprecated kmap_atomic",
    replacement: "kunmap_local"
  },
  {
    name: "kmap",
    category: "mapping",
    params: [p("page", "page", KMAP_PAGES)],
    returns: { error: "none", type: "void *" },
    mightSleep: true,
    source: HIGHMEM_H,
    notes: "Long-lived mapping from a small pool; may sleep. Prefer kmap_local_page."
  },
  {
    name: "kunmap",
    category: "mapping",
    params: [p("page", "page", KMAP_PAGES)],
    returns: { error: "none", type: "void" },
    source: HIGHMEM_H
  }
];

// dist/src/model/contracts/mmio.js
var ASM_IO2 = "include/asm-generic/io.h";
var IOMAP_H = "include/asm-generic/iomap.h";
var LINUX_IO2 = "include/linux/io.h";
var read = (name, type, source = ASM_IO2) => ({
  name,
  category: "mmio",
  params: [p("addr", "buffer", MMIO)],
  returns: { error: "none", type },
  source,
  misuse: "passing a linear-map, kmalloc or vmalloc pointer: accessors are for __iomem only"
});
var write = (name, source = ASM_IO2) => ({
  name,
  category: "mmio",
  params: [p("value", "other"), p("addr", "buffer", MMIO)],
  returns: { error: "none", type: "void" },
  source,
  misuse: "passing a linear-map, kmalloc or vmalloc pointer: accessors are for __iomem only"
});
var sizes = [
  ["b", "u8"],
  ["w", "u16"],
  ["l", "u32"],
  ["q", "u64"]
];
var MMIO_CONTRACTS = [
  ...sizes.flatMap(([s, t]) => [read(`read${s}`, t), read(`read${s}_relaxed`, t), write(`write${s}`), write(`write${s}_relaxed`)]),
  read("ioread8", "unsigned int", IOMAP_H),
  read("ioread16", "unsigned int", IOMAP_H),
  read("ioread32", "unsigned int", IOMAP_H),
  read("ioread16be", "unsigned int", IOMAP_H),
  read("ioread32be", "unsigned int", IOMAP_H),
  write("iowrite8", IOMAP_H),
  write("iowrite16", IOMAP_H),
  write("iowrite32", IOMAP_H),
  write("iowrite16be", IOMAP_H),
  write("iowrite32be", IOMAP_H),
  {
    name: "memcpy_toio",
    category: "mmio",
    params: [p("dst", "buffer", MMIO), p("src", "buffer", CPU_NORMAL), p("count", "size")],
    returns: { error: "none", type: "void" },
    source: ASM_IO2,
    notes: "The bulk copy to use instead of memcpy() on __iomem or P2PDMA memory."
  },
  {
    name: "memcpy_fromio",
    category: "mmio",
    params: [p("dst", "buffer", CPU_NORMAL), p("src", "buffer", MMIO), p("count", "size")],
    returns: { error: "none", type: "void" },
    source: ASM_IO2
  },
  {
    name: "memset_io",
    category: "mmio",
    params: [p("dst", "buffer", MMIO), p("c", "other"), p("count", "size")],
    returns: { error: "none", type: "void" },
    source: ASM_IO2
  },
  {
    name: "__iowrite32_copy",
    category: "mmio",
    params: [p("to", "buffer", MMIO), p("from", "buffer", CPU_NORMAL), p("count", "size")],
    returns: { error: "none", type: "void" },
    source: LINUX_IO2
  },
  {
    name: "__iowrite64_copy",
    category: "mmio",
    params: [p("to", "buffer", MMIO), p("from", "buffer", CPU_NORMAL), p("count", "size")],
    returns: { error: "none", type: "void" },
    source: LINUX_IO2
  }
];

// dist/src/model/contracts/p2pdma.js
var P2P_C = "drivers/pci/p2pdma.c";
var P2P_H = "include/linux/pci-p2pdma.h";
var MEMREMAP_H2 = "include/linux/memremap.h";
var MEMREMAP_C = "mm/memremap.c";
var PERCPU_REF_H = "include/linux/percpu-refcount.h";
var PDEV2 = p("pdev", "dev");
var P2P_KVA = p("addr", "buffer", ["p2pdma"]);
var CLIENTS = p("clients", "dev", void 0, { notes: "each struct device is walked up through its parents to a PCI device" });
var p2p = (name, params, returns, extra = {}) => ({
  name,
  category: "p2pdma",
  params,
  returns,
  source: P2P_C,
  gpl: true,
  ...extra
});
var ref2 = (name, returns, extra = {}) => ({
  name,
  category: "pgmap",
  params: [p("ref", "other")],
  returns,
  source: PERCPU_REF_H,
  ...extra
});
var MAP_TYPE = { error: "none", type: "enum pci_p2pdma_map_type" };
var P2PDMA_CONTRACTS = [
  p2p("pci_p2pdma_add_resource", [PDEV2, p("bar", "other"), SIZE, p("offset", "size")], { error: "zero-success-negative-errno", type: "int" }, {
    mightSleep: true,
    misuse: "registering an I/O BAR, an offset/size beyond the BAR, a BAR with CPU-visible side effects that is then published, or a window that is not subsection-aligned (P2P-013)",
    notes: "Registers [start+offset, +size) of a MEM BAR as MEMORY_DEVICE_PCI_P2PDMA pages (size 0 = rest of the BAR) and a genalloc pool. -EINVAL, -ENOMEM, devm_memremap_pages errors; -EOPNOTSUPP without CONFIG_PCI_P2PDMA."
  }),
  p2p("pci_p2pdma_distance_many", [p("provider", "dev"), CLIENTS, p("num_clients", "nents"), p("verbose", "other")], { error: "negative-errno", type: "int" }, {
    misuse: 'treating any non-negative distance as "bus addresses are fine": host-bridge paths return positive distances too (P2P-014)',
    notes: "Sum of the per-client distances, or -1 (not an errno) if any client is not PCI or NOT_SUPPORTED, or num_clients is 0. Does not check that the provider has P2P state. Kernels of \u22484.20\u20135.x returned 0x1000 + dist for allow-listed host-bridge paths; current kernels return the plain hop sum."
  }),
  p2p("pci_p2pdma_distance", [p("provider", "dev"), p("client", "dev"), p("verbose", "other")], { error: "negative-errno", type: "int" }, {
    source: P2P_H,
    misuse: "if (pci_p2pdma_distance(...) >= 0) use_bus_addr = true (P2P-014)",
    notes: "pci_p2pdma_distance_many() with one client; -1 on failure."
  }),
  p2p("pci_p2pmem_find_many", [CLIENTS, p("num_clients", "nents")], { error: "null", type: "struct pci_dev *" }, {
    misuse: "forgetting pci_dev_put() on the result",
    notes: "The nearest published provider with a pool; ties broken at random. Returns a referenced pci_dev."
  }),
  p2p("pci_p2pmem_find", [p("client", "dev")], { error: "null", type: "struct pci_dev *" }, {
    source: P2P_H,
    misuse: "forgetting pci_dev_put() on the result"
  }),
  p2p("pci_has_p2pmem", [PDEV2], { error: "none", type: "bool" }, {
    removedIn: "\u22486.19",
    replacement: "pci_p2pmem_find() / pci_p2pmem_find_many()",
    notes: "Exported up to \u22486.17; static in the \u22486.19\u20137.0 tree (a provider without a pool is of no use to callers)."
  }),
  p2p("pci_alloc_p2pmem", [PDEV2, SIZE], { kind: "p2pdma", error: "null", type: "void *" }, {
    misuse: "CPU memcpy/memset on the returned KVA (it is an uncached MMIO alias); freeing with a different size",
    notes: "genalloc from the provider pool; takes a percpu reference on the pgmap (inside rcu_read_lock)."
  }),
  p2p("pci_free_p2pmem", [PDEV2, P2P_KVA, SIZE], { error: "none", type: "void" }, { category: "free" }),
  p2p("pci_p2pmem_virt_to_bus", [PDEV2, P2P_KVA], { error: "null", type: "pci_bus_addr_t" }, {
    misuse: "using the bus address as the dma_addr_t for a client whose map type is not BUS_ADDR (P2P-001)",
    notes: 'genalloc stores the PCI bus address in its "phys" field, so this returns the bus address (0 on failure).'
  }),
  p2p("pci_p2pmem_alloc_sgl", [PDEV2, p("nents", "nents", void 0, { out: true }), p("length", "size")], { kind: "p2pdma", error: "null", type: "struct scatterlist *" }, {
    mightSleep: true,
    notes: "A one-entry sg made with sg_set_buf() on p2pmem."
  }),
  p2p("pci_p2pmem_free_sgl", [PDEV2, p("sgl", "sg", ["p2pdma"])], { error: "none", type: "void" }, { category: "free" }),
  p2p("pci_p2pmem_publish", [PDEV2, p("publish", "other")], { error: "none", type: "void" }, {
    notes: 'Published memory "must be regular memory with no side effects".'
  }),
  p2p("pci_p2pdma_enable_store", [p("page", "other"), p("p2p_dev", "dev", void 0, { out: true }), p("use_p2pdma", "other", void 0, { out: true })], { error: "zero-success-negative-errno", type: "int" }),
  p2p("pci_p2pdma_enable_show", [p("page", "other"), p("p2p_dev", "dev"), p("use_p2pdma", "other")], { error: "negative-errno", type: "ssize_t" }),
  p2p("pci_p2pdma_map_type", [p("provider", "other", ["p2p-provider"]), DEV], MAP_TYPE, {
    since: "\u22486.19",
    source: P2P_H,
    notes: "Exported with a struct p2pdma_provider * first argument in \u22486.19+ (a static helper taking a dev_pagemap before). dev must itself be the PCI DMA device: no parent walk. Never returns UNKNOWN."
  }),
  p2p("pci_p2pdma_state", [p("state", "other"), DEV, p("page", "page", DMA_SG_PAGE)], MAP_TYPE, {
    since: "\u22486.16",
    source: P2P_H,
    gpl: false,
    misuse: "calling it with a NULL or non-struct page",
    notes: "PCI_P2PDMA_MAP_NONE for non-P2PDMA pages; re-queries the map type only when the provider changes."
  }),
  p2p("pci_p2pdma_bus_addr_map", [p("provider", "other", ["p2p-provider"]), p("paddr", "phys", ["p2pdma", "p2p-provider"])], { error: "none", type: "dma_addr_t" }, {
    since: "\u22486.16",
    source: P2P_H,
    gpl: false,
    misuse: "using it for transfers whose map type is not BUS_ADDR",
    notes: "phys + provider->bus_offset. Took (&state, phys) in \u22486.16\u20136.18; (provider, phys) in \u22486.19+."
  }),
  p2p("pci_p2pdma_map_segment", [p("state", "other"), DEV, p("sg", "sg", DMA_SG_PAGE)], MAP_TYPE, {
    since: "\u22486.0",
    removedIn: "\u22486.16",
    replacement: "pci_p2pdma_state() + pci_p2pdma_bus_addr_map(); set dma_address, sg_dma_len and the bus mark yourself",
    source: "include/linux/dma-map-ops.h"
  }),
  p2p("pci_p2pdma_map_bus_segment", [p("pg_sg", "sg", ["p2pdma"]), p("dma_sg", "sg")], { error: "none", type: "void" }, {
    since: "\u22486.0",
    removedIn: "\u22486.12",
    replacement: "pci_p2pdma_state() + pci_p2pdma_bus_addr_map()",
    notes: "Added with the dma-iommu P2P support in \u22486.0; absent from v6.12 (verified), exact removal release not verified."
  }),
  p2p("pci_p2pdma_map_sg", [DEV, p("sg", "sg", ["p2pdma"]), p("nents", "nents"), p("dir", "dir")], { error: "zero-count", type: "int" }, {
    removedIn: "\u22486.0",
    replacement: "dma_map_sgtable() / dma_map_sg() (P2P-aware); handle -EREMOTEIO"
  }),
  p2p("pci_p2pdma_map_sg_attrs", [DEV, p("sg", "sg", ["p2pdma"]), p("nents", "nents"), p("dir", "dir"), p("attrs", "flags")], { error: "zero-count", type: "int" }, {
    removedIn: "\u22486.0",
    replacement: "dma_map_sgtable() / dma_map_sg_attrs()"
  }),
  p2p("pci_p2pdma_unmap_sg", [DEV, p("sg", "sg", ["p2pdma"]), p("nents", "nents"), p("dir", "dir")], { error: "none", type: "void" }, {
    category: "dma-unmap",
    removedIn: "\u22486.0",
    replacement: "dma_unmap_sgtable() / dma_unmap_sg()"
  }),
  p2p("pci_p2pdma_unmap_sg_attrs", [DEV, p("sg", "sg", ["p2pdma"]), p("nents", "nents"), p("dir", "dir"), p("attrs", "flags")], { error: "none", type: "void" }, {
    category: "dma-unmap",
    removedIn: "\u22486.0",
    replacement: "dma_unmap_sgtable() / dma_unmap_sg_attrs()"
  }),
  p2p("pcim_p2pdma_init", [PDEV2], { error: "zero-success-negative-errno", type: "int" }, {
    since: "\u22486.19",
    mightSleep: true,
    notes: "Sets up per-device P2P state (devres-managed, idempotent): one p2pdma_provider per MEM BAR. -ENOMEM, -EOPNOTSUPP."
  }),
  p2p("pcim_p2pdma_provider", [PDEV2, p("bar", "other")], { kind: "p2p-provider", error: "null-or-err-ptr", type: "struct p2pdma_provider *" }, {
    since: "\u22486.19",
    misuse: "checking only IS_ERR (misses NULL) or only NULL (misses the !CONFIG stub's ERR_PTR(-EOPNOTSUPP)); use before pcim_p2pdma_init (P2P-011)",
    notes: "NULL for non-MEM or non-mappable BARs; the !CONFIG_PCI_P2PDMA stub returns ERR_PTR(-EOPNOTSUPP). Lifetime bound to the driver."
  }),
  // ── pgmap ──
  {
    name: "devm_memremap_pages",
    category: "pgmap",
    params: [DEV, p("pgmap", "other")],
    returns: { error: "err-ptr", type: "void *" },
    mightSleep: true,
    source: MEMREMAP_H2,
    misuse: "calling it without CONFIG_ZONE_DEVICE (the stub WARNs, -ENXIO); ranges that are not subsection-aligned",
    notes: "Creates ZONE_DEVICE pages of pgmap->type (kinds zd-fsdax, zd-generic, zd-private, zd-coherent, p2pdma). ERR_PTR on: no ranges, intersecting System RAM (-ENXIO), a conflicting pgmap (-ENOMEM), missing ops/owner (-EINVAL)."
  },
  {
    name: "memremap_pages",
    category: "pgmap",
    params: [p("pgmap", "other"), p("nid", "other")],
    returns: { error: "err-ptr", type: "void *" },
    mightSleep: true,
    source: MEMREMAP_C,
    notes: "add_pages() only (no linear map) for MEMORY_DEVICE_PRIVATE; arch_add_memory() for every other type."
  },
  {
    name: "memunmap_pages",
    category: "free",
    params: [p("pgmap", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: true,
    source: MEMREMAP_C
  },
  {
    name: "devm_memunmap_pages",
    category: "free",
    params: [DEV, p("pgmap", "other")],
    returns: { error: "none", type: "void" },
    mightSleep: true,
    source: MEMREMAP_C
  },
  {
    name: "get_dev_pagemap",
    category: "pgmap",
    params: [p("pfn", "pfn"), p("pgmap", "other")],
    returns: { error: "null", type: "struct dev_pagemap *" },
    source: MEMREMAP_H2,
    misuse: 'forgetting put_dev_pagemap(); using it to "validate" arbitrary pfns from untrusted sources',
    notes: "A pgmap with a live reference, or NULL; drops the cached pgmap's reference when it does not cover pfn."
  },
  {
    name: "put_dev_pagemap",
    category: "pgmap",
    params: [p("pgmap", "other")],
    returns: { error: "none", type: "void" },
    source: MEMREMAP_H2
  },
  ref2("percpu_ref_get", { error: "none", type: "void" }),
  ref2("percpu_ref_put", { error: "none", type: "void" }),
  ref2("percpu_ref_tryget", { error: "none", type: "bool" }),
  ref2("percpu_ref_tryget_live", { error: "none", type: "bool" }),
  ref2("percpu_ref_tryget_live_rcu", { error: "none", type: "bool" }, { notes: "Must be called inside rcu_read_lock()." }),
  ref2("percpu_ref_kill", { error: "none", type: "void" })
];

// dist/src/model/contracts/sg.js
var SG_H = "include/linux/scatterlist.h";
var SG2 = p("sg", "sg");
var SGL = p("sgl", "sg");
var SGT2 = p("sgt", "sgt");
var NENTS2 = p("nents", "nents");
var sg = (name, params, returns, extra = {}) => ({ name, category: "sg", params, returns, source: SG_H, ...extra });
var VOID = { error: "none", type: "void" };
var ZERO_OR_ERRNO = { error: "zero-success-negative-errno", type: "int" };
var CPU_COPY_SG = STRUCT_PAGE.filter((k) => k !== "p2pdma");
var MARK_ONLY_FOR_IMPLEMENTATIONS = 'drivers setting or clearing it: "should only be used by dma_map_sg() implementations" (P2P-004)';
var copy = (name, params) => sg(name, params, { error: "none", type: "size_t" }, {
  misuse: "sg lists holding P2PDMA or non-struct-page memory (the helper memcpys through a kmap); ignoring a short copy",
  notes: "Returns the number of bytes copied; uses sg_miter with SG_MITER_LOCAL."
});
var SG_CONTRACTS = [
  sg("sg_init_table", [SGL, NENTS2], VOID, {
    notes: "Zeroes the entries and marks the last one as the end; required before filling a stack or kmalloc array of entries."
  }),
  sg("sg_init_one", [SG2, p("buf", "buffer", LINEAR_VA), p("buflen", "size")], VOID, {
    misuse: "stack, vmalloc, kvmalloc, ioremap, memremap-non-RAM, coherent-DMA or module buffers [certain]",
    notes: "sg_init_table(sg, 1) + sg_set_buf(): the buffer must be linear-map memory."
  }),
  sg("sg_set_page", [SG2, p("page", "page", STRUCT_PAGE), p("len", "size"), p("offset", "size")], VOID, {
    misuse: "a page pointer made from a VA outside the linear map (virt_to_page of ioremap/vmalloc/stack memory); a NULL page",
    notes: "offset may exceed PAGE_SIZE for physically contiguous multi-page ranges."
  }),
  sg("sg_set_folio", [SG2, p("folio", "page", STRUCT_PAGE), p("len", "size"), p("offset", "size")], VOID, {
    notes: "As sg_set_page for folios; WARNs if len or offset exceeds UINT_MAX."
  }),
  sg("sg_set_buf", [SG2, p("buf", "buffer", LINEAR_VA), p("buflen", "size")], VOID, {
    misuse: "stack, vmalloc, kvmalloc, ioremap, memremap-non-RAM, coherent-DMA or module buffers [certain]",
    notes: "Equivalent to sg_set_page(sg, virt_to_page(buf), len, offset_in_page(buf)); CONFIG_DEBUG_SG BUG_ONs on !virt_addr_valid(buf)."
  }),
  sg("sg_page", [SG2], { error: "none", type: "struct page *" }, {
    misuse: "dereferencing it in a DMABUF importer (CONFIG_DMABUF_DEBUG scrambles page_link)"
  }),
  sg("sg_virt", [SG2], { error: "none", type: "void *" }, {
    misuse: "highmem pages (NULL + offset); P2PDMA pages (an MMIO alias: no memcpy); NULL-page DMABUF entries",
    notes: '"Caller must know that the sg page has a valid virtual mapping."'
  }),
  sg("sg_phys", [SG2], { error: "none", type: "dma_addr_t" }, {
    misuse: "NULL pages; treating the CPU physical address as a dma_addr_t"
  }),
  sg("sg_next", [SG2], { error: "null", type: "struct scatterlist *" }, { notes: "NULL at the end of the list; follows chain links." }),
  sg("sg_last", [SGL, NENTS2], { error: "none", type: "struct scatterlist *" }),
  sg("sg_chain", [p("prv", "sg"), p("prv_nents", "nents"), SGL], VOID),
  sg("sg_mark_end", [SG2], VOID),
  sg("sg_unmark_end", [SG2], VOID),
  sg("sg_nents", [SG2], { error: "none", type: "int" }),
  sg("sg_nents_for_len", [SG2, p("len", "size")], { error: "negative-errno", type: "int" }, {
    notes: "-EINVAL when the list is shorter than len."
  }),
  sg("for_each_sg", [p("sglist", "sg"), SG2, p("nr", "nents"), p("i", "other")], VOID, {
    misuse: "programming hardware after dma_map_sg with the nents passed in instead of the returned count (SG-008)"
  }),
  sg("for_each_sgtable_sg", [SGT2, SG2, p("i", "other")], VOID, {
    misuse: "reading sg_dma_address/sg_dma_len inside it: it walks orig_nents, the CPU view (SG-008)"
  }),
  sg("for_each_sgtable_dma_sg", [SGT2, SG2, p("i", "other")], VOID, {
    misuse: "reading sg_page/sg->length inside it, or using it before mapping: it walks nents, the DMA view (SG-008)"
  }),
  sg("sg_dma_address", [SG2], { error: "none", type: "dma_addr_t" }, {
    misuse: "use before a successful map, after unmap, or past the mapped count (DMA-005)"
  }),
  sg("sg_dma_len", [SG2], { error: "none", type: "unsigned int" }, {
    misuse: "use before a successful map; without CONFIG_NEED_SG_DMA_LENGTH it aliases ->length, hiding use-before-map bugs"
  }),
  sg("sg_dma_mark_bus_address", [SG2], VOID, {
    misuse: MARK_ONLY_FOR_IMPLEMENTATIONS,
    notes: "A marked segment holds a PCI bus address that must not be unmapped. No-op without CONFIG_NEED_SG_DMA_FLAGS."
  }),
  sg("sg_dma_unmark_bus_address", [SG2], VOID, { misuse: MARK_ONLY_FOR_IMPLEMENTATIONS }),
  sg("sg_dma_is_bus_address", [SG2], { error: "none", type: "bool" }, {
    notes: "Drivers may read it; false without CONFIG_NEED_SG_DMA_FLAGS."
  }),
  sg("sg_dma_is_swiotlb", [SG2], { error: "none", type: "bool" }),
  sg("sg_dma_mark_swiotlb", [SG2], VOID, { misuse: "drivers using it: set by dma-iommu on the first sg of a bounced list" }),
  sg("sg_alloc_table", [SGT2, NENTS2, GFP], ZERO_OR_ERRNO, {
    mightSleep: "gfp",
    source: "lib/scatterlist.c",
    notes: "0, -ENOMEM or -EINVAL; frees on failure; chains beyond SG_MAX_SINGLE_ALLOC."
  }),
  sg("sg_free_table", [SGT2], VOID, { source: "lib/scatterlist.c" }),
  sg("sg_alloc_table_from_pages", [SGT2, p("pages", "page", STRUCT_PAGE), p("n_pages", "nents"), p("offset", "size"), p("size", "size"), GFP], ZERO_OR_ERRNO, {
    mightSleep: "gfp",
    notes: "Merges physically contiguous pages only if zone_device_pages_have_same_pgmap(); release with sg_free_table."
  }),
  sg("sg_alloc_table_from_pages_segment", [SGT2, p("pages", "page", STRUCT_PAGE), p("n_pages", "nents"), p("offset", "size"), p("size", "size"), p("max_segment", "size"), GFP], ZERO_OR_ERRNO, {
    mightSleep: "gfp"
  }),
  sg("sg_alloc_append_table_from_pages", [p("sgt_append", "sgt"), p("pages", "page", STRUCT_PAGE), p("n_pages", "nents"), p("offset", "size"), p("size", "size"), p("max_segment", "size"), p("left_pages", "nents"), GFP], ZERO_OR_ERRNO, {
    mightSleep: "gfp",
    source: "lib/scatterlist.c",
    misuse: "freeing with sg_free_table instead of sg_free_append_table on error",
    notes: "-EINVAL if max_segment < PAGE_SIZE or offset != 0 on an append; -EOPNOTSUPP on ARCH_NO_SG_CHAIN; -ENOMEM."
  }),
  sg("sg_free_append_table", [p("sgt_append", "sgt")], VOID, { source: "lib/scatterlist.c" }),
  sg("__sg_alloc_table_from_pages", [SGT2, p("pages", "page", STRUCT_PAGE), p("n_pages", "nents"), p("offset", "size"), p("size", "size"), p("max_segment", "size"), GFP], ZERO_OR_ERRNO, {
    removedIn: "\u22485.15",
    replacement: "sg_alloc_append_table_from_pages or sg_alloc_table_from_pages_segment"
  }),
  sg("sg_miter_start", [p("miter", "other"), SGL, NENTS2, p("flags", "flags")], VOID, {
    source: "lib/scatterlist.c",
    misuse: "flags without SG_MITER_TO_SG or SG_MITER_FROM_SG (WARN); lists with P2PDMA, MMIO or non-struct-page memory",
    notes: "SG_MITER_ATOMIC uses kmap_atomic (page faults stay disabled until stop); SG_MITER_LOCAL uses kmap_local_page; neither means kmap (may sleep)."
  }),
  sg("sg_miter_next", [p("miter", "other")], { error: "none", type: "bool" }, { source: "lib/scatterlist.c" }),
  sg("sg_miter_skip", [p("miter", "other"), p("offset", "size")], { error: "none", type: "bool" }, { source: "lib/scatterlist.c" }),
  sg("sg_miter_stop", [p("miter", "other")], VOID, {
    source: "lib/scatterlist.c",
    misuse: "patches adding pfn_valid/virt_addr_valid guards to tolerate bogus pages (NAKed in 2019; SG-002)",
    notes: "Calls flush_dcache_page(page) for SG_MITER_TO_SG, then unmaps; before \u22485.15 it tested PageSlab first."
  }),
  copy("sg_copy_buffer", [SGL, NENTS2, p("buf", "buffer", CPU_NORMAL), p("buflen", "size"), p("skip", "size"), p("to_buffer", "other")]),
  copy("sg_copy_from_buffer", [p("sgl", "sg", CPU_COPY_SG), NENTS2, p("buf", "buffer", CPU_NORMAL), p("buflen", "size")]),
  copy("sg_copy_to_buffer", [p("sgl", "sg", CPU_COPY_SG), NENTS2, p("buf", "buffer", CPU_NORMAL), p("buflen", "size")]),
  copy("sg_pcopy_from_buffer", [p("sgl", "sg", CPU_COPY_SG), NENTS2, p("buf", "buffer", CPU_NORMAL), p("buflen", "size"), p("skip", "size")]),
  copy("sg_pcopy_to_buffer", [p("sgl", "sg", CPU_COPY_SG), NENTS2, p("buf", "buffer", CPU_NORMAL), p("buflen", "size"), p("skip", "size")]),
  copy("sg_zero_buffer", [p("sgl", "sg", CPU_COPY_SG), NENTS2, p("buflen", "size"), p("skip", "size")]),
  sg("sgl_alloc", [p("length", "size"), GFP, p("nent_p", "nents", void 0, { out: true })], { kind: "ram", error: "null", type: "struct scatterlist *" }, {
    mightSleep: "gfp",
    misuse: "mixing up sgl_free and sg_free_table",
    notes: "Needs CONFIG_SGL_ALLOC."
  }),
  sg("sgl_alloc_order", [p("length", "size"), p("order", "other"), p("chainable", "other"), GFP, p("nent_p", "nents", void 0, { out: true })], { kind: "ram", error: "null", type: "struct scatterlist *" }, {
    mightSleep: "gfp"
  }),
  sg("sgl_free", [SGL], VOID),
  sg("extract_iter_to_sg", [p("iter", "other"), p("len", "size"), SGT2, p("sg_max", "nents"), p("extraction_flags", "flags")], { error: "count-or-negative-errno", type: "ssize_t" }, {
    source: "lib/scatterlist.c",
    notes: "User-backed iterators are pinned (unpin on failure); bvec and kvec iterators are not."
  })
];

// dist/src/model/removed.js
var PFN_T_MESSAGE = "pfn_t was removed; the device-ness of a pfn now comes from its ZONE_DEVICE folio and pgmap";
var PFN_T_REPLACEMENT = "a raw unsigned long pfn; ZONE_DEVICE folios via vmf_insert_folio_*/vmf_insert_page; raw MMIO pfns via vmf_insert_pfn";
var DEVMAP_MESSAGE = "the devmap page-table bit was removed together with pfn_t; test is_zone_device_page() on the folio instead";
var pfnT = (name, kind) => ({
  name,
  kind,
  removedIn: "\u22486.17",
  replacement: PFN_T_REPLACEMENT,
  message: PFN_T_MESSAGE,
  source: "include/linux/pfn_t.h"
});
var devmap = (name, source, kind = "macro") => ({
  name,
  kind,
  removedIn: "\u22486.17",
  replacement: "is_zone_device_page() / special PTEs",
  message: DEVMAP_MESSAGE,
  source
});
var REMOVED_IDENTIFIERS = [
  {
    name: "DMA_ATTR_P2PDMA",
    kind: "dma-attr",
    neverMerged: true,
    replacement: "none: P2PDMA pages are recognised by the DMA API itself",
    message: "DMA_ATTR_P2PDMA (a 2021 RFC) is not an upstream attribute",
    source: "include/linux/dma-mapping.h"
  },
  {
    name: "dma_can_use_iova",
    kind: "function",
    neverMerged: true,
    replacement: "dma_use_iova()",
    message: "dma_can_use_iova() is the pre-merge name of dma_use_iova()",
    source: "include/linux/dma-mapping.h"
  },
  {
    name: "DMA_F_PCI_P2PDMA_SUPPORTED",
    kind: "flag",
    removedIn: "\u22486.10",
    replacement: "dma_pci_p2pdma_supported() (true when the device has no custom dma_map_ops)",
    message: 'the dma_map_ops P2P flag is gone; dma_pci_p2pdma_supported() now means "no custom ops"',
    source: "include/linux/dma-map-ops.h"
  },
  pfnT("pfn_t", "type"),
  pfnT("__pfn_to_pfn_t", "function"),
  pfnT("pfn_to_pfn_t", "function"),
  pfnT("phys_to_pfn_t", "function"),
  pfnT("pfn_t_to_page", "function"),
  pfnT("pfn_t_to_pfn", "function"),
  pfnT("pfn_t_to_phys", "function"),
  pfnT("page_to_pfn_t", "function"),
  pfnT("pfn_t_devmap", "function"),
  pfnT("pfn_t_has_page", "function"),
  pfnT("pfn_t_pte", "function"),
  pfnT("pfn_t_pmd", "function"),
  pfnT("pfn_t_special", "function"),
  pfnT("PFN_DEV", "macro"),
  pfnT("PFN_MAP", "macro"),
  pfnT("PFN_SG_CHAIN", "macro"),
  pfnT("PFN_SG_LAST", "macro"),
  pfnT("PFN_SPECIAL", "macro"),
  pfnT("PFN_FLAGS_MASK", "macro"),
  pfnT("pfn_t.h", "header"),
  pfnT("linux/pfn_t.h", "header"),
  devmap("pte_devmap", "include/linux/mm.h"),
  devmap("pmd_devmap", "include/linux/pgtable.h"),
  devmap("pud_devmap", "include/linux/pgtable.h"),
  devmap("pte_mkdevmap", "arch/x86/include/asm/pgtable.h"),
  devmap("pmd_mkdevmap", "arch/x86/include/asm/pgtable.h"),
  devmap("pud_mkdevmap", "arch/x86/include/asm/pgtable.h"),
  devmap("ARCH_HAS_PTE_DEVMAP", "mm/Kconfig", "kconfig"),
  devmap("CONFIG_ARCH_HAS_PTE_DEVMAP", "mm/Kconfig", "kconfig"),
  {
    name: "page->pgmap",
    kind: "field",
    removedIn: "\u22486.15",
    replacement: "page_pgmap(page) / folio->pgmap",
    message: "struct page no longer has a pgmap field; use page_pgmap() (ZONE_DEVICE pages only)",
    source: "include/linux/mm_types.h"
  },
  {
    name: "page_free",
    kind: "callback",
    removedIn: "\u22486.19",
    replacement: ".folio_free(struct folio *)",
    message: "dev_pagemap_ops.page_free was renamed to folio_free and takes a folio",
    source: "include/linux/memremap.h"
  },
  {
    name: "devmap_managed_key",
    kind: "macro",
    removedIn: "\u22486.15",
    replacement: "the normal refcount \u2192 0 \u2192 free_zone_device_folio path",
    message: "ZONE_DEVICE pages no longer free at refcount 1; the devmap_managed helpers are gone",
    source: "include/linux/mm.h"
  },
  {
    name: "put_devmap_managed_folio_refs",
    kind: "function",
    removedIn: "\u22486.15",
    replacement: "put_page() / folio_put()",
    message: "ZONE_DEVICE pages no longer free at refcount 1; the devmap_managed helpers are gone",
    source: "include/linux/mm.h"
  },
  {
    name: "CONFIG_VIRT_TO_BUS",
    kind: "kconfig",
    removedIn: "\u22486.0",
    replacement: "the DMA mapping API",
    message: "virt_to_bus()/bus_to_virt() and CONFIG_VIRT_TO_BUS were removed in 2022",
    source: "arch/Kconfig"
  },
  {
    name: "bus_to_virt",
    kind: "function",
    removedIn: "\u22486.0",
    replacement: "the DMA mapping API",
    message: "virt_to_bus()/bus_to_virt() and CONFIG_VIRT_TO_BUS were removed in 2022",
    source: "arch/x86/include/asm/io.h"
  }
];
var SIGNATURE_CHANGES = [
  {
    name: "pci_p2pdma_bus_addr_map",
    changedIn: "\u22486.19",
    before: "dma_addr_t pci_p2pdma_bus_addr_map(struct pci_p2pdma_map_state *state, phys_addr_t paddr)",
    after: "dma_addr_t pci_p2pdma_bus_addr_map(struct p2pdma_provider *provider, phys_addr_t paddr)",
    source: "include/linux/pci-p2pdma.h"
  },
  {
    name: "pci_p2pdma_map_type",
    changedIn: "\u22486.19",
    before: "static enum pci_p2pdma_map_type pci_p2pdma_map_type(struct dev_pagemap *pgmap, struct device *dev)",
    after: "enum pci_p2pdma_map_type pci_p2pdma_map_type(struct p2pdma_provider *provider, struct device *dev)",
    source: "include/linux/pci-p2pdma.h"
  },
  {
    name: "pci_p2pdma_map_state",
    changedIn: "\u22486.19",
    before: "struct pci_p2pdma_map_state { struct dev_pagemap *pgmap; enum pci_p2pdma_map_type map; u64 bus_off; }",
    after: "struct pci_p2pdma_map_state { struct p2pdma_provider *mem; enum pci_p2pdma_map_type map; }",
    source: "include/linux/pci-p2pdma.h"
  },
  {
    name: "get_user_pages",
    changedIn: "\u22486.5",
    before: "long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages, struct vm_area_struct **vmas)",
    after: "long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages)",
    source: "include/linux/mm.h"
  },
  {
    name: "vmf_insert_mixed",
    changedIn: "\u22486.17",
    before: "vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr, pfn_t pfn)",
    after: "vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn)",
    source: "include/linux/mm.h"
  },
  {
    name: "vmf_insert_pfn_pmd",
    changedIn: "\u22486.17",
    before: "vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, pfn_t pfn, bool write)",
    after: "vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, unsigned long pfn, bool write); ZONE_DEVICE folios use vmf_insert_folio_pmd()",
    source: "include/linux/huge_mm.h"
  },
  {
    name: "vmf_insert_pfn_pud",
    changedIn: "\u22486.17",
    before: "vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, pfn_t pfn, bool write)",
    after: "vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, unsigned long pfn, bool write); ZONE_DEVICE folios use vmf_insert_folio_pud()",
    source: "include/linux/huge_mm.h"
  },
  {
    name: "enum pci_p2pdma_map_type",
    changedIn: "\u22486.19",
    before: "enum pci_p2pdma_map_type declared in include/linux/dma-map-ops.h (\u22486.14\u20136.18)",
    after: "enum pci_p2pdma_map_type declared in include/linux/pci-p2pdma.h",
    source: "include/linux/pci-p2pdma.h"
  },
  {
    name: "kvrealloc",
    changedIn: "\u22486.12",
    before: "void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)",
    after: "void *kvrealloc(const void *p, size_t size, gfp_t flags)",
    source: "include/linux/slab.h"
  }
];

// dist/src/model/catalogue.js
var ALL = [
  ...ALLOC_CONTRACTS,
  ...MAPPING_CONTRACTS,
  ...CONVERT_CONTRACTS,
  ...SG_CONTRACTS,
  ...DMA_CONTRACTS,
  ...P2PDMA_CONTRACTS,
  ...GUP_CONTRACTS,
  ...MMIO_CONTRACTS,
  ...LOCK_CONTRACTS
];
function buildIndex(items, what) {
  const m = /* @__PURE__ */ new Map();
  for (const it of items) {
    if (m.has(it.name))
      throw new Error(`duplicate ${what} "${it.name}" in the model catalogue`);
    m.set(it.name, it);
  }
  return m;
}
var CONTRACTS = buildIndex(ALL, "contract");
var REMOVED = buildIndex(REMOVED_IDENTIFIERS, "removed identifier");
var SIGNATURES = buildIndex(SIGNATURE_CHANGES, "signature change");
function contract(name) {
  return CONTRACTS.get(name);
}
function targetVersion(version) {
  return parseKernelVersion(version ?? MAINLINE_VERSION);
}
var atOrAfter = (v, boundary) => compareVersions(v, boundary) >= 0;
function removedMessage(name, kind, removedIn, replacement) {
  const shown = kind === "function" ? `${name}()` : name;
  return `${shown} was removed in ${removedIn}${replacement ? `; use ${replacement}` : ""}`;
}
function apiStatus(name, version) {
  const v = targetVersion(version);
  const out = { exists: true, known: false, version: v.text };
  const sig = SIGNATURES.get(name);
  if (sig) {
    const applies = atOrAfter(v, sig.changedIn);
    out.known = true;
    out.signatureChange = { changedIn: sig.changedIn, before: sig.before, after: sig.after, appliesToTarget: applies };
    out.message = `the prototype of ${name} changed in ${sig.changedIn}; for ${v.text} it is: ${applies ? sig.after : sig.before}`;
  }
  const removed = REMOVED.get(name);
  if (removed)
    return { ...out, ...statusOfRemoved(removed, v) };
  const added = addedIdentifier(name);
  if (added) {
    const exists = atOrAfter(v, added.since);
    return {
      ...out,
      known: true,
      exists,
      since: added.since,
      ...exists ? {} : { message: `${name} was added in ${added.since} (${added.meaning}); it does not exist in ${v.text}` }
    };
  }
  const c = CONTRACTS.get(name);
  if (!c)
    return out;
  out.known = true;
  if (c.since)
    out.since = c.since;
  if (c.removedIn)
    out.removedIn = c.removedIn;
  if (c.replacement)
    out.replacement = c.replacement;
  if (c.deprecated)
    out.deprecated = c.deprecated;
  if (c.since && !atOrAfter(v, c.since)) {
    out.exists = false;
    out.message = `${name}() was added in ${c.since}; it does not exist in ${v.text}`;
  } else if (c.removedIn && atOrAfter(v, c.removedIn)) {
    out.exists = false;
    out.message = removedMessage(name, "function", c.removedIn, c.replacement);
  } else if (c.deprecated && !out.message) {
    out.message = `${name}() is deprecated: ${c.deprecated}`;
  }
  return out;
}
function statusOfRemoved(r, v) {
  const base = { known: true, replacement: r.replacement };
  if (r.neverMerged)
    return { ...base, exists: false, neverMerged: true, message: r.message };
  if (r.removedIn && atOrAfter(v, r.removedIn)) {
    return { ...base, exists: false, removedIn: r.removedIn, message: `${r.message} (removed in ${r.removedIn})` };
  }
  return { ...base, exists: true, ...r.removedIn ? { removedIn: r.removedIn } : {} };
}
function removedIdentifiers(version) {
  const v = targetVersion(version);
  let list2 = REMOVED_BY_VERSION.get(v.text);
  if (!list2) {
    list2 = computeRemoved(v);
    REMOVED_BY_VERSION.set(v.text, list2);
  }
  return list2.map((e) => ({ ...e }));
}
var REMOVED_BY_VERSION = /* @__PURE__ */ new Map();
function computeRemoved(v) {
  const out = [];
  for (const r of REMOVED_IDENTIFIERS) {
    if (r.neverMerged) {
      out.push({ name: r.name, kind: r.kind, neverMerged: true, replacement: r.replacement, message: r.message, source: r.source });
    } else if (r.removedIn && atOrAfter(v, r.removedIn)) {
      out.push({
        name: r.name,
        kind: r.kind,
        removedIn: r.removedIn,
        replacement: r.replacement,
        message: `${r.message} (removed in ${r.removedIn})`,
        source: r.source
      });
    }
  }
  for (const c of ALL) {
    if (c.removedIn && atOrAfter(v, c.removedIn)) {
      const e = {
        name: c.name,
        kind: "function",
        removedIn: c.removedIn,
        message: removedMessage(c.name, "function", c.removedIn, c.replacement),
        source: c.source
      };
      if (c.replacement)
        e.replacement = c.replacement;
      out.push(e);
    }
  }
  return out.sort((a, b) => identifierOrder(a.name, b.name));
}
var IDENTIFIER = /^[A-Za-z0-9_]*$/;
function primaryWeight(c) {
  if (c === 95)
    return 1;
  if (c >= 48 && c <= 57)
    return 2 + c - 48;
  if (c >= 97 && c <= 122)
    return 20 + c - 97;
  return 20 + c - 65;
}
function identifierOrder(a, b) {
  if (!IDENTIFIER.test(a) || !IDENTIFIER.test(b))
    return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = primaryWeight(a.charCodeAt(i)) - primaryWeight(b.charCodeAt(i));
    if (d !== 0)
      return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length)
    return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y)
      return x > y ? -1 : 1;
  }
  return 0;
}

// dist/src/model/lazy-deps.js
import { createRequire } from "node:module";
var requireHere;
var yamlMod;
var zodMod;
function load(id) {
  requireHere ??= createRequire(import.meta.url);
  return requireHere(id);
}
function yaml() {
  yamlMod ??= load("yaml");
  return yamlMod;
}
function zod() {
  zodMod ??= load("zod");
  return zodMod.z;
}

// dist/src/model/topology.js
var ACS_BIT_VALUES = {
  SV: 1,
  TB: 2,
  RR: 4,
  CR: 8,
  UF: 16,
  EC: 32,
  DT: 64
};
var ACS_ORDER = ["SV", "TB", "RR", "CR", "UF", "EC", "DT"];
var ACS_REDIRECT_MASK = ACS_BIT_VALUES.RR | ACS_BIT_VALUES.CR | ACS_BIT_VALUES.EC;
var ACS_IOMMU_ENABLE_MASK = ACS_BIT_VALUES.SV | ACS_BIT_VALUES.RR | ACS_BIT_VALUES.CR | ACS_BIT_VALUES.UF;
var DEVICE_KINDS = [
  "host_bridge",
  "root_port",
  "switch_up",
  "switch_down",
  "bridge",
  "endpoint",
  "rciep",
  "vf",
  "platform"
];
var BRIDGE_KINDS = /* @__PURE__ */ new Set(["root_port", "switch_up", "switch_down", "bridge"]);
var ARCHES = ["x86_64", "x86", "arm64", "arm", "ppc64", "ppc64le", "riscv64", "s390x", "loongarch64", "other"];
var CPU_VENDORS = ["intel", "amd", "arm", "ampere", "ibm", "nvidia", "google", "apple", "other"];
var TopologyError = class extends Error {
  issues;
  constructor(origin, issues) {
    super(`invalid topology ${origin}:
${issues.map((i) => `  ${i.path || "(root)"}: ${i.message}`).join("\n")}`);
    this.name = "TopologyError";
    this.issues = issues;
  }
};
var BDF_RE = /^(?:([0-9a-fA-F]{4,8}):)?([0-9a-fA-F]{2}):([0-1][0-9a-fA-F])\.([0-7])$/;
var DEVFN_RE = /^([0-1]?[0-9a-fA-F])\.([0-7])$/;
function parseBdf(s, domain = 0) {
  const m = BDF_RE.exec(s.trim());
  if (!m)
    return void 0;
  const d = m[1] !== void 0 ? parseInt(m[1], 16) : domain;
  const bus = parseInt(m[2], 16);
  const dev = parseInt(m[3], 16);
  const fn = parseInt(m[4], 10);
  if (dev > 31)
    return void 0;
  return { domain: d, bus, devfn: dev << 3 | fn, text: formatBdf(d, bus, dev << 3 | fn) };
}
function formatBdf(domain, bus, devfn) {
  const h = (n, w) => n.toString(16).padStart(w, "0");
  return `${h(domain, 4)}:${h(bus, 2)}:${h(devfn >> 3, 2)}.${devfn & 7}`;
}
function parseDevfn(s) {
  const m = DEVFN_RE.exec(s.trim());
  if (!m)
    return void 0;
  const dev = parseInt(m[1], 16);
  return dev > 31 ? void 0 : dev << 3 | parseInt(m[2], 10);
}
function hexId(v) {
  if (v === void 0)
    return void 0;
  return typeof v === "number" ? v : parseInt(v.replace(/^0x/i, ""), 16);
}
function addr(v) {
  return typeof v === "number" ? BigInt(v) : BigInt(v);
}
function acsBitNames(bits) {
  return ACS_ORDER.filter((b) => (bits & ACS_BIT_VALUES[b]) !== 0);
}
function acsBits(list2) {
  return (list2 ?? []).reduce((acc, b) => acc | ACS_BIT_VALUES[b], 0);
}
function hex4(n) {
  return n === void 0 ? "????" : n.toString(16).padStart(4, "0");
}
var schemaCache;
function topologySchema() {
  if (schemaCache)
    return schemaCache;
  const z = zod();
  const hexIdS = z.union([
    z.number().int().min(0).max(65535),
    z.string().regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'expected up to four hex digits, e.g. "8086"')
  ]);
  const addrS = z.union([
    z.number().int().nonnegative().refine(Number.isSafeInteger, "number too large: quote it as a hex string"),
    z.string().regex(/^(0x[0-9a-fA-F]+|\d+)$/, "expected a decimal or 0x-hex number")
  ]);
  const acsBit = z.enum(["SV", "TB", "RR", "CR", "UF", "EC", "DT"]);
  const kind = z.enum(DEVICE_KINDS);
  const bar = z.object({
    index: z.number().int().min(0).max(5),
    mem: z.boolean().optional(),
    cpuStart: addrS,
    size: addrS,
    pciBusAddr: addrS.optional()
  }).strict();
  const device = z.object({
    id: z.string().min(1),
    bdf: z.string().regex(BDF_RE, "expected a PCI address such as 0000:03:00.0").optional(),
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
    dmaOps: z.enum(["direct", "iommu", "custom"]).optional(),
    p2pdmaInit: z.boolean().optional(),
    bars: z.array(bar).optional()
  }).strict();
  const hostBridge = z.object({
    id: z.string().min(1),
    domain: z.number().int().min(0).max(4294967295),
    bus: z.number().int().min(0).max(255).optional(),
    name: z.string().optional(),
    firstRootBusDevice: z.union([
      z.string().min(1),
      z.object({
        devfn: z.string().regex(DEVFN_RE, 'expected DEV.FN such as "00.0"'),
        kind: kind.optional(),
        vendor: hexIdS,
        device: hexIdS
      }).strict()
    ]).optional()
  }).strict();
  schemaCache = z.object({
    name: z.string().optional(),
    description: z.string().optional(),
    cpu: z.object({
      vendor: z.enum(CPU_VENDORS).optional(),
      family: z.union([z.number().int().nonnegative(), z.string().regex(/^(0x[0-9a-fA-F]+|\d+)$/)]).optional(),
      arch: z.enum(ARCHES).optional()
    }).strict().optional(),
    iommu: z.object({ enabled: z.boolean(), requestAcs: z.boolean().optional() }).strict().optional(),
    kernelParams: z.object({
      disableAcsRedir: z.array(z.string().min(1)).optional(),
      configAcs: z.array(z.string().min(1)).optional()
    }).strict().optional(),
    hostBridges: z.array(hostBridge).min(1, "at least one host bridge is required"),
    devices: z.array(device),
    acsCtrlOverride: z.record(z.string(), z.array(acsBit)).optional()
  }).strict();
  return schemaCache;
}
function formatPath(path) {
  let out = "";
  for (const k of path) {
    if (typeof k === "number")
      out += `[${k}]`;
    else
      out += out ? `.${String(k)}` : String(k);
  }
  return out;
}
function parseYamlText(text, origin) {
  const Y = yaml();
  const doc = Y.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new TopologyError(origin, doc.errors.map((e) => ({
      path: e.linePos ? `line ${e.linePos[0].line}` : "",
      message: e.message.split("\n")[0] ?? e.message
    })));
  }
  return doc.toJS({ maxAliasCount: 100 });
}
function loadTopology(objOrYamlText, origin = "inline") {
  const raw = typeof objOrYamlText === "string" ? parseYamlText(objOrYamlText, origin) : objOrYamlText;
  return resolveTopology(validateTopologyInput(raw, origin), origin);
}
function validateTopologyInput(raw, origin) {
  const parsed = topologySchema().safeParse(raw);
  if (!parsed.success) {
    throw new TopologyError(origin, parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return parsed.data;
}
function resolveTopology(input, origin) {
  const issues = [];
  const issue = (path, message) => issues.push({ path, message });
  const hbs = /* @__PURE__ */ new Map();
  input.hostBridges.forEach((h, i) => {
    if (hbs.has(h.id))
      issue(`hostBridges[${i}].id`, `duplicate host bridge id "${h.id}"`);
    hbs.set(h.id, { id: h.id, domain: h.domain, bus: h.bus ?? 0, ...h.name ? { name: h.name } : {}, firstDevice: null });
  });
  const byId = /* @__PURE__ */ new Map();
  const byBdf = /* @__PURE__ */ new Map();
  const inputIndex = /* @__PURE__ */ new Map();
  const explicitDomain = /* @__PURE__ */ new Set();
  input.devices.forEach((d, i) => {
    const path = `devices[${i}]`;
    if (byId.has(d.id)) {
      issue(`${path}.id`, `duplicate device id "${d.id}"`);
      return;
    }
    inputIndex.set(d.id, i);
    if (d.kind === "platform") {
      for (const k of ["bdf", "upstream", "physfn", "hb", "acsCap", "acsCtrl", "bars"]) {
        if (d[k] !== void 0)
          issue(`${path}.${k}`, `a platform (non-PCI) device has no ${k}; give its parent instead`);
      }
      const dev2 = { pci: false, id: d.id, kind: "platform", parent: null };
      if (d.name)
        dev2.name = d.name;
      byId.set(d.id, dev2);
      return;
    }
    if (d.parent !== void 0)
      issue(`${path}.parent`, "only platform devices have a parent; PCI devices have upstream");
    if (!d.bdf) {
      issue(`${path}.bdf`, "a PCI device needs a bdf such as 0000:03:00.0");
      return;
    }
    const b = parseBdf(d.bdf);
    if (!b) {
      issue(`${path}.bdf`, `"${d.bdf}" is not a valid PCI address`);
      return;
    }
    if (byBdf.has(b.text))
      issue(`${path}.bdf`, `duplicate PCI address ${b.text}`);
    if (/^[0-9a-fA-F]{4,8}:/.test(d.bdf.trim()) && d.bdf.trim().split(":").length === 3)
      explicitDomain.add(d.id);
    const bars = (d.bars ?? []).map((bar) => {
      const cpuStart = addr(bar.cpuStart);
      const pciBusAddr = bar.pciBusAddr !== void 0 ? addr(bar.pciBusAddr) : cpuStart;
      return { index: bar.index, mem: bar.mem ?? true, cpuStart, size: addr(bar.size), pciBusAddr, busOffset: pciBusAddr - cpuStart };
    });
    const dev = {
      pci: true,
      id: d.id,
      bdf: b.text,
      domain: b.domain,
      bus: b.bus,
      devfn: b.devfn,
      kind: d.kind,
      hostBridge: void 0,
      // assigned below
      upstream: null,
      physfn: null,
      acs: { hasCap: false, cap: 0, ctrl: 0, source: "none" },
      p2pdmaInit: d.p2pdmaInit ?? false,
      bars
    };
    if (d.name)
      dev.name = d.name;
    const vendor2 = hexId(d.vendor);
    const device = hexId(d.device);
    if (vendor2 !== void 0)
      dev.vendor = vendor2;
    if (device !== void 0)
      dev.device = device;
    if (d.dmaOps)
      dev.dmaOps = d.dmaOps;
    byId.set(d.id, dev);
    byBdf.set(b.text, dev);
  });
  const lookup = (ref3) => {
    const direct = byId.get(ref3);
    if (direct)
      return direct;
    const b = parseBdf(ref3);
    return b ? byBdf.get(b.text) : void 0;
  };
  input.devices.forEach((d, i) => {
    const path = `devices[${i}]`;
    const dev = byId.get(d.id);
    if (!dev || inputIndex.get(d.id) !== i)
      return;
    if (!dev.pci) {
      if (d.parent) {
        const parent = lookup(d.parent);
        if (!parent)
          issue(`${path}.parent`, `unknown device "${d.parent}"`);
        else
          dev.parent = parent;
      }
      return;
    }
    if (d.kind === "vf") {
      if (!d.physfn) {
        issue(`${path}.physfn`, "a VF needs physfn (the id of its physical function)");
        return;
      }
      const pf = lookup(d.physfn);
      if (!pf || !pf.pci)
        issue(`${path}.physfn`, `unknown PCI device "${d.physfn}"`);
      else if (pf.kind === "vf")
        issue(`${path}.physfn`, `"${d.physfn}" is itself a VF`);
      else
        dev.physfn = pf;
      if (d.upstream !== void 0)
        issue(`${path}.upstream`, "a VF has no upstream of its own: it is derived from its physfn (pci_upstream_bridge uses pci_physfn)");
      return;
    }
    if (d.physfn !== void 0)
      issue(`${path}.physfn`, "only VFs (kind: vf) have a physfn");
    if (d.upstream === void 0) {
      issue(`${path}.upstream`, "upstream is required: the id of the upstream bridge, or null for a device on the root bus");
      return;
    }
    if (d.upstream === null)
      return;
    const up = lookup(d.upstream);
    if (!up || !up.pci)
      issue(`${path}.upstream`, `unknown PCI device "${d.upstream}"`);
    else if (!BRIDGE_KINDS.has(up.kind))
      issue(`${path}.upstream`, `"${d.upstream}" is a ${up.kind}, not a bridge`);
    else
      dev.upstream = up;
  });
  for (const dev of byId.values())
    if (dev.pci && dev.kind === "vf" && dev.physfn)
      dev.upstream = dev.physfn.upstream;
  for (const dev of byId.values()) {
    const seen = /* @__PURE__ */ new Set();
    for (let cur = dev; cur; cur = cur.pci ? cur.upstream : cur.parent) {
      if (seen.has(cur)) {
        issue(`devices[${inputIndex.get(dev.id)}]`, `"${dev.id}" is part of an upstream/parent cycle`);
        if (dev.pci)
          dev.upstream = null;
        else
          dev.parent = null;
        break;
      }
      seen.add(cur);
    }
  }
  const onlyHb = hbs.size === 1 ? [...hbs.values()][0] : void 0;
  for (const dev of byId.values()) {
    if (!dev.pci)
      continue;
    const path = `devices[${inputIndex.get(dev.id)}]`;
    let root = dev.physfn && !dev.upstream ? dev.physfn : dev;
    while (root.upstream)
      root = root.upstream;
    const rootIn = input.devices[inputIndex.get(root.id)];
    const hbId = rootIn.hb ?? onlyHb?.id;
    const hb = hbId ? hbs.get(hbId) : void 0;
    if (!hb) {
      issue(`devices[${inputIndex.get(root.id)}].hb`, hbId ? `unknown host bridge "${hbId}"` : "hb is required when there are several host bridges");
      dev.hostBridge = [...hbs.values()][0];
      continue;
    }
    const own = input.devices[inputIndex.get(dev.id)].hb;
    if (own && own !== hb.id)
      issue(`${path}.hb`, `"${own}" contradicts the upstream chain, which reaches host bridge "${hb.id}"`);
    if (explicitDomain.has(dev.id)) {
      if (dev.domain !== hb.domain) {
        issue(`${path}.bdf`, `domain ${hex4(dev.domain)} does not match host bridge "${hb.id}" (domain ${hex4(hb.domain)})`);
      }
    } else if (dev.domain !== hb.domain) {
      byBdf.delete(dev.bdf);
      dev.domain = hb.domain;
      dev.bdf = formatBdf(dev.domain, dev.bus, dev.devfn);
      if (byBdf.has(dev.bdf))
        issue(`${path}.bdf`, `duplicate PCI address ${dev.bdf}`);
      byBdf.set(dev.bdf, dev);
    }
    dev.hostBridge = hb;
  }
  input.hostBridges.forEach((h, i) => {
    const hb = hbs.get(h.id);
    const f = h.firstRootBusDevice;
    if (typeof f === "string") {
      const d = lookup(f);
      if (!d || !d.pci)
        issue(`hostBridges[${i}].firstRootBusDevice`, `unknown PCI device "${f}"`);
      else
        hb.firstDevice = firstDeviceInfo(d);
    } else if (f) {
      const devfn = parseDevfn(f.devfn);
      hb.firstDevice = {
        bdf: formatBdf(hb.domain, hb.bus, devfn),
        devfn,
        vendor: hexId(f.vendor),
        device: hexId(f.device),
        ...f.kind ? { kind: f.kind } : {}
      };
    } else {
      const rootBus = [...byId.values()].filter((d) => d.pci && d.hostBridge === hb && d.upstream === null && d.kind !== "vf");
      rootBus.sort((a, b) => a.devfn - b.devfn);
      hb.firstDevice = rootBus[0] ? firstDeviceInfo(rootBus[0]) : null;
    }
  });
  const requestAcs = input.iommu?.requestAcs ?? input.iommu?.enabled ?? false;
  input.devices.forEach((d, i) => {
    const dev = byId.get(d.id);
    if (!dev || !dev.pci || inputIndex.get(d.id) !== i)
      return;
    const path = `devices[${i}]`;
    const hasCap = d.acsCap !== void 0 || d.acsCtrl !== void 0;
    const cap = acsBits(d.acsCap);
    if (d.acsCtrl !== void 0) {
      dev.acs = { hasCap: true, cap, ctrl: acsBits(d.acsCtrl), source: "observed" };
      return;
    }
    if (d.acsFwCtrl !== void 0 && d.acsCap === void 0)
      issue(`${path}.acsFwCtrl`, "acsFwCtrl needs acsCap (the device has no ACS capability)");
    const fw = acsBits(d.acsFwCtrl);
    let ctrl = fw;
    let source = hasCap ? "firmware" : "none";
    if (hasCap && requestAcs) {
      let add = cap & ACS_IOMMU_ENABLE_MASK;
      if (d.untrusted)
        add |= cap & ACS_BIT_VALUES.TB;
      ctrl |= add;
      if (add & ACS_REDIRECT_MASK)
        source = "iommu";
    }
    dev.acs = { hasCap, cap, ctrl, source };
  });
  const fwOf = (dev) => acsBits(input.devices[inputIndex.get(dev.id)].acsFwCtrl);
  (input.kernelParams?.disableAcsRedir ?? []).forEach((ref3, i) => {
    const dev = lookup(ref3);
    if (!dev || !dev.pci) {
      issue(`kernelParams.disableAcsRedir[${i}]`, `unknown PCI device "${ref3}"`);
      return;
    }
    if (!dev.acs.hasCap || dev.acs.source === "observed")
      return;
    dev.acs = { ...dev.acs, ctrl: fwOf(dev) & ~ACS_REDIRECT_MASK, source: "kernel-param" };
  });
  (input.kernelParams?.configAcs ?? []).forEach((spec, i) => {
    const parsed = parseConfigAcs(spec);
    if ("error" in parsed) {
      issue(`kernelParams.configAcs[${i}]`, parsed.error);
      return;
    }
    const dev = lookup(parsed.device);
    if (!dev || !dev.pci) {
      issue(`kernelParams.configAcs[${i}]`, `unknown PCI device "${parsed.device}"`);
      return;
    }
    if (!dev.acs.hasCap || dev.acs.source === "observed")
      return;
    dev.acs = { ...dev.acs, ctrl: fwOf(dev) & ~parsed.mask | parsed.flags & parsed.mask, source: "kernel-param" };
  });
  for (const [ref3, bits] of Object.entries(input.acsCtrlOverride ?? {})) {
    const dev = lookup(ref3);
    if (!dev || !dev.pci) {
      issue(`acsCtrlOverride.${ref3}`, `unknown PCI device "${ref3}"`);
      continue;
    }
    dev.acs = { hasCap: true, cap: dev.acs.cap | acsBits(bits), ctrl: acsBits(bits), source: "override" };
  }
  if (issues.length > 0)
    throw new TopologyError(origin, issues);
  const cpu = input.cpu ?? {};
  const vendor = cpu.vendor ?? "other";
  const family = cpu.family === void 0 ? void 0 : typeof cpu.family === "number" ? cpu.family : Number(cpu.family);
  const arch = cpu.arch ?? (vendor === "intel" || vendor === "amd" ? "x86_64" : "other");
  const topo = {
    cpu: { vendor, arch, ...family !== void 0 ? { family } : {} },
    iommu: { enabled: input.iommu?.enabled ?? false, requestAcs },
    hostBridges: [...hbs.values()],
    devices: [...byId.values()],
    input,
    origin
  };
  if (input.name)
    topo.name = input.name;
  if (input.description)
    topo.description = input.description;
  INDEXES.set(topo, { byId, byBdf });
  return topo;
}
function firstDeviceInfo(d) {
  const out = { bdf: d.bdf, id: d.id, devfn: d.devfn, kind: d.kind };
  if (d.vendor !== void 0)
    out.vendor = d.vendor;
  if (d.device !== void 0)
    out.device = d.device;
  return out;
}
function parseConfigAcs(spec) {
  const at = spec.indexOf("@");
  if (at <= 0)
    return { error: `"${spec}": expected <flags>@<device>, e.g. 101x0@0000:02:00.0 (flags missing)` };
  const f = spec.slice(0, at);
  const device = spec.slice(at + 1).trim();
  if (!device)
    return { error: `"${spec}": no device after "@"` };
  let mask = 0;
  let flags = 0;
  for (let i = f.length - 1, shift = 0; i >= 0; i--, shift++) {
    const c = f[i];
    if (c === "0")
      mask |= 1 << shift;
    else if (c === "1") {
      mask |= 1 << shift;
      flags |= 1 << shift;
    } else if (c !== "x" && c !== "X")
      return { error: `"${spec}": invalid ACS flag character "${c}" (use 0, 1 or x)` };
  }
  if (mask & ~127)
    return { error: `"${spec}": flags name bits beyond DT (bit 6)` };
  return { mask, flags, device };
}
var INDEXES = /* @__PURE__ */ new WeakMap();
function findDevice(topo, ref3) {
  const d = tryFindDevice(topo, ref3);
  if (d)
    return d;
  const ids = topo.devices.map((x) => x.pci ? `${x.id} (${x.bdf})` : x.id);
  const shown = ids.length > 12 ? `${ids.slice(0, 12).join(", ")}, \u2026` : ids.join(", ");
  throw new Error(`unknown device "${ref3}" in topology ${topo.name ?? topo.origin}; known devices: ${shown}`);
}
function tryFindDevice(topo, ref3) {
  const idx = INDEXES.get(topo);
  if (!idx)
    return void 0;
  const direct = idx.byId.get(ref3);
  if (direct)
    return direct;
  const b = parseBdf(ref3);
  return b ? idx.byBdf.get(b.text) : void 0;
}
function hasAcsRedir(dev) {
  return dev.acs.hasCap && (dev.acs.ctrl & ACS_REDIRECT_MASK) !== 0;
}
function upstreamChain(dev) {
  const out = [];
  for (let cur = dev; cur; cur = cur.upstream)
    out.push(cur);
  return out;
}
function describeDevice(dev) {
  if (!dev.pci)
    return `platform device ${dev.id}`;
  const label = {
    host_bridge: "host bridge function",
    root_port: "root port",
    switch_up: "switch",
    switch_down: "switch port",
    bridge: "bridge",
    endpoint: "device",
    rciep: "root-complex integrated endpoint",
    vf: "VF",
    platform: "platform device"
  };
  return `${label[dev.kind]} ${dev.bdf}`;
}
function topologyToYaml(topo) {
  const input = "input" in topo ? topo.input : topo;
  const Y = yaml();
  const doc = new Y.Document(input, { version: "1.1" });
  Y.visit(doc, {
    Seq(_key, node) {
      if (node.items.every((i) => Y.isScalar(i)))
        node.flow = true;
    }
  });
  return doc.toString({ lineWidth: 0 });
}

// dist/src/model/allowlist.js
var INTEL = 32902;
var GOOGLE = 6880;
var NVIDIA = 4318;
var P2PDMA_ALLOWLIST = [
  { vendor: INTEL, device: 15360, reqSameHostBridge: true, label: "Intel Xeon E5/Core i7" },
  { vendor: INTEL, device: 15361, reqSameHostBridge: true, label: "Intel Xeon E5/Core i7" },
  { vendor: INTEL, device: 12032, reqSameHostBridge: true, label: "Intel Xeon E7 v3/Xeon E5 v3/Core i7" },
  { vendor: INTEL, device: 12033, reqSameHostBridge: true, label: "Intel Xeon E7 v3/Xeon E5 v3/Core i7" },
  { vendor: INTEL, device: 8240, reqSameHostBridge: false, label: "Intel Skylake-E" },
  { vendor: INTEL, device: 8241, reqSameHostBridge: false, label: "Intel Skylake-E" },
  { vendor: INTEL, device: 8242, reqSameHostBridge: false, label: "Intel Skylake-E" },
  { vendor: INTEL, device: 8243, reqSameHostBridge: false, label: "Intel Skylake-E" },
  { vendor: INTEL, device: 8224, reqSameHostBridge: false, label: "Intel Skylake-E" },
  { vendor: INTEL, device: 2466, reqSameHostBridge: false, label: "Intel Skylake-E" },
  { vendor: INTEL, device: 2853, reqSameHostBridge: false, label: "Intel DSA (SPR)", since: "\u22486.19" },
  { vendor: INTEL, device: 3326, reqSameHostBridge: false, label: "Intel IAX (SPR)", since: "\u22486.19" },
  { vendor: INTEL, device: 4603, reqSameHostBridge: false, label: "Intel DSA (GNR-D)", since: "\u22486.19" },
  { vendor: INTEL, device: 4626, reqSameHostBridge: false, label: "Intel DSA (DMR)", since: "\u22486.19" },
  { vendor: INTEL, device: 4630, reqSameHostBridge: false, label: "Intel IAA (DMR)", since: "\u22486.19" },
  { vendor: INTEL, device: 18752, reqSameHostBridge: false, label: "Intel QAT 4xxx", since: "\u22486.19" },
  { vendor: INTEL, device: 18754, reqSameHostBridge: false, label: "Intel QAT 401xx", since: "\u22486.19" },
  { vendor: INTEL, device: 18756, reqSameHostBridge: false, label: "Intel QAT 402xx", since: "\u22486.19" },
  { vendor: INTEL, device: 18758, reqSameHostBridge: false, label: "Intel QAT 420xx", since: "\u22486.19" },
  { vendor: INTEL, device: 18760, reqSameHostBridge: false, label: "Intel QAT 6xxx", since: "\u22486.19" },
  { vendor: GOOGLE, device: "any", reqSameHostBridge: false, label: "Google SoCs", since: "\u22486.19" },
  { vendor: NVIDIA, device: 12181, reqSameHostBridge: false, label: "NVIDIA Grace-class CPU root port", since: "\u22486.19" },
  { vendor: NVIDIA, device: 12182, reqSameHostBridge: false, label: "NVIDIA Grace-class CPU root port", since: "\u22486.19" },
  { vendor: NVIDIA, device: 12183, reqSameHostBridge: false, label: "NVIDIA Grace-class CPU root port", since: "\u22486.19" },
  { vendor: NVIDIA, device: 12184, reqSameHostBridge: false, label: "NVIDIA Grace-class CPU root port", since: "\u22486.19" }
];
function allowListFor(version) {
  const v = parseKernelVersion(version ?? MAINLINE_VERSION);
  return P2PDMA_ALLOWLIST.filter((e) => !e.since || compareVersions(v, e.since) >= 0);
}
function findAllowListEntry(list2, vendor, device) {
  if (vendor === void 0)
    return void 0;
  return list2.find((e) => e.vendor === vendor && (e.device === "any" || e.device === device));
}
function cpuSupportsP2pdma(cpu) {
  const x86 = cpu.arch === "x86_64" || cpu.arch === "x86";
  return x86 && cpu.vendor === "amd" && (cpu.family ?? 0) >= 23;
}

// dist/src/model/p2pdma-sim.js
var MEMO = /* @__PURE__ */ new WeakMap();
function memoFor(topo) {
  let m = MEMO.get(topo);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    MEMO.set(topo, m);
  }
  return m;
}
function optKey(opts) {
  return `${opts.acsRule ?? "coarse"}|${parseKernelVersion(opts.kernel ?? MAINLINE_VERSION).text}`;
}
function refOf(dev) {
  return dev.pci ? dev.bdf : dev.id;
}
function calcMapTypeAndDist(topo, providerRef, clientRef, opts = {}) {
  const provider = findDevice(topo, providerRef);
  const client = findDevice(topo, clientRef);
  const key = `calc|${provider.id}|${client.id}|${optKey(opts)}`;
  const memo = memoFor(topo);
  const hit = memo.get(key);
  if (hit)
    return hit;
  const result = Object.freeze(compute(topo, provider, client, opts));
  memo.set(key, result);
  return result;
}
function p2pMapType(topo, providerRef, clientRef, opts = {}) {
  const provider = findDevice(topo, providerRef);
  const client = findDevice(topo, clientRef);
  if (provider.pci && client.pci && !provider.p2pdmaInit) {
    const key = `state|${provider.id}|${client.id}|${optKey(opts)}`;
    const memo = memoFor(topo);
    const hit = memo.get(key);
    if (hit)
      return hit;
    const calc = calcMapTypeAndDist(topo, providerRef, clientRef, opts);
    const r = Object.freeze({
      ...calc,
      type: "NOT_SUPPORTED",
      reason: "no-provider-state",
      explanation: `NOT_SUPPORTED: provider ${provider.bdf} has no P2P state (it never called pci_p2pdma_add_resource() or pcim_p2pdma_init()), so pci_p2pdma_map_type() refuses it whatever the topology says (${calc.type}, distance ${calc.dist}).`,
      kernelLog: []
    });
    memo.set(key, r);
    return r;
  }
  return calcMapTypeAndDist(topo, providerRef, clientRef, opts);
}
function notPci(provider, client, opts) {
  const bad = !provider.pci ? provider : client;
  return {
    type: "NOT_SUPPORTED",
    dist: -1,
    provider: refOf(provider),
    client: refOf(client),
    common: null,
    providerChain: [],
    clientChain: [],
    acs: [],
    acsRule: opts.acsRule ?? "coarse",
    reason: "not-pci",
    explanation: `NOT_SUPPORTED: ${bad.id} is not a PCI device, and pci_p2pdma_map_type() does not walk up to a PCI parent (the DMA device itself must be the PCI function).`,
    path: `${refOf(provider)} \u2715 ${refOf(client)}`,
    kernelLog: []
  };
}
function hitOf(dev, side, bits = dev.acs.ctrl & ACS_REDIRECT_MASK) {
  return { id: dev.id, bdf: dev.bdf, side, bits: acsBitNames(bits), source: dev.acs.source };
}
function compute(topo, provider, client, opts) {
  if (!provider.pci || !client.pci)
    return notPci(provider, client, opts);
  const rule = opts.acsRule ?? "coarse";
  const pChain = upstreamChain(provider);
  const cChain = upstreamChain(client);
  let common = null;
  let distA = 0;
  let distB = 0;
  const coarseHits = [];
  for (const a of pChain) {
    if (hasAcsRedir(a))
      coarseHits.push(hitOf(a, "provider"));
    const bi = cChain.indexOf(a);
    if (bi >= 0) {
      common = a;
      distB = bi;
      break;
    }
    distA++;
  }
  if (!common)
    distB = cChain.length;
  if (common) {
    const last = coarseHits[coarseHits.length - 1];
    if (last && last.id === common.id)
      last.side = "common";
    for (const bb of cChain) {
      if (bb === common)
        break;
      if (hasAcsRedir(bb))
        coarseHits.push(hitOf(bb, "client"));
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
    acsRule: rule
  };
  const kernelLog = [];
  let acs = coarseHits;
  let directTranslated;
  let mustCross;
  if (common && rule === "direction-aware") {
    const r = directionAware(pChain, cChain, common);
    acs = r.hits;
    directTranslated = r.directTranslated.length ? r.directTranslated : void 0;
    if (r.blocked) {
      const res2 = {
        ...base,
        type: "NOT_SUPPORTED",
        acs,
        reason: "acs-violation",
        explanation: "",
        path: "",
        kernelLog
      };
      if (directTranslated)
        res2.directTranslated = directTranslated;
      return finish(topo, res2);
    }
    mustCross = acs.length > 0;
  } else {
    mustCross = !common || coarseHits.length > 0;
    if (!common)
      acs = [];
  }
  if (common && !mustCross) {
    const res2 = {
      ...base,
      type: "BUS_ADDR",
      acs,
      reason: provider === client ? "same-function" : "bus-path",
      explanation: "",
      path: "",
      kernelLog
    };
    if (directTranslated)
      res2.directTranslated = directTranslated;
    return finish(topo, res2);
  }
  if (common) {
    kernelLog.push(`pci ${client.bdf}: ACS redirect is set between the client and provider (${provider.bdf})`, `pci ${client.bdf}: to disable ACS redirect for this path, add the kernel parameter: pci=disable_acs_redir=${acs.map((h) => h.bdf).join(";")}`);
  }
  const hb = hostBridgeCheck(topo, provider, client, opts);
  const warnOnMiss = common !== null || compareVersions(opts.kernel ?? MAINLINE_VERSION, "\u22486.19") >= 0;
  if (!hb.cpuSupportsP2p && warnOnMiss) {
    for (const b of hb.bridges) {
      if (b.eligible && !b.entry && b.rootDevice)
        kernelLog.push(`pci ${b.rootDevice}: Host bridge not in P2PDMA whitelist: ${b.vendorDevice}`);
    }
  }
  if (!hb.allowed) {
    kernelLog.push(`pci ${client.bdf}: cannot be used for peer-to-peer DMA as the client and provider (${provider.bdf}) do not share an upstream bridge or whitelisted host bridge`);
  }
  const res = {
    ...base,
    type: hb.allowed ? "THRU_HOST_BRIDGE" : "NOT_SUPPORTED",
    acs,
    hostBridge: hb,
    reason: common ? "acs-redirect" : "no-common-bridge",
    explanation: "",
    path: "",
    kernelLog
  };
  if (directTranslated)
    res.directTranslated = directTranslated;
  return finish(topo, res);
}
function directionAware(pChain, cChain, common) {
  const hits = [];
  const directTranslated = [];
  let blocked = false;
  const ci = cChain.indexOf(common);
  const pi = pChain.indexOf(common);
  const clientPort = ci > 0 ? cChain[ci - 1] : null;
  const providerPort = pi > 0 ? pChain[pi - 1] : null;
  const { RR, EC, CR, DT, TB } = ACS_BIT_VALUES;
  if (clientPort && clientPort.acs.hasCap) {
    const c = clientPort.acs.ctrl;
    if (c & RR)
      hits.push(hitOf(clientPort, "client", c & (RR | EC)));
    else if (c & EC) {
      hits.push({ ...hitOf(clientPort, "client", EC), blocks: true });
      blocked = true;
    }
    if (c & DT && !(c & TB))
      directTranslated.push(clientPort.bdf);
  }
  if (providerPort && providerPort.acs.hasCap && providerPort.acs.ctrl & CR) {
    hits.push(hitOf(providerPort, "provider", CR));
  }
  return { hits, blocked, directTranslated };
}
function rootDeviceOf(hb) {
  const f = hb.firstDevice;
  if (!f)
    return { eligible: false };
  const eligible = f.devfn === 0 || f.kind === "root_port";
  const out = { eligible };
  if (f.bdf)
    out.bdf = f.bdf;
  if (f.vendor !== void 0)
    out.vendor = f.vendor;
  if (f.device !== void 0)
    out.device = f.device;
  return out;
}
function hostBridgeCheck(topo, provider, client, opts) {
  const cpuOk = cpuSupportsP2pdma(topo.cpu);
  const same = provider.hostBridge === client.hostBridge;
  const list2 = allowListFor(opts.kernel);
  const bridges = (same ? [provider.hostBridge] : [provider.hostBridge, client.hostBridge]).map((hb) => {
    const root = rootDeviceOf(hb);
    const entry = root.eligible ? findAllowListEntry(list2, root.vendor, root.device) : void 0;
    const ok = !!entry && (!entry.reqSameHostBridge || same);
    const b = { hb: hb.id, eligible: root.eligible, ok };
    if (root.bdf)
      b.rootDevice = root.bdf;
    if (root.vendor !== void 0)
      b.vendorDevice = `${hex4(root.vendor)}:${hex4(root.device)}`;
    if (entry) {
      b.entry = entry.label;
      b.reqSameHostBridge = entry.reqSameHostBridge;
    }
    return b;
  });
  return { cpuSupportsP2p: cpuOk, sameHostBridge: same, bridges, allowed: cpuOk || bridges.every((b) => b.ok) };
}
function list(items) {
  if (items.length <= 1)
    return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
var SOURCE_WHY = {
  iommu: "the IOMMU requests it",
  observed: "as read from the hardware",
  override: "as configured",
  "kernel-param": "set by a kernel parameter",
  firmware: "as firmware left it",
  none: ""
};
function acsClause(hits) {
  const sources = [...new Set(hits.map((h) => h.source))].map((s) => SOURCE_WHY[s]).filter(Boolean);
  const why = sources.length ? ` (${sources.join("; ")})` : "";
  return `ACS redirect is enabled on ${list(hits.map((h) => h.bdf))}${why}`;
}
function hostBridgeClause(topo, hb) {
  if (hb.cpuSupportsP2p) {
    return `the CPU is AMD family 0x${(topo.cpu.family ?? 0).toString(16)} (Zen or later), which cpu_supports_p2pdma() accepts`;
  }
  const parts = hb.bridges.map((b) => {
    const name = b.vendorDevice ? `host bridge ${b.vendorDevice}` : `host bridge ${b.hb}`;
    if (!b.eligible)
      return `${name} has no root device pci_host_bridge_dev() can use (the first root-bus device is neither 00.0 nor a root port)`;
    if (!b.entry)
      return `${name} is not in the P2PDMA allow-list`;
    if (!b.ok)
      return `${name} is allow-listed only for devices under the same host bridge (REQ_SAME_HOST_BRIDGE)`;
    return `${name} is allow-listed`;
  });
  const cpu = topo.cpu.vendor === "amd" ? `an AMD family 0x${(topo.cpu.family ?? 0).toString(16)} CPU` : `the ${topo.cpu.vendor} CPU`;
  const tail = hb.allowed ? "" : ` and ${cpu} does not qualify for cpu_supports_p2pdma()`;
  return `${list([...new Set(parts)])}${tail}`;
}
function pathString(res, topo) {
  const mark = (bdf) => {
    const h = res.acs.find((x) => x.bdf === bdf);
    return h ? `${bdf}(${h.bits.join("|")}${h.blocks ? " blocks" : ""})` : bdf;
  };
  if (res.common) {
    const up = res.providerChain.slice(0, res.providerChain.indexOf(res.common.bdf)).map(mark);
    const down = res.clientChain.slice(0, res.clientChain.indexOf(res.common.bdf)).map(mark).reverse();
    return [...up.map((x) => `${x} \u2192 `), `[${mark(res.common.bdf)}]`, ...down.map((x) => ` \u2190 ${x}`)].join("");
  }
  const p2 = findDevice(topo, res.provider);
  const c = findDevice(topo, res.client);
  const hbText = p2.hostBridge === c.hostBridge ? `{host bridge ${p2.hostBridge.id}}` : `{host bridge ${p2.hostBridge.id}} \u21C4 {host bridge ${c.hostBridge.id}}`;
  return [...res.providerChain.map((x) => `${mark(x)} \u2192 `), hbText, ...[...res.clientChain].reverse().map((x) => ` \u2190 ${mark(x)}`)].join("");
}
function finish(topo, res) {
  res.path = pathString(res, topo);
  const p2 = findDevice(topo, res.provider);
  const c = findDevice(topo, res.client);
  const who = `provider ${res.provider} and client ${res.client}`;
  const meet = res.common ? `meet at ${describeDevice(findDevice(topo, res.common.id))}` : "";
  const dt = res.directTranslated ? ` ATS-translated requests may still go directly to the peer: ACS Direct Translated P2P is enabled on ${list(res.directTranslated)}.` : "";
  switch (res.reason) {
    case "same-function":
      res.explanation = `BUS_ADDR: provider and client are the same function ${res.provider} (distance 0).`;
      break;
    case "bus-path":
      res.explanation = `BUS_ADDR: ${who} ${meet} with no ACS redirect on the path (distance ${res.dist}), so the TLPs stay inside the PCIe fabric and the client is programmed with PCI bus addresses.${dt}`;
      break;
    case "acs-violation":
      res.explanation = `NOT_SUPPORTED (direction-aware ACS): ${who} ${meet}, but P2P Egress Control without Request Redirect on ${list(res.acs.filter((h) => h.blocks).map((h) => h.bdf))} turns the peer request into an ACS Violation, so P2P DMA is rejected.${dt}`;
      break;
    case "acs-redirect":
      res.explanation = `${res.type}: ${who} ${meet}, but ${acsClause(res.acs)}; ${hostBridgeClause(topo, res.hostBridge)}.${dt}`;
      break;
    case "no-common-bridge": {
      const pc = p2;
      const cc = c;
      const where = pc.hostBridge === cc.hostBridge ? `do not share an upstream bridge below host bridge ${pc.hostBridge.id}` : `sit under different host bridges ${pc.hostBridge.id} and ${cc.hostBridge.id}`;
      res.explanation = `${res.type}: ${who} ${where} (distance ${res.dist}); ${hostBridgeClause(topo, res.hostBridge)}.`;
      break;
    }
    default:
      break;
  }
  return res;
}
function distanceMany(topo, providerRef, clientRefs, opts = {}) {
  const provider = findDevice(topo, providerRef);
  if (!provider.pci)
    throw new Error(`provider "${providerRef}" is not a PCI device`);
  const clients = [];
  if (clientRefs.length === 0) {
    return { distance: -1, clients, usable: false, explanation: "pci_p2pdma_distance_many() returns -1 for an empty client list." };
  }
  let total = 0;
  for (const ref3 of clientRefs) {
    const dev = findDevice(topo, ref3);
    let pci = dev;
    while (pci && !pci.pci)
      pci = pci.parent;
    if (!pci) {
      clients.push({ ref: ref3 });
      return {
        distance: -1,
        clients,
        usable: false,
        explanation: `-1: ${ref3} cannot be used for peer-to-peer DMA as it is not a PCI device (no PCI parent).`
      };
    }
    const r = calcMapTypeAndDist(topo, provider.id, pci.id, opts);
    clients.push({ ref: ref3, pci: pci.bdf, type: r.type, dist: r.dist });
    if (r.type === "NOT_SUPPORTED") {
      return { distance: -1, clients, usable: false, explanation: `-1: ${r.explanation}` };
    }
    total += r.dist;
  }
  const usable = provider.p2pdmaInit;
  const parts = clients.map((c) => `${c.pci} ${c.type} ${c.dist}`).join(" + ");
  const note = usable ? "" : ` Note: ${provider.bdf} has no P2P state, so pci_p2pdma_map_type() would still refuse every mapping (pci_p2pdma_distance_many() does not check it).`;
  return { distance: total, clients, usable, explanation: `${total} = ${parts}.${note}` };
}

// dist/src/model/dma-outcome.js
var REGRESSIONS = [
  {
    ops: "direct",
    mapType: "BUS_ADDR",
    summary: "dma-direct map_sg left sg_dma_len unset for BUS_ADDR segments after the P2P helper refactor",
    introduced: "\u22486.16",
    fixed: "\u22486.18",
    commit: "d0d08f4bd7f6",
    source: "kernel/dma/direct.c"
  },
  {
    ops: "direct",
    mapType: "THRU_HOST_BRIDGE",
    summary: "dma-direct map_sg broke out of the THRU_HOST_BRIDGE case without mapping, leaving dma_address uninitialised (fixed by a fallthrough)",
    introduced: "\u22486.16",
    fixed: "\u22487.1",
    commit: "560000d619ef",
    source: "kernel/dma/direct.c"
  }
];
function clientDmaOps(platform, dev) {
  if (dev.dmaOps)
    return dev.dmaOps;
  if (platform.dmaOps)
    return platform.dmaOps;
  return platform.topology.iommu.enabled && platform.kernelConfig.IOMMU_DMA ? "iommu" : "direct";
}
function hex(n) {
  return `${n < 0n ? "-" : ""}0x${(n < 0n ? -n : n).toString(16)}`;
}
function dmaOutcome(platform, providerRef, clientRef, opts = {}) {
  const topo = platform.topology;
  const simOpts = { ...opts, kernel: opts.kernel ?? platform.kernel ?? MAINLINE_VERSION };
  const map = p2pMapType(topo, providerRef, clientRef, simOpts);
  const provider = findDevice(topo, providerRef);
  const client = findDevice(topo, clientRef);
  const ops = client.pci ? clientDmaOps(platform, client) : "direct";
  const bar = provider.pci ? provider.bars.find((b) => b.mem) : void 0;
  const base = {
    platform: platform.name,
    provider: map.provider,
    client: map.client,
    mapType: map.type,
    clientDmaOps: ops,
    map,
    regressions: []
  };
  if (bar)
    base.busOffset = hex(bar.busOffset);
  if (!platform.kernelConfig.PCI_P2PDMA) {
    return {
      ...base,
      mapType: "NOT_SUPPORTED",
      outcome: "no-p2pdma",
      dmaMapSg: "n/a",
      dmaMapSgtable: "n/a",
      dmaAddress: "n/a",
      unmap: "n/a",
      explanation: `${platform.name} has no CONFIG_PCI_P2PDMA: pci_p2pdma_add_resource() returns -EOPNOTSUPP, so there are no P2PDMA pages, pci_p2pdma_distance() returns -1 and pci_p2pdma_map_type() NOT_SUPPORTED.`
    };
  }
  if (ops === "custom") {
    return {
      ...base,
      outcome: "unsupported-dma-ops",
      dmaMapSg: "undefined behaviour (custom map_sg does not know P2PDMA pages)",
      dmaMapSgtable: "undefined behaviour",
      dmaAddress: "undefined",
      unmap: "n/a",
      explanation: `client ${map.client} uses custom dma_map_ops, so dma_pci_p2pdma_supported() is false: its driver must not advertise P2PDMA, and P2PDMA pages reaching it are undefined behaviour whatever the topology says (${map.type}).`
    };
  }
  const regressions = applicableRegressions(ops, map.type, simOpts.kernel);
  switch (map.type) {
    case "BUS_ADDR": {
      const off = bar ? ` (bus offset ${hex(bar.busOffset)} for BAR ${bar.index})` : "";
      return {
        ...base,
        regressions,
        outcome: "bus-address",
        dmaMapSg: "the segment count; the P2P segment is marked with sg_dma_mark_bus_address()",
        dmaMapSgtable: "0",
        dmaAddress: `cpu_phys + bus_offset${off}: a PCI bus address, not IOMMU-mapped, no swiotlb, no cache maintenance`,
        unmap: "skipped",
        explanation: `${map.explanation} The DMA API programs the bus address (marked with sg_dma_mark_bus_address, skipped at unmap)${ops === "iommu" ? ", bypassing the IOMMU" : ""}.`
      };
    }
    case "THRU_HOST_BRIDGE": {
      const iommu = ops === "iommu";
      return {
        ...base,
        regressions,
        outcome: iommu ? "host-bridge-iova" : "host-bridge-phys",
        dmaMapSg: "the segment count (a normal mapping)",
        dmaMapSgtable: "0",
        dmaAddress: iommu ? "an IOVA mapped to the BAR's CPU physical address (IOMMU_MMIO on the DMA_ATTR_MMIO paths)" : "phys_to_dma(cpu_phys) on the sg path, cpu_phys unchanged with DMA_ATTR_MMIO",
        unmap: "required",
        explanation: `${map.explanation.replace(/\.$/, "")}, so the DMA API maps the BAR through the ${iommu ? "IOMMU (an IOVA)" : "host bridge with its CPU physical address (dma-direct)"}.`
      };
    }
    default:
      return {
        ...base,
        regressions,
        outcome: "eremoteio",
        dmaMapSg: "0",
        dmaMapSgtable: '-EREMOTEIO ("will not succeed if retried")',
        dmaAddress: "none",
        unmap: "n/a",
        explanation: `${map.explanation} dma_map_sgtable() fails with -EREMOTEIO and dma_map_sg() returns 0.`
      };
  }
}
function applicableRegressions(ops, type, kernel) {
  const v = parseKernelVersion(kernel ?? MAINLINE_VERSION);
  return REGRESSIONS.filter((r) => r.ops === ops && r.mapType === type && compareVersions(v, r.introduced) >= 0 && compareVersions(v, r.fixed) < 0).map(({ ops: _o, mapType: _m, ...rest }) => rest);
}

// dist/src/model/explain.js
function stripType(s) {
  return s.replace(/^[A-Z_]+(?: \([^)]*\))?: /, "");
}
function explainPair(platform, providerRef, clientRef, opts = {}) {
  const o = dmaOutcome(platform, providerRef, clientRef, opts);
  const simOpts = { kernel: opts.kernel ?? platform.kernel, ...opts.acsRule ? { acsRule: opts.acsRule } : {} };
  const distance = platform.kernelConfig.PCI_P2PDMA ? distanceMany(platform.topology, providerRef, [clientRef], simOpts).distance : -1;
  const summary = `${o.mapType} on ${platform.name}: ${stripType(o.explanation)}`;
  const details = [
    `distance: ${distance} (pci_p2pdma_distance)`,
    `client DMA ops: ${o.clientDmaOps}`,
    `dma_map_sgtable(): ${o.dmaMapSgtable}; dma_map_sg(): ${o.dmaMapSg}`,
    `dma_address: ${o.dmaAddress}`,
    `unmap: ${o.unmap}`
  ];
  if (o.busOffset !== void 0)
    details.push(`provider bus offset: ${o.busOffset}`);
  if (o.map.hostBridge) {
    for (const b of o.map.hostBridge.bridges) {
      details.push(`host bridge ${b.hb}: root device ${b.rootDevice ?? "none"} ${b.vendorDevice ?? ""}${b.entry ? ` allow-listed (${b.entry}${b.reqSameHostBridge ? ", REQ_SAME_HOST_BRIDGE" : ""})` : b.eligible ? " not allow-listed" : " (not usable: neither 00.0 nor a root port)"}`.replace(/\s+/g, " "));
    }
  }
  for (const r of o.regressions)
    details.push(`known regression (${r.introduced} until ${r.fixed}, fix ${r.commit}): ${r.summary}`);
  return {
    platform: platform.name,
    provider: o.provider,
    client: o.client,
    mapType: o.mapType,
    dmaOutcome: o.outcome,
    distance,
    summary,
    path: o.map.path,
    details,
    kernelLog: o.map.kernelLog,
    regressions: o.regressions
  };
}
function formatPairExplanation(e) {
  const lines = [e.summary, `path: ${e.path}`, ...e.details];
  if (e.kernelLog.length)
    lines.push("kernel log (verbose):", ...e.kernelLog.map((l) => `  ${l}`));
  return `${lines.join("\n")}
`;
}

// dist/src/model/kinds.js
var dep = (config, ifSet, ifUnset) => ({
  config,
  ifSet,
  ifUnset
});
var LIKE_RAM_DMA = "dma_map_page / dma_map_sg / dma_map_sgtable, dma_map_single(page_address(..)), dma_map_phys (\u22486.18+)";
var MEMORY_KINDS = Object.freeze([
  {
    id: "ram",
    label: "normal lowmem RAM",
    row: "1",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: LIKE_RAM_DMA,
    obtainedBy: "alloc_pages(GFP_KERNEL), __get_free_pages, folio_alloc",
    sources: ["include/linux/gfp.h", "mm/page_alloc.c", "include/linux/mm.h"]
  },
  {
    id: "highmem",
    label: "highmem page",
    row: "2",
    hasStructPage: true,
    // page_address() is NULL unless the page is kmapped (include/linux/highmem.h).
    linear: dep("HIGHMEM", false, true),
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: dep("HIGHMEM", false, true),
    dmaMapSingle: dep("HIGHMEM", false, true),
    dmaHow: "dma_map_page / dma_map_sg; never dma_map_single (there is no permanent kernel VA)",
    obtainedBy: "alloc_pages(__GFP_HIGHMEM), GFP_HIGHUSER*, user pages from GUP, page cache",
    sources: ["include/linux/highmem.h", "include/linux/gfp_types.h", "include/linux/scatterlist.h"],
    requires: [{ config: "HIGHMEM", value: true }],
    degradesTo: "ram",
    notes: "Only 32-bit kernels with CONFIG_HIGHMEM have highmem; elsewhere __GFP_HIGHMEM pages are ordinary lowmem. CPU access only through kmap_local_page()."
  },
  {
    id: "slab",
    label: "slab object (kmalloc \u2264 KMALLOC_MAX_CACHE_SIZE, kmem_cache_alloc)",
    row: "3",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: "dma_map_single; the buffer must not share cache lines with CPU-written data (kmalloc guarantees ARCH_DMA_MINALIGN or bounces small buffers)",
    obtainedBy: "kmalloc, kzalloc, kcalloc, kmem_cache_alloc, devm_kzalloc",
    sources: ["include/linux/slab.h", "mm/slub.c", "include/linux/page-flags.h"],
    notes: "PageSlab() is true. Do not take page references on slab memory (zero-copy paths such as sendpage_ok() reject slab pages). kmalloc(0) returns ZERO_SIZE_PTR, which must never reach an sg."
  },
  {
    id: "kmalloc-large",
    label: "large kmalloc (> KMALLOC_MAX_CACHE_SIZE, from the page allocator)",
    row: "3b",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: "as slab: dma_map_single",
    obtainedBy: "kmalloc of more than KMALLOC_MAX_CACHE_SIZE bytes",
    sources: ["include/linux/slab.h", "mm/slub.c"],
    notes: "PageSlab() is false on these pages: they come straight from the page allocator."
  },
  {
    id: "vmalloc",
    label: "vmalloc / vzalloc / vmap area",
    row: "4",
    // Each backing page is real, reached through vmalloc_to_page(), never virt_to_page().
    hasStructPage: true,
    linear: false,
    kmap: false,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "never dma_map_single (rejected with a WARN, returns DMA_MAPPING_ERROR); build an sg from vmalloc_to_page() pages with flush/invalidate_kernel_vmap_range, or use dma_alloc_noncontiguous + dma_vmap_noncontiguous",
    obtainedBy: "vmalloc, vzalloc, vmalloc_user, __vmalloc, vmap",
    sources: ["include/linux/vmalloc.h", "mm/vmalloc.c", "include/linux/dma-mapping.h"],
    notes: "Page properties hold for vmalloc_to_page() results only; virt_to_page() on a vmalloc address is garbage. sg_set_page takes one entry per underlying page."
  },
  {
    id: "kvmalloc",
    label: "kvmalloc / kvzalloc (slab or vmalloc, chosen at run time)",
    row: "4b",
    hasStructPage: "depends",
    linear: "depends",
    kmap: "depends",
    cpuAccess: "normal",
    pageFlagsSafe: "depends",
    sgSetPage: "depends",
    sgSetBuf: "depends",
    dmaMapSingle: "depends",
    dmaHow: "treat as vmalloc unless the code branches on is_vmalloc_addr()",
    obtainedBy: "kvmalloc, kvzalloc, kvcalloc, kvmalloc_array, kvrealloc",
    sources: ["mm/util.c", "include/linux/slab.h"],
    notes: "Small requests come from kmalloc, large ones (or failed kmalloc) from vmalloc."
  },
  {
    id: "stack",
    label: "kernel stack buffer",
    row: "5/5b",
    hasStructPage: true,
    // With VMAP_STACK the stack lives in the vmalloc area (arch/Kconfig).
    linear: dep("VMAP_STACK", false, true),
    kmap: dep("VMAP_STACK", false, true),
    cpuAccess: "normal",
    pageFlagsSafe: dep("VMAP_STACK", false, true),
    // Forbidden either way: cache-line sharing and object lifetime (dma-api-howto.rst).
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: 'never: DMA debug reports "device driver maps memory from stack"; kmalloc the buffer instead',
    obtainedBy: "address of a local variable or array",
    sources: ["arch/Kconfig", "kernel/dma/debug.c", "Documentation/core-api/dma-api-howto.rst"],
    notes: "Row 5 (VMAP_STACK=y, the default on x86-64 and arm64): vmalloc address, virt_to_page() is garbage. Row 5b (VMAP_STACK=n): linear, but still forbidden for DMA."
  },
  {
    id: "kernel-image",
    label: "kernel image or module static data (.data, .bss, .rodata, module globals)",
    row: "6",
    hasStructPage: "depends",
    linear: "depends",
    kmap: false,
    cpuAccess: "normal",
    pageFlagsSafe: "depends",
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "never: no kernel or module image addresses (dma-api-howto.rst); DMA debug checks for them",
    obtainedBy: "static or global variables, string literals, module data",
    sources: ["kernel/dma/debug.c", "Documentation/core-api/dma-api-howto.rst"],
    notes: "Image data is in the linear map on some architectures only (x86 translates kernel-text addresses in __pa); module data lives in the vmalloc-like module area."
  },
  {
    id: "iomem",
    label: "ioremap family (__iomem)",
    row: "7",
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: "mmio",
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "not for the owning device; for a peer: dma_map_resource(peer, cpu_phys) or dma_map_phys(..., DMA_ATTR_MMIO) (\u22486.18+) after a P2P topology check; never virt_to_phys(ioaddr)",
    obtainedBy: "ioremap, ioremap_wc, ioremap_uc, ioremap_cache, devm_ioremap*, devm_platform_ioremap_resource, pci_iomap*, pcim_iomap*",
    sources: ["include/linux/io.h", "include/asm-generic/io.h", "drivers/pci/iomap.c", "lib/devres.c"],
    notes: "Only readX/writeX, ioreadX/iowriteX, memcpy_toio/fromio and memset_io may touch it."
  },
  {
    id: "memremap-ram",
    label: "memremap(MEMREMAP_WB) of System RAM",
    row: "8a",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: "as RAM: " + LIKE_RAM_DMA,
    obtainedBy: "memremap(phys, size, MEMREMAP_WB) on a System RAM range (returns __va())",
    sources: ["kernel/iomem.c"]
  },
  {
    id: "memremap-nonram",
    label: "memremap of non-RAM (reserved carve-out, device memory, pmem without pgmap)",
    row: "8b",
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: "normal",
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "device-specific: usually reserved-memory + dma_alloc_coherent, or dma_map_resource for MMIO-like ranges",
    obtainedBy: "memremap(WB/WT/WC) or devm_memremap on a range that is not System RAM",
    sources: ["kernel/iomem.c"],
    notes: "Plain loads/stores work (no __iomem, no side effects), but there is no struct page unless devm_memremap_pages registered it."
  },
  {
    id: "dma-coherent",
    label: "dma_alloc_coherent / dma_alloc_attrs CPU pointer",
    row: "9",
    hasStructPage: "depends",
    linear: "depends",
    kmap: false,
    cpuAccess: "normal",
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: 'already mapped: use the returned dma_handle; never pass the CPU VA to dma_map_* (dma_get_sgtable is "fundamentally unsafe")',
    obtainedBy: "dma_alloc_coherent, dmam_alloc_coherent, dma_alloc_attrs, dma_alloc_wc, dma_pool_alloc",
    sources: ["kernel/dma/mapping.c", "include/linux/dma-mapping.h"],
    notes: "The VA may be linear or remapped into vmalloc space, and declared-coherent pools have no struct page. With DMA_ATTR_NO_KERNEL_MAPPING it is an opaque cookie."
  },
  {
    id: "dma-pages",
    label: "dma_alloc_pages / dma_alloc_noncoherent / dma_alloc_noncontiguous memory",
    row: "9b",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: false,
    dmaHow: "already mapped (handle returned); transfer ownership with dma_sync_*_for_cpu/_for_device",
    obtainedBy: "dma_alloc_pages, dma_alloc_noncoherent, dma_alloc_noncontiguous",
    sources: ["kernel/dma/mapping.c", "include/linux/dma-mapping.h"],
    notes: "dma_alloc_noncoherent returns page_address() of real pages; dma_vmap_noncontiguous gives a vmalloc alias."
  },
  {
    id: "zd-fsdax",
    label: "ZONE_DEVICE MEMORY_DEVICE_FS_DAX (pmem under a DAX filesystem)",
    row: "10",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: "like RAM; GUP allowed, but FOLL_LONGTERM is refused on fsdax VMAs (-EOPNOTSUPP)",
    obtainedBy: "devm_memremap_pages with MEMORY_DEVICE_FS_DAX (nvdimm/pmem), DAX file mappings",
    sources: ["include/linux/memremap.h", "mm/memremap.c", "mm/gup.c"],
    requires: [{ config: "ZONE_DEVICE", value: true }],
    notes: "memremap_pages maps it with pgprot_decrypted; machine-check-safe copies are recommended."
  },
  {
    id: "zd-generic",
    label: "ZONE_DEVICE MEMORY_DEVICE_GENERIC (device-dax, hmem)",
    row: "11",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: "like RAM; long-term pinnable",
    obtainedBy: "devm_memremap_pages with MEMORY_DEVICE_GENERIC (/dev/daxX.Y)",
    sources: ["include/linux/memremap.h", "mm/memremap.c"],
    requires: [{ config: "ZONE_DEVICE", value: true }]
  },
  {
    id: "zd-private",
    label: "ZONE_DEVICE MEMORY_DEVICE_PRIVATE (HMM device memory)",
    row: "12",
    hasStructPage: true,
    // memremap_pages() calls add_pages() only for PRIVATE: no linear mapping.
    linear: false,
    kmap: false,
    cpuAccess: "none",
    pageFlagsSafe: true,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "not DMA-mappable through the DMA API (the physical address is fictitious); only the owning device uses it",
    obtainedBy: "devm_memremap_pages with MEMORY_DEVICE_PRIVATE (HMM drivers)",
    sources: ["include/linux/memremap.h", "mm/memremap.c"],
    requires: [
      { config: "ZONE_DEVICE", value: true },
      { config: "DEVICE_PRIVATE", value: true }
    ],
    notes: "A CPU fault calls ops->migrate_to_ram. It appears as a device-private swap entry in PTEs; GUP never returns it."
  },
  {
    id: "zd-coherent",
    label: "ZONE_DEVICE MEMORY_DEVICE_COHERENT (CXL/CAPI-like coherent device memory)",
    row: "13",
    hasStructPage: true,
    linear: true,
    kmap: true,
    cpuAccess: "normal",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: true,
    dmaHow: "like RAM; not long-term pinnable (migrated out first)",
    obtainedBy: "devm_memremap_pages with MEMORY_DEVICE_COHERENT",
    sources: ["include/linux/memremap.h", "mm/memremap.c", "include/linux/mm.h"],
    requires: [{ config: "ZONE_DEVICE", value: true }]
  },
  {
    id: "p2pdma",
    label: "ZONE_DEVICE MEMORY_DEVICE_PCI_P2PDMA (peer BAR memory with struct pages)",
    row: "14",
    hasStructPage: true,
    // The linear alias exists but is uncached MMIO (pgprot_noncached in memremap_pages).
    linear: true,
    kmap: true,
    cpuAccess: "mmio",
    pageFlagsSafe: true,
    sgSetPage: true,
    sgSetBuf: true,
    dmaMapSingle: false,
    dmaHow: "only P2P-aware paths: dma_map_sg/dma_map_sgtable (dma-direct, dma-iommu), blk_rq_dma_map_iter_* (\u22486.17+), or pci_p2pdma_state() + pci_p2pdma_bus_addr_map() / dma_map_phys(DMA_ATTR_MMIO); GUP only with FOLL_PCI_P2PDMA, never FOLL_LONGTERM",
    obtainedBy: "pci_p2pdma_add_resource + pci_alloc_p2pmem / pci_p2pmem_alloc_sgl, the sysfs p2pmem/allocate mmap, GUP with FOLL_PCI_P2PDMA",
    sources: [
      "drivers/pci/p2pdma.c",
      "include/linux/pci-p2pdma.h",
      "mm/memremap.c",
      "Documentation/driver-api/pci/p2pdma.rst"
    ],
    requires: [
      { config: "PCI_P2PDMA", value: true },
      { config: "ZONE_DEVICE", value: true }
    ],
    notes: "The KVA is MMIO: direct CPU access (memcpy, sg_copy_*, sg_miter_*, kmap + deref) is forbidden by p2pdma.rst; use readX/writeX/memcpy_toio."
  },
  {
    id: "raw-pfn",
    label: "raw pfn without memmap (pfn_valid() false, VM_IO/VM_PFNMAP, unregistered BAR)",
    row: "15",
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: "none",
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "dma_map_resource, dma_map_phys(..., DMA_ATTR_MMIO) (\u22486.18+), or DMABUF with phys_vec + struct p2pdma_provider (\u22486.19+); GUP fails with -EFAULT on VM_IO/VM_PFNMAP",
    obtainedBy: "pci_resource_start, resource ranges, remap_pfn_range/vmf_insert_pfn mappings, firmware tables",
    sources: ["include/linux/mmzone.h", "include/linux/mm.h", "mm/gup.c"],
    notes: "With SPARSEMEM_VMEMMAP pfn_to_page() still computes a pointer, but nothing backs it: dereferencing it faults. CPU access only through an ioremap/memremap mapping."
  },
  {
    id: "p2p-provider",
    label: "page-less peer MMIO known as a struct p2pdma_provider (\u22486.19+)",
    row: "16",
    hasStructPage: false,
    linear: false,
    kmap: false,
    cpuAccess: "mmio",
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "pci_p2pdma_map_type(provider, dev), then BUS_ADDR: pci_p2pdma_bus_addr_map(provider, phys); THRU_HOST_BRIDGE: dma_map_phys/dma_iova_link with DMA_ATTR_MMIO",
    obtainedBy: "pcim_p2pdma_init + pcim_p2pdma_provider(pdev, bar), DMABUF phys_vec exporters (VFIO)",
    sources: ["drivers/pci/p2pdma.c", "include/linux/pci-p2pdma.h", "include/linux/dma-buf-mapping.h"],
    since: "\u22486.19",
    notes: "Lifetime is bound to the providing driver and enforced by revoke (DMABUF move_notify)."
  },
  {
    id: "user",
    label: "user-space pointer (__user)",
    row: "\u2014",
    hasStructPage: "depends",
    linear: false,
    kmap: false,
    cpuAccess: "none",
    pageFlagsSafe: false,
    sgSetPage: false,
    sgSetBuf: false,
    dmaMapSingle: false,
    dmaHow: "pin_user_pages*/iov_iter_extract_pages, then an sg of the pinned pages (FOLL_PCI_P2PDMA / ITER_ALLOW_P2PDMA only on P2P-safe paths)",
    obtainedBy: "system-call arguments, ioctl payloads, iov_iter over user memory",
    sources: ["mm/gup.c", "include/linux/uaccess.h", "include/linux/uio.h"],
    notes: "Touch it only with copy_to_user/copy_from_user/get_user/put_user; the pages behind it may be RAM, highmem, P2PDMA (with FOLL_PCI_P2PDMA) or none (VM_PFNMAP)."
  }
]);
var KIND_INDEX = new Map(MEMORY_KINDS.map((k) => [k.id, k]));
var MEMORY_KIND_IDS = MEMORY_KINDS.map((k) => k.id);
function isMemoryKindId(s) {
  return KIND_INDEX.has(s);
}
function memoryKind(id) {
  const k = KIND_INDEX.get(id);
  if (!k)
    throw new Error(`unknown memory kind "${String(id)}"; known kinds: ${MEMORY_KIND_IDS.join(", ")}`);
  return k;
}
function resolveValue(v, platform) {
  if (typeof v === "boolean" || v === "depends")
    return v;
  if (!platform)
    return "depends";
  return platform.kernelConfig[v.config] ? v.ifSet : v.ifUnset;
}
function kindExists(id, platform) {
  const k = memoryKind(id);
  if (!platform || !k.requires)
    return true;
  return k.requires.every((r) => platform.kernelConfig[r.config] === r.value);
}
function kindProperty(id, prop, platform) {
  const k = memoryKind(id);
  if (platform && k.degradesTo && !kindExists(id, platform)) {
    return resolveValue(memoryKind(k.degradesTo)[prop], platform);
  }
  return resolveValue(k[prop], platform);
}

// dist/src/model/lspci.js
var LspciParseError = class extends Error {
  input;
  line;
  text;
  constructor(input, line, text, reason) {
    super(`lspci ${input === "tree" ? "-tv" : "-vvv"} output, line ${line}: ${reason}: "${text.trim()}"`);
    this.input = input;
    this.line = line;
    this.text = text;
    this.name = "LspciParseError";
  }
};
var DEV_RE = /^([0-9a-fA-F]{2})\.([0-7])/;
var RANGE_RE = /^-\[([0-9a-fA-F]{2})(?:-([0-9a-fA-F]{2}))?\]/;
var ROOT_RE = /^\[(?:([0-9a-fA-F]{4,8}):)?([0-9a-fA-F]{2})\]/;
var IDS_RE = /\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\]/g;
function lastIds(text) {
  let m;
  let last;
  IDS_RE.lastIndex = 0;
  while (m = IDS_RE.exec(text))
    last = { vendor: parseInt(m[1], 16), device: parseInt(m[2], 16), index: m.index };
  return last;
}
function parseLspciTree(text) {
  const roots = [];
  const forks = /* @__PURE__ */ new Map();
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let sawContent = false;
  lines.forEach((line, idx) => {
    const lineNo = idx + 1;
    const fail = (reason) => {
      throw new LspciParseError("tree", lineNo, line, reason);
    };
    if (!line.trim())
      return;
    let i = 0;
    while (i < line.length && (line[i] === " " || line[i] === "|"))
      i++;
    let ctx;
    if (!sawContent) {
      sawContent = true;
      if (line.startsWith("-+-[", i)) {
        forks.set(i + 1, { kind: "roots" });
        ctx = { kind: "roots" };
        i += 3;
      } else if (line.startsWith("-[", i)) {
        ctx = { kind: "roots" };
        i += 1;
      } else {
        fail('expected the tree to start with "-[DOMAIN:BUS]" or "-+-[" (is this `lspci -tv` output?)');
      }
    } else {
      const c = line[i];
      if (c !== "+" && c !== "\\" || line[i + 1] !== "-")
        fail(`expected a "+-" or "\\-" branch at column ${i + 1}`);
      const parent = forks.get(i);
      if (!parent)
        fail(`branch at column ${i + 1} has no parent branch above it (misaligned or truncated tree)`);
      ctx = parent;
      if (c === "\\") {
        for (const col of [...forks.keys()])
          if (col >= i)
            forks.delete(col);
      }
      i += 2;
    }
    parseItem(line, i, ctx, lineNo);
  });
  function parseItem(line, start, ctx, lineNo) {
    const fail = (reason) => {
      throw new LspciParseError("tree", lineNo, line, reason);
    };
    const rest = line.slice(start);
    if (ctx.kind === "roots") {
      const m2 = ROOT_RE.exec(rest);
      if (!m2)
        fail(`expected a root bus "[DOMAIN:BUS]" at column ${start + 1}`);
      const root = { domain: m2[1] ? parseInt(m2[1], 16) : 0, bus: parseInt(m2[2], 16), devices: [] };
      if (roots.some((r) => r.domain === root.domain && r.bus === root.bus))
        fail(`root bus ${formatBdf(root.domain, root.bus, 0).slice(0, 7)} listed twice`);
      roots.push(root);
      parseChildren(line, start + m2[0].length, { kind: "bus", domain: root.domain, bus: root.bus, owner: null, root }, lineNo);
      return;
    }
    const m = DEV_RE.exec(rest);
    if (!m)
      fail(`expected a device "DD.F" at column ${start + 1}`);
    const dev = parseInt(m[1], 16);
    if (dev > 31)
      fail(`device number ${m[1]} is above 1f`);
    const devfn = dev << 3 | parseInt(m[2], 10);
    const node = {
      domain: ctx.domain,
      bus: ctx.bus,
      devfn,
      bdf: formatBdf(ctx.domain, ctx.bus, devfn),
      children: [],
      parent: ctx.owner,
      line: lineNo
    };
    if (ctx.owner)
      ctx.owner.children.push(node);
    else
      ctx.root.devices.push(node);
    let i = start + m[0].length;
    const range = RANGE_RE.exec(line.slice(i));
    if (range) {
      node.secondary = parseInt(range[1], 16);
      i += range[0].length;
      parseChildren(line, i, { kind: "bus", domain: ctx.domain, bus: node.secondary, owner: node, root: ctx.root }, lineNo);
      return;
    }
    const tail = line.slice(i);
    if (tail.trim() === "")
      return;
    if (!/^\s{1,}\S/.test(tail))
      fail(`unexpected text after device ${m[0]} at column ${i + 1}`);
    const name = tail.trim();
    const ids = lastIds(name);
    if (ids) {
      node.vendor = ids.vendor;
      node.device = ids.device;
    }
    node.name = ids ? name.slice(0, ids.index).trim() || name : name;
  }
  function parseChildren(line, start, ctx, lineNo) {
    let i = start;
    while (line[i] === "-")
      i++;
    if (i >= line.length || line.slice(i).trim() === "")
      return;
    const c = line[i];
    if (c === "+" || c === "\\") {
      if (line[i + 1] !== "-")
        throw new LspciParseError("tree", lineNo, line, `expected "-" after the branch at column ${i + 1}`);
      if (c === "+")
        forks.set(i, ctx);
      parseItem(line, i + 2, ctx, lineNo);
      return;
    }
    if (i === start)
      throw new LspciParseError("tree", lineNo, line, `expected "-" connectors at column ${i + 1}`);
    parseItem(line, i, ctx, lineNo);
  }
  if (!sawContent)
    throw new LspciParseError("tree", 1, lines[0] ?? "", "empty input");
  return roots;
}
var HEADER_RE = /^((?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7])\s+(.+?)(?:\s+\[([0-9a-fA-F]{4})\])?:\s+(.*)$/;
var ACS_NAMES = {
  SrcValid: "SV",
  TransBlk: "TB",
  ReqRedir: "RR",
  CmpltRedir: "CR",
  UpstreamFwd: "UF",
  EgressCtrl: "EC",
  DirectTrans: "DT"
};
function parseAcsFlags(body, fail) {
  const tokens = body.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0)
    fail("no ACS flags");
  const out = [];
  for (const t of tokens) {
    const m = /^([A-Za-z]+)([+-])$/.exec(t);
    if (!m)
      fail(`ACS flag "${t}" is not NAME+ or NAME-`);
    const bit = ACS_NAMES[m[1]];
    if (!bit)
      fail(`unknown ACS flag "${m[1]}"`);
    if (m[2] === "+")
      out.push(bit);
  }
  return out;
}
function sizeOf(s) {
  const m = /^(\d+)([KMGT]?)$/.exec(s);
  if (!m)
    return 0n;
  const mult = { "": 1n, K: 1n << 10n, M: 1n << 20n, G: 1n << 30n, T: 1n << 40n }[m[2]];
  return BigInt(m[1]) * mult;
}
function parseLspciVerbose(text) {
  const out = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let cur;
  let section = "other";
  lines.forEach((line, idx) => {
    const lineNo = idx + 1;
    const fail = (reason) => {
      throw new LspciParseError("vvv", lineNo, line, reason);
    };
    if (!line.trim()) {
      cur = void 0;
      return;
    }
    if (!/^\s/.test(line)) {
      const m = HEADER_RE.exec(line);
      if (!m)
        fail('expected a device header such as "0000:03:00.0 Non-Volatile memory controller [0108]: Vendor Device [144d:a824]"');
      const b = parseBdf(m[1]);
      if (!b)
        fail(`"${m[1]}" is not a PCI address`);
      const ids = lastIds(m[4]);
      const name = (ids ? m[4].slice(0, ids.index) : m[4].replace(/\s*\(rev [0-9a-f]+\).*$/, "")).trim();
      cur = {
        bdf: b.text,
        line: lineNo,
        className: m[2],
        name,
        bars: [],
        virtualFunction: /virtual function/i.test(m[4])
      };
      if (m[3])
        cur.classCode = parseInt(m[3], 16);
      if (ids) {
        cur.vendor = ids.vendor;
        cur.device = ids.device;
      }
      out.push(cur);
      section = "other";
      return;
    }
    if (!cur)
      fail("indented line before any device header");
    const d = cur;
    const t = line.trim();
    const depth = /^\t\t|^ {16}/.test(line) ? 2 : 1;
    if (depth === 1) {
      section = "other";
      let m;
      if (m = /^Capabilities:\s*\[[0-9a-fA-F]+(?:\s+v\d+)?\]\s+(.*)$/.exec(t)) {
        const cap = m[1];
        const ex = /^Express \(v\d\) (.+?)(?:\s*\(|,|$)/.exec(cap) ?? /^Express (.+?)(?:\s*\(|,|$)/.exec(cap);
        if (ex)
          d.pcieType = ex[1].trim();
        else if (/^Access Control Services/.test(cap))
          section = "acs";
        else if (/Single Root I\/O Virtualization/.test(cap)) {
          section = "sriov";
          d.sriov = { numVfs: 0, offset: 0, stride: 0 };
        }
      } else if (m = /^Kernel driver in use:\s*(\S+)/.exec(t)) {
        d.driver = m[1];
      } else if (m = /^Region (\d):\s+Memory at ([0-9a-fA-F]+)\s+\(([^)]*)\)(?:\s+\[[^\]]*\])*?\s*\[size=(\d+[KMGT]?)\]/.exec(t)) {
        if (!/\[(?:disabled|virtual)\]/.test(t)) {
          d.bars.push({ index: Number(m[1]), cpuStart: `0x${m[2].toLowerCase()}`, size: `0x${sizeOf(m[4]).toString(16)}` });
        }
      }
      return;
    }
    if (section === "acs") {
      const m = /^(ACSCap|ACSCtl):\s*(.*)$/.exec(t);
      if (m) {
        const bits = parseAcsFlags(m[2], fail);
        if (m[1] === "ACSCap")
          d.acsCap = bits;
        else
          d.acsCtrl = bits;
      }
    } else if (section === "sriov" && d.sriov) {
      let m;
      if (m = /Number of VFs:\s*(\d+)/.exec(t))
        d.sriov.numVfs = Number(m[1]);
      if (m = /VF offset:\s*(\d+),\s*stride:\s*(\d+)(?:,\s*Device ID:\s*([0-9a-fA-F]{4}))?/.exec(t)) {
        d.sriov.offset = Number(m[1]);
        d.sriov.stride = Number(m[2]);
        if (m[3])
          d.sriov.vfDevice = parseInt(m[3], 16);
      }
    }
  });
  return out;
}
var PCIE_KIND = {
  "Root Port": "root_port",
  "Upstream Port": "switch_up",
  "Downstream Port": "switch_down",
  Endpoint: "endpoint",
  "Legacy Endpoint": "endpoint",
  "Root Complex Integrated Endpoint": "rciep",
  "Root Complex Event Collector": "rciep",
  "PCI-Express to PCI/PCI-X Bridge": "bridge",
  "PCI/PCI-X to PCI-Express Bridge": "bridge"
};
var VENDOR_CPU = {
  32902: { vendor: "intel", arch: "x86_64" },
  4130: { vendor: "amd", arch: "x86_64" },
  7663: { vendor: "ampere", arch: "arm64" },
  4116: { vendor: "ibm", arch: "ppc64le" },
  4318: { vendor: "nvidia", arch: "arm64" },
  6880: { vendor: "google", arch: "arm64" }
};
function importLspci(treeText, vvvText, opts = {}) {
  const warnings = [];
  const roots = parseLspciTree(treeText);
  const verbose = vvvText !== void 0 ? parseLspciVerbose(vvvText) : [];
  const vByBdf = new Map(verbose.map((v) => [v.bdf, v]));
  const nodes = [];
  const walk = (n) => {
    nodes.push(n);
    n.children.forEach(walk);
  };
  roots.forEach((r) => r.devices.forEach(walk));
  const nodeByBdf = new Map(nodes.map((n) => [n.bdf, n]));
  for (const v of verbose) {
    if (!nodeByBdf.has(v.bdf))
      warnings.push(`-vvv line ${v.line}: ${v.bdf} is not in the tree; ignored`);
  }
  const physfnOf = /* @__PURE__ */ new Map();
  for (const v of verbose) {
    if (!v.sriov || v.sriov.numVfs === 0 || v.sriov.stride === 0 && v.sriov.numVfs > 1)
      continue;
    const pf = parseBdf(v.bdf);
    const rid = pf.bus << 8 | pf.devfn;
    for (let n = 0; n < v.sriov.numVfs; n++) {
      const vfRid = rid + v.sriov.offset + n * v.sriov.stride;
      physfnOf.set(formatBdf(pf.domain, vfRid >> 8, vfRid & 255), v.bdf);
    }
  }
  const hbId = (r) => `pci${r.domain.toString(16).padStart(4, "0")}:${r.bus.toString(16).padStart(2, "0")}`;
  const rootOf = /* @__PURE__ */ new Map();
  for (const r of roots) {
    const mark = (n) => {
      rootOf.set(n, r);
      n.children.forEach(mark);
    };
    r.devices.forEach(mark);
  }
  const kindOf = (n) => {
    const v = vByBdf.get(n.bdf);
    if (physfnOf.has(n.bdf) || v?.virtualFunction || !v && /virtual function/i.test(n.name ?? ""))
      return "vf";
    if (v?.pcieType && PCIE_KIND[v.pcieType])
      return PCIE_KIND[v.pcieType];
    if (v && (v.classCode === 1536 || /^Host bridge/i.test(v.className)))
      return "host_bridge";
    if (n.secondary !== void 0) {
      if (!n.parent)
        return "root_port";
      const parentKind = kindOf(n.parent);
      if (parentKind === "switch_up")
        return "switch_down";
      return n.children.some((c) => c.secondary !== void 0) ? "switch_up" : "bridge";
    }
    if (!n.parent) {
      return n.devfn === 0 && /host bridge|root complex|dram|dmi/i.test(n.name ?? "") ? "host_bridge" : "rciep";
    }
    return "endpoint";
  };
  const providers = new Set((opts.providers ?? []).map((p2) => parseBdf(p2)?.text ?? p2));
  const devices = nodes.map((n) => {
    const v = vByBdf.get(n.bdf);
    const kind = kindOf(n);
    const d = { id: n.bdf, bdf: n.bdf, kind };
    if (kind === "vf") {
      const pf = physfnOf.get(n.bdf) ?? guessPhysfn(n, nodes);
      if (!pf) {
        warnings.push(`${n.bdf} looks like a VF but its physical function is unknown; imported as an endpoint`);
        d.kind = n.parent ? "endpoint" : "rciep";
        d.upstream = n.parent ? n.parent.bdf : null;
      } else
        d.physfn = pf;
    } else {
      d.upstream = n.parent ? n.parent.bdf : null;
    }
    if (!n.parent && d.kind !== "vf")
      d.hb = hbId(rootOf.get(n));
    const name = v?.name || n.name;
    if (name)
      d.name = name;
    const vendor = v?.vendor ?? n.vendor;
    const device = v?.device ?? n.device;
    if (vendor !== void 0)
      d.vendor = vendor.toString(16).padStart(4, "0");
    if (device !== void 0)
      d.device = device.toString(16).padStart(4, "0");
    if (v?.acsCap)
      d.acsCap = v.acsCap;
    if (v?.acsCtrl)
      d.acsCtrl = v.acsCtrl;
    if (v?.bars.length)
      d.bars = v.bars;
    if (providers.has(n.bdf)) {
      d.p2pdmaInit = true;
      providers.delete(n.bdf);
    }
    return d;
  });
  for (const p2 of providers)
    warnings.push(`--providers: ${p2} is not in the tree`);
  const firstVendor = roots.flatMap((r) => [...r.devices].sort((a, b) => a.devfn - b.devfn).slice(0, 1)).map((n) => vByBdf.get(n.bdf)?.vendor ?? n.vendor).find((x) => x !== void 0);
  const guessed = firstVendor !== void 0 ? VENDOR_CPU[firstVendor] : void 0;
  const cpu = {
    vendor: opts.cpu?.vendor ?? guessed?.vendor ?? "other",
    arch: opts.cpu?.arch ?? guessed?.arch ?? "other"
  };
  const family = opts.cpu?.family;
  if (family !== void 0)
    cpu.family = family;
  if (cpu.vendor === "amd" && family === void 0) {
    warnings.push("AMD host bridge: pass --cpu amd:0x17 (or later family) if this is a Zen CPU; cpu_supports_p2pdma() needs the family");
  }
  if (firstVendor === void 0)
    warnings.push("no vendor IDs (use `lspci -tvnn` or give -vvvnn output): host-bridge allow-listing cannot be decided");
  let iommu = opts.iommu;
  if (iommu === void 0) {
    const redirects = verbose.some((v) => v.acsCtrl?.includes("RR"));
    iommu = redirects;
    warnings.push(vvvText === void 0 ? "IOMMU state unknown without -vvv output; assumed off (pass --iommu on|off)" : `IOMMU ${redirects ? "on" : "off"} inferred from ACS control bits (${redirects ? "ReqRedir+ seen: pci_request_acs() was called" : "no ReqRedir+"}); pass --iommu to override`);
  }
  const input = {
    name: opts.name ?? "imported",
    description: `imported from lspci${vvvText !== void 0 ? " -tv and -vvvnn" : " -tv"}`,
    cpu,
    iommu: { enabled: iommu },
    hostBridges: roots.map((r) => ({ id: hbId(r), domain: r.domain, bus: r.bus })),
    devices
  };
  const topology = loadTopology(input, "lspci");
  return { topology, warnings };
}
function guessPhysfn(n, all) {
  const pf = all.find((o) => o !== n && o.domain === n.domain && o.bus === n.bus && o.devfn === (n.devfn & ~7) && !/virtual function/i.test(o.name ?? ""));
  return pf?.bdf;
}

// dist/src/model/memmap.js
var UNITS = { "": 0, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };
function parseSize(s) {
  if (typeof s === "number") {
    if (!Number.isSafeInteger(s) || s < 0)
      throw new Error(`invalid size ${s}: expected a non-negative integer number of bytes`);
    return s;
  }
  const t = s.trim();
  const hexM = /^0x([0-9a-f]+)$/i.exec(t);
  if (hexM)
    return checkSafe(parseInt(hexM[1], 16), s);
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtpe]?)(i?b)?$/i.exec(t);
  if (!m)
    throw new Error(`invalid size "${s}": expected a number with an optional K/M/G/T/P/E suffix, e.g. 128G or 4K`);
  const unit = UNITS[m[2].toUpperCase()];
  const bytes = Number(m[1]) * 1024 ** unit;
  if (!Number.isInteger(bytes))
    throw new Error(`invalid size "${s}": not a whole number of bytes`);
  return checkSafe(bytes, s);
}
function checkSafe(n, original) {
  if (!Number.isSafeInteger(n))
    throw new Error(`invalid size "${original}": larger than 2^53 bytes`);
  return n;
}
function formatSize(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toFixed(2))} ${units[i]}`;
}
function memmapCost(bytes, pageSize, structPageSize = 64) {
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    throw new Error(`invalid region size ${bytes}: expected a non-negative integer`);
  if (!Number.isSafeInteger(pageSize) || pageSize <= 0 || (pageSize & pageSize - 1) !== 0) {
    throw new Error(`invalid page size ${pageSize}: expected a power of two such as 4096`);
  }
  if (!Number.isSafeInteger(structPageSize) || structPageSize <= 0) {
    throw new Error(`invalid struct page size ${structPageSize}: expected a positive integer (64 on 64-bit kernels)`);
  }
  const pages = Math.ceil(bytes / pageSize);
  const memmapBytes = pages * structPageSize;
  const human = formatSize(memmapBytes);
  const ratio = structPageSize / pageSize;
  return {
    regionBytes: bytes,
    pageSize,
    structPageSize,
    pages,
    memmapBytes,
    ratio,
    human,
    explanation: `${formatSize(bytes)} / ${formatSize(pageSize)} pages = ${pages} struct pages \xD7 ${structPageSize} B = ${human} of system RAM (${Number((ratio * 100).toPrecision(3))}% of the region); P2PDMA memmap has no vmem_altmap, so it always lives in RAM (mm/memremap.c).`
  };
}

// dist/src/model/platforms.js
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// dist/src/model/kconfig.js
var REQUIRED_KCONFIG = [
  "64BIT",
  "PCI_P2PDMA",
  "ZONE_DEVICE",
  "VMAP_STACK",
  "HIGHMEM",
  "IOMMU_DMA",
  "SWIOTLB",
  "NEED_SG_DMA_FLAGS"
];
var ALL_KCONFIG = [
  ...REQUIRED_KCONFIG,
  "NEED_SG_DMA_LENGTH",
  "DEVICE_PRIVATE",
  "SPARSEMEM_VMEMMAP",
  "ARCH_HAS_DMA_OPS",
  "DMA_API_DEBUG",
  "DEBUG_SG"
];
var KCONFIG_DEFAULTS = {
  "64BIT": true,
  PCI_P2PDMA: false,
  ZONE_DEVICE: false,
  VMAP_STACK: true,
  HIGHMEM: false,
  IOMMU_DMA: false,
  SWIOTLB: true,
  NEED_SG_DMA_FLAGS: false,
  NEED_SG_DMA_LENGTH: true,
  DEVICE_PRIVATE: false,
  SPARSEMEM_VMEMMAP: true,
  ARCH_HAS_DMA_OPS: false,
  DMA_API_DEBUG: false,
  DEBUG_SG: false
};
var KCONFIG_CONSTRAINTS = [
  // PCI_P2PDMA "depends on ZONE_DEVICE" and "depends on 64BIT" (since ≈6.0), and selects NEED_SG_DMA_FLAGS.
  { symbol: "PCI_P2PDMA", requires: "ZONE_DEVICE", value: true, source: "drivers/pci/Kconfig" },
  { symbol: "PCI_P2PDMA", requires: "64BIT", value: true, source: "drivers/pci/Kconfig" },
  { symbol: "PCI_P2PDMA", requires: "NEED_SG_DMA_FLAGS", value: true, source: "drivers/pci/Kconfig" },
  // HIGHMEM only exists on 32-bit kernels.
  { symbol: "HIGHMEM", requires: "64BIT", value: false, source: "arch/x86/Kconfig" },
  // ZONE_DEVICE depends on SPARSEMEM_VMEMMAP (and memory hotplug/hot-remove).
  { symbol: "ZONE_DEVICE", requires: "SPARSEMEM_VMEMMAP", value: true, source: "mm/Kconfig" }
];
function completeKernelConfig(partial) {
  const out = { ...KCONFIG_DEFAULTS };
  for (const sym of ALL_KCONFIG) {
    const v = partial[sym];
    if (v !== void 0)
      out[sym] = v;
  }
  return Object.freeze(out);
}
function kernelConfigProblems(cfg) {
  const problems = [];
  for (const c of KCONFIG_CONSTRAINTS) {
    if (cfg[c.symbol] && cfg[c.requires] !== c.value) {
      problems.push(`CONFIG_${c.symbol}=y requires CONFIG_${c.requires}=${c.value ? "y" : "n"} (${c.source})`);
    }
  }
  return problems;
}

// dist/src/model/platforms/bundled.js
var BUNDLED_PLATFORM_INPUTS = {
  "amd-zen-iommu": {
    "name": "amd-zen-iommu",
    "description": "AMD EPYC (Zen 3) with AMD-Vi on; NVMe CMB and RDMA NIC under different root complexes; CPU rule allows the host-bridge path",
    "arch": "x86_64",
    "pageSize": "4K",
    "kernelConfig": {
      "64BIT": true,
      "PCI_P2PDMA": true,
      "ZONE_DEVICE": true,
      "VMAP_STACK": true,
      "HIGHMEM": false,
      "IOMMU_DMA": true,
      "SWIOTLB": true,
      "NEED_SG_DMA_FLAGS": true
    },
    "canonical": {
      "provider": "nvme-cmb",
      "client": "rnic",
      "providerLabel": "NVMe CMB",
      "clientLabel": "RDMA NIC"
    },
    "topology": {
      "name": "amd-zen-iommu",
      "cpu": {
        "vendor": "amd",
        "family": 25,
        "arch": "x86_64"
      },
      "iommu": {
        "enabled": true
      },
      "hostBridges": [
        {
          "id": "pci0000:40",
          "domain": 0,
          "bus": 64
        },
        {
          "id": "pci0000:80",
          "domain": 0,
          "bus": 128
        }
      ],
      "devices": [
        {
          "id": "rc40",
          "bdf": "0000:40:00.0",
          "kind": "host_bridge",
          "hb": "pci0000:40",
          "upstream": null,
          "name": "AMD Starship/Matisse Root Complex",
          "vendor": "1022",
          "device": "1480"
        },
        {
          "id": "gpp40",
          "bdf": "0000:40:01.1",
          "kind": "root_port",
          "hb": "pci0000:40",
          "upstream": null,
          "name": "AMD Starship/Matisse GPP Bridge",
          "vendor": "1022",
          "device": "1483",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "nvme-cmb",
          "bdf": "0000:41:00.0",
          "kind": "endpoint",
          "upstream": "gpp40",
          "name": "Samsung PM173X NVMe SSD with CMB",
          "vendor": "144d",
          "device": "a824",
          "p2pdmaInit": true,
          "bars": [
            {
              "index": 4,
              "cpuStart": "0x30000000000",
              "size": "0x2000000"
            }
          ]
        },
        {
          "id": "rc80",
          "bdf": "0000:80:00.0",
          "kind": "host_bridge",
          "hb": "pci0000:80",
          "upstream": null,
          "name": "AMD Starship/Matisse Root Complex",
          "vendor": "1022",
          "device": "1480"
        },
        {
          "id": "gpp80",
          "bdf": "0000:80:03.1",
          "kind": "root_port",
          "hb": "pci0000:80",
          "upstream": null,
          "name": "AMD Starship/Matisse GPP Bridge",
          "vendor": "1022",
          "device": "1483",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "rnic",
          "bdf": "0000:81:00.0",
          "kind": "endpoint",
          "upstream": "gpp80",
          "name": "Mellanox MT2892 Family [ConnectX-6 Dx]",
          "vendor": "15b3",
          "device": "101d"
        },
        {
          "id": "rnic-fn1",
          "bdf": "0000:81:00.1",
          "kind": "endpoint",
          "upstream": "gpp80",
          "name": "Mellanox MT2892 Family [ConnectX-6 Dx] (port 2)",
          "vendor": "15b3",
          "device": "101d"
        }
      ]
    }
  },
  "arm64-smmu": {
    "name": "arm64-smmu",
    "description": "Ampere Altra (arm64) with SMMUv3, 64K pages; NVMe CMB and NIC under different root ports; host bridge not allow-listed (-EREMOTEIO)",
    "arch": "arm64",
    "pageSize": "64K",
    "kernelConfig": {
      "64BIT": true,
      "PCI_P2PDMA": true,
      "ZONE_DEVICE": true,
      "VMAP_STACK": true,
      "HIGHMEM": false,
      "IOMMU_DMA": true,
      "SWIOTLB": true,
      "NEED_SG_DMA_FLAGS": true
    },
    "canonical": {
      "provider": "nvme-cmb",
      "client": "nic",
      "providerLabel": "NVMe CMB",
      "clientLabel": "100G NIC"
    },
    "topology": {
      "name": "arm64-smmu",
      "cpu": {
        "vendor": "ampere",
        "arch": "arm64"
      },
      "iommu": {
        "enabled": true
      },
      "hostBridges": [
        {
          "id": "pci0000:00",
          "domain": 0
        }
      ],
      "devices": [
        {
          "id": "rp0",
          "bdf": "0000:00:01.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Ampere Computing Altra PCI Express Root Port a0",
          "vendor": "1def",
          "device": "e101",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "rp1",
          "bdf": "0000:00:03.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Ampere Computing Altra PCI Express Root Port a2",
          "vendor": "1def",
          "device": "e103",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "nvme-cmb",
          "bdf": "0000:01:00.0",
          "kind": "endpoint",
          "upstream": "rp0",
          "name": "Eideticom NoLoad NVMe with CMB",
          "vendor": "1d82",
          "device": "0301",
          "p2pdmaInit": true,
          "bars": [
            {
              "index": 2,
              "cpuStart": "0x300040000000",
              "size": "0x4000000",
              "pciBusAddr": "0x40000000"
            }
          ]
        },
        {
          "id": "nic",
          "bdf": "0000:02:00.0",
          "kind": "endpoint",
          "upstream": "rp1",
          "name": "Broadcom BCM57508 NetXtreme-E 100G",
          "vendor": "14e4",
          "device": "1750"
        }
      ]
    }
  },
  "ppc64-custom-ops": {
    "name": "ppc64-custom-ops",
    "description": "IBM POWER9 (ppc64le) pseries with custom dma_map_ops (TCE iommu); same-switch NVMe pair is BUS_ADDR topologically but P2PDMA is unsupported",
    "arch": "ppc64le",
    "pageSize": "64K",
    "kernelConfig": {
      "64BIT": true,
      "PCI_P2PDMA": true,
      "ZONE_DEVICE": true,
      "VMAP_STACK": true,
      "HIGHMEM": false,
      "IOMMU_DMA": false,
      "SWIOTLB": true,
      "NEED_SG_DMA_FLAGS": true,
      "ARCH_HAS_DMA_OPS": true
    },
    "dmaOps": "custom",
    "canonical": {
      "provider": "nvme0",
      "client": "nvme1",
      "providerLabel": "NVMe CMB",
      "clientLabel": "second NVMe controller"
    },
    "topology": {
      "name": "ppc64-custom-ops",
      "cpu": {
        "vendor": "ibm",
        "arch": "ppc64le"
      },
      "iommu": {
        "enabled": true,
        "requestAcs": false
      },
      "hostBridges": [
        {
          "id": "pci0030:00",
          "domain": 48
        }
      ],
      "devices": [
        {
          "id": "phb-rp",
          "bdf": "0030:00:00.0",
          "kind": "root_port",
          "upstream": null,
          "name": "IBM POWER9 Host Bridge (PHB4)",
          "vendor": "1014",
          "device": "04c1",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "sw-up",
          "bdf": "0030:01:00.0",
          "kind": "switch_up",
          "upstream": "phb-rp",
          "name": "Broadcom PEX 88000 switch (upstream port)",
          "vendor": "10b5",
          "device": "9733"
        },
        {
          "id": "sw-dn0",
          "bdf": "0030:02:00.0",
          "kind": "switch_down",
          "upstream": "sw-up",
          "vendor": "10b5",
          "device": "9733",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF",
            "EC"
          ]
        },
        {
          "id": "sw-dn1",
          "bdf": "0030:02:01.0",
          "kind": "switch_down",
          "upstream": "sw-up",
          "vendor": "10b5",
          "device": "9733",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF",
            "EC"
          ]
        },
        {
          "id": "nvme0",
          "bdf": "0030:03:00.0",
          "kind": "endpoint",
          "upstream": "sw-dn0",
          "name": "Eideticom NoLoad NVMe with CMB",
          "vendor": "1d82",
          "device": "0301",
          "p2pdmaInit": true,
          "bars": [
            {
              "index": 2,
              "cpuStart": "0x600c000000000",
              "size": "0x4000000",
              "pciBusAddr": "0x80000000"
            }
          ]
        },
        {
          "id": "nvme1",
          "bdf": "0030:04:00.0",
          "kind": "endpoint",
          "upstream": "sw-dn1",
          "name": "HGST Ultrastar SN200 NVMe",
          "vendor": "1c58",
          "device": "0023"
        }
      ]
    }
  },
  "x86_32-highmem": {
    "name": "x86_32-highmem",
    "description": "32-bit x86 with HIGHMEM; no ZONE_DEVICE, no PCI_P2PDMA, no VMAP_STACK",
    "arch": "x86",
    "pageSize": "4K",
    "structPageSize": 32,
    "kernelConfig": {
      "64BIT": false,
      "PCI_P2PDMA": false,
      "ZONE_DEVICE": false,
      "VMAP_STACK": false,
      "HIGHMEM": true,
      "IOMMU_DMA": false,
      "SWIOTLB": false,
      "NEED_SG_DMA_FLAGS": false,
      "SPARSEMEM_VMEMMAP": false
    },
    "canonical": {
      "provider": "sata",
      "client": "nic",
      "providerLabel": "SATA controller",
      "clientLabel": "Ethernet NIC"
    },
    "topology": {
      "name": "x86_32-highmem",
      "cpu": {
        "vendor": "intel",
        "family": 6,
        "arch": "x86"
      },
      "iommu": {
        "enabled": false
      },
      "hostBridges": [
        {
          "id": "pci0000:00",
          "domain": 0
        }
      ],
      "devices": [
        {
          "id": "host",
          "bdf": "0000:00:00.0",
          "kind": "host_bridge",
          "upstream": null,
          "name": "Intel Mobile 4 Series Chipset Memory Controller Hub",
          "vendor": "8086",
          "device": "2a40"
        },
        {
          "id": "sata",
          "bdf": "0000:00:1f.2",
          "kind": "rciep",
          "upstream": null,
          "name": "Intel 82801IBM/IEM (ICH9M/ICH9M-E) 4 port SATA Controller [AHCI mode]",
          "vendor": "8086",
          "device": "2929"
        },
        {
          "id": "rp1",
          "bdf": "0000:00:1c.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Intel 82801I (ICH9 Family) PCI Express Port 1",
          "vendor": "8086",
          "device": "2940"
        },
        {
          "id": "nic",
          "bdf": "0000:02:00.0",
          "kind": "endpoint",
          "upstream": "rp1",
          "name": "Intel 82567LM Gigabit Network Connection",
          "vendor": "8086",
          "device": "10f5"
        }
      ]
    }
  },
  "x86_64-switch-noiommu": {
    "name": "x86_64-switch-noiommu",
    "description": "Intel workstation, IOMMU off; two NVMe drives behind a Microchip PCIe switch (BUS_ADDR); host bridge 8086:3e30 not allow-listed",
    "arch": "x86_64",
    "pageSize": "4K",
    "kernelConfig": {
      "64BIT": true,
      "PCI_P2PDMA": true,
      "ZONE_DEVICE": true,
      "VMAP_STACK": true,
      "HIGHMEM": false,
      "IOMMU_DMA": false,
      "SWIOTLB": true,
      "NEED_SG_DMA_FLAGS": true
    },
    "canonical": {
      "provider": "nvme0",
      "client": "nvme1",
      "providerLabel": "NVMe CMB",
      "clientLabel": "second NVMe controller"
    },
    "topology": {
      "name": "x86_64-switch-noiommu",
      "cpu": {
        "vendor": "intel",
        "family": 6,
        "arch": "x86_64"
      },
      "iommu": {
        "enabled": false
      },
      "hostBridges": [
        {
          "id": "pci0000:00",
          "domain": 0
        }
      ],
      "devices": [
        {
          "id": "host",
          "bdf": "0000:00:00.0",
          "kind": "host_bridge",
          "upstream": null,
          "name": "Intel 8th/9th Gen Core 8-core Desktop Processor Host Bridge/DRAM Registers",
          "vendor": "8086",
          "device": "3e30"
        },
        {
          "id": "rp-peg",
          "bdf": "0000:00:01.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Intel 6th-10th Gen Core Processor PCIe Controller (x16)",
          "vendor": "8086",
          "device": "1901"
        },
        {
          "id": "rp-pch",
          "bdf": "0000:00:1c.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Intel Cannon Lake PCH PCI Express Root Port #1",
          "vendor": "8086",
          "device": "a390",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "sw-up",
          "bdf": "0000:01:00.0",
          "kind": "switch_up",
          "upstream": "rp-peg",
          "name": "Microchip PM40028 Switchtec PFX 28xG4 (upstream port)",
          "vendor": "11f8",
          "device": "4028"
        },
        {
          "id": "sw-dn0",
          "bdf": "0000:02:00.0",
          "kind": "switch_down",
          "upstream": "sw-up",
          "vendor": "11f8",
          "device": "4028",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF",
            "EC",
            "DT"
          ]
        },
        {
          "id": "sw-dn1",
          "bdf": "0000:02:01.0",
          "kind": "switch_down",
          "upstream": "sw-up",
          "vendor": "11f8",
          "device": "4028",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF",
            "EC",
            "DT"
          ]
        },
        {
          "id": "nvme0",
          "bdf": "0000:03:00.0",
          "kind": "endpoint",
          "upstream": "sw-dn0",
          "name": "Eideticom NoLoad NVMe with CMB",
          "vendor": "1d82",
          "device": "0301",
          "p2pdmaInit": true,
          "bars": [
            {
              "index": 2,
              "cpuStart": "0xa0000000",
              "size": "0x4000000"
            }
          ]
        },
        {
          "id": "nvme1",
          "bdf": "0000:04:00.0",
          "kind": "endpoint",
          "upstream": "sw-dn1",
          "name": "Intel NVMe Datacenter SSD [3DNAND, Beta Rock Controller]",
          "vendor": "8086",
          "device": "0a54"
        },
        {
          "id": "nic",
          "bdf": "0000:05:00.0",
          "kind": "endpoint",
          "upstream": "rp-pch",
          "name": "Intel I210 Gigabit Network Connection",
          "vendor": "8086",
          "device": "1533"
        }
      ]
    }
  },
  "x86_64-vtd": {
    "name": "x86_64-vtd",
    "description": "Intel Xeon (Skylake-SP) with VT-d on; NVMe CMB and RDMA NIC behind one PCIe switch; root port 8086:2030 is allow-listed",
    "arch": "x86_64",
    "pageSize": "4K",
    "kernelConfig": {
      "64BIT": true,
      "PCI_P2PDMA": true,
      "ZONE_DEVICE": true,
      "VMAP_STACK": true,
      "HIGHMEM": false,
      "IOMMU_DMA": true,
      "SWIOTLB": true,
      "NEED_SG_DMA_FLAGS": true
    },
    "canonical": {
      "provider": "nvme-cmb",
      "client": "rnic",
      "providerLabel": "NVMe controller memory buffer",
      "clientLabel": "RDMA NIC"
    },
    "topology": {
      "name": "x86_64-vtd",
      "cpu": {
        "vendor": "intel",
        "family": 6,
        "arch": "x86_64"
      },
      "iommu": {
        "enabled": true
      },
      "hostBridges": [
        {
          "id": "pci0000:00",
          "domain": 0,
          "bus": 0
        }
      ],
      "devices": [
        {
          "id": "rp-a",
          "bdf": "0000:00:00.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Intel Sky Lake-E PCI Express Root Port A",
          "vendor": "8086",
          "device": "2030",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "rp-b",
          "bdf": "0000:00:01.0",
          "kind": "root_port",
          "upstream": null,
          "name": "Intel Sky Lake-E PCI Express Root Port B",
          "vendor": "8086",
          "device": "2031",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF"
          ]
        },
        {
          "id": "sw-up",
          "bdf": "0000:01:00.0",
          "kind": "switch_up",
          "upstream": "rp-a",
          "name": "PLX PEX 8747 48-lane switch (upstream port)",
          "vendor": "10b5",
          "device": "8747"
        },
        {
          "id": "sw-dn0",
          "bdf": "0000:02:00.0",
          "kind": "switch_down",
          "upstream": "sw-up",
          "vendor": "10b5",
          "device": "8747",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF",
            "EC",
            "DT"
          ]
        },
        {
          "id": "sw-dn1",
          "bdf": "0000:02:01.0",
          "kind": "switch_down",
          "upstream": "sw-up",
          "vendor": "10b5",
          "device": "8747",
          "acsCap": [
            "SV",
            "RR",
            "CR",
            "UF",
            "EC",
            "DT"
          ]
        },
        {
          "id": "nvme-cmb",
          "bdf": "0000:03:00.0",
          "kind": "endpoint",
          "upstream": "sw-dn0",
          "name": "Samsung PM173X NVMe SSD with CMB",
          "vendor": "144d",
          "device": "a824",
          "p2pdmaInit": true,
          "bars": [
            {
              "index": 4,
              "cpuStart": "0x383ffe000000",
              "size": "0x2000000"
            }
          ]
        },
        {
          "id": "rnic",
          "bdf": "0000:04:00.0",
          "kind": "endpoint",
          "upstream": "sw-dn1",
          "name": "Mellanox MT28908 Family [ConnectX-6]",
          "vendor": "15b3",
          "device": "101b"
        },
        {
          "id": "rnic-vf0",
          "bdf": "0000:04:00.2",
          "kind": "vf",
          "physfn": "rnic",
          "name": "Mellanox ConnectX Family mlx5Gen Virtual Function",
          "vendor": "15b3",
          "device": "101c"
        },
        {
          "id": "gpu",
          "bdf": "0000:05:00.0",
          "kind": "endpoint",
          "upstream": "rp-b",
          "name": "NVIDIA TU104GL [Tesla T4]",
          "vendor": "10de",
          "device": "1eb8"
        }
      ]
    }
  }
};

// dist/src/model/platforms.js
var PACKAGE_NAME = "p2pdma-review";
function bundledPlatformDir(fromUrl = import.meta.url) {
  const known = PLATFORM_DIRS.get(fromUrl);
  if (known)
    return known;
  const found = findPlatformDir(fromUrl);
  PLATFORM_DIRS.set(fromUrl, found);
  return found;
}
var PLATFORM_DIRS = /* @__PURE__ */ new Map();
function findPlatformDir(fromUrl) {
  let dir = dirname(fileURLToPath(fromUrl));
  for (; ; ) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, "utf8")).name === PACKAGE_NAME) {
          return join(dir, "src", "model", "platforms");
        }
      } catch {
      }
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}
var PlatformError = class extends Error {
  issues;
  constructor(origin, issues) {
    super(`invalid platform ${origin}:
${issues.map((i) => `  ${i.path || "(root)"}: ${i.message}`).join("\n")}`);
    this.name = "PlatformError";
    this.issues = issues;
  }
};
var schemaCache2;
function platformSchema() {
  if (schemaCache2)
    return schemaCache2;
  const z = zod();
  const kconfigShape = {};
  for (const k of ALL_KCONFIG)
    kconfigShape[k] = z.boolean().optional();
  schemaCache2 = z.object({
    name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" and "-" only'),
    description: z.string().optional(),
    arch: z.enum(["x86_64", "x86", "arm64", "arm", "ppc64", "ppc64le", "riscv64", "s390x", "loongarch64", "other"]),
    pageSize: z.union([z.number().int().positive(), z.string()]),
    structPageSize: z.number().int().positive().optional(),
    kernel: z.string().optional(),
    kernelConfig: z.object(kconfigShape).strict(),
    dmaOps: z.enum(["direct", "iommu", "custom"]).optional(),
    canonical: z.object({ provider: z.string(), client: z.string(), providerLabel: z.string().optional(), clientLabel: z.string().optional() }).strict().optional(),
    topology: z.record(z.string(), z.unknown()).optional(),
    topologyFile: z.string().optional()
  }).strict();
  return schemaCache2;
}
function formatPath2(path) {
  return path.reduce((acc, k) => typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k), "");
}
function platformFromObject(raw, origin, baseDir = process.cwd()) {
  return buildPlatform(validatePlatformInput(raw, origin), origin, baseDir, false);
}
function validatePlatformInput(raw, origin) {
  const parsed = platformSchema().safeParse(raw);
  if (!parsed.success) {
    throw new PlatformError(origin, parsed.error.issues.map((i) => ({ path: formatPath2(i.path), message: i.message })));
  }
  return parsed.data;
}
function buildPlatform(input, origin, baseDir, topologyValidated) {
  const issues = [];
  for (const k of REQUIRED_KCONFIG) {
    if (input.kernelConfig[k] === void 0)
      issues.push({ path: `kernelConfig.${k}`, message: `required (true or false)` });
  }
  const kernelConfig = completeKernelConfig(input.kernelConfig);
  for (const p2 of kernelConfigProblems(kernelConfig))
    issues.push({ path: "kernelConfig", message: p2 });
  let pageSize = 0;
  try {
    pageSize = parseSize(input.pageSize);
    if ((pageSize & pageSize - 1) !== 0 || pageSize < 4096)
      issues.push({ path: "pageSize", message: `${input.pageSize} is not a power of two \u2265 4K` });
  } catch (e) {
    issues.push({ path: "pageSize", message: e.message });
  }
  if (input.kernel !== void 0 && !tryParseKernelVersion(input.kernel))
    issues.push({ path: "kernel", message: `"${input.kernel}" is not a kernel version` });
  if (!input.topology === !input.topologyFile)
    issues.push({ path: "topology", message: "give exactly one of topology or topologyFile" });
  if (issues.length)
    throw new PlatformError(origin, issues);
  let topology;
  try {
    if (input.topologyFile) {
      const file = resolve(baseDir, input.topologyFile);
      if (!existsSync(file))
        throw new PlatformError(origin, [{ path: "topologyFile", message: `no file at ${file}` }]);
      topology = loadTopology(readFileSync(file, "utf8"), file);
    } else if (topologyValidated) {
      topology = resolveTopology(input.topology, `${origin} (topology)`);
    } else {
      topology = loadTopology(input.topology, `${origin} (topology)`);
    }
  } catch (e) {
    if (e instanceof TopologyError) {
      throw new PlatformError(origin, e.issues.map((i) => ({ path: `topology.${i.path}`, message: i.message })));
    }
    throw e;
  }
  if (topology.cpu.arch !== "other" && topology.cpu.arch !== input.arch) {
    throw new PlatformError(origin, [{ path: "topology.cpu.arch", message: `${topology.cpu.arch} contradicts the platform arch ${input.arch}` }]);
  }
  topology.cpu.arch = input.arch;
  const platform = {
    name: input.name,
    arch: input.arch,
    pageSize,
    structPageSize: input.structPageSize ?? (kernelConfig["64BIT"] ? 64 : 32),
    kernelConfig,
    topology,
    origin
  };
  if (input.description)
    platform.description = input.description;
  if (input.dmaOps)
    platform.dmaOps = input.dmaOps;
  if (input.kernel)
    platform.kernel = input.kernel;
  if (input.canonical) {
    for (const role of ["provider", "client"]) {
      if (!tryFindDevice(topology, input.canonical[role])) {
        throw new PlatformError(origin, [{ path: `canonical.${role}`, message: `unknown device "${input.canonical[role]}"` }]);
      }
    }
    platform.canonical = input.canonical;
  }
  return platform;
}
function platformFromTopology(given, name = given.name ?? "imported") {
  const arch = given.cpu.arch === "other" ? "x86_64" : given.cpu.arch;
  const topology = given.cpu.arch === arch ? given : loadTopology({ ...given.input, cpu: { ...given.input.cpu, arch } }, given.origin);
  const sixtyFour = arch !== "x86" && arch !== "arm";
  const platform = {
    name,
    description: `derived from topology ${topology.origin}`,
    arch,
    pageSize: 4096,
    structPageSize: sixtyFour ? 64 : 32,
    kernelConfig: completeKernelConfig({
      "64BIT": sixtyFour,
      PCI_P2PDMA: sixtyFour,
      ZONE_DEVICE: sixtyFour,
      VMAP_STACK: true,
      HIGHMEM: false,
      IOMMU_DMA: topology.iommu.enabled,
      SWIOTLB: true,
      NEED_SG_DMA_FLAGS: sixtyFour
    }),
    topology,
    origin: topology.origin
  };
  const pair = deriveCanonicalPair(topology);
  if (pair)
    platform.canonical = pair;
  return platform;
}
function deriveCanonicalPair(topology) {
  const endpoints = topology.devices.filter((d) => d.pci && (d.kind === "endpoint" || d.kind === "rciep" || d.kind === "vf"));
  const provider = endpoints.find((d) => d.pci && d.p2pdmaInit) ?? endpoints.find((d) => /non-volatile|nvme/i.test(d.name ?? "")) ?? endpoints[0];
  if (!provider)
    return void 0;
  const others = endpoints.filter((d) => d !== provider);
  const client = others.find((d) => /ethernet|network|infiniband|mellanox|connectx|rdma/i.test(d.name ?? "")) ?? others[0];
  if (!client)
    return void 0;
  return { provider: provider.id, client: client.id };
}
var CACHE = /* @__PURE__ */ new Map();
function bundledPlatforms() {
  const dir = bundledPlatformDir();
  return readdirSync(dir).filter((f) => f.endsWith(".yml")).sort().map((f) => {
    const p2 = loadPlatform(join(dir, f));
    return { name: p2.name, description: p2.description ?? "", file: join(dir, f) };
  });
}
function loadPlatform(nameOrPath) {
  const dir = bundledPlatformDir();
  const bundled = /^[A-Za-z0-9_.-]+$/.test(nameOrPath) ? join(dir, `${nameOrPath}.yml`) : void 0;
  const file = bundled && (precompiledInput(bundled, dir) || existsSync(bundled)) ? bundled : resolve(nameOrPath);
  const cached = CACHE.get(file);
  if (cached)
    return cached;
  const origin = file === bundled ? `${nameOrPath} (bundled)` : file;
  const precompiled = precompiledInput(file, dir);
  let platform;
  if (precompiled) {
    platform = buildPlatform(structuredClone(precompiled), origin, dirname(file), true);
  } else {
    if (!existsSync(file)) {
      const names = readdirSync(dir).filter((f) => f.endsWith(".yml")).map((f) => f.slice(0, -4)).sort();
      throw new Error(`unknown platform "${nameOrPath}": not a bundled profile (${names.join(", ")}) and no file at ${file}`);
    }
    const raw = parseYamlOrPlatformError(readFileSync(file, "utf8"), origin);
    const looksLikeTopology = typeof raw === "object" && raw !== null && "hostBridges" in raw && !("kernelConfig" in raw);
    platform = looksLikeTopology ? platformFromTopology(loadTopology(raw, file)) : platformFromObject(raw, origin, dirname(file));
  }
  if (file === bundled && platform.name !== nameOrPath) {
    throw new PlatformError(origin, [{ path: "name", message: `"${platform.name}" must match the file name "${nameOrPath}"` }]);
  }
  CACHE.set(file, platform);
  return platform;
}
function precompiledInput(file, dir) {
  if (dirname(file) !== dir || !file.endsWith(".yml"))
    return void 0;
  const name = basename(file, ".yml");
  return Object.hasOwn(BUNDLED_PLATFORM_INPUTS, name) ? BUNDLED_PLATFORM_INPUTS[name] : void 0;
}
function parseYamlOrPlatformError(text, origin) {
  try {
    return parseYamlText(text, origin);
  } catch (e) {
    if (e instanceof TopologyError)
      throw new PlatformError(origin, [...e.issues]);
    throw e;
  }
}
function platformP2pSummary(platform, opts = {}) {
  const pair = platform.canonical ?? deriveCanonicalPair(platform.topology);
  if (!pair)
    throw new Error(`platform ${platform.name} has no canonical provider/client pair and no two endpoints to derive one from`);
  const e = explainPair(platform, pair.provider, pair.client, opts);
  return {
    platform: platform.name,
    provider: e.provider,
    client: e.client,
    mapType: e.mapType,
    dmaOutcome: e.dmaOutcome,
    distance: e.distance,
    explanation: e.summary
  };
}

export {
  contract,
  apiStatus,
  removedIdentifiers,
  TopologyError,
  topologyToYaml,
  explainPair,
  formatPairExplanation,
  isMemoryKindId,
  memoryKind,
  kindExists,
  kindProperty,
  LspciParseError,
  importLspci,
  parseSize,
  formatSize,
  memmapCost,
  PlatformError,
  platformFromTopology,
  bundledPlatforms,
  loadPlatform,
  platformP2pSummary
};
