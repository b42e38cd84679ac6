// Acceptance tests: the 21 worked examples of kernel-model.md §C.7, table-driven against the
// calc_map_type_and_dist() / pci_p2pdma_map_type() / pci_p2pdma_distance_many() simulator
// (drivers/pci/p2pdma.c).

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  calcMapTypeAndDist,
  distanceMany,
  loadTopology,
  p2pMapType,
  type MapType,
  type TopologyInput,
} from '../../src/model/index.js';

const BASE = parse(readFileSync(new URL('../../fixtures/model/c7-reference.yml', import.meta.url), 'utf8')) as TopologyInput;

type Mutation = (t: TopologyInput) => void;

const iommuOn: Mutation = (t) => {
  t.iommu = { enabled: true };
};
const rootDevice =
  (hb: 'HB0root' | 'HB1root', vendor: string, device: string): Mutation =>
  (t) => {
    const d = t.devices.find((x) => x.id === hb)!;
    d.vendor = vendor;
    d.device = device;
  };
const cpu =
  (vendor: 'intel' | 'amd', family: number): Mutation =>
  (t) => {
    t.cpu = { vendor, family, arch: 'x86_64' };
  };
const acsOverride =
  (id: string, bits: ('RR' | 'CR' | 'EC')[]): Mutation =>
  (t) => {
    t.acsCtrlOverride = { ...(t.acsCtrlOverride ?? {}), [id]: bits };
  };

interface Row {
  n: number;
  provider: string;
  /** One client, or several for the distance_many rows (20, 21). */
  clients: string[];
  conditions: Mutation[];
  /** 'calc' = calc_map_type_and_dist (rows with a "Common ancestor" column); 'map_type' = pci_p2pdma_map_type. */
  api: 'calc' | 'map_type' | 'distance';
  common?: string | null;
  /** Nodes whose ACS redirect counts (ids). */
  acs?: string[];
  type?: MapType;
  dist?: number;
  /** pci_p2pdma_distance()/distance_many() as the kernel computes it. */
  distance: number;
}

const ROWS: Row[] = [
  { n: 1, provider: 'A', clients: ['A'], conditions: [], api: 'calc', common: 'A', acs: [], type: 'BUS_ADDR', dist: 0, distance: 0 },
  { n: 2, provider: 'A', clients: ['A1'], conditions: [], api: 'calc', common: 'DSP0', acs: [], type: 'BUS_ADDR', dist: 2, distance: 2 },
  // VF upstream = upstream(PF) = DSP1 (pci_upstream_bridge uses pci_physfn).
  { n: 3, provider: 'B', clients: ['Bvf'], conditions: [], api: 'calc', common: 'DSP1', acs: [], type: 'BUS_ADDR', dist: 2, distance: 2 },
  { n: 4, provider: 'A', clients: ['B'], conditions: [], api: 'calc', common: 'USP', acs: [], type: 'BUS_ADDR', dist: 4, distance: 4 },
  // IOMMU on: pci_std_enable_acs sets RR/CR on DSP0, DSP1 and RP1; only DSP0 and DSP1 are on the path.
  { n: 5, provider: 'A', clients: ['B'], conditions: [iommuOn], api: 'calc', common: 'USP', acs: ['DSP0', 'DSP1'], type: 'THRU_HOST_BRIDGE', dist: 4, distance: 4 },
  { n: 6, provider: 'A', clients: ['B'], conditions: [iommuOn, rootDevice('HB0root', '1234', '5678')], api: 'calc', common: 'USP', acs: ['DSP0', 'DSP1'], type: 'NOT_SUPPORTED', dist: 4, distance: -1 },
  { n: 7, provider: 'A', clients: ['B'], conditions: [iommuOn, rootDevice('HB0root', '1234', '5678'), cpu('amd', 0x19)], api: 'calc', common: 'USP', acs: ['DSP0', 'DSP1'], type: 'THRU_HOST_BRIDGE', dist: 4, distance: 4 },
  { n: 8, provider: 'A', clients: ['B'], conditions: [acsOverride('RP1', ['RR'])], api: 'calc', common: 'USP', acs: [], type: 'BUS_ADDR', dist: 4, distance: 4 },
  // The common ancestor's ACS bits count because the provider-side walk reaches it.
  { n: 9, provider: 'A', clients: ['B'], conditions: [acsOverride('USP', ['RR'])], api: 'calc', common: 'USP', acs: ['USP'], type: 'THRU_HOST_BRIDGE', dist: 4, distance: 4 },
  { n: 10, provider: 'A', clients: ['A1'], conditions: [iommuOn], api: 'calc', common: 'DSP0', acs: ['DSP0'], type: 'THRU_HOST_BRIDGE', dist: 2, distance: 2 },
  { n: 11, provider: 'A', clients: ['C'], conditions: [], api: 'calc', common: null, acs: [], type: 'THRU_HOST_BRIDGE', dist: 6, distance: 6 },
  { n: 12, provider: 'A', clients: ['C'], conditions: [rootDevice('HB0root', '8086', '3c00')], api: 'calc', common: null, acs: [], type: 'THRU_HOST_BRIDGE', dist: 6, distance: 6 },
  { n: 13, provider: 'A', clients: ['E'], conditions: [rootDevice('HB0root', '8086', '3c00'), rootDevice('HB1root', '8086', '3c00')], api: 'calc', common: null, acs: [], type: 'NOT_SUPPORTED', dist: 6, distance: -1 },
  { n: 14, provider: 'A', clients: ['E'], conditions: [], api: 'calc', common: null, acs: [], type: 'THRU_HOST_BRIDGE', dist: 6, distance: 6 },
  { n: 15, provider: 'A', clients: ['E'], conditions: [rootDevice('HB1root', '1234', '5678')], api: 'calc', common: null, acs: [], type: 'NOT_SUPPORTED', dist: 6, distance: -1 },
  { n: 16, provider: 'D', clients: ['C'], conditions: [], api: 'calc', common: null, acs: [], type: 'THRU_HOST_BRIDGE', dist: 3, distance: 3 },
  { n: 17, provider: 'A', clients: ['F'], conditions: [], api: 'calc', common: 'USP', acs: [], type: 'BUS_ADDR', dist: 6, distance: 6 },
  { n: 18, provider: 'A', clients: ['plat'], conditions: [], api: 'map_type', type: 'NOT_SUPPORTED', distance: -1 },
  /*
   * Row 19: the reference lists -1 for pci_p2pdma_distance. drivers/pci/p2pdma.c (v6.12 and the
   * current tree) never looks at provider->p2pdma in pci_p2pdma_distance_many(), so the kernel
   * returns the topological distance (2: X and B are functions behind DSP1); the -1 of the table
   * is the model's `usable: false`: pci_p2pdma_map_type() returns NOT_SUPPORTED for every mapping.
   */
  { n: 19, provider: 'X', clients: ['B'], conditions: [], api: 'map_type', type: 'NOT_SUPPORTED', distance: 2 },
  { n: 20, provider: 'A', clients: ['B', 'C'], conditions: [], api: 'distance', distance: 10 },
  { n: 21, provider: 'A', clients: ['B', 'E'], conditions: [rootDevice('HB1root', '1234', '5678')], api: 'distance', distance: -1 },
];

