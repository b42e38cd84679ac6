import { parseSyntax } from '../../src/c/parser.js';
import { lowerSyntax } from '../../src/c/lower.js';
import { callsIn, FileAnalysis } from '../../src/analysis/index.js';
import type { Expr, FunctionIR } from '../../src/c/ir.js';
import { fakeModel } from './fake-model.js';

function analyse(src: string): FileAnalysis {
  return new FileAnalysis(lowerSyntax(parseSyntax(src), (r) => r + 1, 'x.c'), fakeModel);
}

/** The first argument of the first call to `callee` in `fn`. */
function argOf(a: FileAnalysis, fnName: string, callee: string, index: number): { e: Expr; fn: FunctionIR } {
  const fn = a.functions.find((f) => f.name === fnName)!;
  const site = callsIn(fn).find((s) => s.call.callee === callee)!;
  return { e: site.call.args[index], fn };
}

describe('provenance', () => {
  test('allocation through a local variable, with the chain', () => {
    const a = analyse(`int f(struct sg *sg) {
      void *p;
      p = ioremap(0x1000, 64);
      sg_set_buf(sg, p, 64);
      return 0;
    }`);
    const { e, fn } = argOf(a, 'f', 'sg_set_buf', 1);
    const origins = a.origins(e, fn);
    expect(origins.map((o) => o.kind)).toEqual(['iomem']);
    expect(origins[0].chain.map((c) => c.line)).toEqual([3, 3]);
  });

  test('__iomem declarations, casts and pointer arithmetic keep the kind', () => {
    const a = analyse(`int f(void __iomem *regs, struct sg *sg) {
      sg_set_buf(sg, (void __force *)regs + 0x40, 64);
      return 0;
    }`);
    const { e, fn } = argOf(a, 'f', 'sg_set_buf', 1);
    expect([...a.kinds(e, fn)]).toEqual(['iomem']);
  });

  test('struct fields assigned in another function of the file', () => {
    const a = analyse(`static int probe(struct dev *d) { d->ring = vmalloc(4096); return 0; }
    static void use(struct dev *d, struct sg *sg) { sg_init_one(sg, d->ring, 4096); }`);
    const { e, fn } = argOf(a, 'use', 'sg_init_one', 1);
    const o = a.origins(e, fn);
    expect(o.map((x) => x.kind)).toEqual(['vmalloc']);
    expect(o[0].chain.some((c) => c.note.includes('probe'))).toBe(true);
  });

  test('helper summaries and conditional assignment give a union', () => {
    const a = analyse(`static void *get_buf(int mmio) { if (mmio) return ioremap(0, 4); return kmalloc(4, GFP_KERNEL); }
    int f(struct sg *sg) { void *b = get_buf(1); sg_set_buf(sg, b, 4); return 0; }`);
    const { e, fn } = argOf(a, 'f', 'sg_set_buf', 1);
    expect([...a.kinds(e, fn)].sort()).toEqual(['iomem', 'slab']);
  });

  test('stack: local arrays and addresses of locals; static locals are kernel image', () => {
    const a = analyse(`int f(struct sg *sg) {
      u8 buf[16];
      struct cmd c;
      static u8 s[4];
      sg_init_one(sg, buf, 16);
      sg_init_one(sg, &c, sizeof(c));
      sg_init_one(sg, s, 4);
      return 0;
    }`);
    const fn = a.functions[0];
    const sites = callsIn(fn).filter((s) => s.call.callee === 'sg_init_one');
    expect(sites.map((s) => [...a.kinds(s.call.args[1], fn)])).toEqual([['stack'], ['stack'], ['kernel-image']]);
  });

  test('members: `.` stays in the object (a local struct is on the stack), `->` follows the pointer', () => {
    const a = analyse(`struct cmd { u8 hdr; u8 data[16]; };
    int f(struct sg *sg) {
      struct cmd c;
      struct cmd *p = kmalloc(sizeof(*p), GFP_KERNEL);
      sg_init_one(sg, &c.hdr, 1);
      sg_init_one(sg, c.data, 16);
      sg_init_one(sg, &p->hdr, 1);
      sg_init_one(sg, p->data, 16);
      return 0;
    }`);
    const fn = a.functions[0];
    const sites = callsIn(fn).filter((s) => s.call.callee === 'sg_init_one');
    expect(sites.map((s) => [...a.kinds(s.call.args[1], fn)])).toEqual([['stack'], ['stack'], ['slab'], ['slab']]);
  });

  test('parameters and unknown calls stay unknown', () => {
    const a = analyse(`int f(void *p, struct sg *sg) { void *q = foo_get(); sg_set_buf(sg, p, 4); sg_set_buf(sg, q, 4); return 0; }`);
    const fn = a.functions[0];
    const sites = callsIn(fn).filter((s) => s.call.callee === 'sg_set_buf');
    expect(sites.map((s) => [...a.kinds(s.call.args[1], fn)])).toEqual([['unknown'], ['unknown']]);
  });

  test('highmem from the GFP argument; converters pass the kind through', () => {
    const a = analyse(`void f(void) { struct page *pg = alloc_pages(GFP_HIGHUSER, 0); void *v = page_address(pg); use(v); }`);
    const { e, fn } = argOf(a, 'f', 'use', 0);
    expect([...a.kinds(e, fn)]).toEqual(['highmem']);
  });

  test('value classes from error conventions', () => {
    const a = analyse(`int f(struct device *d, struct sg *sg) { int n = dma_map_sg(d, sg, 1, 0); use(n); return 0; }`);
    const { e, fn } = argOf(a, 'f', 'use', 0);
    expect([...a.kinds(e, fn)]).toEqual(['mapped-count']);
  });

  test('uses() finds field reads across functions', () => {
    const a = analyse(`void m(struct r *rctx) { rctx->n = dma_map_sg(0, 0, 1, 0); }
    void u(struct r *rctx) { dma_unmap_sg(0, 0, rctx->n, 0); }`);
    expect(a.uses('rctx->n').map((u) => u.fn.name)).toEqual(['m', 'u']);
    expect(a.uses('n', { byField: true })).toHaveLength(2);
  });
});

