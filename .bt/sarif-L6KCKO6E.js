import {
  sortFindings
} from "./chunk-ZPNCJXNT.js";
import "./chunk-4VNS5WPM.js";

// dist/src/report/sarif.js
var SARIF_FINGERPRINT_KEY = "p2pdmaReview/v1";
var SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SRCROOT = "SRCROOT";
var CATALOGUE_AREAS = {
  SG: "scatterlist",
  DMA: "dma-mapping",
  P2P: "p2pdma",
  MM: "mm",
  API: "api-currency"
};
function formatSarif(result, opts) {
  const rules = rulesTable(result);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const uriBaseId = opts.baseUri ? SRCROOT : void 0;
  const run = {
    tool: {
      driver: {
        name: "p2pdma-review",
        version: opts.toolVersion,
        ...opts.informationUri ? { informationUri: opts.informationUri } : {},
        rules
      }
    },
    ...opts.baseUri ? { originalUriBaseIds: { [SRCROOT]: { uri: withTrailingSlash(opts.baseUri) } } } : {},
    invocations: [invocation(result)],
    results: sortFindings(result.findings).map((f) => resultOf(f, ruleIndex.get(f.ruleId) ?? 0, uriBaseId)),
    properties: { stats: { ...result.stats } }
  };
  const log = { $schema: SCHEMA_URI, version: "2.1.0", runs: [run] };
  return `${JSON.stringify(log, null, 2)}
`;
}
function sarifLevel(severity) {
  return severity === "info" ? "note" : severity;
}
function rulesTable(result) {
  const metas = /* @__PURE__ */ new Map();
  for (const r of result.rules)
    metas.set(r.id, r);
  const ids = /* @__PURE__ */ new Set([...metas.keys(), ...result.findings.map((f) => f.ruleId)]);
  return [...ids].sort().map((id) => {
    const meta = metas.get(id);
    if (!meta) {
      const severity = result.findings.find((f) => f.ruleId === id)?.severity ?? "warning";
      return { id, name: ruleName(id), shortDescription: { text: id }, defaultConfiguration: { level: sarifLevel(severity) } };
    }
    return ruleDescriptor(meta);
  });
}
function ruleDescriptor(meta) {
  const absoluteDocs = isAbsoluteUri(meta.docsUrl);
  const catalogue = meta.catalogue.length > 0 ? ` Catalogue: ${meta.catalogue.join(", ")}.` : "";
  const certainty = meta.certainty === "certain" ? " Findings are certain: the code shows the bug." : " Findings are likely: they depend on facts the code does not show (platform, caller).";
  const areas = [...new Set(meta.catalogue.map((c) => CATALOGUE_AREAS[c.split("-")[0]]).filter((a) => !!a))];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${sentence(meta.description)}${catalogue}${certainty}` },
    ...absoluteDocs ? { helpUri: meta.docsUrl } : {},
    help: {
      text: `${sentence(meta.description)} Documentation: ${meta.docsUrl}`,
      markdown: `${escapeMarkdown(meta.description)}

[Rule documentation](${meta.docsUrl})`
    },
    defaultConfiguration: { level: sarifLevel(meta.defaultSeverity) },
    properties: {
      tags: ["correctness", "linux-kernel", ...areas],
      catalogue: [...meta.catalogue],
      certainty: meta.certainty,
      // GitHub code scanning reads `precision` to rank alerts.
      precision: meta.certainty === "certain" ? "very-high" : "high"
    }
  };
}
function resultOf(f, ruleIndex, uriBaseId) {
  const fixesFinding = f.kind === "fixes";
  const artifactLocation = (file) => ({ uri: fileUri(file), ...uriBaseId ? { uriBaseId } : {} });
  const startLine = f.startLine !== void 0 && f.startLine >= 1 && f.startLine <= f.line ? f.startLine : f.line;
  const region = { startLine, endLine: f.line };
  if (f.sourceLine !== void 0 && startLine === f.line)
    region.snippet = { text: f.sourceLine };
  const location = { physicalLocation: { artifactLocation: artifactLocation(f.file), region } };
  if (f.function)
    location.logicalLocations = [{ name: f.function, kind: "function" }];
  const out = {
    ruleId: f.ruleId,
    ruleIndex,
    // A "this patch removes a violation" finding is not a problem: SARIF requires level none then.
    ...fixesFinding ? { kind: "informational", level: "none" } : { level: sarifLevel(f.severity) },
    message: resultMessage(f),
    locations: [location],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint }
  };
  if (f.evidence.length > 0) {
    out.relatedLocations = f.evidence.map((e, i) => ({
      id: i + 1,
      physicalLocation: {
        artifactLocation: artifactLocation(e.file),
        ...e.line >= 1 ? { region: { startLine: e.line } } : {}
      },
      message: { text: e.side === "old" ? `${e.note} (before the patch)` : e.note }
    }));
  }
  if (f.suggestion) {
    const s = f.suggestion;
    out.fixes = [
      {
        description: { text: `Replace ${s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}-${s.endLine}`} (${s.safety === "safe" ? "behaviour-preserving" : "needs review"})` },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(s.file),
            // A line-only region ends before the last line's newline, so the inserted text carries none.
            replacements: [{ deletedRegion: { startLine: s.startLine, endLine: s.endLine }, insertedContent: { text: s.replacement.replace(/\n$/, "") } }]
          }
        ]
      }
    ];
  }
  out.properties = {
    certainty: f.certainty,
    quoted: f.quoted,
    input: f.input,
    patch: f.patch,
    side: f.side,
    ...f.kind ? { kind: f.kind } : {},
    ...f.patchLine !== void 0 ? { patchLine: f.patchLine } : {},
    ...f.references && f.references.length > 0 ? { references: [...f.references] } : {}
  };
  return out;
}
function resultMessage(f) {
  const headline = f.kind === "fixes" ? `This patch removes: ${f.message}` : f.message;
  const text = [headline];
  const md = [escapeMarkdown(headline)];
  if (f.quoted) {
    text.push("(Found in a patch quoted in a reply.)");
    md.push("_(Found in a patch quoted in a reply.)_");
  }
  if (f.why) {
    text.push(`Why: ${f.why}`);
    md.push(`**Why:** ${escapeMarkdown(f.why)}`);
  }
  if (f.instead) {
    text.push(`Instead: ${f.instead}`);
    md.push(`**Instead:** ${escapeMarkdown(f.instead)}`);
  }
  if (f.platformNotes && f.platformNotes.length > 0) {
    text.push(`Platforms: ${f.platformNotes.join(" ")}`);
    md.push(["**Platforms:**", ...f.platformNotes.map((p) => `- ${escapeMarkdown(p)}`)].join("\n"));
  }
  return { text: text.join("\n\n"), markdown: md.join("\n\n") };
}
function invocation(result) {
  const notify = (level) => (e) => ({
    level,
    message: { text: `${e.input}: ${e.message}` },
    properties: { input: e.input }
  });
  const notifications = [...result.errors.map(notify("error")), ...result.notes.map(notify("note"))];
  return {
    // Input errors make the CLI exit 2: the analysis did not cover everything it was given.
    executionSuccessful: result.errors.length === 0,
    ...notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}
  };
}
function ruleName(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
function fileUri(path) {
  return path.replace(/^\.?\/+/, "").split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function sentence(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
function withTrailingSlash(uri) {
  return uri.endsWith("/") ? uri : `${uri}/`;
}
function isAbsoluteUri(uri) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);
}
function escapeMarkdown(text) {
  return text.split(/(`[^`\n]*`)/).map((part, i) => i % 2 === 1 ? part : part.replace(/[\\*_[\]<>#|~]/g, "\\$&")).join("");
}
export {
  SARIF_FINGERPRINT_KEY,
  formatSarif,
  sarifLevel
};
