// lspci import: `lspci -tv`/`-tvnn` trees and `lspci -vvvnn` details (fixtures written for this
// project in lspci's own layout), and clear errors for malformed input.

import { readFileSync } from 'node:fs';
import {
  LspciParseError,
  calcMapTypeAndDist,
  dmaOutcome,
  findDevice,
  importLspci,
  loadTopology,
  parseLspciTree,
  parseLspciVerbose,
  platformFromTopology,
  topologyToYaml,
  type PciDevice,
} from '../../src/model/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/model/lspci/${name}`, import.meta.url), 'utf8');
const TREE = fixture('skylake-switch.tree.txt');
const TREE_NN = fixture('skylake-switch.tree-nn.txt');
const VVV = fixture('skylake-switch.vvv.txt');
const EPYC = fixture('epyc-rootcomplexes.tree-nn.txt');

describe('lspci -tv parsing', () => {
  test('root buses, bridges with bus ranges, single children and forks', () => {
    const roots = parseLspciTree(TREE);
    expect(roots.map((r) => [r.domain, r.bus])).toEqual([
      [0, 0x17],
      [0, 0x00],
    ]);
    const rp = roots[0]!.devices[0]!;
    expect(rp).toMatchObject({ bdf: '0000:17:00.0', secondary: 0x18 });
    const usp = rp.children[0]!;
    expect(usp.bdf).toBe('0000:18:00.0');
    expect(usp.children.map((c) => c.bdf)).toEqual(['0000:19:00.0', '0000:19:01.0', '0000:19:02.0']);
    expect(usp.children[1]!.children.map((c) => c.bdf)).toEqual(['0000:1b:00.0', '0000:1b:00.1', '0000:1b:00.2', '0000:1b:00.3']);
    expect(usp.children[2]!.children).toEqual([]);
    expect(usp.children[0]!.children[0]!.name).toBe('Samsung Electronics Co Ltd NVMe SSD Controller PM173X');
    expect(roots[1]!.devices.map((d) => d.bdf)).toEqual(['0000:00:00.0', '0000:00:04.0', '0000:00:1c.0', '0000:00:1f.0', '0000:00:1f.2']);
  });

  test('-tvnn trailing [vendor:device] IDs are read, bracketed names are kept', () => {
    const roots = parseLspciTree(TREE_NN);
    const cx = roots[0]!.devices[0]!.children[0]!.children[1]!.children[0]!;
    expect(cx).toMatchObject({ vendor: 0x15b3, device: 0x101b, name: 'Mellanox Technologies MT28908 Family [ConnectX-6]' });
  });

  test('single-root tree', () => {
    const t = ['-[0000:00]-+-00.0  Host bridge thing', '           +-01.0-[01]----00.0  NVMe', '           \\-1c.0-[02]--'].join('\n');
    const roots = parseLspciTree(t);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.devices.map((d) => d.bdf)).toEqual(['0000:00:00.0', '0000:00:01.0', '0000:00:1c.0']);
    expect(roots[0]!.devices[1]!.children[0]!.bdf).toBe('0000:01:00.0');
  });

  test.each([
    ['not a tree', 'hello world', 1, /start with/],
    ['misaligned branch', '-[0000:00]-+-00.0  A\n      +-01.0  B', 2, /no parent branch/],
    ['bad device token', '-[0000:00]-+-0g.0  A', 1, /expected a device "DD.F"/],
    ['garbage after a device', '-[0000:00]-+-00.0xyz', 1, /unexpected text after device/],
    ['missing branch marker', '-[0000:00]-+-00.0  A\n           *-01.0  B', 2, /expected a "\+-" or "\\-" branch/],
    ['device number too large', '-[0000:00]-+-20.0  A', 1, /above 1f/],
  ])('malformed tree (%s) names the line', (_what, text, line, reason) => {
    try {
      parseLspciTree(text);
      throw new Error('expected a parse error');
    } catch (e) {
      expect(e).toBeInstanceOf(LspciParseError);
      const err = e as LspciParseError;
      expect(err.line).toBe(line);
      expect(err.message).toMatch(new RegExp(`line ${line}:`));
      expect(err.message).toMatch(reason);
      expect(err.message).toContain(text.split('\n')[line - 1]!.trim());
    }
  });
});

