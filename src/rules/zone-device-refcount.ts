// zone-device-refcount: ZONE_DEVICE struct page refcount conventions broken. Until the clean-ups (device-private
// pages ≈5.19, FS_DAX ≈6.15) a free device page sat at refcount 1 and put_page() caught the 2 → 1 transition
// through page_is_devmap_managed()/put_devmap_managed_page(); afterwards pages free at 0 through
// free_zone_device_folio() and whoever hands a page out must raise its count (zone_device_page_init()).
// The rule reports:
//   1. a patch that removes the 1-based machinery (the devmap-managed helpers) while FS_DAX pages still judge
//      idleness from the refcount and nothing gives a mapped FS_DAX page a reference (Ralph Campbell's 2022
//      "mm: remove extra ZONE_DEVICE struct page refcount", held back "until the FSDAX issues are solved");
//   2. a driver that hands out a ZONE_DEVICE page (setting zone_device_data) with a raw refcount operation
//      where the target kernel provides zone_device_page_init(), which also takes the pgmap reference;
//   3. a page initialised with zone_device_page_init() that an error path abandons without put_page().
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { exprSitesOfKind, walkExpr, walkStmts, type CallSite } from '../analysis/index.js';
import { analyseRefs, refKey, type RefOp } from '../analysis/refs.js';
import type { Evidence, FileDiff, Patch } from '../types.js';
import { spanVisible } from './support/hunk-spans.js';
import { atOrAfter, targetVersion } from './support/kernel-era.js';
import { memoize } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'zone-device-refcount';

/**
 * The helpers of the 1-based ZONE_DEVICE refcount (include/linux/mm.h, mm/memremap.c, mm/swap.c before the
 * clean-ups): their removal is what changes the convention.
 */
const DEVMAP_MANAGED = ['page_is_devmap_managed', 'put_devmap_managed_page', 'put_devmap_managed_page_refs',
  'put_devmap_managed_folio_refs', '__put_devmap_managed_folio_refs', 'free_devmap_managed_page', 'devmap_managed_key',
  'devmap_managed_enable_get', 'devmap_managed_enable_put'];
const DEVMAP_RE = new RegExp(`\\b(${DEVMAP_MANAGED.join('|')})\\b`);
/** A line that defines one of them (a function definition or the static key). */
const DEVMAP_DEF_RE = new RegExp(`^\\s*(?:static\\s+)?(?:inline\\s+)?(?:bool|void|int)\\s+\\*?(?:${DEVMAP_MANAGED.join('|')})\\s*\\(|DEFINE_STATIC_KEY_\\w+\\(\\s*devmap_managed_key`);
/** Calls that give a page a reference (include/linux/mm.h, include/linux/page_ref.h). */
const PAGE_REF_UP = /\b(get_page|folio_get|page_ref_inc|page_ref_add|folio_ref_inc|folio_ref_add|init_page_count|set_page_count|folio_set_count|try_get_page|folio_try_get)\s*\(/;
/** Raw refcount operations a driver might use instead of zone_device_page_init() (include/linux/page_ref.h, mm.h). */
const RAW_INIT = new Set(['get_page', 'init_page_count', 'set_page_count', 'page_ref_inc', 'folio_get', 'folio_set_count']);

/** zone_device_page_init() takes a page reference and a pgmap reference; put_page()/folio_put() give both back. */
const PAGE_INIT_OPS: readonly RefOp[] = [
  { name: 'zone_device_page_init', kind: 'get', family: 'zd-page', key: 0 },
  { name: 'zone_device_folio_init', kind: 'get', family: 'zd-page', key: 0 },
  { name: 'put_page', kind: 'put', family: 'zd-page', key: 0 },
  { name: 'folio_put', kind: 'put', family: 'zd-page', key: 0 },
];

const REFS = ['§F.1', 'kernel-model.md §F.2 (dev_pagemap "free at refcount 1" semantics, devmap_managed helpers)',
  'mm/memremap.c (free_zone_device_folio, zone_device_page_init)', 'include/linux/memremap.h (dev_pagemap_ops.page_free)'];

export const zoneDeviceRefcount: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    certainty: 'likely',
    description: 'ZONE_DEVICE page refcount convention broken: 1-based helpers removed while FS_DAX depends on them, raw initial counts, pages abandoned on error paths',
    catalogue: ['§F.1'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    if (ctx.side === 'new') out.push(...conventionRemoved(ctx));
    for (const fn of ctx.analysis.functions) {
      const calls = ctx.analysis.calls(fn);
      out.push(...rawInitialCount(ctx, fn, calls));
      out.push(...abandonedPages(ctx, fn, calls));
    }
    return out;
  },
};

