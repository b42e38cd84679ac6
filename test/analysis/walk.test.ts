// The per-function IR index (src/analysis/walk.ts): every memoised answer must equal what a fresh walk of the
// function computes, in the same order, and be frozen so that no rule can change what the next one reads.
import { parseSyntax } from '../../src/c/parser.js';
import { lowerSyntax } from '../../src/c/lower.js';
import {
  callsIn, callsInEvaluationOrder, callsNamed, exprChildren, exprKey, exprSitesOfKind, localDeclOf, localDecls, ownExprs,
  stmtChildren, stmtParentsOf, walkExpr, walkFunction, walkStmts, FileAnalysis,
} from '../../src/analysis/index.js';
import { globalNamed, structFieldsNamed } from '../../src/analysis/decl-index.js';
import type { Expr, FileIR, FunctionIR, Stmt } from '../../src/c/ir.js';
import { fakeModel } from './fake-model.js';

const SRC = `struct dev { int nents; int *buf; };
static int table[4];
static int table[8];
static int helper(int x) { return x + 1; }
int f(struct dev *d, struct scatterlist *sgl, int n)
{
	int i, count = helper(n);
	struct scatterlist *sg;
	d->nents = dma_map_sg(d->dev, sgl, n, DMA_TO_DEVICE);
	for_each_sg(sgl, sg, d->nents, i) {
		count += sg_dma_len(sg);
		if (count > helper(i) ? helper(count) : 0)
			break;
	}
	switch (n) {
	case 1: count = 0; break;
	default: { int count = 2; d->buf[count] = (int)(long)d->ops->get(d, count); }
	}
	do { i--; } while (i > 0 && helper(i));
	return count, helper(count);
}`;

function lower(src: string): FileIR {
  return lowerSyntax(parseSyntax(src), (r) => r + 1, 'x.c');
}

function fnOf(ir: FileIR, name: string): FunctionIR {
  const fn = ir.functions.find((f) => f.name === name);
  if (!fn) throw new Error(`no ${name}`);
  return fn;
}

/** Every expression kind: the sites of all of them are every expression of the function, in walk order. */
const ALL_KINDS: Expr['k'][] = [
  'call', 'ident', 'field', 'index', 'addr', 'deref', 'cast', 'binary', 'unary', 'assign', 'cond', 'literal', 'sizeof',
  'comma', 'init', 'other',
];

/** A reference walk written from scratch over exprChildren()/stmtChildren(), with fresh parent arrays. */
function referenceSites(fn: FunctionIR): { expr: Expr; exprParents: Expr[]; stmt: Stmt; stmtParents: Stmt[] }[] {
  const out: { expr: Expr; exprParents: Expr[]; stmt: Stmt; stmtParents: Stmt[] }[] = [];
  const expr = (e: Expr, ep: Expr[], stmt: Stmt, sp: Stmt[]) => {
    out.push({ expr: e, exprParents: ep, stmt, stmtParents: sp });
    for (const c of exprChildren(e)) expr(c, [...ep, e], stmt, sp);
  };
  const stmt = (s: Stmt, sp: Stmt[]) => {
    for (const r of ownExprs(s)) expr(r, [], s, sp);
    for (const c of stmtChildren(s)) stmt(c, [...sp, s]);
  };
  stmt(fn.body, []);
  return out;
}

