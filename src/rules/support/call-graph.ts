// The same-file call graph: who calls a function defined in this image, and what a function reaches through
// helpers defined here. Rules use it to accept a check made by a caller ("the caller decided the map type")
// or to follow a teardown into the helper that frees.
import type { FunctionIR } from '../../c/ir.js';
import type { CallSite, FileAnalysis } from '../../analysis/index.js';

/** A call of a same-file function, with the function it stands in. */
export interface CallerSite {
  fn: FunctionIR;
  site: CallSite;
}

/** Call sites of `name` in the image (excluding recursive calls from a function of that name). */
export function callersOf(analysis: FileAnalysis, name: string): CallerSite[] {
  return analysis.callsTo([name]).filter(({ fn }) => fn.name !== name);
}

/**
 * True when `fn`, or a transitive same-file caller of it, satisfies `pred`. With `all`, every caller chain
 * must satisfy it (a function nobody in the file calls only satisfies it itself).
 */
export function callerChainSatisfies(
  analysis: FileAnalysis,
  fn: FunctionIR,
  pred: (f: FunctionIR, via?: CallSite) => boolean,
  opts: { all?: boolean; depth?: number } = {},
): boolean {
  const seen = new Set<string>();
  const visit = (f: FunctionIR, via: CallSite | undefined, depth: number): boolean => {
    if (pred(f, via)) return true;
    if (depth <= 0 || !f.name || seen.has(f.name)) return false;
    seen.add(f.name);
    const callers = callersOf(analysis, f.name);
    if (callers.length === 0) return false;
    const results = callers.map((c) => visit(c.fn, c.site, depth - 1));
    return opts.all ? results.every(Boolean) : results.some(Boolean);
  };
  return visit(fn, undefined, opts.depth ?? 4);
}

/**
 * The same-file functions `fn` calls, transitively (itself first), each with the call in its caller that
 * leads to it. Bounded so that large files stay cheap.
 */
export function reachableHelpers(analysis: FileAnalysis, fn: FunctionIR, depth = 4): FunctionIR[] {
  const out: FunctionIR[] = [fn];
  const seen = new Set<FunctionIR>([fn]);
  let frontier = [fn];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: FunctionIR[] = [];
    for (const f of frontier) {
      for (const site of analysis.calls(f)) {
        for (const g of analysis.functionsNamed(site.call.callee)) {
          if (seen.has(g)) continue;
          seen.add(g);
          out.push(g);
          next.push(g);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** True when `fn` or a same-file helper it reaches calls one of `names`. */
export function reachesCall(analysis: FileAnalysis, fn: FunctionIR, names: ReadonlySet<string>, depth = 4): boolean {
  return reachableHelpers(analysis, fn, depth).some((f) => analysis.calls(f).some((s) => names.has(s.call.callee)));
}
