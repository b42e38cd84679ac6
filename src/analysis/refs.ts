// Path analysis of reference-like acquire/release pairs (a dev_pagemap taken with get_dev_pagemap() and dropped
// with put_dev_pagemap(), a percpu_ref taken with percpu_ref_get()/percpu_ref_tryget*() and dropped with
// percpu_ref_put(), ...). Like the lock analysis it forks at branches, runs loops zero or one time and carries
// forward gotos to their labels; unlike locks, references are handed over (returned, stored) as often as they
// are dropped, so the analysis reports a reference still held where a path *gives up*: a return that reports
// an error, or any return that loses the only pointer to the referenced object. Which calls take and drop
// references is the caller's pattern (a RefOp table), not a kernel fact baked in here.
import type { Expr, FunctionIR } from '../c/ir.js';
import { exprChildren, exprKey, stripCasts } from './walk.js';
import { walkPaths, type PathDomain } from './paths.js';

export type RefOpKind = 'get' | 'tryget' | 'put';

/** One call that takes or drops a reference. */
export interface RefOp {
  name: string;
  kind: RefOpKind;
  /** Pairs gets with puts ('pgmap', 'percpu_ref', ...). */
  family: string;
  /**
   * Which argument names the reference (`percpu_ref_get(ref)`: 0), or 'result' when the call returns the
   * referenced object and NULL on failure (`pgmap = get_dev_pagemap(pfn, NULL)`).
   */
  key: number | 'result';
  /** For result-keyed gets: an argument whose reference the call takes over (get_dev_pagemap's cached pgmap). */
  consumes?: number;
}

/** A reference held on a path. */
export interface RefHeld {
  key: string;
  family: string;
  line: number;
  call: string;
  /** The key is the call's result and has not been tested against NULL yet (NULL holds no reference). */
  nullable: boolean;
  /** The key is the only handle on the object (result-keyed): losing it loses the reference. */
  handle: boolean;
  /** Passed to some other call since it was taken (which may have kept it). */
  passed?: boolean;
  /** Assumed held on entry (see RefOptions.entry), not acquired in the visible code. */
  entry?: boolean;
}

/** Why a return reports failure. */
export interface ErrorReturn {
  line: number;
  note: string;
}

/** A reference still held where a path gives up. */
export interface RefLeak {
  held: RefHeld;
  returnLine: number;
  /** The return statement's text ('' when the function falls off its end). */
  returnText: string;
  implicit: boolean;
  /** Set when the return reports an error; undefined when the leak is a lost handle on a success path. */
  error?: ErrorReturn;
}

export interface RefReport {
  leaks: RefLeak[];
  /** Every put call on a tracked family (line, key), held or not: shows that the function manages the key. */
  releases: { key: string; family: string; line: number; call: string }[];
  /** Every get/tryget call seen, with its key. */
  acquires: { key: string; family: string; line: number; call: string; kind: RefOpKind }[];
}

export interface RefOptions {
  /** References assumed held on entry (a hunk fragment whose acquisition is above the hunk). */
  entry?: { key: string; family: string; line: number; call: string }[];
}

type Call = Extract<Expr, { k: 'call' }>;

/** What a path knows about a variable's value, for deciding whether a return reports failure. */
type ValueFact = { v: 'neg' | 'zero' | 'nonzero' | 'errptr'; line: number; note: string };

interface State {
  held: RefHeld[];
  vals: Record<string, ValueFact>;
}

const MAX_STATES = 64;

interface Ctx {
  fn: FunctionIR;
  ops: Map<string, RefOp>;
  report: RefReport;
  pointerReturn: boolean;
  intReturn: boolean;
  /** The header was not seen (hunk fragment): the return type is unknown. */
  unknownReturn: boolean;
}

/** The key of a reference expression: `&pgmap->ref` and `(void *)ref` name `pgmap->ref` and `ref`. */
export function refKey(e: Expr): string {
  let cur = stripCasts(e);
  while (cur.k === 'addr') cur = stripCasts(cur.arg);
  return exprKey(cur);
}

