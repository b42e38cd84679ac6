// applyHunks (post-image from a full pre-image, for --tree) and readTreeFile (path-escape guard).

import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyHunks, readTreeFile } from '../../src/ingest/index.js';
import type { FileDiff } from '../../src/types.js';
import { fileOf, fixture, ingestFixture } from './helpers.js';

const TREE = fixture('tree');
const CORE = 'drivers/misc/xdma/xdma_core.c';

async function patchFile(rel: string, path: string, ordinal = 0): Promise<FileDiff> {
  const r = await ingestFixture(rel);
  return fileOf(r.patches[ordinal], path);
}

function ok(result: { text: string } | { error: string }): string {
  if ('error' in result) throw new Error(result.error);
  return result.text;
}

describe('applyHunks', () => {
  test('applies a format-patch to the tree file and yields the committed post-image', async () => {
    const pre = await readTreeFile(TREE, CORE);
    expect(pre).toBeDefined();
    const file = await patchFile('format-patch/0001-misc-xdma-check-the-bounce-buffer-mapping.patch', CORE);
    expect(ok(applyHunks(pre!, file))).toBe(readFileSync(fixture('tree-expected/xdma_core.c.after-0001'), 'utf8'));
  });

  test('applies the next patch of the series on top', async () => {
    const pre = readFileSync(fixture('tree-expected/xdma_core.c.after-0001'), 'utf8');
    const file = await patchFile('series.mbox', CORE, 1);
    expect(ok(applyHunks(pre, file))).toBe(readFileSync(fixture('tree-expected/xdma_core.c.after-0002'), 'utf8'));
  });

  test('finds hunks at an offset when the tree has moved on', async () => {
    const pre = (await readTreeFile(TREE, CORE))!;
    const extra = '/* one */\n/* two */\n/* three */\n';
    const file = await patchFile('format-patch/0001-misc-xdma-check-the-bounce-buffer-mapping.patch', CORE);
    const expected = readFileSync(fixture('tree-expected/xdma_core.c.after-0001'), 'utf8');
    expect(ok(applyHunks(extra + pre, file))).toBe(extra + expected);
  });

  test('reports the first hunk whose lines are not in the file', async () => {
    const pre = (await readTreeFile(TREE, CORE))!.replace('req->nents, DMA_TO_DEVICE);\n}', 'req->nents, DMA_FROM_DEVICE);\n}');
    const file = await patchFile('format-patch/0001-misc-xdma-check-the-bounce-buffer-mapping.patch', CORE);
    expect(applyHunks(pre, file)).toEqual({ error: 'hunk 2 does not apply at line 30' });
  });

  test('hunks apply in order: a hunk whose lines only occur before the previous one fails', () => {
    const line = (text: string, oldLine: number, newLine: number, patchLine: number) => ({ kind: 'ctx' as const, text, oldLine, newLine, patchLine });
    const file: FileDiff = {
      oldPath: 'x.c',
      newPath: 'x.c',
      status: 'modified',
      binary: false,
      hunks: [
        { oldStart: 3, oldLines: 1, newStart: 3, newLines: 1, section: '', lines: [line('c', 3, 3, 1)] },
        { oldStart: 4, oldLines: 1, newStart: 4, newLines: 1, section: '', lines: [line('a', 4, 4, 2)] },
      ],
    };
    expect(applyHunks('a\nb\nc\nd\n', file)).toEqual({ error: 'hunk 2 does not apply at line 4' });
  });

  test('new, deleted, renamed and no-newline-at-end files', async () => {
    const kinds = 'diff/git-diff-kinds.diff';
    const added = await patchFile(kinds, 'drivers/misc/xdma/xdma_trace.h');
    expect(ok(applyHunks('', added))).toBe(added.hunks[0].lines.map((l) => `${l.text}\n`).join(''));
    const deleted = await patchFile(kinds, 'Documentation/misc/xdma.rst');
    expect(ok(applyHunks('XDMA example engine\n===================\n\nNothing to see.\n', deleted))).toBe('');
    const renamed = await patchFile(kinds, 'drivers/misc/xdma/xdma_regs.h');
    const header = readFileSync(fixture('tree/drivers/misc/xdma/xdma.h'), 'utf8').replace('#define XDMA_COUNT\t0x14\n', '#define XDMA_COUNT\t0x14\n#define XDMA_MAX_SEGS\t8\n');
    expect(ok(applyHunks(header, renamed))).toBe(header.replace('0x14', '0x18'));
    const makefile = await patchFile(kinds, 'drivers/misc/xdma/Makefile');
    const pre = (await readTreeFile(TREE, 'drivers/misc/xdma/Makefile'))!;
    expect(pre.endsWith('\n')).toBe(false);
    expect(ok(applyHunks(pre, makefile))).toBe('obj-$(CONFIG_XDMA) += xdma_core.o xdma_trace.o');
    // Adding the final newline: the new side is not marked.
    const withNewline: FileDiff = { ...makefile, hunks: [{ ...makefile.hunks[0], lines: makefile.hunks[0].lines.map((l) => (l.kind === 'add' ? { ...l, noNewlineAtEof: undefined } : l)) }] };
    expect(ok(applyHunks(pre, withNewline))).toBe('obj-$(CONFIG_XDMA) += xdma_core.o xdma_trace.o\n');
  });

  test('a binary file cannot be applied', async () => {
    const bin = await patchFile('diff/git-diff-kinds.diff', 'drivers/misc/xdma/xdma_fw.bin');
    expect(applyHunks('', bin)).toEqual({ error: 'drivers/misc/xdma/xdma_fw.bin: binary file; hunks cannot be applied' });
  });

  test('a quoted hunk cut short applies with the lines it has', async () => {
    const r = await ingestFixture('quoted/reply-trimmed.eml');
    const file = r.patches[0].files[0];
    const post = ok(applyHunks((await readTreeFile(TREE, CORE))!, file));
    expect(post).toContain('\tif (dma_mapping_error(xd->dev, xd->buf_dma))\n\t\treturn -ENOMEM;\n\treturn 0;');
    expect(post).toContain('req->nents, DMA_TO_DEVICE);'); // the dropped part is not applied
  });
});

describe('readTreeFile', () => {
  test('reads files of the tree and returns undefined for missing files and directories', async () => {
    expect(await readTreeFile(TREE, 'drivers/misc/xdma/xdma.h')).toContain('struct xdma_dev {');
    expect(await readTreeFile(TREE, 'drivers/misc/xdma/nope.c')).toBeUndefined();
    expect(await readTreeFile(TREE, 'drivers/misc')).toBeUndefined();
  });

  test('refuses paths that leave the tree', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-tree-'));
    try {
      mkdirSync(join(root, 'tree', 'drivers'), { recursive: true });
      writeFileSync(join(root, 'secret.c'), 'secret');
      writeFileSync(join(root, 'tree', 'drivers', 'ok.c'), 'ok');
      symlinkSync(join(root, 'secret.c'), join(root, 'tree', 'drivers', 'link.c'));
      const tree = join(root, 'tree');
      expect(await readTreeFile(tree, 'drivers/ok.c')).toBe('ok');
      expect(await readTreeFile(tree, '../secret.c')).toBeUndefined();
      expect(await readTreeFile(tree, 'drivers/../../secret.c')).toBeUndefined();
      expect(await readTreeFile(tree, join(root, 'secret.c'))).toBeUndefined();
      expect(await readTreeFile(tree, 'drivers/link.c')).toBeUndefined();
      expect(await readTreeFile(tree, '')).toBeUndefined();
      expect(await readTreeFile(tree, 'drivers/ok.c\0')).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
