// Path analysis of lock-like sections (RCU read sections, spinlocks, mutexes, kmap_local/atomic) over the IR:
// branches fork the state, loops run zero or one time, forward gotos carry their state to the label. Reports
// sections left held at a return, releases of what the path does not hold, and calls that may sleep inside
// sections that forbid sleeping.
import type { Expr, FunctionIR } from '../c/ir.js';
import { callMaySleep, type ModelLookup } from './calls.js';
import { callsIn, callsInEvaluationOrder, exprKey } from './walk.js';
import { walkPaths, type PathDomain } from './paths.js';

type Call = Extract<Expr, { k: 'call' }>;

interface Held { cls: string; key: string; line: number; call: string; entry?: boolean }
type State = Held[];

/**
 * `entry`: the section was not acquired in the visible code but assumed held on entry (see
 * {@link LockOptions.entry}); callers usually judge such facts differently.
 */
export interface HeldAtReturn { cls: string; lockLine: number; lockCall: string; returnLine: number; implicit: boolean; entry?: boolean }
export interface ReleaseUnheld { cls: string; line: number; call: string }
/** One no-sleep section held at a call. */
export interface HeldSection { cls: string; line: number; call: string; entry?: boolean }
export interface SleepInSection {
  cls: string; sectionLine: number; sectionCall: string; line: number; call: string; why: string; entry?: boolean;
  /** Every no-sleep section held at the call, outermost first (an RCU section around a spinlock, ...). */
  sections?: HeldSection[];
}

/** A section assumed held when the function is entered. */
export interface EntrySection { cls: string; key?: string; line: number; call: string }

export interface LockOptions {
  /**
   * Sections held on entry. A hunk-only fragment that releases what its visible part never acquired was
   * (most likely) entered inside that section: re-running with it held shows what ran inside it.
   */
  entry?: EntrySection[];
}

export interface LockReport {
  heldAtReturn: HeldAtReturn[];
  releaseUnheld: ReleaseUnheld[];
  sleepInSection: SleepInSection[];
  /** Classes the function's annotations (`__acquires`, `__releases`, `__must_hold`) say it hands over. */
  annotated: Set<string>;
}

/** Sections in which sleeping is a bug (RCU read sections, spinlocks, atomic kmaps, disabled preemption). */
const NO_SLEEP = new Set(['rcu', 'rcu_bh', 'rcu_sched', 'spin', 'kmap_atomic', 'preempt', 'irq']);
/** Locks whose identity is their argument (a spinlock or mutex object); RCU-style sections are global. */
const KEYED = new Set(['spin', 'mutex', 'srcu']);
const MAX_STATES = 32;

interface Ctx {
  model: ModelLookup;
  report: LockReport;
}

function lockOf(ctx: Ctx, call: Call): { cls: string; op: 'acquire' | 'release'; key: string } | undefined {
  const lock = ctx.model.contract(call.callee)?.lock;
  if (!lock) return undefined;
  const arg = call.args[0];
  const key = KEYED.has(lock.cls) && arg ? `${lock.cls}:${exprKey(arg).replace(/^&/, '')}` : lock.cls;
  return { cls: lock.cls, op: lock.op, key };
}

/** Records a call that may sleep while a no-sleep section is held. */
function checkSleep(ctx: Ctx, state: State, call: Call): void {
  let section: Held | undefined;
  for (let i = state.length - 1; i >= 0 && !section; i--) if (NO_SLEEP.has(state[i].cls)) section = state[i];
  if (!section) return;
  const why = callMaySleep(call, ctx.model);
  if (!why || ctx.report.sleepInSection.some((s) => s.line === call.line && s.call === call.callee)) return;
  const sections = state.filter((h) => NO_SLEEP.has(h.cls))
    .map((h) => ({ cls: h.cls, line: h.line, call: h.call, ...(h.entry ? { entry: true } : {}) }));
  ctx.report.sleepInSection.push({
    cls: section.cls, sectionLine: section.line, sectionCall: section.call, line: call.line, call: call.callee, why,
    ...(section.entry ? { entry: true } : {}), sections,
  });
}

function applyCall(ctx: Ctx, state: State, call: Call): State {
  // Taking a sleeping lock (mutex_lock, down_read) is itself a sleep: check before the lock effect.
  checkSleep(ctx, state, call);
  const lock = lockOf(ctx, call);
  if (lock?.op === 'acquire') {
    if (/trylock/.test(call.callee)) return state; // handled by the enclosing condition
    return [...state, { cls: lock.cls, key: lock.key, line: call.line, call: call.callee }];
  }
  if (lock?.op === 'release') {
    for (let i = state.length - 1; i >= 0; i--) {
      if (state[i].key === lock.key || (!KEYED.has(lock.cls) && state[i].cls === lock.cls)) {
        return [...state.slice(0, i), ...state.slice(i + 1)];
      }
    }
    if (!ctx.report.releaseUnheld.some((r) => r.line === call.line)) {
      ctx.report.releaseUnheld.push({ cls: lock.cls, line: call.line, call: call.callee });
    }
    return state;
  }
  return state;
}

