// Where a pfn or physical address comes from, when that source says "no memmap": a PCI BAR or any struct
// resource range (`pci_resource_start()`, `res->start`), through the usual phys→pfn conversions. Only what the
// same file shows is followed; a pfn from a parameter stays unknown.
import type { Expr, FunctionIR } from '../../c/ir.js';
import { stripCasts, type FileAnalysis } from '../../analysis/index.js';
import { derivedSources, type DerivedSource } from './derived-from.js';

/** A physical address of device memory, and what it is. */
export interface PhysSource {
  what: string;
}

/**
 * Calls returning the CPU physical address of a BAR or bus window (include/linux/pci.h pci_resource_start/end;
 * drivers/pci/bus.c pci_bus_address returns a bus address of the same window).
 */
const BAR_PHYS = /^(pci_resource_start|pci_resource_end|pci_bus_address)$/;
/** phys → pfn conversions (include/linux/pfn.h PHYS_PFN/PFN_DOWN/PFN_UP, asm/memory_model.h __phys_to_pfn). */
const PHYS_TO_PFN = /^(PHYS_PFN|PFN_DOWN|PFN_UP|__phys_to_pfn|phys_to_pfn)$/;

/** Declared types that are resource ranges (include/linux/ioport.h, include/linux/range.h). */
function isResourceBase(analysis: FileAnalysis, fn: FunctionIR, base: Expr): boolean {
  const b = stripCasts(base);
  if (b.k === 'ident') {
    const scope = analysis.provenance.scope(fn);
    const decl = scope.locals.get(b.name) ?? scope.params.get(b.name);
    if (decl) return /\bstruct\s+(resource|range)\b/.test(decl.type);
    return false;
  }
  if (b.k === 'field') {
    // `pgmap->range`, `dev->res`, `pdev->resource[bar]` — struct fields named for a resource range.
    return /^(res|resource|range|mem|bar_res)$/.test(b.field);
  }
  if (b.k === 'index') return isResourceBase(analysis, fn, b.base);
  if (b.k === 'addr') return isResourceBase(analysis, fn, b.arg);
  return false;
}

/** Recognises a device physical address expression. */
export function physSource(analysis: FileAnalysis, fn: FunctionIR, e: Expr): PhysSource | undefined {
  const x = stripCasts(e);
  if (x.k === 'call' && BAR_PHYS.test(x.callee)) return { what: `${x.callee}() is the physical address of a PCI BAR` };
  if (x.k === 'field' && (x.field === 'start' || x.field === 'end') && isResourceBase(analysis, fn, x.base)) {
    return { what: `${x.text} is the start of a struct resource range (device memory unless registered with memremap_pages())` };
  }
  return undefined;
}

/** Physical-address sources `phys` (in `fn`) is derived from. */
export function physSources(analysis: FileAnalysis, fn: FunctionIR, phys: Expr): DerivedSource<PhysSource>[] {
  return derivedSources(analysis, phys, fn, (x, f) => physSource(analysis, f, x));
}

/**
 * Device-physical sources a pfn (in `fn`) is derived from: `phys >> PAGE_SHIFT`, PHYS_PFN(phys) and friends,
 * where `phys` is a BAR or resource address.
 */
export function pfnSources(analysis: FileAnalysis, fn: FunctionIR, pfn: Expr): DerivedSource<PhysSource>[] {
  return derivedSources(analysis, pfn, fn, (x, f) => {
    const y = stripCasts(x);
    let inner: Expr | undefined;
    if (y.k === 'binary' && y.op === '>>' && /PAGE_SHIFT/.test(y.right.text)) inner = y.left;
    else if (y.k === 'call' && PHYS_TO_PFN.test(y.callee)) inner = y.args[0];
    if (!inner) return undefined;
    const found = physSources(analysis, f, inner);
    return found.length ? { what: `${found[0].info.what}, converted to a pfn by \`${y.text.replace(/\s+/g, ' ')}\`` } : undefined;
  });
}
