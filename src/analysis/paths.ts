// A path-sensitive walk over a function body, shared by the lock and reference analyses: branches fork the
// state, loops run zero or one time, forward gotos carry their states to the label, `break` leaves the loop or
// switch. What a statement does to a state is the domain's business; the control flow is this module's.
import type { Expr, Stmt, VarDecl } from '../c/ir.js';

type Return = Extract<Stmt, { k: 'return' }>;

/** What an analysis plugs into the walk. States are immutable values. */
export interface PathDomain<S> {
  /** Identity of a state: paths whose states have the same key are merged. */
  key(s: S): string;
  /** The effect of evaluating an expression (calls, assignments). */
  expr(s: S, e: Expr): S;
  /** The effect of a declaration's initialisers. */
  decl(s: S, vars: VarDecl[]): S;
  /** Evaluates `cond` and gives the states entering the then- and else-branches. */
  branch(states: S[], cond: Expr): { then: S[]; else: S[] };
  /** The states reaching a `return` (its value already evaluated). */
  onReturn(states: S[], st: Return): void;
  /** Upper bound on distinct states per program point (the rest are dropped). */
  maxStates: number;
}

interface Walk<S> {
  d: PathDomain<S>;
  labels: Map<string, S[]>;
  breaks: S[][];
}

function union<S>(w: Walk<S>, ...lists: S[][]): S[] {
  // Most joins see one state (or none): nothing to merge, and no key to compute.
  let total = 0;
  let single: S | undefined;
  for (const l of lists) {
    total += l.length;
    if (l.length) single = l[0];
  }
  if (total === 0) return [];
  if (total === 1 && w.d.maxStates >= 1) return [single as S];
  const seen = new Map<string, S>();
  for (const l of lists) {
    for (const s of l) {
      const k = w.d.key(s);
      if (!seen.has(k) && seen.size < w.d.maxStates) seen.set(k, s);
    }
  }
  return [...seen.values()];
}

function exprs<S>(w: Walk<S>, states: S[], list: (Expr | undefined)[]): S[] {
  return states.map((s) => list.reduce((cur, e) => (e ? w.d.expr(cur, e) : cur), s));
}

/** `exprs` for one expression (most statements evaluate exactly one): no list to build or reduce. */
function expr1<S>(w: Walk<S>, states: S[], e: Expr): S[] {
  const out = new Array<S>(states.length);
  for (let i = 0; i < states.length; i++) out[i] = w.d.expr(states[i], e);
  return out;
}

function exec<S>(w: Walk<S>, st: Stmt, states: S[]): S[] {
  switch (st.k) {
    case 'block':
      return st.body.reduce((cur, child) => exec(w, child, cur), states);
    case 'decl':
      return states.map((s) => w.d.decl(s, st.vars));
    case 'expr':
      return expr1(w, states, st.expr);
    case 'unknown':
      return exprs(w, states, st.exprs);
    case 'if': {
      const { then, else: elseIn } = w.d.branch(states, st.cond);
      const t = exec(w, st.then, then);
      const e = st.else ? exec(w, st.else, elseIn) : elseIn;
      return union(w, t, e);
    }
    case 'loop': {
      let entry = st.init ? exec(w, st.init, states) : states;
      entry = exprs(w, entry, [st.header, st.cond]);
      w.breaks.push([]);
      const body = exec(w, st.body, entry);
      const after = st.update ? exprs(w, body, [st.update]) : body;
      const breaks = w.breaks.pop()!;
      return st.form === 'do' ? union(w, after, breaks) : union(w, entry, after, breaks);
    }
    case 'return':
      w.d.onReturn(st.value ? expr1(w, states, st.value) : states, st);
      return [];
    case 'goto':
      w.labels.set(st.label, union(w, w.labels.get(st.label) ?? [], states));
      return [];
    case 'label':
      return exec(w, st.body, union(w, states, w.labels.get(st.name) ?? []));
    case 'break':
      if (w.breaks.length) w.breaks[w.breaks.length - 1].push(...states);
      return [];
    case 'continue':
      return [];
    case 'switch': {
      const entry = expr1(w, states, st.cond);
      w.breaks.push([]);
      const body = st.body.k === 'block' ? st.body.body : [st.body];
      let fall: S[] = [];
      let hasDefault = false;
      for (const child of body) {
        if (child.k === 'case') {
          if (!child.value) hasDefault = true;
          fall = child.body.reduce((cur, s) => exec(w, s, cur), union(w, fall, entry));
        } else {
          fall = exec(w, child, fall);
        }
      }
      const breaks = w.breaks.pop()!;
      return union(w, fall, breaks, hasDefault ? [] : entry);
    }
    case 'case':
      return st.body.reduce((cur, s) => exec(w, s, cur), states);
    default:
      return states;
  }
}

/** Walks `body` from the `entry` states; returns the states that fall off its end. */
export function walkPaths<S>(body: Stmt, domain: PathDomain<S>, entry: S[]): S[] {
  return exec({ d: domain, labels: new Map(), breaks: [] }, body, entry);
}
