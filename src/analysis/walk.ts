// Generic traversal of the IR: every rule and analysis uses these instead of re-implementing tree walks.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';

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

/**
 * Parent chains are built once per node and shared by every walk: the IR never changes after lowering, so a
 * node reached through the same parent chain always has the same `[...parents, node]`. Thirty rules walk the
 * same functions; without this each walk copied O(depth) per node and garbage collection dominated. The
 * arrays are frozen: callers may keep them but never modify them.
 */
const chains = new WeakMap<object, { parents: readonly object[]; next: readonly object[] }>();
const ROOT: readonly never[] = Object.freeze([]);

function chainOf<T extends object>(node: T, parents: readonly T[]): T[] {
  const hit = chains.get(node);
  if (hit && hit.parents === parents) return hit.next as T[];
  const next = Object.freeze([...parents, node]);
  chains.set(node, { parents, next });
  return next as T[];
}

/** Pre-order (node, parents) lists of walks from a root, replayed by later walks of the same root. */
const flatExprs = new WeakMap<Expr, [Expr, Expr[]][]>();
const flatStmts = new WeakMap<Stmt, [Stmt, Stmt[]][]>();

function collectExprs(e: Expr, parents: readonly Expr[], out: [Expr, Expr[]][]): void {
  out.push([e, parents as Expr[]]);
  const children = exprChildren(e);
  if (children.length === 0) return;
  const next = chainOf(e, parents);
  for (const c of children) collectExprs(c, next, out);
}

function collectStmts(s: Stmt, parents: readonly Stmt[], out: [Stmt, Stmt[]][]): void {
  out.push([s, parents as Stmt[]]);
  const children = stmtChildren(s);
  if (children.length === 0) return;
  const next = chainOf(s, parents);
  for (const c of children) collectStmts(c, next, out);
}

/** Pre-order walk over an expression tree; `parents` is the chain from the statement's root expression. */
export function walkExpr(e: Expr, visit: (e: Expr, parents: Expr[]) => void, parents: readonly Expr[] = ROOT): void {
  let list = parents === ROOT ? flatExprs.get(e) : undefined;
  if (!list) {
    list = [];
    collectExprs(e, parents, list);
    if (parents === ROOT) flatExprs.set(e, list);
  }
  for (const [n, p] of list) visit(n, p);
}

/** The expressions a statement evaluates itself (not those of nested statements). */
export function ownExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case 'decl': return s.vars.flatMap((v) => (v.init ? [v.init] : []));
    case 'expr': return [s.expr];
    case 'if': return [s.cond];
    case 'loop': return [s.header, s.cond, s.update].filter((x): x is Expr => !!x);
    case 'return': return s.value ? [s.value] : [];
    case 'switch': return [s.cond];
    case 'case': return s.value ? [s.value] : [];
    case 'unknown': return s.exprs;
    default: return [];
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

/** Pre-order walk over statements; `parents` lists enclosing statements, outermost first. */
export function walkStmts(s: Stmt, visit: (s: Stmt, parents: Stmt[]) => void, parents: readonly Stmt[] = ROOT): void {
  let list = parents === ROOT ? flatStmts.get(s) : undefined;
  if (!list) {
    list = [];
    collectStmts(s, parents, list);
    if (parents === ROOT) flatStmts.set(s, list);
  }
  for (const [n, p] of list) visit(n, p);
}

/** A call site with the statement it is in. */
export interface CallSite {
  call: Extract<Expr, { k: 'call' }>;
  stmt: Stmt;
  /** Enclosing expressions, outermost first. */
  exprParents: Expr[];
  /** Enclosing statements, outermost first. */
  stmtParents: Stmt[];
}

/** Every call in a function, in source order. */
export function callsIn(fn: FunctionIR): CallSite[] {
  const out: CallSite[] = [];
  walkStmts(fn.body, (s, stmtParents) => {
    for (const root of ownExprs(s)) {
      walkExpr(root, (e, exprParents) => {
        if (e.k === 'call') out.push({ call: e, stmt: s, exprParents, stmtParents });
      });
    }
  });
  return out;
}

/** Whitespace-normalised text of an expression: the identity used to match `rctx->nents` across functions. */
export function exprKey(e: Expr): string {
  return e.text.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');
}

/** The variable or field path an lvalue names (`x`, `rctx->nents`, `s.len`), or undefined. */
export function lvalueKey(e: Expr): string | undefined {
  if (e.k === 'ident' || e.k === 'field' || e.k === 'deref' || e.k === 'index') return exprKey(e);
  return undefined;
}

/** The last field name of a field path (`nents` for `req->ctx.nents`), used to match fields across functions. */
export function fieldName(e: Expr): string | undefined {
  return e.k === 'field' ? e.field : undefined;
}

/** Strips casts and parentheses (already gone in the IR) to the value expression. */
export function stripCasts(e: Expr): Expr {
  let cur = e;
  while (cur.k === 'cast') cur = cur.arg;
  return cur;
}

/** All identifiers an expression mentions. */
export function identsIn(e: Expr): string[] {
  const out: string[] = [];
  walkExpr(e, (x) => { if (x.k === 'ident') out.push(x.name); });
  return out;
}
