// Bytes → text for ingest: detects binary garbage, UTF-16 BOMs and invalid UTF-8 (with the byte offset).

import { isUtf8 } from 'node:buffer';

/** Result of decoding one byte range as text. */
export interface DecodedText {
  /** The text with CRLF line ends normalised to LF and a leading BOM removed. */
  text: string;
  /** Set when the bytes were not valid UTF-8: offset (absolute, see `baseOffset`) of the first bad byte. */
  invalidUtf8At?: number;
}

/** Offset of the first NUL byte, or -1. A NUL never occurs in a text patch, so it marks binary data. */
export function findNulByte(buf: Uint8Array): number {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(0);
}

/**
 * Decodes bytes as UTF-8 (or UTF-16 when a BOM says so), replacing undecodable bytes with U+FFFD
 * and reporting where the first one was. `baseOffset` is added to the reported offset so callers
 * decoding a slice (one mail body of an mbox) can name the offset in the whole input.
 */
export function decodeText(buf: Buffer, baseOffset = 0): DecodedText {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    // Windows tools (PowerShell's `>`) write UTF-16LE with a BOM; decoding it is cheap and exact.
    return { text: normaliseNewlines(new TextDecoder('utf-16le').decode(buf.subarray(2))) };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: normaliseNewlines(new TextDecoder('utf-16be').decode(buf.subarray(2))) };
  }
  let body = buf;
  let offset = baseOffset;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    body = buf.subarray(3);
    offset += 3;
  }
  const text = normaliseNewlines(body.toString('utf8'));
  // isUtf8 is native and fast; only on failure walk the bytes to find where decoding went wrong.
  if (isUtf8(body)) return { text };
  return { text, invalidUtf8At: offset + firstInvalidUtf8(body) };
}

/** Index of the first byte that starts an invalid UTF-8 sequence (the length when all are valid). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return n;
}

/** CRLF → LF. Mail transports CRLF; line numbers are unaffected because each CRLF is one line end. */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n/g, '\n');
}

/** Splits text into lines; a final line end does not produce an extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
