// Summary statistics for benchmark samples: percentiles (linear interpolation), median, mean, ratios.

/**
 * The `p`-th percentile (0–100) of `samples`, by linear interpolation between closest ranks
 * (Hyndman & Fan type 7, numpy's default): with few samples (50 deliveries) nearest-rank would make
 * p99 simply the maximum, while interpolation still reflects the two largest values.
 * Throws on an empty sample or a `p` outside [0, 100]; NaN samples are rejected rather than sorted oddly.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100 (got ${p})`);
  if (samples.some((x) => Number.isNaN(x))) throw new RangeError('percentile: sample contains NaN');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** The median (50th percentile). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Arithmetic mean; throws on an empty sample. */
export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('mean of an empty sample');
  return samples.reduce((s, x) => s + x, 0) / samples.length;
}

/** p50, p99, min, max and count of a sample, the shape every latency figure is reported in. */
export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Summarises latency samples (milliseconds). */
export function summarize(samples: readonly number[]): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: mean(samples),
  };
}

/** `a / b`, or undefined when either side is missing or `b` is zero (a ratio we cannot state). */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  return a / b;
}

/** Items per second for `count` items in `ms` milliseconds (undefined for a zero duration). */
export function perSecond(count: number, ms: number): number | undefined {
  return ms > 0 ? (count * 1000) / ms : undefined;
}

/** At most `max` items, evenly spaced over `items` (first and last included), in their order. */
export function evenSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 0) return [];
  if (max === 1) return [items[0]];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
  return out;
}
