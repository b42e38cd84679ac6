// Reads one mail message into metadata and text segments: a fast path for plain single-part mail
// (what git send-email writes), mailparser for everything MIME.

import { isAscii, isUtf8 } from 'node:buffer';
import { decodeText, firstInvalidUtf8, normaliseNewlines, splitLines } from './decode.js';
import { decodeEncodedWords, header, normaliseAddress, normaliseMessageId, parseContentType, parseHeaderLines } from './headers.js';
import { unescapeFromLines, type MboxMessage } from './mbox.js';
import { checkMime, decodeMime } from './mime.js';
import type { MessageMeta } from './page.js';

/** A decoded piece of text to search for diffs, with the input line number of its first line. */
export interface Segment {
  lines: string[];
  firstLine: number;
  /** "body", `attachment "x.patch"`, ... (used in messages). */
  label: string;
}

/** A message ready for diff scanning. */
export interface MessageText {
  meta: MessageMeta;
  segments: Segment[];
  errors: string[];
  notes: string[];
}

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const PLAIN_ENCODINGS = new Set(['7bit', '8bit', 'binary']);

/**
 * Reads one message: `raw` is its bytes, `msg` where they stand in the input (`msg.start` for the byte offsets
 * errors name, `msg.firstLine` for line numbers). Single-part text/plain mail in 7bit/8bit UTF-8 or ASCII is
 * decoded directly, which keeps every line's input line number exact and avoids mailparser's cost on large
 * mboxes; any other mail goes through a MIME structure check and mailparser.
 */
export async function readMailMessage(raw: Buffer, msg: MboxMessage): Promise<MessageText> {
  // The same bytes as a latin1 string, so string indexes are byte offsets.
  const latin1 = raw.toString('latin1');
  const { headEnd, bodyStart } = findHeaderEnd(latin1);
  const headerBytes = raw.subarray(0, headEnd);
  const headerText = normaliseNewlines(headerBytes.toString(isUtf8(headerBytes) ? 'utf8' : 'latin1'));
  const headers = parseHeaderLines(headerText.split('\n'));
  const ct = parseContentType(header(headers, 'content-type'));
  const cte = (header(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const charset = ct.params.get('charset')?.toLowerCase();
  const body = raw.subarray(bodyStart);
  const meta: MessageMeta = {
    subject: optional(header(headers, 'subject'), (v) => decodeEncodedWords(v).replace(/\s+/g, ' ').trim()),
    author: optional(header(headers, 'from'), normaliseAddress),
    date: optional(header(headers, 'date'), (d) => d.replace(/\s+/g, ' ').trim()),
    messageId: optional(header(headers, 'message-id'), normaliseMessageId),
  };

  const plain =
    ct.type === 'text/plain' &&
    PLAIN_ENCODINGS.has(cte) &&
    ct.params.get('format')?.toLowerCase() !== 'flowed' &&
    (charset === undefined || UTF8_CHARSETS.has(charset) || isAscii(body));
  if (plain) {
    const decoded = decodeText(body, msg.start + bodyStart);
    const errors: string[] = [];
    if (decoded.invalidUtf8At !== undefined) {
      errors.push(`invalid UTF-8 at byte offset ${decoded.invalidUtf8At}; undecodable bytes were replaced with U+FFFD`);
    }
    const lines = splitLines(decoded.text);
    if (msg.fromMbox) unescapeFromLines(lines);
    const headerLineCount = countNewlines(latin1, 0, headEnd) + 1;
    const firstLine = bodyStart >= raw.length ? msg.firstLine : msg.firstLine + headerLineCount + 1;
    return { meta, segments: [{ lines, firstLine, label: 'body' }], errors, notes: [] };
  }
  return readMimeMessage(raw, latin1, msg, meta);
}

/** The MIME path; `headerMeta` (from our own header parse) names an undecodable message. */
async function readMimeMessage(raw: Buffer, latin1: string, msg: MboxMessage, headerMeta: MessageMeta): Promise<MessageText> {
  let text = latin1;
  if (msg.fromMbox) text = text.replace(/^>(>*From )/gm, '$1');
  const errors: string[] = [];
  const notes: string[] = [];
  const problems = checkMime(text);
  if (problems.fatal) {
    return { meta: headerMeta, segments: [], errors: [`undecodable MIME: ${problems.fatal}`], notes };
  }
  errors.push(...problems.errors.map((e) => `MIME: ${e}`));
  notes.push(...problems.notes.map((e) => `MIME: ${e}`));
  const messageBytes = Buffer.from(text, 'latin1');
  const mime = await decodeMime(messageBytes);
  // mailparser replaces bytes its charset cannot decode without saying so; name the first raw
  // byte that is not UTF-8 when such replacements made it into the text.
  if (!isUtf8(raw) && mime.segments.some((s) => s.text.includes('\uFFFD'))) {
    errors.push(`invalid UTF-8 at byte offset ${msg.start + firstInvalidUtf8(raw)}; undecodable bytes were replaced with U+FFFD`);
  }
  for (const s of mime.segments) {
    if (s.invalidUtf8At !== undefined) {
      errors.push(`${s.label}: invalid UTF-8 at byte offset ${s.invalidUtf8At} of the decoded part; undecodable bytes were replaced with U+FFFD`);
    }
  }

  // Parts sent as 7bit/8bit appear verbatim in the raw mail: find them to report true input line
  // numbers. Quoted-printable or base64 parts cannot be found; then every segment is numbered in
  // decoded text (the parts one after another), and a note says so.
  const rawText = normaliseNewlines(messageBytes.toString('utf8'));
  const located: number[] = [];
  let from = Math.max(0, rawText.search(/\n\n/));
  for (const s of mime.segments) {
    const body = s.text.replace(/\n+$/, '');
    const at = body.length > 0 ? rawText.indexOf(body, from) : -1;
    if (at < 0) break;
    located.push(msg.firstLine + countNewlines(rawText, 0, at));
    from = at + body.length;
  }
  const exact = located.length === mime.segments.length;
  if (!exact && mime.segments.length > 0) {
    notes.push('line numbers (#N) count lines of the decoded MIME text (body, then attachments), not of the raw mail');
  }
  const segments: Segment[] = [];
  let decodedLine = 1;
  mime.segments.forEach((s, i) => {
    const lines = splitLines(s.text);
    segments.push({ lines, firstLine: exact ? located[i] : decodedLine, label: s.label });
    decodedLine += lines.length;
  });
  return {
    meta: {
      subject: mime.subject?.replace(/\s+/g, ' ').trim(),
      author: mime.from,
      date: mime.date,
      messageId: optional(mime.messageId, normaliseMessageId),
    },
    segments,
    errors,
    notes,
  };
}

/** Where the header block ends (`headEnd`: its last line end) and the body starts. */
function findHeaderEnd(s: string): { headEnd: number; bodyStart: number } {
  const end = s.length;
  let pos = 0;
  while (pos < end) {
    const nl = s.indexOf('\n', pos);
    if (nl === -1) break;
    const next = nl + 1;
    if (s.charCodeAt(next) === 0x0a) return { headEnd: nl, bodyStart: next + 1 };
    if (s.charCodeAt(next) === 0x0d && s.charCodeAt(next + 1) === 0x0a) return { headEnd: nl, bodyStart: next + 2 };
    pos = next;
  }
  return { headEnd: end, bodyStart: end };
}

function countNewlines(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) count++;
  return count;
}

function optional<T>(value: string | undefined, f: (v: string) => T): T | undefined {
  return value === undefined ? undefined : f(value);
}
