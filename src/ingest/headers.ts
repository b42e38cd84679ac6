// RFC 822 header blocks for the fast mail path: unfolding, RFC 2047 encoded words, content types.

/** Header fields by lower-case name; a repeated field keeps every value in order. */
export type HeaderMap = Map<string, string[]>;

const FIELD = /^([!-9;-~]+):[ \t]?(.*)$/;

/** True when `line` has the syntax of a header field (`Name: value`). */
export function isHeaderLine(line: string): boolean {
  return FIELD.test(line);
}

/**
 * Parses header lines (without the blank line that ends them). Folded continuation lines are
 * joined with the whitespace they start with, as RFC 5322 unfolding prescribes. Lines that are
 * neither fields nor continuations are ignored: real archives contain a few such lines.
 */
export function parseHeaderLines(lines: readonly string[]): HeaderMap {
  const map: HeaderMap = new Map();
  let name: string | undefined;
  let value = '';
  const flush = (): void => {
    if (name === undefined) return;
    const list = map.get(name);
    if (list) list.push(value.trim());
    else map.set(name, [value.trim()]);
    name = undefined;
  };
  for (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if ((line.startsWith(' ') || line.startsWith('\t')) && name !== undefined) {
      value += line;
      continue;
    }
    flush();
    const m = FIELD.exec(line);
    if (m) {
      name = m[1].toLowerCase();
      value = m[2];
    }
  }
  flush();
  return map;
}

/** First value of a header field, if present. */
export function header(map: HeaderMap, name: string): string | undefined {
  return map.get(name.toLowerCase())?.[0];
}

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?q?K=C3=B6nig?=`). Adjacent words of one charset are
 * decoded together because mailers split multi-byte characters across words, and the whitespace
 * between encoded words is dropped as the RFC requires. Unknown charsets leave the word as is.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const out: string[] = [];
  let last = 0;
  let pending: { charset: string; bytes: number[] } | undefined;
  const flushPending = (): void => {
    if (!pending) return;
    out.push(decodeBytes(pending.charset, Uint8Array.from(pending.bytes)));
    pending = undefined;
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const start = m.index ?? 0;
    const between = value.slice(last, start);
    const charset = m[1].replace(/\*.*$/, '').toLowerCase(); // RFC 2231 language suffix
    const bytes = m[2].toLowerCase() === 'b' ? [...Buffer.from(m[3], 'base64')] : decodeQ(m[3]);
    if (pending && /^\s*$/.test(between) && pending.charset === charset) {
      pending.bytes.push(...bytes);
    } else {
      flushPending();
      // Whitespace between two encoded words is not part of the text.
      if (!(out.length > 0 && /^\s*$/.test(between) && last !== 0)) out.push(between);
      pending = { charset, bytes };
    }
    last = start + m[0].length;
  }
  flushPending();
  out.push(value.slice(last));
  return out.join('');
}

function decodeQ(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return bytes;
}

function decodeBytes(charset: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

/** `"Name" <addr>` → `Name <addr>`: the form git and the kernel's MAINTAINERS use. */
export function normaliseAddress(value: string): string {
  const decoded = decodeEncodedWords(value).replace(/\s+/g, ' ').trim();
  const m = /^"((?:[^"\\]|\\.)*)"\s*(<[^>]*>)$/.exec(decoded);
  return m ? `${m[1].replace(/\\(.)/g, '$1')} ${m[2]}` : decoded;
}

/** A Message-ID in its canonical `<id>` form. */
export function normaliseMessageId(value: string): string {
  const v = value.trim();
  const m = /<[^>]+>/.exec(v);
  if (m) return m[0];
  return `<${v.split(/\s+/)[0]}>`;
}

/** A Content-Type value broken into its media type and (lower-cased) parameters. */
export interface ContentType {
  /** e.g. "text/plain", lower case; "text/plain" when the header is absent (RFC 2045 default). */
  type: string;
  params: Map<string, string>;
}

/** Parses a Content-Type header value (quoted parameter values allowed). */
export function parseContentType(value: string | undefined): ContentType {
  const params = new Map<string, string>();
  if (!value) return { type: 'text/plain', params };
  const [typePart, ...rest] = splitParams(value);
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq <= 0) continue;
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params.set(p.slice(0, eq).trim().toLowerCase(), v);
  }
  return { type: typePart.trim().toLowerCase() || 'text/plain', params };
}

/** Splits on `;` outside double quotes. */
function splitParams(value: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quoted) {
      cur += c + (value[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (c === ';' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}
