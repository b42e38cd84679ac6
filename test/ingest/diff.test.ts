// Plain unified diffs (GNU diff -urN) and git diff output: renames, copies, new/deleted files,
// mode changes, binary files and `\ No newline at end of file`.

import { readFileSync } from 'node:fs';
import { fileOf, fixture, ingestFixture, ingestText } from './helpers.js';

describe('GNU diff -urN output', () => {
  test('drops the first path component (-p1) and the timestamps', async () => {
    const r = await ingestFixture('diff/plain-gnu.diff');
    expect(r.errors).toEqual([]);
    expect(r.patches).toHaveLength(1);
    const p = r.patches[0];
    expect(p.subject).toEqual({ raw: '', title: '', prefixes: [], isCover: false });
    expect(p.files).toHaveLength(1);
    const f = p.files[0];
    expect(f).toMatchObject({ oldPath: 'drivers/misc/xdma/xdma_core.c', newPath: 'drivers/misc/xdma/xdma_core.c', status: 'modified' });
    const h = f.hunks[0];
    expect(h).toMatchObject({ oldStart: 48, oldLines: 8, newStart: 48, newLines: 8, section: '' });
    expect(h.lines.map((l) => [l.kind, l.oldLine, l.newLine, l.patchLine])).toEqual([
      ['ctx', 48, 48, 5],
      ['ctx', 49, 49, 6],
      ['ctx', 50, 50, 7],
      ['del', 51, undefined, 8],
      ['add', undefined, 51, 9],
      ['add', undefined, 52, 10],
      ['ctx', 52, 53, 11],
      ['del', 53, undefined, 12],
      ['ctx', 54, 54, 13],
      ['ctx', 55, 55, 14],
    ]);
  });
});

