// Follows an entry count back to where it came from: the count dma_map_sg() returned (the DMA view), the
// original nents the list was built and mapped with (the CPU view), a reset to 0, or something else. Locals are
// followed within their function, honouring statement order (an assignment after the use does not reach it,
// and a dominating assignment kills earlier ones); struct fields are followed file-wide to stores into the same
// field of the same struct (support/field-types.ts), which is how `rctx->nents = dma_map_sg(...)` in a prepare
// function is found again in the cleanup function; helpers of the file are followed through their returns.
import type { Expr, FunctionIR, Stmt, VarDecl } from '../../c/ir.js';
import { exprSitesOfKind, globalNamed, localDeclOf, lvalueKey, stmtParentsOf, stripCasts, walkFunction, walkStmts, type FileAnalysis, type ModelLookup } from '../../analysis/index.js';
import type { Evidence } from '../../types.js';
import { argOfRole, mapStyle } from './dma-api.js';
import { dominates, shareLoop, type Located } from './flow-order.js';
import { sameField } from './field-types.js';

type Call = Extract<Expr, { k: 'call' }>;

/** What a count holds. */
export type CountClass = 'mapped' | 'original' | 'reset' | 'other';

/** A dma_map_sg()-style call: the list and the nents it was given. */
export interface SgMapSite {
  call: Call;
  fn: FunctionIR;
  sg?: Expr;
  nents?: Expr;
}

/** One possible source of a count, with the evidence chain that leads to it. */
export interface CountOrigin {
  cls: CountClass;
  /** From the source to the expression asked about. */
  chain: Evidence[];
  /** For `mapped`: the map call that produced the count. */
  map?: SgMapSite;
}

interface Store {
  rhs: Expr;
  /** The assigned lvalue (for field stores, to compare containers). */
  lhs?: Expr;
  fn: FunctionIR;
  line: number;
  key: string;
  at: Located;
}

const MAX_DEPTH = 8;

/** Answers "which count is this?" for one file; build once per rule run. */
export class CountFlow {
  private fieldStores?: Store[];

  constructor(private readonly analysis: FileAnalysis, private readonly model: ModelLookup, private readonly file: string) {}

  /** Where the count `e`, read in `fn` at statement `at`, may come from. */
  origins(e: Expr, fn: FunctionIR, at: Located, depth = 0, seen = new Set<string>()): CountOrigin[] {
    const x = stripCasts(e);
    if (depth > MAX_DEPTH) return [{ cls: 'other', chain: [] }];
    switch (x.k) {
      case 'call': {
        if (mapStyle(this.model, x.callee) === 'sg-count') {
          return [{
            cls: 'mapped',
            chain: [this.ev(x.line, `${x.callee}() returns the number of mapped DMA segments, which may be fewer than the entries it was given`)],
            map: this.mapSite(x, fn),
          }];
        }
        // min()/max()/min_t() of counts: any argument may be the value.
        if (/^(min|max|min_t|max_t|umin|umax)$/.test(x.callee)) {
          const args = x.callee.endsWith('_t') ? x.args.slice(1) : x.args;
          return args.flatMap((a) => this.origins(a, fn, at, depth + 1, seen));
        }
        // A helper of this file: what its return statements give back.
        const helper = this.analysis.provenance.functionNamed(x.callee);
        if (helper && helper !== fn && !seen.has(`fn:${helper.name}`)) {
          seen.add(`fn:${helper.name}`);
          const out: CountOrigin[] = [];
          walkStmts(helper.body, (s, parents) => {
            if (s.k !== 'return' || !s.value) return;
            for (const o of this.origins(s.value, helper, { stmt: s, stmtParents: parents }, depth + 1, seen)) {
              out.push({ ...o, chain: [...o.chain, this.ev(x.line, `returned by ${helper.name}()`)] });
            }
          });
          seen.delete(`fn:${helper.name}`);
          if (out.length) return out;
        }
        return [{ cls: 'other', chain: [] }];
      }
      case 'literal':
        // 0 resets a count; a negative literal is an errno on a failure path, not a count either.
        return [{ cls: /^(0[uUlL]*|-\s*\d+)$/.test(x.text.trim()) ? 'reset' : 'other', chain: [] }];
      case 'unary':
        // A negative errno returned on a failure path is not a count of anything.
        return [{ cls: x.op === '-' ? 'reset' : 'other', chain: [] }];
      case 'cond':
        return [...this.origins(x.then, fn, at, depth + 1, seen), ...this.origins(x.else, fn, at, depth + 1, seen)];
      case 'assign':
        return this.origins(x.right, fn, at, depth + 1, seen);
      case 'ident':
        return this.identOrigins(x, fn, at, depth, seen);
      case 'field':
        return this.fieldOrigins(x, fn, depth, seen);
      default:
        return [{ cls: 'other', chain: [] }];
    }
  }

  /** The map site for a dma_map_sg()-style call. */
  mapSite(call: Call, fn: FunctionIR): SgMapSite {
    return { call, fn, sg: argOfRole(this.model, call, 'sg')?.expr, nents: argOfRole(this.model, call, 'nents')?.expr };
  }

  private ev(line: number, note: string): Evidence {
    return { file: this.file, line, note };
  }

