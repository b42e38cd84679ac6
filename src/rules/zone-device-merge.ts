// zone-device-merge: physically contiguous pages or bio_vecs merged into one segment without
// zone_device_pages_have_same_pgmap(), and merge checks that test the wrong pages (swapped arguments, the first
// page of the previous entry instead of its last), or that cover only one of a subsystem's merge paths (SG-007).
import type { Expr, FunctionIR } from '../c/ir.js';
import { exprSitesOfKind, stripCasts } from '../analysis/index.js';
import type { Patch } from '../types.js';
import { atOrAfter, targetVersion } from './support/kernel-era.js';
import { adjacencyTests, checksSamePgmap, earlierReason, mergeOrientation } from './support/page-merge.js';
import { addedLines, hunkFunctionAt } from './support/patch-lines.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'zone-device-merge';
const REFS = ['SG-007', 'include/linux/mmzone.h (zone_device_pages_have_same_pgmap)', 'lib/scatterlist.c (pages_are_mergeable)', 'block/bio.c', 'block/blk.h (biovec_phys_mergeable)'];

const WHY_PGMAP = 'A merged segment must belong to exactly one dev_pagemap: the DMA mapping code decides the P2PDMA map type (bus address or host bridge) and the bus offset from the segment\'s first page only (pci_p2pdma_state(), blk_rq_dma_map_iter_start()). '
  + 'Two physically adjacent pages can belong to different pgmaps (two BARs registered back to back, or a P2PDMA page next to RAM), and a merged segment then gets the wrong map type or offset for its tail.';

/** Function names that say "this builds merged segments". */
const MERGING_FN = /merg|coalesc|contig|chunk|append|alloc_table|segment|bvec|bio_add|add_page|add_pc_page/i;

/**
 * Merge paths that must all check pgmaps, by subsystem, with aliases for renamed helpers and the date their
 * upstream version gained the check (block/bio.c, block/blk.h; 49580e690755 and its 2026 fix 13920e4b7b78).
 */
const MERGE_FAMILIES: readonly { subsystem: string; members: readonly { names: readonly string[]; file: string; role: string; checkedSince: { date: string; version: string } }[] }[] = [
  {
    subsystem: 'block',
    members: [
      { names: ['bvec_try_merge_page', 'page_is_mergeable'], file: 'block/bio.c', role: 'bio_add_page() merging', checkedSince: { date: '2022-10-21', version: '6.2' } },
      { names: ['biovec_phys_mergeable'], file: 'block/blk.h', role: 'request merging, blk_rq_map_sg() and integrity merging', checkedSince: { date: '2026-04-10', version: '7.1' } },
    ],
  },
];

export const zoneDeviceMerge: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Physically contiguous pages or bvecs merged without zone_device_pages_have_same_pgmap(), or merge checks on the wrong pages',
    catalogue: ['SG-007'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      out.push(...uncheckedMerges(ctx, fn), ...swappedArguments(ctx, fn), ...firstPageOfPrevious(ctx, fn));
    }
    out.push(...incompleteFamily(ctx));
    return out;
  },
};

type Call = Extract<Expr, { k: 'call' }>;

/** True when the function grows an existing segment (`prv->length += PAGE_SIZE`, `bv->bv_len += len`). */
function extendsSegment(fn: FunctionIR): Expr | undefined {
  let hit: Expr | undefined;
  for (const { expr: x } of exprSitesOfKind(fn, 'assign')) {
    if (!hit && x.op === '+=' && x.left.k === 'field' && /(^|_)len(gth)?$/.test(x.left.field)) hit = x;
  }
  return hit;
}

/** Raw contiguity tests in code that builds merged segments, with no pgmap check anywhere in the function. */
function uncheckedMerges(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const tests = adjacencyTests(fn);
  if (tests.length === 0) return [];
  const grows = extendsSegment(fn);
  if (!grows && !MERGING_FN.test(fn.name)) return [];
  if (checksSamePgmap(ctx.analysis, fn)) return [];
  // A helper whose callers all go through a pgmap-checking merge helper is covered by them.
  return tests.map((t) => ({
    line: t.expr.line,
    function: fn,
    code: t.expr.text,
    message: `\`${t.expr.text.replace(/\s+/g, ' ')}\` decides that two pages are mergeable from physical contiguity alone: ${fn.name || 'this code'}() never calls zone_device_pages_have_same_pgmap(), so pages of different dev_pagemaps (or a P2PDMA page next to RAM) end up in one segment.`,
    why: WHY_PGMAP,
    instead: 'Also require zone_device_pages_have_same_pgmap(prev, next) before merging, as pages_are_mergeable() in lib/scatterlist.c and bvec_try_merge_page() in block/bio.c do.',
    evidence: [{ file: ctx.image.path, line: t.expr.line, note: `${t.form} contiguity test` },
      ...(grows ? [{ file: ctx.image.path, line: grows.line, note: `\`${grows.text}\` grows the segment` }] : [])],
    references: REFS,
  }));
}

