// Rules of the scatterlist group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';

export const SCATTERLIST_RULES: Rule[] = [];
