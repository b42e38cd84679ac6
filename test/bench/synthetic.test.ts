// The synthetic benchmark series: deterministic for a seed, stable per patch index, shaped like real
// format-patch mail, and realistic kernel C (tree-sitter finds every function, with few ERROR nodes).
import { parseC, type SyntaxNode } from '../../src/c/parser.js';
import { applyPatch } from 'diff';
import { createRng } from '../../bench/prng.js';
import { modifyDiff, newFileDiff } from '../../bench/mbox.js';
import { splitMbox } from '../../bench/inputs.js';
import { driverFile, driverNames } from '../../bench/synthetic/c-gen.js';
import { generatePullRequest, generateSeries } from '../../bench/synthetic/series.js';
import { ingest } from '../../src/ingest/index.js';

// The native binding is shared through src/c/parser.ts: loading it again in a jest worker breaks it.

function countErrors(text: string): { errors: number; functions: string[] } {
  const { tree } = parseC(text);
  let errors = 0;
  const functions: string[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.type === 'ERROR') errors++;
    if (n.type === 'function_definition') {
      let d = n.childForFieldName('declarator');
      while (d && d.type !== 'identifier') d = d.childForFieldName('declarator');
      if (d) functions.push(d.text);
    }
    for (const c of n.children) visit(c);
  };
  visit(tree.rootNode);
  return { errors, functions };
}

/** Post-images (context + added lines) of the C files of one mail. */
function postImages(mail: string): string[] {
  const out: string[] = [];
  let cur: string[] | undefined;
  for (const line of mail.split('\n')) {
    if (line.startsWith('diff --git ')) {
      if (cur) out.push(cur.join('\n'));
      cur = /\.c$/.test(line) ? [] : undefined;
    } else if (cur && !line.startsWith('+++') && !line.startsWith('---') && (line.startsWith('+') || line.startsWith(' '))) cur.push(line.slice(1));
  }
  if (cur) out.push(cur.join('\n'));
  return out;
}

