// The per-file semantic model that rules read: IR, provenance, lock paths and def-use queries, each computed
// once per file (lazily), over the per-function index of walk.ts, so that thirty rules do not walk the same tree
// thirty times.
import type { Expr, FileIR, FunctionIR, Stmt } from '../c/ir.js';
import type { ModelLookup } from './calls.js';
import { analyseLocks, type LockReport } from './locks.js';
import { Provenance, type Origin, type ValueKind } from './provenance.js';
import { callsIn, exprKey, exprSitesOfKind, type CallSite } from './walk.js';

export type { Origin, ValueKind } from './provenance.js';
export type { CallSite } from './walk.js';
export type { LockReport } from './locks.js';
export * from './walk.js';
export { globalNamed, structFieldsNamed } from './decl-index.js';
export { gfpArgument, gfpMaySleep, callMaySleep } from './calls.js';
export type { ModelLookup, ContractView } from './calls.js';

/** One place an lvalue (variable or field path) is read, with its surroundings. */
export interface Use {
  expr: Expr;
  stmt: Stmt;
  /** Enclosing expressions, outermost first. */
  exprParents: Expr[];
  stmtParents: Stmt[];
  fn: FunctionIR;
}

const NO_FUNCTIONS: readonly FunctionIR[] = Object.freeze([]);

export class FileAnalysis {
  readonly provenance: Provenance;
  private readonly lockReports = new Map<FunctionIR, LockReport>();
  private fileCalls?: readonly { fn: FunctionIR; site: CallSite }[];
  private byCallee?: Map<string, { fn: FunctionIR; site: CallSite }[]>;
  private byName?: Map<string, readonly FunctionIR[]>;
  private keyIndex?: Map<string, Use[]>;

  constructor(readonly ir: FileIR, readonly model: ModelLookup) {
    this.provenance = new Provenance(ir, model);
  }

  get functions(): FunctionIR[] {
    return this.ir.functions;
  }

  /** Every call in a function (`callsIn(fn)`: computed once per function and shared, frozen). */
  calls(fn: FunctionIR): readonly CallSite[] {
    return callsIn(fn);
  }

  /** Every call in the file, function by function (computed once: frozen). */
  allCalls(): readonly { fn: FunctionIR; site: CallSite }[] {
    if (!this.fileCalls) {
      const out: { fn: FunctionIR; site: CallSite }[] = [];
      for (const fn of this.ir.functions) for (const site of callsIn(fn)) out.push(Object.freeze({ fn, site }));
      this.fileCalls = Object.freeze(out);
    }
    return this.fileCalls;
  }

  /** Calls to any of `names`, in file order (a new array each time: callers may filter or sort it). */
  callsTo(names: Iterable<string>): { fn: FunctionIR; site: CallSite }[] {
    const set = new Set(names);
    if (set.size === 1) {
      const [name] = set;
      return [...(this.calleeIndex().get(name) ?? [])];
    }
    return this.allCalls().filter(({ site }) => set.has(site.call.callee));
  }

  private calleeIndex(): Map<string, { fn: FunctionIR; site: CallSite }[]> {
    if (!this.byCallee) {
      const m = new Map<string, { fn: FunctionIR; site: CallSite }[]>();
      for (const c of this.allCalls()) {
        const l = m.get(c.site.call.callee);
        if (l) l.push(c); else m.set(c.site.call.callee, [c]);
      }
      this.byCallee = m;
    }
    return this.byCallee;
  }

  /** The functions of the file called `name`, in file order (a fragment image may hold several pieces of one). */
  functionsNamed(name: string): readonly FunctionIR[] {
    if (!this.byName) {
      const m = new Map<string, FunctionIR[]>();
      for (const fn of this.ir.functions) {
        const l = m.get(fn.name);
        if (l) l.push(fn); else m.set(fn.name, [fn]);
      }
      for (const l of m.values()) Object.freeze(l);
      this.byName = m;
    }
    return this.byName.get(name) ?? NO_FUNCTIONS;
  }

  origins(e: Expr, fn: FunctionIR): Origin[] {
    return this.provenance.originsOf(e, fn);
  }

  kinds(e: Expr, fn: FunctionIR): Set<ValueKind> {
    return this.provenance.kindsOf(e, fn);
  }

  locks(fn: FunctionIR): LockReport {
    let r = this.lockReports.get(fn);
    if (!r) { r = analyseLocks(fn, this.model); this.lockReports.set(fn, r); }
    return r;
  }

  /**
   * Reads of an lvalue anywhere in the file, matched by normalised text (`rctx->nents`) or, with `byField`,
   * by the last field name alone (`->nents` through any base), which is how a value stored in a struct in
   * one function is found again in another.
   */
  uses(key: string, opts: { byField?: boolean; fn?: FunctionIR } = {}): Use[] {
    const index = this.index();
    const list = opts.byField ? index.get(`.${key}`) ?? [] : index.get(key) ?? [];
    return opts.fn ? list.filter((u) => u.fn === opts.fn) : list;
  }

  private index(): Map<string, Use[]> {
    if (this.keyIndex) return this.keyIndex;
    const idx = new Map<string, Use[]>();
    const push = (k: string, u: Use) => {
      const l = idx.get(k) ?? [];
      l.push(u);
      idx.set(k, l);
    };
    for (const fn of this.ir.functions) {
      for (const { expr: e, exprParents, stmt, stmtParents } of exprSitesOfKind(fn, 'ident', 'field')) {
        const parent = exprParents[exprParents.length - 1];
        // `a->b` is indexed as itself, not also as `a`.
        if (parent?.k === 'field' && parent.base === e) continue;
        const u: Use = { expr: e, stmt, exprParents, stmtParents, fn };
        push(exprKey(e), u);
        if (e.k === 'field') push(`.${e.field}`, u);
      }
    }
    this.keyIndex = idx;
    return idx;
  }
}