describe('lspci -vvvnn parsing', () => {
  test('IDs, PCIe port types, ACS bits, SR-IOV and BARs', () => {
    const v = parseLspciVerbose(VVV);
    const by = (b: string) => v.find((x) => x.bdf === b)!;
    expect(by('0000:17:00.0')).toMatchObject({ vendor: 0x8086, device: 0x2030, pcieType: 'Root Port' });
    expect(by('0000:18:00.0').pcieType).toBe('Upstream Port');
    expect(by('0000:19:01.0')).toMatchObject({
      pcieType: 'Downstream Port',
      acsCap: ['SV', 'TB', 'RR', 'CR', 'UF', 'EC', 'DT'],
      acsCtrl: ['SV', 'RR', 'CR', 'UF'],
    });
    expect(by('0000:1b:00.0').sriov).toEqual({ numVfs: 2, offset: 2, stride: 1, vfDevice: 0x101c });
    expect(by('0000:1b:00.2').virtualFunction).toBe(true);
    expect(by('0000:1a:00.0').bars).toEqual([
      { index: 0, cpuStart: '0xc5e10000', size: '0x8000' },
      { index: 2, cpuStart: '0x383ffe000000', size: '0x2000000' },
    ]);
    expect(by('0000:1a:00.0').driver).toBe('nvme');
    // [virtual] VF BARs are not real BARs of the function.
    expect(by('0000:1b:00.2').bars).toEqual([]);
  });

  test.each([
    ['indented line first', '\tCapabilities: [40] Express (v2) Endpoint, MSI 00', 1, /before any device header/],
    ['bad header', '0000:01:00.0 something without a class separator', 1, /device header/],
    [
      'bad ACS flag',
      '0000:02:00.0 PCI bridge [0604]: X [10b5:8747]\n\tCapabilities: [148 v1] Access Control Services\n\t\tACSCap:\tSrcValid+ TransBlk? ReqRedir+',
      3,
      /ACS flag "TransBlk\?"/,
    ],
    [
      'unknown ACS flag',
      '0000:02:00.0 PCI bridge [0604]: X [10b5:8747]\n\tCapabilities: [148 v1] Access Control Services\n\t\tACSCtl:\tSrcValid+ Frobnicate+',
      3,
      /unknown ACS flag "Frobnicate"/,
    ],
  ])('malformed -vvv (%s) names the line', (_what, text, line, reason) => {
    expect(() => parseLspciVerbose(text)).toThrow(LspciParseError);
    try {
      parseLspciVerbose(text);
    } catch (e) {
      expect((e as LspciParseError).line).toBe(line);
      expect((e as Error).message).toMatch(reason);
    }
  });
});