// ───────────── 1. the 1-based convention removed under FS_DAX ─────────────

interface Removal { file: string; line: number; text: string }

/**
 * The definitions of the devmap-managed helpers the patch deletes, when no added line still uses any of them.
 * Once per patch: it reads every hunk line, and the rule runs for every image of the patch.
 */
const removedConvention = memoize((patch: Patch): readonly Removal[] => Object.freeze(scanRemovals(patch)));

function scanRemovals(patch: Patch): Removal[] {
  const removed: Removal[] = [];
  for (const f of patch.files) {
    for (const h of f.hunks) {
      for (const l of h.lines) {
        if (l.kind === 'add' && DEVMAP_RE.test(l.text)) return [];
        if (l.kind === 'del' && DEVMAP_DEF_RE.test(l.text) && l.oldLine !== undefined) {
          removed.push({ file: f.oldPath ?? f.newPath ?? '', line: l.oldLine, text: l.text.trim() });
        }
      }
    }
  }
  return removed;
}

/** True when the patch adds code that raises a page refcount in DAX code (mapping a DAX page with a reference). */
function addsDaxPageReference(patch: Patch): boolean {
  return patch.files.some((f: FileDiff) => /\bdax\b/.test(f.newPath ?? '') && f.hunks.some((h) => h.lines.some((l) => l.kind === 'add' && PAGE_REF_UP.test(l.text))));
}

function conventionRemoved(ctx: RuleContext): RuleReport[] {
  const removed = removedConvention(ctx.patch);
  if (!removed.length || addsDaxPageReference(ctx.patch)) return [];
  // On a kernel where the model says the helpers are already gone, free-at-0 is the convention of the tree.
  const gone = ctx.model.apiStatus('devmap_managed_key')?.removedIn;
  const target = targetVersion(ctx.patch, ctx.model);
  if (gone && atOrAfter(target.version, gone)) return [];
  const out: RuleReport[] = [];
  const removedEvidence: Evidence[] = removed.slice(0, 3).map((r) => ({ file: r.file, line: r.line, side: 'old', note: `removed: \`${r.text}\`` }));
  for (const fn of ctx.analysis.functions) {
    // (a) the zone-device free path treats an FS_DAX page reaching the free count as "idle" (wakes refcount waiters).
    walkStmts(fn.body, (s) => {
      if (s.k !== 'case' || !s.value || !/\bMEMORY_DEVICE_FS_DAX\b/.test(s.value.text)) return;
      const wake = s.body.flatMap((b) => callsOfStmt(b)).find((c) => c.callee === 'wake_up_var' && /_refcount/.test(c.text));
      if (!wake || !spanVisible(ctx.image, s.line, wake.line)) return;
      out.push(report(ctx, fn, gone, s.line, `${fn.name}:FS_DAX-idle-wake`, [
        ...removedEvidence,
        { file: ctx.image.path, line: s.line, note: 'FS_DAX pages still reach this free path' },
        { file: ctx.image.path, line: wake.line, note: `${wake.text}: their "free" only wakes waiters on the refcount` },
      ], `${fnName(fn)} still handles MEMORY_DEVICE_FS_DAX pages by waking waiters on the page refcount, but this patch removes the 1-based refcount that FS_DAX idle tracking relies on.`));
    });
    // (b) DAX code that decides a page is idle or busy from its refcount.
    if (!/dax/i.test(fn.name)) continue;
    for (const site of ctx.analysis.calls(fn)) {
      if (!/^(page_ref_count|page_count|folio_ref_count)$/.test(site.call.callee)) continue;
      const cmp = site.exprParents[site.exprParents.length - 1];
      if (cmp?.k !== 'binary' || !/^(==|!=|>|<|>=|<=)$/.test(cmp.op)) continue;
      out.push(report(ctx, fn, gone, site.call.line, `${fn.name}:${cmp.text.replace(/\s+/g, '')}`, [
        ...removedEvidence,
        { file: ctx.image.path, line: site.call.line, note: `\`${cmp.text}\` decides whether a DAX page is in use from its refcount` },
      ], `${fnName(fn)} judges an FS_DAX page idle or busy by \`${cmp.text}\`, but once the extra ZONE_DEVICE reference is gone a page that is mapped into user page tables holds no reference at all.`));
    }
  }
  return out;
}

