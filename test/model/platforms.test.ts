// Bundled platform profiles: every one loads, validates its Kconfig, and gives the P2P answer its
// description promises; user profiles and bare topologies load from paths; errors name the property.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PlatformError,
  bundledPlatformDir,
  bundledPlatforms,
  dmaOutcome,
  kindProperty,
  loadPlatform,
  memmapCost,
  platformFromObject,
  platformP2pSummary,
} from '../../src/model/index.js';

const EXPECTED: Record<string, { mapType: string; outcome: string; distance: number; summary: RegExp }> = {
  'x86_64-vtd': {
    mapType: 'THRU_HOST_BRIDGE',
    outcome: 'host-bridge-iova',
    distance: 4,
    summary: /^THRU_HOST_BRIDGE on x86_64-vtd: provider 0000:03:00\.0 and client 0000:04:00\.0 meet at switch 0000:01:00\.0, but ACS redirect is enabled on 0000:02:00\.0 and 0000:02:01\.0 \(the IOMMU requests it\); host bridge 8086:2030 is allow-listed, so the DMA API maps the BAR through the IOMMU/,
  },
  'x86_64-switch-noiommu': { mapType: 'BUS_ADDR', outcome: 'bus-address', distance: 4, summary: /no ACS redirect on the path/ },
  'amd-zen-iommu': { mapType: 'THRU_HOST_BRIDGE', outcome: 'host-bridge-iova', distance: 4, summary: /AMD family 0x19 \(Zen or later\)/ },
  'arm64-smmu': { mapType: 'NOT_SUPPORTED', outcome: 'eremoteio', distance: -1, summary: /1def:e101 is not in the P2PDMA allow-list.*-EREMOTEIO/ },
  'ppc64-custom-ops': { mapType: 'BUS_ADDR', outcome: 'unsupported-dma-ops', distance: 4, summary: /custom dma_map_ops, so dma_pci_p2pdma_supported\(\) is false/ },
  'x86_32-highmem': { mapType: 'NOT_SUPPORTED', outcome: 'no-p2pdma', distance: -1, summary: /no CONFIG_PCI_P2PDMA/ },
};

describe('bundled platforms', () => {
  test('the six required profiles are bundled and documented', () => {
    const names = bundledPlatforms().map((p) => p.name);
    expect(names).toEqual(Object.keys(EXPECTED).sort());
    for (const p of bundledPlatforms()) expect(p.description.length).toBeGreaterThan(20);
  });

  test.each(Object.entries(EXPECTED))('%s: canonical pair summary', (name, exp) => {
    const s = platformP2pSummary(loadPlatform(name));
    expect(s).toMatchObject({ platform: name, mapType: exp.mapType, dmaOutcome: exp.outcome, distance: exp.distance });
    expect(s.explanation).toMatch(exp.summary);
  });

  test('loading is cached', () => {
    expect(loadPlatform('x86_64-vtd')).toBe(loadPlatform('x86_64-vtd'));
  });

  test('kind properties follow each platform\'s Kconfig', () => {
    expect(kindProperty('stack', 'linear', loadPlatform('x86_64-vtd'))).toBe(false);
    expect(kindProperty('stack', 'linear', loadPlatform('x86_32-highmem'))).toBe(true);
    expect(kindProperty('highmem', 'sgSetBuf', loadPlatform('x86_32-highmem'))).toBe(false);
    expect(kindProperty('highmem', 'sgSetBuf', loadPlatform('arm64-smmu'))).toBe(true);
  });

  test('page size and struct page size feed memmap cost', () => {
    const arm = loadPlatform('arm64-smmu');
    expect(arm.pageSize).toBe(65536);
    expect(memmapCost(128 * 2 ** 30, arm.pageSize, arm.structPageSize).human).toBe('128 MiB');
    expect(loadPlatform('x86_32-highmem').structPageSize).toBe(32);
  });

  test('other pairs on bundled platforms', () => {
    const vtd = loadPlatform('x86_64-vtd');
    // Different root ports under the allow-listed root bus: THRU_HOST_BRIDGE, distance 6.
    expect(dmaOutcome(vtd, 'nvme-cmb', 'gpu')).toMatchObject({ mapType: 'THRU_HOST_BRIDGE', outcome: 'host-bridge-iova' });
    // The VF of the NIC behaves like the NIC (same downstream port).
    expect(dmaOutcome(vtd, 'nvme-cmb', 'rnic-vf0').mapType).toBe('THRU_HOST_BRIDGE');
    const sw = loadPlatform('x86_64-switch-noiommu');
    // Under a different root port of a host bridge that is not allow-listed.
    expect(dmaOutcome(sw, 'nvme0', 'nic')).toMatchObject({ mapType: 'NOT_SUPPORTED', outcome: 'eremoteio' });
    // dma-direct BUS_ADDR: bus address, no unmap.
    expect(dmaOutcome(sw, 'nvme0', 'nvme1')).toMatchObject({ clientDmaOps: 'direct', unmap: 'skipped', busOffset: '0x0' });
    // arm64 BARs have a bus offset; it is what BUS_ADDR mappings add.
    expect(dmaOutcome(loadPlatform('arm64-smmu'), 'nvme-cmb', 'nic').busOffset).toBe('-0x300000000000');
  });

  test('known dma-direct regressions are reported for the affected kernels (kernel/dma/direct.c)', () => {
    const sw = loadPlatform('x86_64-switch-noiommu');
    expect(dmaOutcome(sw, 'nvme0', 'nvme1', { kernel: '6.17' }).regressions.map((r) => r.commit)).toEqual(['d0d08f4bd7f6']);
    expect(dmaOutcome(sw, 'nvme0', 'nvme1', { kernel: '6.12' }).regressions).toEqual([]);
    expect(dmaOutcome(sw, 'nvme0', 'nvme1', { kernel: '6.18' }).regressions).toEqual([]);
  });
});

