// dma-mapping-error-unchecked: what a hunk fragment allows the rule to say, and certainty by visibility.
import { findingsOf, hunkPatch, newFilePatch } from './patch-builders.js';

const SECTION = 'static int f(struct ring *r, void *buf, int len)';

describe('dma-mapping-error-unchecked', () => {
  test('a map at the end of a fragment is not judged; one followed by an unchecked statement is a warning', async () => {
    const last = hunkPatch('drivers/x.c', SECTION, 20, [' \tint x;', '+\taddr = dma_map_single(r->dev, buf, len, DMA_TO_DEVICE);']);
    expect(await findingsOf('dma-mapping-error-unchecked', last)).toEqual([]);
    const next = hunkPatch('drivers/x.c', SECTION, 20, [' \tint x;', '+\taddr = dma_map_single(r->dev, buf, len, DMA_TO_DEVICE);', ' \tx = r->head;', ' \tr->count++;']);
    const found = await findingsOf('dma-mapping-error-unchecked', next);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[21, 'warning']]);
  });

  test('the whole function visible makes an unchecked use an error; a hand test gets a suggestion', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
static int f(struct ring *r, void *buf, int len)
{
	dma_addr_t a = dma_map_single(r->dev, buf, len, DMA_TO_DEVICE);

	r->desc = a;
	return 0;
}

static int g(struct ring *r, void *buf, int len)
{
	dma_addr_t a = dma_map_single(r->dev, buf, len, DMA_TO_DEVICE);

	if (a == DMA_MAPPING_ERROR)
		return -ENOMEM;
	r->desc = a;
	return 0;
}
`;
    const found = await findingsOf('dma-mapping-error-unchecked', newFilePatch('drivers/x.c', src));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[4, 'error'], [14, 'error']]);
    expect(found[1].suggestion).toMatchObject({ replacement: '\tif (dma_mapping_error(r->dev, a))', safety: 'safe' });
  });

  test('a field checked in another function of the file, and an out-parameter, are left alone', async () => {
    const src = `// SPDX-License-Identifier: GPL-2.0
static void map(struct ring *r)
{
	r->ctx_dma = dma_map_single(r->dev, r->ctx, 64, DMA_TO_DEVICE);
}

static int start(struct ring *r)
{
	map(r);
	return dma_mapping_error(r->dev, r->ctx_dma) ? -ENOMEM : 0;
}

static void out(struct ring *r, dma_addr_t *dma)
{
	*dma = dma_map_single(r->dev, r->ctx, 64, DMA_TO_DEVICE);
}
`;
    expect(await findingsOf('dma-mapping-error-unchecked', newFilePatch('drivers/x.c', src))).toEqual([]);
  });
});
