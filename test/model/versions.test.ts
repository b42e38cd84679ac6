// Kernel versions, API existence per version and the removed-identifier table (kernel-model.md §F.2).

import {
  MAINLINE_VERSION,
  apiStatus,
  compareVersions,
  parseKernelVersion,
  removedIdentifiers,
  tryParseKernelVersion,
  versionForCommit,
} from '../../src/model/index.js';

describe('parseKernelVersion', () => {
  test.each([
    ['6.12', 6, 12, undefined, undefined],
    ['v6.12', 6, 12, undefined, undefined],
    ['6.12.5', 6, 12, 5, undefined],
    ['v6.13-rc3', 6, 13, undefined, 3],
    ['6.12.0-rc1+', 6, 12, 0, 1],
    ['7.0', 7, 0, undefined, undefined],
  ])('%s', (s, major, minor, patch, rc) => {
    const v = parseKernelVersion(s);
    expect([v.major, v.minor, v.patch, v.rc]).toEqual([major, minor, patch, rc]);
    expect(v.text).toBe(`${major}.${minor}`);
  });
  test('approximate versions keep the marker', () => {
    expect(parseKernelVersion('≈6.16')).toMatchObject({ major: 6, minor: 16, approx: true });
  });
  test('bad input names the input', () => {
    expect(() => parseKernelVersion('latest')).toThrow(/"latest" is not a kernel version/);
    expect(tryParseKernelVersion('6')).toBeUndefined();
  });
  test('comparison is by major.minor (features land in the merge window)', () => {
    expect(compareVersions('6.16-rc1', '6.16')).toBe(0);
    expect(compareVersions('6.9', '6.16')).toBeLessThan(0);
    expect(compareVersions('7.0', '6.19')).toBeGreaterThan(0);
  });
});

describe('apiStatus', () => {
  test('pci_p2pdma_map_sg: removed in 6.0 (commit 0d06132fc84b)', () => {
    expect(apiStatus('pci_p2pdma_map_sg', '5.19').exists).toBe(true);
    const s = apiStatus('pci_p2pdma_map_sg', '6.0');
    expect(s).toMatchObject({ exists: false, known: true, removedIn: '≈6.0' });
    expect(s.replacement).toMatch(/dma_map_sgtable/);
    expect(s.message).toMatch(/pci_p2pdma_map_sg\(\) was removed in ≈6\.0/);
  });
  test('default version is current mainline', () => {
    expect(apiStatus('pci_p2pdma_map_sg').version).toBe(MAINLINE_VERSION);
    expect(apiStatus('pci_p2pdma_map_sg').exists).toBe(false);
  });
  test('pfn_t and friends: present in 6.12, removed ≈6.17', () => {
    for (const n of ['pfn_t', 'pfn_t_to_page', '__pfn_to_pfn_t', 'PFN_DEV', 'PFN_MAP', 'PFN_SG_CHAIN', 'PFN_SG_LAST', 'PFN_SPECIAL', 'pfn_t.h', 'pte_devmap', 'pmd_devmap']) {
      expect(apiStatus(n, '6.12').exists).toBe(true);
      expect(apiStatus(n, '6.17').exists).toBe(false);
    }
    expect(apiStatus('pfn_t').message).toMatch(/ZONE_DEVICE folio/);
  });
  test('renames: page->pgmap → page_pgmap, page_free → folio_free', () => {
    expect(apiStatus('page->pgmap', '6.15')).toMatchObject({ exists: false, replacement: 'page_pgmap(page) / folio->pgmap' });
    expect(apiStatus('page_pgmap', '6.12').exists).toBe(false);
    expect(apiStatus('page_pgmap', '6.15').exists).toBe(true);
    expect(apiStatus('page_free', '6.18').exists).toBe(true);
    expect(apiStatus('page_free', '6.19').replacement).toMatch(/folio_free/);
  });
  test('never-merged identifiers never exist', () => {
    for (const v of ['5.10', '6.12', undefined]) {
      expect(apiStatus('DMA_ATTR_P2PDMA', v)).toMatchObject({ exists: false, neverMerged: true });
      expect(apiStatus('dma_can_use_iova', v)).toMatchObject({ exists: false, replacement: 'dma_use_iova()' });
    }
  });
  test('APIs newer than the target version do not exist yet', () => {
    expect(apiStatus('dma_map_phys', '6.12')).toMatchObject({ exists: false, since: '≈6.18' });
    expect(apiStatus('dma_map_phys', '6.18').exists).toBe(true);
    expect(apiStatus('pci_p2pdma_state', '6.15').exists).toBe(false);
    expect(apiStatus('pcim_p2pdma_provider', '6.19').exists).toBe(true);
  });
  test('other removals of §F.2', () => {
    expect(apiStatus('flush_kernel_dcache_page', '5.15')).toMatchObject({ exists: false, replacement: 'flush_dcache_page' });
    expect(apiStatus('__sg_alloc_table_from_pages', '6.1').exists).toBe(false);
    expect(apiStatus('DMA_F_PCI_P2PDMA_SUPPORTED', '6.10').exists).toBe(false);
    expect(apiStatus('pci_p2pdma_map_segment', '6.12').exists).toBe(true);
    expect(apiStatus('pci_p2pdma_map_segment', '6.16').exists).toBe(false);
    expect(apiStatus('pci_p2pdma_map_bus_segment', '6.12').exists).toBe(false);
  });
  test('signature changes are reported with the prototype of the target version', () => {
    const s = apiStatus('pci_p2pdma_bus_addr_map', '6.17');
    expect(s.exists).toBe(true);
    expect(s.signatureChange).toMatchObject({ changedIn: '≈6.19', appliesToTarget: false });
    expect(s.message).toMatch(/pci_p2pdma_map_state \*state/);
    expect(apiStatus('pci_p2pdma_bus_addr_map').signatureChange!.appliesToTarget).toBe(true);
  });
  test('deprecated APIs exist and say so; unknown identifiers are assumed to exist', () => {
    expect(apiStatus('kmap_atomic')).toMatchObject({ exists: true, known: true });
    expect(apiStatus('kmap_atomic').message).toMatch(/deprecated/);
    expect(apiStatus('frobnicate_widget')).toMatchObject({ exists: true, known: false });
  });
});