function topologyFor(row: Row) {
  const input = structuredClone(BASE);
  for (const c of row.conditions) c(input);
  return loadTopology(input, `C.7 example ${row.n}`);
}

describe('kernel-model.md §C.7 worked examples (drivers/pci/p2pdma.c)', () => {
  test.each(ROWS.map((r) => [r.n, r] as const))('example %i', (_n, row) => {
    const topo = topologyFor(row);
    const ids = (bdfs: string[]) => bdfs.map((b) => topo.devices.find((d) => d.pci && d.bdf === b)!.id);

    if (row.api === 'calc') {
      const r = calcMapTypeAndDist(topo, row.provider, row.clients[0]!);
      expect(r.type).toBe(row.type);
      expect(r.dist).toBe(row.dist);
      expect(r.common ? r.common.id : null).toBe(row.common);
      expect(ids(r.acs.map((h) => h.bdf))).toEqual(row.acs);
      // pci_p2pdma_map_type() agrees whenever the provider has P2P state.
      expect(p2pMapType(topo, row.provider, row.clients[0]!).type).toBe(row.type);
      expect(r.explanation).toMatch(new RegExp(`^${row.type}`));
    }
    if (row.api === 'map_type') {
      expect(p2pMapType(topo, row.provider, row.clients[0]!).type).toBe(row.type);
    }
    expect(distanceMany(topo, row.provider, row.clients).distance).toBe(row.distance);
  });

  test('example 19: the pair is unusable although the kernel distance is non-negative', () => {
    const topo = topologyFor(ROWS[18]!);
    const d = distanceMany(topo, 'X', ['B']);
    expect(d.usable).toBe(false);
    expect(d.explanation).toMatch(/no P2P state/);
    const m = p2pMapType(topo, 'X', 'B');
    expect(m.reason).toBe('no-provider-state');
    // The topology alone would allow bus addresses.
    expect(calcMapTypeAndDist(topo, 'X', 'B').type).toBe('BUS_ADDR');
  });

  test('example 18: a platform device gets -1 from distance and NOT_SUPPORTED from map_type', () => {
    const topo = topologyFor(ROWS[17]!);
    expect(distanceMany(topo, 'A', ['plat']).explanation).toMatch(/not a PCI device/);
    expect(p2pMapType(topo, 'A', 'plat').reason).toBe('not-pci');
    // find_parent_pci_dev() walks up: a block device whose parent is B measures as B.
    expect(distanceMany(topo, 'A', ['nvme0n1']).distance).toBe(4);
    // pci_p2pdma_map_type() does not walk parents.
    expect(p2pMapType(topo, 'A', 'nvme0n1').type).toBe('NOT_SUPPORTED');
  });

  test('example 20/21 per-client breakdown', () => {
    const d20 = distanceMany(topologyFor(ROWS[19]!), 'A', ['B', 'C']);
    expect(d20.clients.map((c) => [c.type, c.dist])).toEqual([
      ['BUS_ADDR', 4],
      ['THRU_HOST_BRIDGE', 6],
    ]);
    expect(d20.usable).toBe(true);
    const d21 = distanceMany(topologyFor(ROWS[20]!), 'A', ['B', 'E']);
    expect(d21.clients[1]!.type).toBe('NOT_SUPPORTED');
    expect(d21.usable).toBe(false);
  });
});
