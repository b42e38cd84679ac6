// The CLI's exit status for a review: input errors, then findings at or above --fail-on.

import type { ReviewResult } from '../types.js';

/**
 * The process exit code for a review: 2 when any input could not be reviewed (input errors win, though
 * everything else was reviewed), else 1 when a finding is at or above `failOn`, else 0. Findings of kind
 * "fixes" (the patch removes a violation) never fail a run; `never` only fails on input errors.
 */
export function exitCodeFor(result: Pick<ReviewResult, 'findings' | 'errors'>, failOn: 'error' | 'warning' | 'never'): 0 | 1 | 2 {
  if (result.errors.length > 0) return 2;
  if (failOn === 'never') return 0;
  const failing = failOn === 'error' ? new Set(['error']) : new Set(['error', 'warning']);
  return result.findings.some((f) => f.kind !== 'fixes' && failing.has(f.severity)) ? 1 : 0;
}
