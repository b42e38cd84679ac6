// Prepares the benchmark's input sets: the real-mail corpus (read in place), the kernel-derived series and
// large patch (written to the cache), and the synthetic series at several scales (written to the cache).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { PATCH_FILE_EXTENSIONS } from '../src/ingest/read-inputs.js';
import { formatPatchMail, newFileDiff, seriesPrefix, type FileChange } from './mbox.js';
import { generateSeries, type GeneratedSeries } from './synthetic/series.js';

/** One set of inputs every measurement runs on. */
export interface InputSet {
  /** Stable key in results (`large-patch`, `corpus`, `kernel-series`, `synthetic-x10`). */
  id: string;
  label: string;
  /** What the CLI, checkpatch and the floor are given (files or directories). */
  paths: string[];
  /** The input files after directory expansion, in order. */
  files: string[];
  /**
   * What checkpatch.pl reads: `files`, except that a generated mbox is given as one file per patch, as
   * `git format-patch` writes them (checkpatch takes a whole mbox for one patch and slows down superlinearly).
   */
  checkpatchFiles: string[];
  bytes: number;
  /** Generated mbox: latency runs split it into its mails (one review per patch). */
  splitMbox: boolean;
  /** Extra facts for the report (files skipped and why, seed). */
  notes: string[];
}

/**
 * Files of a directory the CLI would review (same extensions, hidden entries skipped), recursively and
 * sorted, so checkpatch and the floor read exactly the files the CLI reads.
 */
export function listInputFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (PATCH_FILE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function sizeOf(files: string[]): number {
  return files.reduce((s, f) => s + statSync(f).size, 0);
}

/** The real patches of `../shared/corpus/real/`, read where they are; undefined (with a reason) when absent. */
export function corpusSet(dir: string): InputSet | { skip: string } {
  if (!existsSync(dir)) return { skip: `corpus: ${dir} does not exist (it ships with the team's shared folder, not with this repository)` };
  const files = listInputFiles(dir);
  if (files.length === 0) return { skip: `corpus: ${dir} holds no *.patch/*.diff/*.eml/*.mbox/*.txt files` };
  return { id: 'corpus', label: `real mails (${files.length} files)`, paths: [dir], files, checkpatchFiles: files, bytes: sizeOf(files), splitMbox: false, notes: [] };
}

const DECODER = new TextDecoder('utf-8', { fatal: true });

/** The directories whose C files make up the kernel series (issue 6). */
export const SERIES_DIRS = ['lib', 'kernel/dma', 'drivers/pci', 'mm'];

/** The six files of the "one large patch": P2PDMA provider, DMA mapping core, dma-direct, scatterlist, dma-iommu, memremap. */
export const LARGE_PATCH_FILES = ['drivers/pci/p2pdma.c', 'kernel/dma/mapping.c', 'kernel/dma/direct.c', 'lib/scatterlist.c', 'drivers/iommu/dma-iommu.c', 'mm/memremap.c'];

function cFilesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (name.endsWith('.c')) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return out;
}

/** Reads a kernel file as UTF-8 text, or says why it cannot go into a patch. */
function readKernelFile(root: string, path: string): { text: string } | { skip: string } {
  const buf = readFileSync(join(root, path));
  if (buf.length === 0) return { skip: 'empty' };
  try {
    return { text: DECODER.decode(buf) };
  } catch {
    // A handful of old files carry Latin-1 author names; the pipeline would report them as undecodable.
    return { skip: 'not UTF-8' };
  }
}

const KERNEL_AUTHOR = 'Benchmark Generator <bench@example.org>';
const KERNEL_DATE = 'Mon, 3 Mar 2025 09:00:00 +0000';

/**
 * Every C file under lib/, kernel/dma/, drivers/pci/ and mm/ as a new-file patch, one mbox in `cacheDir`.
 * Files that are empty or not UTF-8 are left out and counted in the notes.
 */
