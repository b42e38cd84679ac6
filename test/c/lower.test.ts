// Lowering edge cases: the IR's size (GNU `a ?: b` chains), facts the rules read off it (`.` versus `->`), and
// declared types with the name taken out.
import { parseSyntax } from '../../src/c/parser.js';
import { lowerSyntax } from '../../src/c/lower.js';
import type { Expr } from '../../src/c/ir.js';
import { exprSitesOfKind, walkExpr } from '../../src/analysis/walk.js';

function lowerText(text: string) {
  return lowerSyntax(parseSyntax(text), (r) => r + 1, 'x.c');
}

function size(e: Expr): number {
  let n = 0;
  walkExpr(e, () => { n++; });
  return n;
}

describe('GNU conditional with the middle operand omitted (`a ?: b`)', () => {
  test('its value is the condition: `then` is the condition lowered, with its calls', () => {
    const ir = lowerText('int f(void)\n{\n\treturn get_a() ?: get_b();\n}\n');
    const ret = ir.functions[0].body.k === 'block' ? ir.functions[0].body.body[0] : undefined;
    expect(ret?.k).toBe('return');
    const v = ret?.k === 'return' ? ret.value : undefined;
    expect(v?.k).toBe('cond');
    if (v?.k !== 'cond') return;
    expect(v.then.k).toBe('call');
    expect(v.then.k === 'call' && v.then.callee).toBe('get_a');
    expect(v.else.k === 'call' && v.else.callee).toBe('get_b');
  });

  test('a chain of them lowers in linear size (it used to double at every level)', () => {
    const depth = 12;
    const chain = Array.from({ length: depth }, (_, i) => `v${i}`).join(' ?: ');
    const ir = lowerText(`int f(void)\n{\n\treturn ${chain};\n}\n`);
    const ret = ir.functions[0].body.k === 'block' ? ir.functions[0].body.body[0] : undefined;
    const v = ret?.k === 'return' ? ret.value : undefined;
    expect(v).toBeDefined();
    // Each level adds a cond node, its condition and that condition's copy as `then`.
    expect(size(v!)).toBeLessThan(depth * 4);
  });
});

describe('field access', () => {
  test('`arrow` is true for `->` only (it was true for every field access)', () => {
    const ir = lowerText('int f(struct t *p, struct t a)\n{\n\treturn a.x + p->y + a.s->z + p->s.w + (*p).v + a . u + p -> q;\n}\n');
    const fields = exprSitesOfKind(ir.functions[0], 'field').map((s) => s.expr);
    expect(fields.map((e) => e.k === 'field' && [e.text, e.arrow])).toEqual([
      ['a.x', false], ['p->y', true], ['a.s->z', true], ['a.s', false], ['p->s.w', false], ['p->s', true],
      ['(*p).v', false], ['a . u', false], ['p -> q', true],
    ]);
  });
});

describe('declared types', () => {
  test('a declared type is its specifiers plus its own declarator without the name, even when the name is also a tag', () => {
    const ir = lowerText('struct s { int s; char *name, names[4]; struct page *page; };\nstatic int count, counts[2] = { 1 }, *countp;\n'
      + 'int f(struct dev *dev, int devs)\n{\n\tstruct page *page = NULL, **pages;\n\tint ndev = devs;\n\treturn ndev;\n}\n');
    expect(ir.structFields.map((f) => f.type)).toEqual(['int', 'char *', 'char [4]', 'struct page *']);
    expect(ir.globals.map((g) => g.type)).toEqual(['static int', 'static int [2]', 'static int *']);
    expect(ir.functions[0].params.map((p) => p.type)).toEqual(['struct dev *', 'int']);
    const body = ir.functions[0].body;
    const locals = (body.k === 'block' ? body.body : []).flatMap((s) => (s.k === 'decl' ? s.vars : []));
    expect(locals.map((v) => [v.name, v.type])).toEqual([['page', 'struct page *'], ['pages', 'struct page **'], ['ndev', 'int']]);
  });
});

describe('comma expressions', () => {
  function exprOf(text: string): Expr | undefined {
    const body = lowerText(text).functions[0].body;
    const s = body.k === 'block' ? body.body[0] : undefined;
    return s?.k === 'expr' ? s.expr : undefined;
  }

  test('`a, b, c` is one comma list of its operands in order (tree-sitter nests it to the right)', () => {
    const e = exprOf('void f(void)\n{\n\ta(), b(), c();\n}\n');
    expect(e?.k).toBe('comma');
    if (e?.k !== 'comma') return;
    expect(e.list.map((x) => (x.k === 'call' ? x.callee : x.k))).toEqual(['a', 'b', 'c']);
  });

  test('a chain of 5,000 operands (a test table of macro calls) lowers without running out of stack', () => {
    const calls = Array.from({ length: 5000 }, (_, i) => `op(${i})`).join(',\n\t');
    const e = exprOf(`void f(void)\n{\n\t${calls};\n}\n`);
    expect(e?.k === 'comma' && e.list.length).toBe(5000);
    let seen = 0;
    if (e) walkExpr(e, (x) => { if (x.k === 'call') seen++; });
    expect(seen).toBe(5000);
  });
});
