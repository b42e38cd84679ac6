// Builds the synthetic patch series of the benchmark: a cover letter plus N format-patch mails that add new
// drivers or change existing ones, deterministic for a seed, and patch i identical whatever the series length.
import { createRng, deriveSeed, type Rng } from '../prng.js';
import { formatPatchMail, modifyDiff, newFileDiff, seriesPrefix, type FileChange } from '../mbox.js';
import { bodyFunction, driverFile, driverNames, type BodyFunctionOptions, type DriverNames, type GeneratedFunction } from './c-gen.js';

/** The default seed of the benchmark series (any fixed number would do; this one is recorded in results). */
export const DEFAULT_SEED = 0x5eed_2024;

/** Options of {@link generateSeries}. */
export interface SeriesOptions {
  seed: number;
  /** Number of patches (not counting the cover letter); at least 1. */
  patches: number;
}

/** One generated patch mail and its size. */
export interface GeneratedPatch {
  subject: string;
  /** The whole mail, starting with its mbox `From ` line. */
  mail: string;
  files: number;
  /** Diff lines (added, removed and context) of all its files. */
  diffLines: number;
  /** C source lines added. */
  addedLines: number;
}

/** A generated series: the cover letter, the patches, and the mbox joining them. */
export interface GeneratedSeries {
  seed: number;
  cover: string;
  patches: GeneratedPatch[];
  mbox: string;
}

const AUTHORS = [
  'Ana Kovač <ana.kovac@example.org>',
  'Bill Okafor <bokafor@example.com>',
  'Chen Wei <chen.wei@example.net>',
  'Dana Lindqvist <dana@example.org>',
  'Emeka Nwosu <emeka.nwosu@example.com>',
];
const REASONS = [
  'The device can only address a limited number of segments per command, so larger requests must be split before they are mapped.',
  'Peer-to-peer transfers between the NVMe controller memory buffer and this device avoid a bounce through system memory.',
  'The completion path walked the pending list without holding the queue lock, which races with submission on another CPU.',
  'Firmware older than 2.4 rejects descriptors that straddle a 64 KiB boundary; align the segment size accordingly.',
  'Error unwinding in probe left the BAR mapped when the interrupt could not be requested.',
  'Mapping each buffer separately costs an IOTLB flush per request; batch them into one scatterlist instead.',
];

const BASE_DATE = Date.UTC(2025, 2, 3, 9, 0, 0);

function mailDate(index: number): string {
  return new Date(BASE_DATE + index * 97_000).toUTCString().replace('GMT', '+0000');
}

function message(rng: Rng, n: DriverNames, author: string): string {
  const paragraphs = [rng.pick(REASONS)];
  if (rng.chance(0.5)) paragraphs.push(rng.pick(REASONS));
  return `${paragraphs.join('\n\n').replace(/(.{1,72})(\s|$)/g, '$1\n').trim()}\n\nThis is ${n.prefix}, a synthetic benchmark driver.\n\nSigned-off-by: ${author}\n`;
}

function countDiffLines(changes: FileChange[]): number {
  let n = 0;
  for (const c of changes) {
    for (const line of c.diff.split('\n')) if (/^[+\- ]/.test(line) && !/^(\+\+\+|---) /.test(line)) n++;
  }
  return n;
}

/** A patch adding a whole new driver (and, half the time, its Makefile). */
function newDriverPatch(rng: Rng, index: number): { changes: FileChange[]; title: string; names: DriverNames } {
  const names = driverNames(rng, index);
  const file = driverFile(rng, names, rng.int(6, 12), 'P2P-capable DMA engine');
  const changes = [newFileDiff(`${names.dir}/${names.prefix}_main.c`, file.text)];
  if (rng.chance(0.5)) changes.unshift(newFileDiff(`${names.dir}/Makefile`, `obj-$(CONFIG_${names.macro}) += ${names.prefix}.o\n${names.prefix}-y := ${names.prefix}_main.o\n`));
  return { changes, names, title: `add ${names.prefix} driver` };
}

/**
 * A patch changing an existing driver: a new function inserted, and sometimes a debug line added before a
 * function's final return or an allocation flag changed, each rendered with three lines of context.
 */