function serialise(s: State): string {
  const h = s.held.map((x) => `${x.key}@${x.line}${x.nullable ? '?' : ''}${x.passed ? 'p' : ''}`).join('|');
  const v = Object.entries(s.vals).map(([k, f]) => `${k}=${f.v}`).sort().join(',');
  return `${h}#${v}`;
}

function withHeld(s: State, held: RefHeld[]): State {
  return { held, vals: s.vals };
}

function withVal(s: State, name: string, fact: ValueFact | undefined): State {
  const vals = { ...s.vals };
  if (fact) vals[name] = fact; else delete vals[name];
  return { held: s.held, vals };
}

function isZeroLiteral(e: Expr): boolean {
  const s = stripCasts(e);
  return (s.k === 'literal' && (s.lit === 'null' || /^0[uUlL]*$/.test(s.text.trim()))) || (s.k === 'ident' && s.name === 'NULL');
}

/** A negative errno or negative constant (`-ENOMEM`, `-1`). */
function isNegative(e: Expr): boolean {
  const s = stripCasts(e);
  return s.k === 'unary' && s.op === '-' && (s.arg.k === 'literal' || (s.arg.k === 'ident' && /^E[A-Z0-9]+$/.test(s.arg.name)));
}

/** The value fact an assignment `x = e` gives x. */
function factOf(e: Expr, line: number): ValueFact | undefined {
  const s = stripCasts(e);
  if (isNegative(s)) return { v: 'neg', line, note: `set to ${s.text}` };
  if (isZeroLiteral(s)) return { v: 'zero', line, note: `set to ${s.text}` };
  if (s.k === 'call' && /^(ERR_PTR|ERR_CAST)$/.test(s.callee)) return { v: 'errptr', line, note: `set to ${s.text}` };
  if (s.k === 'call' && s.callee === 'PTR_ERR') return { v: 'neg', line, note: `set to ${s.text}` };
  return undefined;
}

function applyCall(ctx: Ctx, st: State, call: Call, skipTryget: boolean): State {
  const op = ctx.ops.get(call.callee);
  if (op?.kind === 'put' && typeof op.key === 'number') {
    const arg = call.args[op.key];
    if (!arg) return st;
    const key = refKey(arg);
    ctx.report.releases.push({ key, family: op.family, line: call.line, call: call.callee });
    return withHeld(st, st.held.filter((h) => !(h.key === key && h.family === op.family)));
  }
  if (op?.kind === 'get' && typeof op.key === 'number') {
    const arg = call.args[op.key];
    if (!arg) return st;
    const key = refKey(arg);
    ctx.report.acquires.push({ key, family: op.family, line: call.line, call: call.callee, kind: 'get' });
    if (st.held.some((h) => h.key === key && h.family === op.family)) return st;
    return withHeld(st, [...st.held, { key, family: op.family, line: call.line, call: call.callee, nullable: false, handle: false }]);
  }
  if (op?.kind === 'tryget' && !skipTryget && typeof op.key === 'number' && call.args[op.key]) {
    // A tryget whose result is not tested in a condition this analysis understands: unknown, not held.
    ctx.report.acquires.push({ key: refKey(call.args[op.key]), family: op.family, line: call.line, call: call.callee, kind: 'tryget' });
    return st;
  }
  if (op) return st;
  // Any other call that receives a held key may keep it.
  const args = new Set(call.args.map((a) => refKey(a)));
  if (!st.held.some((h) => args.has(h.key) && !h.passed)) return st;
  return withHeld(st, st.held.map((h) => (args.has(h.key) ? { ...h, passed: true } : h)));
}

/** Evaluates an expression's calls and assignments in order (arguments before their call). */
function evalExpr(ctx: Ctx, st: State, e: Expr, skipTryget = false): State {
  if (e.k === 'assign') {
    const cur = evalExpr(ctx, st, e.right, skipTryget);
    return assign(ctx, cur, e.left, e.right, e.line);
  }
  let cur = st;
  for (const c of exprChildren(e)) cur = evalExpr(ctx, cur, c, skipTryget);
  if (e.k === 'call') cur = applyCall(ctx, cur, e, skipTryget);
  return cur;
}

