// removed-api: identifiers that no longer exist (or never existed upstream) for the kernel the patch targets —
// functions, macros, types, fields, callbacks and headers of the model's removed-identifier table (kernel-model.md
// §F.2) — used in code the patch adds. The target is --kernel when given; otherwise the patch's own era
// (support/kernel-era.ts), so a 2022 patch is not faulted for an API removed in 2025. Lines that define or
// declare the identifier are the API's own definition, not a use, and are never reported.
import type { FunctionIR } from '../c/ir.js';
import { codeLines } from './support/code-lines.js';
import { atOrAfter, targetVersion, type TargetVersion } from './support/kernel-era.js';
import { memoize2 } from './support/memo.js';
import { docsUrl, type ModelView, type Rule, type RuleContext, type RuleReport, type RuleSuggestion } from './types.js';

const ID = 'removed-api';

interface Gone {
  name: string;
  removedIn?: string;
  replacement?: string;
  message: string;
  pattern: RegExp;
  neverMerged: boolean;
  /** Upstream file where it lived, from the model. */
  source?: string;
  /** Token-shaped names (functions, macros, types) may be defined by a line; headers and fields cannot. */
  token: boolean;
  /**
   * A word (maximal run of \w) every match contains as a whole word, when there is one: the name of a token, the
   * field of `struct->field`. Lines without it cannot match.
   */
  word?: string;
}

export const removedApi: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Identifiers removed or renamed for the target kernel version (F.2), used in added code',
    catalogue: ['API-001'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const target = targetVersion(ctx.patch, ctx.model);
    // A patch quoted in a reply or an archive page, with no date, base or --kernel, is old code under discussion of
    // unknown era: judging it against today's kernel would report removals that happened long after it was written.
    if (target.source === 'mainline' && ctx.patch.quoted) return [];
    const gone = goneFor(ctx.model, eraKey(target));
    if (!gone.list.length) return [];
    const out: RuleReport[] = [];
    const code = codeLines(ctx.image.lineText);
    for (const line of [...ctx.image.changed].sort((a, b) => a - b)) {
      const text = code.get(line);
      if (!text || !NON_BLANK.test(text)) continue;
      let seen: Set<string> | undefined;
      for (const g of candidates(gone, text)) {
        if (!g.pattern.test(text) || seen?.has(g.message)) continue;
        if (g.token && definesOrDeclares(text, g.name)) continue;
        (seen ??= new Set()).add(g.message);
        out.push(report(ctx, line, ctx.image.lineText.get(line) ?? text, g, target));
      }
    }
    return out;
  },
};

/** The identifiers gone for one target, indexed by the word a line must contain for each to match. */
interface GoneSet {
  list: Gone[];
  /** Whole-word matchers (tokens and `struct->field` by its field) by that word: list indexes, ascending. */
  byWord: Map<string, number[]>;
  /** Matchers with no single word to look up (headers): tried on every line. */
  always: number[];
  /** The `always` entries themselves (what a line without any indexed word is tried against). */
  alwaysGone: readonly Gone[];
  /** Matches a line holding any indexed word as a whole word: most lines hold none and need no tokenising. */
  anyWord?: RegExp;
}

/**
 * The identifiers gone for a target, per model view and target (see {@link eraKey}): the answer is the same for
 * every image of every patch judged against the same version, and building it asks the model about every removed
 * name and compiles a regex for each.
 */
const goneFor = memoize2((model: ModelView, era: string): GoneSet => {
  const [source, version] = era.split('\0');
  return indexGone(computeGone(model, { source: source as TargetVersion['source'], version }));
});

/** What computeGone() reads of a target, as one key. */
function eraKey(target: TargetVersion): string {
  return `${target.source}\0${target.version}`;
}

function indexGone(list: Gone[]): GoneSet {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  list.forEach((g, i) => {
    if (!g.word) { always.push(i); return; }
    const l = byWord.get(g.word);
    if (l) l.push(i); else byWord.set(g.word, [i]);
  });
  const words = [...byWord.keys()].map(escape);
  return {
    list, byWord, always, alwaysGone: Object.freeze(always.map((i) => list[i])),
    anyWord: words.length ? new RegExp(`(?<!\\w)(?:${words.join('|')})(?!\\w)`) : undefined,
  };
}

/**
 * The entries whose matcher can match `text`, in list order (the order reports were always made in): a whole-word
 * matcher only when its word is one of the line's words. The caller still runs each candidate's regex.
 */
function candidates(gone: GoneSet, text: string): readonly Gone[] {
  if (!gone.anyWord?.test(text)) return gone.alwaysGone;
  let hits: Set<number> | undefined;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const l = gone.byWord.get(m[0]);
    if (!l) continue;
    hits ??= new Set(gone.always);
    for (const i of l) hits.add(i);
  }
  if (!hits) return gone.alwaysGone;
  return [...hits].sort((a, b) => a - b).map((i) => gone.list[i]);
}

const WORD = /\w+/g;
/** A line with something other than whitespace (the same characters String.prototype.trim() removes). */
const NON_BLANK = /\S/;

