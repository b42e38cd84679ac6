// Rules of the dma group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';
import { dmaSgCountConfusion } from '../dma-sg-count-confusion.js';
import { dmaUnmapNents } from '../dma-unmap-nents.js';
import { dmaMappingErrorUnchecked } from '../dma-mapping-error-unchecked.js';
import { dmaFieldsUnmapped } from '../dma-fields-unmapped.js';
import { dmaMmioAttrMismatch } from '../dma-mmio-attr-mismatch.js';
import { p2pdmaSingleMap } from '../p2pdma-single-map.js';
import { p2pdmaOpsUnchecked } from '../p2pdma-ops-unchecked.js';
import { removedApi } from '../removed-api.js';

export const DMA_RULES: Rule[] = [
  dmaSgCountConfusion,
  dmaUnmapNents,
  dmaMappingErrorUnchecked,
  dmaFieldsUnmapped,
  dmaMmioAttrMismatch,
  p2pdmaSingleMap,
  p2pdmaOpsUnchecked,
  removedApi,
];
