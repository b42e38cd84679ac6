// Bad input never throws: each problem is an error naming the input and the reason, and every
// other input (and every other file and hunk) is still processed.

import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, readInputs } from '../../src/ingest/index.js';
import { fixture, ingestFixture, ingestText, source } from './helpers.js';

describe('unreadable inputs', () => {
  test('a missing path is an error with the OS reason', async () => {
    const missing = fixture('bad/does-not-exist.patch');
    const r = await readInputs([missing]);
    expect(r.sources).toEqual([]);
    expect(r.errors).toEqual([{ input: missing, message: 'cannot read: ENOENT: no such file or directory' }]);
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (isRoot ? test.skip : test)('a file without read permission is an error with the OS reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-perm-'));
    const file = join(dir, 'secret.patch');
    writeFileSync(file, 'x');
    chmodSync(file, 0);
    try {
      const r = await readInputs([file]);
      expect(r.errors).toEqual([{ input: file, message: 'cannot read: EACCES: permission denied' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content that is not a usable patch', () => {
  test('text without a diff: "no diff found"', async () => {
    const r = await ingestFixture('bad/not-a-patch.txt');
    expect(r.patches).toEqual([]);
    expect(r.errors).toEqual([{ input: 'bad/not-a-patch.txt', message: 'no diff found' }]);
  });

  test('an empty input', async () => {
    const r = await ingest([{ name: 'empty.patch', data: Buffer.alloc(0) }]);
    expect(r.errors).toEqual([{ input: 'empty.patch', message: 'empty input: no diff found' }]);
  });

  test('binary garbage (NUL bytes) is rejected without trying to parse it', async () => {
    const r = await ingestFixture('bad/nul-bytes.patch');
    expect(r.patches).toEqual([]);
    expect(r.errors).toEqual([
      { input: 'bad/nul-bytes.patch', message: 'binary data (NUL byte at byte offset 7): not a patch, mail or text file' },
    ]);
  });
});

describe('damaged hunks in unquoted patches', () => {
  test('a truncated hunk is an error naming file and hunk; the other file is kept', async () => {
    const r = await ingestFixture('bad/truncated-hunk.patch');
    expect(r.errors).toEqual([
      {
        input: 'bad/truncated-hunk.patch',
        message:
          'drivers/misc/xdma/xdma.h: hunk "@@ -4,6 +4,7 @@" at line 18 is truncated or miscounted: its header counts 6 old / 7 new lines but 5 old / 6 new were found before line 25 ("diff --git a/drivers/misc/xdma/xdma_core.c b/drivers/misc/xdma/xdma_core.c"); hunk skipped',
      },
    ]);
    const p = r.patches[0];
    expect(p.files.map((f) => [f.newPath, f.hunks.length])).toEqual([
      ['drivers/misc/xdma/xdma.h', 0],
      ['drivers/misc/xdma/xdma_core.c', 1],
    ]);
    expect(p.files[1].hunks[0].lines).toHaveLength(14);
  });

  test('a hunk with more lines than its header counts is an error; the next hunk is kept', async () => {
    const r = await ingestFixture('bad/miscounted-hunk.diff');
    expect(r.errors).toEqual([
      {
        input: 'bad/miscounted-hunk.diff',
        message:
          'drivers/misc/xdma/xdma_core.c: hunk "@@ -10,5 +10,7 @@" at line 5 has more lines than its header counts (5 old, 7 new): unexpected line 13 (" "); hunk skipped',
      },
    ]);
    const hunks = r.patches[0].files[0].hunks;
    expect(hunks.map((h) => h.oldStart)).toEqual([30]);
    expect(hunks[0].lines[0].patchLine).toBe(15);
  });

  test('a hunk cut off by the end of the input', async () => {
    const r = await ingestText('diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n a\n-b\n', 'cut.diff');
    expect(r.errors.map((e) => e.message)).toEqual([
      'x.c: hunk "@@ -1,3 +1,3 @@" at line 4 is truncated or miscounted: its header counts 3 old / 3 new lines but 2 old / 1 new were found before the end of the input; hunk skipped',
    ]);
  });

  test('an error inside an mbox names the message', async () => {
    const mbox = readFileSync(fixture('series.mbox'), 'utf8').replace('@@ -20,9 +20,13 @@', '@@ -20,9 +20,14 @@');
    const r = await ingestText(mbox, 'series.mbox');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(
      /^message 3 \("\[PATCH 2\/2\] misc: xdma: use sg_set_page\(\) for request buffers"\) at line 65: drivers\/misc\/xdma\/xdma_core\.c: hunk "@@ -20,9 \+20,14 @@ [^"]*" at line 94 is truncated or miscounted: its header counts 9 old \/ 14 new lines but 9 old \/ 13 new were found before line 109 \("-- "\); hunk skipped$/,
    );
    expect(r.patches).toHaveLength(2);
  });
});

describe('undecodable MIME', () => {
  test('invalid base64 in a part', async () => {
    const r = await ingestFixture('bad/bad-base64.eml');
    expect(r.patches).toEqual([]);
    expect(r.errors).toEqual([
      { input: 'bad/bad-base64.eml', message: 'undecodable MIME: message part 2: invalid base64 (character "*" at offset 58 of the part body)' },
    ]);
  });

  test('a multipart without a boundary', async () => {
    const r = await ingestFixture('bad/no-boundary.eml');
    expect(r.errors).toEqual([
      { input: 'bad/no-boundary.eml', message: 'undecodable MIME: message: multipart/mixed without a boundary parameter' },
    ]);
  });

  test('a boundary that never occurs, and an unknown transfer encoding', async () => {
    const head = 'From: a@example.org\nSubject: [PATCH] x\nMIME-Version: 1.0\n';
    const never = await ingestText(`${head}Content-Type: multipart/mixed; boundary="zz"\n\n--yy\n\ndiff\n`, 'never.eml');
    expect(never.errors.map((e) => e.message)).toEqual(['undecodable MIME: message: multipart/mixed boundary "zz" never occurs in the body']);
    const cte = await ingestText(`${head}Content-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644 x.patch\n`, 'uu.eml');
    expect(cte.errors.map((e) => e.message)).toEqual(['undecodable MIME: message: unsupported Content-Transfer-Encoding "x-uuencode"']);
  });

  test('an unknown charset is an error, but what can be decoded is still reviewed', async () => {
    const mail = [
      'From: a@example.org',
      'Subject: [PATCH] x',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=x-klingon',
      'Content-Transfer-Encoding: 8bit',
      '',
      'msg \xe9',
      '---',
      '--- a/x.c',
      '+++ b/x.c',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '',
    ].join('\n');
    const data = Buffer.from(mail, 'latin1');
    const r = await ingest([{ name: 'klingon.eml', data }]);
    expect(r.errors.map((e) => e.message)).toEqual([
      'MIME: message: unknown charset "x-klingon", decoded as UTF-8',
      `invalid UTF-8 at byte offset ${data.indexOf(0xe9)}; undecodable bytes were replaced with U+FFFD`,
    ]);
    expect(r.patches[0].files[0].hunks).toHaveLength(1);
  });
});

describe('non-UTF-8 bytes', () => {
  test('in a format-patch mail: error with the byte offset, the patch is still read', async () => {
    const raw = readFileSync(fixture('bad/latin1-bytes.patch'));
    const offset = raw.indexOf(0xe9);
    expect(offset).toBe(443);
    const r = await ingestFixture('bad/latin1-bytes.patch');
    expect(r.errors).toEqual([
      { input: 'bad/latin1-bytes.patch', message: 'invalid UTF-8 at byte offset 443; undecodable bytes were replaced with U+FFFD' },
    ]);
    expect(r.patches).toHaveLength(1);
    expect(r.patches[0].body).toContain('Tested-by: Jos\uFFFD Example');
    expect(r.patches[0].files[0].hunks).toHaveLength(2);
  });

  test('in an 8bit MIME part that claims to be UTF-8', async () => {
    const head = 'From: a@example.org\nSubject: [PATCH] x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n';
    const part = 'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nmsg Jos\xe9\n---\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n--b--\n';
    const data = Buffer.from(head + part, 'latin1');
    const r = await ingest([{ name: 'm.eml', data }]);
    expect(r.errors).toEqual([{ input: 'm.eml', message: `invalid UTF-8 at byte offset ${data.indexOf(0xe9)}; undecodable bytes were replaced with U+FFFD` }]);
    expect(r.patches[0].files[0].hunks).toHaveLength(1);
  });

  test('in a plain diff', async () => {
    const data = Buffer.concat([Buffer.from('--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b /* '), Buffer.from([0xff, 0xfe]), Buffer.from(' */\n')]);
    expect(data.indexOf(0xff)).toBe(41);
    const r = await ingest([{ name: 'x.diff', data }]);
    expect(r.errors).toEqual([{ input: 'x.diff', message: 'invalid UTF-8 at byte offset 41; undecodable bytes were replaced with U+FFFD' }]);
    expect(r.patches[0].files[0].hunks[0].lines[1].text).toBe('b /* \uFFFD\uFFFD */');
  });
});

describe('one bad input does not stop the others', () => {
  test('good and bad inputs together, in order', async () => {
    const r = await ingest([
      source('bad/nul-bytes.patch'),
      source('format-patch/0001-misc-xdma-check-the-bounce-buffer-mapping.patch'),
      source('bad/not-a-patch.txt'),
      source('diff/plain-gnu.diff'),
    ]);
    expect(r.errors.map((e) => e.input)).toEqual(['bad/nul-bytes.patch', 'bad/not-a-patch.txt']);
    expect(r.patches.map((p) => p.id)).toEqual([
      'format-patch/0001-misc-xdma-check-the-bounce-buffer-mapping.patch#0',
      'diff/plain-gnu.diff#0',
    ]);
    expect(r.stats.inputs).toBe(4);
  });
});
