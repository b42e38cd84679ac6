// Identifiers the model dates by their arrival: apiStatus answers per kernel version.
import { addedIdentifier, apiStatus } from '../../src/model/index.js';

describe('added identifiers', () => {
  test('the host-bridge map type arrived in 5.4 (drivers/pci/p2pdma.c)', () => {
    expect(apiStatus('PCI_P2PDMA_MAP_THRU_HOST_BRIDGE', '5.3')).toMatchObject({ exists: false, known: true, since: '≈5.4' });
    expect(apiStatus('PCI_P2PDMA_MAP_THRU_HOST_BRIDGE', '5.4')).toMatchObject({ exists: true, since: '≈5.4' });
    expect(apiStatus('PCI_P2PDMA_MAP_THRU_HOST_BRIDGE').exists).toBe(true);
  });
  test('FOLL_PCI_P2PDMA is 6.2-era (mm/gup.c)', () => {
    expect(apiStatus('FOLL_PCI_P2PDMA', '6.1').exists).toBe(false);
    expect(apiStatus('FOLL_PCI_P2PDMA', '6.2').exists).toBe(true);
  });
  test('unknown names are not dated', () => {
    expect(addedIdentifier('not_a_kernel_identifier')).toBeUndefined();
  });
});
