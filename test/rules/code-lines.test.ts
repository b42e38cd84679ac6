// support/code-lines: comment and string blanking for removed-api, built from slices. It must give exactly the
// text of the character-by-character scanner it replaced (kept below as the reference), including its odd widths.
import { codeLines } from '../../src/rules/support/code-lines.js';

/** The original scanner of removed-api, verbatim. */
function reference(lineText: Map<number, string>): Map<number, string> {
  const out = new Map<number, string>();
  let inComment = false;
  let prev = -1;
  for (const line of [...lineText.keys()].sort((a, b) => a - b)) {
    if (line !== prev + 1) inComment = false;
    prev = line;
    const t = lineText.get(line) ?? '';
    let o = '';
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (inComment) {
        if (c === '*' && t[i + 1] === '/') { inComment = false; i++; }
        o += ' ';
        continue;
      }
      if (c === '/' && t[i + 1] === '*') { inComment = true; i++; o += '  '; continue; }
      if (c === '/' && t[i + 1] === '/') break;
      if (c === '"' && !/#\s*include/.test(t)) {
        o += ' ';
        for (i++; i < t.length && t[i] !== '"'; i++) { if (t[i] === '\\') i++; o += ' '; }
        o += ' ';
        continue;
      }
      o += c;
    }
    out.set(line, o);
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['/', '*', '"', '\\', ' ', 'x', 'foo(', ');', '/*', '*/', '//', '#include ', '#  include', '"a\\"b"', '\t', 'page->pgmap'];

describe('codeLines', () => {
  test('blanks comments and strings as the original scanner did', () => {
    const text = new Map<number, string>([
      [1, '#include "pfn_t.h" /* x */'],
      [2, 'f("pfn_t_to_page", a); // pfn_t_to_page'],
      [3, '/* start'],
      [4, '  still pfn_t */ g(b);'],
      [6, 'after a gap "esc\\"aped" /*/ still comment'],
      [7, '*/ h();'],
    ]);
    const got = codeLines(text);
    expect(got).toEqual(reference(text));
    expect(got.get(2)).not.toMatch(/pfn_t_to_page/);
    expect(got.get(4)).toMatch(/g\(b\);$/);
    expect(got.get(1)).toMatch(/pfn_t\.h/);
  });

  test('agrees with the reference on random lines, comments carried across lines and gaps', () => {
    const next = rng(42);
    for (let round = 0; round < 500; round++) {
      const text = new Map<number, string>();
      let line = 1;
      for (let k = 0; k < 6; k++) {
        let t = '';
        const n = Math.floor(next() * 12);
        for (let p = 0; p < n; p++) t += PIECES[Math.floor(next() * PIECES.length)];
        text.set(line, t);
        line += next() < 0.2 ? 2 : 1;
      }
      expect(codeLines(text)).toEqual(reference(text));
    }
  });
});
