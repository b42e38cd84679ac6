// The rule registry: every built-in rule, sorted by id. A meta-test fails when a rule here has no docs page
// (docs/rules/<id>.md) or no bad/good fixtures (fixtures/rules/<id>/).
import type { Config } from '../types.js';
import type { Rule } from './types.js';
import { CORE_RULES } from './groups/core.js';
import { SCATTERLIST_RULES } from './groups/scatterlist.js';
import { DMA_RULES } from './groups/dma.js';
import { P2PDMA_RULES } from './groups/p2pdma.js';
import { LOCKING_RULES } from './groups/locking.js';

const BUILTIN: Rule[] = [...CORE_RULES, ...SCATTERLIST_RULES, ...DMA_RULES, ...P2PDMA_RULES, ...LOCKING_RULES]
  .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

/** Every built-in rule. */
export function builtinRules(): Rule[] {
  return BUILTIN;
}

/** Ids of the built-in rules (for configuration validation). */
export function ruleIds(): string[] {
  return BUILTIN.map((r) => r.meta.id);
}

/** The rules a configuration enables, built-ins first, then plugin rules. */
export function enabledRules(config: Config, extra: Rule[] = []): Rule[] {
  return [...BUILTIN, ...extra].filter((r) => config.rules[r.meta.id]?.enabled !== false);
}
