// Generic traversal of the IR: every rule and analysis uses these instead of re-implementing tree walks. What a
// whole function contains (every expression with its statement, its calls, assignments, identifiers, ...) is
// indexed once per function and shared, so rules read lists instead of walking the function again.
import type { Expr, FunctionIR, Stmt, VarDecl } from '../c/ir.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** Child expressions of an expression, in evaluation order (approximately: C leaves it unspecified). */
export function exprChildren(e: Expr): Expr[] {
  switch (e.k) {
    case 'call': return e.calleeExpr && e.calleeExpr.k !== 'ident' ? [e.calleeExpr, ...e.args] : e.args;
    case 'field': return [e.base];
    case 'index': return [e.base, e.index];
    case 'addr': case 'deref': case 'cast': case 'unary': return [e.arg];
    case 'binary': return [e.left, e.right];
    case 'assign': return [e.left, e.right];
    case 'cond': return [e.test, e.then, e.else];
    case 'comma': return e.list;
    case 'init': return e.items;
    case 'other': return e.children;
    default: return [];
  }
}

/** Expression kinds without children: a walk from one of them visits it alone (no list to build or look up). */
function isLeaf(e: Expr): boolean {
  return e.k === 'ident' || e.k === 'literal' || e.k === 'sizeof';
}

const ROOT: readonly never[] = EMPTY;

/**
 * The parent chain of a node's children: built once per inner node of a walk and shared by all its children.
 * The arrays are frozen: callers may keep them but never modify them.
 */
function chainOf<T extends object>(node: T, parents: readonly T[]): T[] {
  return Object.freeze([...parents, node]) as T[];
}

/**
 * A pre-order walk recorded as two parallel arrays (node i, and its parent chain), replayed by later walks of
 * the same root with an index loop: no per-node tuple, iterator or destructuring. Kept per root because rules
 * still walk the same conditions and sub-expressions (an `if` condition, a loop body's statements) in turn, and
 * because the per-function index below is built from the same walks of each statement's expressions.
 */
interface Flat<T> { nodes: T[]; parents: T[][] }

const flatExprs = new WeakMap<Expr, Flat<Expr>>();
const flatStmts = new WeakMap<Stmt, Flat<Stmt>>();

/** Records `e` and its subtree in pre-order (children in exprChildren() order) with their parent chains. */
function collectExprs(e: Expr, parents: readonly Expr[], out: Flat<Expr>): void {
  out.nodes.push(e);
  out.parents.push(parents as Expr[]);
  if (isLeaf(e)) return;
  const children = exprChildren(e);
  if (children.length === 0) return;
  const next = chainOf(e, parents);
  for (const c of children) collectExprs(c, next, out);
}

function collectStmts(s: Stmt, parents: readonly Stmt[], out: Flat<Stmt>): void {
  out.nodes.push(s);
  out.parents.push(parents as Stmt[]);
  const children = stmtChildren(s);
  if (children.length === 0) return;
  const next = chainOf(s, parents);
  for (const c of children) collectStmts(c, next, out);
}

function flatExprsOf(e: Expr): Flat<Expr> {
  let flat = flatExprs.get(e);
  if (!flat) {
    flat = { nodes: [], parents: [] };
    collectExprs(e, ROOT, flat);
    flatExprs.set(e, flat);
  }
  return flat;
}

function flatStmtsOf(s: Stmt): Flat<Stmt> {
  let flat = flatStmts.get(s);
  if (!flat) {
    flat = { nodes: [], parents: [] };
    collectStmts(s, ROOT, flat);
    flatStmts.set(s, flat);
  }
  return flat;
}

/** Pre-order walk over an expression tree; `parents` is the chain from `e` (outermost first, empty for `e`). */
export function walkExpr(e: Expr, visit: (e: Expr, parents: Expr[]) => void): void {
  if (isLeaf(e)) { visit(e, ROOT as unknown as Expr[]); return; }
  const { nodes, parents } = flatExprsOf(e);
  for (let i = 0; i < nodes.length; i++) visit(nodes[i], parents[i]);
}

