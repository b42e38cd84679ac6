// Topology format (kernel-model.md §C.2): validation errors by property path, derived upstream
// bridges and ACS control state (drivers/pci/pci.c), lookups, the direction-aware ACS option and
// memoisation of the simulator.

import {
  TopologyError,
  calcMapTypeAndDist,
  clearSimulationCache,
  findDevice,
  hasAcsRedir,
  loadTopology,
  parseConfigAcs,
  topologyToYaml,
  upstreamChain,
  type PciDevice,
  type TopologyInput,
} from '../../src/model/index.js';

/** A root port, a switch with two downstream ports, and two endpoints. */
function base(): TopologyInput {
  return {
    name: 'unit',
    cpu: { vendor: 'intel', family: 6 },
    iommu: { enabled: false },
    hostBridges: [{ id: 'hb0', domain: 0 }],
    devices: [
      { id: 'host', bdf: '0000:00:00.0', kind: 'host_bridge', upstream: null, vendor: '8086', device: '2030' },
      { id: 'rp', bdf: '0000:00:01.0', kind: 'root_port', upstream: null, acsCap: ['SV', 'RR', 'CR', 'UF'] },
      { id: 'usp', bdf: '0000:01:00.0', kind: 'switch_up', upstream: 'rp' },
      { id: 'dsp0', bdf: '0000:02:00.0', kind: 'switch_down', upstream: 'usp', acsCap: ['SV', 'RR', 'CR', 'UF', 'EC', 'DT'] },
      { id: 'dsp1', bdf: '0000:02:01.0', kind: 'switch_down', upstream: 'usp', acsCap: ['SV', 'RR', 'CR', 'UF', 'EC', 'DT'] },
      { id: 'a', bdf: '0000:03:00.0', kind: 'endpoint', upstream: 'dsp0', p2pdmaInit: true },
      { id: 'b', bdf: '0000:04:00.0', kind: 'endpoint', upstream: 'dsp1' },
      { id: 'bvf', bdf: '0000:04:00.3', kind: 'vf', physfn: 'b' },
    ],
  };
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    loadTopology(input, 'test');
  } catch (e) {
    if (e instanceof TopologyError) return [...e.issues];
    throw e;
  }
  throw new Error('expected a TopologyError');
}

describe('validation errors name the property path', () => {
  test('schema errors (zod)', () => {
    const t = base() as unknown as { devices: Record<string, unknown>[] };
    t.devices[5]!.bdf = '03:00';
    t.devices[6]!.kind = 'nic';
    t.devices[2]!.color = 'red';
    const issues = issuesOf(t);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['devices[5].bdf', 'devices[6].kind', 'devices[2]']));
    expect(issues.find((i) => i.path === 'devices[5].bdf')!.message).toMatch(/PCI address/);
  });
  test('semantic errors: dangling references, missing upstream, VF rules, duplicates, cycles', () => {
    const t = base();
    t.devices[5]!.upstream = 'nope';
    delete t.devices[6]!.upstream;
    t.devices[7]!.upstream = 'dsp1';
    t.devices.push({ id: 'a', bdf: '0000:05:00.0', kind: 'endpoint', upstream: 'a' });
    t.devices.push({ id: 'loop1', bdf: '0000:09:00.0', kind: 'bridge', upstream: 'loop2' });
    t.devices.push({ id: 'loop2', bdf: '0000:0a:00.0', kind: 'bridge', upstream: 'loop1' });
    t.devices.push({ id: 'ep2', bdf: '0000:0b:00.0', kind: 'endpoint', upstream: 'b' });
    const issues = issuesOf(t);
    const byPath = (p: string) => issues.filter((i) => i.path === p).map((i) => i.message).join(' | ');
    expect(byPath('devices[5].upstream')).toMatch(/unknown PCI device "nope"/);
    expect(byPath('devices[6].upstream')).toMatch(/upstream is required/);
    expect(byPath('devices[7].upstream')).toMatch(/derived from its physfn/);
    expect(byPath('devices[8].id')).toMatch(/duplicate device id "a"/);
    expect(issues.some((i) => /cycle/.test(i.message))).toBe(true);
    expect(byPath('devices[11].upstream')).toMatch(/is a endpoint, not a bridge|not a bridge/);
  });
  test('several host bridges need hb on root-bus devices; domains must agree', () => {
    const t = base();
    t.hostBridges.push({ id: 'hb1', domain: 1 });
    const issues = issuesOf(t);
    expect(issues.some((i) => /hb is required/.test(i.message))).toBe(true);
    const u = base();
    u.devices[0]!.hb = 'hb0';
    u.devices[1]!.hb = 'hb0';
    u.hostBridges.push({ id: 'hb1', domain: 1 });
    u.devices.push({ id: 'x', bdf: '0000:00:05.0', kind: 'rciep', upstream: null, hb: 'hb1' });
    expect(issuesOf(u).find((i) => i.path === 'devices[8].bdf')!.message).toMatch(/does not match host bridge "hb1"/);
  });
  test('kernel parameters and overrides must name devices', () => {
    const t = base();
    t.kernelParams = { disableAcsRedir: ['0000:07:00.0'], configAcs: ['1x2@0000:02:00.0'] };
    t.acsCtrlOverride = { ghost: ['RR'] };
    const issues = issuesOf(t);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['kernelParams.disableAcsRedir[0]', 'kernelParams.configAcs[0]', 'acsCtrlOverride.ghost']));
  });
  test('YAML syntax errors name the line', () => {
    expect(() => loadTopology('hostBridges:\n  - { id: hb0, domain: 0\ndevices: []\n', 'broken.yml')).toThrow(/broken\.yml:\n  line 3: Flow map/);
  });
});

