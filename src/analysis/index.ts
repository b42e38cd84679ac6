// The per-file semantic model that rules read: IR, provenance, lock paths and def-use queries, each computed
// once per file (lazily) so that thirty rules do not walk the same tree thirty times.
import type { Expr, FileIR, FunctionIR, Stmt } from '../c/ir.js';
import type { ModelLookup } from './calls.js';
import { analyseLocks, type LockReport } from './locks.js';
import { Provenance, type Origin, type ValueKind } from './provenance.js';
import { callsIn, exprKey, ownExprs, walkExpr, walkStmts, type CallSite } from './walk.js';

export type { Origin, ValueKind } from './provenance.js';
export type { CallSite } from './walk.js';
export type { LockReport } from './locks.js';
export * from './walk.js';
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

export class FileAnalysis {
  readonly provenance: Provenance;
  private readonly lockReports = new Map<FunctionIR, LockReport>();
  private readonly callSites = new Map<FunctionIR, CallSite[]>();
  private keyIndex?: Map<string, Use[]>;

  constructor(readonly ir: FileIR, readonly model: ModelLookup) {
    this.provenance = new Provenance(ir, model);
  }

  get functions(): FunctionIR[] {
    return this.ir.functions;
  }

  /** Every call in a function (cached). */
  calls(fn: FunctionIR): CallSite[] {
    let c = this.callSites.get(fn);
    if (!c) { c = callsIn(fn); this.callSites.set(fn, c); }
    return c;
  }

  /** Every call in the file. */
  allCalls(): { fn: FunctionIR; site: CallSite }[] {
    return this.ir.functions.flatMap((fn) => this.calls(fn).map((site) => ({ fn, site })));
  }

  /** Calls to any of `names`. */
  callsTo(names: Iterable<string>): { fn: FunctionIR; site: CallSite }[] {
    const set = new Set(names);
    return this.allCalls().filter(({ site }) => set.has(site.call.callee));
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
      walkStmts(fn.body, (stmt, stmtParents) => {
        for (const root of ownExprs(stmt)) {
          walkExpr(root, (e, exprParents) => {
            if (e.k !== 'ident' && e.k !== 'field') return;
            const parent = exprParents[exprParents.length - 1];
            // `a->b` is indexed as itself, not also as `a`.
            if (parent?.k === 'field' && parent.base === e) return;
            const u: Use = { expr: e, stmt, exprParents, stmtParents, fn };
            push(exprKey(e), u);
            if (e.k === 'field') push(`.${e.field}`, u);
          });
        }
      });
    }
    this.keyIndex = idx;
    return idx;
  }
}
