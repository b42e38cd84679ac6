// zone-device-page-mapping: struct page fields that share storage with the pgmap pointer used on ZONE_DEVICE
// pages (->lru linked or armed, ->mapping / page_mapping()), a pgmap member overlaid on fields core mm
// dereferences for every page (seed 003), and page->pgmap on kernels where it became page_pgmap() (MM-003).
import type { Expr, FunctionIR } from '../c/ir.js';
import { exprSitesOfKind, stripCasts } from '../analysis/index.js';
import type { Hunk } from '../types.js';
import { looksLikePage } from './support/page-exprs.js';
import { zoneDeviceEvidence } from './support/zone-device.js';
import { atOrAfter, targetVersion } from './support/kernel-era.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'zone-device-page-mapping';
const REFS = ['MM-003', 'include/linux/mm_types.h (struct page / struct folio: pgmap shares a union with lru)', 'include/linux/memremap.h', 'mm/memremap.c'];

/**
 * List operations that link an entry or arm a poison tripwire that later list_add() compares against
 * (include/linux/list.h, lib/list_debug.c): they assume the list_head storage stays the page's own. Removal
 * (list_del, list_del_init) only poisons or unlinks and is not listed.
 */
const LINKING_LIST_OPS = /^(list_add|list_add_tail|list_add_rcu|list_add_tail_rcu|list_move|list_move_tail|list_splice|list_splice_tail|list_splice_init|list_splice_tail_init|list_force_poison|list_replace|list_replace_init)$/;
/** LRU operations on a page or folio (mm/swap.c, mm/vmscan.c): ZONE_DEVICE pages are never on an LRU. */
const LRU_OPS = /^(lru_cache_add|lru_cache_add_inactive_or_unevictable|folio_add_lru|folio_add_lru_vma|isolate_lru_page|folio_isolate_lru|putback_lru_page|folio_putback_lru|mark_page_accessed|folio_mark_accessed|activate_page|folio_activate|deactivate_page|folio_deactivate)$/;
/** Readers of ->mapping (mm/util.c page_mapping, mm/folio-compat.c set_page_dirty, mm/page-writeback.c). */
const MAPPING_READERS = /^(page_mapping|folio_mapping|page_file_mapping|folio_file_mapping|set_page_dirty|folio_mark_dirty|set_page_dirty_lock|__set_page_dirty_nobuffers|page_mapping_file)$/;
/** struct page fields core mm dereferences for every page, with what reads them. */
const DEREFERENCED_FIELDS: Record<string, string> = {
  mapping: 'page_mapping(), set_page_dirty() and the page-cache code dereference ->mapping on every page, including ZONE_DEVICE pages reached through get_user_pages()',
  lru: 'LRU and list code (list_add/list_del, isolate_lru_page) reads and writes ->lru.next/prev',
};

export const zoneDevicePageMapping: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'struct page fields that overlay the pgmap (->lru, ->mapping) used on ZONE_DEVICE pages, a pgmap overlaid on such fields, or page->pgmap on kernels with page_pgmap()',
    catalogue: ['MM-003'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      out.push(...fieldUses(ctx, fn), ...oldPgmapField(ctx, fn));
    }
    out.push(...unionOverlays(ctx));
    return out;
  },
};

/** The page a `&page->lru`-style argument belongs to, and the field. */
function pageFieldOf(e: Expr): { page: Expr; field: string } | undefined {
  let x = stripCasts(e);
  if (x.k === 'addr') x = stripCasts(x.arg);
  if (x.k === 'field' && looksLikePage(x.base)) return { page: x.base, field: x.field };
  return undefined;
}

/** LRU/list linking and ->mapping readers on pages the function shows to be ZONE_DEVICE pages. */
function fieldUses(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    let page: Expr | undefined;
    let what = '';
    if (LINKING_LIST_OPS.test(call.callee)) {
      const pf = call.args[0] && pageFieldOf(call.args[0]);
      if (pf?.field === 'lru') { page = pf.page; what = `${call.callee}(&${pf.page.text}->lru)`; }
    } else if (LRU_OPS.test(call.callee) || MAPPING_READERS.test(call.callee)) {
      if (call.args[0] && looksLikePage(call.args[0])) { page = call.args[0]; what = `${call.callee}(${call.args[0].text})`; }
    }
    if (!page) continue;
    const ev = zoneDeviceEvidence(ctx.analysis, fn, page, site.stmt, site.stmtParents);
    if (!ev) continue;
    out.push(report(ctx, fn, call, what, MAPPING_READERS.test(call.callee) ? 'mapping' : 'lru', ev));
  }
  // Direct ->mapping stores and loads are not judged: FS_DAX pages legitimately carry their file's mapping
  // (fs/dax.c dax_associate_entry), so only the generic readers above are reported, and only as likely.
  return out;
}

