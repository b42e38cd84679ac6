import {
  sortFindings
} from "./chunk-ZPNCJXNT.js";
import "./chunk-4VNS5WPM.js";

// dist/src/report/text.js
var ANSI = { red: "\x1B[31m", yellow: "\x1B[33m", green: "\x1B[32m", blue: "\x1B[34m", reset: "\x1B[0m" };
var DETAIL_INDENT = "  ";
function formatText(result, opts) {
  const paint = painter(opts.color ?? false);
  const inputs = inputOrder(result, opts.inputs);
  const byInput = /* @__PURE__ */ new Map();
  for (const f of sortFindings(result.findings)) {
    const list = byInput.get(f.input) ?? [];
    list.push(f);
    byInput.set(f.input, list);
  }
  const blocks = [];
  for (const input of inputs) {
    const lines = [];
    if (inputs.length > 1) {
      const rule = "-".repeat(input.length);
      lines.push(rule, input, rule);
    }
    const findings = byInput.get(input) ?? [];
    for (const f of findings)
      lines.push(...renderFinding(f, paint), "");
    lines.push(totalLine(findings, linesCheckedFor(result, input, inputs.length)));
    blocks.push(lines.join("\n"));
  }
  const tail = [];
  for (const e of byInputOrder(result.errors, inputs))
    tail.push(`${paint.level("ERROR")}: ${e.input}: ${oneLine(e.message)}`);
  for (const n of byInputOrder(result.notes, inputs))
    tail.push(`NOTE: ${n.input}: ${oneLine(n.message)}`);
  if (tail.length > 0)
    blocks.push(tail.join("\n"));
  blocks.push(summaryLine(result));
  return `${blocks.join("\n\n")}
`;
}
function checkpatchType(ruleId) {
  return ruleId.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "").toUpperCase();
}
function levelOf(f) {
  if (f.kind === "fixes")
    return "CHECK";
  return f.severity === "error" ? "ERROR" : f.severity === "warning" ? "WARNING" : "CHECK";
}
function renderFinding(f, paint) {
  const level = levelOf(f);
  const message = f.kind === "fixes" ? `this patch removes: ${oneLine(f.message)}` : oneLine(f.message);
  const markers = [f.quoted ? " (quoted)" : "", f.kind === "existing" ? " (pre-existing)" : ""].join("");
  const out = [`${paint.level(level)}:${paint.type(checkpatchType(f.ruleId))}: ${message} [${f.ruleId}]${markers}`];
  const where = `FILE: ${f.file}:${f.line}:`;
  out.push(f.patchLine !== void 0 ? `#${f.patchLine}: ${where}` : where);
  if (f.sourceLine !== void 0)
    out.push(`${f.side === "old" ? "-" : "+"}${f.sourceLine}`);
  const detail = (label, text) => out.push(...indentBlock(`${label}: `, text));
  if (f.function)
    detail("function", f.function);
  if (f.certainty === "likely")
    detail("certainty", "likely (depends on facts the review could not see)");
  if (f.why)
    detail("why", f.why);
  if (f.instead)
    detail("instead", f.instead);
  for (const e of f.evidence)
    detail("evidence", `${e.file}:${e.line}:${e.side === "old" ? " (before the patch)" : ""} ${e.note}`);
  for (const p of f.platformNotes ?? [])
    detail("platform", p);
  if (f.suggestion) {
    const s = f.suggestion;
    const span = s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}-${s.endLine}`;
    out.push(`${DETAIL_INDENT}suggestion (${s.safety}): replace ${span} of ${s.file} with:`);
    for (const line of s.replacement.replace(/\n$/, "").split("\n"))
      out.push(`${DETAIL_INDENT}${DETAIL_INDENT}${line}`);
  }
  if (f.references && f.references.length > 0)
    detail("references", f.references.join(", "));
  return out;
}
function indentBlock(label, text) {
  const pad = " ".repeat(DETAIL_INDENT.length + label.length);
  return text.replace(/\n+$/, "").split("\n").map((line, i) => i === 0 ? `${DETAIL_INDENT}${label}${line}` : `${pad}${line}`);
}
function totalLine(findings, linesChecked) {
  let errors = 0;
  let warnings = 0;
  let checks = 0;
  for (const f of findings) {
    const level = levelOf(f);
    if (level === "ERROR")
      errors++;
    else if (level === "WARNING")
      warnings++;
    else
      checks++;
  }
  const checkPart = checks > 0 ? `${checks} checks, ` : "";
  return `total: ${errors} errors, ${warnings} warnings, ${checkPart}${linesChecked} lines checked`;
}
function linesCheckedFor(result, input, inputCount) {
  const perInput = result.stats.linesByInput?.[input];
  if (perInput !== void 0)
    return perInput;
  return inputCount === 1 && !result.stats.linesByInput ? result.stats.linesChecked : 0;
}
function summaryLine(result) {
  const s = result.stats;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const extras = [];
  if (s.quotedPatches > 0)
    extras.push(`${s.quotedPatches} quoted`);
  if (s.coverLetters > 0)
    extras.push(plural(s.coverLetters, "cover letter"));
  const patches = `${s.patches} ${s.patches === 1 ? "patch" : "patches"}`;
  return `reviewed ${plural(s.inputs, "input")}, ${patches}${extras.length ? ` (${extras.join(", ")})` : ""}: ${plural(result.findings.length, "finding")}, ${plural(result.errors.length, "input error")}`;
}
function inputOrder(result, given) {
  const seen = new Set(given);
  const extra = /* @__PURE__ */ new Set();
  for (const f of result.findings)
    if (!seen.has(f.input))
      extra.add(f.input);
  for (const e of [...result.errors, ...result.notes])
    if (!seen.has(e.input))
      extra.add(e.input);
  for (const name of Object.keys(result.stats.linesByInput ?? {}))
    if (!seen.has(name))
      extra.add(name);
  return [...new Set(given), ...[...extra].sort()];
}
function byInputOrder(list, inputs) {
  const rank = (name) => {
    const i = inputs.indexOf(name);
    return i >= 0 ? i : inputs.length;
  };
  return [...list].sort((a, b) => rank(a.input) - rank(b.input) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
}
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
function painter(color) {
  if (!color)
    return { level: (l) => l, type: (t) => t };
  const levelColour = { ERROR: ANSI.red, WARNING: ANSI.yellow, CHECK: ANSI.green };
  return {
    level: (l) => `${levelColour[l]}${l}${ANSI.reset}`,
    type: (t) => `${ANSI.blue}${t}${ANSI.reset}`
  };
}
export {
  checkpatchType,
  formatText,
  levelOf
};
