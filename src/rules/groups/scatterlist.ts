// Rules of the scatterlist group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';
import { dmaOnStack } from '../dma-on-stack.js';
import { sgPagelessWorkaround } from '../sg-pageless-workaround.js';
import { p2pdmaCpuAccess } from '../p2pdma-cpu-access.js';
import { sgHighmemAddress } from '../sg-highmem-address.js';
import { zoneDeviceMerge } from '../zone-device-merge.js';
import { pfnWithoutMemmap } from '../pfn-without-memmap.js';
import { zoneDevicePageMapping } from '../zone-device-page-mapping.js';
import { hotPathLinearLookup } from '../hot-path-linear-lookup.js';

export const SCATTERLIST_RULES: Rule[] = [
  dmaOnStack,
  sgPagelessWorkaround,
  p2pdmaCpuAccess,
  sgHighmemAddress,
  zoneDeviceMerge,
  pfnWithoutMemmap,
  zoneDevicePageMapping,
  hotPathLinearLookup,
];
