// Provenance: which kinds of memory (or which kinds of value: DMA address, bus address, mapped count) an
// expression may hold, with the evidence chain that says why. Flow-insensitive within a function (every
// assignment to a variable is a possible source), file-wide for struct fields, and through summaries of helper
// functions defined in the same file. Unknown stays unknown: nothing is guessed.
import type { Expr, FileIR, FunctionIR, VarDecl } from '../c/ir.js';
import type { Evidence } from '../types.js';
import { memoryKindOfCall, valueClassOfCall, type ModelLookup } from './calls.js';
import { globalNamed, structFieldsNamed } from './decl-index.js';
import { exprSitesOfKind, localDecls, stripCasts, walkFunction, walkStmts } from './walk.js';

/** What a value can be: a memory kind id from the model, a value class, or unknown. */
export type ValueKind = string;

export const UNKNOWN = 'unknown';

export interface Origin {
  kind: ValueKind;
  /** From the source (an allocation, a declaration) to the expression asked about. */
  chain: Evidence[];
}

interface Assignment { rhs: Expr; fn: FunctionIR; line: number }

interface FnScope {
  /** The function's local declarations by name (walk.ts `localDecls`, shared). */
  locals: ReadonlyMap<string, VarDecl>;
  params: Map<string, VarDecl>;
  assigns: Map<string, Assignment[]>;
}

const MAX_DEPTH = 10;

/** Answers "where can this value come from?" for one file's IR. Results are memoised per expression. */
export class Provenance {
  private readonly scopes = new Map<FunctionIR, FnScope>();
  private readonly fieldAssigns = new Map<string, Assignment[]>();
  private readonly functions = new Map<string, FunctionIR>();
  private readonly summaries = new Map<string, Origin[]>();
  private readonly memo = new Map<Expr, Origin[]>();
  private readonly active = new Set<string>();

  constructor(private readonly ir: FileIR, private readonly model: ModelLookup) {
    for (const fn of ir.functions) {
      if (fn.name && !fn.synthetic) this.functions.set(fn.name, fn);
      else if (fn.name && !this.functions.has(fn.name)) this.functions.set(fn.name, fn);
      this.scope(fn);
      this.collectFieldAssigns(fn);
    }
  }

  /** The function-local declarations and assignments, built once per function. */
  scope(fn: FunctionIR): FnScope {
    let s = this.scopes.get(fn);
    if (s) return s;
    s = { locals: localDecls(fn), params: new Map(), assigns: new Map() };
    for (const p of fn.params) s.params.set(p.name, p);
    const scope = s;
    const add = (name: string, a: Assignment) => {
      const list = scope.assigns.get(name) ?? [];
      list.push(a);
      scope.assigns.set(name, list);
    };
    walkFunction(fn, (st) => {
      if (st.k !== 'decl') return;
      for (const v of st.vars) if (v.init) add(v.name, { rhs: v.init, fn, line: v.line });
    }, (e) => {
      if (e.k === 'assign' && e.op === '=' && e.left.k === 'ident') add(e.left.name, { rhs: e.right, fn, line: e.line });
    }, ['assign']);
    this.scopes.set(fn, s);
    return s;
  }

  private collectFieldAssigns(fn: FunctionIR): void {
    for (const { expr: e } of exprSitesOfKind(fn, 'assign')) {
      if (e.k === 'assign' && e.op === '=' && e.left.k === 'field') {
        const list = this.fieldAssigns.get(e.left.field) ?? [];
        list.push({ rhs: e.right, fn, line: e.line });
        this.fieldAssigns.set(e.left.field, list);
      }
    }
  }

  /** The function named `name` in this file, if its body is visible. */
  functionNamed(name: string): FunctionIR | undefined {
    return this.functions.get(name);
  }

  /** Where the value of `e`, evaluated inside `fn`, may come from. */
  originsOf(e: Expr, fn: FunctionIR, depth = 0): Origin[] {
    const cached = this.memo.get(e);
    if (cached) return cached;
    const result = depth > MAX_DEPTH ? [unknownAt(this.ir.path, e, 'too deep to follow')] : this.compute(e, fn, depth);
    if (depth === 0) this.memo.set(e, result);
    return result;
  }

  /** The set of kinds `e` may hold. */
  kindsOf(e: Expr, fn: FunctionIR): Set<ValueKind> {
    return new Set(this.originsOf(e, fn).map((o) => o.kind));
  }