/** The expressions a statement evaluates itself (not those of nested statements). */
export function ownExprs(s: Stmt): readonly Expr[] {
  switch (s.k) {
    case 'decl': {
      let out: Expr[] | undefined;
      for (const v of s.vars) if (v.init) (out ??= []).push(v.init);
      return out ?? EMPTY;
    }
    case 'expr': return [s.expr];
    case 'if': return [s.cond];
    case 'loop': {
      const out: Expr[] = [];
      if (s.header) out.push(s.header);
      if (s.cond) out.push(s.cond);
      if (s.update) out.push(s.update);
      return out;
    }
    case 'return': return s.value ? [s.value] : EMPTY;
    case 'switch': return [s.cond];
    case 'case': return s.value ? [s.value] : EMPTY;
    case 'unknown': return s.exprs;
    default: return EMPTY;
  }
}

/** Nested statements of a statement. */
export function stmtChildren(s: Stmt): Stmt[] {
  switch (s.k) {
    case 'block': return s.body;
    case 'if': return s.else ? [s.then, s.else] : [s.then];
    case 'loop': return s.init ? [s.init, s.body] : [s.body];
    case 'label': return [s.body];
    case 'switch': return [s.body];
    case 'case': return s.body;
    default: return [];
  }
}

/** Pre-order walk over statements; `parents` lists enclosing statements below `s`, outermost first. */
export function walkStmts(s: Stmt, visit: (s: Stmt, parents: Stmt[]) => void): void {
  const { nodes, parents } = flatStmtsOf(s);
  for (let i = 0; i < nodes.length; i++) visit(nodes[i], parents[i]);
}

// ───────────── per-function index, built once and shared by every rule ─────────────

/**
 * One expression a function evaluates, with the statement it is in; `E` narrows the expression (what
 * exprSitesOfKind() hands out). A call's site is also its CallSite: it carries the call as `call` too.
 */
export type ExprSite<E extends Expr = Expr> = {
  readonly expr: E;
  /** Enclosing expressions, outermost first (from the statement's own root expression). */
  readonly exprParents: Expr[];
  readonly stmt: Stmt;
  /** Enclosing statements, outermost first. */
  readonly stmtParents: Stmt[];
  /** Position of `stmt` in the function's pre-order statement walk. */
  readonly stmtIndex: number;
  /** Position of this site among all the function's expression sites (walk order). */
  readonly order: number;
} & (E extends Call ? { readonly call: E } : unknown);

/** A call site with the statement it is in. */
export interface CallSite {
  call: Extract<Expr, { k: 'call' }>;
  stmt: Stmt;
  /** Enclosing expressions, outermost first. */
  exprParents: Expr[];
  /** Enclosing statements, outermost first. */
  stmtParents: Stmt[];
}

type Kind = Expr['k'];
type Call = Extract<Expr, { k: 'call' }>;

interface FunctionIndex {
  stmts: Flat<Stmt>;
  exprs: readonly ExprSite[];
  /** `exprs` holds statement i's own expressions at [exprStart[i], exprStart[i + 1]). */
  exprStart: number[];
  /** The sites of each expression kind, in walk order. */
  byKind: Map<Kind, ExprSite[]>;
  /** Walk-order merges of several kinds (`'assign,call'`), built on request. */
  kindSets?: Map<string, readonly ExprSite[]>;
  calls?: readonly CallSite[];
  callsByCallee?: ReadonlyMap<string, readonly CallSite[]>;
  decls?: ReadonlyMap<string, VarDecl>;
  /** Each statement's enclosing statements (from `stmts`), built on request. */
  parentsByStmt?: ReadonlyMap<Stmt, Stmt[]>;
}

/**
 * The IR never changes after lowering, so what a function contains is computed once per FunctionIR and shared:
 * thirty rules asking for the calls (or every expression) of the same function no longer walk it thirty times,
 * and a rule that only cares about calls or assignments visits those alone. Every list handed out is frozen, and
 * so are its elements: a caller that wants to reorder one copies it.
 */
const indexes = new WeakMap<FunctionIR, FunctionIndex>();

/** The site of one expression of statement `stmtIndex`; a call's site is also its CallSite (the same object). */
function siteOf(e: Expr, exprParents: Expr[], stmt: Stmt, stmtParents: Stmt[], stmtIndex: number, order: number): ExprSite {
  return Object.freeze(e.k === 'call'
    ? { expr: e, call: e, exprParents, stmt, stmtParents, stmtIndex, order }
    : { expr: e, exprParents, stmt, stmtParents, stmtIndex, order });
}

