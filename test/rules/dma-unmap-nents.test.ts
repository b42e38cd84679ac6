// dma-unmap-nents: suggestions, certainty, and the message-declared fixes that only apply to removed code.
import { findingsOf, hunkPatch, newFilePatch } from './patch-builders.js';

describe('dma-unmap-nents', () => {
  test('a cross-function field gets no in-scope suggestion; a local original gets a safe one', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
struct r { struct scatterlist *sg; int mapped; };

static void done(struct device *d, struct r *r)
{
	dma_unmap_sg(d, r->sg, r->mapped, DMA_TO_DEVICE);
}

static int run(struct device *d, struct r *r, int nents)
{
	int n = dma_map_sg(d, r->sg, nents, DMA_TO_DEVICE);

	if (!n)
		return -ENOMEM;
	r->mapped = n;
	hw(r, n);
	dma_unmap_sg(d, r->sg, n, DMA_TO_DEVICE);
	return 0;
}
`;
    const found = await findingsOf('dma-unmap-nents', newFilePatch('drivers/x.c', src));
    const byLine = new Map(found.map((f) => [f.line, f]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([6, 17]);
    expect(byLine.get(6)!.suggestion).toBeUndefined();
    expect(byLine.get(6)!.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([11, 15, 6]));
    expect(byLine.get(17)!.suggestion).toMatchObject({ replacement: '\tdma_unmap_sg(d, r->sg, nents, DMA_TO_DEVICE);', safety: 'safe' });
    expect(byLine.get(17)!.severity).toBe('error');
  });

  test('a count that is the mapped count on one path only is a warning', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
static void f(struct device *d, struct scatterlist *sg, int nents, bool remap)
{
	if (remap)
		nents = dma_map_sg(d, sg, nents, DMA_TO_DEVICE);
	dma_unmap_sg(d, sg, nents, DMA_TO_DEVICE);
}
`;
    const [f] = await findingsOf('dma-unmap-nents', newFilePatch('drivers/x.c', src));
    expect(f.severity).toBe('warning');
  });

  test('a message claiming a DMA-003 fix does not turn new code into findings', async () => {
    const message = 'dma_unmap_sg() is called with the number of entries returned by dma_map_sg() instead of the original nents.';
    const lines = [' \tfoo(rctx);', '-\trctx->nr = nr;', '+\trctx->nr = ns;', ' \treturn 0;'];
    const found = await findingsOf('dma-unmap-nents', hunkPatch('drivers/x.c', 'static int prep(struct r *rctx, int ns)', 40, lines, { message }));
    expect(found.map((f) => [f.kind, f.severity])).toEqual([['fixes', 'info']]);
    const silent = await findingsOf('dma-unmap-nents', hunkPatch('drivers/x.c', 'static int prep(struct r *rctx, int ns)', 40, lines, { message: 'Rework.' }));
    expect(silent).toEqual([]);
  });
});