/** Every call in a statement and the statements nested in it. */
function callsOfStmt(s: Stmt): Extract<Expr, { k: 'call' }>[] {
  const out: Extract<Expr, { k: 'call' }>[] = [];
  walkStmts(s, (x) => {
    const exprs = x.k === 'expr' ? [x.expr] : x.k === 'decl' ? x.vars.flatMap((v) => (v.init ? [v.init] : [])) : x.k === 'return' && x.value ? [x.value] : x.k === 'if' ? [x.cond] : [];
    for (const e of exprs) walkExpr(e, (c) => { if (c.k === 'call') out.push(c); });
  });
  return out;
}

function report(ctx: RuleContext, fn: FunctionIR, gone: string | undefined, line: number, code: string, evidence: Evidence[], message: string): RuleReport {
  return {
    line,
    function: fn,
    code,
    certainty: 'likely',
    message,
    why: 'With the 1-based convention a free ZONE_DEVICE page has refcount 1, and put_page() sends the 2 → 1 transition to '
      + 'put_devmap_managed_page(), which wakes DAX waiters (dax_layout_busy_page()) or frees device-private pages. Removing it makes '
      + 'pages free at 0, which is only correct when every page type gets a reference from whoever hands it out (device drivers call '
      + 'zone_device_page_init()). FS_DAX pages are inserted into page tables by fs/dax.c without taking a page reference, so after '
      + 'this change a mapped FS_DAX page sits at refcount 0 — the value this patch calls free: GUP\'s try_grab_page() refuses or warns '
      + 'on it, and DAX truncation sees busy pages as idle. Upstream kept the 1-based handling for FS_DAX until fs/dax.c learned to '
      + `refcount its pages${gone ? ` (the helpers are gone in ${gone})` : ''}.`,
    instead: 'Keep the 1-based handling for MEMORY_DEVICE_FS_DAX (page_is_devmap_managed() true only for FS_DAX) until fs/dax.c takes '
      + 'a page reference for every mapping, and convert only the types whose allocators set the count (device-private, coherent).',
    evidence,
    references: [...REFS, 'linux-pci 2022-01 "[PATCH v5 02/24] mm: remove extra ZONE_DEVICE struct page refcount" (review: "can\'t be applied until the FSDAX issues are solved")'],
  };
}

function fnName(fn: FunctionIR): string {
  return fn.name ? `${fn.name}()` : 'this code';
}

// ───────────── 2. raw initial counts where zone_device_page_init() exists ─────────────

