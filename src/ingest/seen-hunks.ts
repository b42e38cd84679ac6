// The hunks one input has shown so far, for dropping quoted hunks that repeat them (a review thread quotes
// the same patch over and over). Kept as fingerprints, not as the hunks: holding the hunks kept every line of
// every message of an mbox alive, together with the decoded text each line is a slice of, so a long series
// cost memory in proportion to its length. A fingerprint costs 8 bytes per line.
import type { Hunk, LineKind } from '../types.js';

const KIND_CODE: Record<LineKind, number> = { add: 0x2b, del: 0x2d, ctx: 0x20 };

/**
 * Remembers hunks by file and position. A later hunk "repeats" a remembered one when its lines are the first
 * lines of that hunk, compared with whitespace collapsed (mailers turn tabs into spaces when re-quoting) and as
 * a prefix (later quotes are often trimmed further).
 */
export class SeenHunks {
  /** Per place, the prefix fingerprints of each hunk seen there (see {@link prefixPrints}). */
  private readonly byPlace = new Map<string, Uint32Array[]>();

  /** Does `hunk` of file `path` repeat a hunk remembered at the same place? */
  repeats(path: string, hunk: Hunk): boolean {
    const earlier = this.byPlace.get(placeOf(path, hunk));
    if (!earlier) return false;
    const n = hunk.lines.length;
    if (n === 0) return true;
    const own = prefixPrints(hunk);
    const a = own[2 * n - 2];
    const b = own[2 * n - 1];
    return earlier.some((prints) => prints.length >= 2 * n && prints[2 * n - 2] === a && prints[2 * n - 1] === b);
  }

  remember(path: string, hunk: Hunk): void {
    const place = placeOf(path, hunk);
    const prints = prefixPrints(hunk);
    const earlier = this.byPlace.get(place);
    if (earlier) earlier.push(prints);
    else this.byPlace.set(place, [prints]);
  }
}

function placeOf(path: string, hunk: Hunk): string {
  return `${path}\n${hunk.oldStart},${hunk.newStart}`;
}

/**
 * For each line i, two independent 32-bit hashes (FNV-1a and djb2) of lines 0..i, each line as its kind and
 * its text with whitespace collapsed (runs of white space as one space, none at either end, as
 * `text.replace(/\s+/g, ' ').trim()` would give, without building that string). Two hunks agree on their
 * first k lines exactly when entry k-1 agrees, except for a hash collision, which with 64 bits among the few
 * hunks at one place is not a practical concern.
 */
function prefixPrints(hunk: Hunk): Uint32Array {
  // This runs over every line of every patch (a whole kernel series is 17 MB of them), so the hash steps are
  // written out rather than called: the CLI runs with V8's inlining off (src/v8-tuning.ts).
  const lines = hunk.lines;
  const out = new Uint32Array(2 * lines.length);
  let a = FNV_OFFSET;
  let b = DJB_START;
  for (let i = 0; i < lines.length; i++) {
    const kind = KIND_CODE[lines[i].kind];
    a = Math.imul(a ^ kind, FNV_PRIME);
    b = (Math.imul(b, 33) + kind) | 0;
    const text = lines[i].text;
    let started = false;
    let space = false;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x20 || c === 0x09 || ((c <= 0x0d || c >= 0xa0) && isSpace(c))) {
        space = started;
        continue;
      }
      if (space) {
        a = Math.imul(a ^ 0x20, FNV_PRIME);
        b = (Math.imul(b, 33) + 0x20) | 0;
        space = false;
      }
      a = Math.imul(a ^ c, FNV_PRIME);
      b = (Math.imul(b, 33) + c) | 0;
      started = true;
    }
    // A line end, so that ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0x0a, FNV_PRIME);
    b = (Math.imul(b, 33) + 0x0a) | 0;
    out[2 * i] = a;
    out[2 * i + 1] = b;
  }
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const DJB_START = 5381;

/** JavaScript's `\s`: ASCII white space, the Unicode space separators, line and paragraph separators, BOM. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