function report(ctx: RuleContext, fn: FunctionIR, at: Expr, what: string, field: 'lru' | 'mapping', ev: { file: string; line: number; note: string }): RuleReport {
  const sameStore = field === 'lru'
    ? 'the list_head ->lru shares its storage with the ->pgmap back pointer (and the ZONE_DEVICE page fields)'
    : '->mapping of a ZONE_DEVICE page does not point to an address_space';
  // A page whose pgmap this very function writes is certainly ZONE_DEVICE and the overlay is the model's fact.
  const certain = field === 'lru' && /is set or read/.test(ev.note);
  return {
    line: at.line,
    function: fn,
    code: what,
    certainty: certain ? 'certain' : 'likely',
    message: `${what} on a ZONE_DEVICE page: ${sameStore}, so ${field === 'lru' ? 'linking the page or arming a list poison in ->lru corrupts the pgmap pointer, and writing the pgmap breaks the list entry' : 'the code treats device metadata as a page-cache mapping'}.`,
    why: `ZONE_DEVICE pages are never on an LRU and never in the page cache; their struct page reuses the LRU/mapping storage for the dev_pagemap pointer (include/linux/mm_types.h; read it with page_pgmap() on ≈6.15+). ${DEREFERENCED_FIELDS[field]}. `
      + 'Code that treats such a page like an ordinary one either clobbers the pgmap (every later get_dev_pagemap()/page_pgmap() user follows a garbage pointer) or follows garbage itself (the 2016 fix "list: kill list_force_poison()": "ZONE_DEVICE pages union ->lru with a ->pgmap back pointer").',
    instead: field === 'lru'
      ? 'Do not use ->lru on ZONE_DEVICE pages: keep driver-private bookkeeping outside struct page (the pgmap owner\'s own structures, genalloc, an xarray), and test is_zone_device_page() before any LRU operation.'
      : 'Test is_zone_device_page()/folio_is_zone_device() first and skip page-cache and mapping logic for device pages (page_mapping() returns NULL for them upstream).',
    evidence: [ev, { file: ctx.image.path, line: at.line, note: what }],
    references: REFS,
  };
}

/** `page->pgmap` in code for a kernel where the field no longer exists (model: removed identifiers). */
function oldPgmapField(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  // Only with a known era (configuration, base commit or the patch's date): a 2015 patch is not told about 2025.
  const target = targetVersion(ctx.patch, ctx.model);
  if (target.source === 'mainline') return [];
  const status = ctx.model.apiStatus('page->pgmap');
  if (!status?.removedIn || !atOrAfter(target.version, status.removedIn)) return [];
  const out: RuleReport[] = [];
  for (const { expr: x, exprParents: parents } of exprSitesOfKind(fn, 'field')) {
    if (x.field !== 'pgmap' || !x.arrow || !looksLikePage(x.base)) continue;
    const repl = `page_pgmap(${x.base.text})`;
    const text = ctx.image.lineText.get(x.line);
    const parent = parents[parents.length - 1];
    const isWrite = parent?.k === 'assign' && parent.left === x;
    out.push({
      line: x.line,
      function: fn,
      code: x.text,
      certainty: 'certain',
      message: `${x.text}: struct page has no pgmap field in ${target.version} (${target.note}); ${status.message ?? `use ${repl}`}.`,
      why: `Since ≈${status.removedIn} the pgmap pointer lives in struct folio and is read with page_pgmap(), which also warns when used on a page that is not ZONE_DEVICE (include/linux/mm.h). The old field does not compile, and casting around it would read the wrong union member.`,
      instead: `Use ${repl} to read it (only on ZONE_DEVICE pages); writes go through the folio (folio->pgmap) in the memremap code only.`,
      evidence: [{ file: ctx.image.path, line: x.line, note: `${x.text} (removed in ${status.removedIn})` }],
      references: ['MM-003', 'API-001', 'include/linux/mm.h (page_pgmap)'],
      suggestion: text && !isWrite && text.includes(x.text)
        ? { startLine: x.line, endLine: x.line, replacement: text.replace(x.text, repl), safety: 'review' }
        : undefined,
    });
  }
  return out;
}

/**
 * A `struct dev_pagemap *` member added to a union inside `struct page` next to a field core mm dereferences
 * for every page (->mapping, ->lru). Read from the diff text: declarations are not in the function IR.
 */
