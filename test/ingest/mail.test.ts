// Raw RFC 822 mail with MIME: multipart, quoted-printable, base64, CRLF, RFC 2047 headers.

import { readFileSync } from 'node:fs';
import { fileOf, fixture, ingestFixture, ingestText, linesOf } from './helpers.js';

describe('multipart mail with a base64 patch attachment and a quoted-printable body (CRLF)', () => {
  const EML = 'mime/multipart-attachment.eml';

  test('the fixture really is CRLF, base64 and quoted-printable', () => {
    const raw = readFileSync(fixture(EML), 'latin1');
    expect(raw.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    expect(raw).toContain('Content-Transfer-Encoding: base64');
    expect(raw).toContain('=3D=3D');
    expect(raw).not.toContain('diff --git');
  });

  test('decodes headers (RFC 2047, folded) and the body, and finds the diff in the attachment', async () => {
    const r = await ingestFixture(EML);
    expect(r.errors).toEqual([]);
    expect(r.patches).toHaveLength(1);
    const p = r.patches[0];
    expect(p.subject.raw).toBe('[PATCH v3 1/1] misc: xdma: check the bounce buffer mapping — and unmap all entries');
    expect(p.subject).toMatchObject({ version: 3, index: 1, total: 1, prefixes: ['PATCH'] });
    expect(p.author).toBe('Jörg Example <joerg@example.org>');
    expect(p.date).toBe('Wed, 15 May 2024 09:30:00 +0200');
    expect(p.messageId).toBe('<20240515073000.1234-1-joerg@example.org>');
    // Quoted-printable: "=3D" decoded and the soft line break joined.
    expect(p.body).toContain('(dma_addr == DMA_MAPPING_ERROR) is never handed to the engine.');
    expect(p.body).toContain('Signed-off-by: Jörg Example <joerg@example.org>');
    const file = fileOf(p, 'drivers/misc/xdma/xdma_core.c');
    expect(file.hunks.map((h) => [h.oldStart, h.newStart, h.lines.length])).toEqual([
      [10, 10, 8],
      [30, 32, 9],
    ]);
    expect(p.baseCommit).toBe('dd2d5afa88ae649baf175e6fd619d0f9536cd726');
  });

  test('numbers lines in the decoded text (body first, then the attachment) and says so', async () => {
    const r = await ingestFixture(EML);
    expect(r.notes.map((n) => n.message)).toContain(
      'line numbers (#N) count lines of the decoded MIME text (body, then attachments), not of the raw mail',
    );
    const h1 = r.patches[0].files[0].hunks[0];
    // The decoded body has 4 lines; the attachment's "@@ -10,6 +10,8 @@" is its line 5, so the
    // first context line is decoded line 4 + 6 = 10.
    expect(h1.lines[0].patchLine).toBe(10);
    expect(h1.lines[0]).toMatchObject({ oldLine: 10, newLine: 10 });
  });
});

describe('single-part quoted-printable mail with the diff inline (CRLF)', () => {
  test('decodes =3D, =20 blank context lines and a soft-broken hunk header', async () => {
    const r = await ingestFixture('mime/inline-qp.eml');
    expect(r.errors).toEqual([]);
    const p = r.patches[0];
    expect(p.author).toBe('Jörg Example <joerg@example.org>'); // ISO-8859-1 encoded word
    const [h1, h2] = fileOf(p, 'drivers/misc/xdma/xdma_core.c').hunks;
    expect(h1.lines[2].text).toBe('\txd->buf_dma = dma_map_single(xd->dev, buf, len, DMA_TO_DEVICE);');
    expect(h1.lines[7]).toMatchObject({ kind: 'ctx', text: '', oldLine: 15, newLine: 17 });
    expect(h2.section).toBe('static int xdma_build_sg(struct xdma_dev *xd, struct xdma_req *req)');
    expect(h2.lines).toHaveLength(9);
    expect(p.body).toContain('This line is long enough that the mailer had to wrap it with a soft line break.');
  });
});

describe('multipart mail whose text part is 8bit', () => {
  const EML = 'mime/multipart-8bit.eml';

  test('finds the part in the raw mail, so patch lines are lines of the input file', async () => {
    const r = await ingestFixture(EML);
    expect(r.errors).toEqual([]);
    expect(r.notes).toEqual([]);
    const p = r.patches[0];
    expect(p.subject).toMatchObject({ index: 2, total: 2, title: 'misc: xdma: use sg_set_page() for request buffers' });
    expect(p.body).toContain('Café tested.');
    const h = fileOf(p, 'drivers/misc/xdma/xdma.h').hunks[0];
    expect(h.lines[3]).toEqual({ kind: 'add', text: '#define XDMA_MAX_SEGS\t8', newLine: 7, patchLine: 25 });
    expect(linesOf(EML, '+#define XDMA_MAX_SEGS\t8')).toEqual([25]);
    // The PGP signature part is not text to scan and adds nothing.
    expect(p.files).toHaveLength(2);
  });
});

describe('mail headers on the fast path', () => {
  test('plain format-patch mail and MIME mail agree on decoded headers', async () => {
    const headers = [
      'From: =?UTF-8?q?Christian=20K=C3=B6nig?= <ck@example.org>',
      'Subject: =?UTF-8?B?W1BBVENIXSBkcm0vdHRtOiBmaXggcmVm?=',
      ' =?UTF-8?B?Y291bnQgw6A=?=',
      'Date: Mon, 1 Jan 2024 00:00:00 +0000',
      'Message-Id: <abc@example.org>',
    ];
    const diff = ['', 'msg', '---', 'diff --git a/x.c b/x.c', '--- a/x.c', '+++ b/x.c', '@@ -1 +1 @@', '-a', '+b', ''];
    const plain = await ingestText([...headers, ...diff].join('\n'), 'plain.eml');
    const mime = await ingestText(
      [...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', ...diff].join('\n'),
      'mime.eml',
    );
    for (const r of [plain, mime]) {
      expect(r.errors).toEqual([]);
      expect(r.patches[0].author).toBe('Christian König <ck@example.org>');
      expect(r.patches[0].subject.raw).toBe('[PATCH] drm/ttm: fix refcount à');
      expect(r.patches[0].messageId).toBe('<abc@example.org>');
    }
  });
});
