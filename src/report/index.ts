// Reporters: pure formatters from a ReviewResult to text, JSON or SARIF, and the CLI's exit code. This barrel
// loads every formatter; renderReport (render.ts) imports only the format it renders.

export { REPORT_FORMATS, renderReport, type FormatOptions, type ReportFormat } from './render.js';
export { exitCodeFor } from './exit-code.js';

export { formatJson, JSON_REPORT_VERSION } from './json.js';
export { formatSarif, sarifLevel, SARIF_FINGERPRINT_KEY, type SarifOptions } from './sarif.js';
export { checkpatchType, formatText, levelOf, type TextOptions } from './text.js';
export { fingerprintOf, normaliseCode, sortFindings, type FingerprintParts } from './fingerprint.js';
