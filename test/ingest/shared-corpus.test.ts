// The real mails next to the repo (../shared): seeds 002/003 must yield their quoted patches and
// every corpus mail must yield a patch without errors. Skipped when ../shared is absent.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, readInputs } from '../../src/ingest/index.js';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SEEDS = join(SHARED, 'seeds');
const CORPUS = join(SHARED, 'corpus', 'real');

const seedsTest = existsSync(SEEDS) ? test : test.skip;
const corpusTest = existsSync(CORPUS) ? test : test.skip;

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing in ${SEEDS}`);
  return join(SEEDS, name);
}

async function ingestPaths(paths: string[]) {
  const read = await readInputs(paths);
  expect(read.errors).toEqual([]);
  return ingest(read.sources);
}

describe('seeds', () => {
  seedsTest('seed 002 (archive page, reply prose inside the quoted diff) yields the quoted patch', async () => {
    const r = await ingestPaths([seed('002_')]);
    expect(r.errors).toEqual([]);
    const quoted = r.patches.filter((p) => p.quoted);
    expect(quoted).toHaveLength(1);
    const p = quoted[0];
    expect(p.subject).toMatchObject({ version: 5, index: 2, total: 5 });
    expect(p.files.map((f) => [f.status, f.newPath])).toEqual([
      ['added', 'include/linux/kmap_pfn.h'],
      ['modified', 'include/linux/mm.h'],
      ['modified', 'mm/Kconfig'],
      ['modified', 'mm/Makefile'],
      ['added', 'mm/kmap_pfn.c'],
    ]);
    // The reviewer's unquoted comments sit inside the quoted mm/kmap_pfn.c hunk; the quote resumes
    // and completes all 117 lines, so numbering runs on without a gap.
    const kmap = p.files[4].hunks[0];
    expect(kmap.lines).toHaveLength(117);
    expect(kmap.lines.map((l) => l.newLine)).toEqual(Array.from({ length: 117 }, (_, i) => i + 1));
    const lines = readFileSync(seed('002_'), 'utf8').split('\n');
    for (const l of kmap.lines) expect(lines[l.patchLine - 1]).toBe(`> +${l.text}`);
  });

  seedsTest('seed 003 (patchwork page) yields the quoted fragments and the unquoted patch', async () => {
    const r = await ingestPaths([seed('003_')]);
    expect(r.errors).toEqual([]);
    const quoted = r.patches.filter((p) => p.quoted);
    expect(quoted.length).toBeGreaterThanOrEqual(1);
    expect(quoted[0].files.map((f) => f.newPath)).toEqual(['include/linux/mm_types.h', 'mm/gup.c']);
    expect(quoted[0].author).toBe('Dan Williams');
    const gup = quoted[0].files[1].hunks[0];
    expect(gup).toMatchObject({ oldStart: 98, newStart: 98, section: 'retry:' });
    expect(gup.lines.find((l) => l.kind === 'del')).toMatchObject({ text: '\tif (unlikely(!page)) {', oldLine: 101 });
    const own = r.patches.filter((p) => !p.quoted);
    expect(own.map((p) => p.files.map((f) => f.newPath))).toEqual([['mm/util.c']]);
    expect(own[0].subject).toMatchObject({ index: 14, total: 15 });
    expect(own[0].files[0].hunks[0].lines.filter((l) => l.kind === 'add')).toHaveLength(3);
  });

  seedsTest('every seed is accounted for: a patch, a note or an error', async () => {
    const r = await ingestPaths([SEEDS]);
    const inputs = new Set([...r.patches, ...r.errors, ...r.notes].map((x) => x.input));
    expect(inputs.size).toBe(r.stats.inputs);
    expect(r.errors.filter((e) => e.message.startsWith('internal error'))).toEqual([]);
    expect(r.stats.quotedPatches).toBeGreaterThanOrEqual(2);
  });
});

describe('real corpus', () => {
  corpusTest('every mail yields at least one patch with files and no errors', async () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.eml')).sort();
    expect(files.length).toBeGreaterThan(0);
    const r = await ingestPaths(files.map((f) => join(CORPUS, f)));
    expect(r.errors).toEqual([]);
    for (const f of files) {
      const patches = r.patches.filter((p) => p.input === join(CORPUS, f));
      expect({ f, found: patches.length > 0 }).toEqual({ f, found: true });
      for (const p of patches) {
        expect(p.files.length).toBeGreaterThanOrEqual(1);
        expect(p.files.some((file) => file.hunks.length > 0)).toBe(true);
      }
    }
  });

  const labelsTest = existsSync(join(CORPUS, 'labels.json')) ? test : test.skip;
  labelsTest('headers agree with the labels taken from the same mails', async () => {
    const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as Array<{
      file: string;
      subject: string;
      message_id: string;
      author: string;
    }>;
    const r = await ingestPaths(labels.map((l) => join(CORPUS, l.file)));
    for (const label of labels) {
      const p = r.patches.find((x) => x.input === join(CORPUS, label.file));
      expect({ file: label.file, subject: p?.subject.raw }).toEqual({ file: label.file, subject: label.subject });
      expect(p?.messageId?.replace(/^<|>$/g, '')).toBe(label.message_id.replace(/^<|>$/g, ''));
      // git's in-body "From:" names the real author when someone else sent the patch.
      if (p?.author !== label.author) {
        expect(readFileSync(join(CORPUS, label.file), 'utf8')).toMatch(new RegExp(`^From: ${escape(p?.author ?? '')}$`, 'm'));
      }
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