describe('derivations', () => {
  test('a VF\'s upstream bridge is its PF\'s (pci_upstream_bridge uses pci_physfn)', () => {
    const topo = loadTopology(base());
    const vf = findDevice(topo, 'bvf') as PciDevice;
    expect(vf.upstream!.id).toBe('dsp1');
    expect(upstreamChain(vf).map((d) => d.id)).toEqual(['bvf', 'dsp1', 'usp', 'rp']);
  });
  test('lookups by id, full BDF and short BDF; unknown refs are named', () => {
    const topo = loadTopology(base());
    expect(findDevice(topo, '0000:03:00.0').id).toBe('a');
    expect(findDevice(topo, '03:00.0').id).toBe('a');
    expect(() => findDevice(topo, '0000:09:00.0')).toThrow(/unknown device "0000:09:00.0" in topology unit/);
  });
  test('short BDFs take the domain of their host bridge', () => {
    const t: TopologyInput = {
      hostBridges: [{ id: 'hb', domain: 2 }],
      devices: [{ id: 'rp', bdf: '00:01.0', kind: 'root_port', upstream: null }],
    };
    expect((findDevice(loadTopology(t), 'rp') as PciDevice).bdf).toBe('0002:00:01.0');
  });
  test('the first root-bus device is the lowest devfn unless given', () => {
    const topo = loadTopology(base());
    expect(topo.hostBridges[0]!.firstDevice).toMatchObject({ bdf: '0000:00:00.0', vendor: 0x8086, device: 0x2030 });
    const t = base();
    t.hostBridges[0]!.firstRootBusDevice = { devfn: '00.0', vendor: '1234', device: '5678' };
    expect(loadTopology(t).hostBridges[0]!.firstDevice).toMatchObject({ devfn: 0, vendor: 0x1234 });
  });
});

describe('ACS control (drivers/pci/pci.c pci_enable_acs / __pci_config_acs)', () => {
  const ctrl = (t: TopologyInput, id: string) => {
    const topo = loadTopology(t);
    return findDevice(topo, id) as PciDevice;
  };
  test('no IOMMU: firmware leaves redirect off', () => {
    expect(hasAcsRedir(ctrl(base(), 'dsp0'))).toBe(false);
  });
  test('IOMMU on: pci_request_acs → SV|RR|CR|UF where the capability has them', () => {
    const t = base();
    t.iommu = { enabled: true };
    const d = ctrl(t, 'dsp0');
    expect(d.acs).toMatchObject({ ctrl: 0x1d, source: 'iommu' });
    expect(hasAcsRedir(d)).toBe(true);
    // A device without an ACS capability never redirects.
    expect(hasAcsRedir(ctrl(t, 'usp'))).toBe(false);
    t.iommu = { enabled: true, requestAcs: false };
    expect(hasAcsRedir(ctrl(t, 'dsp0'))).toBe(false);
  });
  test('pci=disable_acs_redir clears RR|CR|EC', () => {
    const t = base();
    t.iommu = { enabled: true };
    t.kernelParams = { disableAcsRedir: ['0000:02:00.0', 'dsp1'] };
    expect(hasAcsRedir(ctrl(t, 'dsp0'))).toBe(false);
    expect(ctrl(t, 'dsp1').acs.source).toBe('kernel-param');
    expect(calcMapTypeAndDist(loadTopology(t), 'a', 'b').type).toBe('BUS_ADDR');
  });
  test('pci=config_acs: masked bits from the flags, the rest from firmware (IOMMU bits dropped)', () => {
    expect(parseConfigAcs('101x0@0000:02:00.0')).toEqual({ mask: 0x1d, flags: 0x14, device: '0000:02:00.0' });
    expect(parseConfigAcs('0x2@x')).toHaveProperty('error');
    expect(parseConfigAcs('101')).toHaveProperty('error');
    const t = base();
    t.iommu = { enabled: true };
    t.kernelParams = { configAcs: ['1xx00@dsp0'] };
    // Only UF set from the flags; RR/CR were not in the mask and firmware had none.
    expect(ctrl(t, 'dsp0').acs.ctrl).toBe(0x10);
  });
  test('observed control bits (lspci ACSCtl) are used as-is; overrides replace and imply a capability', () => {
    const t = base();
    t.iommu = { enabled: true };
    t.devices[3]!.acsCtrl = ['SV', 'UF'];
    expect(ctrl(t, 'dsp0').acs).toMatchObject({ ctrl: 0x11, source: 'observed' });
    t.acsCtrlOverride = { usp: ['CR'] };
    expect(ctrl(t, 'usp').acs).toMatchObject({ hasCap: true, source: 'override' });
  });
});

