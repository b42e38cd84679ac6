// pathIncluded: include minus exclude, with the default include of everything.
import { pathIncluded } from '../../src/config/paths.js';
import { defaultConfig } from '../../src/config/schema.js';

describe('pathIncluded', () => {
  test('the default configuration includes every path', () => {
    const config = defaultConfig();
    for (const p of ['lib/scatterlist.c', 'drivers/pci/p2pdma.c', 'Makefile', '.github/workflows/ci.yml']) {
      expect(pathIncluded(config, p)).toBe(true);
    }
  });

  test('a path must match an include and no exclude', () => {
    const config = {
      paths: { include: ['drivers/{pci,nvme}/**', 'lib/scatterlist.c'], exclude: ['**/*_test.c', 'drivers/pci/controller/'] },
    };
    expect(pathIncluded(config, 'drivers/pci/p2pdma.c')).toBe(true);
    expect(pathIncluded(config, 'drivers/nvme/host/pci.c')).toBe(true);
    expect(pathIncluded(config, './lib/scatterlist.c')).toBe(true);
    expect(pathIncluded(config, 'lib/sg_split.c')).toBe(false); // not included
    expect(pathIncluded(config, 'drivers/nvme/host/p2p_test.c')).toBe(false); // excluded by name
    expect(pathIncluded(config, 'drivers/pci/controller/dwc/pcie-designware.c')).toBe(false); // excluded directory
  });

  test('an empty include list includes nothing', () => {
    expect(pathIncluded({ paths: { include: [], exclude: [] } }, 'lib/scatterlist.c')).toBe(false);
  });
});
