// Finding identity and order: fingerprints that survive line shifts, and one deterministic sort.

import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';

/** What identifies a finding independently of where in the file it currently sits. */
export interface FingerprintParts {
  ruleId: string;
  file: string;
  /** Enclosing function; two identical lines in different functions are different findings. */
  function?: string;
  /** The flagged code (one or more lines); whitespace differences do not change the fingerprint. */
  code: string;
  /** Anything else a rule needs to tell apart two findings on the same code (e.g. the argument index). */
  extra?: string;
}

/**
 * A stable 16-hex-digit id: sha256 over rule, file, function, whitespace-normalised code and `extra`.
 * The line number is deliberately left out so a finding keeps its id when code above it moves, which
 * lets the GitHub sink recognise comments it already posted on an earlier push.
 */
export function fingerprintOf(parts: FingerprintParts): string {
  const fields = [parts.ruleId, parts.file, parts.function ?? '', normaliseCode(parts.code), parts.extra ?? ''];
  // NUL cannot occur in any field, so distinct field tuples never serialise to the same text.
  return createHash('sha256').update(fields.join('\0')).digest('hex').slice(0, 16);
}

/**
 * Collapses whitespace runs to one space and drops the space next to punctuation, so re-indenting
 * or `foo( a, b )` vs `foo(a, b)` keeps the fingerprint while `unsigned long` vs `unsignedlong` differ.
 */
export function normaliseCode(code: string): string {
  return code
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?([^\w ]) ?/g, '$1');
}

/** The patch ordinal encoded in `patchId` (`${input}#${ordinal}`); -1 when absent or malformed. */
function patchOrdinal(patchId: string): number {
  const hash = patchId.lastIndexOf('#');
  const n = hash >= 0 ? Number(patchId.slice(hash + 1)) : NaN;
  return Number.isInteger(n) ? n : -1;
}

/** Plain code-unit comparison: unlike localeCompare it gives the same order on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Returns the findings in a deterministic order: input, patch ordinal, file, line, rule id, fingerprint
 * (then message, so even duplicates that escaped dedupe are ordered). Does not modify the argument.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.input, b.input) ||
      patchOrdinal(a.patchId) - patchOrdinal(b.patchId) ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.fingerprint, b.fingerprint) ||
      compareText(a.message, b.message),
  );
}
