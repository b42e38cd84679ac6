// dma-mapping-error-unchecked: dma_map_single/page/resource/phys report failure as DMA_MAPPING_ERROR, which only
// dma_mapping_error() recognises (include/linux/dma-mapping.h; dma-api-howto.rst "Handling Errors"). Results that
// are discarded, used without the check, compared by hand (`!addr`, `== 0`, `== DMA_MAPPING_ERROR`, `< 0`), or
// checked with a failure branch that carries on, are reported. Values checked in a caller, or stored in a field
// and checked elsewhere in the file, are followed before anything is said.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import type { Certainty, Evidence } from '../types.js';
import { lvalueKey, ownExprs, walkExpr, walkFunction, walkStmts, type CallSite, type Use } from '../analysis/index.js';
import { isMappingErrorCheck, mapStyle } from './support/dma-api.js';
import { alwaysExits, dominates, mayExit, type Located } from './support/flow-order.js';
import { fieldPath } from './support/count-flow.js';
import { functionFullyVisible, wholeFileVisible } from './support/function-visibility.js';
import { inCondition, parentOf, resultTarget, signTest, zeroTest } from './support/uses.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport, type RuleSuggestion } from './types.js';

const ID = 'dma-mapping-error-unchecked';
const REFS = ['DMA-004', 'include/linux/dma-mapping.h (dma_mapping_error)', 'Documentation/core-api/dma-api-howto.rst ("Handling Errors")', 'kernel/dma/debug.c ("device driver failed to check map error")'];

type Call = Extract<Expr, { k: 'call' }>;

/** Where a mapped address ends up, and what the rule concluded about it. */
type Verdict =
  | { k: 'checked' }
  | { k: 'unknown' }
  | { k: 'report'; report: RuleReport };

const MAX_CALLER_DEPTH = 2;

export const dmaMappingErrorUnchecked: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'dma_map_single/page/resource/phys result not checked with dma_mapping_error(), compared by hand, or checked with a failure path that carries on',
    catalogue: ['DMA-004'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        if (mapStyle(ctx.model, site.call.callee) !== 'address') continue;
        const v = judge(ctx, fn, site, site.call, 0);
        if (v.k === 'report') out.push(v.report);
      }
    }
    return out;
  },
};

/** Follows the value `site` produces (a map call, or a call of a helper returning one) to its check. */
function judge(ctx: RuleContext, fn: FunctionIR, site: CallSite, map: Call, depth: number): Verdict {
  const call = site.call;
  const parent = parentOf(site);
  const base = { function: fn, code: call.text, references: REFS } as const;
  const mapEv: Evidence = { file: ctx.image.path, line: map.line, note: `${map.callee}() returns DMA_MAPPING_ERROR on failure` };
  const chain = call === map ? [mapEv] : [mapEv, { file: ctx.image.path, line: call.line, note: `returned by ${call.callee}()` }];
  if (parent?.k === 'call' && isMappingErrorCheck(parent.callee)) return { k: 'checked' };
  const hand = handComparison(parent, call);
  if (hand) {
    return { k: 'report', report: { ...base, line: call.line, certainty: 'certain', message: handMessage(hand, map.callee, call.text), why: why(map.callee), instead: instead(), evidence: chain } };
  }
  if (parent?.k === 'call' && /^(WARN_ON|WARN_ON_ONCE|BUG_ON|unlikely|likely)$/.test(parent.callee)) return { k: 'unknown' };
  const target = resultTarget(site);
  if (target === 'discarded') {
    return { k: 'report', report: { ...base, line: call.line, certainty: 'certain',
      message: `The dma_addr_t returned by ${map.callee}() is discarded: a failed mapping goes unnoticed and the mapping can never be unmapped.`,
      why: why(map.callee), instead: instead(), evidence: chain } };
  }
  if (target === 'other') {
    if (site.stmt.k === 'return') return callersOf(ctx, fn, map, depth);
    if (parent?.k === 'call') {
      return { k: 'report', report: { ...base, line: call.line, certainty: 'likely',
        message: `The result of ${map.callee}() goes straight into ${parent.callee}() without a dma_mapping_error() check; on failure DMA_MAPPING_ERROR is used as an address.`,
        why: why(map.callee), instead: instead(), evidence: chain } };
    }
    return { k: 'unknown' };
  }
  // An output parameter: the caller owns the check.
  if (target.key.startsWith('*')) return { k: 'unknown' };
  return followKey(ctx, fn, site, map, target.key, target.line, chain, depth);
}

