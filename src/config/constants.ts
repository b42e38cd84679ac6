// The configuration's vocabulary and defaults as plain data, without zod or yaml: the CLI and the engine read
// these on every run, and validation (schema.ts) is loaded only when there is a file to validate.
import type { Config } from '../types.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const;
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const;
export const REVIEW_EVENTS = ['COMMENT', 'REQUEST_CHANGES'] as const;

/** "6.12", "6.1.54", "6.15-rc3": what `uname -r` style version prefixes look like. */
export const KERNEL_VERSION = /^\d+\.\d+(?:\.\d+)?(?:-rc\d+)?$/;

/**
 * The configuration with every default applied (what an empty file gives). A test checks that it equals what
 * the schema produces for `{}`, so the two cannot drift.
 */
export function defaultConfig(): Config {
  return {
    rules: {},
    platforms: [],
    kernel: undefined,
    paths: { include: ['**'], exclude: [] },
    plugins: [],
    failOn: 'error',
    filter: 'added',
    github: { maxComments: 30, reviewEvent: 'COMMENT', includeDrafts: false, maxFiles: 300, maxFileBytes: 1_000_000 },
  };
}