  private ev(line: number, note: string): Evidence {
    return { file: this.ir.path, line, note };
  }

  private compute(e0: Expr, fn: FunctionIR, depth: number): Origin[] {
    const e = stripCasts(e0);
    switch (e.k) {
      case 'call': return this.callOrigins(e, fn, depth);
      case 'ident': return this.identOrigins(e, fn, depth);
      case 'field': return this.fieldOrigins(e, fn, depth);
      case 'addr': return this.addrOrigins(e.arg, fn, depth, e);
      case 'binary':
        if (e.op === '+' || e.op === '-') {
          // Pointer arithmetic keeps the pointer's kind; the integer side contributes nothing.
          const l = this.originsOf(e.left, fn, depth + 1).filter((o) => o.kind !== 'integer');
          return l.length ? l : this.originsOf(e.right, fn, depth + 1).filter((o) => o.kind !== 'integer');
        }
        return [{ kind: 'integer', chain: [] }];
      case 'cond': return [...this.originsOf(e.then, fn, depth + 1), ...this.originsOf(e.else, fn, depth + 1)];
      case 'assign': return this.originsOf(e.right, fn, depth + 1);
      case 'comma': return e.list.length ? this.originsOf(e.list[e.list.length - 1], fn, depth + 1) : [];
      case 'literal':
        if (e.lit === 'string') return [{ kind: 'kernel-image', chain: [this.ev(e.line, `${e.text} is a string literal in the kernel image`)] }];
        if (e.lit === 'null') return [];
        return [{ kind: 'integer', chain: [] }];
      case 'sizeof': return [{ kind: 'integer', chain: [] }];
      default: return [unknownAt(this.ir.path, e, 'unknown source')];
    }
  }

  private callOrigins(e: Extract<Expr, { k: 'call' }>, fn: FunctionIR, depth: number): Origin[] {
    const mem = memoryKindOfCall(e, this.model);
    if (mem) return [{ kind: mem.kind, chain: [this.ev(e.line, `${e.callee}() returns ${mem.why}`)] }];
    const value = valueClassOfCall(e, this.model);
    if (value) return [{ kind: value.kind, chain: [this.ev(e.line, `${e.callee}() returns ${value.why}`)] }];
    // Transparent converters keep the kind of their buffer argument (virt_to_page(p) is "a page of p").
    const through = this.model.passesThrough(e.callee);
    if (through !== undefined && e.args[through]) {
      return this.originsOf(e.args[through], fn, depth + 1).map((o) => ({
        kind: o.kind, chain: [...o.chain, this.ev(e.line, `${e.callee}() of it`)],
      }));
    }
    const helper = this.functions.get(e.callee);
    if (helper && helper !== fn) {
      return this.summary(helper, depth).map((o) => ({
        kind: o.kind, chain: [...o.chain, this.ev(e.line, `returned by ${helper.name}()`)],
      }));
    }
    return [unknownAt(this.ir.path, e, `${e.callee}() is not in the contract catalogue`)];
  }

  /** Union of what a helper function defined in this file returns. */
  summary(helper: FunctionIR, depth: number): Origin[] {
    const cached = this.summaries.get(helper.name);
    if (cached) return cached;
    if (this.active.has(`fn:${helper.name}`)) return [];
    this.active.add(`fn:${helper.name}`);
    const out: Origin[] = [];
    walkStmts(helper.body, (st) => {
      if (st.k === 'return' && st.value) out.push(...this.originsOf(st.value, helper, depth + 1));
    });
    this.active.delete(`fn:${helper.name}`);
    this.summaries.set(helper.name, out);
    return out;
  }