/** `left = right`: result-keyed gets, hand-overs of a held key, lost handles and value facts. */
function assign(ctx: Ctx, st: State, left: Expr, right: Expr, line: number): State {
  const target = refKey(left);
  const value = stripCasts(right);
  let cur = st;
  if (value.k === 'call') {
    const op = ctx.ops.get(value.callee);
    if (op?.kind === 'get' && op.key === 'result') {
      // Stored straight into memory the caller can reach (`ctx->pgmap = ...`, `*pgmap = ...`): handed over.
      if (stripCasts(left).k !== 'ident') return withVal(cur, target, undefined);
      const consumed = op.consumes !== undefined && value.args[op.consumes] && !isZeroLiteral(value.args[op.consumes])
        ? refKey(value.args[op.consumes]) : undefined;
      ctx.report.acquires.push({ key: target, family: op.family, line, call: value.callee, kind: 'get' });
      const held = cur.held.filter((h) => !(h.family === op.family && (h.key === target || h.key === consumed)));
      return withVal(withHeld(cur, [...held, { key: target, family: op.family, line, call: value.callee, nullable: true, handle: true }]), target, undefined);
    }
  }
  const valueKey = refKey(value);
  // Storing a held key elsewhere hands the reference to that place.
  if (valueKey !== target && cur.held.some((h) => h.key === valueKey)) {
    cur = withHeld(cur, cur.held.filter((h) => h.key !== valueKey));
  }
  // Overwriting the variable that names a held reference loses track of it.
  if (cur.held.some((h) => h.key === target) && valueKey !== target) {
    cur = withHeld(cur, cur.held.filter((h) => h.key !== target));
  }
  return withVal(cur, target, factOf(right, line));
}

// ───────────── conditions ─────────────

type Fact =
  | { t: 'acq'; key: string; op: RefOp; line: number; call: string }
  | { t: 'null'; key: string }
  | { t: 'nonnull'; key: string }
  | { t: 'val'; key: string; fact: ValueFact };

/** Wrappers that return their argument's truth value. */
const PASS_THROUGH = /^(likely|unlikely|WARN_ON|WARN_ON_ONCE)$/;