describe('per-function index', () => {
  const ir = lower(SRC);
  const fn = fnOf(ir, 'f');
  const ref = referenceSites(fn);

  test('the expression sites are the reference walk, in order, with equal parent chains', () => {
    expect(ref.length).toBeGreaterThan(40);
    const sites = exprSitesOfKind(fn, ...ALL_KINDS);
    expect(sites.map((s) => s.expr)).toEqual(ref.map((r) => r.expr));
    expect(sites.map((s) => s.order)).toEqual(sites.map((_, i) => i));
    sites.forEach((s, i) => {
      expect(s.stmt).toBe(ref[i].stmt);
      expect(s.exprParents).toEqual(ref[i].exprParents);
      expect(s.stmtParents).toEqual(ref[i].stmtParents);
    });
  });

  test('walkFunction replays walkStmts + ownExprs + walkExpr exactly', () => {
    const classic: unknown[][] = [];
    walkStmts(fn.body, (s, sp) => {
      classic.push(['stmt', s, sp]);
      for (const r of ownExprs(s)) walkExpr(r, (e, ep) => classic.push(['expr', e, ep, s, sp]));
    });
    const replayed: unknown[][] = [];
    walkFunction(fn, (s, sp) => { replayed.push(['stmt', s, sp]); }, (e, ep, s, sp) => replayed.push(['expr', e, ep, s, sp]));
    expect(replayed).toEqual(classic);
    const exprsOnly: unknown[][] = [];
    walkFunction(fn, undefined, (e, ep, s, sp) => exprsOnly.push(['expr', e, ep, s, sp]));
    expect(exprsOnly).toEqual(classic.filter((c) => c[0] === 'expr'));
  });

  test('stmtParentsOf gives every statement the chain of the reference walk, and nothing for a foreign one', () => {
    const chains: [Stmt, Stmt[]][] = [];
    const visit = (st: Stmt, sp: Stmt[]) => { chains.push([st, sp]); for (const c of stmtChildren(st)) visit(c, [...sp, st]); };
    visit(fn.body, []);
    expect(chains.length).toBeGreaterThan(10);
    for (const [st, sp] of chains) expect(stmtParentsOf(fn, st)).toEqual(sp);
    expect(stmtParentsOf(fn, fnOf(ir, 'helper').body)).toEqual([]);
  });

  test('walkFunction skips the expressions of a statement whose visitor returns false', () => {
    const seen: Expr[] = [];
    walkFunction(fn, (s) => s.k !== 'return', (e) => seen.push(e));
    const ret = ref.filter((r) => r.stmt.k === 'return').map((r) => r.expr);
    expect(ret.length).toBeGreaterThan(0);
    expect(seen).toEqual(ref.map((r) => r.expr).filter((e) => !ret.includes(e)));
  });

  test('walkFunction with kinds visits only those kinds, each right after its statement', () => {
    const classic: unknown[][] = [];
    walkStmts(fn.body, (s, sp) => {
      classic.push(['stmt', s]);
      for (const r of ownExprs(s)) walkExpr(r, (e, ep) => { if (e.k === 'call' || e.k === 'assign') classic.push(['expr', e, ep, s, sp]); });
    });
    const replayed: unknown[][] = [];
    walkFunction(fn, (s) => { replayed.push(['stmt', s]); }, (e, ep, s, sp) => replayed.push(['expr', e, ep, s, sp]), ['assign', 'call']);
    expect(replayed).toEqual(classic);
    expect(classic.filter((c) => c[0] === 'expr').length).toBeGreaterThan(10);
  });

  test('exprSitesOfKind is the walk filtered by kind, merged in walk order', () => {
    const kinds = (k: string[]) => ref.filter((r) => k.includes(r.expr.k)).map((r) => r.expr);
    expect(exprSitesOfKind(fn, 'binary').map((s) => s.expr)).toEqual(kinds(['binary']));
    expect(exprSitesOfKind(fn, 'field', 'call').map((s) => s.expr)).toEqual(kinds(['field', 'call']));
    expect(exprSitesOfKind(fn, 'call', 'field')).toBe(exprSitesOfKind(fn, 'field', 'call'));
    expect(exprSitesOfKind(fn, 'comma').length).toBe(1);
    expect(exprSitesOfKind(fn, 'init')).toEqual([]);
    expect(Object.isFrozen(exprSitesOfKind(fn, 'ident', 'assign'))).toBe(true);
  });

  test('callsIn, callsNamed and the assignment sites equal fresh filters of the walk', () => {
    const calls = ref.filter((r) => r.expr.k === 'call');
    expect(callsIn(fn).map((c) => c.call)).toEqual(calls.map((r) => r.expr));
    expect(callsIn(fn).map((c) => c.stmtParents)).toEqual(calls.map((r) => r.stmtParents));
    expect(callsIn(fn).map((c) => c.exprParents)).toEqual(calls.map((r) => r.exprParents));
    expect(callsNamed(fn, 'helper').map((c) => c.call)).toEqual(calls.map((r) => r.expr).filter((e) => e.k === 'call' && e.callee === 'helper'));
    expect(callsNamed(fn, 'helper').length).toBe(5);
    expect(callsNamed(fn, 'no_such_function')).toEqual([]);
    expect(exprSitesOfKind(fn, 'assign').map((s) => s.expr)).toEqual(ref.map((r) => r.expr).filter((e) => e.k === 'assign'));
  });

  test('calls in evaluation order: arguments first, for every statement-level expression and any other', () => {
    const postOrder = (e: Expr, out: Expr[] = []): Expr[] => {
      for (const c of exprChildren(e)) postOrder(c, out);
      if (e.k === 'call') out.push(e);
      return out;
    };
    let roots = 0;
    walkStmts(fn.body, (s) => {
      for (const r of ownExprs(s)) {
        roots++;
        expect(callsInEvaluationOrder(r)).toEqual(postOrder(r));
        expect(Object.isFrozen(callsInEvaluationOrder(r))).toBe(true);
      }
    });
    expect(roots).toBeGreaterThan(10);
    // `count > helper(i) ? helper(count) : 0`: a sub-expression, not a statement's root, works the same.
    const cond = ref.find((r) => r.expr.k === 'cond')!.expr;
    expect(callsInEvaluationOrder(cond).map((c) => c.text)).toEqual(['helper(i)', 'helper(count)']);
    const nested = fnOf(lower('int g(void) { return a(b(c(1), d()), e(f())); }'), 'g');
    walkStmts(nested.body, (s) => {
      for (const r of ownExprs(s)) expect(callsInEvaluationOrder(r).map((c) => c.callee)).toEqual(['c', 'd', 'b', 'f', 'e', 'a']);
    });
  });

  test('answers are computed once and frozen', () => {
    expect(callsIn(fn)).toBe(callsIn(fn));
    expect(exprSitesOfKind(fn, ...ALL_KINDS)).toBe(exprSitesOfKind(fn, ...ALL_KINDS));
    expect(callsNamed(fn, 'helper')).toBe(callsNamed(fn, 'helper'));
    for (const list of [exprSitesOfKind(fn, ...ALL_KINDS), callsIn(fn), callsNamed(fn, 'helper'), exprSitesOfKind(fn, 'ident'), exprSitesOfKind(fn, 'assign'), callsNamed(fn, 'none')]) {
      expect(Object.isFrozen(list)).toBe(true);
      for (const item of list) expect(Object.isFrozen(item)).toBe(true);
    }
    const site = callsIn(fn)[0];
    expect(Object.isFrozen(site.exprParents)).toBe(true);
    expect(Object.isFrozen(site.stmtParents)).toBe(true);
    expect(() => { (callsIn(fn) as unknown[]).push(site); }).toThrow();
  });

  test('FileAnalysis shares the same lists and indexes callees and functions by name', () => {
    const a = new FileAnalysis(ir, fakeModel);
    expect(a.calls(fn)).toBe(callsIn(fn));
    expect(Object.isFrozen(a.allCalls())).toBe(true);
    const fresh = ir.functions.flatMap((g) => callsIn(g).map((site) => ({ fn: g, site })));
    expect(a.allCalls()).toEqual(fresh);
    expect(a.callsTo(['helper'])).toEqual(fresh.filter((c) => c.site.call.callee === 'helper'));
    expect(a.callsTo(['helper', 'dma_map_sg'])).toEqual(fresh.filter((c) => ['helper', 'dma_map_sg'].includes(c.site.call.callee)));
    // callsTo() gives the caller its own array.
    const mine = a.callsTo(['helper']);
    mine.pop();
    expect(a.callsTo(['helper']).length).toBe(mine.length + 1);
    expect(a.functionsNamed('helper')).toEqual(ir.functions.filter((g) => g.name === 'helper'));
    expect(a.functionsNamed('nothing')).toEqual([]);
  });

  test('declarations by name: the first of a local, the last of a global; Provenance reads the same maps', () => {
    expect(localDeclOf(fn, 'count')).toBe(walkedDecls(fn).find((v) => v.name === 'count'));
    expect(localDeclOf(fn, 'count')?.line).toBe(7);
    expect(localDeclOf(fn, 'nope')).toBeUndefined();
    expect([...localDecls(fn).values()]).toEqual([...new Set(walkedDecls(fn).map((v) => v.name))].map((n) => localDeclOf(fn, n)));
    expect(new FileAnalysis(ir, fakeModel).provenance.scope(fn).locals).toBe(localDecls(fn));
    expect(globalNamed(ir, 'table')).toBe(ir.globals.filter((g) => g.name === 'table').pop());
    expect(globalNamed(ir, 'table')?.line).toBe(3);
    expect(structFieldsNamed(ir, 'nents')).toEqual(ir.structFields.filter((f) => f.name === 'nents'));
    expect(structFieldsNamed(ir, 'nents').length).toBe(1);
    expect(Object.isFrozen(structFieldsNamed(ir, 'nents'))).toBe(true);
  });
});

function walkedDecls(fn: FunctionIR) {
  const out: Extract<Stmt, { k: 'decl' }>['vars'] = [];
  walkStmts(fn.body, (s) => { if (s.k === 'decl') out.push(...s.vars); });
  return out;
}

describe('exprKey', () => {
  test('equals the two-regex normalisation it replaces', () => {
    const reference = (t: string) => t.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');
    const texts = ['x', 'rctx->nents', '( a ->b )', '(a)', '(a) + (b)', ' (x) ', 'a\n\t->\tb', '((p))', '(', ')(', '', '(a\n)'];
    for (const text of texts) expect(exprKey({ k: 'ident', name: 'x', line: 1, endLine: 1, text })).toBe(reference(text));
  });
});
