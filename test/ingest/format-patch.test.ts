// git format-patch files, a series mbox with a cover letter, and `git show` output.

import { readFileSync } from 'node:fs';
import { fileOf, fixture, ingestFixture, ingestText, linesOf } from './helpers.js';

const SINGLE = 'format-patch/0001-misc-xdma-check-the-bounce-buffer-mapping.patch';

describe('git format-patch, one patch', () => {
  test('reads the mail headers, folded subject, body and base-commit trailer', async () => {
    const r = await ingestFixture(SINGLE);
    expect(r.errors).toEqual([]);
    expect(r.patches).toHaveLength(1);
    const p = r.patches[0];
    expect(p.id).toBe(`${SINGLE}#0`);
    expect(p.input).toBe(SINGLE);
    expect(p.ordinal).toBe(0);
    expect(p.quoted).toBe(false);
    expect(p.subject).toEqual({
      raw: '[PATCH] misc: xdma: check the bounce buffer mapping and unmap all entries',
      title: 'misc: xdma: check the bounce buffer mapping and unmap all entries',
      prefixes: ['PATCH'],
      isCover: false,
    });
    expect(p.author).toBe('Ada Example <ada@example.org>');
    expect(p.date).toBe('Tue, 14 May 2024 10:21:00 +0200');
    expect(p.messageId).toBeUndefined();
    expect(p.baseCommit).toBe('dd2d5afa88ae649baf175e6fd619d0f9536cd726');
    // The commit message stops at git's "---"; a body line starting with "From " is not a separator.
    expect(p.body.split('\n')[0]).toBe('dma_map_single() can fail; check it with dma_mapping_error().');
    expect(p.body).toContain('From the department of examples.');
    expect(p.body.endsWith('Signed-off-by: Ada Example <ada@example.org>')).toBe(true);
  });

  test('maps every diff line to its old line, new line and input line', async () => {
    const r = await ingestFixture(SINGLE);
    const file = fileOf(r.patches[0], 'drivers/misc/xdma/xdma_core.c');
    expect(file).toMatchObject({ oldPath: 'drivers/misc/xdma/xdma_core.c', status: 'modified', binary: false });
    expect(file.hunks).toHaveLength(2);
    const [h1, h2] = file.hunks;
    expect(h1).toMatchObject({ oldStart: 10, oldLines: 6, newStart: 10, newLines: 8, section: '' });
    expect(h1.lines[0]).toEqual({
      kind: 'ctx',
      text: 'static int xdma_map_buf(struct xdma_dev *xd, void *buf, size_t len)',
      oldLine: 10,
      newLine: 10,
      patchLine: 23,
    });
    expect(h1.lines[3]).toEqual({ kind: 'add', text: '\tif (dma_mapping_error(xd->dev, xd->buf_dma))', newLine: 13, patchLine: 26 });
    expect(h1.lines[5]).toEqual({ kind: 'ctx', text: '\treturn 0;', oldLine: 13, newLine: 15, patchLine: 28 });
    // The trailing blank context line " " keeps its place.
    expect(h1.lines[7]).toEqual({ kind: 'ctx', text: '', oldLine: 15, newLine: 17, patchLine: 30 });

    expect(h2).toMatchObject({ oldStart: 30, oldLines: 7, newStart: 32, newLines: 8 });
    expect(h2.section).toBe('static int xdma_build_sg(struct xdma_dev *xd, struct xdma_req *req)');
    const del = h2.lines.find((l) => l.kind === 'del');
    expect(del).toEqual({ kind: 'del', text: '\tdma_unmap_sg(xd->dev, req->sgl, req->nents, DMA_TO_DEVICE);', oldLine: 33, patchLine: 35 });
    const adds = h2.lines.filter((l) => l.kind === 'add');
    expect(adds.map((l) => [l.newLine, l.patchLine])).toEqual([
      [35, 36],
      [36, 37],
    ]);
    expect(h2.lines[6]).toEqual({ kind: 'ctx', text: '}', oldLine: 34, newLine: 37, patchLine: 38 });
    // Cross-check against the fixture text itself.
    expect(linesOf(SINGLE, '+\tdma_unmap_sg(xd->dev, req->sgl, req->nr_bufs, DMA_TO_DEVICE);')).toEqual([37]);
  });

  test('counts what it read', async () => {
    const r = await ingestFixture(SINGLE);
    expect(r.stats).toEqual({ inputs: 1, patches: 1, quotedPatches: 0, coverLetters: 0, files: 1, hunks: 2, linesChecked: 17 });
  });
});

