// MIME mail: a structural check for undecodable messages, then decoding via mailparser.

import type { Attachment } from 'mailparser';
import { header, parseContentType, parseHeaderLines, type ContentType } from './headers.js';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8, normaliseNewlines } from './decode.js';

/** What the structural check found; a `fatal` problem makes the message unusable. */
export interface MimeProblems {
  fatal?: string;
  /** Damage that loses content (an unknown charset is decoded as UTF-8, which may garble text). */
  errors: string[];
  /** Harmless oddities (a multipart not closed by its final boundary). */
  notes: string[];
}

const KNOWN_ENCODINGS = new Set(['7bit', '8bit', 'binary', 'quoted-printable', 'base64']);

/**
 * Walks the MIME tree of a raw message (a latin1 string, so every byte is one char) and reports
 * what mailparser would silently paper over: multipart bodies without a boundary or whose
 * boundary never occurs, unknown transfer encodings, base64 bodies with non-base64 characters
 * (mailparser drops them and yields garbage), and charsets no decoder knows.
 */
export function checkMime(raw: string): MimeProblems {
  const problems: MimeProblems = { errors: [], notes: [] };
  checkEntity(raw, 'message', problems, 0);
  return problems;
}

function checkEntity(raw: string, where: string, problems: MimeProblems, depth: number): void {
  if (problems.fatal || depth > 20) return;
  const { headerLines, body } = splitEntity(raw);
  const headers = parseHeaderLines(headerLines);
  const ct = parseContentType(header(headers, 'content-type'));
  const cte = (header(headers, 'content-transfer-encoding') ?? '7bit').toLowerCase().trim();
  if (!KNOWN_ENCODINGS.has(cte)) {
    problems.fatal = `${where}: unsupported Content-Transfer-Encoding "${cte}"`;
    return;
  }
  if (ct.type.startsWith('multipart/')) {
    checkMultipart(ct, body, where, problems, depth);
    return;
  }
  if (cte === 'base64') {
    const bad = /[^A-Za-z0-9+/=\s]/.exec(body);
    if (bad) {
      problems.fatal = `${where}: invalid base64 (character ${JSON.stringify(bad[0])} at offset ${bad.index} of the part body)`;
      return;
    }
  }
  const charset = ct.params.get('charset');
  if (charset && ct.type.startsWith('text/') && !isKnownCharset(charset)) {
    problems.errors.push(`${where}: unknown charset "${charset}", decoded as UTF-8`);
  }
}

function checkMultipart(ct: ContentType, body: string, where: string, problems: MimeProblems, depth: number): void {
  const boundary = ct.params.get('boundary');
  if (!boundary) {
    problems.fatal = `${where}: ${ct.type} without a boundary parameter`;
    return;
  }
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let partStart = -1;
  let pos = 0;
  let closed = false;
  while (pos <= body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl === -1) nl = body.length;
    const line = body.slice(pos, nl).replace(/[\r \t]+$/, '');
    if (line === delimiter || line === `${delimiter}--`) {
      if (partStart >= 0) parts.push(body.slice(partStart, pos));
      if (line !== delimiter) {
        closed = true;
        break;
      }
      partStart = nl + 1;
    }
    pos = nl + 1;
  }
  if (!closed && partStart >= 0) parts.push(body.slice(partStart));
  if (parts.length === 0) {
    problems.fatal = `${where}: ${ct.type} boundary "${boundary}" never occurs in the body`;
    return;
  }
  if (!closed) problems.notes.push(`${where}: ${ct.type} is not closed by "${delimiter}--" (truncated mail?)`);
  parts.forEach((p, i) => checkEntity(p, `${where} part ${i + 1}`, problems, depth + 1));
}

function splitEntity(raw: string): { headerLines: string[]; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  const headEnd = m ? m.index : raw.length;
  const bodyStart = m ? m.index + m[0].length : raw.length;
  // A part that starts with a blank line has no headers at all.
  if (/^\r?\n/.test(raw)) return { headerLines: [], body: raw.replace(/^\r?\n/, '') };
  return { headerLines: raw.slice(0, headEnd).split(/\r?\n/), body: raw.slice(bodyStart) };
}

function isKnownCharset(charset: string): boolean {
  try {
    new TextDecoder(charset.trim());
    return true;
  } catch {
    return false;
  }
}

/** A decoded piece of a MIME message that may contain a diff. */
export interface MimeSegment {
  /** Decoded text, LF line ends. */
  text: string;
  /** "body" for inline text, or `attachment "name"`. */
  label: string;
  /** Set when the bytes of an attachment were not valid UTF-8: offset within the decoded attachment. */
  invalidUtf8At?: number;
}

/** Header fields and text segments of a MIME message, decoded by mailparser. */
export interface DecodedMime {
  subject?: string;
  from?: string;
  date?: string;
  messageId?: string;
  segments: MimeSegment[];
}

/** Attachment types that can carry a patch: text/x-patch, text/x-diff, text/plain, forwarded mails. */
function isTextual(att: Attachment): boolean {
  const type = att.contentType.toLowerCase();
  if (type === 'text/html') return false;
  if (type.startsWith('text/') || type === 'message/rfc822') return true;
  return /\.(patch|diff|txt|eml|mbox)$/i.test(att.filename ?? '');
}

/**
 * Decodes a MIME message with mailparser: inline text (quoted-printable, base64, any charset)
 * and textual attachments become segments to search for diffs, in MIME order.
 */
export async function decodeMime(message: Buffer): Promise<DecodedMime> {
  // Loaded on first use: mailparser costs ~100 ms to import, and plain patch mail never needs it.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(message, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const segments: MimeSegment[] = [];
  if (parsed.text) segments.push({ text: normaliseNewlines(parsed.text), label: 'body' });
  for (const att of parsed.attachments) {
    if (!isTextual(att)) continue;
    const segment: MimeSegment = {
      text: normaliseNewlines(att.content.toString('utf8')),
      label: `attachment ${JSON.stringify(att.filename ?? att.contentType)}`,
    };
    if (!isUtf8(att.content)) {
      segment.invalidUtf8At = firstInvalidUtf8(att.content);
    }
    segments.push(segment);
  }
  const from = parsed.from?.value?.[0];
  const rawDate = parsed.headerLines.find((h) => h.key === 'date')?.line.replace(/^date:\s*/i, '');
  return {
    subject: parsed.subject,
    from: from ? (from.name ? `${from.name} <${from.address ?? ''}>` : from.address) : undefined,
    date: rawDate?.replace(/\s+/g, ' ').trim(),
    messageId: parsed.messageId,
    segments,
  };
}
