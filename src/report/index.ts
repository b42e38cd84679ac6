// Reporters: pure formatters from a ReviewResult to text, JSON or SARIF, and the CLI's exit code. This barrel
// loads every formatter; the CLI goes through render.ts, which imports only the format it renders.

import type { ReviewResult } from '../types.js';
import { formatJson } from './json.js';
import { REPORT_FORMATS, sarifOptionsOf, textOptionsOf, type FormatOptions, type ReportFormat } from './render.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export { REPORT_FORMATS, renderReport, type FormatOptions, type ReportFormat } from './render.js';
export { exitCodeFor } from './exit-code.js';

/** Renders `result` in the chosen format (synchronously: every formatter is loaded here). */
export function formatResult(result: ReviewResult, format: ReportFormat, opts: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, textOptionsOf(opts));
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, sarifOptionsOf(opts));
    default: {
      const never: never = format;
      throw new Error(`unknown report format "${String(never)}"; expected one of ${REPORT_FORMATS.join('|')}`);
    }
  }
}

export { formatJson, JSON_REPORT_VERSION } from './json.js';
export { formatSarif, sarifLevel, SARIF_FINGERPRINT_KEY, type SarifOptions } from './sarif.js';
export { checkpatchType, formatText, levelOf, type TextOptions } from './text.js';
export { fingerprintOf, normaliseCode, sortFindings, type FingerprintParts } from './fingerprint.js';
