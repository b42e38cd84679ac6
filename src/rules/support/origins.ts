// Helpers rules share to judge provenance: split a value's origins into bad / good / unknown, decide the
// certainty that split allows, and turn the chain into evidence lines.
import type { Origin } from '../../analysis/index.js';
import type { Certainty, Evidence } from '../../types.js';

export interface OriginSplit {
  bad: Origin[];
  good: Origin[];
  unknown: Origin[];
}

/** Splits origins by a predicate on the kind; 'unknown' origins are never judged. */
export function splitOrigins(origins: Origin[], isBad: (kind: string) => boolean): OriginSplit {
  const split: OriginSplit = { bad: [], good: [], unknown: [] };
  for (const o of origins) {
    if (o.kind === 'unknown') split.unknown.push(o);
    else if (isBad(o.kind)) split.bad.push(o);
    else split.good.push(o);
  }
  return split;
}

/**
 * `certain` when every origin is a bad kind; `likely` when a bad origin is one of several possibilities;
 * undefined (no finding) when nothing bad is proven.
 */
export function certaintyOf(split: OriginSplit): Certainty | undefined {
  if (split.bad.length === 0) return undefined;
  return split.good.length === 0 && split.unknown.length === 0 ? 'certain' : 'likely';
}

/** The evidence chain of the bad origins (deduplicated by line and note). */
export function evidenceOf(origins: Origin[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const o of origins) {
    for (const e of o.chain) {
      const k = `${e.file}:${e.line}:${e.note}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/** Distinct kinds of a list of origins, in first-seen order. */
export function kindsOf(origins: Origin[]): string[] {
  return [...new Set(origins.map((o) => o.kind))];
}