describe('a series in one mbox', () => {
  test('splits on From lines, reports the cover letter as a note and unescapes >From', async () => {
    const r = await ingestFixture('series.mbox');
    expect(r.errors).toEqual([]);
    expect(r.stats.coverLetters).toBe(1);
    expect(r.notes).toEqual([
      {
        input: 'series.mbox',
        message: 'message 1 ("[PATCH 0/2] misc: xdma: mapping fixes") at line 1: cover letter "[PATCH 0/2] misc: xdma: mapping fixes": no diff expected',
      },
    ]);
    expect(r.patches.map((p) => [p.id, p.subject.index, p.subject.total, p.subject.title])).toEqual([
      ['series.mbox#0', 1, 2, 'misc: xdma: check the bounce buffer mapping and unmap all entries'],
      ['series.mbox#1', 2, 2, 'misc: xdma: use sg_set_page() for request buffers'],
    ]);
    expect(r.patches[0].body).toContain('\nFrom the department of examples.\n');
    expect(r.patches[0].body).not.toContain('>From');
    expect(r.patches[1].files.map((f) => f.newPath)).toEqual(['drivers/misc/xdma/xdma.h', 'drivers/misc/xdma/xdma_core.c']);
  });

  test('carries the cover letter base-commit to the patches of its series', async () => {
    const r = await ingestFixture('series.mbox');
    expect(r.patches.map((p) => p.baseCommit)).toEqual([
      'dd2d5afa88ae649baf175e6fd619d0f9536cd726',
      'dd2d5afa88ae649baf175e6fd619d0f9536cd726',
    ]);
  });

  test('numbers lines of later messages in the whole mbox', async () => {
    const r = await ingestFixture('series.mbox');
    const line = '+\t\tsg_set_page(&sg[i], virt_to_page(req->bufs[i]), req->lens[i],';
    const [expected] = linesOf('series.mbox', line);
    const add = fileOf(r.patches[1], 'drivers/misc/xdma/xdma_core.c').hunks[0].lines.find((l) => `+${l.text}` === line);
    expect(add?.patchLine).toBe(expected);
    expect(expected).toBeGreaterThan(100);
  });
});

describe('git show output', () => {
  test('takes author, date and subject from the commit header and message', async () => {
    const r = await ingestFixture('diff/git-show.txt');
    expect(r.errors).toEqual([]);
    expect(r.patches).toHaveLength(1);
    const p = r.patches[0];
    expect(p.subject.title).toBe('misc: xdma: use sg_set_page() for request buffers');
    expect(p.author).toBe('Ada Example <ada@example.org>');
    expect(p.date).toBe('Tue May 14 10:21:00 2024 +0200');
    expect(p.body.split('\n')[2]).toBe('Build the table from pages so highmem buffers work.');
    expect(p.files).toHaveLength(2);
  });

  test('splits git log -p output into one patch per commit', async () => {
    const show = readFileSync(fixture('diff/git-show.txt'), 'utf8');
    const second = show.replace(/^commit [0-9a-f]+/, 'commit 0123456789abcdef0123456789abcdef01234567').replace('Ada Example', 'Bea Example');
    const r = await ingestText(`${show}\n${second}`, 'log.txt');
    expect(r.errors).toEqual([]);
    expect(r.patches.map((p) => p.author)).toEqual(['Ada Example <ada@example.org>', 'Bea Example <ada@example.org>']);
    const secondStart = show.split('\n').length + 1;
    expect(r.patches[1].files[0].hunks[0].lines[0].patchLine).toBeGreaterThan(secondStart);
  });
});
