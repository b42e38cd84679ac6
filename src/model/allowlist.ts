// The P2PDMA host-bridge allow-list (pci_p2pdma_whitelist[] in drivers/pci/p2pdma.c) and the CPU rule.

import { compareVersions, MAINLINE_VERSION, parseKernelVersion } from './versions.js';
import type { Topology } from './topology.js';

/** One allow-list entry. `device: 'any'` is PCI_ANY_ID. */
export interface AllowListEntry {
  vendor: number;
  device: number | 'any';
  /** REQ_SAME_HOST_BRIDGE: only allowed when both devices sit under this same host bridge. */
  reqSameHostBridge: boolean;
  label: string;
  /** First kernel with this entry; absent = present in v6.12 and earlier (since the ≈5.x table). */
  since?: string;
}

const INTEL = 0x8086;
const GOOGLE = 0x1ae0;
const NVIDIA = 0x10de;

/**
 * The table of the current tree. Entries without `since` are in v6.12 (verified against
 * /work/linux-6.12). The accelerator, Google and NVIDIA entries are absent from the ≈6.15–6.17
 * mirror and present in the ≈6.19–7.0 mirror, hence "≈6.19" (inferred, not checked against a tag).
 * Device IDs of the accelerators come from include/linux/pci_ids.h (PCI_DEVICE_ID_INTEL_*).
 */
export const P2PDMA_ALLOWLIST: readonly AllowListEntry[] = [
  { vendor: INTEL, device: 0x3c00, reqSameHostBridge: true, label: 'Intel Xeon E5/Core i7' },
  { vendor: INTEL, device: 0x3c01, reqSameHostBridge: true, label: 'Intel Xeon E5/Core i7' },
  { vendor: INTEL, device: 0x2f00, reqSameHostBridge: true, label: 'Intel Xeon E7 v3/Xeon E5 v3/Core i7' },
  { vendor: INTEL, device: 0x2f01, reqSameHostBridge: true, label: 'Intel Xeon E7 v3/Xeon E5 v3/Core i7' },
  { vendor: INTEL, device: 0x2030, reqSameHostBridge: false, label: 'Intel Skylake-E' },
  { vendor: INTEL, device: 0x2031, reqSameHostBridge: false, label: 'Intel Skylake-E' },
  { vendor: INTEL, device: 0x2032, reqSameHostBridge: false, label: 'Intel Skylake-E' },
  { vendor: INTEL, device: 0x2033, reqSameHostBridge: false, label: 'Intel Skylake-E' },
  { vendor: INTEL, device: 0x2020, reqSameHostBridge: false, label: 'Intel Skylake-E' },
  { vendor: INTEL, device: 0x09a2, reqSameHostBridge: false, label: 'Intel Skylake-E' },
  { vendor: INTEL, device: 0x0b25, reqSameHostBridge: false, label: 'Intel DSA (SPR)', since: '≈6.19' },
  { vendor: INTEL, device: 0x0cfe, reqSameHostBridge: false, label: 'Intel IAX (SPR)', since: '≈6.19' },
  { vendor: INTEL, device: 0x11fb, reqSameHostBridge: false, label: 'Intel DSA (GNR-D)', since: '≈6.19' },
  { vendor: INTEL, device: 0x1212, reqSameHostBridge: false, label: 'Intel DSA (DMR)', since: '≈6.19' },
  { vendor: INTEL, device: 0x1216, reqSameHostBridge: false, label: 'Intel IAA (DMR)', since: '≈6.19' },
  { vendor: INTEL, device: 0x4940, reqSameHostBridge: false, label: 'Intel QAT 4xxx', since: '≈6.19' },
  { vendor: INTEL, device: 0x4942, reqSameHostBridge: false, label: 'Intel QAT 401xx', since: '≈6.19' },
  { vendor: INTEL, device: 0x4944, reqSameHostBridge: false, label: 'Intel QAT 402xx', since: '≈6.19' },
  { vendor: INTEL, device: 0x4946, reqSameHostBridge: false, label: 'Intel QAT 420xx', since: '≈6.19' },
  { vendor: INTEL, device: 0x4948, reqSameHostBridge: false, label: 'Intel QAT 6xxx', since: '≈6.19' },
  { vendor: GOOGLE, device: 'any', reqSameHostBridge: false, label: 'Google SoCs', since: '≈6.19' },
  { vendor: NVIDIA, device: 0x2f95, reqSameHostBridge: false, label: 'NVIDIA Grace-class CPU root port', since: '≈6.19' },
  { vendor: NVIDIA, device: 0x2f96, reqSameHostBridge: false, label: 'NVIDIA Grace-class CPU root port', since: '≈6.19' },
  { vendor: NVIDIA, device: 0x2f97, reqSameHostBridge: false, label: 'NVIDIA Grace-class CPU root port', since: '≈6.19' },
  { vendor: NVIDIA, device: 0x2f98, reqSameHostBridge: false, label: 'NVIDIA Grace-class CPU root port', since: '≈6.19' },
];

/** The allow-list of a kernel version (default: current mainline). */
export function allowListFor(version?: string): AllowListEntry[] {
  const v = parseKernelVersion(version ?? MAINLINE_VERSION);
  return P2PDMA_ALLOWLIST.filter((e) => !e.since || compareVersions(v, e.since) >= 0);
}

/** The first matching entry (the kernel stops at the first vendor/device match). */
export function findAllowListEntry(list: readonly AllowListEntry[], vendor: number | undefined, device: number | undefined): AllowListEntry | undefined {
  if (vendor === undefined) return undefined;
  return list.find((e) => e.vendor === vendor && (e.device === 'any' || e.device === device));
}

/** cpu_supports_p2pdma(): x86 only, any AMD CPU of family 0x17 (Zen) or later. */
export function cpuSupportsP2pdma(cpu: Topology['cpu']): boolean {
  const x86 = cpu.arch === 'x86_64' || cpu.arch === 'x86';
  return x86 && cpu.vendor === 'amd' && (cpu.family ?? 0) >= 0x17;
}
