// The configuration schema (zod): the one definition of which keys a config file may hold, their
// defaults, and how a wrong value is reported (by property path, validated once).

import { z } from 'zod';
import type { Config } from '../types.js';
import { globToRegExp } from './glob.js';
import { defaultConfig as plainDefaults } from './constants.js';

/** One problem in a configuration, located by property path (`rules.dma-on-stack.severity`). */
export interface ConfigError {
  /** Where the configuration came from (a file path, or `owner/repo:.github/p2pdma-review.yml`). */
  source: string;
  /** Property path: dot-separated keys, `[n]` for list items; empty for the document as a whole. */
  path: string;
  message: string;
  /** 1-based position in the YAML text, when the error came from a file and the node was found. */
  line?: number;
  column?: number;
}

/** A validated configuration and the problems found; on any error `config` holds the defaults. */
export interface ConfigResult {
  config: Config;
  errors: ConfigError[];
}

export interface ParseConfigOptions {
  /** Names the configuration in errors (file path or repository location). */
  source: string;
  /** Every rule id that may appear under `rules:` (built-in and plugin rules). */
  knownRules: readonly string[];
}

import { FAIL_ON_LEVELS, FILTER_MODES, KERNEL_VERSION, REVIEW_EVENTS, SEVERITIES } from './constants.js';

export { FAIL_ON_LEVELS, FILTER_MODES, KERNEL_VERSION, REVIEW_EVENTS, SEVERITIES };

/**
 * GitHub's "list pull request files" endpoint returns at most 3000 files, so a larger cap could
 * never be reached (docs.github.com/rest/pulls/pulls#list-pull-requests-files).
 */
const GITHUB_MAX_PR_FILES = 3000;

const RULE_SHORTHAND_HELP = 'expected off, on, a severity (error|warning|info) or { enabled, severity }';

/** Turns `off` / `warning` / `true` into the `{ enabled, severity }` form before validation. */
function expandRuleShorthand(value: unknown, ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void }): unknown {
  if (value === false || value === 'off' || value === 'false') return { enabled: false };
  if (value === true || value === 'on' || value === 'true') return { enabled: true };
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) {
    return { enabled: true, severity: value };
  }
  if (isPlainObject(value)) return value;
  ctx.addIssue({ code: 'custom', input: value, message: `${RULE_SHORTHAND_HELP}, got ${describeValue(value)}` });
  return z.NEVER;
}

const ruleSettingShape = {
  enabled: z.boolean().default(true),
  severity: z.enum(SEVERITIES).optional(),
};

const pathsShape = {
  include: z.array(globPattern()).default(['**']),
  exclude: z.array(globPattern()).default([]),
};

const githubShape = {
  maxComments: z.number().int().min(0).default(30),
  reviewEvent: z.enum(REVIEW_EVENTS).default('COMMENT'),
  includeDrafts: z.boolean().default(false),
  maxFiles: z.number().int().min(1).max(GITHUB_MAX_PR_FILES).default(300),
  maxFileBytes: z.number().int().min(1).default(1_000_000),
};

function globPattern() {
  return z
    .string()
    .min(1)
    .superRefine((pattern, ctx) => {
      try {
        globToRegExp(pattern);
      } catch (e) {
        ctx.addIssue({ code: 'custom', input: pattern, message: (e as Error).message });
      }
    });
}

/** Builds the schema; rule ids are checked against `knownRules` as record keys. */
export function buildConfigSchema(knownRules: readonly string[]) {
  const known = new Set(knownRules);
  const ruleId = z.string().refine((id) => known.has(id), {
    error: (iss) => unknownNameMessage('rule', String(iss.input), [...known].sort()),
  });
  return z.strictObject({
    rules: z
      .record(ruleId, z.preprocess(expandRuleShorthand, z.strictObject(ruleSettingShape)))
      .default({}),
    platforms: z.array(z.string().min(1)).default([]),
    kernel: z
      .string({
        error: (iss) =>
          typeof iss.input === 'number'
            ? `expected a quoted version string such as "6.12", got the number ${iss.input} (YAML reads 6.10 as 6.1)`
            : undefined,
      })
      .regex(KERNEL_VERSION, { error: (iss) => `expected a kernel version such as "6.12" or "6.15-rc3", got ${describeValue(iss.input)}` })
      .optional(),
    paths: z.strictObject(pathsShape).prefault({}),
    plugins: z.array(z.string().min(1)).default([]),
    failOn: z.enum(FAIL_ON_LEVELS).default('error'),
    filter: z.enum(FILTER_MODES).default('added'),
    // prefault, not default: zod 4's default() would skip the inner defaults of an absent object.
    github: z.strictObject(githubShape).prefault({}),
  });
}