describe('git diff with every kind of file change', () => {
  test('reads status and paths of each file', async () => {
    const r = await ingestFixture('diff/git-diff-kinds.diff');
    expect(r.errors).toEqual([]);
    expect(r.patches).toHaveLength(1);
    expect(r.patches[0].files.map((f) => [f.status, f.oldPath, f.newPath, f.binary, f.hunks.length])).toEqual([
      ['deleted', 'Documentation/misc/xdma.rst', null, false, 1],
      ['modified', 'drivers/misc/xdma/Makefile', 'drivers/misc/xdma/Makefile', false, 1],
      ['copied', 'drivers/misc/xdma/xdma_core.c', 'drivers/misc/xdma/xdma2_core.c', false, 1],
      ['modified', 'drivers/misc/xdma/xdma_fw.bin', 'drivers/misc/xdma/xdma_fw.bin', true, 0],
      ['renamed', 'drivers/misc/xdma/xdma.h', 'drivers/misc/xdma/xdma_regs.h', false, 1],
      ['added', null, 'drivers/misc/xdma/xdma_trace.h', false, 1],
      ['modified', 'scripts/xdma-check.sh', 'scripts/xdma-check.sh', false, 0],
    ]);
    expect(r.notes).toEqual([
      { input: 'diff/git-diff-kinds.diff', message: 'drivers/misc/xdma/xdma_fw.bin: binary file change at line 36; its contents are not reviewed' },
    ]);
  });

  test('numbers deleted and added files from line 1', async () => {
    const r = await ingestFixture('diff/git-diff-kinds.diff');
    const deleted = fileOf(r.patches[0], 'Documentation/misc/xdma.rst').hunks[0];
    expect(deleted).toMatchObject({ oldStart: 1, oldLines: 4, newStart: 0, newLines: 0 });
    expect(deleted.lines.map((l) => [l.kind, l.oldLine, l.newLine])).toEqual([
      ['del', 1, undefined],
      ['del', 2, undefined],
      ['del', 3, undefined],
      ['del', 4, undefined],
    ]);
    const added = fileOf(r.patches[0], 'drivers/misc/xdma/xdma_trace.h').hunks[0];
    expect(added.lines.map((l) => l.newLine)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(added.lines[4].text).toBe('#define xdma_trace_map(xd, addr) dev_dbg((xd)->dev, "map %pad\\n", &(addr))');
  });

  test('marks lines followed by "\\ No newline at end of file"', async () => {
    const r = await ingestFixture('diff/git-diff-kinds.diff');
    const h = fileOf(r.patches[0], 'drivers/misc/xdma/Makefile').hunks[0];
    expect(h.lines).toEqual([
      { kind: 'del', text: 'obj-$(CONFIG_XDMA) += xdma_core.o', oldLine: 1, patchLine: 16, noNewlineAtEof: true },
      { kind: 'add', text: 'obj-$(CONFIG_XDMA) += xdma_core.o xdma_trace.o', newLine: 1, patchLine: 18, noNewlineAtEof: true },
    ]);
  });

  test('the renamed file keeps its hunk and function context', async () => {
    const r = await ingestFixture('diff/git-diff-kinds.diff');
    const copy = fileOf(r.patches[0], 'drivers/misc/xdma/xdma2_core.c').hunks[0];
    expect(copy.section).toBe('static void xdma_unmap_sg(struct xdma_dev *xd, struct xdma_req *req)');
    const renamed = fileOf(r.patches[0], 'drivers/misc/xdma/xdma_regs.h').hunks[0];
    expect(renamed.lines.find((l) => l.kind === 'add')).toMatchObject({ text: '#define XDMA_COUNT\t0x18', newLine: 6 });
  });
});

describe('git diff --binary', () => {
  test('a GIT binary patch is a binary file without hunks, and the next file still parses', async () => {
    const r = await ingestFixture('diff/git-binary-patch.diff');
    expect(r.errors).toEqual([]);
    const files = r.patches[0].files;
    expect(files.map((f) => [f.newPath, f.binary, f.hunks.length])).toEqual([
      ['drivers/misc/xdma/Makefile', false, 1],
      ['drivers/misc/xdma/xdma_fw.bin', true, 0],
    ]);
    // Base85 data after the binary patch must not swallow a following text file.
    const text = readFileSync(fixture('diff/git-binary-patch.diff'), 'utf8');
    const second = text.indexOf('diff --git', 1);
    const r2 = await ingestText(text.slice(second) + text.slice(0, second), 'binary-first.diff');
    expect(r2.errors).toEqual([]);
    expect(r2.patches[0].files.map((f) => [f.newPath, f.binary, f.hunks.length])).toEqual([
      ['drivers/misc/xdma/xdma_fw.bin', true, 0],
      ['drivers/misc/xdma/Makefile', false, 1],
    ]);
  });
});

describe('diff details', () => {
  test('hunk headers without counts mean one line', async () => {
    const r = await ingestText('--- a/x.c\n+++ b/x.c\n@@ -5 +5,2 @@ int f(void)\n-a\n+b\n+c\n');
    expect(r.errors).toEqual([]);
    const h = r.patches[0].files[0].hunks[0];
    expect(h).toMatchObject({ oldStart: 5, oldLines: 1, newStart: 5, newLines: 2, section: 'int f(void)' });
    expect(h.lines.map((l) => [l.kind, l.oldLine, l.newLine])).toEqual([
      ['del', 5, undefined],
      ['add', undefined, 5],
      ['add', undefined, 6],
    ]);
  });

  test('a blank line inside an unquoted hunk is a context line whose space was stripped', async () => {
    const r = await ingestText('--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,4 @@\n a\n\n+b\n c\n');
    expect(r.errors).toEqual([]);
    expect(r.patches[0].files[0].hunks[0].lines.map((l) => [l.kind, l.text, l.oldLine, l.newLine])).toEqual([
      ['ctx', 'a', 1, 1],
      ['ctx', '', 2, 2],
      ['add', 'b', undefined, 3],
      ['ctx', 'c', 3, 4],
    ]);
  });

  test('C-quoted git paths are unquoted', async () => {
    const r = await ingestText('diff --git "a/dir/sp\\303\\244ce.c" "b/dir/sp\\303\\244ce.c"\n--- "a/dir/sp\\303\\244ce.c"\n+++ "b/dir/sp\\303\\244ce.c"\n@@ -1 +1 @@\n-a\n+b\n');
    expect(r.errors).toEqual([]);
    expect(r.patches[0].files[0].newPath).toBe('dir/späce.c');
  });

  test('a combined (merge) diff is noted and skipped, not misread as an ordinary diff', async () => {
    const merge = 'diff --cc x.c\nindex 1,2..3\n--- a/x.c\n+++ b/x.c\n@@@ -1,1 -1,1 +1,1 @@@\n- a\n +b\n++c\n';
    const plain = 'diff --git a/y.c b/y.c\n--- a/y.c\n+++ b/y.c\n@@ -1 +1 @@\n-a\n+b\n';
    const r = await ingestText(merge + plain);
    expect(r.errors).toEqual([]);
    expect(r.notes.map((n) => n.message)).toEqual(['combined (merge) diff at line 1 is not supported; skipped']);
    expect(r.patches[0].files.map((f) => f.newPath)).toEqual(['y.c']);
    const only = await ingestText(merge);
    expect(only.errors.map((e) => e.message)).toEqual(['only combined (merge) diffs found; nothing to review']);
  });
});
