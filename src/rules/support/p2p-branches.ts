// Where code sits relative to P2PDMA map-type decisions: which `case PCI_P2PDMA_MAP_*:` or
// `if (type == PCI_P2PDMA_MAP_*)` guards a statement, and what each case of a map-type switch runs once its
// fallthrough chain is followed (enum pci_p2pdma_map_type, include/linux/pci-p2pdma.h).
import type { Expr, FunctionIR, Stmt } from '../../c/ir.js';
import { ownExprs, stmtChildren, walkExpr, walkStmts } from '../../analysis/index.js';
import { memoize } from './memo.js';

/** The map types of enum pci_p2pdma_map_type, by their suffix. */
export type MapTypeName = 'BUS_ADDR' | 'THRU_HOST_BRIDGE' | 'NONE' | 'NOT_SUPPORTED' | 'UNKNOWN';

const MAP_TYPE_RE = /\bPCI_P2PDMA_MAP_(BUS_ADDR|THRU_HOST_BRIDGE|NONE|NOT_SUPPORTED|UNKNOWN)\b/g;

/** Map-type names an expression mentions. */
export function mapTypesIn(e: Expr | undefined): MapTypeName[] {
  if (!e) return [];
  return [...e.text.matchAll(MAP_TYPE_RE)].map((m) => m[1] as MapTypeName);
}

/** True when a statement ends control flow for its case: break, continue, return or goto. */
export function isTerminator(s: Stmt | undefined): boolean {
  return !!s && (s.k === 'break' || s.k === 'continue' || s.k === 'return' || s.k === 'goto');
}

/** `fallthrough;` (include/linux/compiler_attributes.h) written as a statement. */
export function isFallthrough(s: Stmt | undefined): boolean {
  return !!s && s.k === 'expr' && s.expr.k === 'ident' && s.expr.name === 'fallthrough';
}

/** One case label of a switch with what it runs: its own statements plus those it falls through into. */
export interface CaseRun {
  /** The `case` statement. */
  label: Extract<Stmt, { k: 'case' }>;
  /** Map types the label names (empty for `default:` and non-map-type labels). */
  mapTypes: MapTypeName[];
  isDefault: boolean;
  /** Its own statements. */
  own: Stmt[];
  /** Statements executed from this label until a terminator, across fallthrough into later labels. */
  run: Stmt[];
  /** The statement that ends the run (break/continue/return/goto), if one does. */
  end?: Stmt;
  /** The run falls into the next label (explicitly or by omission). */
  fallsThrough: boolean;
}

/**
 * The statements of a switch body, or of a block that directly holds `case` labels: a hunk that starts inside a
 * switch loses the `switch (...)` line, and the labels are all that is left of it.
 */
export function caseContainer(s: Stmt): Stmt[] | undefined {
  if (s.k === 'switch') return s.body.k === 'block' ? s.body.body : [s.body];
  if (s.k === 'block' && s.body.some((x) => x.k === 'case')) return s.body;
  return undefined;
}

/** The labels of a switch statement (or a bare case block) in order, with their fallthrough runs. */
export function switchCases(sw: Stmt): CaseRun[] {
  const labels: Extract<Stmt, { k: 'case' }>[] = [];
  for (const s of caseContainer(sw) ?? []) if (s.k === 'case') labels.push(s);
  return labels.map((label, i) => {
    const run: Stmt[] = [];
    let end: Stmt | undefined;
    let fallsThrough = false;
    for (let j = i; j < labels.length; j++) {
      const body = labels[j].body;
      run.push(...body);
      const last = lastReal(body);
      if (isTerminator(last)) { end = last; break; }
      if (j === labels.length - 1) break;
      if (j === i) fallsThrough = true;
    }
    return {
      label, mapTypes: mapTypesIn(label.value), isDefault: !label.value, own: label.body, run, end,
      fallsThrough: fallsThrough || isFallthrough(lastReal(label.body)),
    };
  });
}

function lastReal(body: Stmt[]): Stmt | undefined {
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i];
    if (s.k === 'block' && s.body.length === 0) continue;
    return s.k === 'block' ? lastReal(s.body) ?? s : s;
  }
  return undefined;
}

