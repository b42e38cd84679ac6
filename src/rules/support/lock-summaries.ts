// Same-file function summaries for the RCU rules: a helper defined in the file that may sleep while its caller's
// RCU read-side section is held, or that is annotated as taking or dropping a lock context (`__acquires(RCU)`,
// `__releases(RCU)`), behaves at its call sites like a kernel API with that contract. The summaries are
// presented as a ModelLookup wrapper, so the path analysis (src/analysis/locks.ts) stays intraprocedural and the
// model keeps precedence for real APIs. The sleep summary is RCU-specific: a helper that drops the RCU section
// around its sleep is not a sleeper for an RCU caller (it would be for a spinlock caller).
import type { FileIR, FunctionIR } from '../../c/ir.js';
import { analyseLocks, annotatedClasses } from '../../analysis/locks.js';
import { callsIn, type ContractView, type ModelLookup } from '../../analysis/index.js';

/** Why a same-file helper may sleep: the call inside it that does, possibly through further helpers. */
export interface HelperSleep {
  helper: string;
  line: number;
  call: string;
  why: string;
  /** The sleeping call sits under a condition inside the helper (an if, switch, `?:` or `&&`). */
  conditional: boolean;
}

export interface LockSummaries {
  /** The model, extended with contracts for the file's own functions. */
  model: ModelLookup;
  /** The sleeping call behind a same-file helper, for evidence. */
  sleepOf(name: string): HelperSleep | undefined;
}

/** Lock classes that are one global context (no lock object): annotations name them without an argument. */
const UNKEYED = new Set(['rcu', 'rcu_bh', 'rcu_sched', 'preempt', 'irq', 'bh']);

/** Builds the summaries for one file (lazily: a helper is summarised the first time a call asks for it). */
export function lockSummaries(model: ModelLookup, ir: FileIR): LockSummaries {
  const defs = new Map<string, FunctionIR>();
  for (const fn of ir.functions) if (fn.name && !fn.synthetic && !defs.has(fn.name)) defs.set(fn.name, fn);
  const sleeps = new Map<string, HelperSleep | null>();
  const inProgress = new Set<string>();

  const sleepOf = (name: string): HelperSleep | undefined => {
    const known = sleeps.get(name);
    if (known !== undefined) return known ?? undefined;
    const fn = defs.get(name);
    if (!fn || inProgress.has(name)) return undefined;
    inProgress.add(name);
    // A helper sleeps *in its caller's section* only if the sleep happens while that section is still held:
    // run it as if entered inside an RCU read-side section, so a helper that drops the section around its
    // sleep (rcu_read_unlock(); cond_resched(); rcu_read_lock();) does not count.
    const entered = analyseLocks(fn, wrapped, { entry: [{ cls: 'rcu', line: fn.line, call: 'rcu_read_lock' }] });
    const hit = entered.sleepInSection.find((x) => x.sections?.some((sec) => sec.entry));
    let found: HelperSleep | null = null;
    if (hit) {
      const site = callsIn(fn).find((c) => c.call.line === hit.line && c.call.callee === hit.call);
      const conditional = !!site && (site.stmtParents.some((p) => p.k === 'if' || p.k === 'switch')
        || site.exprParents.some((e) => e.k === 'cond' || (e.k === 'binary' && (e.op === '&&' || e.op === '||'))));
      found = { helper: name, line: hit.line, call: hit.call, why: hit.why, conditional };
    }
    inProgress.delete(name);
    sleeps.set(name, found);
    return found ?? undefined;
  };

  const lockOf = (fn: FunctionIR): ContractView['lock'] | undefined => {
    for (const a of fn.annotations) {
      const op = a.startsWith('__acquires') ? 'acquire' : a.startsWith('__releases') ? 'release' : undefined;
      if (!op) continue;
      // The most specific global class the annotation names (rcu_bh before rcu).
      const cls = annotatedClasses(a).filter((c) => UNKEYED.has(c)).pop();
      if (cls) return { cls, op };
    }
    return undefined;
  };

  // A helper's contract is built once. Its lock effect is read off its annotations; whether it sleeps is a path
  // analysis of its own, so `mightSleep` is worked out when first read: the lock analysis looks up every call for
  // its lock effect, but asks whether a call sleeps only inside a section that forbids it (a few calls per file).
  const helpers = new Map<string, ContractView>();
  const helperContract = (name: string, fn: FunctionIR): ContractView => {
    let view = helpers.get(name);
    if (!view) {
      const lock = lockOf(fn);
      view = { name, ...(lock ? { lock } : {}), source: 'this file' };
      Object.defineProperty(view, 'mightSleep', { enumerable: true, get: () => (sleepOf(name) ? true : undefined) });
      helpers.set(name, view);
    }
    return view;
  };

  const wrapped: ModelLookup = {
    contract(name: string): ContractView | undefined {
      const real = model.contract(name);
      if (real) return real;
      const fn = defs.get(name);
      return fn ? helperContract(name, fn) : undefined;
    },
    passesThrough: (name) => model.passesThrough(name),
    describe: (kind) => model.describe(kind),
  };
  return { model: wrapped, sleepOf };
}
