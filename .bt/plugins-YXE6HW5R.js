import "./chunk-4VNS5WPM.js";

// dist/src/plugins.js
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
function isRule(x) {
  const r = x;
  const m = r?.meta;
  return typeof r?.check === "function" && !!m && typeof m.id === "string" && /^[a-z0-9][a-z0-9-]*$/.test(m.id) && ["error", "warning", "info"].includes(m.defaultSeverity) && ["certain", "likely"].includes(m.certainty);
}
async function loadPlugins(specs, cwd, knownIds) {
  const rules = [];
  const errors = [];
  for (const spec of specs) {
    const target = spec.startsWith(".") || isAbsolute(spec) ? pathToFileURL(resolve(cwd, spec)).href : spec;
    let mod;
    try {
      mod = await import(target);
    } catch (err) {
      errors.push({ input: spec, message: `plugin failed to load: ${err.message.split("\n")[0]}` });
      continue;
    }
    const list = mod.rules ?? mod.default?.rules;
    if (!Array.isArray(list) || list.length === 0) {
      errors.push({ input: spec, message: "plugin exports no `rules` array" });
      continue;
    }
    for (const r of list) {
      if (!isRule(r)) {
        errors.push({ input: spec, message: `plugin rule ${JSON.stringify(r?.meta?.id ?? null)} lacks valid meta (id, defaultSeverity, certainty) or check()` });
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
async function pluginsDeclaredIn(configPath) {
  try {
    const { parse: parseYaml } = await import("./dist-PNMOBH2T.js");
    const raw = parseYaml(readFileSync(configPath, "utf8"));
    const list = Array.isArray(raw?.plugins) ? raw.plugins.filter((p) => typeof p === "string") : [];
    const base = dirname(resolve(configPath));
    return list.map((p) => p.startsWith(".") ? resolve(base, p) : p);
  } catch {
    return [];
  }
}
export {
  loadPlugins,
  pluginsDeclaredIn
};
