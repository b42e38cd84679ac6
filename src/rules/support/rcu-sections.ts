// RCU read-side sections as the two RCU rules see them: which lock classes count as RCU, the lock analysis of
// every function with same-file helper summaries, and the inference that a hunk fragment which unlocks a
// section it never visibly locked was entered inside that section.
import type { FunctionIR } from '../../c/ir.js';
import { analyseLocks, type LockReport } from '../../analysis/locks.js';
import type { ModelLookup } from '../../analysis/index.js';
import type { RuleContext } from '../types.js';
import { lockSummaries, type LockSummaries } from './lock-summaries.js';
import { spanVisible, visibleFromStart } from './hunk-spans.js';

/** Lock classes of RCU read-side sections (the model's LockClass names). */
export const RCU_CLASSES: ReadonlySet<string> = new Set(['rcu', 'rcu_bh', 'rcu_sched', 'srcu']);
/**
 * RCU sections in which sleeping is a bug. SRCU readers may sleep by design (Documentation/RCU/whatisRCU.rst,
 * "SRCU ... permits general sleeping"), so `srcu` is not here.
 */
export const RCU_NO_SLEEP: ReadonlySet<string> = new Set(['rcu', 'rcu_bh', 'rcu_sched']);

/** A human name for a class in messages. */
export function sectionName(cls: string): string {
  switch (cls) {
    case 'rcu_bh': return 'RCU-bh read-side section';
    case 'rcu_sched': return 'RCU-sched read-side section';
    case 'srcu': return 'SRCU read-side section';
    default: return 'RCU read-side section';
  }
}

/** One function's lock facts, computed with the file's helper summaries. */
export interface FunctionLocks {
  fn: FunctionIR;
  report: LockReport;
  /**
   * The same analysis re-run with the unlocked-but-never-locked RCU sections held on entry, when the function's
   * start is not visible (a hunk fragment). Facts marked `entry` come from this assumption.
   */
  entered?: LockReport;
  /** Line of an assertion that the caller holds rcu_read_lock() (the function expects to be entered inside it). */
  assertsHeld?: number;
}

/**
 * Lockdep assertions that a function is called inside an RCU read-side section (include/linux/rcupdate.h,
 * include/linux/lockdep.h): like `__must_hold(RCU)`, they say the section belongs to the caller.
 */
const RCU_HELD_ASSERT = /\b(rcu_read_lock_held|rcu_read_lock_any_held|lockdep_assert_in_rcu_read_lock|lockdep_assert_in_rcu_reader)\b/;

/** The line of such an assertion in `fn`, if any. */
function rcuHeldAssertion(ctx: RuleContext, fn: FunctionIR): number | undefined {
  for (const site of ctx.analysis.calls(fn)) {
    if (RCU_HELD_ASSERT.test(site.call.callee)) return site.call.line;
  }
  return undefined;
}

/** Lock facts of every function of the image (RCU rules share the computation through this cache). */
export function rcuLockFacts(ctx: RuleContext): { facts: FunctionLocks[]; summaries: LockSummaries } {
  const cached = CACHE.get(ctx.analysis);
  if (cached) return cached;
  const summaries = lockSummaries(ctx.model, ctx.ir);
  const facts = ctx.analysis.functions.map((fn) => {
    const report = analyseLocks(fn, summaries.model);
    const out: FunctionLocks = { fn, report };
    const unlockedOnly = report.releaseUnheld.filter((r) => RCU_NO_SLEEP.has(r.cls) && !visibleFromStart(ctx.image, fn, r.line));
    const entry = [...new Map(unlockedOnly.map((r) => [r.cls, r])).values()].map((r) => ({
      cls: r.cls, line: fn.line, call: acquireNameFor(r.call),
    }));
    // A function that asserts it runs under rcu_read_lock() is entered inside its caller's section.
    const assertion = rcuHeldAssertion(ctx, fn);
    if (assertion && !entry.some((e) => e.cls === 'rcu')) entry.push({ cls: 'rcu', line: assertion, call: 'rcu_read_lock' });
    if (entry.length) out.entered = analyseLocks(fn, summaries.model, { entry });
    if (assertion) out.assertsHeld = assertion;
    return out;
  });
  const result = { facts, summaries };
  CACHE.set(ctx.analysis, result);
  return result;
}

const CACHE = new WeakMap<object, { facts: FunctionLocks[]; summaries: LockSummaries }>();

/** `rcu_read_lock` for `rcu_read_unlock`, `srcu_read_lock` for `srcu_read_unlock` (names for messages). */
export function acquireNameFor(release: string): string {
  return release.replace(/unlock/, 'lock');
}

/**
 * The API that closes a section opened by `acquire`, when the model confirms it (rcu_read_lock →
 * rcu_read_unlock); undefined when no such contract exists.
 */
export function releaseNameFor(acquire: string, cls: string, model: ModelLookup): string | undefined {
  const name = acquire.replace(/_lock(?=$|_)/, '_unlock');
  if (name === acquire) return undefined;
  const c = model.contract(name);
  return c?.lock?.op === 'release' && c.lock.cls === cls ? name : undefined;
}

/** Lines in `fn` where a call releases `cls`, per the (summarised) model. */
export function releaseLines(fn: FunctionIR, cls: string, model: ModelLookup, calls: readonly { call: { callee: string; line: number } }[]): number[] {
  return calls.filter((s) => {
    const l = model.contract(s.call.callee)?.lock;
    return l?.op === 'release' && l.cls === cls;
  }).map((s) => s.call.line).filter((l) => l >= fn.line && l <= fn.endLine);
}

/** RCU lock and unlock tokens, to check that the IR saw every one the source text shows. */
const RCU_TOKEN = /\b(rcu_read_lock|rcu_read_unlock|rcu_read_lock_bh|rcu_read_unlock_bh|rcu_read_lock_sched|rcu_read_unlock_sched|srcu_read_lock|srcu_read_unlock)\s*\(/g;

/**
 * True when the function's source text shows an RCU lock or unlock call that its IR does not contain: a macro
 * the parser misread (`for_each_process(p) if (...) break;` can swallow the next statement) hides a path fact,
 * and the RCU rules then stay silent on the function rather than judge a path that is not there.
 */
export function irMissesRcuCalls(fn: FunctionIR, calls: readonly { call: { callee: string } }[]): boolean {
  // Every token below contains `rcu_read_`: a function whose text has none needs no comment stripping.
  if (!fn.text.includes('rcu_read_')) return false;
  const text = fn.text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  const inText = new Map<string, number>();
  for (const m of text.matchAll(RCU_TOKEN)) inText.set(m[1], (inText.get(m[1]) ?? 0) + 1);
  for (const [name, n] of inText) {
    if (calls.filter((c) => c.call.callee === name).length < n) return true;
  }
  return false;
}

export { spanVisible, visibleFromStart };