  private identOrigins(e: Extract<Expr, { k: 'ident' }>, fn: FunctionIR, depth: number): Origin[] {
    const scope = this.scope(fn);
    const local = scope.locals.get(e.name);
    const param = scope.params.get(e.name);
    const decl = local ?? param ?? globalNamed(this.ir, e.name);
    if (decl?.array) {
      // An array name is its own storage.
      const kind = local && !local.isStatic ? 'stack' : 'kernel-image';
      const what = kind === 'stack' ? `local array ${decl.name} on the stack` : `static array ${decl.name} in the kernel image`;
      return [{ kind, chain: [this.ev(decl.line, what)] }];
    }
    if (decl?.addressSpace === 'iomem') {
      return [{ kind: 'iomem', chain: [this.ev(decl.line, `${decl.name} is declared __iomem`)] }];
    }
    if (param && !local) return [unknownAt(this.ir.path, e, `${e.name} is a parameter of ${fn.name || 'this function'}`)];
    const key = `${fn.name}:${fn.line}:${e.name}`;
    const assigns = local ? scope.assigns.get(e.name) ?? [] : [];
    if (!local || assigns.length === 0 || this.active.has(key)) {
      if (!local && globalNamed(this.ir, e.name)) return [unknownAt(this.ir.path, e, `${e.name} is a global`)];
      return [unknownAt(this.ir.path, e, `no visible assignment to ${e.name}`)];
    }
    this.active.add(key);
    const out: Origin[] = [];
    for (const a of assigns) {
      for (const o of this.originsOf(a.rhs, a.fn, depth + 1)) {
        out.push({ kind: o.kind, chain: [...o.chain, this.ev(a.line, `assigned to ${e.name}`)] });
      }
    }
    this.active.delete(key);
    return out;
  }

  private fieldOrigins(e: Extract<Expr, { k: 'field' }>, fn: FunctionIR, depth: number): Origin[] {
    const decls = structFieldsNamed(this.ir, e.field);
    if (decls.length && decls.every((d) => d.addressSpace === 'iomem')) {
      return [{ kind: 'iomem', chain: [this.ev(decls[0].line, `struct field ${e.field} is declared __iomem`)] }];
    }
    if (decls.length && decls.every((d) => d.array)) {
      // An array member lives wherever its containing object lives.
      return this.storageOf(e, fn, depth);
    }
    const assigns = this.fieldAssigns.get(e.field) ?? [];
    const key = `field:${e.field}`;
    if (assigns.length === 0 || this.active.has(key)) {
      return [unknownAt(this.ir.path, e, `no visible assignment to ->${e.field} in this file`)];
    }
    this.active.add(key);
    const out: Origin[] = [];
    for (const a of assigns) {
      for (const o of this.originsOf(a.rhs, a.fn, depth + 1)) {
        const where = a.fn === fn ? '' : ` in ${a.fn.name}()`;
        out.push({ kind: o.kind, chain: [...o.chain, this.ev(a.line, `stored in ->${e.field}${where}`)] });
      }
    }
    this.active.delete(key);
    return out;
  }

  /** Where the object an lvalue names is stored (`&x`, `x.buf` for an array member). */
  private storageOf(target: Expr, fn: FunctionIR, depth: number): Origin[] {
    const t = stripCasts(target);
    if (t.k === 'ident') {
      const scope = this.scope(fn);
      const local = scope.locals.get(t.name);
      if (local) {
        if (local.isStatic) return [{ kind: 'kernel-image', chain: [this.ev(local.line, `${t.name} is a static local`)] }];
        return [{ kind: 'stack', chain: [this.ev(local.line, `${t.name} is a local variable on the stack`)] }];
      }
      if (scope.params.has(t.name)) {
        const p = scope.params.get(t.name)!;
        return [{ kind: 'stack', chain: [this.ev(p.line, `${t.name} is a by-value parameter on the stack`)] }];
      }
      const g = globalNamed(this.ir, t.name);
      if (g) return [{ kind: 'kernel-image', chain: [this.ev(g.line, `${t.name} is a global in the kernel image`)] }];
      return [unknownAt(this.ir.path, t, `storage of ${t.name} is not visible`)];
    }
    if (t.k === 'field') return t.arrow ? this.originsOf(t.base, fn, depth + 1) : this.storageOf(t.base, fn, depth);
    if (t.k === 'index') {
      const base = stripCasts(t.base);
      return base.k === 'ident' || base.k === 'field' ? this.originsOf(base, fn, depth + 1) : [unknownAt(this.ir.path, t, 'indexed storage')];
    }
    if (t.k === 'deref') return this.originsOf(t.arg, fn, depth + 1);
    return [unknownAt(this.ir.path, t, 'storage not visible')];
  }

  private addrOrigins(arg: Expr, fn: FunctionIR, depth: number, whole: Expr): Origin[] {
    return this.storageOf(arg, fn, depth).map((o) => ({
      kind: o.kind, chain: [...o.chain, this.ev(whole.line, `its address ${whole.text}`)],
    }));
  }
}

function unknownAt(file: string, e: Expr, why: string): Origin {
  return { kind: UNKNOWN, chain: [{ file, line: e.line, note: why }] };
}
