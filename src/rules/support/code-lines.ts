// Source lines with comments and string literals blanked out, so identifiers in prose or messages are not taken
// for uses. Block comments carry across consecutive lines (a gap between hunks ends them). The output keeps the
// historical blanking widths of removed-api (`/*` → two spaces, a comment body and its `*/` → one space per
// character with `*/` as one, a string literal → a space per character with an escape pair as one) because
// nothing but whitespace-insensitive matching reads it; it is built from slices rather than char by char.

/** One line of code-only text, and whether a block comment is still open at its end. */
function codeOfLine(t: string, inComment: boolean): { code: string; inComment: boolean } {
  let o = '';
  let i = 0;
  const n = t.length;
  let include: boolean | undefined;
  while (i < n) {
    if (inComment) {
      const close = t.indexOf('*/', i);
      if (close < 0) { o += ' '.repeat(n - i); i = n; break; }
      o += ' '.repeat(close - i + 1);
      i = close + 2;
      inComment = false;
      continue;
    }
    let j = i;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (c === 47 /* / */ || c === 34 /* " */) break;
      j++;
    }
    if (j > i) o += t.slice(i, j);
    i = j;
    if (i >= n) break;
    if (t.charCodeAt(i) === 47) {
      const next = t[i + 1];
      if (next === '*') { inComment = true; o += '  '; i += 2; continue; }
      if (next === '/') break;
      o += '/';
      i++;
      continue;
    }
    // A quote: `#include "file.h"` keeps its name (it is what an include matcher looks for).
    include ??= /#\s*include/.test(t);
    if (include) { o += '"'; i++; continue; }
    o += ' ';
    for (i++; i < n && t[i] !== '"'; i++) { if (t[i] === '\\') i++; o += ' '; }
    o += ' ';
    i++;
  }
  return { code: o, inComment };
}

/** Code-only text of every line of an image (`lineText`), in line order. */
export function codeLines(lineText: ReadonlyMap<number, string>): Map<number, string> {
  const out = new Map<number, string>();
  let inComment = false;
  let prev = -1;
  for (const line of [...lineText.keys()].sort((a, b) => a - b)) {
    if (line !== prev + 1) inComment = false;
    prev = line;
    const r = codeOfLine(lineText.get(line) ?? '', inComment);
    inComment = r.inComment;
    out.set(line, r.code);
  }
  return out;
}