function evalExpr(ctx: Ctx, state: State, e: Expr): State {
  let cur = state;
  for (const c of callsInEvaluationOrder(e)) cur = applyCall(ctx, cur, c);
  return cur;
}

/** A trylock in a condition: which branch holds the lock. */
function trylockIn(ctx: Ctx, cond: Expr): { call: Call; negated: boolean } | undefined {
  let e = cond;
  let negated = false;
  while (e.k === 'unary' && e.op === '!') { negated = !negated; e = e.arg; }
  if (e.k === 'call' && /trylock/.test(e.callee) && lockOf(ctx, e)?.op === 'acquire') return { call: e, negated };
  return undefined;
}

function checkReturn(ctx: Ctx, states: State[], line: number, implicit: boolean): void {
  for (const s of states) {
    for (const h of s) {
      if (ctx.report.annotated.has(h.cls)) continue;
      if (!ctx.report.heldAtReturn.some((r) => r.lockLine === h.line && r.returnLine === line && r.cls === h.cls)) {
        ctx.report.heldAtReturn.push({
          cls: h.cls, lockLine: h.line, lockCall: h.call, returnLine: line, implicit, ...(h.entry ? { entry: true } : {}),
        });
      }
    }
  }
}

/**
 * Lock classes an annotation names. The kernel spells the RCU context both `__acquires(rcu)` and
 * `__acquires(RCU)` (include/linux/compiler_types.h only passes the token to sparse), so match without case.
 */
export function annotatedClasses(annotation: string): string[] {
  const m = /\((.*)\)/.exec(annotation);
  const what = m ? m[1] : '';
  if (/srcu/i.test(what)) return ['srcu'];
  if (/rcu/i.test(what)) {
    if (/bh/i.test(what)) return ['rcu', 'rcu_bh'];
    if (/sched/i.test(what)) return ['rcu', 'rcu_sched'];
    return ['rcu'];
  }
  if (/mutex|lock/.test(what)) return ['spin', 'mutex'];
  return [what];
}

/** Lock sections as a path-walk domain: calls acquire and release, trylocks hold only on their success branch. */
function lockDomain(ctx: Ctx): PathDomain<State> {
  return {
    key: (st) => (st.length === 0 ? '' : st.map((h) => `${h.key}@${h.line}`).join('|')),
    expr: (st, e) => evalExpr(ctx, st, e),
    decl(st, vars) {
      let cur = st;
      for (const v of vars) if (v.init) cur = evalExpr(ctx, cur, v.init);
      return cur;
    },
    branch(states, cond) {
      const tl = trylockIn(ctx, cond);
      const after = states.map((st) => evalExpr(ctx, st, cond));
      if (!tl) return { then: after, else: after };
      const lock = lockOf(ctx, tl.call)!;
      const held = (st: State): State => [...st, { cls: lock.cls, key: lock.key, line: tl.call.line, call: tl.call.callee }];
      return tl.negated ? { then: after, else: after.map(held) } : { then: after.map(held), else: after };
    },
    onReturn: (states, st) => checkReturn(ctx, states, st.line, false),
    maxStates: MAX_STATES,
  };
}

/** Runs the lock analysis over one function. */
export function analyseLocks(fn: FunctionIR, model: ModelLookup, opts: LockOptions = {}): LockReport {
  const annotated = new Set<string>();
  for (const a of fn.annotations) for (const cls of annotatedClasses(a)) annotated.add(cls);
  const report: LockReport = { heldAtReturn: [], releaseUnheld: [], sleepInSection: [], annotated };
  // Nothing held on entry and no call the model knows as a lock operation: every path's state stays empty, so
  // there is nothing to report and no need to walk the paths (most functions of a file).
  if (!opts.entry?.length && !callsIn(fn).some((c) => model.contract(c.call.callee)?.lock)) return report;
  const ctx: Ctx = { model, report };
  const entry: State = (opts.entry ?? []).map((e) => ({
    cls: e.cls, key: e.key ?? e.cls, line: e.line, call: e.call, entry: true,
  }));
  const end = walkPaths(fn.body, lockDomain(ctx), [entry]);
  // A synthetic (hunk-only) function does not show its real end: do not judge its fall-through.
  if (!fn.synthetic) checkReturn(ctx, end, fn.endLine, true);
  return report;
}
