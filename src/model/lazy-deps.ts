// Lazy, synchronous access to zod and yaml: they cost ~50–80 ms each to load, and most model
// queries (kinds, contracts, flags, versions) never need them, so the model loads them on first use.

import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import type * as ZodModule from 'zod';

let requireHere: NodeJS.Require | undefined;
let yamlMod: typeof YamlModule | undefined;
let zodMod: typeof ZodModule | undefined;

/** require() relative to this module, made on first use like the packages it loads. */
function load(id: string): unknown {
  requireHere ??= createRequire(import.meta.url);
  return requireHere(id);
}

/** The `yaml` package, loaded on first call. */
export function yaml(): typeof YamlModule {
  yamlMod ??= load('yaml') as typeof YamlModule;
  return yamlMod;
}

/** The `zod` namespace, loaded on first call. */
export function zod(): typeof ZodModule.z {
  zodMod ??= load('zod') as typeof ZodModule;
  return zodMod.z;
}
