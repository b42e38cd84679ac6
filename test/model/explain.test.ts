// Explanations: every answer explains itself in one or two sentences and a short path; the
// allow-list follows the kernel version (drivers/pci/p2pdma.c pci_p2pdma_whitelist[]).

import {
  calcMapTypeAndDist,
  explainPair,
  formatPairExplanation,
  loadPlatform,
  loadTopology,
  platformFromTopology,
  type TopologyInput,
} from '../../src/model/index.js';

/** Two root ports on one host bridge whose first root-bus device is configurable. */
function twoPorts(first: { devfn: string; vendor: string; device: string; kind?: 'root_port' | 'host_bridge' }, cpu: TopologyInput['cpu'] = { vendor: 'intel', family: 6 }): TopologyInput {
  return {
    name: 'two-ports',
    cpu,
    hostBridges: [{ id: 'hb0', domain: 0, firstRootBusDevice: first }],
    devices: [
      { id: 'rp0', bdf: '0000:00:01.0', kind: 'root_port', upstream: null },
      { id: 'rp1', bdf: '0000:00:02.0', kind: 'root_port', upstream: null },
      { id: 'p', bdf: '0000:01:00.0', kind: 'endpoint', upstream: 'rp0', p2pdmaInit: true },
      { id: 'c', bdf: '0000:02:00.0', kind: 'endpoint', upstream: 'rp1' },
      { id: 'p1', bdf: '0000:01:00.1', kind: 'endpoint', upstream: 'rp0' },
    ],
  };
}

describe('simulator explanations', () => {
  test('same function, same device, shared bridge', () => {
    const topo = loadTopology(twoPorts({ devfn: '00.0', vendor: '8086', device: '2030' }));
    expect(calcMapTypeAndDist(topo, 'p', 'p').explanation).toBe('BUS_ADDR: provider and client are the same function 0000:01:00.0 (distance 0).');
    const sib = calcMapTypeAndDist(topo, 'p', 'p1');
    expect(sib.explanation).toMatch(/^BUS_ADDR: provider 0000:01:00.0 and client 0000:01:00.1 meet at root port 0000:00:01.0 with no ACS redirect/);
    expect(sib.path).toBe('0000:01:00.0 → [0000:00:01.0] ← 0000:01:00.1');
  });

  test('no common bridge: allow-listed, REQ_SAME_HOST_BRIDGE, unknown, and an unusable first device', () => {
    const ok = calcMapTypeAndDist(loadTopology(twoPorts({ devfn: '00.0', vendor: '8086', device: '2030' })), 'p', 'c');
    expect(ok.explanation).toBe(
      'THRU_HOST_BRIDGE: provider 0000:01:00.0 and client 0000:02:00.0 do not share an upstream bridge below host bridge hb0 (distance 4); host bridge 8086:2030 is allow-listed.',
    );
    expect(ok.path).toBe('0000:01:00.0 → 0000:00:01.0 → {host bridge hb0} ← 0000:00:02.0 ← 0000:02:00.0');
    expect(calcMapTypeAndDist(loadTopology(twoPorts({ devfn: '00.0', vendor: '8086', device: '3c00' })), 'p', 'c').type).toBe('THRU_HOST_BRIDGE');
    const unknown = calcMapTypeAndDist(loadTopology(twoPorts({ devfn: '00.0', vendor: '1234', device: '5678' })), 'p', 'c');
    expect(unknown.explanation).toMatch(/host bridge 1234:5678 is not in the P2PDMA allow-list and the intel CPU does not qualify for cpu_supports_p2pdma\(\)\.$/);
    expect(unknown.kernelLog).toEqual([
      'pci 0000:00:00.0: Host bridge not in P2PDMA whitelist: 1234:5678',
      'pci 0000:02:00.0: cannot be used for peer-to-peer DMA as the client and provider (0000:01:00.0) do not share an upstream bridge or whitelisted host bridge',
    ]);
    // pci_host_bridge_dev(): the first root-bus device must be devfn 00.0 or a root port.
    const odd = calcMapTypeAndDist(loadTopology(twoPorts({ devfn: '03.0', vendor: '8086', device: '2030', kind: 'host_bridge' })), 'p', 'c');
    expect(odd.type).toBe('NOT_SUPPORTED');
    expect(odd.explanation).toMatch(/neither 00\.0 nor a root port/);
    const asRootPort = calcMapTypeAndDist(loadTopology(twoPorts({ devfn: '03.0', vendor: '8086', device: '2030', kind: 'root_port' })), 'p', 'c');
    expect(asRootPort.type).toBe('THRU_HOST_BRIDGE');
  });

  test('the allow-list follows the kernel version: Google root ports are allowed only in newer trees', () => {
    const topo = loadTopology(twoPorts({ devfn: '00.0', vendor: '1ae0', device: '0042' }));
    expect(calcMapTypeAndDist(topo, 'p', 'c', { kernel: '6.12' }).type).toBe('NOT_SUPPORTED');
    expect(calcMapTypeAndDist(topo, 'p', 'c', { kernel: '6.19' }).type).toBe('THRU_HOST_BRIDGE');
    expect(calcMapTypeAndDist(topo, 'p', 'c').type).toBe('THRU_HOST_BRIDGE');
    // v6.12 warns about the host bridge only on the ACS path; the current tree whenever verbose.
    expect(calcMapTypeAndDist(topo, 'p', 'c', { kernel: '6.12' }).kernelLog.join('\n')).not.toMatch(/not in P2PDMA whitelist/);
    const other = loadTopology(twoPorts({ devfn: '00.0', vendor: '1234', device: '5678' }));
    expect(calcMapTypeAndDist(other, 'p', 'c', { kernel: '6.12' }).kernelLog).toHaveLength(1);
    expect(calcMapTypeAndDist(other, 'p', 'c').kernelLog[0]).toBe('pci 0000:00:00.0: Host bridge not in P2PDMA whitelist: 1234:5678');
  });

  test('AMD Zen is accepted only on x86 (cpu_supports_p2pdma)', () => {
    const zen = loadTopology(twoPorts({ devfn: '00.0', vendor: '1022', device: '1480' }, { vendor: 'amd', family: 0x17 }));
    expect(calcMapTypeAndDist(zen, 'p', 'c').explanation).toMatch(/AMD family 0x17 \(Zen or later\)/);
    const preZen = loadTopology(twoPorts({ devfn: '00.0', vendor: '1022', device: '1480' }, { vendor: 'amd', family: 0x15 }));
    expect(calcMapTypeAndDist(preZen, 'p', 'c').type).toBe('NOT_SUPPORTED');
    const armAmd = loadTopology(twoPorts({ devfn: '00.0', vendor: '1022', device: '1480' }, { vendor: 'amd', family: 0x19, arch: 'arm64' }));
    expect(calcMapTypeAndDist(armAmd, 'p', 'c').type).toBe('NOT_SUPPORTED');
  });
});