describe('lock paths', () => {
  test('an early return with rcu held, and an unlock without a lock', () => {
    const a = analyse(`void *k(struct page *page) {
      rcu_read_lock();
      if (page)
        return page_address(page);
      rcu_read_unlock();
      return NULL;
    }
    void ku(void *addr) { rcu_read_unlock(); }`);
    const [k, ku] = a.functions;
    expect(a.locks(k).heldAtReturn.map((h) => [h.cls, h.lockLine, h.returnLine])).toEqual([['rcu', 2, 4]]);
    expect(a.locks(ku).releaseUnheld.map((r) => r.cls)).toEqual(['rcu']);
  });

  test('goto error paths that unlock are balanced; sleeping inside RCU is reported', () => {
    const a = analyse(`int f(struct x *x) {
      int ret = 0;
      rcu_read_lock();
      if (x->bad) { ret = -EINVAL; goto out; }
      p = kmalloc(64, GFP_KERNEL);
    out:
      rcu_read_unlock();
      return ret;
    }`);
    const r = a.locks(a.functions[0]);
    expect(r.heldAtReturn).toEqual([]);
    expect(r.sleepInSection.map((s) => [s.call, s.line, s.sectionLine])).toEqual([['kmalloc', 5, 3]]);
  });

  test('trylock holds the lock only on the success branch; loops and switches', () => {
    const a = analyse(`int f(spinlock_t *l, int n) {
      if (!spin_trylock(l))
        return -EBUSY;
      for (i = 0; i < n; i++) { if (i == 3) break; }
      switch (n) { case 1: spin_unlock(l); return 1; default: break; }
      spin_unlock(l);
      return 0;
    }`);
    expect(a.locks(a.functions[0]).heldAtReturn).toEqual([]);
  });
});
