// The API contract catalogue: O(1) lookup by name, and per-version existence answers (§B, §F.2).

import { addedIdentifier } from './added.js';
import { ALLOC_CONTRACTS } from './contracts/alloc.js';
import { CONVERT_CONTRACTS } from './contracts/convert.js';
import { DMA_CONTRACTS } from './contracts/dma.js';
import { GUP_CONTRACTS } from './contracts/gup.js';
import { LOCK_CONTRACTS } from './contracts/locks.js';
import { MAPPING_CONTRACTS } from './contracts/mapping.js';
import { MMIO_CONTRACTS } from './contracts/mmio.js';
import { P2PDMA_CONTRACTS } from './contracts/p2pdma.js';
import { SG_CONTRACTS } from './contracts/sg.js';
import type { ApiContract, ContractCategory } from './contracts/types.js';
import { REMOVED_IDENTIFIERS, SIGNATURE_CHANGES, type IdentifierKind, type RemovedIdentifier } from './removed.js';
import { compareVersions, MAINLINE_VERSION, parseKernelVersion, type KernelVersion } from './versions.js';

/** Every contract, grouped by the module that defines it. */
const ALL: readonly ApiContract[] = [
  ...ALLOC_CONTRACTS,
  ...MAPPING_CONTRACTS,
  ...CONVERT_CONTRACTS,
  ...SG_CONTRACTS,
  ...DMA_CONTRACTS,
  ...P2PDMA_CONTRACTS,
  ...GUP_CONTRACTS,
  ...MMIO_CONTRACTS,
  ...LOCK_CONTRACTS,
];

function buildIndex<T extends { name: string }>(items: readonly T[], what: string): ReadonlyMap<string, T> {
  const m = new Map<string, T>();
  for (const it of items) {
    // A duplicate is a data bug: fail loudly at load instead of silently shadowing a contract.
    if (m.has(it.name)) throw new Error(`duplicate ${what} "${it.name}" in the model catalogue`);
    m.set(it.name, it);
  }
  return m;
}

const CONTRACTS = buildIndex(ALL, 'contract');
const REMOVED = buildIndex(REMOVED_IDENTIFIERS, 'removed identifier');
const SIGNATURES = buildIndex(SIGNATURE_CHANGES, 'signature change');

/** The contract of a kernel function or macro, or undefined when the catalogue does not know it (O(1)). */
export function contract(name: string): ApiContract | undefined {
  return CONTRACTS.get(name);
}

/** All contracts (catalogue order). */
export function allContracts(): readonly ApiContract[] {
  return ALL;
}

/** Contracts of one category. */
export function contractsByCategory(category: ContractCategory): ApiContract[] {
  return ALL.filter((c) => c.category === category);
}

/** Whether an identifier exists in a kernel version, and what to say when it does not. */
export interface ApiStatus {
  exists: boolean;
  /** The model has data about this identifier (false: "exists" is an assumption). */
  known: boolean;
  since?: string;
  removedIn?: string;
  replacement?: string;
  /** Present but deprecated (a style finding, not a build break). */
  deprecated?: string;
  /** Proposed on the lists, never merged upstream. */
  neverMerged?: boolean;
  /** The prototype changed in a way casts may hide (report at warning level). */
  signatureChange?: { changedIn: string; before: string; after: string; appliesToTarget: boolean };
  /** A reviewer-ready sentence for the non-existing case (or the signature change). */
  message?: string;
  /** The version the answer is for. */
  version: string;
}

function targetVersion(version?: string): KernelVersion {
  return parseKernelVersion(version ?? MAINLINE_VERSION);
}

const atOrAfter = (v: KernelVersion, boundary: string): boolean => compareVersions(v, boundary) >= 0;

function removedMessage(name: string, kind: IdentifierKind | 'function', removedIn: string, replacement?: string): string {
  const shown = kind === 'function' ? `${name}()` : name;
  return `${shown} was removed in ${removedIn}${replacement ? `; use ${replacement}` : ''}`;
}

/**
 * Does `name` exist in kernel `version` (default: current mainline, {@link MAINLINE_VERSION})?
 * Consults the F.2 table of removed identifiers and the since/removedIn data of the contracts.
 * Unknown identifiers are assumed to exist (`known: false`).
 */
export function apiStatus(name: string, version?: string): ApiStatus {
  const v = targetVersion(version);
  const out: ApiStatus = { exists: true, known: false, version: v.text };

  const sig = SIGNATURES.get(name);
  if (sig) {
    const applies = atOrAfter(v, sig.changedIn);
    out.known = true;
    out.signatureChange = { changedIn: sig.changedIn, before: sig.before, after: sig.after, appliesToTarget: applies };
    out.message = `the prototype of ${name} changed in ${sig.changedIn}; for ${v.text} it is: ${applies ? sig.after : sig.before}`;
  }

  const removed = REMOVED.get(name);
  if (removed) return { ...out, ...statusOfRemoved(removed, v) };

  const added = addedIdentifier(name);
  if (added) {
    const exists = atOrAfter(v, added.since);
    return {
      ...out, known: true, exists, since: added.since,
      ...(exists ? {} : { message: `${name} was added in ${added.since} (${added.meaning}); it does not exist in ${v.text}` }),
    };
  }

  const c = CONTRACTS.get(name);
  if (!c) return out;
  out.known = true;
  if (c.since) out.since = c.since;
  if (c.removedIn) out.removedIn = c.removedIn;
  if (c.replacement) out.replacement = c.replacement;
  if (c.deprecated) out.deprecated = c.deprecated;
  if (c.since && !atOrAfter(v, c.since)) {
    out.exists = false;
    out.message = `${name}() was added in ${c.since}; it does not exist in ${v.text}`;
  } else if (c.removedIn && atOrAfter(v, c.removedIn)) {
    out.exists = false;
    out.message = removedMessage(name, 'function', c.removedIn, c.replacement);
  } else if (c.deprecated && !out.message) {
    out.message = `${name}() is deprecated: ${c.deprecated}`;
  }
  return out;
}

