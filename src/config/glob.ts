// Glob patterns for `paths.include` / `paths.exclude`, compiled to anchored regular expressions.
//
// Written here rather than using `path.matchesGlob`: on Node 20 that API is experimental and prints an
// ExperimentalWarning on first use, which would pollute the CLI's checkpatch-shaped output.

/** A malformed glob pattern (unclosed brace or bracket, stray `}`, trailing backslash). */
export class GlobSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`invalid glob "${pattern}": ${reason}`);
    this.name = 'GlobSyntaxError';
  }
}

/** Brace expansion is exponential in the number of groups; a config never needs more than this. */
const MAX_EXPANSIONS = 256;

const cache = new Map<string, RegExp>();

/**
 * Compiles a glob into a RegExp that must match a whole repository-relative path (`/`-separated).
 *
 * - `*` matches any run of characters except `/`; `?` one character except `/`.
 * - `**` as a whole path segment matches zero or more segments (`drivers/**\/*.c`, `**\/p2pdma.c`);
 *   a trailing `/**` matches everything below the directory.
 * - `{a,b}` alternatives (nestable, may contain `/`); `[abc]`, `[a-z]`, `[!a]` / `[^a]` classes.
 * - `\x` matches `x` literally. A leading `./` or `/` is ignored; a trailing `/` means "everything below".
 *
 * Patterns are matched against the whole path, so `*.c` only matches top-level files: use `**\/*.c`.
 * @throws GlobSyntaxError for malformed patterns.
 */
export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const alternatives = expandBraces(pattern, normalisePattern(pattern)).map((p) =>
    compileExpanded(pattern, p),
  );
  const re = new RegExp(`^(?:${alternatives.join('|')})$`);
  cache.set(pattern, re);
  return re;
}

/** True when `path` matches `pattern` (see {@link globToRegExp}). */
export function globMatches(pattern: string, path: string): boolean {
  return globToRegExp(pattern).test(normalisePath(path));
}

/** Strips `./` and `/` prefixes so `./drivers/pci/p2pdma.c` and `drivers/pci/p2pdma.c` are the same path. */
export function normalisePath(path: string): string {
  return path.replace(/^(?:\.\/|\/)+/, '');
}

function normalisePattern(pattern: string): string {
  const p = normalisePath(pattern);
  // "drivers/pci/" reads as "that directory": everything below it.
  return p.endsWith('/') ? `${p}**` : p;
}

/** Expands `{a,b}` groups outermost-first into plain patterns; braces without a top-level comma stay literal. */
function expandBraces(original: string, pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  const strayClose = findUnescaped(pattern, '}', 0);
  if (open < 0) {
    if (strayClose >= 0) throw new GlobSyntaxError(original, `"}" at offset ${strayClose} has no matching "{"`);
    return [pattern];
  }
  if (strayClose >= 0 && strayClose < open) {
    throw new GlobSyntaxError(original, `"}" at offset ${strayClose} has no matching "{"`);
  }
  // Find the matching close brace and the top-level commas between.
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (ch === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) throw new GlobSyntaxError(original, `"{" at offset ${open} is never closed`);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const tails = expandBraces(original, tail);
  let options: string[];
  if (commas.length === 0) {
    // `{x}` is not an alternation (as in bash): keep the braces literally.
    options = expandBraces(original, pattern.slice(open + 1, close)).map((o) => `\\{${o}\\}`);
  } else {
    const bounds = [open, ...commas, close];
    options = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      options.push(...expandBraces(original, pattern.slice(bounds[k] + 1, bounds[k + 1])));
    }
  }
  const out: string[] = [];
  for (const o of options) {
    for (const t of tails) {
      out.push(head + o + t);
      if (out.length > MAX_EXPANSIONS) {
        throw new GlobSyntaxError(original, `expands to more than ${MAX_EXPANSIONS} alternatives`);
      }
    }
  }
  return out;
}

function findUnescaped(s: string, ch: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** Compiles one brace-free pattern to a regex source (without anchors). */
function compileExpanded(original: string, pattern: string): string {
  const segments = pattern.split('/');
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === '**') {
      // Zero or more whole segments; when last, anything at all below the prefix.
      out += last ? '.*' : '(?:[^/]+/)*';
      continue;
    }
    out += compileSegment(original, seg);
    if (!last) out += '/';
  }
  return out;
}

function compileSegment(original: string, seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '\\') {
      if (i + 1 >= seg.length) throw new GlobSyntaxError(original, 'ends with a lone "\\"');
      out += escapeRegExp(seg[++i]);
    } else if (ch === '*') {
      while (seg[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) throw new GlobSyntaxError(original, `"[" at "${seg}" is never closed`);
      let body = seg.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      if (body === '') throw new GlobSyntaxError(original, `"[${seg.slice(i + 1, end)}]" is an empty class`);
      // Escape everything regex-special except the range dash; a class never matches '/'.
      const cls = body.replace(/[\\\]^[]/g, '\\$&');
      out += negated ? `(?!/)[^${cls}]` : `(?!/)[${cls}]`;
      i = end;
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
