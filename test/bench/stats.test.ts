// Statistics helpers of the benchmark: percentiles by linear interpolation, summaries, ratios, sampling.
import { evenSample, mean, median, percentile, perSecond, ratio, summarize } from '../../bench/stats.js';

describe('percentile', () => {
  test('interpolates linearly between closest ranks (numpy default)', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 25)).toBe(20);
    expect(percentile([10, 20], 75)).toBe(17.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 99)).toBeCloseTo(99.01, 10);
    expect(percentile(hundred, 50)).toBeCloseTo(50.5, 10);
  });

  test('p0 and p100 are the extremes; one sample is every percentile', () => {
    expect(percentile([5, 1, 9], 0)).toBe(1);
    expect(percentile([5, 1, 9], 100)).toBe(9);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  test('p99 of 50 samples reflects the tail without being just the maximum', () => {
    const samples = [...Array.from({ length: 48 }, () => 100), 200, 1000];
    const p99 = percentile(samples, 99);
    expect(p99).toBeGreaterThan(200);
    expect(p99).toBeLessThan(1000);
    expect(p99).toBeCloseTo(200 + 0.51 * 800, 6);
  });

  test('sorts a copy, leaving the caller’s array as it was', () => {
    const samples = [3, 1, 2];
    expect(percentile(samples, 50)).toBe(2);
    expect(samples).toEqual([3, 1, 2]);
  });

  test('rejects an empty sample, NaN and p outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
    expect(() => percentile([1, NaN], 50)).toThrow(/NaN/);
    expect(() => percentile([1], -1)).toThrow(/0\.\.100/);
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
    expect(() => percentile([1], NaN)).toThrow(/0\.\.100/);
  });
});

describe('summaries', () => {
  test('median and mean', () => {
    expect(median([4, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(() => mean([])).toThrow(/empty/);
  });

  test('summarize reports n, p50, p99, min, max and mean', () => {
    const s = summarize([30, 10, 20]);
    expect({ ...s, p99: undefined }).toEqual({ n: 3, p50: 20, p99: undefined, min: 10, max: 30, mean: 20 });
    expect(s.p99).toBeCloseTo(29.8, 10);
  });

  test('ratio is undefined when it cannot be stated', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(10, undefined)).toBeUndefined();
    expect(ratio(10, 0)).toBeUndefined();
    expect(ratio(Infinity, 1)).toBeUndefined();
  });

  test('perSecond converts a count over milliseconds', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(perSecond(5, 0)).toBeUndefined();
  });
});

describe('evenSample', () => {
  test('keeps everything when the list is short enough', () => {
    expect(evenSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  test('spreads the sample over the whole list, first and last included, in order', () => {
    const items = Array.from({ length: 101 }, (_, i) => i);
    expect(evenSample(items, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(evenSample(items, 1)).toEqual([0]);
    expect(evenSample(items, 0)).toEqual([]);
  });
});
