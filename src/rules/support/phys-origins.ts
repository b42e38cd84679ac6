// Where a physical address, pfn or page argument comes from, looking through the arithmetic that turns one into
// another (`bar + off`, `phys >> PAGE_SHIFT`, PHYS_PFN(), pfn_to_page()) and through scatterlist accessors, then
// asking the provenance analysis. BAR addresses from the PCI resource helpers are recognised by name because the
// contract catalogue has no entry for them yet (see BAR_PHYS).
import type { Expr, FunctionIR } from '../../c/ir.js';
import { exprSitesOfKind, localDeclOf, stripCasts, structFieldsNamed, type FileAnalysis, type Origin } from '../../analysis/index.js';
import { containerOf, sameField } from './field-types.js';

/** pfn/phys arithmetic macros of include/linux/pfn.h and asm-generic/memory_model.h: the value keeps its source. */
const ADDRESS_ARITHMETIC = /^(PHYS_PFN|PFN_DOWN|PFN_UP|PFN_PHYS|__pfn_to_phys|__phys_to_pfn|phys_to_pfn|pfn_to_phys|ALIGN|ALIGN_DOWN|round_down|round_up)$/;

/**
 * Helpers returning the CPU physical address of a PCI BAR (include/linux/pci.h): MMIO without a memmap unless
 * registered as P2PDMA memory. The model's kind for such ranges is 'raw-pfn' (kernel-model.md A.1 row 15).
 */
const BAR_PHYS = /^(pci_resource_start|pci_resource_end)$/;

/** Scatterlist accessors whose result describes the entry's memory (include/linux/scatterlist.h). */
const SG_ACCESSORS = /^(sg_page|sg_virt|sg_phys)$/;

const MAX_DEPTH = 6;

function fieldOrigins(analysis: FileAnalysis, x: Extract<Expr, { k: 'field' }>, fn: FunctionIR, file: string, depth: number): Origin[] {
  const container = containerOf(x, fn, analysis.ir);
  const decls = structFieldsNamed(analysis.ir, x.field).filter((f) => !container || f.struct === container);
  if (decls.length && decls.every((d) => d.addressSpace === 'iomem')) {
    return [{ kind: 'iomem', chain: [{ file, line: decls[0].line, note: `struct field ${x.field} is declared __iomem` }] }];
  }
  const out: Origin[] = [];
  for (const other of analysis.functions) {
    for (const { expr: a } of exprSitesOfKind(other, 'assign')) {
      if (a.op !== '=' || a.left.k !== 'field' || !sameField(a.left, other, x, fn, analysis.ir)) continue;
      for (const o of addressOrigins(analysis, a.right, other, file, depth + 1)) {
        out.push({ kind: o.kind, chain: [...o.chain, { file, line: a.line, note: `stored in ${a.left.text}${other === fn ? '' : ` in ${other.name}()`}` }] });
      }
    }
  }
  return out.length ? out : [{ kind: 'unknown', chain: [{ file, line: x.line, note: `no visible store to ${x.text}` }] }];
}

/** Origins of an address-like expression, with BAR helpers and pfn arithmetic seen through. */
export function addressOrigins(analysis: FileAnalysis, e: Expr, fn: FunctionIR, file: string, depth = 0): Origin[] {
  const x = stripCasts(e);
  if (depth > MAX_DEPTH) return [{ kind: 'unknown', chain: [] }];
  if (x.k === 'binary' && ['+', '-', '>>', '<<', '|', '&'].includes(x.op)) {
    const left = addressOrigins(analysis, x.left, fn, file, depth + 1);
    if (left.some((o) => o.kind !== 'unknown' && o.kind !== 'integer') || x.op !== '+') return left;
    return addressOrigins(analysis, x.right, fn, file, depth + 1);
  }
  if (x.k === 'call') {
    if (BAR_PHYS.test(x.callee)) {
      return [{ kind: 'raw-pfn', chain: [{ file, line: x.line, note: `${x.callee}() is the CPU physical address of a PCI BAR (MMIO)` }] }];
    }
    if (ADDRESS_ARITHMETIC.test(x.callee) && x.args[0]) return addressOrigins(analysis, x.args[0], fn, file, depth + 1);
    if (SG_ACCESSORS.test(x.callee) && x.args[0]) return analysis.origins(x.args[0], fn);
    // Converters (pfn_to_page, page_to_phys, virt_to_phys, ...) keep the kind of their argument.
    const through = analysis.model.passesThrough(x.callee);
    if (through !== undefined && x.args[through]) {
      return addressOrigins(analysis, x.args[through], fn, file, depth + 1).map((o) => ({
        kind: o.kind, chain: [...o.chain, { file, line: x.line, note: `${x.callee}() of it` }],
      }));
    }
  }
  if (x.k === 'field' && x.field === 'start' && /\bresource\s*\[/.test(x.base.text)) {
    return [{ kind: 'raw-pfn', chain: [{ file, line: x.line, note: `${x.text} is the start of a PCI BAR (MMIO)` }] }];
  }
  // A struct field: only stores into the same field of the same struct count (the provenance analysis matches
  // fields by name alone, which mixes up `pool->base` and `chan->base`).
  if (x.k === 'field') return fieldOrigins(analysis, x, fn, file, depth);
  const direct = analysis.origins(x, fn);
  if (direct.some((o) => o.kind !== 'unknown' && o.kind !== 'integer')) return direct;
  // A local holding arithmetic on an address: follow its initialiser/assignments by hand.
  if (x.k === 'ident' && localDeclOf(fn, x.name)) {
    const decl = localDeclOf(fn, x.name)!;
    const rhs: Expr[] = decl.init ? [decl.init] : [];
    const viaAssign = analysis.provenance.scope(fn).assigns.get(x.name) ?? [];
    for (const a of viaAssign) if (!rhs.includes(a.rhs)) rhs.push(a.rhs);
    const out = rhs.flatMap((r) => addressOrigins(analysis, r, fn, file, depth + 1).map((o) => ({
      kind: o.kind, chain: [...o.chain, { file, line: r.line, note: `assigned to ${x.name}` }],
    })));
    if (out.some((o) => o.kind !== 'unknown' && o.kind !== 'integer')) return out;
  }
  return direct;
}
