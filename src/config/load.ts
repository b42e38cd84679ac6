// Reading configuration: YAML text → validated Config, with syntax and schema errors located by line.

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { defaultConfig, parseConfig, type ConfigError, type ConfigResult, type ParseConfigOptions } from './schema.js';

export { CLI_CONFIG_FILE, findDefaultConfig } from './find.js';
/** The App's configuration file, read from the repository's default branch. */
export const APP_CONFIG_PATH = '.github/p2pdma-review.yml';

/**
 * Parses YAML configuration text and validates it once. YAML syntax errors and schema errors come back
 * in `errors` with 1-based line/column where the offending node can be found; on any error the config
 * is the defaults. Used by the App (text fetched from GitHub) and by {@link loadConfigFile}.
 */
export function parseConfigText(text: string, opts: ParseConfigOptions): ConfigResult {
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a repeated key a syntax error rather than "last one wins".
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const errors: ConfigError[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        source: opts.source,
        path: '',
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        line: pos.line,
        column: pos.col,
      };
    });
    return { config: defaultConfig(), errors };
  }
  keepKernelVersionAsWritten(doc);
  const result = parseConfig(doc.toJS(), opts);
  for (const error of result.errors) locate(error, doc, lineCounter);
  return result;
}

/**
 * Reads and validates a configuration file. An unreadable file is an error naming it; relative
 * `plugins:` paths are resolved against the file's directory (where their author wrote them from),
 * so the CLI can load them from any working directory.
 */
export async function loadConfigFile(path: string, knownRules: readonly string[]): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { config: defaultConfig(), errors: [{ source: path, path: '', message: `cannot read configuration: ${reason}` }] };
  }
  const result = parseConfigText(text, { source: path, knownRules });
  if (result.errors.length === 0) {
    result.config.plugins = result.config.plugins.map((p) => resolvePluginPath(p, dirname(path)));
  }
  return result;
}

/** Relative paths (`./x.js`, `../y.mjs`) are file paths; anything else is a package name, left alone. */
function resolvePluginPath(spec: string, baseDir: string): string {
  if (isAbsolute(spec)) return spec;
  return spec.startsWith('./') || spec.startsWith('../') ? resolve(baseDir, spec) : spec;
}

/**
 * `kernel: 6.10` is the number 6.1 to YAML. Take the scalar's source text so an unquoted version
 * means what its author wrote; non-version numbers are still rejected by the schema.
 */
function keepKernelVersionAsWritten(doc: Document): void {
  const node = doc.get('kernel', true);
  if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') {
    node.value = node.source;
  }
}

/**
 * Adds the line/column of the property at the error's path: the key of a mapping entry or the item
 * of a list, falling back to the nearest enclosing property that exists in the document.
 */
function locate(error: ConfigError, doc: Document, lineCounter: LineCounter): void {
  const keys = splitPropertyPath(error.path);
  for (let n = keys.length; n >= 0; n--) {
    const offset = n === 0 ? rangeStart(doc.contents) : entryStart(doc, keys.slice(0, n));
    if (offset === undefined) continue;
    const pos = lineCounter.linePos(offset);
    error.line = pos.line;
    error.column = pos.col;
    return;
  }
}

/** Offset of the key (mapping) or item (list) at `keys`, if present. */
function entryStart(doc: Document, keys: (string | number)[]): number | undefined {
  const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
  const last = keys[keys.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    return pair ? (rangeStart(pair.key) ?? rangeStart(pair.value)) : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') return rangeStart(parent.items[last]);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}

function splitPropertyPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  }
  return keys;
}
