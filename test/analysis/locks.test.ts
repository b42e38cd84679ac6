// Unit tests of the lock-section path analysis (src/analysis/locks.ts) on small C functions.
import { parseSyntax } from '../../src/c/parser.js';
import { lowerSyntax } from '../../src/c/lower.js';
import type { FunctionIR } from '../../src/c/ir.js';
import { analyseLocks } from '../../src/analysis/locks.js';
import type { ContractView, ModelLookup } from '../../src/analysis/index.js';
import { fakeModel } from './fake-model.js';

const EXTRA: Record<string, ContractView> = {
  rcu_read_lock_bh: { name: 'rcu_read_lock_bh', lock: { cls: 'rcu_bh', op: 'acquire' } },
  rcu_read_unlock_bh: { name: 'rcu_read_unlock_bh', lock: { cls: 'rcu_bh', op: 'release' } },
  srcu_read_lock: { name: 'srcu_read_lock', lock: { cls: 'srcu', op: 'acquire' } },
  srcu_read_unlock: { name: 'srcu_read_unlock', lock: { cls: 'srcu', op: 'release' } },
  msleep: { name: 'msleep', mightSleep: true },
};

const model: ModelLookup = { ...fakeModel, contract: (n) => EXTRA[n] ?? fakeModel.contract(n) };

function fn(src: string, name?: string): FunctionIR {
  const ir = lowerSyntax(parseSyntax(src), (r) => r + 1, 'x.c');
  const f = name ? ir.functions.find((x) => x.name === name) : ir.functions[0];
  if (!f) throw new Error(`no function ${name ?? ''} in test source`);
  return f;
}

describe('lock paths', () => {
  test('an early return inside an RCU section is held at return; the balanced path is not', () => {
    const r = analyseLocks(fn(`int f(struct x *x) {
      struct y *y;
      rcu_read_lock();
      y = rcu_dereference(x->y);
      if (!y)
        return -ENODEV;
      use(y);
      rcu_read_unlock();
      return 0;
    }`), model);
    expect(r.heldAtReturn.map((h) => [h.cls, h.lockLine, h.returnLine])).toEqual([['rcu', 3, 6]]);
    expect(r.releaseUnheld).toEqual([]);
  });

  test('a return from inside an RCU list walk keeps the section held', () => {
    const r = analyseLocks(fn(`void *f(unsigned long addr) {
      struct k *k;
      rcu_read_lock();
      list_for_each_entry_rcu(k, &ranges, list)
        if (addr >= k->start)
          return k->base;
      rcu_read_unlock();
      return NULL;
    }`), model);
    expect(r.heldAtReturn.map((h) => h.returnLine)).toEqual([6]);
  });

  test('goto unwinding that unlocks at the label is balanced', () => {
    const r = analyseLocks(fn(`int f(struct x *x) {
      int ret = 0;
      rcu_read_lock();
      if (!x->p) {
        ret = -ENODEV;
        goto out;
      }
      ret = x->p->v;
    out:
      rcu_read_unlock();
      return ret;
    }`), model);
    expect(r.heldAtReturn).toEqual([]);
    expect(r.releaseUnheld).toEqual([]);
  });

  test('an unlock of a section the function never took is a release of what is not held', () => {
    const r = analyseLocks(fn(`void f(void *addr) {
      if (!addr)
        return;
      do_unmap(addr);
      rcu_read_unlock();
    }`), model);
    expect(r.releaseUnheld.map((u) => [u.cls, u.line])).toEqual([['rcu', 5]]);
  });

  test('__acquires(RCU) in capitals marks the hand-over as intended, like __acquires(rcu)', () => {
    // Before the fix the annotation was matched case-sensitively and `RCU` (the kernel's usual spelling)
    // was not recognised, so annotated hand-overs were reported as imbalances.
    for (const spelling of ['RCU', 'rcu']) {
      const r = analyseLocks(fn(`void *f(void) __acquires(${spelling}) {
        rcu_read_lock();
        return lookup();
      }`), model);
      expect(r.annotated.has('rcu')).toBe(true);
      expect(r.heldAtReturn).toEqual([]);
    }
  });

  test('a sleeping call inside an RCU section is reported with the section', () => {
    const r = analyseLocks(fn(`int f(struct x *x) {
      rcu_read_lock();
      x->buf = kmalloc(64, GFP_KERNEL);
      msleep(1);
      x->tmp = kmalloc(64, GFP_ATOMIC);
      rcu_read_unlock();
      return 0;
    }`), model);
    expect(r.sleepInSection.map((s) => [s.cls, s.call, s.line, s.sectionLine])).toEqual([
      ['rcu', 'kmalloc', 3, 2], ['rcu', 'msleep', 4, 2],
    ]);
  });

  test('an SRCU section allows sleeping (its readers may block)', () => {
    const r = analyseLocks(fn(`int f(struct srcu_struct *ss) {
      int idx = srcu_read_lock(ss);
      msleep(1);
      srcu_read_unlock(ss, idx);
      return 0;
    }`), model);
    expect(r.sleepInSection).toEqual([]);
    expect(r.heldAtReturn).toEqual([]);
  });

  test('a sleep under a spinlock nested in an RCU section lists both sections', () => {
    const r = analyseLocks(fn(`void f(struct x *x) {
      rcu_read_lock();
      spin_lock(&x->lock);
      msleep(1);
      spin_unlock(&x->lock);
      rcu_read_unlock();
    }`), model);
    expect(r.sleepInSection).toHaveLength(1);
    expect(r.sleepInSection[0].cls).toBe('spin');
    expect(r.sleepInSection[0].sections?.map((s) => s.cls)).toEqual(['rcu', 'spin']);
  });

  test('entry sections: a fragment that unlocks what it never locked ran inside that section', () => {
    const f = fn(`void frag(void) {
      p = rcu_dereference(x->p);
      if (p)
        xa_store(&p->types, idx, v, GFP_KERNEL);
      rcu_read_unlock();
      xa_store(&q->types, idx, v, GFP_KERNEL);
    }`);
    const plain = analyseLocks(f, model);
    expect(plain.releaseUnheld.map((u) => u.line)).toEqual([5]);
    expect(plain.sleepInSection).toEqual([]);
    const entered = analyseLocks(f, model, { entry: [{ cls: 'rcu', line: 1, call: 'rcu_read_lock' }] });
    expect(entered.releaseUnheld).toEqual([]);
    // Only the store before the unlock runs inside the section.
    expect(entered.sleepInSection.map((s) => [s.line, s.entry])).toEqual([[4, true]]);
  });
});

