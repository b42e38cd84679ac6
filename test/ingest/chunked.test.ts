// Reading inputs a piece at a time: where an mbox's chunks break must not change its messages, a file is read
// by ranges (and an input that shrinks while read is an error, not a silently short patch), and ingesting a
// file through its descriptor gives exactly what ingesting its bytes gives.

import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyIngestProgress, ingest, ingestStream, listInputs } from '../../src/ingest/index.js';
import { CHUNK_BYTES, bufferBytes, chunksOf, fileBytes } from '../../src/ingest/input-bytes.js';
import { MboxSplitter, splitMbox } from '../../src/ingest/mbox.js';
import type { Patch } from '../../src/types.js';
import { fixture } from './helpers.js';

/** An mbox with the separator cases splitMbox tells apart: CRLF lines, a body "From " line, a last line without a newline. */
const TRICKY = [
  'From 1 Mon Sep 17 00:00:00 2001',
  'Subject: one',
  '',
  'From here on it works.',
  '',
  'From 2 Mon Sep 17 00:00:00 2001\r',
  'Subject: two\r',
  '\r',
  'body\r',
  '',
  'From not-a-separator',
  'still body',
  '',
  'From 3 Mon Sep 17 00:00:00 2001',
  'From: someone <a@b.c>',
  '',
  'last line without newline',
].join('\n');

function splitInPieces(text: string, size: number) {
  const splitter = new MboxSplitter();
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  return splitter.finish();
}

describe('MboxSplitter', () => {
  const series = readFileSync(fixture('series.mbox'), 'latin1');

  test.each([1, 2, 3, 5, 13, 64, 1000])('pieces of %i characters give the messages of the whole text', (size) => {
    expect(splitInPieces(TRICKY, size)).toEqual(splitMbox(TRICKY));
    expect(splitInPieces(series, size)).toEqual(splitMbox(series));
  });

  test('the tricky mbox has the three messages the separator rules give', () => {
    const messages = splitMbox(TRICKY);
    expect(messages.map((m) => [m.firstLine, TRICKY.slice(m.start, m.end).split('\n')[0]])).toEqual([
      [2, 'Subject: one'],
      [7, 'Subject: two\r'],
      [15, 'From: someone <a@b.c>'],
    ]);
    expect(messages[2].end).toBe(TRICKY.length);
  });

  test('empty input and input without separators are one message', () => {
    expect(splitInPieces('', 4)).toEqual([{ start: 0, end: 0, firstLine: 1, fromMbox: false }]);
    expect(splitInPieces('Subject: x\n\nbody\n', 3)).toEqual([{ start: 0, end: 17, firstLine: 1, fromMbox: false }]);
  });
});

describe('input bytes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'input-bytes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a file is read by ranges and in chunks that cover it exactly', () => {
    const file = join(dir, 'x.bin');
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    writeFileSync(file, data);
    const bytes = fileBytes(file);
    try {
      expect(bytes.size).toBe(1000);
      expect(bytes.read(10, 20)).toEqual(data.subarray(10, 20));
      const chunks = [...chunksOf(bytes, 300)];
      expect(chunks.map((c) => [c.offset, c.chunk.length])).toEqual([[0, 300], [300, 300], [600, 300], [900, 100]]);
      expect(Buffer.concat(chunks.map((c) => c.chunk))).toEqual(data);
    } finally {
      bytes.close();
    }
    expect(() => bytes.read(0, 1)).toThrow(/read after close/);
  });

  test('a file that shrinks while it is read is an error naming it', () => {
    const file = join(dir, 'shrinks.mbox');
    writeFileSync(file, 'x'.repeat(100));
    const bytes = fileBytes(file);
    truncateSync(file, 10);
    try {
      expect(() => bytes.read(0, 100)).toThrow('the file became shorter while it was being read (100 bytes when opened, 10 now)');
    } finally {
      bytes.close();
    }
  });

  test('a missing file fails when opened, with the OS error', () => {
    expect(() => fileBytes(join(dir, 'missing.mbox'))).toThrow(/ENOENT/);
  });

  test('bytes in memory are views, not copies', () => {
    const data = Buffer.from('abcdef');
    expect(bufferBytes(data).read(1, 3).buffer).toBe(data.buffer);
  });

  test('an mbox larger than one chunk, read from its file, gives what its bytes give', async () => {
    // Enough copies of the fixture series that message boundaries fall on both sides of chunk breaks.
    const one = readFileSync(fixture('series.mbox'));
    const copies = Math.ceil((1.5 * CHUNK_BYTES) / one.length);
    const file = join(dir, 'big.mbox');
    writeFileSync(file, Buffer.concat(Array.from({ length: copies }, () => one)));
    const listed = await listInputs([file]);
    const progress = emptyIngestProgress();
    const patches: Patch[] = [];
    for await (const p of ingestStream(listed.inputs, progress)) patches.push(p);
    const whole = await ingest([{ name: file, data: readFileSync(file) }]);
    expect({ patches, ...progress }).toEqual(whole);
    const perCopy = (await ingest([{ name: file, data: one }])).patches.length;
    expect(patches.length).toBe(copies * perCopy);
  });

  test('a file that changes size under ingest is reported against it, and later inputs are still read', async () => {
    const file = join(dir, 'changing.mbox');
    writeFileSync(file, readFileSync(fixture('series.mbox')));
    const other = fixture('walk/a.diff');
    const listed = await listInputs([file, other]);
    const [first, second] = listed.inputs;
    const bytes = await first.read();
    truncateSync(file, 100);
    const progress = emptyIngestProgress();
    const patches: Patch[] = [];
    for await (const p of ingestStream([{ name: first.name, read: async () => bytes }, second], progress)) patches.push(p);
    expect(progress.errors).toEqual([
      { input: file, message: 'the file became shorter while it was being read (3533 bytes when opened, 100 now)' },
    ]);
    expect(patches.map((p) => p.input)).toEqual([other]);
  });
});