describe('explainPair', () => {
  test('one or two sentences; the x86_64-vtd example of the issue', () => {
    const e = explainPair(loadPlatform('x86_64-vtd'), '0000:03:00.0', '0000:04:00.0');
    expect(e.summary).toBe(
      'THRU_HOST_BRIDGE on x86_64-vtd: provider 0000:03:00.0 and client 0000:04:00.0 meet at switch 0000:01:00.0, but ACS redirect is enabled on 0000:02:00.0 and 0000:02:01.0 (the IOMMU requests it); host bridge 8086:2030 is allow-listed, so the DMA API maps the BAR through the IOMMU (an IOVA).',
    );
    expect(formatPairExplanation(e).split('\n')[1]).toMatch(/^path: /);
  });

  test('a provider without P2P state, and a non-PCI client', () => {
    const vtd = loadPlatform('x86_64-vtd');
    const noState = explainPair(vtd, 'rnic', 'nvme-cmb');
    expect(noState.summary).toMatch(/^NOT_SUPPORTED on x86_64-vtd: provider 0000:04:00.0 has no P2P state/);
    expect(noState.dmaOutcome).toBe('eremoteio');
    const topo = loadTopology({
      cpu: { vendor: 'intel', family: 6 },
      hostBridges: [{ id: 'hb', domain: 0 }],
      devices: [
        { id: 'rp', bdf: '0000:00:01.0', kind: 'root_port', upstream: null },
        { id: 'nvme', bdf: '0000:01:00.0', kind: 'endpoint', upstream: 'rp', p2pdmaInit: true },
        { id: 'dmac', kind: 'platform', parent: null },
      ],
    });
    const e = explainPair(platformFromTopology(topo), 'nvme', 'dmac');
    expect(e).toMatchObject({ mapType: 'NOT_SUPPORTED', distance: -1 });
    expect(e.summary).toMatch(/dmac is not a PCI device/);
  });

  test('a BUS_ADDR pair on a platform with a bus offset names it', () => {
    const e = explainPair(loadPlatform('ppc64-custom-ops'), 'nvme0', 'nvme0');
    expect(e.details).toContain('provider bus offset: -0x600bf80000000');
  });
});