/** A merge helper called with the earlier page in the "next page" slot. */
function swappedArguments(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (call.callee === fn.name) continue;
    const o = mergeOrientation(ctx.analysis, call.callee);
    if (!o) continue;
    const succ = call.args[o.succ];
    const pred = call.args[o.pred];
    if (!succ || !pred) continue;
    const wrongSucc = earlierReason(ctx.analysis, fn, succ);
    const rightPred = earlierReason(ctx.analysis, fn, pred);
    if (!wrongSucc || rightPred) continue;
    const fixed = call.args.map((a, i) => (i === o.succ ? pred.text : i === o.pred ? succ.text : a.text));
    out.push({
      line: call.line,
      function: fn,
      code: call.text,
      message: `${call.callee}() expects the candidate page as argument ${o.succ + 1} and the page already in the segment as argument ${o.pred + 1}, but gets them the other way round: ${wrongSucc.why}.`,
      why: `The helper tests that its argument ${o.succ + 1} starts right after argument ${o.pred + 1} (${o.source}). With the arguments swapped it checks the wrong direction, so contiguous pages are not merged and non-contiguous ones can be: the resulting entry covers memory it does not own (the 2023 lib/scatterlist.c fix "passes the page arguments in the wrong order").`,
      instead: `Pass the pages in the helper's order: ${call.callee}(${fixed.join(', ')}).`,
      evidence: [{ file: ctx.image.path, line: wrongSucc.line, note: wrongSucc.why }, { file: ctx.image.path, line: call.line, note: `passed as the next page to ${call.callee}()` }],
      references: REFS,
      suggestion: call.line === call.endLine ? suggestionFor(ctx, call, `${call.callee}(${fixed.join(', ')})`) : undefined,
    });
  }
  return out;
}

function suggestionFor(ctx: RuleContext, call: Call, replacement: string) {
  const text = ctx.image.lineText.get(call.line);
  if (!text || !text.includes(call.text)) return undefined;
  return { startLine: call.line, endLine: call.line, replacement: text.replace(call.text, replacement), safety: 'review' as const };
}

/**
 * `last = sg_page(prev_sg)` used as the predecessor of a contiguity check while that entry grows by whole pages:
 * sg_page() is the FIRST page of the entry; the page to compare with is the one at offset + length - 1.
 */
function firstPageOfPrevious(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  const scope = ctx.analysis.provenance.scope(fn);
  const usedInMerge = new Set<string>();
  for (const site of ctx.analysis.calls(fn)) {
    if (!mergeOrientation(ctx.analysis, site.call.callee)) continue;
    for (const a of site.call.args) { const x = stripCasts(a); if (x.k === 'ident') usedInMerge.add(x.name); }
  }
  for (const t of adjacencyTests(fn)) {
    for (const s of [t.pred, t.succ]) { const x = s && stripCasts(s); if (x?.k === 'ident') usedInMerge.add(x.name); }
  }
  for (const name of usedInMerge) {
    for (const a of scope.assigns.get(name) ?? []) {
      const rhs = stripCasts(a.rhs);
      if (rhs.k !== 'call' || rhs.callee !== 'sg_page' || !rhs.args[0]) continue;
      const entry = rhs.args[0].text.replace(/\s+/g, '');
      const grows = findGrowth(fn, entry);
      if (!grows && !/(prv|prev|last)/.test(entry)) continue;
      out.push({
        line: a.line,
        function: fn,
        code: `${name} = ${rhs.text}`,
        message: `\`${name}\` is set to sg_page(${rhs.args[0].text}), the FIRST page of that entry, and then used as the page the next one must follow: an entry longer than one page ends several pages later, so the contiguity and pgmap checks compare the wrong page.`,
        why: 'sg_page() returns the page the entry starts at; the entry covers offset + length bytes from there. Merging the next page requires it to follow the entry\'s LAST page (and to share that page\'s pgmap); comparing with the first page accepts pages that are not contiguous with the end of the entry (the 2023 lib/scatterlist.c fix: "The last_pg is wrong, it is actually the first page of the last scatterlist element").',
        instead: `Compute the entry's last page: the pfn of (page_to_phys(sg_page(${rhs.args[0].text})) + ${rhs.args[0].text}->offset + ${rhs.args[0].text}->length - 1), converted back with pfn_to_page(); and only merge when the next page's pfn follows it (the entry may also end mid-page).`,
        evidence: [{ file: ctx.image.path, line: a.line, note: `${name} = sg_page(${rhs.args[0].text})` },
          ...(grows ? [{ file: ctx.image.path, line: grows.line, note: `\`${grows.text}\` makes the entry span several pages` }] : [])],
        references: REFS,
      });
    }
  }
  return out;
}

