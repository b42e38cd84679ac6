// rcu-imbalance: a function that returns with an RCU read-side section still open on some path, or that closes
// a section it never opened. Both leave the section unbalanced within the function (sparse's "context
// imbalance"): the caller ends up in, or is taken out of, a critical section it does not know about. Seed 002:
// kmap_atomic_pfn_t() returned with rcu_read_lock() held on its success paths and kunmap_atomic_pfn_t() did
// the unlock. Functions annotated __acquires()/__releases() for the class hand the section over on purpose and
// are left alone.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { exprKey, stripCasts, walkStmts, type CallSite } from '../analysis/index.js';
import { analyseLocks } from '../analysis/locks.js';
import type { Certainty, Evidence } from '../types.js';
import {
  irMissesRcuCalls, RCU_CLASSES, rcuLockFacts, releaseLines, releaseNameFor, sectionName, spanVisible, visibleFromStart,
} from './support/rcu-sections.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';
import { insertBeforeReturn } from './support/suggest.js';

const ID = 'rcu-imbalance';

const REFS = [
  'seed 002',
  'include/linux/rcupdate.h (rcu_read_lock/rcu_read_unlock kerneldoc)',
  'Documentation/RCU/whatisRCU.rst',
  'LKML 2015-08 "[PATCH v5 2/5] allow mapping page-less memremaped areas into KVA"',
];

