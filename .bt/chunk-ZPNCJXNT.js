// dist/src/report/fingerprint.js
import { createHash } from "node:crypto";
function fingerprintOf(parts) {
  const fields = [parts.ruleId, parts.file, parts.function ?? "", normaliseCode(parts.code), parts.extra ?? ""];
  return createHash("sha256").update(fields.join("\0")).digest("hex").slice(0, 16);
}
function normaliseCode(code) {
  return code.replace(/\s+/g, " ").trim().replace(/ ?([^\w ]) ?/g, "$1");
}
function patchOrdinal(patchId) {
  const hash = patchId.lastIndexOf("#");
  const n = hash >= 0 ? Number(patchId.slice(hash + 1)) : NaN;
  return Number.isInteger(n) ? n : -1;
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortFindings(findings) {
  return [...findings].sort((a, b) => compareText(a.input, b.input) || patchOrdinal(a.patchId) - patchOrdinal(b.patchId) || compareText(a.file, b.file) || a.line - b.line || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint) || compareText(a.message, b.message));
}

export {
  fingerprintOf,
  sortFindings
};