function findGrowth(fn: FunctionIR, entry: string): Expr | undefined {
  let hit: Expr | undefined;
  for (const { expr: x } of exprSitesOfKind(fn, 'assign')) {
    if (!hit && x.op === '+=' && x.left.k === 'field' && /length/.test(x.left.field)
      && x.left.base.text.replace(/\s+/g, '') === entry) hit = x;
  }
  return hit;
}

/**
 * The patch adds the pgmap check to one merge path of a subsystem while a sibling path (in a file this patch
 * does not give the check) still merged without it at the time: reported on the added check.
 */
function incompleteFamily(ctx: RuleContext): RuleReport[] {
  if (ctx.side !== 'new') return [];
  const out: RuleReport[] = [];
  for (const fam of MERGE_FAMILIES) {
    for (const member of fam.members) {
      if (ctx.image.path !== member.file) continue;
      for (const fn of ctx.analysis.functions) {
        const added = ctx.analysis.calls(fn).find((s) => s.call.callee === 'zone_device_pages_have_same_pgmap' && ctx.image.changed.has(s.call.line));
        if (!added) continue;
        // The fragment's own name, else the function git named in the hunk header.
        const name = [fn.name, hunkFunctionAt(ctx.file, added.call.line)].find((n) => n && member.names.includes(n));
        if (!name) continue;
        for (const sib of fam.members) {
          if (sib === member || patchAddsCheckTo(ctx.patch, sib.file)) continue;
          if (!lackedCheck(ctx, sib.checkedSince)) continue;
          out.push({
            line: added.call.line,
            function: fn,
            code: `${name}: ${added.call.text}`,
            certainty: 'likely',
            message: `The pgmap check is added to ${name}() (${member.role}) only: ${sib.names[0]}() in ${sib.file} (${sib.role}) also merges physically contiguous bio_vecs and still does so across dev_pagemaps.`,
            why: `${WHY_PGMAP} Every path that merges segments must apply the same rule; ${sib.names[0]}() only gained the check upstream in ${sib.checkedSince.date.slice(0, 7)} (≈${sib.checkedSince.version}), after segments from different pgmaps had been merged at the request level.`,
            instead: `Add the same zone_device_pages_have_same_pgmap() test to ${sib.names[0]}() in ${sib.file} in this patch (compare the two bio_vecs' pages).`,
            evidence: [{ file: ctx.image.path, line: added.call.line, note: `check added to ${name}()` }],
            references: REFS,
          });
        }
      }
    }
  }
  return out;
}

/** Whether the patch adds a pgmap check in another file. */
function patchAddsCheckTo(patch: Patch, file: string): boolean {
  const f = patch.files.find((x) => x.newPath === file);
  return !!f && addedLines(f).some((l) => /zone_device_pages_have_same_pgmap|same_pgmap/.test(l.text));
}

/**
 * Did the sibling lack the check in the tree this patch targets (configured version, base commit, or the tree
 * of the patch's date)? Without any of these, nothing is claimed.
 */
function lackedCheck(ctx: RuleContext, since: { date: string; version: string }): boolean {
  const t = targetVersion(ctx.patch, ctx.model);
  if (t.source === 'mainline') return false;
  return !atOrAfter(t.version, since.version);
}