/** Facts that hold when `e` is true and when it is false (empty where a branch is ambiguous). */
function factsOf(ctx: Ctx, e: Expr): { t: Fact[]; f: Fact[] } {
  const s = stripCasts(e);
  if (s.k === 'call' && PASS_THROUGH.test(s.callee) && s.args[0]) return factsOf(ctx, s.args[0]);
  if (s.k === 'unary' && s.op === '!') {
    const inner = factsOf(ctx, s.arg);
    return { t: inner.f, f: inner.t };
  }
  if (s.k === 'binary' && s.op === '&&') {
    const a = factsOf(ctx, s.left);
    const b = factsOf(ctx, s.right);
    return { t: [...a.t, ...b.t], f: [] };
  }
  if (s.k === 'binary' && s.op === '||') {
    const a = factsOf(ctx, s.left);
    const b = factsOf(ctx, s.right);
    return { t: [], f: [...a.f, ...b.f] };
  }
  if (s.k === 'call') {
    const op = ctx.ops.get(s.callee);
    if (op?.kind === 'tryget' && typeof op.key === 'number' && s.args[op.key]) {
      const key = refKey(s.args[op.key]);
      if (!ctx.report.acquires.some((a) => a.line === s.line && a.key === key)) {
        ctx.report.acquires.push({ key, family: op.family, line: s.line, call: s.callee, kind: 'tryget' });
      }
      return { t: [{ t: 'acq', key, op, line: s.line, call: s.callee }], f: [] };
    }
    if (s.callee === 'IS_ERR' && s.args[0]) {
      const key = refKey(s.args[0]);
      return { t: [{ t: 'val', key, fact: { v: 'errptr', line: s.line, note: `\`${s.text}\` is true` } }], f: [] };
    }
    if (s.callee === 'IS_ERR_OR_NULL' && s.args[0]) {
      return { t: [], f: [{ t: 'nonnull', key: refKey(s.args[0]) }] };
    }
    return { t: [], f: [] };
  }
  if (s.k === 'assign') return factsOf(ctx, s.left);
  if (s.k === 'ident' || s.k === 'field') {
    const key = refKey(s);
    return {
      t: [{ t: 'nonnull', key }, { t: 'val', key, fact: { v: 'nonzero', line: s.line, note: `\`${key}\` tested non-zero` } }],
      f: [{ t: 'null', key }, { t: 'val', key, fact: { v: 'zero', line: s.line, note: `\`${key}\` tested zero` } }],
    };
  }
  if (s.k === 'binary' && (s.op === '==' || s.op === '!=')) {
    const other = isZeroLiteral(s.right) ? s.left : isZeroLiteral(s.left) ? s.right : undefined;
    if (other) {
      const key = refKey(other);
      const zero: Fact[] = [{ t: 'null', key }, { t: 'val', key, fact: { v: 'zero', line: s.line, note: `\`${s.text}\`` } }];
      const nonzero: Fact[] = [{ t: 'nonnull', key }, { t: 'val', key, fact: { v: 'nonzero', line: s.line, note: `\`${s.text}\`` } }];
      return s.op === '==' ? { t: zero, f: nonzero } : { t: nonzero, f: zero };
    }
  }
  if (s.k === 'binary' && (s.op === '<' || s.op === '>') && (isZeroLiteral(s.right) || isZeroLiteral(s.left))) {
    const neg = (s.op === '<' && isZeroLiteral(s.right)) ? s.left : (s.op === '>' && isZeroLiteral(s.left)) ? s.right : undefined;
    if (neg) return { t: [{ t: 'val', key: refKey(neg), fact: { v: 'neg', line: s.line, note: `\`${s.text}\`` } }], f: [] };
  }
  return { t: [], f: [] };
}

function applyFacts(st: State, facts: Fact[]): State {
  let cur = st;
  for (const f of facts) {
    if (f.t === 'acq') {
      if (!cur.held.some((h) => h.key === f.key && h.family === f.op.family)) {
        cur = withHeld(cur, [...cur.held, { key: f.key, family: f.op.family, line: f.line, call: f.call, nullable: false, handle: false }]);
      }
    } else if (f.t === 'null') {
      // A NULL key holds no reference, whatever an earlier test said.
      cur = withHeld(cur, cur.held.filter((h) => h.key !== f.key));
    } else if (f.t === 'nonnull') {
      if (cur.held.some((h) => h.key === f.key && h.nullable)) {
        cur = withHeld(cur, cur.held.map((h) => (h.key === f.key ? { ...h, nullable: false } : h)));
      }
    } else {
      cur = withVal(cur, f.key, f.fact);
    }
  }
  return cur;
}

// ───────────── returns ─────────────

const FAULT_ERRORS = /^VM_FAULT_(SIGBUS|OOM|SIGSEGV|HWPOISON|HWPOISON_LARGE|ERROR)$/;
/**
 * Variables that hold an errno by kernel naming habit. Used only when the return type is unknown (a hunk
 * fragment whose header git did not show), to read `if (ret) return ret;` as the error return it almost always is.
 */
const ERROR_CODE_NAME = /^(ret|rc|err|error|retval|status)$/;

