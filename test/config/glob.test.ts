// Glob matching for paths.include / paths.exclude: each syntax element, anchoring, and malformed patterns.
import { globMatches, globToRegExp, GlobSyntaxError } from '../../src/config/glob.js';

describe('globMatches', () => {
  const cases: [pattern: string, path: string, expected: boolean][] = [
    // literal, anchored at both ends
    ['lib/scatterlist.c', 'lib/scatterlist.c', true],
    ['lib/scatterlist.c', 'lib/scatterlist.c.orig', false],
    ['lib/scatterlist.c', 'x/lib/scatterlist.c', false],
    ['lib/scatterlist.c', 'lib/scatterlistXc', false], // '.' is literal, not a regex wildcard
    // * stays inside one segment
    ['drivers/pci/*.c', 'drivers/pci/p2pdma.c', true],
    ['drivers/pci/*.c', 'drivers/pci/controller/dwc/pcie-designware.c', false],
    ['*.c', 'p2pdma.c', true],
    ['*.c', 'drivers/p2pdma.c', false],
    ['drivers/*/host/pci.c', 'drivers/nvme/host/pci.c', true],
    // ? is one character, never '/'
    ['drivers/nvme/host/pc?.c', 'drivers/nvme/host/pci.c', true],
    ['drivers/nvme/host/pc?.c', 'drivers/nvme/host/pc.c', false],
    ['a?b', 'a/b', false],
    // ** spans zero or more segments
    ['**', 'anything/at/all.c', true],
    ['**/*.h', 'include/linux/scatterlist.h', true],
    ['**/*.h', 'top.h', true],
    ['drivers/**/*.c', 'drivers/pci/p2pdma.c', true],
    ['drivers/**/*.c', 'drivers/p2pdma.c', true],
    ['drivers/**/*.c', 'drivers/a/b/c/d.c', true],
    ['drivers/**/*.c', 'lib/drivers/x.c', false],
    ['drivers/**', 'drivers/gpu/drm/x.c', true],
    ['drivers/**', 'drivers', false],
    ['drivers/**', 'driversX/a.c', false],
    ['**/p2pdma.c', 'drivers/pci/p2pdma.c', true],
    ['**/p2pdma.c', 'drivers/pci/xp2pdma.c', false],
    // {a,b} alternatives, nested, containing '/'
    ['drivers/{pci,nvme}/**', 'drivers/nvme/host/pci.c', true],
    ['drivers/{pci,nvme}/**', 'drivers/gpu/x.c', false],
    ['{lib/scatterlist.c,kernel/dma/**}', 'kernel/dma/direct.c', true],
    ['{lib/scatterlist.c,kernel/dma/**}', 'lib/scatterlist.c', true],
    ['drivers/{pci/{p2pdma,iov},nvme/host/pci}.c', 'drivers/pci/iov.c', true],
    ['drivers/{pci/{p2pdma,iov},nvme/host/pci}.c', 'drivers/nvme/host/pci.c', true],
    ['drivers/{pci/{p2pdma,iov},nvme/host/pci}.c', 'drivers/pci/pci.c', false],
    ['file{,.orig}', 'file', true],
    ['file{,.orig}', 'file.orig', true],
    ['{x}', '{x}', true], // no comma: literal braces, as in bash
    // character classes
    ['mm/memremap.[ch]', 'mm/memremap.h', true],
    ['mm/memremap.[ch]', 'mm/memremap.o', false],
    ['mm/memremap.[!ch]', 'mm/memremap.o', true],
    ['mm/memremap.[!ch]', 'mm/memremap.c', false],
    ['v[0-9].c', 'v7.c', true],
    ['v[0-9].c', 'vx.c', false],
    // escapes and regex metacharacters are literal
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'aXb', false],
    ['drivers/(x)+|y', 'drivers/(x)+|y', true],
    // ./ and / prefixes are ignored on both sides; a trailing / means everything below
    ['./lib/*.c', 'lib/sg_split.c', true],
    ['lib/*.c', './lib/sg_split.c', true],
    ['drivers/pci/', 'drivers/pci/p2pdma.c', true],
    ['drivers/pci/', 'drivers/pcie/x.c', false],
  ];
  test.each(cases)('%s vs %s → %s', (pattern, path, expected) => {
    expect(globMatches(pattern, path)).toBe(expected);
  });
});

describe('globToRegExp errors', () => {
  test.each([
    ['drivers/{pci,nvme/**', /"\{" at offset 8 is never closed/],
    ['drivers/pci}/x', /"\}" at offset 11 has no matching "\{"/],
    ['a/[bc', /"\[" .* is never closed/],
    ['a/[!]', /is an empty class/],
    ['trailing\\', /lone "\\"/],
    ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}', /more than 256 alternatives/],
  ])('%s is rejected', (pattern, reason) => {
    expect(() => globToRegExp(pattern)).toThrow(GlobSyntaxError);
    expect(() => globToRegExp(pattern)).toThrow(reason);
  });
});
