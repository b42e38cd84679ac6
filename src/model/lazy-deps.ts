// Lazy, synchronous access to zod and yaml: they cost ~50–80 ms each to load, and most model
// queries (kinds, contracts, flags, versions) never need them, so the model loads them on first use.

import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import type * as ZodModule from 'zod';

const require = createRequire(import.meta.url);

let yamlMod: typeof YamlModule | undefined;
let zodMod: typeof ZodModule | undefined;

/** The `yaml` package, loaded on first call. */
export function yaml(): typeof YamlModule {
  yamlMod ??= require('yaml') as typeof YamlModule;
  return yamlMod;
}

/** The `zod` namespace, loaded on first call. */
export function zod(): typeof ZodModule.z {
  zodMod ??= require('zod') as typeof ZodModule;
  return zodMod.z;
}
