// Patches quoted in replies (`> `, nested `> > `, bare `>`) and in web-archive pages.

import { readFileSync } from 'node:fs';
import { fileOf, fixture, ingestFixture, ingestText } from './helpers.js';

describe('a reply quoting a reply that quotes a patch (nested "> > ")', () => {
  const EML = 'quoted/reply-nested.eml';

  test('extracts the patch as quoted, with the quoted author from the attribution line', async () => {
    const r = await ingestFixture(EML);
    expect(r.errors).toEqual([]);
    expect(r.stats).toMatchObject({ patches: 1, quotedPatches: 1 });
    const p = r.patches[0];
    expect(p.quoted).toBe(true);
    expect(p.subject).toMatchObject({
      raw: 'Re: [PATCH v2 2/2] misc: xdma: use sg_set_page() for request buffers',
      title: 'misc: xdma: use sg_set_page() for request buffers',
      version: 2,
      index: 2,
      total: 2,
    });
    expect(p.author).toBe('Ada Example');
    expect(p.date).toBe('Tue, May 14, 2024 at 10:21:00AM +0200');
    expect(p.messageId).toBe('<reply-2@example.org>');
    expect(p.body).toBe('Build the table from pages so highmem buffers work.\n\nSigned-off-by: Ada Example <ada@example.org>');
    expect(p.files.map((f) => f.newPath)).toEqual(['drivers/misc/xdma/xdma.h', 'drivers/misc/xdma/xdma_core.c']);
  });

  test('skips the first reviewer\'s comment inside the hunk without shifting line numbers', async () => {
    const r = await ingestFixture(EML);
    const h = fileOf(r.patches[0], 'drivers/misc/xdma/xdma_core.c').hunks[0];
    expect(h.lines).toHaveLength(14);
    expect(h.lines.filter((l) => l.kind !== 'add')).toHaveLength(9);
    expect(h.lines.filter((l) => l.kind !== 'del')).toHaveLength(13);
    expect(h.lines[5]).toEqual({ kind: 'add', text: '', newLine: 25, patchLine: 41 });
    expect(h.lines[6]).toEqual({ kind: 'ctx', text: '\tsg_init_table(sg, req->nr_bufs);', oldLine: 23, newLine: 26, patchLine: 45 });
    expect(h.lines[8]).toEqual({ kind: 'del', text: '\t\tsg_set_buf(&sg[i], req->bufs[i], req->lens[i]);', oldLine: 25, patchLine: 47 });
    expect(h.lines[13]).toEqual({ kind: 'ctx', text: '\tif (req->nents <= 0)', oldLine: 28, newLine: 32, patchLine: 52 });
    expect(r.notes.map((n) => n.message)).toEqual([
      'drivers/misc/xdma/xdma_core.c: hunk "@@ -20,9 +20,13 @@ static int xdma_build_sg(struct xdma_dev *xd, struct xdma_re…" at line 35: reply text inside the quoted hunk (line 42-44) skipped; the quoted lines complete the hunk, so line numbers are exact',
    ]);
  });

  test('"> > " and ">>" quoting read the same', async () => {
    const text = readFileSync(fixture(EML), 'utf8').replace(/^> > ?/gm, (m) => (m.length === 4 ? '>> ' : '>>'));
    expect(text).toContain('>> diff --git');
    const a = await ingestFixture(EML);
    const b = await ingestText(text, 'reply.eml');
    expect(b.errors).toEqual([]);
    expect(b.patches[0].files).toEqual(a.patches[0].files);
  });
});