describe('importLspci', () => {
  test('tree + -vvvnn: kinds, VFs from SR-IOV routing IDs, observed ACS, host bridges', () => {
    const { topology, warnings } = importLspci(TREE, VVV, { providers: ['1a:00.0'] });
    const d = (ref: string) => findDevice(topology, ref) as PciDevice;
    expect(d('0000:17:00.0').kind).toBe('root_port');
    expect(d('0000:18:00.0').kind).toBe('switch_up');
    expect(d('0000:19:00.0').kind).toBe('switch_down');
    expect(d('0000:1a:00.0')).toMatchObject({ kind: 'endpoint', p2pdmaInit: true, vendor: 0x144d });
    expect(d('0000:1b:00.2')).toMatchObject({ kind: 'vf' });
    expect(d('0000:1b:00.2').physfn!.bdf).toBe('0000:1b:00.0');
    expect(d('0000:1b:00.2').upstream!.bdf).toBe('0000:19:01.0');
    expect(d('0000:19:00.0').acs).toMatchObject({ source: 'observed' });
    expect(topology.hostBridges.map((h) => [h.id, h.firstDevice?.bdf])).toEqual([
      ['pci0000:17', '0000:17:00.0'],
      ['pci0000:00', '0000:00:00.0'],
    ]);
    expect(topology.cpu.vendor).toBe('intel');
    expect(topology.iommu.enabled).toBe(true);
    expect(warnings.join('\n')).toMatch(/IOMMU on inferred from ACS control bits/);
    // ACS redirect observed on both downstream ports, root port 8086:2030 allow-listed.
    const r = calcMapTypeAndDist(topology, '0000:1a:00.0', '0000:1b:00.0');
    expect(r.type).toBe('THRU_HOST_BRIDGE');
    expect(r.acs.map((h) => h.source)).toEqual(['observed', 'observed']);
    expect(r.explanation).toMatch(/as read from the hardware/);
    expect(dmaOutcome(platformFromTopology(topology), '0000:1a:00.0', '0000:1b:00.0').outcome).toBe('host-bridge-iova');
    // The BAR came from "Region 2: Memory at 383ffe000000".
    expect(d('0000:1a:00.0').bars.map((b) => b.cpuStart)).toContain(0x383ffe000000n);
  });

  test('tree only: structure decides kinds; IOMMU off with a warning; VFs by name', () => {
    const { topology, warnings } = importLspci(TREE);
    expect((findDevice(topology, '0000:18:00.0') as PciDevice).kind).toBe('switch_up');
    expect((findDevice(topology, '0000:19:02.0') as PciDevice).kind).toBe('switch_down');
    expect((findDevice(topology, '0000:00:00.0') as PciDevice).kind).toBe('host_bridge');
    expect((findDevice(topology, '0000:1b:00.3') as PciDevice).physfn!.bdf).toBe('0000:1b:00.0');
    expect(topology.iommu.enabled).toBe(false);
    expect(warnings.join('\n')).toMatch(/no vendor IDs/);
    // Without vendor IDs and without ACS data: same switch → BUS_ADDR.
    expect(calcMapTypeAndDist(topology, '0000:1a:00.0', '0000:1b:00.0').type).toBe('BUS_ADDR');
  });

  test('AMD EPYC root complexes: the CPU family decides (cpu_supports_p2pdma)', () => {
    const noFamily = importLspci(EPYC, undefined, { iommu: true });
    expect(noFamily.topology.cpu.vendor).toBe('amd');
    expect(noFamily.warnings.join('\n')).toMatch(/--cpu amd:0x17/);
    expect(calcMapTypeAndDist(noFamily.topology, '0000:41:00.0', '0000:81:00.0').type).toBe('NOT_SUPPORTED');
    const zen3 = importLspci(EPYC, undefined, { iommu: true, cpu: { vendor: 'amd', family: 0x19 } });
    const r = calcMapTypeAndDist(zen3.topology, '0000:41:00.0', '0000:81:00.0');
    expect(r.type).toBe('THRU_HOST_BRIDGE');
    expect(r.explanation).toMatch(/AMD family 0x19/);
  });

  test('the import round-trips through the YAML topology format', () => {
    const { topology } = importLspci(TREE_NN, VVV);
    const again = loadTopology(topologyToYaml(topology), 'reimport');
    expect(again.devices).toHaveLength(topology.devices.length);
    expect(calcMapTypeAndDist(again, '0000:1a:00.0', '0000:1b:00.1').type).toBe(calcMapTypeAndDist(topology, '0000:1a:00.0', '0000:1b:00.1').type);
  });

  test('-vvv devices missing from the tree and unknown --providers are warnings', () => {
    const extra = `${VVV}\n0000:99:00.0 Ethernet controller [0200]: Ghost NIC [1234:5678]\n\tCapabilities: [40] Express (v2) Endpoint, MSI 00\n`;
    const { warnings } = importLspci(TREE, extra, { providers: ['0000:55:00.0'] });
    expect(warnings.join('\n')).toMatch(/0000:99:00.0 is not in the tree/);
    expect(warnings.join('\n')).toMatch(/--providers: 0000:55:00.0 is not in the tree/);
  });
});
