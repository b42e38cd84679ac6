// readInputs: files, recursive directory walks in path order, and `-` for standard input.

import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ingest, readInputs } from '../../src/ingest/index.js';
import { fixture } from './helpers.js';

describe('readInputs', () => {
  test('walks a directory recursively: only patch-like names, hidden entries skipped, sorted by path', async () => {
    const dir = fixture('walk');
    const r = await readInputs([dir]);
    expect(r.errors).toEqual([]);
    expect(r.sources.map((s) => s.name.slice(dir.length + 1))).toEqual([
      'a.diff',
      'b/01-first.mbox',
      'b/02-second.patch',
      'b/10-tenth.txt',
      'c/d/03.EML',
    ]);
    expect(r.sources[0].data.toString()).toContain('drivers/walk/a.c');
  });

  test('keeps argument order and names files as given', async () => {
    const a = fixture('walk/b/02-second.patch');
    const b = fixture('walk/a.diff');
    const r = await readInputs([a, b, a]);
    expect(r.sources.map((s) => s.name)).toEqual([a, b]);
  });

  test('a file named explicitly is read whatever its name', async () => {
    const r = await readInputs([fixture('walk/c/notes.md')]);
    expect(r.errors).toEqual([]);
    expect(r.sources).toHaveLength(1);
  });

  test('a directory without patch files is an error, not a silent skip', async () => {
    const dir = fixture('walk-empty');
    const r = await readInputs([dir]);
    expect(r.sources).toEqual([]);
    expect(r.errors).toEqual([{ input: dir, message: 'directory contains no *.patch, *.diff, *.eml, *.mbox, *.txt files' }]);
  });

  test('"-" reads the given stdin stream once', async () => {
    const patch = '--- a/s.c\n+++ b/s.c\n@@ -1 +1 @@\n-a\n+b\n';
    const stdin = Readable.from([Buffer.from(patch.slice(0, 10)), Buffer.from(patch.slice(10))]);
    const r = await readInputs(['-', fixture('walk/a.diff'), '-'], { stdin });
    expect(r.errors).toEqual([]);
    expect(r.sources.map((s) => s.name)).toEqual(['-', fixture('walk/a.diff')]);
    expect(r.sources[0].data.toString()).toBe(patch);
    const result = await ingest(r.sources);
    expect(result.patches[0].id).toBe('-#0');
    expect(result.patches[0].files[0].newPath).toBe('s.c');
  });

  test('a failing stdin stream is an error', async () => {
    const stdin = new Readable({
      read() {
        this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
      },
    });
    const r = await readInputs(['-'], { stdin });
    expect(r.sources).toEqual([]);
    expect(r.errors).toEqual([{ input: '-', message: 'cannot read standard input: EIO: i/o error, read' }]);
  });

  test('symlink loops and dangling links do not hang or vanish', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-walk-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'x.patch'), '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n');
      symlinkSync(dir, join(dir, 'sub', 'loop'));
      symlinkSync(join(dir, 'missing.patch'), join(dir, 'dangling.patch'));
      const r = await readInputs([dir]);
      expect(r.sources.map((s) => s.name)).toEqual([join(dir, 'sub', 'x.patch')]);
      expect(r.errors).toEqual([{ input: join(dir, 'dangling.patch'), message: 'cannot read: ENOENT: no such file or directory' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
