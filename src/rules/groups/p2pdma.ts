// Rules of the p2pdma group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';

export const P2PDMA_RULES: Rule[] = [];
