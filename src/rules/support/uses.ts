// Helpers for rules that follow a returned value: where the call's result goes, and how each later read of
// it is tested (compared, negated, passed to a checker, used as a count).
import type { Expr, Stmt } from '../../c/ir.js';
import { exprKey, lvalueKey, type CallSite, type FileAnalysis, type Use } from '../../analysis/index.js';
import type { FunctionIR } from '../../c/ir.js';

type Call = Extract<Expr, { k: 'call' }>;

/** Where a call's result is stored: the lvalue key (`n`, `rctx->nents`), or why there is none. */
export function resultTarget(site: CallSite): { key: string; line: number } | 'discarded' | 'other' {
  const parent = site.exprParents[site.exprParents.length - 1];
  if (!parent) {
    if (site.stmt.k === 'expr') return 'discarded';
    if (site.stmt.k === 'decl') {
      const v = site.stmt.vars.find((x) => x.init === site.call || (x.init?.k === 'cast' && x.init.arg === site.call));
      if (v) return { key: v.name, line: v.line };
    }
    return 'other';
  }
  const p = parent.k === 'cast' ? site.exprParents[site.exprParents.length - 2] : parent;
  if (p?.k === 'assign' && (p.right === site.call || p.right === parent)) {
    const key = lvalueKey(p.left);
    if (key) return { key, line: p.line };
  }
  if (!p && site.stmt.k === 'decl') {
    const v = site.stmt.vars.find((x) => x.init === parent);
    if (v) return { key: v.name, line: v.line };
  }
  return 'other';
}

/** The immediate parent expression of a use (skipping casts). */
export function parentOf(use: { exprParents: Expr[] }): Expr | undefined {
  for (let i = use.exprParents.length - 1; i >= 0; i--) {
    if (use.exprParents[i].k !== 'cast') return use.exprParents[i];
  }
  return undefined;
}

/** Whether an expression sits in a condition: an if/loop test, a ternary test, `&&`/`||`, or WARN_ON-style macros. */
export function inCondition(use: { expr: Expr; stmt: Stmt; exprParents: Expr[] }): boolean {
  const s = use.stmt;
  if ((s.k === 'if' && containsExpr(s.cond, use.expr)) || (s.k === 'loop' && s.cond && containsExpr(s.cond, use.expr))) return true;
  return use.exprParents.some((p) => (p.k === 'binary' && (p.op === '&&' || p.op === '||'))
    || (p.k === 'cond' && containsExpr(p.test, use.expr))
    || (p.k === 'call' && /^(WARN_ON|WARN_ON_ONCE|WARN|BUG_ON|unlikely|likely)$/.test(p.callee)));
}

function containsExpr(root: Expr, target: Expr): boolean {
  if (root === target) return true;
  return root.line <= target.line && root.endLine >= target.endLine && root.text.includes(target.text);
}

/** Reads of `key` in `fn` after `line`. */
export function usesAfter(analysis: FileAnalysis, fn: FunctionIR, key: string, line: number): Use[] {
  return analysis.uses(key, { fn }).filter((u) => u.expr.line >= line && !isAssignTarget(u));
}

/** True when the use is the left side of an assignment (a write, not a read). */
export function isAssignTarget(u: Use): boolean {
  const p = parentOf(u);
  return p?.k === 'assign' && p.left === u.expr;
}

/** `x < 0`, `0 > x`, `x >= 0` style sign tests. */
export function signTest(p: Expr | undefined, e: Expr): string | undefined {
  if (p?.k !== 'binary') return undefined;
  const zero = (x: Expr) => x.k === 'literal' && /^0[uUlL]*$/.test(x.text.trim());
  if (p.left === e && zero(p.right) && (p.op === '<' || p.op === '>=')) return p.text;
  if (p.right === e && zero(p.left) && (p.op === '>' || p.op === '<=')) return p.text;
  return undefined;
}

/** `!x`, `x == 0`, `0 == x`. */
export function zeroTest(p: Expr | undefined, e: Expr): boolean {
  if (p?.k === 'unary' && p.op === '!' && p.arg === e) return true;
  if (p?.k === 'binary' && p.op === '==') {
    const other = p.left === e ? p.right : p.right === e ? p.left : undefined;
    return other?.k === 'literal' && /^0[uUlL]*$/.test(other.text.trim());
  }
  return false;
}

/** The call a use is passed to directly, with the argument index. */
export function argumentOf(use: { expr: Expr; exprParents: Expr[] }): { call: Call; index: number } | undefined {
  const p = parentOf(use);
  if (p?.k !== 'call') return undefined;
  const target = use.exprParents[use.exprParents.length - 1];
  const index = p.args.findIndex((a) => a === use.expr || a === target);
  return index >= 0 ? { call: p, index } : undefined;
}

export { exprKey };