function statusOfRemoved(r: RemovedIdentifier, v: KernelVersion): Partial<ApiStatus> {
  const base: Partial<ApiStatus> = { known: true, replacement: r.replacement };
  if (r.neverMerged) return { ...base, exists: false, neverMerged: true, message: r.message };
  if (r.removedIn && atOrAfter(v, r.removedIn)) {
    return { ...base, exists: false, removedIn: r.removedIn, message: `${r.message} (removed in ${r.removedIn})` };
  }
  return { ...base, exists: true, ...(r.removedIn ? { removedIn: r.removedIn } : {}) };
}

/** One identifier that does not exist in the target version. */
export interface RemovedEntry {
  name: string;
  kind: IdentifierKind | 'function';
  removedIn?: string;
  neverMerged?: boolean;
  replacement?: string;
  message: string;
  source: string;
}

/**
 * Every identifier (F.2 table and removed catalogue functions) that is gone, or was never merged,
 * as of `version` (default: current mainline). Sorted by name.
 */
export function removedIdentifiers(version?: string): RemovedEntry[] {
  const v = targetVersion(version);
  let list = REMOVED_BY_VERSION.get(v.text);
  if (!list) {
    list = computeRemoved(v);
    REMOVED_BY_VERSION.set(v.text, list);
  }
  // Fresh entries each time: callers own what they get.
  return list.map((e) => ({ ...e }));
}

/** removedIdentifiers() per "major.minor": the answer only depends on it. */
const REMOVED_BY_VERSION = new Map<string, readonly RemovedEntry[]>();

function computeRemoved(v: KernelVersion): RemovedEntry[] {
  const out: RemovedEntry[] = [];
  for (const r of REMOVED_IDENTIFIERS) {
    if (r.neverMerged) {
      out.push({ name: r.name, kind: r.kind, neverMerged: true, replacement: r.replacement, message: r.message, source: r.source });
    } else if (r.removedIn && atOrAfter(v, r.removedIn)) {
      out.push({
        name: r.name,
        kind: r.kind,
        removedIn: r.removedIn,
        replacement: r.replacement,
        message: `${r.message} (removed in ${r.removedIn})`,
        source: r.source,
      });
    }
  }
  for (const c of ALL) {
    if (c.removedIn && atOrAfter(v, c.removedIn)) {
      const e: RemovedEntry = {
        name: c.name,
        kind: 'function',
        removedIn: c.removedIn,
        message: removedMessage(c.name, 'function', c.removedIn, c.replacement),
        source: c.source,
      };
      if (c.replacement) e.replacement = c.replacement;
      out.push(e);
    }
  }
  return out.sort((a, b) => identifierOrder(a.name, b.name));
}

/**
 * The printable ASCII punctuation in the root collation's primary order: all of it sorts before the digits,
 * which sort before the letters. Catalogue names are identifiers, plus a few header paths and member accesses
 * (`linux/pfn_t.h`, `page->pgmap`).
 */
const PUNCTUATION_ORDER = '_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

/** Primary collation weight of each printable ASCII character (case ignored); -1 for the rest (space, controls). */
const PRIMARY_WEIGHT: Int8Array = (() => {
  const w = new Int8Array(128).fill(-1);
  for (let i = 0; i < PUNCTUATION_ORDER.length; i++) w[PUNCTUATION_ORDER.charCodeAt(i)] = 1 + i;
  for (let d = 0; d < 10; d++) w[0x30 + d] = 40 + d;
  for (let l = 0; l < 26; l++) w[0x61 + l] = w[0x41 + l] = 60 + l;
  return w;
})();

/** Whether every character of `s` has a weight in PRIMARY_WEIGHT. */
function weighable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PRIMARY_WEIGHT[c] < 0) return false;
  }
  return true;
}

/**
 * `a.localeCompare(b)` for catalogue names, without initialising ICU (about 8 ms on the first call of every run).
 * The order matters: removed-api keeps the first name per message on a line. Like the root collation: primary
 * weights first (punctuation < digits < letters, case-insensitive), then a shorter prefix first, then lowercase
 * before uppercase at the first case difference. Anything else falls back to localeCompare; a test checks
 * agreement.
 */
export function identifierOrder(a: string, b: string): number {
  if (!weighable(a) || !weighable(b)) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = PRIMARY_WEIGHT[a.charCodeAt(i)] - PRIMARY_WEIGHT[b.charCodeAt(i)];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}