describe('generateSeries', () => {
  const series = generateSeries({ seed: 11, patches: 12 });

  test('is deterministic for a seed and differs between seeds', () => {
    expect(generateSeries({ seed: 11, patches: 12 }).mbox).toBe(series.mbox);
    expect(generateSeries({ seed: 12, patches: 12 }).mbox).not.toBe(series.mbox);
  });

  test('patch i is the same whatever the series length (only its numbering changes)', () => {
    const longer = generateSeries({ seed: 11, patches: 120 });
    // Numbering and the commit id (a hash that covers the subject) are the only differences.
    const strip = (m: string) => m.replace(/^From [0-9a-f]{40} /m, 'From X ').replace(/\[PATCH \d+\/\d+\]/, '[PATCH]');
    for (let i = 0; i < series.patches.length; i++) expect(strip(longer.patches[i].mail)).toBe(strip(series.patches[i].mail));
  });

  test('is a cover letter plus N format-patch mails that the project’s ingest reads without errors', async () => {
    expect(series.mbox.startsWith(series.cover)).toBe(true);
    expect(splitMbox(series.mbox)).toHaveLength(12);
    const result = await ingest([{ name: 'synthetic.mbox', data: Buffer.from(series.mbox) }]);
    expect(result.errors).toEqual([]);
    expect(result.patches).toHaveLength(12);
    expect(result.stats.coverLetters).toBe(1);
    expect(result.patches.map((p) => p.subject.index)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const fileCount = series.patches.reduce((s, p) => s + p.files, 0);
    expect(result.stats.files).toBe(fileCount);
  });

  test('mixes new drivers and changes to existing ones, with planted mistakes in some functions', () => {
    const big = generateSeries({ seed: 11, patches: 80 });
    const mails = big.patches.map((p) => p.mail);
    expect(mails.some((m) => m.includes('new file mode'))).toBe(true);
    expect(mails.filter((m) => /^@@ -\d+,\d+ \+\d+,\d+ @@ \S/m.test(m)).length).toBeGreaterThan(40);
    expect(mails.some((m) => m.includes('+\tif (count < 0)') || m.includes('dma_unmap_sg(fd->dev, req->sgl, count,'))).toBe(true);
    expect(mails.some((m) => m.includes('sg_set_buf(sg, fd->bar'))).toBe(true);
    // Mostly correct code: far fewer planted mistakes than functions.
    const bad = mails.join('').split('if (count < 0)').length - 1;
    const mapped = mails.join('').split('= dma_map_sg(').length - 1;
    expect(bad).toBeLessThan(mapped / 2);
  });

  test('rejects a non-positive patch count', () => {
    expect(() => generateSeries({ seed: 1, patches: 0 })).toThrow(/positive integer/);
  });
});

describe('generated C', () => {
  test('tree-sitter-c finds every generated function, with at most one ERROR node per 100 lines', () => {
    let lines = 0;
    let errors = 0;
    for (let i = 0; i < 20; i++) {
      const rng = createRng(1000 + i);
      const names = driverNames(rng, i);
      const file = driverFile(rng, names, 10, 'test driver');
      const parsed = countErrors(file.text);
      expect(parsed.functions).toEqual(file.functions.map((f) => f.name));
      lines += file.text.split('\n').length;
      errors += parsed.errors;
    }
    // Real kernel files have a few (sparse annotations such as __iomem in struct members); so do these.
    expect(errors).toBeLessThanOrEqual(lines / 100);
  });

  test('whole changed files (post-images) parse with at most one ERROR node per 100 lines', () => {
    const pr = generatePullRequest(5, 30);
    let lines = 0;
    let errors = 0;
    for (const c of pr.changes) {
      lines += c.after.split('\n').length;
      errors += countErrors(c.after).errors;
    }
    expect(lines).toBeGreaterThan(5000);
    expect(errors).toBeLessThanOrEqual(lines / 100);
  });

  test('the hunks of a series parse with errors only where fragments are cut (a few per hunk)', () => {
    const series = generateSeries({ seed: 5, patches: 30 });
    let hunks = 0;
    let errors = 0;
    for (const p of series.patches) {
      hunks += p.mail.split('\n@@ ').length - 1;
      for (const text of postImages(p.mail)) errors += countErrors(text).errors;
    }
    expect(hunks).toBeGreaterThan(30);
    // A hunk starts and ends mid-function (an unmatched brace at either edge), nothing else may fail.
    expect(errors).toBeLessThanOrEqual(3 * hunks);
  });
});

describe('diff rendering', () => {
  test('a modification diff applies to the pre-image and yields the post-image', () => {
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 10\n', 'line 10\nadded\n').replace('line 30\n', '');
    const change = modifyDiff('drivers/x/y.c', before, after);
    expect(applyPatch(before, change.diff)).toBe(after);
    expect(change.added).toBe(1);
    expect(change.removed).toBe(1);
    expect(change.after).toBe(after);
    // "line 10" is line 11; three lines of context put the hunk at line 9, and git names the line above it.
    expect(change.diff).toMatch(/^@@ -9,6 \+9,7 @@ line 7$/m);
  });

  test('a new-file diff counts lines like git and marks a missing final newline', () => {
    const change = newFileDiff('lib/a.c', 'int a;\nint b;');
    expect(change.diff).toContain('@@ -0,0 +1,2 @@\n+int a;\n+int b;\n\\ No newline at end of file\n');
    expect(newFileDiff('lib/b.c', 'x\n').diff).toContain('@@ -0,0 +1 @@\n+x\n');
    expect(() => newFileDiff('lib/empty.c', '')).toThrow(/empty/);
  });
});

describe('generatePullRequest', () => {
  test('changes the requested number of files and plants a finding in the first', () => {
    const pr = generatePullRequest(3, 24);
    expect(pr.changes).toHaveLength(24);
    expect(new Set(pr.changes.map((c) => c.path)).size).toBe(24);
    expect(pr.diff.split('\ndiff --git ').length).toBe(24);
    expect(pr.changes[0].diff).toMatch(/\+\tif \(count < 0\)|\+\t\tdma_unmap_sg\(fd->dev, req->sgl, count,/);
    expect(generatePullRequest(3, 24).diff).toBe(pr.diff);
  });
});