/** Indexes a function from the per-root walks: the sites are walkExpr()'s visits of each statement's own roots. */
function indexOf(fn: FunctionIR): FunctionIndex {
  let idx = indexes.get(fn);
  if (idx) return idx;
  const stmts = flatStmtsOf(fn.body);
  const exprStart: number[] = [];
  const exprs: ExprSite[] = [];
  const byKind = new Map<Kind, ExprSite[]>();
  const add = (site: ExprSite): void => {
    exprs.push(site);
    const list = byKind.get(site.expr.k);
    if (list) list.push(site); else byKind.set(site.expr.k, [site]);
  };
  for (let i = 0; i < stmts.nodes.length; i++) {
    exprStart.push(exprs.length);
    const stmt = stmts.nodes[i];
    const stmtParents = stmts.parents[i];
    for (const root of ownExprs(stmt)) walkExpr(root, (e, exprParents) => add(siteOf(e, exprParents, stmt, stmtParents, i, exprs.length)));
  }
  exprStart.push(exprs.length);
  for (const l of byKind.values()) Object.freeze(l);
  idx = { stmts, exprs: Object.freeze(exprs), exprStart, byKind };
  indexes.set(fn, idx);
  return idx;
}

/** The expressions of the given kinds in a function, in walk order (frozen). */
export function exprSitesOfKind<K extends Kind>(fn: FunctionIR, ...kinds: K[]): readonly ExprSite<Extract<Expr, { k: K }>>[] {
  // Typed by those kinds: the index files every site under its expression's kind, so the lists hold only them.
  return sitesOfKinds(fn, kinds) as readonly ExprSite<Extract<Expr, { k: K }>>[];
}

function sitesOfKinds(fn: FunctionIR, kinds: readonly Kind[]): readonly ExprSite[] {
  const idx = indexOf(fn);
  if (kinds.length === 1) return idx.byKind.get(kinds[0]) ?? EMPTY;
  const key = [...kinds].sort().join(',');
  idx.kindSets ??= new Map();
  let merged = idx.kindSets.get(key);
  if (!merged) {
    // Merge the per-kind lists by walk position: no pass over the other expressions.
    const lists = [...new Set(kinds)].map((k) => idx.byKind.get(k) ?? EMPTY).filter((l) => l.length > 0);
    const out: ExprSite[] = [];
    const at = lists.map(() => 0);
    for (;;) {
      let best = -1;
      for (let l = 0; l < lists.length; l++) {
        if (at[l] < lists[l].length && (best < 0 || lists[l][at[l]].order < lists[best][at[best]].order)) best = l;
      }
      if (best < 0) break;
      out.push(lists[best][at[best]++]);
    }
    merged = Object.freeze(out);
    idx.kindSets.set(key, merged);
  }
  return merged;
}

/**
 * Visits each statement of a function (pre-order) and, right after it, the expressions it evaluates itself:
 * the visits of `walkStmts(fn.body, (s, sp) => { onStmt(s, sp); for (const r of ownExprs(s)) walkExpr(r, ...) })`.
 * `onStmt` returning false skips that statement's own expressions (not those of nested statements). With `kinds`,
 * only expressions of those kinds are visited (the others are not even looked at).
 */
export function walkFunction(fn: FunctionIR, onStmt: ((s: Stmt, parents: Stmt[]) => boolean | void) | undefined,
  onExpr: (e: Expr, exprParents: Expr[], stmt: Stmt, stmtParents: Stmt[]) => void, kinds?: readonly Kind[]): void {
  const { stmts, exprs, exprStart } = indexOf(fn);
  if (!kinds) {
    for (let i = 0; i < stmts.nodes.length; i++) {
      if (onStmt && onStmt(stmts.nodes[i], stmts.parents[i]) === false) continue;
      for (let j = exprStart[i]; j < exprStart[i + 1]; j++) {
        const x = exprs[j];
        onExpr(x.expr, x.exprParents, x.stmt, x.stmtParents);
      }
    }
    return;
  }
  const sites = exprSitesOfKind(fn, ...kinds);
  let p = 0;
  for (let i = 0; i < stmts.nodes.length; i++) {
    const skip = !!onStmt && onStmt(stmts.nodes[i], stmts.parents[i]) === false;
    for (; p < sites.length && sites[p].stmtIndex === i; p++) {
      const x = sites[p];
      if (!skip) onExpr(x.expr, x.exprParents, x.stmt, x.stmtParents);
    }
  }
}

