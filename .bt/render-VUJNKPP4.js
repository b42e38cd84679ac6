import "./chunk-4VNS5WPM.js";

// dist/src/report/render.js
var REPORT_FORMATS = ["text", "json", "sarif"];
function textOptionsOf(opts) {
  return { inputs: opts.inputs ?? [], color: opts.color };
}
function sarifOptionsOf(opts) {
  return { toolVersion: opts.toolVersion, baseUri: opts.baseUri, informationUri: opts.informationUri };
}
async function loadFormatter(format, opts) {
  switch (format) {
    case "text": {
      const { formatText } = await import("./text-R4TOCBVI.js");
      return (result) => formatText(result, textOptionsOf(opts));
    }
    case "json": {
      const { formatJson } = await import("./json-ZP5O5IDY.js");
      return formatJson;
    }
    case "sarif": {
      const { formatSarif } = await import("./sarif-L6KCKO6E.js");
      return (result) => formatSarif(result, sarifOptionsOf(opts));
    }
    default: {
      const never = format;
      throw new Error(`unknown report format "${String(never)}"; expected one of ${REPORT_FORMATS.join("|")}`);
    }
  }
}
async function renderReport(result, format, opts) {
  return (await loadFormatter(format, opts))(result);
}
export {
  REPORT_FORMATS,
  loadFormatter,
  renderReport,
  sarifOptionsOf,
  textOptionsOf
};