function changeDriverPatch(
  rng: Rng,
  index: number,
  seed: number,
  options: { parts?: string[]; added?: BodyFunctionOptions } = {},
): { changes: FileChange[]; title: string; names: DriverNames } {
  // The pre-image comes from its own seed so that it does not depend on how many draws the edit makes.
  const baseRng = createRng(deriveSeed(seed ^ 0xba5e, index));
  const names = driverNames(baseRng, index);
  const files = options.parts ?? (rng.chance(0.3) ? ['main', 'dma'] : ['main']);
  const changes: FileChange[] = [];
  let title = '';
  for (const part of files) {
    const base = driverFile(baseRng, names, baseRng.int(8, 14), part === 'main' ? 'P2P-capable DMA engine' : 'DMA helpers');
    const fns = base.functions.map((f) => ({ ...f, lines: [...f.lines] }));
    const used = new Set(fns.map((f) => f.name));
    const added = bodyFunction(rng, names, used, options.added);
    const at = rng.int(0, fns.length - 3); // before the IRQ handler, probe and remove
    fns.splice(at, 0, added);
    title ||= `add ${added.name}()`;
    const candidates = fns.filter((f) => f !== added && f.lines.some((l) => l.includes('*fd') && l.includes('(')));
    if (candidates.length > 0 && rng.chance(0.6)) {
      const target = rng.pick(candidates);
      const ret = target.lines.lastIndexOf('\treturn 0;');
      if (ret > 0) target.lines.splice(ret, 0, `\tdev_dbg(fd->dev, "%s: done\\n", __func__);`);
    }
    if (rng.chance(0.3)) {
      const target = rng.pick(fns.filter((f) => f !== added));
      target.lines = target.lines.map((l) => l.replace('GFP_KERNEL', 'GFP_NOWAIT'));
    }
    const after = rebuild(base.text, base.functions, fns);
    const path = `${names.dir}/${names.prefix}_${part}.c`;
    if (after !== base.text) changes.push(modifyDiff(path, base.text, after));
  }
  return { changes, names, title };
}

/** Replaces the functions of `text` (generated from `before`) with `after`, keeping header and footer. */
function rebuild(text: string, before: GeneratedFunction[], after: GeneratedFunction[]): string {
  const first = text.indexOf(before[0].lines.join('\n'));
  const lastFn = before[before.length - 1].lines.join('\n');
  const end = text.indexOf(lastFn) + lastFn.length;
  if (first < 0 || end < lastFn.length) throw new Error('synthetic series: cannot locate generated functions in their file');
  return text.slice(0, first) + after.map((f) => f.lines.join('\n')).join('\n\n') + text.slice(end);
}

/** Patch `index` (1-based) of a `total`-patch series; depends only on seed and index, apart from numbering. */
export function generatePatch(seed: number, index: number, total: number): GeneratedPatch {
  const rng = createRng(deriveSeed(seed, index));
  const author = rng.pick(AUTHORS);
  const kind = rng.chance(0.3) ? newDriverPatch(rng, index) : changeDriverPatch(rng, index, seed);
  const subsystem = kind.names.dir.split('/').slice(1, 2)[0] ?? 'misc';
  const subject = `${seriesPrefix(index, total)} ${subsystem}: ${kind.names.prefix}: ${kind.title}`;
  const mail = formatPatchMail({ subject, author, date: mailDate(index), message: message(rng, kind.names, author), changes: kind.changes });
  return {
    subject,
    mail,
    files: kind.changes.length,
    diffLines: countDiffLines(kind.changes),
    addedLines: kind.changes.reduce((s, c) => s + c.added, 0),
  };
}

/** Generates a whole series; `generateSeries({seed, patches: 10 * n})` starts with the patches of the `n` series. */
export function generateSeries(options: SeriesOptions): GeneratedSeries {
  if (!Number.isInteger(options.patches) || options.patches < 1) throw new RangeError(`synthetic series: patches must be a positive integer (got ${options.patches})`);
  const patches: GeneratedPatch[] = [];
  for (let i = 1; i <= options.patches; i++) patches.push(generatePatch(options.seed, i, options.patches));
  const cover = formatPatchMail({
    subject: `${seriesPrefix(0, options.patches)} synthetic DMA/P2PDMA driver series`,
    author: AUTHORS[0],
    date: mailDate(0),
    message: `A generated series of ${options.patches} patches for the p2pdma-review benchmark (seed ${options.seed}).\n`,
    changes: [],
  });
  return { seed: options.seed, cover, patches, mbox: cover + patches.map((p) => p.mail).join('') };
}

/** A generated pull request: its files as `git diff` text and each file's content at the head commit. */
export interface GeneratedPullRequest {
  title: string;
  /** `git diff` of the whole pull request. */
  diff: string;
  changes: FileChange[];
}

/**
 * A pull request changing `files` C files of different drivers. The first file always gains a
 * `dma_map_sg()` call with a planted mistake, so the App has a finding to post (a clean PR posts no review).
 */
export function generatePullRequest(seed: number, files: number): GeneratedPullRequest {
  if (!Number.isInteger(files) || files < 1) throw new RangeError(`synthetic pull request: files must be a positive integer (got ${files})`);
  const changes: FileChange[] = [];
  let title = '';
  for (let i = 1; i <= files; i++) {
    const rng = createRng(deriveSeed(seed ^ 0x9e11, i));
    const patch = changeDriverPatch(rng, i, seed, { parts: ['main'], added: i === 1 ? { kind: 'map', bugRate: 1 } : undefined });
    title ||= `${patch.names.prefix}: ${patch.title}`;
    changes.push(...patch.changes);
  }
  return { title, diff: changes.map((c) => c.diff).join(''), changes };
}
