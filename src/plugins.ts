// Loads extra rules from ESM plugin modules (`--plugin` / `plugins:` in the CLI config). A plugin exports
// `rules: Rule[]` (named or on its default export). Failures are errors naming the plugin, never crashes.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InputError, RuleMeta } from './types.js';
import type { Rule } from './rules/types.js';

function isRule(x: unknown): x is Rule {
  const r = x as Rule;
  const m = r?.meta as RuleMeta | undefined;
  return typeof r?.check === 'function' && !!m && typeof m.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(m.id)
    && ['error', 'warning', 'info'].includes(m.defaultSeverity) && ['certain', 'likely'].includes(m.certainty);
}

/** Imports each plugin; `specs` are paths (relative to `cwd`) or package names. */
export async function loadPlugins(specs: string[], cwd: string, knownIds: Set<string>): Promise<{ rules: Rule[]; errors: InputError[] }> {
  const rules: Rule[] = [];
  const errors: InputError[] = [];
  for (const spec of specs) {
    const target = spec.startsWith('.') || isAbsolute(spec) ? pathToFileURL(resolve(cwd, spec)).href : spec;
    let mod: Record<string, unknown>;
    try {
      mod = (await import(target)) as Record<string, unknown>;
    } catch (err) {
      errors.push({ input: spec, message: `plugin failed to load: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    const list = (mod.rules ?? (mod.default as Record<string, unknown> | undefined)?.rules) as unknown;
    if (!Array.isArray(list) || list.length === 0) {
      errors.push({ input: spec, message: 'plugin exports no `rules` array' });
      continue;
    }
    for (const r of list) {
      if (!isRule(r)) {
        errors.push({ input: spec, message: `plugin rule ${JSON.stringify((r as Rule)?.meta?.id ?? null)} lacks valid meta (id, defaultSeverity, certainty) or check()` });
      } else if (knownIds.has(r.meta.id)) {
        errors.push({ input: spec, message: `plugin rule id ${r.meta.id} is already taken` });
      } else {
        knownIds.add(r.meta.id);
        rules.push(r);
      }
    }
  }
  return { rules, errors };
}

/**
 * The `plugins:` list of a configuration file, resolved against the file's directory, read before the file is
 * validated (validation needs the plugin rule ids). Unreadable or malformed files give an empty list: the
 * validation that follows reports them properly.
 */
export async function pluginsDeclaredIn(configPath: string): Promise<string[]> {
  try {
    const { parse: parseYaml } = await import('yaml');
    const raw = parseYaml(readFileSync(configPath, 'utf8')) as { plugins?: unknown } | null;
    const list = Array.isArray(raw?.plugins) ? raw!.plugins.filter((p): p is string => typeof p === 'string') : [];
    const base = dirname(resolve(configPath));
    return list.map((p) => (p.startsWith('.') ? resolve(base, p) : p));
  } catch {
    return [];
  }
}
