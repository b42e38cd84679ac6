// V8 settings for the CLI process, applied when it starts (and so inherited by its `--jobs` worker threads). A
// review is one short batch job over a large body of code (30 rules, the analysis, the model): V8's defaults are
// tuned for long-running pages and servers, and two of them cost this workload more than they give. The figures
// behind each are in docs/benchmarks.md ("V8 settings").
import { setFlagsFromString } from 'node:v8';

/**
 * The settings, in `node --v8-options` syntax.
 *
 * - `--heap-growing-percent=25`: V8 lets the old generation grow to up to four times the live data between
 *   collections. A review keeps little alive between patches (about 11 MB on any series), so a tighter factor
 *   keeps the process's memory flatter as a series grows, at the price of more frequent but small collections.
 * - `--no-turbo-inlining`: TurboFan, V8's optimising compiler, inlines callees into every hot function it
 *   compiles. Across the review's several hundred hot functions that made optimised compilation about a third of
 *   all CPU time (a 796-file kernel series: 876 compilations, several seconds on V8's compiler thread), and every
 *   deoptimisation threw away the large inlined code. Without inlining, the same series takes about a fifth less
 *   time on one thread and 30 % less with `--jobs 2` (each worker compiles its own code), and small inputs
 *   are no slower. Only compiler heuristics change: the code computes exactly what it did.
 */
export const CLI_V8_FLAGS: readonly string[] = ['--heap-growing-percent=25', '--no-turbo-inlining'];

/**
 * The environment variable that replaces {@link CLI_V8_FLAGS}: space-separated V8 flags, or empty for V8's
 * defaults (to measure them, or to step around a V8 problem without a rebuild).
 */
export const V8_FLAGS_ENV = 'P2PDMA_REVIEW_V8_FLAGS';

/** The flags to apply under `env`: the override when set (split on whitespace), else {@link CLI_V8_FLAGS}. */
export function v8FlagsFor(env: NodeJS.ProcessEnv): string[] {
  const override = env[V8_FLAGS_ENV];
  if (override === undefined) return [...CLI_V8_FLAGS];
  return override.split(/\s+/).filter((f) => f.length > 0);
}

/**
 * Applies the flags for `env` to this process and returns them. Call it first thing: compiler flags act on code
 * compiled afterwards, and heap flags on collections to come.
 */
export function tuneV8(env: NodeJS.ProcessEnv = process.env): string[] {
  const flags = v8FlagsFor(env);
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
