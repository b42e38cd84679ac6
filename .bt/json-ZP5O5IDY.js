import {
  sortFindings
} from "./chunk-ZPNCJXNT.js";
import "./chunk-4VNS5WPM.js";

// dist/src/report/json.js
var JSON_REPORT_VERSION = 1;
function formatJson(result) {
  const doc = {
    version: JSON_REPORT_VERSION,
    findings: sortFindings(result.findings).map(findingJson),
    errors: result.errors.map(inputErrorJson),
    notes: result.notes.map(inputErrorJson),
    stats: statsJson(result.stats)
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function findingJson(f) {
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
    suggestion: f.suggestion && suggestionJson(f.suggestion)
  });
}
function evidenceJson(e) {
  return withoutUndefined({ file: e.file, line: e.line, note: e.note, side: e.side });
}
function suggestionJson(s) {
  return { file: s.file, startLine: s.startLine, endLine: s.endLine, replacement: s.replacement, safety: s.safety };
}
function inputErrorJson(e) {
  return { input: e.input, message: e.message };
}
function statsJson(s) {
  const ordered = withoutUndefined({
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
    linesByInput: s.linesByInput && Object.fromEntries(Object.entries(s.linesByInput).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)),
    timings: s.timings
  });
  const rest = Object.keys(s).filter((k) => !(k in ordered)).sort();
  for (const k of rest) {
    const value = s[k];
    if (value !== void 0)
      ordered[k] = value;
  }
  return ordered;
}
function withoutUndefined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== void 0));
}
export {
  JSON_REPORT_VERSION,
  formatJson
};
