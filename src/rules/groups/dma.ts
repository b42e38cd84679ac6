// Rules of the dma group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';

export const DMA_RULES: Rule[] = [];
