#!/usr/bin/env node
import "./chunk-4VNS5WPM.js";

// dist/src/cli.js
import { parseArgs } from "node:util";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var USAGE = `Usage: p2pdma-review [options] <input...>
       p2pdma-review model <explain|import|memmap|platforms> [...]
       p2pdma-review replay <webhook.json>

Review Linux kernel patches (git format-patch files, mbox series, .eml mails, mailing-list
archive pages, plain diffs; directories are searched for *.patch *.diff *.eml *.mbox *.txt;
"-" reads stdin) for scatterlist, DMA-mapping, PCI P2PDMA and ZONE_DEVICE mistakes.

Options:
  -f, --format <text|json|sarif>   output format (default: text, checkpatch-style)
  -o, --output <file>              write the report to a file instead of stdout
      --fail-on <error|warning|never>  exit 1 when findings at or above this severity (default: error)
  -c, --config <file>              configuration file (default: ./.p2pdma-review.yml if present)
      --tree <dir>                 kernel checkout: analyse whole post-image files (hunks applied)
      --kernel <version>           target kernel version for API checks (e.g. 6.12)
      --platform <name|file>       platform profile (repeatable; default: all bundled profiles)
      --plugin <path|package>      load extra rules from an ESM module (repeatable)
      --all                        also report findings on code the patch does not touch
  -j, --jobs <n|auto>              review on n worker threads; auto (default): one per core, used only
                                   once the input exceeds 40,000 diff lines
      --list-rules                 print the rules and exit
  -h, --help                       show this help
  -V, --version                    print the version

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or input errors.`;
function version() {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ["../../package.json", "../package.json"]) {
    try {
      return JSON.parse(readFileSync(join(here, rel), "utf8")).version;
    } catch {
    }
  }
  return "0.0.0";
}
async function main(argv, io) {
  const [cmd, ...rest] = argv;
  if (cmd === "model") {
    const { runModelCommand } = await import("./cli-AKDBGAHF.js");
    return runModelCommand(rest, io.stdout, io.stderr);
  }
  if (cmd === "replay") {
    const { runReplay } = await import("./replay-5CGVZGRA.js");
    return runReplay(rest, io.stdout, io.stderr);
  }
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "text" },
        output: { type: "string", short: "o" },
        "fail-on": { type: "string" },
        config: { type: "string", short: "c" },
        tree: { type: "string" },
        kernel: { type: "string" },
        platform: { type: "string", multiple: true },
        plugin: { type: "string", multiple: true },
        all: { type: "boolean", default: false },
        jobs: { type: "string", short: "j" },
        "list-rules": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "V", default: false },
        color: { type: "boolean", default: false }
      }
    });
  } catch (err) {
    io.stderr.write(`p2pdma-review: ${err.message}

${USAGE}
`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    io.stdout.write(`${USAGE}
`);
    return 0;
  }
  if (o.version) {
    io.stdout.write(`${version()}
`);
    return 0;
  }
  const format = o.format;
  if (!["text", "json", "sarif"].includes(format)) {
    io.stderr.write(`p2pdma-review: --format must be text, json or sarif (got "${format}")
`);
    return 2;
  }
  const { ruleIds, builtinRules } = await import("./rules-RF7CS75Z.js");
  if (o["list-rules"]) {
    for (const r of builtinRules())
      io.stdout.write(`${r.meta.id.padEnd(32)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}
`);
    return 0;
  }
  if (args.positionals.length === 0) {
    io.stderr.write(`p2pdma-review: no input given

${USAGE}
`);
    return 2;
  }
  const { defaultConfig } = await import("./constants-YQ573RW5.js");
  const { mergeCliOverrides } = await import("./overrides-B4HFJIDC.js");
  const { findDefaultConfig } = await import("./find-BHOBTHMS.js");
  const configPath = o.config ?? findDefaultConfig(io.cwd);
  const known = new Set(ruleIds());
  const pluginErrors = [];
  let declared = [];
  let plugins = { rules: [], errors: [] };
  if (configPath || o.plugin?.length) {
    const { loadPlugins, pluginsDeclaredIn } = await import("./plugins-YXE6HW5R.js");
    declared = [...configPath ? await pluginsDeclaredIn(configPath) : [], ...o.plugin ?? []];
    plugins = await loadPlugins(declared, io.cwd, known);
  }
  pluginErrors.push(...plugins.errors);
  let config = defaultConfig();
  if (configPath) {
    const { loadConfigFile, formatConfigError } = await import("./config-EN3WWH5K.js");
    const loaded = await loadConfigFile(configPath, [...known]);
    if (loaded.errors.length) {
      for (const e of loaded.errors)
        io.stderr.write(`p2pdma-review: ${formatConfigError(e)}
`);
      return 2;
    }
    config = loaded.config;
  }
  try {
    config = mergeCliOverrides(config, {
      kernel: o.kernel,
      platforms: o.platform,
      failOn: o["fail-on"],
      all: o.all,
      plugins: o.plugin
    });
  } catch (err) {
    io.stderr.write(`p2pdma-review: ${err.message}
`);
    return 2;
  }
  const { listInputs, readTreeFile } = await import("./ingest-J2D7D3JV.js");
  const listed = await listInputs(args.positionals, { stdin: io.stdin });
  const jobs = o.jobs === void 0 || o.jobs === "auto" ? "auto" : Number(o.jobs);
  if (jobs !== "auto" && (!Number.isInteger(jobs) || jobs < 1)) {
    io.stderr.write(`p2pdma-review: --jobs must be a positive integer or auto (got "${o.jobs}")
`);
    return 2;
  }
  const tree = o.tree ? { image: "pre", read: (p) => readTreeFile(o.tree, p) } : void 0;
  const { reviewMany } = await import("./bulk-OJU2GFB7.js");
  const result = await reviewMany(listed.inputs, { config, tree, extraRules: plugins.rules, jobs, treeDir: o.tree, pluginSpecs: declared });
  const readErrors = listed.errors();
  const unread = new Set(readErrors.map((e) => e.input));
  const sources = listed.inputs.filter((i) => !unread.has(i.name));
  result.errors.unshift(...pluginErrors, ...readErrors);
  const { renderReport } = await import("./render-VUJNKPP4.js");
  const { exitCodeFor } = await import("./exit-code-JC6BWFDZ.js");
  const text = await renderReport(result, format, {
    inputs: [...sources.map((s) => s.name), ...readErrors.map((e) => e.input)],
    color: o.color,
    toolVersion: version()
  });
  if (o.output)
    writeFileSync(o.output, text);
  else
    io.stdout.write(text.endsWith("\n") ? text : `${text}
`);
  return exitCodeFor(result, config.failOn);
}
var HEAP_GROWING_PERCENT = 25;
var invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === (await import("node:fs")).realpathSync(process.argv[1]);
if (invokedDirectly) {
  (await import("node:v8")).setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
  }).catch((err) => {
    process.stderr.write(`p2pdma-review: internal error: ${err.stack ?? err.message}
`);
    process.exitCode = 2;
  });
}
export {
  main
};
