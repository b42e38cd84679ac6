// What the analysis needs to know about a called function, asked of the model's contract catalogue. Keeping
// this behind a narrow interface lets tests give the analysis a small fake model and keeps kernel facts in
// src/model.
import type { Expr } from '../c/ir.js';

/** The part of an API contract the analysis reads (a structural subset of the model's ApiContract). */
export interface ContractView {
  name: string;
  category?: string;
  params?: readonly { name: string; role: string; accepts?: readonly string[] }[];
  returns?: { kind?: string; kindFromGfp?: boolean; error?: string; value?: string };
  lock?: { cls: string; op: 'acquire' | 'release' };
  mightSleep?: boolean | 'gfp';
  source?: string;
}

export interface ModelLookup {
  contract(name: string): ContractView | undefined;
  /** For converters such as virt_to_page(p): the index of the argument whose kind the result keeps. */
  passesThrough(name: string): number | undefined;
  /** A short label of a memory kind or value class ("an __iomem MMIO mapping"). */
  describe(kind: string): string;
}

type Call = Extract<Expr, { k: 'call' }>;

/** GFP flags that make a page allocation highmem-capable (include/linux/gfp_types.h). */
const HIGHMEM_GFP = /__GFP_HIGHMEM|GFP_HIGHUSER/;

/** The memory kind a call returns, if its contract says so. */
export function memoryKindOfCall(call: Call, model: ModelLookup): { kind: string; why: string } | undefined {
  const c = model.contract(call.callee);
  const kind = c?.returns?.kind;
  if (!c || !kind) return undefined;
  if (c.returns?.kindFromGfp && call.args.some((a) => HIGHMEM_GFP.test(a.text))) {
    return { kind: 'highmem', why: `a possibly-highmem page (${call.callee} with a highmem GFP flag)` };
  }
  return { kind, why: `${model.describe(kind)} (${c.source ?? 'contract'})` };
}

/** Non-memory value classes (DMA address, mapped count, bus address), from the contract. */
export function valueClassOfCall(call: Call, model: ModelLookup): { kind: string; why: string } | undefined {
  const c = model.contract(call.callee);
  if (!c?.returns) return undefined;
  const value = c.returns.value ?? valueFromConvention(c.returns.error);
  if (!value) return undefined;
  return { kind: value, why: `${model.describe(value)} (${c.source ?? 'contract'})` };
}

function valueFromConvention(error: string | undefined): string | undefined {
  switch (error) {
    case 'zero-count': return 'mapped-count';
    case 'zero-success-negative-errno': return 'map-status';
    case 'dma-mapping-error': return 'dma-addr';
    default: return undefined;
  }
}

/** The GFP argument text of a call, if any argument mentions GFP flags. */
export function gfpArgument(call: Call): string | undefined {
  // Both spellings contain `GFP_`: the substring test spares the regex for almost every argument.
  return call.args.find((a) => a.text.includes('GFP_') && /\bGFP_|__GFP_/.test(a.text))?.text;
}

/** GFP masks that allow direct reclaim, i.e. the allocation may sleep (include/linux/gfp_types.h). */
export function gfpMaySleep(gfp: string): boolean {
  if (/GFP_ATOMIC|GFP_NOWAIT/.test(gfp)) return false;
  return /GFP_KERNEL|GFP_NOFS|GFP_NOIO|GFP_USER|GFP_HIGHUSER|__GFP_DIRECT_RECLAIM|GFP_DMA\b|GFP_DMA32\b/.test(gfp);
}

/** Whether a call may sleep, with the reason. */
export function callMaySleep(call: Call, model: ModelLookup): string | undefined {
  const c = model.contract(call.callee);
  const gfp = gfpArgument(call);
  if (gfp && gfpMaySleep(gfp)) return `${call.callee}() with ${gfp.trim()} may sleep in direct reclaim`;
  if (c?.mightSleep === true) return `${call.callee}() may sleep`;
  return undefined;
}