/** Identifiers gone in the target version, with a matcher each. */
function computeGone(model: ModelView, target: Pick<TargetVersion, 'source' | 'version'>): Gone[] {
  const out: Gone[] = [];
  for (const item of model.removedIdentifiers() as unknown[]) {
    const name = typeof item === 'string' ? item : (item as { name?: string }).name;
    if (!name) continue;
    const st = model.apiStatus(name);
    if (!st) continue;
    const neverMerged = !st.exists && !st.removedIn;
    // The model answers for the configured kernel; for a patch judged in its own era, compare with removedIn.
    const gone = target.source === 'config' ? st.exists === false : neverMerged || atOrAfter(target.version, st.removedIn);
    if (!gone) continue;
    const m = matcher(name);
    if (!m) continue;
    const source = typeof item === 'object' && item ? (item as { source?: string }).source : undefined;
    out.push({ name, source, removedIn: st.removedIn, replacement: st.replacement, neverMerged, message: st.message ?? `${name} does not exist in ${target.version}`, ...m });
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How to recognise a removed name in a line of C: a header include, a field access, or a whole token. */
function matcher(name: string): { pattern: RegExp; token: boolean; word?: string } | undefined {
  if (/\.h$/.test(name)) {
    const base = name.replace(/^linux\//, '');
    return { pattern: new RegExp(`^\\s*#\\s*include\\s*[<"](?:linux/)?${escape(base)}[>"]`), token: false };
  }
  const field = /^(\w+)->(\w+)$/.exec(name);
  if (field) {
    // `page->pgmap`, `pages[i]->pgmap`, `sg_page(sg)->pgmap`: a struct page base, never a folio. The field follows
    // `->` and optional spaces and ends at \b, so it is a whole word of the line.
    return { pattern: new RegExp(`\\b(?!\\w*folio)\\w*${escape(field[1])}\\w*(\\s*\\[[^\\]]*\\]|\\s*\\([^()]*\\))?\\s*->\\s*${escape(field[2])}\\b`), token: false, word: field[2] };
  }
  if (!/^\w+$/.test(name)) return undefined;
  // No word character on either side: the match is a whole word.
  return { pattern: new RegExp(`(?<!\\w)${escape(name)}\\b`), token: true, word: name };
}

/** A line that defines or declares `name` itself: a macro, a typedef, a prototype or definition, an export. */
function definesOrDeclares(text: string, name: string): boolean {
  const n = escape(name);
  if (new RegExp(`^\\s*#\\s*(define|undef)\\s+${n}\\b`).test(text)) return true;
  if (new RegExp(`\\bEXPORT_SYMBOL(_GPL)?\\s*\\(\\s*${n}\\s*\\)`).test(text)) return true;
  // DEFINE_STATIC_KEY_FALSE(name), DECLARE_PER_CPU(type, name), ...: definition macros name what they create.
  if (new RegExp(`\\b(DEFINE|DECLARE)_\\w*\\s*\\((?:[^()]*,)?\\s*${n}\\s*[,)]`).test(text)) return true;
  if (new RegExp(`^typedef\\b.*\\b${n}\\s*;`).test(text)) return true;
  // Kernel style puts declarations and definitions at column 0: `<type> name(` (calls are indented).
  if (new RegExp(`^[A-Za-z_][\\w\\s\\*]*\\b${n}\\s*\\(`).test(text) && !/^\s/.test(text) && !/^(return|if|while|for)\b/.test(text)) return true;
  return false;
}

function report(ctx: RuleContext, line: number, raw: string, g: Gone, target: TargetVersion): RuleReport {
  const fn = functionAt(ctx, line);
  return {
    line, function: fn, code: `${g.name}: ${raw.trim()}`, certainty: 'certain',
    message: `${g.message}; it is not available in ${target.version} (${target.note}).`,
    why: g.neverMerged
      ? `${g.name} was proposed on the lists but never merged: no upstream kernel has it, so the patch does not build against any release.`
      : `${g.name} is gone${g.removedIn ? ` since ${g.removedIn}` : ''} (model table, kernel-model.md §F.2): the patch will not build on ${target.version}, or brings back semantics that were retired on purpose.`,
    instead: g.replacement ? `Use ${g.replacement}.` : 'Use the current API for the target kernel.',
    evidence: [{ file: ctx.image.path, line, note: `uses ${g.name}` }],
    references: ['API-001', 'kernel-model.md §F.2 (removed and renamed identifiers)', ...(g.source ? [`${g.source} (where it lived)`] : [])],
    suggestion: rename(ctx, line, raw, g),
  };
}

/** A pure rename (the replacement is a single identifier): substitute it in the line. */
function rename(ctx: RuleContext, line: number, raw: string, g: Gone): RuleSuggestion | undefined {
  if (ctx.side !== 'new' || !g.token || !g.replacement) return undefined;
  const m = /^([A-Za-z_]\w*)(\(\))?$/.exec(g.replacement.trim());
  if (!m) return undefined;
  const re = new RegExp(`\\b${escape(g.name)}\\b`, 'g');
  if ((raw.match(re) ?? []).length !== 1) return undefined;
  return { startLine: line, endLine: line, replacement: raw.replace(re, m[1]), safety: 'review' };
}

function functionAt(ctx: RuleContext, line: number): FunctionIR | undefined {
  return ctx.analysis.functions.find((f) => f.line <= line && f.endLine >= line);
}