/** The statements enclosing `stmt` in `fn`, outermost first (empty when `stmt` is not in `fn`). */
export function stmtParentsOf(fn: FunctionIR, stmt: Stmt): Stmt[] {
  const idx = indexOf(fn);
  if (!idx.parentsByStmt) {
    const m = new Map<Stmt, Stmt[]>();
    for (let i = 0; i < idx.stmts.nodes.length; i++) m.set(idx.stmts.nodes[i], idx.stmts.parents[i]);
    idx.parentsByStmt = m;
  }
  return idx.parentsByStmt.get(stmt) ?? [];
}

/** Every call in a function, in source order (computed once per function; frozen). */
export function callsIn(fn: FunctionIR): readonly CallSite[] {
  const idx = indexOf(fn);
  idx.calls ??= exprSitesOfKind(fn, 'call');
  return idx.calls;
}

/** The calls in a function to `callee`, in source order (frozen; empty when there are none). */
export function callsNamed(fn: FunctionIR, callee: string): readonly CallSite[] {
  const idx = indexOf(fn);
  if (!idx.callsByCallee) {
    const m = new Map<string, CallSite[]>();
    for (const c of callsIn(fn)) {
      const l = m.get(c.call.callee);
      if (l) l.push(c); else m.set(c.call.callee, [c]);
    }
    for (const l of m.values()) Object.freeze(l);
    idx.callsByCallee = m;
  }
  return idx.callsByCallee.get(callee) ?? EMPTY;
}

const postOrders = new WeakMap<Expr, readonly Call[]>();

/**
 * The calls of an expression in evaluation order, arguments before the call that uses them (post-order; frozen).
 * Memoised per expression: the lock path walk asks for the same statement expressions on every path through them.
 */
export function callsInEvaluationOrder(root: Expr): readonly Call[] {
  let calls = postOrders.get(root);
  if (!calls) {
    const out: Call[] = [];
    collectPostOrder(root, out);
    calls = Object.freeze(out);
    postOrders.set(root, calls);
  }
  return calls;
}

function collectPostOrder(e: Expr, out: Call[]): void {
  for (const c of exprChildren(e)) collectPostOrder(c, out);
  if (e.k === 'call') out.push(e);
}

/**
 * The local declarations of a function by name, memoised per function and shared (read it, never change it).
 * A name declared in several blocks maps to its first declaration in walk order. The right one depends on where
 * the name is used (an inner block's declaration shadows an outer one); with kernel style's declarations at the
 * top of a block the first is the outermost, the one most uses see.
 */
export function localDecls(fn: FunctionIR): ReadonlyMap<string, VarDecl> {
  const idx = indexOf(fn);
  if (!idx.decls) {
    const m = new Map<string, VarDecl>();
    const { nodes } = idx.stmts;
    for (let i = 0; i < nodes.length; i++) {
      const s = nodes[i];
      if (s.k === 'decl') for (const v of s.vars) if (!m.has(v.name)) m.set(v.name, v);
    }
    idx.decls = m;
  }
  return idx.decls;
}

/** The local declaration of `name` in a function, as `localDecls(fn)` has it. */
export function localDeclOf(fn: FunctionIR, name: string): VarDecl | undefined {
  return localDecls(fn).get(name);
}

/** Whitespace-normalised text of an expression: the identity used to match `rctx->nents` across functions. */
export function exprKey(e: Expr): string {
  // The same result as `text.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1')`, without a copy for the common
  // identifier or field path that has neither whitespace nor a leading parenthesis.
  let t = e.text;
  if (WHITESPACE.test(t)) t = t.replace(/\s+/g, '');
  if (t.charCodeAt(0) === 40) t = t.replace(/^\((.*)\)$/, '$1');
  return t;
}

const WHITESPACE = /\s/;

/** The variable or field path an lvalue names (`x`, `rctx->nents`, `s.len`), or undefined. */
export function lvalueKey(e: Expr): string | undefined {
  if (e.k === 'ident' || e.k === 'field' || e.k === 'deref' || e.k === 'index') return exprKey(e);
  return undefined;
}

/** Strips casts and parentheses (already gone in the IR) to the value expression. */
export function stripCasts(e: Expr): Expr {
  let cur = e;
  while (cur.k === 'cast') cur = cur.arg;
  return cur;
}
