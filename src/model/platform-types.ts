// The Platform type: a topology plus kernel config, page size and CPU (kept apart to avoid import cycles).

import type { KernelConfig } from './kconfig.js';
import type { Arch, DmaOps, Topology } from './topology.js';

/** A machine the model can answer questions about. */
export interface Platform {
  name: string;
  description?: string;
  arch: Arch;
  /** PAGE_SIZE in bytes. */
  pageSize: number;
  /** sizeof(struct page) in bytes (64 on 64-bit kernels). */
  structPageSize: number;
  kernelConfig: KernelConfig;
  /** Default DMA ops for devices that do not set their own (ppc64 pseries: custom). */
  dmaOps?: DmaOps;
  /** The kernel version this platform runs, when stated (drives allow-list and regression answers). */
  kernel?: string;
  /** The P2P pair rules ask about ("what happens on this platform"). */
  canonical?: { provider: string; client: string; providerLabel?: string; clientLabel?: string };
  topology: Topology;
  /** "bundled", a file path, or "lspci". */
  origin: string;
}
