// SeenHunks keeps fingerprints instead of hunks; it must answer exactly what comparing the hunks' lines
// (kind, text with white space collapsed, as a prefix) answers.

import { SeenHunks } from '../../src/ingest/seen-hunks.js';
import type { DiffLine, Hunk, LineKind } from '../../src/types.js';

function hunk(lines: [LineKind, string][], oldStart = 10, newStart = 10): Hunk {
  return {
    oldStart, oldLines: lines.length, newStart, newLines: lines.length, section: '',
    lines: lines.map(([kind, text], i): DiffLine => ({ kind, text, patchLine: i + 1 })),
  };
}

/** The comparison SeenHunks stands for, on the hunks themselves. */
function repeatsDirectly(quoted: Hunk, earlier: Hunk): boolean {
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  if (quoted.lines.length > earlier.lines.length) return false;
  return quoted.lines.every((l, i) => l.kind === earlier.lines[i].kind && squash(l.text) === squash(earlier.lines[i].text));
}

const PATCH: [LineKind, string][] = [
  ['ctx', '\tsg_init_table(sg, n);'],
  ['del', '\t\tsg_set_buf(&sg[i], buf, len);'],
  ['add', '\t\tsg_set_page(&sg[i], page, len, 0);'],
  ['ctx', '\treturn 0;'],
];

describe('SeenHunks', () => {
  test('a re-quoted hunk with tabs turned into spaces, or trimmed at the end, repeats it', () => {
    const seen = new SeenHunks();
    seen.remember('x.c', hunk(PATCH));
    const respaced = PATCH.map(([k, t]): [LineKind, string] => [k, t.replace(/\t/g, '    ') + '  ']);
    expect(seen.repeats('x.c', hunk(respaced))).toBe(true);
    expect(seen.repeats('x.c', hunk(PATCH.slice(0, 2)))).toBe(true);
    expect(seen.repeats('x.c', hunk([]))).toBe(true);
  });

  test('another place, another file, a changed line or kind, or a longer hunk does not', () => {
    const seen = new SeenHunks();
    seen.remember('x.c', hunk(PATCH));
    expect(seen.repeats('x.c', hunk(PATCH, 11, 10))).toBe(false);
    expect(seen.repeats('y.c', hunk(PATCH))).toBe(false);
    expect(seen.repeats('x.c', hunk([PATCH[0], ['del', '\t\tsg_set_buf(&sg[j], buf, len);']]))).toBe(false);
    expect(seen.repeats('x.c', hunk([PATCH[0], ['add', PATCH[1][1]]]))).toBe(false);
    expect(seen.repeats('x.c', hunk([...PATCH, ['ctx', '}']]))).toBe(false);
    // Where the line breaks fall matters, not just the characters.
    expect(seen.repeats('x.c', hunk([['ctx', '\tsg_init_table(sg,'], ['ctx', 'n);']]))).toBe(false);
    expect(seen.repeats('x.c', hunk([['ctx', 'a b']]))).toBe(false);
  });

  test('any of several hunks seen at one place can be the one repeated', () => {
    const seen = new SeenHunks();
    seen.remember('x.c', hunk([['add', 'first']]));
    seen.remember('x.c', hunk(PATCH));
    expect(seen.repeats('x.c', hunk(PATCH.slice(0, 3)))).toBe(true);
    expect(seen.repeats('x.c', hunk([['add', ' first ']]))).toBe(true);
  });

  test('agrees with the direct comparison on generated hunks, Unicode white space included', () => {
    // A small deterministic generator: few distinct tokens and spacings, so that repeats are frequent.
    let state = 12345;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const SPACES = [' ', '  ', '\t', '\u00a0', '\u3000', ''];
    const WORDS = ['sg', 'page', 'dma', '(', ')', ';'];
    const KINDS: LineKind[] = ['add', 'del', 'ctx'];
    const line = (): [LineKind, string] => {
      let text = SPACES[next(SPACES.length)];
      for (let w = next(3); w >= 0; w--) text += WORDS[next(WORDS.length)] + SPACES[next(SPACES.length)];
      return [KINDS[next(2) === 0 ? 2 : next(3)], text];
    };
    const hunks = Array.from({ length: 300 }, () => hunk(Array.from({ length: next(4) }, line)));
    const disagreements: string[] = [];
    let repeated = 0;
    for (let i = 0; i < hunks.length; i += 2) {
      const seen = new SeenHunks();
      seen.remember('f.c', hunks[i]);
      for (const quoted of hunks) {
        const expected = repeatsDirectly(quoted, hunks[i]);
        if (seen.repeats('f.c', quoted) !== expected) disagreements.push(JSON.stringify([quoted.lines, hunks[i].lines]));
        if (expected) repeated++;
      }
    }
    expect(disagreements).toEqual([]);
    // The generator must produce repeats for the comparison to mean anything.
    expect(repeated).toBeGreaterThan(1000);
  });
});
