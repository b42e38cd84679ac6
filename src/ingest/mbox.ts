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
  const messages: MboxMessage[] = [];
  let pos = 0;
  let line = 1;
  let prevBlank = true;
  let current: MboxMessage | undefined;
  while (pos < raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl === -1) nl = raw.length;
    const isBlank = nl === pos || (nl === pos + 1 && raw.charCodeAt(pos) === 0x0d);
    if (prevBlank && raw.startsWith('From ', pos)) {
      const text = raw.slice(pos, nl).replace(/\r$/, '');
      const nextEnd = raw.indexOf('\n', nl + 1);
      const next = raw.slice(nl + 1, nextEnd === -1 ? raw.length : nextEnd).replace(/\r$/, '');
      if (MBOX_SEPARATOR.test(text) && isHeaderLine(next)) {
        if (current) current.end = pos;
        current = { start: nl + 1, end: raw.length, firstLine: line + 1, fromMbox: true };
        messages.push(current);
      }
    }
    if (!current) {
      current = { start: 0, end: raw.length, firstLine: 1, fromMbox: false };
      messages.push(current);
    }
    prevBlank = isBlank;
    pos = nl + 1;
    line++;
  }
  if (messages.length === 0) messages.push({ start: 0, end: raw.length, firstLine: 1, fromMbox: false });
  return messages;
}

/** mboxrd/mboxo escaping: a body line `>From ` (or `>>From `) loses one `>`. */
export function unescapeFromLines(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) === 0x3e && /^>+From /.test(l)) lines[i] = l.slice(1);
  }
}