function rawInitialCount(ctx: RuleContext, fn: FunctionIR, calls: readonly CallSite[]): RuleReport[] {
  // Only pages a driver hands out from its own ZONE_DEVICE pool carry zone_device_data (include/linux/mm_types.h).
  const devicePages = new Set<string>();
  // Expression statements `x->zone_device_data = ...`: assignments that are their statement's whole expression.
  for (const { expr: e, stmt: s } of exprSitesOfKind(fn, 'assign')) {
    if (s.k === 'expr' && s.expr === e && e.left.k === 'field' && e.left.field === 'zone_device_data') {
      devicePages.add(refKey(e.left.base));
    }
  }
  if (!devicePages.size) return [];
  // The helper's first version is the model's fact; without it (or before it) a raw count was the idiom.
  const status = ctx.model.apiStatus('zone_device_page_init');
  const target = targetVersion(ctx.patch, ctx.model);
  if (!status?.exists || !status.since || !atOrAfter(target.version, status.since)) return [];
  const out: RuleReport[] = [];
  for (const site of calls) {
    if (!RAW_INIT.has(site.call.callee) || !site.call.args[0]) continue;
    const page = refKey(site.call.args[0]);
    if (!devicePages.has(page)) continue;
    out.push({
      line: site.call.line,
      function: fn,
      code: site.call.text,
      certainty: 'likely',
      message: `${site.call.callee}(${page}) gives a ZONE_DEVICE page its initial reference by hand; on ${target.version} (${target.note}) a driver hands out device pages with zone_device_page_init().`,
      why: 'Free ZONE_DEVICE pages sit at refcount 0 and each allocated page pins the dev_pagemap: zone_device_page_init() '
        + '(mm/memremap.c) takes the pgmap reference with percpu_ref_tryget_live() and sets the count to 1, and free_zone_device_folio() '
        + 'puts the pgmap reference when the page is freed. Raising the count by hand skips the pgmap reference (the later put underflows '
        + 'it) and, with get_page() on a zero count, trips the refcount sanity checks.',
      instead: `Call zone_device_page_init(${page}) when handing the page out (it also locks the page), and let put_page() return it through the pgmap's page_free callback.`,
      evidence: [{ file: ctx.image.path, line: site.call.line, note: `${site.call.callee}() on a page whose zone_device_data this function sets` }],
      references: REFS,
      suggestion: site.call.callee === 'init_page_count' || site.call.callee === 'get_page'
        ? replaceCall(ctx, site, `zone_device_page_init(${site.call.args[0].text})`) : undefined,
    });
  }
  return out;
}

function replaceCall(ctx: RuleContext, site: CallSite, replacement: string): RuleReport['suggestion'] {
  if (site.call.line !== site.call.endLine) return undefined;
  const text = ctx.image.lineText.get(site.call.line);
  if (!text || !text.includes(site.call.text)) return undefined;
  return { startLine: site.call.line, endLine: site.call.line, replacement: text.replace(site.call.text, replacement), safety: 'review' };
}

// ───────────── 3. initialised pages abandoned on error paths ─────────────

function abandonedPages(ctx: RuleContext, fn: FunctionIR, calls: readonly CallSite[]): RuleReport[] {
  if (!calls.some((c) => c.call.callee === 'zone_device_page_init' || c.call.callee === 'zone_device_folio_init')) return [];
  const out: RuleReport[] = [];
  for (const leak of analyseRefs(fn, PAGE_INIT_OPS).leaks) {
    if (!leak.error || !spanVisible(ctx.image, leak.held.line, leak.returnLine)) continue;
    const h = leak.held;
    out.push({
      line: leak.returnLine,
      startLine: h.line,
      function: fn,
      code: `${h.call}(${h.key})@${fn.name}:${leak.returnText.replace(/\s+/g, ' ')}`,
      certainty: 'likely',
      message: `${fnName(fn)} returns an error at line ${leak.returnLine} after ${h.call}(${h.key}) at line ${h.line} without releasing the page: its refcount stays at 1 and the pgmap reference is never put.`,
      why: `${h.call}() sets the page's refcount to 1 and takes a reference on its dev_pagemap (mm/memremap.c). Only the final `
        + 'put_page()/folio_put() returns the page to the driver (page_free) and drops the pgmap reference; an abandoned page is lost to '
        + 'the driver\'s allocator, and memunmap_pages() waits forever for the pgmap reference at device removal.',
      instead: `Release the page on the error path with put_page(${h.key}) (after unlock_page() if it is still locked), like the success path's eventual free.`,
      evidence: [
        { file: ctx.image.path, line: h.line, note: `${h.call}() gives the page a reference and pins the pgmap` },
        ...(leak.error ? [{ file: ctx.image.path, line: leak.error.line, note: leak.error.note }] : []),
        { file: ctx.image.path, line: leak.returnLine, note: 'returns without put_page()' },
      ],
      references: REFS,
    });
  }
  return out;
}