  private identOrigins(x: Extract<Expr, { k: 'ident' }>, fn: FunctionIR, at: Located, depth: number, seen: Set<string>): CountOrigin[] {
    const key = `${fn.name}:${fn.line}:${x.name}`;
    if (seen.has(key)) return [];
    const local = localDeclOf(fn, x.name);
    const param = fn.params.find((p) => p.name === x.name);
    // In a hunk fragment the declaration may be out of view: a name assigned in the function is still a local.
    if (!local && !param && !!globalNamed(this.analysis.ir, x.name)) return [{ cls: 'other', chain: [] }];
    const stores = this.localStores(fn, x.name, local).filter((s) => reaches(s.at, at));
    if (!local && !param && !stores.length) return [{ cls: 'other', chain: [] }];
    // The last assignment that dominates the read kills every assignment before it.
    const killers = stores.filter((s) => dominates(s.at, at) && !shareLoop(s.at, at));
    const last = killers.sort((a, b) => b.line - a.line)[0];
    const live = last ? stores.filter((s) => s === last || s.line > last.line || shareLoop(s.at, at)) : stores;
    const out: CountOrigin[] = [];
    // Without a dominating store the value on entry (a parameter, or whatever the hidden declaration held) also reaches.
    if (!last && (param || live.length === 0 || !local)) out.push({ cls: 'other', chain: [] });
    seen.add(key);
    for (const s of live) {
      for (const o of this.origins(s.rhs, s.fn, s.at, depth + 1, seen)) {
        out.push({ ...o, chain: [...o.chain, this.ev(s.line, `stored in ${x.name}`)] });
      }
    }
    seen.delete(key);
    return out;
  }

  private localStores(fn: FunctionIR, name: string, decl: VarDecl | undefined): Store[] {
    const out: Store[] = [];
    walkFunction(fn, (s, parents) => {
      if (s.k === 'decl') {
        for (const v of s.vars) {
          if (v === decl && v.init) out.push({ rhs: v.init, fn, line: v.line, key: name, at: { stmt: s, stmtParents: parents } });
        }
      }
    }, (e, _ep, s, parents) => {
      if (e.k === 'assign' && e.op === '=' && e.left.k === 'ident' && e.left.name === name) {
        out.push({ rhs: e.right, fn, line: e.line, key: name, at: { stmt: s, stmtParents: parents } });
      }
    }, ['assign']);
    return out;
  }

  private fieldOrigins(x: Extract<Expr, { k: 'field' }>, fn: FunctionIR, depth: number, seen: Set<string>): CountOrigin[] {
    const path = fieldPath(x);
    const key = `field:${path}`;
    if (seen.has(key)) return [];
    // The same field of the same struct: by containing type when the declarations show it, else the same access.
    const stores = this.stores().filter((s) => s.lhs?.k === 'field' && sameField(s.lhs, s.fn, x, fn, this.analysis.ir));
    if (stores.length === 0) {
      return [{ cls: x.field === 'orig_nents' ? 'original' : 'other', chain: [] }];
    }
    const out: CountOrigin[] = [];
    seen.add(key);
    for (const s of stores) {
      for (const o of this.origins(s.rhs, s.fn, s.at, depth + 1, seen)) {
        const where = s.fn === fn ? '' : ` in ${s.fn.name}()`;
        out.push({ ...o, chain: [...o.chain, this.ev(s.line, `stored in ${s.key}${where}`)] });
      }
    }
    seen.delete(key);
    if (x.field === 'orig_nents' && !out.some((o) => o.cls === 'mapped')) return [{ cls: 'original', chain: [] }];
    return out;
  }

  /** Every `a->b = ...` / `a.b = ...` in the file (built once). */
  private stores(): Store[] {
    if (this.fieldStores) return this.fieldStores;
    const out: Store[] = [];
    for (const fn of this.analysis.functions) {
      for (const { expr: e, stmt: s, stmtParents: parents } of exprSitesOfKind(fn, 'assign')) {
        if (e.op === '=' && e.left.k === 'field') {
          const key = lvalueKey(e.left);
          if (key) out.push({ rhs: e.right, lhs: e.left, fn, line: e.line, key, at: { stmt: s, stmtParents: parents } });
        }
      }
    }
    this.fieldStores = out;
    return out;
  }
}

/** An assignment reaches a read when it comes first, or both sit in one loop (a later iteration reads it). */
function reaches(store: Located, use: Located): boolean {
  return store.stmt.line < use.stmt.line || (store.stmt.line === use.stmt.line && store.stmt !== use.stmt) || shareLoop(store, use);
}

/** `rctx->src.nents` → `src.nents` (the path below the root object), with `->` and `.` unified. */
export function fieldPath(e: Expr | string): string {
  const text = (typeof e === 'string' ? e : e.text).replace(/\s+/g, '').replace(/->/g, '.');
  const parts = text.split('.');
  return parts.slice(1).join('.') || text;
}


/** Statement parents of a located expression's statement (re-export for rules). */
export function located(fn: FunctionIR, stmt: Stmt): Located {
  return { stmt, stmtParents: stmtParentsOf(fn, stmt) };
}
