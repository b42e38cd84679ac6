import { hunkImage } from '../../src/c/images.js';
import { parseImage } from '../../src/c/source.js';
import { fileDiff, hunk } from './helpers.js';

describe('hunk images', () => {
  test('a mid-function hunk is wrapped in its section header and keeps file line numbers', () => {
    const f = fileDiff('drivers/x/y.c', [hunk(40, 40, 'static int foo_map(struct foo *f)', [
      ' \tvoid __iomem *regs = f->regs;',
      ' \tint n;',
      '+\tsg_set_buf(&f->sg, regs, 64);',
      ' \tif (n) {',
      ' \t\treturn -EIO;',
      ' \t}',
      ' \treturn 0;',
      ' }',
    ])]);
    const img = hunkImage(f, 'new')!;
    expect([...img.changed]).toEqual([42]);
    const ir = parseImage(img);
    expect(ir.functions.map((fn) => fn.name)).toEqual(['foo_map']);
    const fn = ir.functions[0];
    expect(fn.synthetic).toBe(true);
    expect(fn.params.map((p) => p.name)).toEqual(['f']);
    const body = fn.body.k === 'block' ? fn.body.body : [];
    const decl = body[0];
    expect(decl.k).toBe('decl');
    if (decl.k === 'decl') {
      expect(decl.vars[0].name).toBe('regs');
      expect(decl.vars[0].addressSpace).toBe('iomem');
      expect(decl.vars[0].line).toBe(40);
    }
    const call = body[2];
    expect(call.k === 'expr' && call.expr.k === 'call' && call.expr.callee).toBe('sg_set_buf');
    expect(call.line).toBe(42);
  });

  test('iterator macros become loops and hunks that close nested blocks still parse', () => {
    const f = fileDiff('mm/k.c', [hunk(10, 10, 'void *kmap_thing(unsigned long pfn)', [
      ' \t\tlist_for_each_entry_rcu(k, &ranges, list)',
      ' \t\t\tif (addr >= k->start)',
      '+\t\t\t\treturn k->base + addr;',
      ' \t}',
      ' \treturn NULL;',
      ' }',
    ])]);
    const ir = parseImage(hunkImage(f, 'new')!);
    expect(ir.functions).toHaveLength(1);
    const body = ir.functions[0].body;
    const flat = JSON.stringify(body);
    expect(flat).toContain('"form":"macro"');
    expect(flat).toContain('"k":"return"');
  });
});

describe('declarations', () => {
  test('each declarator of `int i, *p;` gets its own type', () => {
    const f = fileDiff('x.c', [hunk(1, 1, '', ['+int f(void)', '+{', '+\tint i, *p;', '+\treturn 0;', '+}'])]);
    const ir = parseImage(hunkImage(f, 'new')!);
    const body = ir.functions[0].body;
    const decl = body.k === 'block' ? body.body[0] : undefined;
    expect(decl?.k === 'decl' && decl.vars.map((v) => [v.name, v.type, v.pointer])).toEqual([['i', 'int', false], ['p', 'int *', true]]);
  });
});
