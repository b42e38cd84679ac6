import {
  LspciParseError,
  PlatformError,
  TopologyError,
  apiStatus,
  bundledPlatforms,
  contract,
  explainPair,
  formatPairExplanation,
  formatSize,
  importLspci,
  isMemoryKindId,
  kindExists,
  kindProperty,
  loadPlatform,
  memmapCost,
  memoryKind,
  parseSize,
  platformFromTopology,
  platformP2pSummary,
  topologyToYaml
} from "./chunk-PP7HVMTJ.js";
import {
  tryParseKernelVersion
} from "./chunk-5P6P6PUZ.js";
import "./chunk-4VNS5WPM.js";

// dist/src/model/cli.js
import { existsSync, readFileSync, writeFileSync } from "node:fs";
var USAGE = `usage: p2pdma-review model <command> [options]

commands:
  explain --platform P --provider A --client B [--kernel V] [--acs-rule coarse|direction-aware] [--format text|json]
      what the DMA API does with P2PDMA memory of A mapped for B on platform P (a bundled
      profile name or a profile/topology file)
  import LSPCI_TREE [LSPCI_VVV] [--out FILE] [--name N] [--iommu on|off] [--cpu VENDOR[:FAMILY]]
         [--providers BDF,...]
      read \`lspci -tv\` (and \`lspci -vvvnn\`) output and print the topology as YAML
  memmap --size SIZE [--page-size 4K] [--struct-page 64] [--format text|json]
      memmap (struct page) cost of SIZE bytes of ZONE_DEVICE memory, e.g. --size 128G
  platforms [--format text|json]
      list the bundled platform profiles and what their canonical P2P pair gets
  contract NAME [--format text|json]
      the API contract of a kernel function or macro
  kind ID [--platform P] [--format text|json]
      the properties of a memory kind (optionally on a platform)
  api NAME [--kernel V]
      whether an identifier exists in a kernel version
`;
var UsageError = class extends Error {
};
function parseArgs(cmd, args, allowed) {
  const positional = [];
  const options = /* @__PURE__ */ new Map();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (!allowed.includes(name))
      throw new UsageError(`unknown option --${name} for \`model ${cmd}\` (allowed: ${allowed.map((o) => `--${o}`).join(", ") || "none"})`);
    let value;
    if (eq >= 0)
      value = a.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === void 0 || value.startsWith("--"))
        throw new UsageError(`option --${name} of \`model ${cmd}\` needs a value`);
      i++;
    }
    options.set(name, value);
  }
  return { positional, options };
}
function required(p, cmd, name) {
  const v = p.options.get(name);
  if (!v)
    throw new UsageError(`\`model ${cmd}\` needs --${name}`);
  return v;
}
function format(p, cmd) {
  const f = p.options.get("format") ?? "text";
  if (f !== "text" && f !== "json")
    throw new UsageError(`--format of \`model ${cmd}\` must be text or json, not "${f}"`);
  return f;
}
function kernelOpt(p) {
  const k = p.options.get("kernel");
  if (k !== void 0 && !tryParseKernelVersion(k))
    throw new UsageError(`--kernel "${k}" is not a kernel version (e.g. 6.12)`);
  return k;
}
function acsRuleOpt(p) {
  const r = p.options.get("acs-rule");
  if (r === void 0)
    return void 0;
  if (r !== "coarse" && r !== "direction-aware")
    throw new UsageError(`--acs-rule must be coarse or direction-aware, not "${r}"`);
  return r;
}
function json(v) {
  return `${JSON.stringify(v, (_k, x) => typeof x === "bigint" ? `0x${x.toString(16)}` : x, 2)}
`;
}
async function runModelCommand(argv, out, err) {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case void 0:
      case "help":
      case "--help":
      case "-h":
        (cmd === void 0 ? err : out).write(USAGE);
        return cmd === void 0 ? 2 : 0;
      case "explain":
        return explainCmd(args, out);
      case "import":
        return importCmd(args, out, err);
      case "memmap":
        return memmapCmd(args, out);
      case "platforms":
        return platformsCmd(args, out);
      case "contract":
        return contractCmd(args, out);
      case "kind":
        return kindCmd(args, out);
      case "api":
        return apiCmd(args, out);
      default:
        throw new UsageError(`unknown model command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`p2pdma-review model: ${e.message}

${USAGE}`);
      return 2;
    }
    if (e instanceof TopologyError || e instanceof PlatformError || e instanceof LspciParseError || e instanceof Error) {
      err.write(`p2pdma-review model ${cmd}: ${e.message}
`);
      return 1;
    }
    throw e;
  }
}
function explainCmd(args, out) {
  const p = parseArgs("explain", args, ["platform", "provider", "client", "kernel", "acs-rule", "format"]);
  if (p.positional.length)
    throw new UsageError(`unexpected argument "${p.positional[0]}" for \`model explain\``);
  const platform = loadPlatform(required(p, "explain", "platform"));
  const provider = required(p, "explain", "provider");
  const client = required(p, "explain", "client");
  const fmt = format(p, "explain");
  const kernel = kernelOpt(p);
  const acsRule = acsRuleOpt(p);
  const e = explainPair(platform, provider, client, { ...kernel ? { kernel } : {}, ...acsRule ? { acsRule } : {} });
  out.write(fmt === "json" ? json(e) : formatPairExplanation(e));
  return 0;
}
function parseCpu(s) {
  const m = /^(intel|amd|arm|ampere|ibm|nvidia|google|apple|other)(?::(0x[0-9a-fA-F]+|\d+))?$/.exec(s);
  if (!m)
    throw new UsageError(`--cpu "${s}": expected VENDOR[:FAMILY], e.g. amd:0x19`);
  const out = { vendor: m[1] };
  if (m[2])
    out.family = Number(m[2]);
  return out;
}
function readInput(path, what) {
  if (!existsSync(path))
    throw new Error(`cannot read ${what} "${path}": no such file`);
  return readFileSync(path, "utf8");
}
function importCmd(args, out, err) {
  const p = parseArgs("import", args, ["out", "name", "iommu", "cpu", "providers"]);
  if (p.positional.length < 1 || p.positional.length > 2) {
    throw new UsageError("`model import` takes the `lspci -tv` output file and, optionally, the `lspci -vvvnn` output file");
  }
  const iommuOpt = p.options.get("iommu");
  if (iommuOpt !== void 0 && iommuOpt !== "on" && iommuOpt !== "off")
    throw new UsageError(`--iommu must be on or off, not "${iommuOpt}"`);
  const tree = readInput(p.positional[0], "lspci tree");
  const vvv = p.positional[1] !== void 0 ? readInput(p.positional[1], "lspci -vvv output") : void 0;
  const cpu = p.options.get("cpu");
  const providers = p.options.get("providers");
  const name = p.options.get("name");
  const result = importLspci(tree, vvv, {
    ...name ? { name } : {},
    ...cpu ? { cpu: parseCpu(cpu) } : {},
    ...iommuOpt ? { iommu: iommuOpt === "on" } : {},
    ...providers ? { providers: providers.split(",").map((s) => s.trim()).filter(Boolean) } : {}
  });
  for (const w of result.warnings)
    err.write(`warning: ${w}
`);
  const header = `# PCIe topology imported by \`p2pdma-review model import\` (format: src/model/platforms/README.md).
# Use it with --platform <this file>; mark P2P providers with p2pdmaInit: true.
`;
  const text = header + topologyToYaml(result.topology);
  const dest = p.options.get("out");
  if (dest) {
    writeFileSync(dest, text);
    const summary = (() => {
      try {
        return platformP2pSummary(platformFromTopology(result.topology)).explanation;
      } catch {
        return "no provider/client pair to summarise";
      }
    })();
    out.write(`wrote ${dest} (${result.topology.devices.length} devices)
${summary}
`);
  } else {
    out.write(text);
  }
  return 0;
}
function memmapCmd(args, out) {
  const p = parseArgs("memmap", args, ["size", "page-size", "struct-page", "format"]);
  if (p.positional.length)
    throw new UsageError(`unexpected argument "${p.positional[0]}" for \`model memmap\``);
  const fmt = format(p, "memmap");
  let bytes;
  let page;
  let structPage;
  try {
    bytes = parseSize(required(p, "memmap", "size"));
    page = parseSize(p.options.get("page-size") ?? "4K");
    structPage = parseSize(p.options.get("struct-page") ?? "64");
  } catch (e) {
    if (e instanceof UsageError)
      throw e;
    throw new UsageError(e.message);
  }
  const c = memmapCost(bytes, page, structPage);
  out.write(fmt === "json" ? json(c) : `${formatSize(bytes)} at ${formatSize(page)} pages needs ${c.human} of memmap
${c.explanation}
`);
  return 0;
}
function platformsCmd(args, out) {
  const p = parseArgs("platforms", args, ["format", "kernel"]);
  const fmt = format(p, "platforms");
  const kernel = kernelOpt(p);
  const rows = bundledPlatforms().map((b) => {
    const s = platformP2pSummary(loadPlatform(b.file), kernel ? { kernel } : {});
    return { name: b.name, description: b.description, mapType: s.mapType, dmaOutcome: s.dmaOutcome, summary: s.explanation };
  });
  if (fmt === "json")
    out.write(json(rows));
  else
    for (const r of rows)
      out.write(`${r.name}
  ${r.description}
  canonical pair: ${r.mapType} \u2192 ${r.dmaOutcome}
`);
  return 0;
}
function contractCmd(args, out) {
  const p = parseArgs("contract", args, ["format"]);
  if (p.positional.length !== 1)
    throw new UsageError("`model contract` takes one function or macro name");
  const name = p.positional[0];
  const c = contract(name);
  if (!c)
    throw new Error(`no contract for "${name}" in the catalogue`);
  if (format(p, "contract") === "json") {
    out.write(json(c));
    return 0;
  }
  const params = c.params.map((x) => `${x.name}: ${x.role}${x.accepts ? ` [${x.accepts.join(", ")}]` : ""}${x.out ? " (out)" : ""}`);
  const lines = [
    `${c.name} (${c.category}) \u2014 ${c.source}`,
    `  params: ${params.join("; ") || "none"}`,
    c.returns ? `  returns: ${c.returns.type ?? ""}${c.returns.kind ? ` kind ${c.returns.kind}` : ""}${c.returns.kindFromGfp ? " (highmem with __GFP_HIGHMEM)" : ""}, errors: ${c.returns.error}` : "",
    c.mightSleep !== void 0 ? `  might sleep: ${c.mightSleep === "gfp" ? "depends on the GFP flags" : c.mightSleep ? "yes" : "no"}` : "",
    c.lock ? `  lock: ${c.lock.op} ${c.lock.cls}${c.lock.conditional ? " (on success)" : ""}` : "",
    c.since ? `  since: ${c.since}` : "",
    c.removedIn ? `  removed in: ${c.removedIn}${c.replacement ? ` \u2192 ${c.replacement}` : ""}` : "",
    c.deprecated ? `  deprecated: ${c.deprecated}` : "",
    c.misuse ? `  misuse: ${c.misuse}` : "",
    c.notes ? `  notes: ${c.notes}` : ""
  ].filter(Boolean);
  out.write(`${lines.join("\n")}
`);
  return 0;
}
var PROPS = ["hasStructPage", "linear", "kmap", "pageFlagsSafe", "sgSetPage", "sgSetBuf", "dmaMapSingle"];
function kindCmd(args, out) {
  const p = parseArgs("kind", args, ["platform", "format"]);
  if (p.positional.length !== 1)
    throw new UsageError("`model kind` takes one memory-kind id, e.g. vmalloc");
  const id = p.positional[0];
  if (!isMemoryKindId(id))
    throw new UsageError(`unknown memory kind "${id}"`);
  const platformRef = p.options.get("platform");
  const platform = platformRef ? loadPlatform(platformRef) : void 0;
  const k = memoryKind(id);
  const props = Object.fromEntries(PROPS.map((x) => [x, kindProperty(id, x, platform)]));
  const exists = kindExists(id, platform);
  if (format(p, "kind") === "json") {
    out.write(json({ ...k, resolved: props, exists, platform: platform?.name }));
    return 0;
  }
  const lines = [
    `${k.id}: ${k.label} (\xA7A.1 row ${k.row})${platform ? ` on ${platform.name}${exists ? "" : " \u2014 cannot exist there"}` : ""}`,
    ...PROPS.map((x) => `  ${x}: ${props[x]}`),
    `  cpuAccess: ${k.cpuAccess}`,
    `  dma: ${k.dmaHow}`,
    `  sources: ${k.sources.join(", ")}`
  ];
  if (k.notes)
    lines.push(`  notes: ${k.notes}`);
  out.write(`${lines.join("\n")}
`);
  return 0;
}
function apiCmd(args, out) {
  const p = parseArgs("api", args, ["kernel", "format"]);
  if (p.positional.length !== 1)
    throw new UsageError("`model api` takes one identifier");
  const s = apiStatus(p.positional[0], kernelOpt(p));
  if (format(p, "api") === "json")
    out.write(json(s));
  else
    out.write(`${p.positional[0]} in ${s.version}: ${s.exists ? "exists" : "does not exist"}${s.known ? "" : " (not in the model; assumed)"}${s.message ? `
  ${s.message}` : ""}
`);
  return 0;
}
export {
  runModelCommand
};