/** The value is stored in `key` (a local or a field): look at what happens to it afterwards. */
function followKey(ctx: RuleContext, fn: FunctionIR, site: CallSite, map: Call, key: string, line: number, chain: Evidence[], depth: number): Verdict {
  const call = site.call;
  const base = { function: fn, code: call.text, references: REFS } as const;
  const uses = usesUntilReassigned(fn, key, line, site);
  let check: Use | undefined;
  let firstUse: Use | undefined;
  for (const u of uses) {
    const p = parentOf(u);
    if (p?.k === 'call' && isMappingErrorCheck(p.callee)) { check = u; break; }
    const hand = handComparison(p, u.expr) ?? bareTruthTest(u);
    if (hand) {
      return { k: 'report', report: { ...base, line: u.expr.line, certainty: 'certain', message: handMessage(hand, map.callee, key),
        why: why(map.callee), instead: instead(), evidence: [...chain, { file: ctx.image.path, line: u.expr.line, note: `tested by hand: ${hand}` }],
        suggestion: handSuggestion(ctx, fn, map, p, u, hand) } };
    }
    // Passed to some other predicate in a condition: a wrapper may do the check; do not guess.
    if (inCondition(u) && p?.k === 'call') return { k: 'unknown' };
    firstUse ??= u;
  }
  if (check) return swallowed(ctx, fn, site, map, key, check, uses, chain);
  const isField = !/^\w+$/.test(key) && !/^\w+\[/.test(key);
  if (isField && checkedElsewhere(ctx, key)) return { k: 'checked' };
  // A local that escapes: returned to the caller, or stored somewhere that is checked later.
  if (!isField) {
    for (const u of uses) {
      if (u.stmt.k === 'return' && u.stmt.value && lvalueKey(u.stmt.value) === key) return callersOf(ctx, fn, map, depth);
      const p = parentOf(u);
      if (p?.k === 'assign' && p.right === u.expr) {
        const dest = lvalueKey(p.left);
        if (!dest || dest.startsWith('*')) return { k: 'unknown' };
        if (!/^\w+$/.test(dest) && checkedElsewhere(ctx, dest)) return { k: 'checked' };
      }
    }
  }
  const whole = functionFullyVisible(ctx, fn);
  if (firstUse) {
    const certainty: Certainty = whole ? 'certain' : 'likely';
    return { k: 'report', report: { ...base, line: call.line, certainty,
      message: `\`${key}\` from ${map.callee}() is used (line ${firstUse.expr.line}) without a dma_mapping_error() check: if the mapping fails, DMA_MAPPING_ERROR is handed on as a device address.`,
      why: why(map.callee), instead: instead(),
      evidence: [...chain, { file: ctx.image.path, line: firstUse.expr.line, note: `${key} used unchecked` }] } };
  }
  if (isField && !wholeFileVisible(ctx) && !nextStatementVisible(site)) return { k: 'unknown' };
  if (!whole && !nextStatementVisible(site)) return { k: 'unknown' };
  return { k: 'report', report: { ...base, line: call.line, certainty: whole && !isField ? 'certain' : 'likely',
    message: `\`${key}\` from ${map.callee}() is never tested with dma_mapping_error()${whole ? '' : ' in the lines that follow the map'}; a failed mapping goes unnoticed.`,
    why: why(map.callee), instead: instead(), evidence: chain } };
}

/**
 * Reads of `key` (a variable, field path or array element, matched by its written form) after the map, up to the
 * next assignment that replaces it on every path (a later map is judged on its own; an assignment in the other
 * branch of an if/else is not a replacement).
 */
function usesUntilReassigned(fn: FunctionIR, key: string, line: number, site: CallSite): Use[] {
  const mapAt: Located = { stmt: site.stmt, stmtParents: site.stmtParents };
  let stop = Infinity;
  const uses: Use[] = [];
  walkFunction(fn, undefined, (e, exprParents, s, stmtParents) => {
    if (e.k === 'assign' && e.op === '=' && lvalueKey(e.left) === key && e.line > line && s !== site.stmt
      && dominates(mapAt, { stmt: s, stmtParents })) stop = Math.min(stop, e.line);
    if (e.line < line || lvalueKey(e) !== key) return;
    const parent = exprParents[exprParents.length - 1];
    // `a->b` is one use of `a->b`, not also a use of `a`; the stored-to side of an assignment is not a read.
    if (parent?.k === 'field' && parent.base === e) return;
    if (parent?.k === 'index' && parent.base === e) return;
    if (parent?.k === 'assign' && parent.left === e) return;
    uses.push({ expr: e, stmt: s, exprParents, stmtParents, fn });
  });
  return uses.filter((u) => u.expr.line < stop).sort((a, b) => a.expr.line - b.expr.line);
}

/** True when a field with this path is passed to dma_mapping_error() anywhere in the file. */
function checkedElsewhere(ctx: RuleContext, key: string): boolean {
  const path = fieldPath(key.replace(/\[[^\]]*\]$/, ''));
  const last = path.split('.').pop() ?? path;
  return ctx.analysis.uses(last, { byField: true }).some((u) => {
    const p = parentOf(u);
    if (p?.k !== 'call' || !isMappingErrorCheck(p.callee)) return false;
    const up = fieldPath(u.expr);
    return up === path || up.endsWith(`.${path}`) || path.endsWith(`.${up}`);
  });
}

