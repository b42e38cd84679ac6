// Rules of the p2pdma group (one file per rule in src/rules/; this list registers them).
import type { Rule } from '../types.js';
import { barAddrAsDmaAddr } from '../bar-addr-as-dma-addr.js';
import { gupP2pdmaFlags } from '../gup-p2pdma-flags.js';
import { p2pdmaBusAddrMark } from '../p2pdma-bus-addr-mark.js';
import { p2pdmaEremoteio } from '../p2pdma-eremoteio.js';
import { p2pdmaGenallocRcu } from '../p2pdma-genalloc-rcu.js';
import { p2pdmaMapResourceUnchecked } from '../p2pdma-map-resource-unchecked.js';
import { p2pdmaMapUnmapMismatch } from '../p2pdma-map-unmap-mismatch.js';
import { p2pdmaMixedSgl } from '../p2pdma-mixed-sgl.js';
import { p2pdmaSwiotlb } from '../p2pdma-swiotlb.js';

export const P2PDMA_RULES: Rule[] = [
  barAddrAsDmaAddr,
  gupP2pdmaFlags,
  p2pdmaBusAddrMark,
  p2pdmaEremoteio,
  p2pdmaGenallocRcu,
  p2pdmaMapResourceUnchecked,
  p2pdmaMapUnmapMismatch,
  p2pdmaMixedSgl,
  p2pdmaSwiotlb,
];
