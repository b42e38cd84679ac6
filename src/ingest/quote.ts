// Mail quote prefixes (`> `, `>> `, `> > `, bare `>`): how deep a line is quoted and what it says.

/** Where a line's quote prefix ends. */
export interface QuotePrefix {
  /** Number of `>` marks (0 for an unquoted line). */
  depth: number;
  /** Index just after the last `>` of the prefix. */
  end: number;
}

const UNQUOTED: QuotePrefix = { depth: 0, end: 0 };

/**
 * Reads the quote prefix of a line. Marks may be separated by one space (`> > `) or not (`>> `);
 * the space after the last mark is left in place because whether it belongs to the prefix
 * depends on the quoting style (see {@link QuoteStyle}).
 */
export function parseQuote(line: string): QuotePrefix {
  if (line.charCodeAt(0) !== 0x3e /* > */) return UNQUOTED;
  let depth = 0;
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 0x3e) {
      depth++;
      i++;
    } else if (line.charCodeAt(i) === 0x20 && line.charCodeAt(i + 1) === 0x3e) {
      i++;
    } else {
      break;
    }
  }
  return { depth, end: i };
}

/**
 * How a quoted block was quoted: `spaced` when the mailer wrote `> ` (the usual style), in which
 * case one space after the marks belongs to the prefix; `>` alone (no space) keeps it, because
 * then the space is the diff's context-line marker.
 */
export interface QuoteStyle {
  depth: number;
  spaced: boolean;
}

/** The style of a quoted block, read from the line that opens it (a `diff --git` line, say). */
export function styleOf(line: string): QuoteStyle {
  const q = parseQuote(line);
  return { depth: q.depth, spaced: q.depth > 0 && line.charCodeAt(q.end) === 0x20 };
}

/**
 * The text of `line` with a quote prefix of the given style removed, or `undefined` when the line
 * is quoted at a different depth (it belongs to another speaker, or is reply prose).
 */
export function unquote(line: string, style: QuoteStyle): string | undefined {
  if (style.depth === 0) return line.charCodeAt(0) === 0x3e ? undefined : line;
  const q = parseQuote(line);
  if (q.depth !== style.depth) return undefined;
  // Trailing-whitespace trimming turns a quoted blank context line `>  ` into `>`; both mean "".
  if (style.spaced && line.charCodeAt(q.end) === 0x20) return line.slice(q.end + 1);
  return line.slice(q.end);
}