/** A map wrapped in a helper that returns it: the helper's callers in this file must check. */
function callersOf(ctx: RuleContext, helper: FunctionIR, map: Call, depth: number): Verdict {
  if (depth >= MAX_CALLER_DEPTH || !helper.name) return { k: 'unknown' };
  const callers = ctx.analysis.callsTo([helper.name]).filter(({ fn }) => fn !== helper);
  if (!callers.length) return { k: 'unknown' };
  for (const { fn, site } of callers) {
    const v = judge(ctx, fn, site, map, depth + 1);
    if (v.k === 'report') return v;
  }
  return { k: 'checked' };
}

/**
 * The check exists but its failure branch carries on to use the address: an `if` whose positive branch neither
 * leaves nor records an error, or a bare WARN_ON(dma_mapping_error(...)).
 */
function swallowed(ctx: RuleContext, fn: FunctionIR, site: CallSite, map: Call, key: string, check: Use, uses: Use[], chain: Evidence[]): Verdict {
  const checkCall = parentOf(check) as Call;
  const ifStmt = check.stmt.k === 'if' ? check.stmt : undefined;
  let failure: Stmt | undefined;
  let after: Located | undefined;
  if (ifStmt) {
    if (!positive(ifStmt.cond, checkCall)) return { k: 'checked' };
    failure = ifStmt.then;
    if (mayExit(failure) || recordsError(failure) || (ifStmt.else && alwaysExits(ifStmt.else))) return { k: 'checked' };
    after = { stmt: check.stmt, stmtParents: check.stmtParents };
  } else if (check.stmt.k === 'expr' && check.exprParents.every((p) => p === checkCall || (p.k === 'call' && /^(WARN_ON|WARN_ON_ONCE|WARN|unlikely)$/.test(p.callee)))) {
    after = { stmt: check.stmt, stmtParents: check.stmtParents };
  } else {
    return { k: 'checked' };
  }
  const later = uses.find((u) => u.expr.line > (ifStmt?.endLine ?? check.stmt.endLine) && dominates(after!, { stmt: u.stmt, stmtParents: u.stmtParents }));
  if (!later) return { k: 'checked' };
  return { k: 'report', report: {
    line: check.expr.line, function: fn, code: site.call.text, references: REFS,
    certainty: functionFullyVisible(ctx, fn) ? 'certain' : 'likely',
    message: `dma_mapping_error() is checked but the failure is swallowed: nothing leaves or records the error, and \`${key}\` is still used at line ${later.expr.line}.`,
    why: why(map.callee), instead: instead(),
    evidence: [...chain, { file: ctx.image.path, line: check.expr.line, note: 'checked, but the failure path carries on' },
      { file: ctx.image.path, line: later.expr.line, note: `${key} used after a possible failure` }],
  } };
}

/** True when `cond` is true on failure: `dma_mapping_error(...)`, `unlikely(...)` of it, `... || ...` of it. */
function positive(cond: Expr, check: Call): boolean {
  let negated = false;
  walkExpr(cond, (e, parents) => {
    if (e !== check) return;
    negated = parents.some((p) => p.k === 'unary' && p.op === '!') || parents.some((p) => p.k === 'binary' && (p.op === '==' || p.op === '&&'));
  });
  return !negated;
}

