// Loads `.github/p2pdma-review.yml` for the App from the repository's DEFAULT branch (never the PR
// head: a pull request must not be able to switch rules off or load plugins) and validates it.
import { createHash } from 'node:crypto';
import type { Config } from '../types.js';
import type { ConfigProblem, ReviewEngine } from './engine.js';
import { describeApiError } from './client.js';

/** The file name Probot's `context.config()` looks up under `.github/`. */
export const CONFIG_FILE = 'p2pdma-review.yml';
/** How the configuration is named in summaries. */
export const CONFIG_SOURCE = `.github/${CONFIG_FILE}`;

/**
 * What `context.config` gives us. Probot reads the file through @probot/octokit-plugin-config
 * without a `ref`, so the contents API serves the default branch; when the repository has no such
 * file it falls back to the owner's `.github` repository (org-wide defaults), and `_extends` works.
 */
export type ConfigFetcher = (fileName: string) => Promise<unknown>;

/** The configuration to review with, and what the check run must say about it. */
export interface LoadedConfig {
  config: Config;
  /** Invalid properties (by path) or an unreadable file: the review then runs with the defaults. */
  problems: ConfigProblem[];
  /** Informational notes, e.g. plugins being ignored. */
  notes: string[];
  source: string;
}

/**
 * Fetches and validates the App configuration. Never throws for a bad file: an unreadable or
 * invalid configuration is reported by property path and the defaults are used, so a broken config
 * cannot silently disable the review.
 */
export async function loadAppConfig(fetchConfig: ConfigFetcher, engine: ReviewEngine, repo: string): Promise<LoadedConfig> {
  const source = `${repo}:${CONFIG_SOURCE}`;
  const base = { notes: [] as string[], source };
  let raw: unknown;
  try {
    raw = await fetchConfig(CONFIG_FILE);
  } catch (e) {
    return { ...base, config: withoutPlugins(engine.defaultConfig()), problems: [{ path: '', message: `could not be read: ${describeApiError(e)}` }] };
  }
  if (raw === null || raw === undefined) {
    return { ...base, config: withoutPlugins(engine.defaultConfig()), problems: [] };
  }
  const { config, errors } = engine.parseConfig(raw, { source, knownRules: engine.ruleIds() });
  const notes: string[] = [];
  const requested = pluginsOf(raw);
  if (requested.length > 0) {
    notes.push(
      `the configuration lists plugins (${requested.slice(0, 5).map((p) => `\`${p}\``).join(', ')}); the GitHub App never loads plugin code from repositories, so they were ignored (plugins work with the CLI)`,
    );
  }
  if (errors.length > 0) {
    return { ...base, notes, config: withoutPlugins(engine.defaultConfig()), problems: errors };
  }
  return { ...base, notes, config: withoutPlugins(config), problems: [] };
}

/** A short digest of the effective configuration: part of the check run's external id. */
export function configDigest(config: Config): string {
  return createHash('sha256').update(stableJson(config)).digest('hex').slice(0, 12);
}

// Belt and braces: the App passes no extraRules, and also hands the engine a config without plugins.
function withoutPlugins(config: Config): Config {
  return { ...config, plugins: [] };
}

function pluginsOf(raw: unknown): string[] {
  const plugins = (raw as { plugins?: unknown } | null)?.plugins;
  if (!Array.isArray(plugins)) return typeof plugins === 'string' ? [plugins] : [];
  return plugins.map((p) => String(p));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
