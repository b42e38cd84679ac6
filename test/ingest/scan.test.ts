// Building blocks: quote prefixes, byte decoding, header decoding, mbox splitting, diff scanning.

import { decodeText, firstInvalidUtf8 } from '../../src/ingest/decode.js';
import { decodeEncodedWords, normaliseAddress, parseContentType } from '../../src/ingest/headers.js';
import { looksLikeMail, splitMbox } from '../../src/ingest/mbox.js';
import { parseQuote, styleOf, unquote } from '../../src/ingest/quote.js';
import { ingest, scanDiffs } from '../../src/ingest/index.js';
import { ingestText } from './helpers.js';

describe('quote prefixes', () => {
  test.each([
    ['> +foo', 1, '+foo'],
    ['> > +foo', 2, '+foo'],
    ['>> +foo', 2, '+foo'],
    ['>  \tctx', 1, ' \tctx'],
    ['>', 1, ''],
    ['> ', 1, ''],
    ['plain', 0, 'plain'],
  ])('%j is depth %i, text %j in "> " style', (line, depth, text) => {
    expect(parseQuote(line).depth).toBe(depth);
    expect(unquote(line, { depth, spaced: depth > 0 })).toBe(text);
  });

  test('without a space after ">", the space is the diff\'s context marker', () => {
    const style = styleOf('>diff --git a/x b/x');
    expect(style).toEqual({ depth: 1, spaced: false });
    expect(unquote('> ctx', style)).toBe(' ctx');
    expect(unquote('>> deeper', style)).toBeUndefined();
    expect(unquote('prose', style)).toBeUndefined();
  });
});

describe('decoding bytes', () => {
  test('finds the first invalid UTF-8 sequence, including overlong and truncated forms', () => {
    expect(firstInvalidUtf8(Buffer.from('ok ü €', 'utf8'))).toBe(Buffer.byteLength('ok ü €'));
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut short
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });

  test('UTF-16 with a BOM (PowerShell redirection) and CRLF are decoded', () => {
    const text = '--- a/x\r\n+++ b/x\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: '--- a/x\n+++ b/x\n' });
    expect(decodeText(Buffer.from('\ufeffabc\r\n')).text).toBe('abc\n');
  });

  test('a UTF-16 diff is ingested', async () => {
    const diff = '--- a/x.c\r\n+++ b/x.c\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n';
    const r = await ingest([{ name: 'ps.diff', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(diff, 'utf16le')]) }]);
    expect(r.errors).toEqual([]);
    expect(r.patches[0].files[0].hunks[0].lines.map((l) => l.text)).toEqual(['a', 'b']);
  });
});

describe('mail headers', () => {
  test('RFC 2047: adjacent words join, multi-byte characters split across words survive', () => {
    expect(decodeEncodedWords('=?UTF-8?B?SsO2?= =?UTF-8?B?cmc=?= Example')).toBe('Jörg Example');
    // "ö" is C3 B6: split between two encoded words.
    expect(decodeEncodedWords('=?utf-8?q?J=C3?= =?utf-8?q?=B6rg?=')).toBe('Jörg');
    expect(decodeEncodedWords('Re: =?iso-8859-1?q?caf=E9?= ok')).toBe('Re: café ok');
    expect(decodeEncodedWords('=?x-unknown?q?abc?=')).toBe('abc');
  });

  test('addresses lose their name quotes', () => {
    expect(normaliseAddress('"Gunthorpe, Logan" <logang@example.org>')).toBe('Gunthorpe, Logan <logang@example.org>');
  });

  test('content types with quoted parameters', () => {
    const ct = parseContentType('multipart/mixed; boundary="a;b"; charset=UTF-8');
    expect(ct.type).toBe('multipart/mixed');
    expect(ct.params.get('boundary')).toBe('a;b');
    expect(parseContentType(undefined).type).toBe('text/plain');
  });
});

describe('mbox splitting', () => {
  test('recognises mail, but not archive pages or diffs', () => {
    expect(looksLikeMail('From abc Mon Sep 17 00:00:00 2001\nFrom: a\nSubject: b\n\nbody')).toBe(true);
    expect(looksLikeMail('Received: from x\n\tby y\nSubject: s\n\nbody')).toBe(true);
    expect(looksLikeMail('Re: [PATCH] scatterlist: x\n\nFrom: Alan\n')).toBe(false);
    expect(looksLikeMail('diff --git a/x b/x\n')).toBe(false);
  });

  test('a "From " body line after a blank line does not split a message', () => {
    const mbox = [
      'From 1 Mon Sep 17 00:00:00 2001',
      'Subject: one',
      '',
      'From here on it works.',
      '',
      'From 2 Mon Sep 17 00:00:00 2001',
      'Subject: two',
      '',
      'body',
    ].join('\n');
    const messages = splitMbox(mbox);
    expect(messages.map((m) => [m.firstLine, mbox.slice(m.start, m.end).split('\n')[0]])).toEqual([
      [2, 'Subject: one'],
      [7, 'Subject: two'],
    ]);
  });
});

describe('scanDiffs', () => {
  test('reports patchLine from the given first line', () => {
    const r = scanDiffs(['intro', '--- a/x.c', '+++ b/x.c', '@@ -1 +1 @@', '-a', '+b'], 100);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].files[0].hunks[0].lines.map((l) => l.patchLine)).toEqual([104, 105]);
    expect(r.groups[0]).toMatchObject({ start: 1, end: 6, style: { depth: 0 } });
  });

  test('a hunk header with no file header before it is an error (unquoted) or a note (quoted)', () => {
    expect(scanDiffs(['@@ -1 +1 @@', '-a', '+b'], 1).issues).toEqual([
      { severity: 'error', message: 'hunk "@@ -1 +1 @@" at line 1 has no file header before it; skipped' },
    ]);
    expect(scanDiffs(['> @@ -1 +1 @@', '> -a', '> +b'], 1).issues[0].severity).toBe('note');
  });

  test('a file header without any hunk is an error', async () => {
    const r = await ingestText('--- a/x.c\n+++ b/x.c\nsome prose\n');
    expect(r.errors.map((e) => e.message)).toEqual(['x.c: file header at line 1 is not followed by a hunk']);
  });

  test('prose between quoted hunks of one file does not end the file; a new quoted message starts a new patch', async () => {
    const text = [
      'On Mon, Bob wrote:',
      '> diff --git a/x.c b/x.c',
      '> --- a/x.c',
      '> +++ b/x.c',
      '> @@ -1,2 +1,2 @@',
      '> -a',
      '> +b',
      '',
      'Comment.',
      '',
      '> @@ -10,1 +10,1 @@',
      '> -c',
      '> +d',
      '',
      'On Tue, Carol wrote:',
      '> diff --git a/y.c b/y.c',
      '> --- a/y.c',
      '> +++ b/y.c',
      '> @@ -5 +5 @@',
      '> -e',
      '> +f',
    ].join('\n');
    const r = await ingestText(text);
    expect(r.errors).toEqual([]);
    expect(r.patches.map((p) => [p.author, p.files.map((f) => [f.newPath, f.hunks.map((h) => h.oldStart)])])).toEqual([
      ['Bob', [['x.c', [1, 10]]]],
      ['Carol', [['y.c', [5]]]],
    ]);
  });
});
