// The benchmark's seeded generator: reproducible, in range, and independent per derived seed.
import { createRng, deriveSeed } from '../../bench/prng.js';

test('the same seed gives the same sequence; another seed a different one', () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const sa = Array.from({ length: 20 }, () => a.next());
  expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
  expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
  expect(sa.every((x) => x >= 0 && x < 1)).toBe(true);
});

test('int stays within its inclusive bounds and reaches both ends', () => {
  const rng = createRng(7);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const v = rng.int(3, 6);
    expect(v).toBeGreaterThanOrEqual(3);
    expect(v).toBeLessThanOrEqual(6);
    seen.add(v);
  }
  expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  expect(() => rng.int(5, 4)).toThrow(RangeError);
  expect(() => rng.pick([])).toThrow(RangeError);
});

test('derived seeds differ per index and are stable', () => {
  const seeds = Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i));
  expect(new Set(seeds).size).toBe(1000);
  expect(deriveSeed(1, 5)).toBe(seeds[5]);
  expect(deriveSeed(2, 5)).not.toBe(seeds[5]);
});