describe('direction-aware ACS rule (2026 Documentation/driver-api/pci/p2pdma.rst, opt-in)', () => {
  const withOverride = (o: Record<string, ('RR' | 'CR' | 'EC' | 'DT')[]>) => {
    const t = base();
    t.acsCtrlOverride = o;
    return loadTopology(t);
  };
  test('the coarse default counts any RR/CR/EC; the refined rule only the diverging ports', () => {
    // CR on the client-side port: coarse redirects, refined (CR matters on the provider side) does not.
    const topo = withOverride({ dsp1: ['CR'] });
    expect(calcMapTypeAndDist(topo, 'a', 'b').type).toBe('THRU_HOST_BRIDGE');
    expect(calcMapTypeAndDist(topo, 'a', 'b', { acsRule: 'direction-aware' }).type).toBe('BUS_ADDR');
    // RR on the client-side port redirects in both.
    const rr = withOverride({ dsp1: ['RR'] });
    expect(calcMapTypeAndDist(rr, 'a', 'b', { acsRule: 'direction-aware' }).type).toBe('THRU_HOST_BRIDGE');
    // CR on the provider-side port redirects read completions.
    const cr = withOverride({ dsp0: ['CR'] });
    expect(calcMapTypeAndDist(cr, 'a', 'b', { acsRule: 'direction-aware' }).acs.map((h) => h.id)).toEqual(['dsp0']);
  });
  test('EC without RR on the client-side port is an ACS violation: rejected', () => {
    const r = calcMapTypeAndDist(withOverride({ dsp1: ['EC'] }), 'a', 'b', { acsRule: 'direction-aware' });
    expect(r).toMatchObject({ type: 'NOT_SUPPORTED', reason: 'acs-violation' });
    expect(r.explanation).toMatch(/ACS Violation/);
  });
  test('Direct Translated P2P without TB is reported', () => {
    const r = calcMapTypeAndDist(withOverride({ dsp1: ['RR', 'DT'] }), 'a', 'b', { acsRule: 'direction-aware' });
    expect(r.directTranslated).toEqual(['0000:02:01.0']);
    expect(r.explanation).toMatch(/ATS-translated/);
  });
});

describe('simulator memoisation and serialisation', () => {
  test('results are memoised per (provider, client, options) and frozen', () => {
    const topo = loadTopology(base());
    const r1 = calcMapTypeAndDist(topo, 'a', 'b');
    expect(calcMapTypeAndDist(topo, '0000:03:00.0', '0000:04:00.0')).toBe(r1);
    expect(calcMapTypeAndDist(topo, 'a', 'b', { acsRule: 'direction-aware' })).not.toBe(r1);
    expect(Object.isFrozen(r1)).toBe(true);
    clearSimulationCache(topo);
    expect(calcMapTypeAndDist(topo, 'a', 'b')).not.toBe(r1);
  });
  test('topologyToYaml round-trips', () => {
    const topo = loadTopology(base());
    const again = loadTopology(topologyToYaml(topo), 'round-trip');
    expect(again.devices.map((d) => d.id)).toEqual(topo.devices.map((d) => d.id));
    expect(calcMapTypeAndDist(again, 'a', 'bvf').dist).toBe(calcMapTypeAndDist(topo, 'a', 'bvf').dist);
  });
});