/** Keys allowed in each nested mapping, for "unknown property" messages. */
function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(buildConfigSchema([]).shape);
  if (path.length === 1 && path[0] === 'paths') return Object.keys(pathsShape);
  if (path.length === 1 && path[0] === 'github') return Object.keys(githubShape);
  if (path.length === 2 && path[0] === 'rules') return Object.keys(ruleSettingShape);
  return [];
}

/** The configuration with every default applied (a fresh object each call). */
export function defaultConfig(): Config {
  return plainDefaults();
}

/**
 * Validates a parsed configuration document (the YAML already turned into plain data) once, applying
 * defaults. `null`/`undefined` (an empty file) is the default configuration. On any error the returned
 * config is the defaults, so the App can still run and say which property is wrong.
 */
export function parseConfig(raw: unknown, opts: ParseConfigOptions): ConfigResult {
  const input = raw === null || raw === undefined ? {} : raw;
  if (!isPlainObject(input)) {
    return {
      config: defaultConfig(),
      errors: [{ source: opts.source, path: '', message: `expected a mapping of settings, got ${describeValue(raw)}` }],
    };
  }
  const result = buildConfigSchema(opts.knownRules).safeParse(withoutEmptySettings(input), {
    reportInput: true,
    error: messageFor,
  });
  if (result.success) return { config: result.data, errors: [] };
  const errors = result.error.issues.flatMap((issue) => toConfigErrors(issue, opts.source));
  return { config: defaultConfig(), errors };
}

/**
 * A key left empty in YAML (`rules:` with every entry commented out) reads as null; treat it as not
 * given, so the default applies, at the top level and inside `paths` and `github`. An empty rule entry
 * stays an error: `dma-on-stack:` alone says neither on nor off.
 */
function withoutEmptySettings(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value === null) continue;
    out[key] =
      (key === 'paths' || key === 'github') && isPlainObject(value)
        ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
        : value;
  }
  return out;
}

/** Formats a config error for a terminal or a check-run summary: `file:3:5: rules.x: message`. */
export function formatConfigError(error: ConfigError): string {
  const where = error.line !== undefined ? `${error.source}:${error.line}:${error.column ?? 1}` : error.source;
  return error.path ? `${where}: ${error.path}: ${error.message}` : `${where}: ${error.message}`;
}

/** Renders a property path: `github.maxComments`, `paths.include[2]`, `rules.dma-on-stack.severity`. */
export function propertyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function toConfigErrors(issue: z.core.$ZodIssue, source: string): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    // One error per key, located at the key itself, so each can be pointed at in the file.
    const allowed = allowedKeysAt(issue.path);
    return issue.keys.map((key) => ({
      source,
      path: propertyPath([...issue.path, key]),
      message: unknownNameMessage('property', key, allowed),
    }));
  }
  if (issue.code === 'invalid_key') {
    return [{ source, path: propertyPath(issue.path), message: issue.issues[0]?.message ?? issue.message }];
  }
  return [{ source, path: propertyPath(issue.path), message: issue.message }];
}

/** The per-parse error map: short, lower-case messages in one voice for zod's built-in checks. */
function messageFor(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${typeName(String(iss.expected))}, got ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `expected one of ${iss.values.map(String).join('|')}, got ${describeValue(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'string') return 'must not be empty';
      return `must be ${iss.inclusive === false ? '>' : '>='} ${String(iss.minimum)}, got ${describeValue(iss.input)}`;
    case 'too_big':
      return `must be ${iss.inclusive === false ? '<' : '<='} ${String(iss.maximum)}, got ${describeValue(iss.input)}`;
    default:
      return undefined;
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'object':
    case 'record':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'boolean':
      return 'true or false';
    case 'int':
      return 'an integer';
    default:
      return `a ${expected}`;
  }
}

/** A short rendering of a user's value for messages: `"warn"`, `3`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}

function unknownNameMessage(what: string, name: string, allowed: string[]): string {
  const close = closestName(name, allowed);
  const hint = close ? ` (did you mean "${close}"?)` : '';
  const list = allowed.length > 0 && allowed.length <= 12 ? `; expected one of ${allowed.join(', ')}` : '';
  return `unknown ${what} "${name}"${hint}${list}`;
}

/** The allowed name within edit distance 2 (or a third of its length) of `name`, if any. */
function closestName(name: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