describe('removedIdentifiers', () => {
  test('grows with the version and covers the whole §F.2 table at mainline', () => {
    const at6_0 = removedIdentifiers('6.0').map((r) => r.name);
    const at6_12 = removedIdentifiers('6.12').map((r) => r.name);
    const now = removedIdentifiers().map((r) => r.name);
    expect(at6_0).toEqual(expect.arrayContaining(['pci_p2pdma_map_sg', 'pci_p2pdma_map_sg_attrs', 'pci_p2pdma_unmap_sg', 'pci_p2pdma_unmap_sg_attrs', 'DMA_ATTR_P2PDMA']));
    expect(at6_0).not.toContain('pfn_t');
    expect(at6_12.length).toBeGreaterThan(at6_0.length);
    expect(now).toEqual(
      expect.arrayContaining([
        'pci_p2pdma_map_segment', 'pci_p2pdma_map_bus_segment', 'pfn_t', 'pfn_t_to_page', '__pfn_to_pfn_t', 'PFN_DEV',
        'PFN_MAP', 'PFN_SG_CHAIN', 'PFN_SG_LAST', 'PFN_SPECIAL', 'pfn_t.h', 'pte_devmap', 'pmd_devmap', 'page->pgmap',
        'page_free', 'flush_kernel_dcache_page', '__sg_alloc_table_from_pages', 'DMA_F_PCI_P2PDMA_SUPPORTED',
        'dma_can_use_iova', 'DMA_ATTR_P2PDMA', 'virt_to_bus',
      ]),
    );
    expect([...now].sort((a, b) => a.localeCompare(b))).toEqual(now);
    for (const r of removedIdentifiers()) expect(r.message.length).toBeGreaterThan(10);
  });
});

describe('versionForCommit', () => {
  test('resolves release commits we have data for, by full SHA or unique prefix', () => {
    expect(versionForCommit('adc218676eef25575469234709c2d87185ca223a')).toBe('6.12');
    expect(versionForCommit('4fe89d07dcc2')).toBe('6.0');
    expect(versionForCommit('E783362EB54CD99B2CAC8B3A9AEAC942E6F6AC07')).toBe('5.17-rc1');
  });
  test('unknown or malformed SHAs give undefined', () => {
    expect(versionForCommit('0123456789abcdef0123456789abcdef01234567')).toBeUndefined();
    expect(versionForCommit('xyz')).toBeUndefined();
    expect(versionForCommit('abc')).toBeUndefined();
  });
});