describe('bundled data is found from source and compiled locations', () => {
  test('src/model and dist/src/model both resolve to <package root>/src/model/platforms', () => {
    const here = bundledPlatformDir();
    expect(here).toMatch(/src[\\/]model[\\/]platforms$/);
    const root = here.replace(/[\\/]src[\\/]model[\\/]platforms$/, '');
    expect(bundledPlatformDir(pathToFileURL(join(root, 'src', 'model', 'platforms.ts')).href)).toBe(here);
    expect(bundledPlatformDir(pathToFileURL(join(root, 'dist', 'src', 'model', 'platforms.js')).href)).toBe(here);
  });
  test('outside the package it fails with a clear message', () => {
    expect(() => bundledPlatformDir(pathToFileURL(join(tmpdir(), 'x', 'platforms.js')).href)).toThrow(/cannot find the p2pdma-review package root/);
  });
});

describe('user profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p2pdma-model-'));
  const topo = {
    cpu: { vendor: 'intel', family: 6 },
    iommu: { enabled: false },
    hostBridges: [{ id: 'hb', domain: 0 }],
    devices: [
      { id: 'rp', bdf: '0000:00:01.0', kind: 'root_port', upstream: null },
      { id: 'a', bdf: '0000:01:00.0', kind: 'endpoint', upstream: 'rp', p2pdmaInit: true },
      { id: 'b', bdf: '0000:01:00.1', kind: 'endpoint', upstream: 'rp' },
    ],
  };

  test('a profile file with a topologyFile next to it', () => {
    writeFileSync(join(dir, 'topo.json'), JSON.stringify(topo));
    writeFileSync(
      join(dir, 'lab.yml'),
      'name: lab\narch: x86_64\npageSize: 4096\nkernelConfig: { 64BIT: true, PCI_P2PDMA: true, ZONE_DEVICE: true, VMAP_STACK: true, HIGHMEM: false, IOMMU_DMA: false, SWIOTLB: true, NEED_SG_DMA_FLAGS: true }\ncanonical: { provider: a, client: b }\ntopologyFile: topo.json\n',
    );
    const p = loadPlatform(join(dir, 'lab.yml'));
    expect(platformP2pSummary(p)).toMatchObject({ mapType: 'BUS_ADDR', distance: 2 });
  });

  test('a bare topology file (model import output) becomes a platform with 64-bit defaults', () => {
    writeFileSync(join(dir, 'bare.yml'), JSON.stringify({ ...topo, name: 'bare' }));
    const p = loadPlatform(join(dir, 'bare.yml'));
    expect(p).toMatchObject({ name: 'bare', arch: 'x86_64', pageSize: 4096, canonical: { provider: 'a', client: 'b' } });
    expect(p.kernelConfig.PCI_P2PDMA).toBe(true);
  });

  test('errors name the property', () => {
    const bad = (o: object) => {
      try {
        platformFromObject(o, 'bad.yml');
      } catch (e) {
        expect(e).toBeInstanceOf(PlatformError);
        return (e as PlatformError).issues.map((i) => `${i.path}: ${i.message}`).join('\n');
      }
      throw new Error('expected a PlatformError');
    };
    const cfg = { '64BIT': true, PCI_P2PDMA: true, ZONE_DEVICE: true, VMAP_STACK: true, HIGHMEM: false, IOMMU_DMA: false, SWIOTLB: true, NEED_SG_DMA_FLAGS: true };
    expect(bad({ name: 'x', arch: 'x86_64', pageSize: '4K', kernelConfig: { ...cfg, HIGHMEM: undefined }, topology: topo })).toMatch(/kernelConfig\.HIGHMEM: required/);
    expect(bad({ name: 'x', arch: 'x86_64', pageSize: '4K', kernelConfig: { ...cfg, '64BIT': false }, topology: topo })).toMatch(/CONFIG_PCI_P2PDMA=y requires CONFIG_64BIT=y/);
    expect(bad({ name: 'x', arch: 'x86_64', pageSize: '3K', kernelConfig: cfg, topology: topo })).toMatch(/pageSize: 3K is not a power of two/);
    expect(bad({ name: 'x', arch: 'x86_64', pageSize: '4K', kernelConfig: { ...cfg, FOO: true }, topology: topo })).toMatch(/kernelConfig/);
    expect(bad({ name: 'x', arch: 'x86_64', pageSize: '4K', kernelConfig: cfg, topology: { ...topo, devices: [{ id: 'q', kind: 'endpoint' }] } })).toMatch(/topology\.devices\[0\]\.bdf/);
    expect(bad({ name: 'x', arch: 'x86_64', pageSize: '4K', kernelConfig: cfg, topology: topo, canonical: { provider: 'a', client: 'zz' } })).toMatch(/canonical\.client: unknown device "zz"/);
    expect(bad({ name: 'x', arch: 'arm64', pageSize: '4K', kernelConfig: cfg, topology: topo })).toMatch(/topology\.cpu\.arch: x86_64 contradicts the platform arch arm64/);
  });

  test('unknown names list the bundled profiles', () => {
    expect(() => loadPlatform('sparc-t5')).toThrow(/unknown platform "sparc-t5": not a bundled profile \(amd-zen-iommu, arm64-smmu/);
  });
});
