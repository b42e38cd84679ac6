#!/usr/bin/env node
// Command-line entry: `p2pdma-review [options] <patch files|dirs|->` reviews patches (dry run, no GitHub);
// `p2pdma-review model ...` queries the P2PDMA model; `p2pdma-review replay <webhook.json>` runs the App handler
// against a local GitHub API simulator. Heavy modules are imported lazily so each command pays only for itself.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule } from './main-module.js';
import { tuneV8 } from './v8-tuning.js';
import type { Rule } from './rules/types.js';
import type { InputError } from './types.js';

const USAGE = `Usage: p2pdma-review [options] <input...>
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

function version(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      return (JSON.parse(readFileSync(join(here, rel), 'utf8')) as { version: string }).version;
    } catch { /* try the next layout */ }
  }
  return '0.0.0';
}

/** Runs the CLI; returns the exit code. Exported for tests. */
export async function main(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream; cwd: string }): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'model') {
    const { runModelCommand } = await import('./model/cli.js');
    return runModelCommand(rest, io.stdout, io.stderr);
  }
  if (cmd === 'replay') {
    const { runReplay } = await import('./github/replay.js');
    return runReplay(rest, io.stdout, io.stderr);
  }
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        tree: { type: 'string' },
        kernel: { type: 'string' },
        platform: { type: 'string', multiple: true },
        plugin: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        'list-rules': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
        color: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`p2pdma-review: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const o = args.values;
  if (o.help) { io.stdout.write(`${USAGE}\n`); return 0; }
  if (o.version) { io.stdout.write(`${version()}\n`); return 0; }
  const format = o.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) {
    io.stderr.write(`p2pdma-review: --format must be text, json or sarif (got "${format}")\n`);
    return 2;
  }
  const { ruleIds, builtinRules } = await import('./rules/index.js');
  if (o['list-rules']) {
    for (const r of builtinRules()) io.stdout.write(`${r.meta.id.padEnd(32)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
    return 0;
  }
  if (args.positionals.length === 0) {
    io.stderr.write(`p2pdma-review: no input given\n\n${USAGE}\n`);
    return 2;
  }
  const { defaultConfig } = await import('./config/constants.js');
  const { mergeCliOverrides } = await import('./config/overrides.js');
  const { findDefaultConfig } = await import('./config/find.js');
  const configPath = o.config ?? findDefaultConfig(io.cwd);
  const known = new Set(ruleIds());
  const pluginErrors: InputError[] = [];
  // Plugin rules must be known before the configuration is validated (it may configure them): load the
  // plugins the file and the flags declare first, then validate once against built-in + plugin rule ids.
  let declared: string[] = [];
  let plugins: { rules: Rule[]; errors: InputError[] } = { rules: [], errors: [] };
  if (configPath || o.plugin?.length) {
    const { loadPlugins, pluginsDeclaredIn } = await import('./plugins.js');
    declared = [...(configPath ? await pluginsDeclaredIn(configPath) : []), ...(o.plugin ?? [])];
    plugins = await loadPlugins(declared, io.cwd, known);
  }
  pluginErrors.push(...plugins.errors);
  let config = defaultConfig();
  if (configPath) {
    // Validation (zod) and YAML are loaded only when there is a file to read.
    const { loadConfigFile, formatConfigError } = await import('./config/index.js');
    const loaded = await loadConfigFile(configPath, [...known]);
    if (loaded.errors.length) {
      for (const e of loaded.errors) io.stderr.write(`p2pdma-review: ${formatConfigError(e)}\n`);
      return 2;
    }
    config = loaded.config;
  }
  try {
    config = mergeCliOverrides(config, {
      kernel: o.kernel, platforms: o.platform, failOn: o['fail-on'] as never, all: o.all, plugins: o.plugin,
    });
  } catch (err) {
    io.stderr.write(`p2pdma-review: ${(err as Error).message}\n`);
    return 2;
  }
  const { listInputs, readTreeFile } = await import('./ingest/index.js');
  // Listed, not read: each file is read when the review reaches it, so a long series never sits in memory.
  const listed = await listInputs(args.positionals, { stdin: io.stdin });
  const jobs = o.jobs === undefined || o.jobs === 'auto' ? 'auto' : Number(o.jobs);
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1)) {
    io.stderr.write(`p2pdma-review: --jobs must be a positive integer or auto (got "${o.jobs}")\n`);
    return 2;
  }
  const tree = o.tree ? { image: 'pre' as const, read: (p: string) => readTreeFile(o.tree as string, p) } : undefined;
  const { reviewMany } = await import('./bulk.js');
  const result = await reviewMany(listed.inputs, { config, tree, extraRules: plugins.rules, jobs, treeDir: o.tree, pluginSpecs: declared });
  const readErrors = listed.errors();
  const unread = new Set(readErrors.map((e) => e.input));
  const sources = listed.inputs.filter((i) => !unread.has(i.name));
  result.errors.unshift(...pluginErrors, ...readErrors);
  const { renderReport } = await import('./report/render.js');
  const { exitCodeFor } = await import('./report/exit-code.js');
  const text = await renderReport(result, format as 'text' | 'json' | 'sarif', {
    inputs: [...sources.map((s) => s.name), ...readErrors.map((e) => e.input)], color: o.color, toolVersion: version(),
  });
  if (o.output) writeFileSync(o.output, text);
  else io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return exitCodeFor(result, config.failOn);
}

if (isMainModule(import.meta.url)) {
  // Before anything is compiled: the settings steer V8's optimising compiler and heap (see v8-tuning.ts).
  tuneV8();
  // `p2pdma-review ... | head` closes the pipe early: the reader has all it wants, so that is no error to report.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() })
    .then((code) => { process.exitCode = code; })
    .catch((err: Error) => {
      process.stderr.write(`p2pdma-review: internal error: ${err.stack ?? err.message}\n`);
      process.exitCode = 2;
    });
}