describe('sleeping lock acquisitions', () => {
  test('mutex_lock() inside an RCU section is a sleep in the section', () => {
    // Before the fix, a call with a lock effect skipped the sleep check, so mutex_lock() (which sleeps) under
    // rcu_read_lock() went unreported.
    const r = analyseLocks(fn(`void f(struct x *x) {
      rcu_read_lock();
      mutex_lock(&x->m);
      mutex_unlock(&x->m);
      rcu_read_unlock();
    }`), model);
    expect(r.sleepInSection.map((s) => [s.call, s.line, s.cls])).toEqual([['mutex_lock', 3, 'rcu']]);
  });
});

describe('annotations', () => {
  test('an SRCU annotation marks the srcu class, not plain RCU', () => {
    const r = analyseLocks(fn(`long f(struct head *head, int idx) __releases(&head->srcu) {
      int ret = do_ioctl(head);
      srcu_read_unlock(&head->srcu, idx);
      return ret;
    }`), model);
    expect([...r.annotated]).toEqual(['srcu']);
  });

  // analyseLocks skips the path walk when no call is a lock operation: "lock operation" must be the model the
  // caller passes (the RCU rules pass one that knows the file's own helpers), and sections held on entry count.
  test('a lock operation known only to the model passed in is still walked', () => {
    const src = `int f(struct x *x) {
      my_lock(x);
      if (!x->ready)
        return -EAGAIN;
      my_unlock(x);
      return 0;
    }`;
    expect(analyseLocks(fn(src), model).heldAtReturn).toEqual([]);
    const helpers: ModelLookup = {
      ...model,
      contract: (n) => (n === 'my_lock' ? { name: n, lock: { cls: 'rcu', op: 'acquire' } }
        : n === 'my_unlock' ? { name: n, lock: { cls: 'rcu', op: 'release' } } : model.contract(n)),
    };
    expect(analyseLocks(fn(src), helpers).heldAtReturn.map((h) => [h.cls, h.lockLine, h.returnLine])).toEqual([['rcu', 2, 4]]);
  });

  test('a function without lock calls still reports a sleep inside a section held on entry', () => {
    const r = analyseLocks(fn(`void f(void) {
      msleep(10);
    }`), model, { entry: [{ cls: 'rcu', line: 1, call: 'rcu_read_lock' }] });
    expect(r.sleepInSection.map((s) => [s.cls, s.line, s.call])).toEqual([['rcu', 2, 'msleep']]);
    expect(analyseLocks(fn('void f(void) {\n  msleep(10);\n}'), model).sleepInSection).toEqual([]);
  });
});