function unionOverlays(ctx: RuleContext): RuleReport[] {
  if (ctx.side !== 'new' || !/\.h$/.test(ctx.image.path)) return [];
  const out: RuleReport[] = [];
  for (const h of ctx.file.hunks) {
    const lines = newSide(h);
    lines.forEach((l, i) => {
      if (!l.added || !/\bstruct\s+dev_pagemap\s*\*\s*\w+\s*;/.test(l.text)) return;
      const ctxInfo = enclosingUnion(lines, i, h.section);
      if (!ctxInfo || ctxInfo.struct !== 'page') return;
      const hits = ctxInfo.siblings.filter((s) => s in DEREFERENCED_FIELDS);
      if (hits.length === 0) return;
      const name = /\*\s*(\w+)\s*;/.exec(l.text)?.[1] ?? 'pgmap';
      out.push({
        line: l.line,
        code: l.text.trim(),
        certainty: hits.includes('mapping') ? 'certain' : 'likely',
        message: `${name} is added to a union of struct page that also holds ->${hits.join(' and ->')}: writing the pgmap there overwrites a field core mm ${hits.includes('mapping') ? 'dereferences for every page' : 'uses for list linkage'}.`,
        why: `${hits.map((f) => DEREFERENCED_FIELDS[f]).join('; ')}. A ZONE_DEVICE page handed to that code (after get_user_pages(), set_page_dirty() on an O_DIRECT completion) follows the pgmap pointer as if it were that field (the 2015 dax-gup review: "this location for dev_pagemap will not work").`,
        instead: 'Put the pgmap in storage no generic path reads for ZONE_DEVICE pages (upstream unions it with the LRU list head, which ZONE_DEVICE pages never use, and makes page_mapping() return NULL for them), and make every generic reader of the overlaid field test is_zone_device_page() first.',
        evidence: [{ file: ctx.image.path, line: l.line, note: `member of a union in struct page with ${ctxInfo.siblings.join(', ')}` }],
        references: [...REFS, 'seed 003 (2015 "introduce {get|put}_dev_pagemap() for dax-gup" review)'],
      });
    });
  }
  return out;
}

interface NewLine { line: number; text: string; added: boolean }

function newSide(h: Hunk): NewLine[] {
  return h.lines.filter((l) => l.kind !== 'del' && l.newLine !== undefined).map((l) => ({ line: l.newLine!, text: l.text, added: l.kind === 'add' }));
}

/** Strips comments and strings from one line so braces and declarations can be read. */
function code(text: string, state: { inComment: boolean }): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (state.inComment) {
      if (text[i] === '*' && text[i + 1] === '/') { state.inComment = false; i++; }
      continue;
    }
    if (text[i] === '/' && text[i + 1] === '*') { state.inComment = true; i++; continue; }
    if (text[i] === '/' && text[i + 1] === '/') break;
    out += text[i];
  }
  return out;
}

/** The union around line `i` (its member names) and the struct that holds it, from the visible lines. */
function enclosingUnion(lines: NewLine[], i: number, section: string): { struct: string; siblings: string[] } | undefined {
  const state = { inComment: false };
  const cleaned = lines.map((l) => code(l.text, state));
  // Walk back to the union's opening brace.
  let depth = 0;
  let open = -1;
  for (let j = i - 1; j >= 0; j--) {
    const t = cleaned[j];
    for (let c = t.length - 1; c >= 0; c--) {
      if (t[c] === '}') depth++;
      else if (t[c] === '{') { if (depth === 0) { open = j; break; } depth--; }
    }
    if (open >= 0) break;
  }
  if (open < 0 || !/\bunion\b/.test(cleaned[open])) return undefined;
  // The struct the union is in: a visible `struct NAME {` above it, else the hunk's section line.
  let struct: string | undefined;
  for (let j = open - 1; j >= 0 && !struct; j--) struct = /^\s*struct\s+(\w+)\s*\{/.exec(cleaned[j])?.[1];
  struct ??= /\bstruct\s+(\w+)\s*\{/.exec(section)?.[1];
  if (!struct) return undefined;
  // Members at the union's own depth, before and after the line.
  const siblings: string[] = [];
  let d = 0;
  for (let j = open + 1; j < cleaned.length; j++) {
    if (j === i) continue;
    const t = cleaned[j];
    if (d === 0) {
      const m = /(\w+)\s*(\[[^\]]*\])?\s*;\s*$/.exec(t.trim());
      if (m && !/^\s*}/.test(t)) siblings.push(m[1]);
    }
    for (const ch of t) {
      if (ch === '{') d++;
      else if (ch === '}') d--;
    }
    if (d < 0) break;
  }
  return { struct, siblings };
}