/**
 * Every switch statement (or bare case block) of a function whose labels name P2PDMA map types (memoised: three
 * rules ask for every function; frozen).
 */
export const mapTypeSwitches = memoize((fn: FunctionIR): readonly Stmt[] => Object.freeze(findMapTypeSwitches(fn)));

function findMapTypeSwitches(fn: FunctionIR): Stmt[] {
  const out: Stmt[] = [];
  walkStmts(fn.body, (s, parents) => {
    // A switch body block is reached through its switch; only report it on its own when the switch is lost.
    if (s.k === 'block' && parents[parents.length - 1]?.k === 'switch') return;
    if (caseContainer(s) && switchCases(s).some((c) => c.mapTypes.length > 0)) out.push(s);
  });
  return out;
}

/**
 * The map types that guard a statement: the case labels of enclosing switches (including labels that fall
 * through into the one holding the statement) and if-conditions testing `== PCI_P2PDMA_MAP_X` (then-branch) or
 * `!= PCI_P2PDMA_MAP_X` (else-branch).
 */
export function guardingMapTypes(stmt: Stmt, stmtParents: Stmt[]): Set<MapTypeName> {
  const out = new Set<MapTypeName>();
  const chain = [...stmtParents, stmt];
  for (let i = 0; i < chain.length - 1; i++) {
    const p = chain[i];
    const child = chain[i + 1];
    if (p.k === 'switch' || (p.k === 'block' && caseContainer(p) && chain[i - 1]?.k !== 'switch')) {
      for (const c of switchCases(p)) {
        if (c.run.some((s) => contains(s, stmt))) for (const t of c.mapTypes) out.add(t);
      }
    } else if (p.k === 'case') {
      for (const t of mapTypesIn(p.value)) out.add(t);
    } else if (p.k === 'if') {
      const inThen = p.then === child;
      const inElse = p.else === child;
      if (!inThen && !inElse) continue;
      for (const t of equalityTests(p.cond, inThen ? '==' : '!=')) out.add(t);
    }
  }
  return out;
}

/** Map types compared with `op` in a condition (`type == PCI_P2PDMA_MAP_BUS_ADDR`). */
function equalityTests(cond: Expr, op: '==' | '!='): MapTypeName[] {
  const out: MapTypeName[] = [];
  walkExpr(cond, (e) => {
    if (e.k === 'binary' && e.op === op) out.push(...mapTypesIn(e.left), ...mapTypesIn(e.right));
  });
  return out;
}

/** True when `inner` is `outer` or nested anywhere inside it. */
export function contains(outer: Stmt, inner: Stmt): boolean {
  if (outer === inner) return true;
  if (inner.line < outer.line || inner.endLine > outer.endLine) return false;
  return stmtChildren(outer).some((c) => contains(c, inner));
}

/** Every statement of a list, nested ones included, in source order. */
export function flatten(stmts: Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) walkStmts(s, (x) => { out.push(x); });
  return out;
}

/** Every expression a list of statements evaluates (nested statements included). */
export function exprsOf(stmts: Stmt[]): Expr[] {
  const out: Expr[] = [];
  for (const s of flatten(stmts)) {
    for (const root of ownExprs(s)) walkExpr(root, (e) => { out.push(e); });
  }
  return out;
}

/** Whether a function mentions a map type anywhere up to (and including) `line`: a decision taken before it. */
export function decidesMapTypeBefore(fn: FunctionIR, type: MapTypeName, line: number): boolean {
  const first = firstMentions(fn).get(type);
  return first !== undefined && first <= line;
}

/**
 * The first line (lowest statement line) at which each map type is mentioned by a statement of the function:
 * computed once per function, since rules ask decidesMapTypeBefore() for every sink.
 */
const firstMentions = memoize((fn: FunctionIR): ReadonlyMap<MapTypeName, number> => {
  const out = new Map<MapTypeName, number>();
  const note = (t: MapTypeName, l: number) => { const cur = out.get(t); if (cur === undefined || l < cur) out.set(t, l); };
  walkStmts(fn.body, (s) => {
    for (const root of ownExprs(s)) for (const t of mapTypesIn(root)) note(t, s.line);
    if (s.k === 'case') for (const t of mapTypesIn(s.value)) note(t, s.line);
  });
  return out;
});
