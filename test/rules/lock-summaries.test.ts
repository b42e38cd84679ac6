// Same-file helper summaries for the RCU rules (src/rules/support/lock-summaries.ts): a helper's lock effect comes
// from its annotations, and whether it sleeps is worked out only when a caller asks.
import { parseSyntax } from '../../src/c/parser.js';
import { lowerSyntax } from '../../src/c/lower.js';
import type { ContractView, ModelLookup } from '../../src/analysis/index.js';
import { lockSummaries } from '../../src/rules/support/lock-summaries.js';
import { fakeModel } from '../analysis/fake-model.js';

const SRC = `static void slow(struct d *d)
{
	msleep(10);
}

static void drops(struct d *d)
{
	rcu_read_unlock();
	msleep(10);
	rcu_read_lock();
}

static void enter(void) __acquires(RCU)
{
	rcu_read_lock();
}

static int quick(struct d *d)
{
	return d->n;
}
`;

/** The fake catalogue plus msleep, counting how often the helpers' callees are looked up. */
function countingModel(): { model: ModelLookup; asked: string[] } {
  const asked: string[] = [];
  const extra: Record<string, ContractView> = { msleep: { name: 'msleep', mightSleep: true } };
  return {
    asked,
    model: { ...fakeModel, contract: (n) => { asked.push(n); return extra[n] ?? fakeModel.contract(n); } },
  };
}

describe('lock summaries', () => {
  const ir = lowerSyntax(parseSyntax(SRC), (r) => r + 1, 'x.c');

  test('a helper sleeps for an RCU caller unless it drops the section around the sleep', () => {
    const { model } = countingModel();
    const s = lockSummaries(model, ir);
    expect(s.model.contract('slow')?.mightSleep).toBe(true);
    expect(s.model.contract('drops')?.mightSleep).toBeUndefined();
    expect(s.model.contract('quick')?.mightSleep).toBeUndefined();
    expect(s.sleepOf('slow')).toMatchObject({ helper: 'slow', call: 'msleep', line: 3 });
  });

  test("a helper's lock effect comes from its annotation; other helpers have none", () => {
    const s = lockSummaries(countingModel().model, ir);
    expect(s.model.contract('enter')?.lock).toEqual({ cls: 'rcu', op: 'acquire' });
    expect(s.model.contract('slow')?.lock).toBeUndefined();
    expect(s.model.contract('not_in_file')).toBeUndefined();
    expect(s.model.contract('msleep')?.mightSleep).toBe(true);
  });

  test('looking up a lock effect does not analyse the helper; asking whether it sleeps does, once', () => {
    const { model, asked } = countingModel();
    const s = lockSummaries(model, ir);
    const view = s.model.contract('slow');
    expect(view?.lock).toBeUndefined();
    expect(asked.filter((n) => n === 'msleep')).toEqual([]);
    expect(view?.mightSleep).toBe(true);
    const afterFirst = asked.filter((n) => n === 'msleep').length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(s.model.contract('slow')?.mightSleep).toBe(true);
    expect(asked.filter((n) => n === 'msleep').length).toBe(afterFirst);
  });
});
