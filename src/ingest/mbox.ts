// Recognises mail input and splits an mbox (or a pile of `git format-patch` files) into messages.

import { isHeaderLine } from './headers.js';

/** One message of an mbox, as a byte range of the input. */
export interface MboxMessage {
  /** Byte offset of the message's first header line (after any `From ` separator). */
  start: number;
  /** Byte offset just past the message. */
  end: number;
  /** 1-based line number of the first header line in the input. */
  firstLine: number;
  /** The message came from an mbox (`From ` separated), so `>From ` lines are escaped. */
  fromMbox: boolean;
}

/** Header fields that only real mail headers carry; at least one must appear before we call text a mail. */
const MAIL_FIELDS = /^(from|subject|date|message-id|received|return-path|delivered-to|mime-version|in-reply-to|x-mailer|content-type|to|cc):/i;

/** `From <sha> Mon Sep 17 00:00:00 2001`, `From mboxrd@z Thu Jan  1 00:00:00 1970`, `From addr date`. */
const MBOX_SEPARATOR = /^From \S+ +\S/;

/**
 * Decides whether the input (as a latin1 string, so indexes are byte offsets) is mail: an mbox
 * starting with a `From ` separator line or a raw RFC 822 message starting with header fields.
 * Web-archive dumps and plain diffs are not: their first lines are not a header block.
 */
export function looksLikeMail(raw: string): boolean {
  const head = raw.slice(0, 64 * 1024);
  const lines = head.split('\n', 200).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let i = 0;
  if (MBOX_SEPARATOR.test(lines[0] ?? '')) {
    if (!isHeaderLine(lines[1] ?? '')) return false;
    i = 1;
  }
  let sawMailField = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') return sawMailField;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (i === 0) return false;
      continue;
    }
    if (!isHeaderLine(line)) return false;
    if (MAIL_FIELDS.test(line)) sawMailField = true;
  }
  return sawMailField;
}

/**
 * Splits mail input into messages in one linear pass. A line starting with `From ` separates
 * messages only when it is the first line or follows a blank line, and the next line is a header
 * field; body lines that happen to start with "From " (unescaped mboxo) therefore stay in place.
 * Input without any separator is one message.
 */
export function splitMbox(raw: string): MboxMessage[] {
  const splitter = new MboxSplitter();
  splitter.push(raw);
  return splitter.finish();
}

/**
 * {@link splitMbox} fed in pieces (latin1 text, so lengths are byte counts), for inputs scanned in chunks
 * rather than held whole. A line is examined only once it is complete, and a `From ` line only once the line
 * after it is too, so where the chunks happen to break changes nothing. It keeps at most those two lines.
 */
export class MboxSplitter {
  private readonly messages: MboxMessage[] = [];
  /** Text not examined yet: an incomplete line, or a `From ` line waiting for the next one. */
  private rest = '';
  /** Byte offset of `rest` in the input. */
  private base = 0;
  private line = 1;
  private prevBlank = true;
  private current: MboxMessage | undefined;

  push(text: string): void {
    this.rest = this.rest.length === 0 ? text : this.rest + text;
    this.scan(false);
  }

  /** The messages, once the whole input has been pushed. */
  finish(): MboxMessage[] {
    this.scan(true);
    const size = this.base;
    if (this.current) this.current.end = size;
    if (this.messages.length === 0) this.messages.push({ start: 0, end: size, firstLine: 1, fromMbox: false });
    return this.messages;
  }

  private scan(final: boolean): void {
    const raw = this.rest;
    let pos = 0;
    while (pos < raw.length) {
      let nl = raw.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = raw.length;
      }
      const isBlank = nl === pos || (nl === pos + 1 && raw.charCodeAt(pos) === 0x0d);
      if (this.prevBlank && raw.startsWith('From ', pos)) {
        let nextEnd = raw.indexOf('\n', nl + 1);
        if (nextEnd === -1) {
          if (!final) break;
          nextEnd = raw.length;
        }
        const text = raw.slice(pos, nl).replace(/\r$/, '');
        const next = raw.slice(nl + 1, nextEnd).replace(/\r$/, '');
        if (MBOX_SEPARATOR.test(text) && isHeaderLine(next)) {
          if (this.current) this.current.end = this.base + pos;
          this.current = { start: this.base + nl + 1, end: -1, firstLine: this.line + 1, fromMbox: true };
          this.messages.push(this.current);
        }
      }
      if (!this.current) {
        this.current = { start: 0, end: -1, firstLine: 1, fromMbox: false };
        this.messages.push(this.current);
      }
      this.prevBlank = isBlank;
      pos = nl + 1;
      this.line++;
    }
    // On the final scan the last line has no newline, and `pos` stops one past the end.
    const consumed = Math.min(pos, raw.length);
    this.base += consumed;
    this.rest = raw.slice(consumed);
  }
}

/** mboxrd/mboxo escaping: a body line `>From ` (or `>>From `) loses one `>`. */
export function unescapeFromLines(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) === 0x3e && /^>+From /.test(l)) lines[i] = l.slice(1);
  }
}
