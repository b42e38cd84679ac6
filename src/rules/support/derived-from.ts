// "Is this value computed from that kind of expression?": follows a value back through arithmetic, casts,
// byte-order helpers, local assignments in the same function, struct fields assigned anywhere in the file and
// helpers defined in the same file (their return values), collecting the source expressions a predicate
// recognises with the chain of lines that carried them. Other calls end the trail: `dma_map_resource(dev, phys)`
// is a new value, not `phys`.
import type { Expr, FunctionIR } from '../../c/ir.js';
import { exprSitesOfKind, walkStmts, type FileAnalysis } from '../../analysis/index.js';
import type { Evidence } from '../../types.js';
import { memoize } from './memo.js';

/** A recognised source and how the value got from it to the expression asked about. */
export interface DerivedSource<T> {
  expr: Expr;
  fn: FunctionIR;
  info: T;
  /** Source line first, then each assignment that carried it. */
  chain: Evidence[];
  /** True when the trail passed through a struct field assigned elsewhere (other values may reach it too). */
  viaField: boolean;
  /** True when the trail passed through a variable that also receives values from other sources. */
  mixed: boolean;
  /** Same-file helpers whose return value carried it, outermost first. */
  helpers: FunctionIR[];
}

/** Helpers that keep the value they are given (include/linux/byteorder/generic.h, include/linux/kernel.h). */
const TRANSPARENT = /^(cpu_to_(le|be)(16|32|64)|(le|be)(16|32|64)_to_cpu|lower_32_bits|upper_32_bits|ALIGN|ALIGN_DOWN|round_down|round_up|READ_ONCE)$/;

interface Assign { rhs: Expr; fn: FunctionIR; line: number }

/** `x->field = rhs` anywhere in the file, by field name (once per file). */
const fieldAssigns = memoize((analysis: FileAnalysis): ReadonlyMap<string, Assign[]> => {
  const map = new Map<string, Assign[]>();
  for (const fn of analysis.functions) {
    for (const { expr: e } of exprSitesOfKind(fn, 'assign')) {
      if (e.op === '=' && e.left.k === 'field') {
        const list = map.get(e.left.field) ?? [];
        list.push({ rhs: e.right, fn, line: e.line });
        map.set(e.left.field, list);
      }
    }
  }
  return map;
});

/** Assignments of a local variable in its function (declaration initialisers included). */
function localAssigns(analysis: FileAnalysis, fn: FunctionIR, name: string): Assign[] | undefined {
  const scope = analysis.provenance.scope(fn);
  if (!scope.locals.has(name)) return undefined;
  return (scope.assigns.get(name) ?? []).map((a) => ({ rhs: a.rhs, fn: a.fn, line: a.line }));
}

/**
 * Every source `recognise` accepts that `e` (evaluated in `fn`) may be derived from. Unknown origins are simply
 * not reported: a value is only "derived from X" when the trail to X is visible.
 */
export function derivedSources<T>(
  analysis: FileAnalysis,
  e: Expr,
  fn: FunctionIR,
  recognise: (x: Expr, fn: FunctionIR) => T | undefined,
  maxDepth = 6,
): DerivedSource<T>[] {
  const out: DerivedSource<T>[] = [];
  const active = new Set<string>();
  const path = analysis.ir.path;

  const visit = (x: Expr, f: FunctionIR, depth: number, chain: Evidence[], viaField: boolean, mixed: boolean, helpers: FunctionIR[] = []): void => {
    if (depth > maxDepth) return;
    const info = recognise(x, f);
    if (info !== undefined) {
      out.push({ expr: x, fn: f, info, chain: [{ file: path, line: x.line, note: `\`${x.text.replace(/\s+/g, ' ')}\`` }, ...chain], viaField, mixed, helpers });
      return;
    }
    switch (x.k) {
      case 'cast': visit(x.arg, f, depth, chain, viaField, mixed, helpers); return;
      case 'binary':
        if (x.op === '+' || x.op === '-' || x.op === '|' || x.op === '^') {
          visit(x.left, f, depth + 1, chain, viaField, mixed, helpers);
          visit(x.right, f, depth + 1, chain, viaField, mixed, helpers);
        }
        return;
      case 'cond':
        visit(x.then, f, depth + 1, chain, viaField, true, helpers);
        visit(x.else, f, depth + 1, chain, viaField, true, helpers);
        return;
      case 'comma': if (x.list.length) visit(x.list[x.list.length - 1], f, depth + 1, chain, viaField, mixed, helpers); return;
      case 'assign': visit(x.right, f, depth + 1, chain, viaField, mixed, helpers); return;
      case 'call': {
        if (TRANSPARENT.test(x.callee) && x.args[0]) { visit(x.args[0], f, depth + 1, chain, viaField, mixed, helpers); return; }
        // A helper defined in this file: what it returns.
        const helper = analysis.functionsNamed(x.callee).find((h) => h !== f);
        const key = `fn:${x.callee}`;
        if (!helper || active.has(key)) return;
        active.add(key);
        const returns: Expr[] = [];
        walkStmts(helper.body, (st) => { if (st.k === 'return' && st.value) returns.push(st.value); });
        for (const r of returns) {
          visit(r, helper, depth + 1, [...chain, { file: path, line: x.line, note: `returned by ${helper.name}()` }], viaField, mixed || returns.length > 1, [...helpers, helper]);
        }
        active.delete(key);
        return;
      }
      case 'ident': {
        const assigns = localAssigns(analysis, f, x.name);
        if (!assigns || assigns.length === 0) return;
        const key = `${f.name}:${f.line}:${x.name}`;
        if (active.has(key)) return;
        active.add(key);
        for (const a of assigns) {
          visit(a.rhs, a.fn, depth + 1, [...chain, { file: path, line: a.line, note: `assigned to ${x.name}` }], viaField, mixed || assigns.length > 1, helpers);
        }
        active.delete(key);
        return;
      }
      case 'field': {
        const assigns = fieldAssigns(analysis).get(x.field) ?? [];
        const key = `field:${x.field}`;
        if (assigns.length === 0 || active.has(key)) return;
        active.add(key);
        for (const a of assigns) {
          const where = a.fn === f ? '' : ` in ${a.fn.name}()`;
          visit(a.rhs, a.fn, depth + 1, [...chain, { file: path, line: a.line, note: `stored in ->${x.field}${where}` }], true, mixed || assigns.length > 1, helpers);
        }
        active.delete(key);
        return;
      }
      default:
        return;
    }
  };
  visit(e, fn, 0, [], false, false);
  return out;
}