export const rcuImbalance: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'A path returns with an RCU read-side section still held, or unlocks a section it never locked',
    catalogue: ['seed 002'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const { facts, summaries } = rcuLockFacts(ctx);
    for (const { fn, report, assertsHeld } of facts) {
      // seq_file iterators open the section in ->start and close it in ->stop by design
      // (Documentation/filesystems/seq_file.rst): the hand-over is the interface, not a bug.
      if (fn.params.some((p) => /\bseq_file\b/.test(p.type))) continue;
      const calls = ctx.analysis.calls(fn);
      if (irMissesRcuCalls(fn, calls)) continue;
      // A function that both closes a section it did not open and returns inside one it opened passes the
      // caller's section through (iterator-style `next` steps): its balance is the caller's protocol.
      const passesThrough = (cls: string) => report.releaseUnheld.some((u) => u.cls === cls)
        && report.heldAtReturn.some((h) => h.cls === cls && !h.entry);
      const skip = (cls: string) => !RCU_CLASSES.has(cls) || report.annotated.has(cls)
        || (assertsHeld !== undefined && cls !== 'srcu') || passesThrough(cls);
      // 1. Sections left open at a return.
      const byLock = new Map<number, typeof report.heldAtReturn>();
      for (const h of report.heldAtReturn) {
        if (skip(h.cls) || h.entry) continue;
        // The path from the lock to the return must be on screen: a gap between hunks may hold the unlock.
        if (!spanVisible(ctx.image, h.lockLine, h.returnLine)) continue;
        if (h.cls === 'srcu' && srcuIndexHandedOn(fn, calls, h.lockLine, h.returnLine)) continue;
        byLock.set(h.lockLine, [...(byLock.get(h.lockLine) ?? []), h]);
      }
      for (const [lockLine, held] of byLock) {
        const first = held[0];
        const releases = releaseLines(fn, first.cls, summaries.model, calls).filter((l) => l > lockLine);
        // `if (c) rcu_read_lock(); ... if (c) rcu_read_unlock();`: the paths are correlated, which this
        // analysis does not track; say nothing rather than report an infeasible path.
        if (correlated(fn, lockLine, releases)) continue;
        // A lock wrapper whose every path holds the section is doing its job.
        if (!releases.length && WRAPPER_NAME.test(fn.name)) continue;
        // Certain when a failing path keeps the section: nobody hands a section over with an error. A success
        // return that keeps it while another path closes it is a conditional hand-over (the seed's
        // kmap_atomic_pfn_t()): wrong by this rule, but the author may have meant it.
        const failing = held.filter((h) => !h.implicit && errorShaped(fn, h.returnLine));
        const certainty: Certainty = failing.length ? 'certain' : 'likely';
        const name = sectionName(first.cls);
        const unlock = releaseNameFor(first.lockCall, first.cls, summaries.model);
        const where = held.map((h) => (h.implicit ? `the end of ${fnName(fn)}` : `line ${h.returnLine}`));
        const evidence: Evidence[] = [
          { file: ctx.image.path, line: lockLine, note: `${first.lockCall}() opens the ${name}` },
          ...held.map((h) => ({
            file: ctx.image.path, line: h.returnLine,
            note: h.implicit ? 'falls off the end with the section held' : 'returns with the section still held',
          })),
          ...releases.slice(0, 3).map((l) => ({ file: ctx.image.path, line: l, note: 'the section is closed here on another path' })),
        ];
        out.push({
          line: first.returnLine,
          startLine: lockLine,
          function: fn,
          code: `${first.lockCall}@${fnName(fn)}:held-at-return`,
          certainty,
          message: `${first.lockCall}() at line ${lockLine} is still held when ${fnName(fn)} returns at ${where.join(', ')}: `
            + (releases.length
              ? `the ${name} is closed on another path (line ${releases[0]}) but not on ${held.length > 1 ? 'these' : 'this one'}.`
              : `no path of the function closes the ${name} it opened.`),
          why: `An RCU read-side critical section must begin and end in the same function on every path. Returning with it open `
            + `leaves the caller inside a section it never entered: grace periods are held off until someone else happens to unlock, `
            + `sleeping anywhere in the caller becomes a bug (with CONFIG_PREEMPT_RCU=n the section disables preemption), and lockdep and `
            + `sparse report the imbalance ("context imbalance"). `
            + (failing.length ? 'This path reports an error, and a failing call does not hand its caller a critical section to close. '
              : releases.length ? 'Because the function closes the section on another path, whether the caller ends up inside it depends on which path ran; if that is meant, it is an unannotated conditional hand-over. '
                : '')
            + (releases.length ? '' : 'If the function is meant to return inside the section, nothing says so: it carries no __acquires() annotation.'),
          instead: `Close the section before every return (${unlock ?? 'the matching unlock'}(), usually at a common exit label). `
            + 'If the caller needs the object after the section ends, take a reference on it inside the section (kref_get_unless_zero(), '
            + 'percpu_ref_tryget_live()) and drop the section before returning; a deliberate hand-over must hold on every path and be annotated __acquires(RCU).',
          evidence,
          references: REFS,
          suggestion: held.length === 1 && unlock && !first.implicit ? insertBeforeReturn(ctx, fn, first.returnLine, `${unlock}();`) : undefined,
        });
      }
      // 2. Unlocks of a section the function never opened.
      for (const u of report.releaseUnheld) {
        if (skip(u.cls)) continue;
        // Only when everything the function did before the unlock is visible (hunk fragments start mid-function).
        if (!visibleFromStart(ctx.image, fn, u.line)) continue;
        const site = calls.find((c) => c.call.line === u.line && c.call.callee === u.call);
        // An SRCU unlock whose index arrives as a parameter closes a section the caller handed over.
        if (u.cls === 'srcu' && site && indexIsParameter(fn, site.call.args[1])) continue;
        const acquires = calls.filter((c) => summaries.model.contract(c.call.callee)?.lock?.op === 'acquire'
          && summaries.model.contract(c.call.callee)?.lock?.cls === u.cls).map((c) => c.call.line);
        if (correlated(fn, u.line, acquires)) continue;
        const name = sectionName(u.cls);
        // Paths disagree when, entered with the section held, some return still holds it: that path never unlocks.
        const key = u.cls === 'srcu' && site?.call.args[0] ? `srcu:${exprKey(site.call.args[0]).replace(/^&/, '')}` : u.cls;
        const entered = analyseLocks(fn, summaries.model, { entry: [{ cls: u.cls, key, line: fn.line, call: u.call }] });
        const skipping = entered.heldAtReturn.filter((h) => h.entry && h.cls === u.cls);
        if (!skipping.length && WRAPPER_NAME.test(fn.name)) continue;
        // Whether a caller could legitimately hold the section is not visible here: never more than likely.
        const certainty: Certainty = 'likely';
        out.push({
          line: u.line,
          function: fn,
          code: `${u.call}@${fnName(fn)}:release-unheld`,
          certainty,
          message: `${u.call}() at line ${u.line} closes an ${name} that ${fnName(fn)} never opened`
            + (skipping.length ? `, and the path returning at line ${skipping[0].returnLine} does not close it: the section's balance depends on which path the caller took.` : ': the section is opened by some other function and closed here.'),
          why: `${u.call}() must pair with a lock taken earlier in the same function. Splitting a read-side section across functions `
            + `(lock in one, unlock in another) ties the callers to an invisible protocol, hides how long the section lasts, and breaks as soon `
            + `as one caller takes a different path; sparse reports it as a context imbalance unless the function is annotated __releases().`,
          instead: `Open and close the section in the same function. If a lookup must hand an object to a later function, take a reference `
            + `on the object inside the section and drop the reference later, instead of keeping the section open between the two calls.`,
          evidence: [
            { file: ctx.image.path, line: fn.line, note: `${fnName(fn)} takes no ${name} on any path before line ${u.line}` },
            { file: ctx.image.path, line: u.line, note: `${u.call}() releases it` },
            ...skipping.slice(0, 2).map((h) => ({ file: ctx.image.path, line: h.returnLine, note: 'this path returns without the unlock' })),
          ],
          references: REFS,
        });
      }
    }
    return out;
  },
};