describe('a reply quoting with ">" and trimming the quote', () => {
  const EML = 'quoted/reply-trimmed.eml';

  test('keeps a hunk cut short, with a note rather than an error', async () => {
    const r = await ingestFixture(EML);
    expect(r.errors).toEqual([]);
    const p = r.patches[0];
    expect(p.quoted).toBe(true);
    expect(p.author).toBe('Ada Example <ada@example.org>');
    const [h1, h2] = fileOf(p, 'drivers/misc/xdma/xdma_core.c').hunks;
    expect(h1.lines.map((l) => [l.kind, l.oldLine, l.newLine, l.patchLine])).toEqual([
      ['ctx', 10, 10, 12],
      ['ctx', 11, 11, 13],
      ['ctx', 12, 12, 14],
      ['add', undefined, 13, 15],
      ['add', undefined, 14, 16],
      ['ctx', 13, 15, 17],
    ]);
    expect(h1).toMatchObject({ oldLines: 6, newLines: 8 }); // as declared; the quote holds fewer
    expect(r.notes[0].message).toMatch(/hunk "@@ -10,6 \+10,8 @@" at line 11: quoted hunk is cut short \(4 old \/ 6 new of 6 old \/ 8 new lines/);
    // The second hunk follows the reviewer's comment; it belongs to the same file.
    expect(h2.oldStart).toBe(30);
  });

  test('drops quoted lines after a comment when the quote is incomplete (their numbers are unknown)', async () => {
    const r = await ingestFixture(EML);
    const h2 = r.patches[0].files[0].hunks[1];
    expect(h2.lines).toEqual([
      { kind: 'ctx', text: '', oldLine: 30, newLine: 32, patchLine: 22 },
      { kind: 'ctx', text: 'static void xdma_unmap_sg(struct xdma_dev *xd, struct xdma_req *req)', oldLine: 31, newLine: 33, patchLine: 23 },
    ]);
    expect(r.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/2 quoted line\(s\) after reply text at line 24 dropped/));
  });
});

describe('web-archive pages', () => {
  test('openwall-style page: subject from the folded Subject: line, prose inside the quoted hunk skipped', async () => {
    const r = await ingestFixture('archive/openwall-style.txt');
    expect(r.errors).toEqual([]);
    expect(r.patches).toHaveLength(1);
    const p = r.patches[0];
    expect(p.quoted).toBe(true);
    expect(p.subject).toMatchObject({
      raw: 'Re: [PATCH v4 1/2] misc: xdma: check the bounce buffer mapping and unmap all entries',
      version: 4,
      index: 1,
      total: 2,
    });
    expect(p.author).toBe('Ada Example');
    expect(p.date).toBe('05/14/2024 11:21 AM');
    const [h1, h2] = p.files[0].hunks;
    expect(h1.lines.map((l) => [l.oldLine, l.newLine, l.patchLine])).toEqual([
      [10, 10, 22],
      [11, 11, 23],
      [12, 12, 24],
      [undefined, 13, 25],
      [undefined, 14, 26],
      [13, 15, 30],
      [14, 16, 31],
      [15, 17, 32],
    ]);
    expect(h2.lines).toHaveLength(9);
  });

  test('patchwork-style page: quoted fragment plus the unquoted patch, metadata from the page', async () => {
    const r = await ingestFixture('archive/patchwork-style.txt');
    expect(r.errors).toEqual([]);
    expect(r.patches.map((p) => [p.quoted, p.files.map((f) => f.newPath)])).toEqual([
      [true, ['drivers/misc/xdma/xdma_core.c']],
      [false, ['drivers/misc/xdma/xdma.h']],
    ]);
    const [quoted, own] = r.patches;
    expect(own.subject).toMatchObject({ raw: '[v2,2/2] misc: xdma: use sg_set_page() for request buffers', version: 2, index: 2, total: 2 });
    expect(own.author).toBe('Frank Hacker');
    expect(own.date).toBe('May 15, 2024, 12:00 p.m. UTC');
    expect(own.messageId).toBe('<20240515120000.GA1@example.org>');
    // The archive stripped the blank context lines' trailing space; they still count as context.
    expect(own.files[0].hunks[0].lines.map((l) => l.kind)).toEqual(['ctx', 'ctx', 'ctx', 'add', 'ctx', 'ctx', 'ctx']);
    expect(own.files[0].hunks[0].lines[4]).toMatchObject({ text: '', oldLine: 7, newLine: 8 });
    expect(quoted.author).toBe('Ada Example');
    expect(quoted.files[0].hunks[0].lines).toHaveLength(5);
  });
});

describe('repeated quotes in one input', () => {
  test('a reply quoting a patch that came earlier in the same mbox adds no quoted patch', async () => {
    const series = readFileSync(fixture('series.mbox'), 'utf8');
    const patch2 = series.slice(series.lastIndexOf('\nFrom ') + 1);
    const reply = readFileSync(fixture('quoted/reply-nested.eml'), 'utf8');
    const thread = `${patch2}\nFrom bob@example.org Thu May 16 08:00:00 2024\n${reply}`;
    const r = await ingestText(thread, 'thread.mbox');
    expect(r.errors).toEqual([]);
    expect(r.patches.map((p) => p.quoted)).toEqual([false]);
    expect(r.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/^message 2 \("Re: \[PATCH v2 2\/2\].*"\) at line \d+: quoted patch near line \d+ repeat\(s\) a diff quoted earlier/),
    );
  });
});
