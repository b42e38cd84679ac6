// Rules of the locking group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';

export const LOCKING_RULES: Rule[] = [];
