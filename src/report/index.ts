// Reporters: pure formatters from a ReviewResult to text, JSON or SARIF, and the CLI's exit code.

import type { ReviewResult } from '../types.js';
import { formatJson } from './json.js';
import { formatSarif, type SarifOptions } from './sarif.js';
import { formatText, type TextOptions } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Options for every format; each formatter reads the ones it needs. */
export interface FormatOptions extends Partial<TextOptions>, SarifOptions {}

/** Renders `result` in the chosen format. `inputs` defaults to the inputs the result mentions. */
export function formatResult(result: ReviewResult, format: ReportFormat, opts: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, { inputs: opts.inputs ?? [], color: opts.color });
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, { toolVersion: opts.toolVersion, baseUri: opts.baseUri, informationUri: opts.informationUri });
    default: {
      const never: never = format;
      throw new Error(`unknown report format "${String(never)}"; expected one of ${REPORT_FORMATS.join('|')}`);
    }
  }
}

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

export { formatJson, JSON_REPORT_VERSION } from './json.js';
export { formatSarif, sarifLevel, SARIF_FINGERPRINT_KEY, type SarifOptions } from './sarif.js';
export { checkpatchType, formatText, levelOf, type TextOptions } from './text.js';
export { fingerprintOf, normaliseCode, sortFindings, type FingerprintParts } from './fingerprint.js';
