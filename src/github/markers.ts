// Hidden HTML-comment markers that make posted reviews machine-readable: which findings a comment or
// review body carries, which findings were reported resolved, and which head commit a review covers.
import { createHash } from 'node:crypto';

const PREFIX = 'p2pdma-review';
// Fingerprints are hashes today, but a marker must never be able to close the HTML comment early
// (`-->`) or smuggle markup, so anything outside a conservative alphabet is hashed first.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MARKER = new RegExp(`<!--\\s*${PREFIX}:(fp|resolved|sha)=([A-Za-z0-9._:-]{1,128})\\s*-->`, 'g');

/** The id a fingerprint is written as inside markers (the fingerprint itself when it is marker-safe). */
export function markerId(fingerprint: string): string {
  if (SAFE_ID.test(fingerprint)) return fingerprint;
  return 'h' + createHash('sha256').update(fingerprint).digest('hex').slice(0, 40);
}

/** `<!-- p2pdma-review:fp=<fingerprint> -->`: the finding a comment (or body bullet) reports. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- ${PREFIX}:fp=${markerId(fingerprint)} -->`;
}

/** Marks a finding as reported resolved, so the next review does not report it again. */
export function resolvedMarker(fingerprint: string): string {
  return `<!-- ${PREFIX}:resolved=${markerId(fingerprint)} -->`;
}

/** Marks the head commit a review was written for: one review per head SHA. */
export function headMarker(sha: string): string {
  return `<!-- ${PREFIX}:sha=${markerId(sha)} -->`;
}

/** The markers found in a comment or review body, in order of appearance. */
export interface ParsedMarkers {
  fingerprints: string[];
  resolved: string[];
  heads: string[];
}

/**
 * Reads every marker in `body`; text that only looks similar (wrong prefix, unsafe id) is ignored.
 * Markers inside fenced code blocks are not ours: suggestion blocks quote PR code verbatim, and a PR
 * could otherwise plant a marker there to make the bot believe a finding was already posted.
 */
export function parseMarkers(body: string | null | undefined): ParsedMarkers {
  const out: ParsedMarkers = { fingerprints: [], resolved: [], heads: [] };
  if (!body) return out;
  for (const m of stripFencedCode(body).matchAll(MARKER)) {
    const [, kind, id] = m;
    if (kind === 'fp') out.fingerprints.push(id);
    else if (kind === 'resolved') out.resolved.push(id);
    else out.heads.push(id);
  }
  return out;
}

/** Escapes HTML-comment openers in untrusted text rendered outside code blocks (see parseMarkers). */
export function neutralizeMarkers(text: string): string {
  return text.replace(/<!--/g, '&lt;!--');
}

/** The body with every fenced code block (``` or ~~~, any fence length ≥ 3) removed. */
export function stripFencedCode(body: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (m) fence = m[1];
      else out.push(line);
    } else if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) {
      fence = undefined;
    }
  }
  return out.join('\n');
}