/** Whether `return value` reports failure on this path, and why. */
function errorOf(ctx: Ctx, st: State, value: Expr | undefined, line: number): ErrorReturn | undefined {
  if (!value) return undefined;
  const s = stripCasts(value);
  if (isNegative(s)) return { line, note: `returns ${s.text}` };
  if (s.k === 'call' && /^(ERR_PTR|ERR_CAST|PTR_ERR)$/.test(s.callee)) return { line, note: `returns ${s.text}` };
  if (ctx.pointerReturn && isZeroLiteral(s)) return { line, note: `returns ${s.text}` };
  if (s.k === 'ident' && FAULT_ERRORS.test(s.name)) return { line, note: `returns ${s.name}` };
  if (s.k === 'ident' || s.k === 'field') {
    const f = st.vals[refKey(s)];
    if (!f) return undefined;
    if (f.v === 'neg' || f.v === 'errptr') return { line: f.line, note: `\`${refKey(s)}\` ${f.note}` };
    if (f.v === 'nonzero' && (ctx.intReturn || (ctx.unknownReturn && ERROR_CODE_NAME.test(refKey(s))))) {
      return { line: f.line, note: `\`${refKey(s)}\` is an error code here (${f.note})` };
    }
    if (f.v === 'zero' && ctx.pointerReturn) return { line: f.line, note: `\`${refKey(s)}\` is NULL here (${f.note})` };
  }
  return undefined;
}

function checkReturn(ctx: Ctx, states: State[], value: Expr | undefined, line: number, text: string, implicit: boolean): void {
  const returned = value ? refKey(value) : undefined;
  for (const st of states) {
    const error = errorOf(ctx, st, value, line);
    for (const h of st.held) {
      if (h.key === returned) continue; // handed to the caller
      if (!error && !(h.handle && !h.passed)) continue;
      if (ctx.report.leaks.some((l) => l.held.line === h.line && l.held.key === h.key && l.returnLine === line)) continue;
      ctx.report.leaks.push({ held: h, returnLine: line, returnText: text, implicit, ...(error ? { error } : {}) });
    }
  }
}

// ───────────── statements ─────────────

/** References as a path-walk domain: calls acquire and release, conditions narrow what is held. */
function refDomain(ctx: Ctx): PathDomain<State> {
  return {
    key: serialise,
    expr: (st, e) => evalExpr(ctx, st, e),
    decl(st, vars) {
      let cur = st;
      for (const v of vars) {
        if (!v.init) continue;
        cur = evalExpr(ctx, cur, v.init);
        cur = assign(ctx, cur, { line: v.line, endLine: v.endLine, text: v.name, k: 'ident', name: v.name }, v.init, v.line);
      }
      return cur;
    },
    branch(states, cond) {
      const after = states.map((st) => evalExpr(ctx, st, cond, true));
      const facts = factsOf(ctx, cond);
      return { then: after.map((st) => applyFacts(st, facts.t)), else: after.map((st) => applyFacts(st, facts.f)) };
    },
    onReturn: (states, st) => checkReturn(ctx, states, st.value, st.line, st.text, false),
    maxStates: MAX_STATES,
  };
}

/** Runs the reference analysis over one function for the given acquire/release calls. */
export function analyseRefs(fn: FunctionIR, ops: readonly RefOp[], opts: RefOptions = {}): RefReport {
  const report: RefReport = { leaks: [], releases: [], acquires: [] };
  const rt = fn.returnType;
  // `void *f(...)`: the star belongs to the declarator, so look at the header text as well as the type.
  const head = fn.text.slice(0, Math.max(0, fn.text.indexOf('{')));
  const starName = fn.name ? new RegExp(`\\*\\s*${fn.name}\\s*\\(`).test(head) : false;
  const ctx: Ctx = {
    fn, ops: new Map(ops.map((o) => [o.name, o])), report,
    pointerReturn: /\*/.test(rt) || starName,
    intReturn: !/\*/.test(rt) && !starName && /\b(int|long|ssize_t|vm_fault_t|blk_status_t|s32|s64)\b/.test(rt),
    unknownReturn: rt.trim() === '',
  };
  const entry: State = {
    held: (opts.entry ?? []).map((e) => ({ ...e, nullable: false, handle: false, entry: true })),
    vals: {},
  };
  const end = walkPaths(fn.body, refDomain(ctx), [entry]);
  // A hunk-only fragment does not show its real end: do not judge its fall-through.
  if (!fn.synthetic) checkReturn(ctx, end, undefined, fn.endLine, '', true);
  return report;
}
