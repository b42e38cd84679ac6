// The first rules, written with the engine: they exercise the whole plugin path.
import type { Rule } from '../types.js';
import { sgNonpageMemory } from '../sg-nonpage-memory.js';
import { dmaMapSgResult } from '../dma-map-sg-result.js';

export const CORE_RULES: Rule[] = [sgNonpageMemory, dmaMapSgResult];
