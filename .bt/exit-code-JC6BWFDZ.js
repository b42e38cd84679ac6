import "./chunk-4VNS5WPM.js";

// dist/src/report/exit-code.js
function exitCodeFor(result, failOn) {
  if (result.errors.length > 0)
    return 2;
  if (failOn === "never")
    return 0;
  const failing = failOn === "error" ? /* @__PURE__ */ new Set(["error"]) : /* @__PURE__ */ new Set(["error", "warning"]);
  return result.findings.some((f) => f.kind !== "fixes" && failing.has(f.severity)) ? 1 : 0;
}
export {
  exitCodeFor
};