/** True when a branch stores something (an error code, a flag) that later code can act on. */
function recordsError(s: Stmt): boolean {
  let found = false;
  walkStmts(s, (x) => {
    for (const root of ownExprs(x)) walkExpr(root, (e) => { if (e.k === 'assign') found = true; });
  });
  return found;
}

/** `!x`, `x == 0`, `x == DMA_MAPPING_ERROR`, `x != DMA_MAPPING_ERROR`, `x < 0`: the hand-written tests. */
function handComparison(p: Expr | undefined, e: Expr): string | undefined {
  if (!p) return undefined;
  if (zeroTest(p, e)) return p.text;
  const sign = signTest(p, e);
  if (sign) return sign;
  if (p.k === 'binary' && (p.op === '==' || p.op === '!=')) {
    const other = p.left === e ? p.right : p.right === e ? p.left : undefined;
    if (other && /\bDMA_MAPPING_ERROR\b/.test(other.text)) return p.text;
    if (other?.k === 'literal' && /^0[uUlL]*$/.test(other.text.trim())) return p.text;
  }
  return undefined;
}

/** `if (addr)` / `if (x && addr)`: the address used as a truth value. */
function bareTruthTest(u: Use): string | undefined {
  const p = parentOf(u);
  if (u.stmt.k === 'if' && u.stmt.cond === u.expr) return u.expr.text;
  if (p?.k === 'binary' && (p.op === '&&' || p.op === '||') && inCondition(u)) return u.expr.text;
  return undefined;
}

function handMessage(test: string, callee: string, what: string): string {
  if (/DMA_MAPPING_ERROR/.test(test)) {
    return `\`${test}\` compares the result of ${callee}() with DMA_MAPPING_ERROR by hand; use dma_mapping_error(), the only check DMA_API_DEBUG records (it otherwise warns "device driver failed to check map error") and the one that stays right if the error encoding changes.`;
  }
  if (/<|>/.test(test)) {
    return `\`${test}\` can never detect a failed ${callee}(): dma_addr_t is unsigned and failure is DMA_MAPPING_ERROR (~0); use dma_mapping_error().`;
  }
  return `\`${test}\` does not detect a failed ${callee}() on \`${what}\`: failure is DMA_MAPPING_ERROR (~0), not 0, and 0 can be a valid DMA address; use dma_mapping_error().`;
}

/** Replaces a hand-written test with dma_mapping_error() when the device expression is usable at that point. */
function handSuggestion(ctx: RuleContext, fn: FunctionIR, map: Call, p: Expr | undefined, u: Use, test: string): RuleSuggestion | undefined {
  if (ctx.side !== 'new' || !p || p.line !== p.endLine || /<|>/.test(test)) return undefined;
  const dev = map.args[0];
  if (!dev || !ctx.analysis.calls(fn).some((s) => s.call === map)) return undefined;
  const text = ctx.image.lineText.get(p.line);
  if (!text || text.split(p.text).length !== 2) return undefined;
  const negate = (p.k === 'binary' && p.op === '!=');
  const replacement = `${negate ? '!' : ''}dma_mapping_error(${dev.text}, ${u.expr.text})`;
  return { startLine: p.line, endLine: p.line, replacement: text.replace(p.text, replacement), safety: /DMA_MAPPING_ERROR/.test(test) ? 'safe' : 'review' };
}

/** True when the statement after the map (in its block) is visible: "the next line does not check it" is then known. */
function nextStatementVisible(site: CallSite): boolean {
  const parent = site.stmtParents[site.stmtParents.length - 1];
  if (!parent || parent.k !== 'block') return false;
  const i = parent.body.indexOf(site.stmt);
  return i >= 0 && i + 1 < parent.body.length;
}

function why(callee: string): string {
  return `${callee}() returns DMA_MAPPING_ERROR when the mapping fails (no IOVA space, swiotlb full, address beyond the DMA mask, vmalloc memory rejected); only dma_mapping_error() tests for it, and 0 can be a valid DMA address (include/linux/dma-mapping.h, dma-api-howto.rst "Handling Errors"). With CONFIG_DMA_API_DEBUG an unchecked address is reported as "device driver failed to check map error".`;
}

function instead(): string {
  return '`dma = dma_map_single(dev, buf, len, dir); if (dma_mapping_error(dev, dma)) { ret = -ENOMEM; goto err; }` before the address reaches a descriptor or register.';
}
