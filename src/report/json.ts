// JSON report: the documented machine contract `{version: 1, findings, errors, stats}` with a fixed key order.
//
// Contract rule: fields are only ever added (as optional extras after the fixed ones), never renamed or
// removed; a breaking change would bump `version`.

import type { Evidence, Finding, InputError, ReviewResult, ReviewStats, Suggestion } from '../types.js';
import { sortFindings } from './fingerprint.js';

/** Version of the JSON contract below. */
export const JSON_REPORT_VERSION = 1;

/** Renders a review as pretty-printed JSON (2-space indent, trailing newline), findings sorted. */
export function formatJson(result: ReviewResult): string {
  const doc = {
    version: JSON_REPORT_VERSION,
    findings: sortFindings(result.findings).map(findingJson),
    errors: result.errors.map(inputErrorJson),
    notes: result.notes.map(inputErrorJson),
    stats: statsJson(result.stats),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One finding: the contract's fields first, in contract order, then the optional extras that are set. */
function findingJson(f: Finding): Record<string, unknown> {
  return withoutUndefined({
    ruleId: f.ruleId,
    severity: f.severity,
    certainty: f.certainty,
    message: f.message,
    input: f.input,
    patch: f.patch,
    file: f.file,
    line: f.line,
    side: f.side,
    quoted: f.quoted,
    evidence: f.evidence.map(evidenceJson),
    fingerprint: f.fingerprint,
    kind: f.kind,
    function: f.function,
    startLine: f.startLine,
    patchLine: f.patchLine,
    sourceLine: f.sourceLine,
    patchId: f.patchId,
    why: f.why,
    instead: f.instead,
    platformNotes: f.platformNotes,
    references: f.references,
    suggestion: f.suggestion && suggestionJson(f.suggestion),
  });
}

function evidenceJson(e: Evidence): Record<string, unknown> {
  return withoutUndefined({ file: e.file, line: e.line, note: e.note, side: e.side });
}

function suggestionJson(s: Suggestion): Record<string, unknown> {
  return { file: s.file, startLine: s.startLine, endLine: s.endLine, replacement: s.replacement, safety: s.safety };
}

function inputErrorJson(e: InputError): Record<string, unknown> {
  return { input: e.input, message: e.message };
}

/** Known counters in pipeline order, then per-input lines (sorted by input), timings, and any future keys. */
function statsJson(s: ReviewStats): Record<string, unknown> {
  const ordered: Record<string, unknown> = withoutUndefined({
    inputs: s.inputs,
    patches: s.patches,
    quotedPatches: s.quotedPatches,
    coverLetters: s.coverLetters,
    files: s.files,
    hunks: s.hunks,
    linesChecked: s.linesChecked,
    findings: s.findings,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    linesByInput: s.linesByInput && Object.fromEntries(Object.entries(s.linesByInput).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    timings: s.timings,
  });
  const rest = Object.keys(s)
    .filter((k) => !(k in ordered))
    .sort();
  for (const k of rest) {
    const value = (s as unknown as Record<string, unknown>)[k];
    if (value !== undefined) ordered[k] = value;
  }
  return ordered;
}

/** Drops undefined members so absent optional fields are absent in the output, not `null`. */
function withoutUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
