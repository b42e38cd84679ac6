// Order and path questions over structured statements: does one statement run before another on every path,
// is there a straight line (no exit, no label) between them, which branch of an `if` holds a statement. Good
// enough for the dma rules' "before the map / after the unmap / in the failure branch" checks; gotos are only
// honoured through labels (a label is a join point, so nothing is assumed about what reaches it).
import type { FunctionIR, Stmt } from '../../c/ir.js';
import { walkStmts } from '../../analysis/index.js';

/** A statement with its enclosing statements, outermost first (what CallSite and Use carry). */
export interface Located {
  stmt: Stmt;
  stmtParents: Stmt[];
}

function children(s: Stmt): Stmt[] {
  if (s.k === 'block') return s.body;
  if (s.k === 'case') return s.body;
  return [];
}

/** Index of the child of `parent` that is `s` or contains `s` (by the chain), or -1. */
function childIndexOnChain(parent: Stmt, chain: Stmt[]): number {
  const kids = children(parent);
  for (let i = 0; i < kids.length; i++) if (chain.includes(kids[i])) return i;
  return -1;
}

/**
 * True when `a` runs before `b` on every path that reaches `b` in structured code: `a` is an earlier statement
 * of a block that encloses `b` (or `a` is a condition/loop header enclosing `b`).
 */
export function dominates(a: Located, b: Located): boolean {
  const chainB = [...b.stmtParents, b.stmt];
  if (a.stmt !== b.stmt && b.stmtParents.includes(a.stmt)) return a.stmt.k === 'if' || a.stmt.k === 'loop' || a.stmt.k === 'switch';
  const parent = a.stmtParents[a.stmtParents.length - 1];
  if (!parent || !chainB.includes(parent)) return false;
  const ia = children(parent).indexOf(a.stmt);
  const ib = childIndexOnChain(parent, chainB);
  return ia >= 0 && ib > ia;
}

/**
 * True when control flows from `a` to `b` without leaving: `a` dominates `b`, and no statement between them in
 * their common block returns, jumps or is a label (a label would let other paths join in between).
 */
export function straightLine(a: Located, b: Located): boolean {
  if (!dominates(a, b)) return false;
  const parent = a.stmtParents[a.stmtParents.length - 1];
  if (!parent) return false;
  const chainB = [...b.stmtParents, b.stmt];
  const kids = children(parent);
  const ia = kids.indexOf(a.stmt);
  const ib = childIndexOnChain(parent, chainB);
  for (let i = ia + 1; i <= ib; i++) {
    const s = kids[i];
    if (s.k === 'label') return false;
    if (i < ib && alwaysExits(s)) return false;
  }
  // Inside b's own ancestors below the common block, a label is also a join point.
  const below = chainB.slice(chainB.indexOf(kids[ib]));
  return !below.some((s) => s.k === 'label');
}

/** True when a statement unconditionally leaves the current sequence (return, goto, break, continue). */
export function alwaysExits(s: Stmt): boolean {
  switch (s.k) {
    case 'return': case 'goto': case 'break': case 'continue': return true;
    case 'block': return s.body.length > 0 && alwaysExits(s.body[s.body.length - 1]);
    case 'if': return !!s.else && alwaysExits(s.then) && alwaysExits(s.else);
    case 'label': return alwaysExits(s.body);
    default: return false;
  }
}

/** True when a statement (or anything nested in it) may leave the sequence: return, goto, break or continue. */
export function mayExit(s: Stmt): boolean {
  let found = false;
  walkStmts(s, (x) => { if (x.k === 'return' || x.k === 'goto' || x.k === 'break' || x.k === 'continue') found = true; });
  return found;
}

/** The loops enclosing a located statement, innermost last. */
function loopsAround(l: Located): Stmt[] {
  return [...l.stmtParents, l.stmt].filter((s) => s.k === 'loop');
}

/** True when `a` and `b` sit inside one common loop (so a later statement can run before an earlier one). */
export function shareLoop(a: Located, b: Located): boolean {
  const la = loopsAround(a);
  return loopsAround(b).some((x) => la.includes(x));
}

/** Which branch of `ifStmt` contains `l`: 'then', 'else', or undefined. */
export function branchOf(ifStmt: Extract<Stmt, { k: 'if' }>, l: Located): 'then' | 'else' | undefined {
  const chain = [...l.stmtParents, l.stmt];
  if (chain.includes(ifStmt.then)) return 'then';
  if (ifStmt.else && chain.includes(ifStmt.else)) return 'else';
  return undefined;
}