/**
 * Names of functions whose whole job is to take or drop a section for their callers (lock/unlock wrappers,
 * enter/exit or begin/end pairs). When every path of such a function agrees, the split is its purpose.
 */
const WRAPPER_NAME = /(^|_)(un)?lock(_|$)|(^|_)(enter|exit|begin|end|start|stop|acquire|release)(_|$)/;

/** The condition text of the innermost `if` (without else) whose then-branch contains `line`, if any. */
function guardOf(fn: FunctionIR, line: number): string | undefined {
  let found: string | undefined;
  walkStmts(fn.body, (s) => {
    if (s.k === 'if' && !s.else && s.then.line <= line && s.then.endLine >= line) found = s.cond.text.replace(/\s+/g, '');
  });
  return found;
}

/** A lock and the matching unlock(s) guarded by the same condition text. */
function correlated(fn: FunctionIR, line: number, partners: number[]): boolean {
  const g = guardOf(fn, line);
  return g !== undefined && partners.some((l) => guardOf(fn, l) === g);
}

/**
 * An SRCU section handed on with its index: the returning statement returns or passes the index variable that
 * srcu_read_lock() produced (or returns srcu_read_lock() itself).
 */
function srcuIndexHandedOn(fn: FunctionIR, calls: readonly CallSite[], lockLine: number, returnLine: number): boolean {
  const lock = calls.find((c) => c.call.line === lockLine && isSrcuLock(c));
  let ret: Stmt | undefined;
  walkStmts(fn.body, (s) => { if (!ret && s.k === 'return' && s.line === returnLine) ret = s; });
  if (!ret || ret.k !== 'return' || !ret.value) return false;
  if (/\bsrcu_read_lock\w*\s*\(/.test(ret.value.text)) return true;
  const target = lock ? resultVariable(lock) : undefined;
  return !!target && new RegExp(`\\b${target}\\b`).test(ret.value.text);
}

function isSrcuLock(c: CallSite): boolean {
  return /^srcu_read_lock/.test(c.call.callee);
}

/** The variable a call's result is assigned to (`idx = srcu_read_lock(...)`, `int idx = ...`). */
function resultVariable(site: CallSite): string | undefined {
  const parent = site.exprParents[site.exprParents.length - 1];
  if (parent?.k === 'assign' && parent.left.k === 'ident') return parent.left.name;
  if (!parent && site.stmt.k === 'decl') return site.stmt.vars.find((v) => v.init === site.call)?.name;
  return undefined;
}

/** True when `e` is one of the function's parameters (an SRCU index passed in by the caller). */
function indexIsParameter(fn: FunctionIR, e: Expr | undefined): boolean {
  return !!e && e.k === 'ident' && fn.params.some((p) => p.name === e.name);
}

/** A return statement that reports failure by its shape: `-EINVAL`, `-1`, `ERR_PTR(...)`, `NULL`. */
function errorShaped(fn: FunctionIR, line: number): boolean {
  let value: Expr | undefined;
  walkStmts(fn.body, (s) => { if (!value && s.k === 'return' && s.line === line && s.value) value = stripCasts(s.value); });
  if (!value) return false;
  if (value.k === 'unary' && value.op === '-') return true;
  if (value.k === 'call' && /^(ERR_PTR|ERR_CAST)$/.test(value.callee)) return true;
  return (value.k === 'literal' && value.lit === 'null') || (value.k === 'ident' && value.name === 'NULL');
}

function fnName(fn: FunctionIR): string {
  return fn.name ? `${fn.name}()` : 'the function';
}