export function kernelSeriesSet(kernelDir: string, cacheDir: string): InputSet {
  const paths = SERIES_DIRS.flatMap((d) => cFilesUnder(kernelDir, d));
  const changes: FileChange[] = [];
  const skipped = new Map<string, string[]>();
  for (const p of paths) {
    const r = readKernelFile(kernelDir, p);
    if ('skip' in r) skipped.set(r.skip, [...(skipped.get(r.skip) ?? []), p]);
    else changes.push(newFileDiff(p, r.text));
  }
  if (changes.length === 0) throw new Error(`kernel series: no readable C file under ${SERIES_DIRS.join(', ')} of ${kernelDir}`);
  const mails = changes.map((c, i) =>
    formatPatchMail({
      subject: `${seriesPrefix(i + 1, changes.length)} ${dirname(c.path)}: add ${basename(c.path)}`,
      author: KERNEL_AUTHOR,
      date: KERNEL_DATE,
      message: `Add ${c.path} of Linux 6.12 as a new file: benchmark input.\n\nSigned-off-by: ${KERNEL_AUTHOR}\n`,
      changes: [c],
    }),
  );
  const file = join(cacheDir, 'kernel-series.mbox');
  writeFileSync(file, mails.join(''));
  const checkpatchFiles = writePatchFiles(mails, join(cacheDir, 'kernel-series.patches'));
  const lines = changes.reduce((s, c) => s + c.added, 0);
  const notes = [`${changes.length} C files (${lines} lines) from ${SERIES_DIRS.join(', ')} of ${kernelDir}`];
  for (const [why, list] of skipped) notes.push(`left out (${why}): ${list.join(', ')}`);
  return { id: 'kernel-series', label: `kernel series (${changes.length} patches)`, paths: [file], files: [file], checkpatchFiles, bytes: statSync(file).size, splitMbox: true, notes };
}

/** One patch adding the six P2PDMA/DMA/scatterlist files (~6,600 lines), written to `cacheDir`. */
export function largePatchSet(kernelDir: string, cacheDir: string): InputSet {
  const changes = LARGE_PATCH_FILES.map((p) => {
    const r = readKernelFile(kernelDir, p);
    if ('skip' in r) throw new Error(`large patch: ${join(kernelDir, p)} is ${r.skip}`);
    return newFileDiff(p, r.text);
  });
  const mail = formatPatchMail({
    subject: '[PATCH] p2pdma, dma-mapping, scatterlist: add the P2PDMA data path in one patch',
    author: KERNEL_AUTHOR,
    date: KERNEL_DATE,
    message: `Add ${LARGE_PATCH_FILES.join(', ')} of Linux 6.12 as new files: benchmark input.\n\nSigned-off-by: ${KERNEL_AUTHOR}\n`,
    changes,
  });
  const file = join(cacheDir, 'large-patch.patch');
  writeFileSync(file, mail);
  const lines = changes.reduce((s, c) => s + c.added, 0);
  return { id: 'large-patch', label: `one large patch (6 files, ${lines} lines)`, paths: [file], files: [file], checkpatchFiles: [file], bytes: statSync(file).size, splitMbox: false, notes: [] };
}

/** The synthetic series scaled `scale`× from `basePatches` patches, written to `cacheDir`. */
export function syntheticSet(seed: number, basePatches: number, scale: number, cacheDir: string): InputSet & { series: GeneratedSeries } {
  const series = generateSeries({ seed, patches: basePatches * scale });
  const file = join(cacheDir, `synthetic-x${scale}.mbox`);
  writeFileSync(file, series.mbox);
  const lines = series.patches.reduce((s, p) => s + p.diffLines, 0);
  return {
    id: `synthetic-x${scale}`,
    label: `synthetic ${scale}× (${series.patches.length} patches)`,
    paths: [file],
    files: [file],
    checkpatchFiles: writePatchFiles(series.patches.map((p) => p.mail), join(cacheDir, `synthetic-x${scale}.patches`)),
    bytes: statSync(file).size,
    splitMbox: true,
    notes: [`seed ${seed}, ${series.patches.length} patches + cover letter, ${lines} diff lines`],
    series,
  };
}

/** Writes each mail to `dir/NNNN.patch` (the directory is emptied first), as git format-patch names them. */
function writePatchFiles(mails: string[], dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return mails.map((mail, i) => {
    const file = join(dir, `${String(i + 1).padStart(4, '0')}.patch`);
    writeFileSync(file, mail);
    return file;
  });
}

/** Splits a generated mbox into its mails (each starts with a `From <40 hex> ` line), dropping `[PATCH 0/N]`. */
export function splitMbox(text: string): string[] {
  const mails = text.split(/^(?=From [0-9a-f]{40} )/m).filter((m) => m.startsWith('From '));
  return mails.filter((m) => !/^Subject: \[PATCH[^\]]* 0+\/\d+\]/m.test(m));
}
