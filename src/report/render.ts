// One entry point for every report format, importing only the formatter asked for: the CLI renders one
// format per run, so it should not load (and compile) the other two.

import type { ReviewResult } from '../types.js';
import type { SarifOptions } from './sarif.js';
import type { TextOptions } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Options for every format; each formatter reads the ones it needs. */
export interface FormatOptions extends Partial<TextOptions>, SarifOptions {}

/** The text formatter's options out of the common ones. */
export function textOptionsOf(opts: FormatOptions): TextOptions {
  return { inputs: opts.inputs ?? [], color: opts.color };
}

/** The SARIF formatter's options out of the common ones. */
export function sarifOptionsOf(opts: FormatOptions): SarifOptions {
  return { toolVersion: opts.toolVersion, baseUri: opts.baseUri, informationUri: opts.informationUri };
}

/** A formatter bound to the options of its format. */
export type Formatter = (result: ReviewResult) => string;

/** The formatter of `format`, its module imported on demand. */
export async function loadFormatter(format: ReportFormat, opts: FormatOptions): Promise<Formatter> {
  switch (format) {
    case 'text': {
      const { formatText } = await import('./text.js');
      return (result) => formatText(result, textOptionsOf(opts));
    }
    case 'json': {
      const { formatJson } = await import('./json.js');
      return formatJson;
    }
    case 'sarif': {
      const { formatSarif } = await import('./sarif.js');
      return (result) => formatSarif(result, sarifOptionsOf(opts));
    }
    default: {
      const never: never = format;
      throw new Error(`unknown report format "${String(never)}"; expected one of ${REPORT_FORMATS.join('|')}`);
    }
  }
}

/** Renders `result` in the chosen format, loading only that format's formatter. */
export async function renderReport(result: ReviewResult, format: ReportFormat, opts: FormatOptions): Promise<string> {
  return (await loadFormatter(format, opts))(result);
}
