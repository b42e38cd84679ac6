// gup-p2pdma-flags: GUP and P2PDMA pages. (1) FOLL_LONGTERM together with FOLL_PCI_P2PDMA: rejected by
// is_valid_gup_args()/check_vma_flags() "to allow the pgmap to be hot-unplugged at all times" (mm/gup.c).
// (2) FOLL_PCI_P2PDMA / ITER_ALLOW_P2PDMA set without checking that the queue or device can DMA-map P2P pages
// (blk_queue_pci_p2pdma(), dma_pci_p2pdma_supported()). (3) A GUP path that looks at a page (is it a P2PDMA
// page?) before it holds a reference: the lockless walker may be looking at a page that is being freed.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { exprSitesOfKind, walkExpr, walkFunction, walkStmts } from '../analysis/index.js';
import { callerChainSatisfies } from './support/call-graph.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'gup-p2pdma-flags';

const P2P_FLAGS = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;

/**
 * Checks that make P2P flags safe: the queue or device can map P2PDMA pages (block/blk.h blk_queue_pci_p2pdma,
 * kernel/dma/mapping.c dma_pci_p2pdma_supported, include/rdma/ib_verbs.h), or a caller's P2P decision passed down.
 */
const GATES = /\b(blk_queue_pci_p2pdma|dma_pci_p2pdma_supported|ib_dma_pci_p2p_dma_supported|BLK_FEAT_PCI_P2PDMA|supports_pci_p2pdma|pci_p2pdma_distance\w*|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b|p2p/i;

/** Speculative reference grabs of the GUP walkers (mm/gup.c, include/linux/mm.h, include/linux/page_ref.h). */
const GRABS = new Set(['try_grab_folio', 'try_grab_folio_fast', 'try_grab_compound_head', 'try_grab_page', 'try_get_page', 'try_get_folio',
  'folio_try_get', 'folio_try_get_rcu', 'get_page_unless_zero', 'page_cache_get_speculative', 'folio_ref_try_add_rcu']);

/** Tests that read the struct page (its flags, zone or pgmap) (include/linux/memremap.h, include/linux/mm.h). */
const PAGE_TESTS = new Set(['is_pci_p2pdma_page', 'is_zone_device_page', 'is_device_private_page', 'is_device_coherent_page', 'is_fsdax_page',
  'page_pgmap', 'folio_is_zone_device', 'folio_is_pci_p2pdma', 'is_pci_p2pdma_folio']);

const REFS = ['P2P-009', 'P2P-010', 'mm/gup.c (is_valid_gup_args, check_vma_flags, try_grab_folio)', 'Documentation/driver-api/pci/p2pdma.rst', 'block/bio.c, block/blk-map.c (FOLL_PCI_P2PDMA only if blk_queue_pci_p2pdma())'];

export const gupP2pdmaFlags: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'FOLL_LONGTERM with FOLL_PCI_P2PDMA; P2P GUP flags without a queue/device check; P2PDMA page tests before a GUP reference is held',
    catalogue: ['P2P-009', 'P2P-010'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      const sets = flagSets(fn);
      out.push(...longtermWithP2p(ctx, fn, sets));
      out.push(...ungatedP2pFlags(ctx, fn, sets));
      out.push(...pageTestBeforeGrab(ctx, fn));
    }
    return out;
  },
};

/** A place where flags are given a value: `x |= F`, `x = A | F`, or a call argument carrying F. */
interface FlagSet {
  /** The lvalue receiving the flags, or the call taking them. */
  target: string;
  flags: string[];
  expr: Expr;
  stmt: Stmt;
  parents: Stmt[];
}

/** The flag names setFlags() collects. */
const FLAG_NAME = /^(FOLL_\w+|ITER_ALLOW_P2PDMA)$/;

/** Flags OR-ed into a value (not those tested with `&` or cleared with `& ~`). */
function setFlags(e: Expr): string[] {
  switch (e.k) {
    case 'ident': return FLAG_NAME.test(e.name) ? [e.name] : [];
    case 'binary': return e.op === '|' ? [...setFlags(e.left), ...setFlags(e.right)] : [];
    case 'cast': return setFlags(e.arg);
    case 'cond': return [...setFlags(e.then), ...setFlags(e.else)];
    default: return [];
  }
}

function flagSets(fn: FunctionIR): FlagSet[] {
  const out: FlagSet[] = [];
  // Flags are identifiers of the function's expressions: without one of them there is nothing to collect.
  if (!exprSitesOfKind(fn, 'ident').some(({ expr: e }) => FLAG_NAME.test(e.name))) return out;
  walkFunction(fn, (stmt, parents) => {
    if (stmt.k === 'return' && stmt.value) {
      const flags = setFlags(stmt.value);
      if (flags.length) out.push({ target: `the value returned by ${fn.name || 'this function'}()`, flags, expr: stmt.value, stmt, parents });
    }
    if (stmt.k === 'decl') {
      for (const v of stmt.vars) {
        const flags = v.init ? setFlags(v.init) : [];
        if (flags.length) out.push({ target: v.name, flags, expr: v.init!, stmt, parents });
      }
    }
  }, (e, exprParents, stmt, parents) => {
    if (e.k === 'assign' && (e.op === '|=' || e.op === '=')) {
      const flags = setFlags(e.right);
      if (flags.length) out.push({ target: e.left.text.replace(/\s+/g, ''), flags, expr: e, stmt, parents });
    } else if (e.k === 'call') {
      for (const a of e.args) {
        const flags = setFlags(a);
        if (flags.length && !exprParents.some((p) => p.k === 'binary' && p.op === '&')) out.push({ target: `${e.callee}()`, flags, expr: a, stmt, parents });
      }
    }
  }, ['assign', 'call']);
  return out;
}

// ───────────── (1) FOLL_LONGTERM | FOLL_PCI_P2PDMA ─────────────

function longtermWithP2p(ctx: RuleContext, fn: FunctionIR, sets: FlagSet[]): RuleReport[] {
  const out: RuleReport[] = [];
  const byTarget = new Map<string, FlagSet[]>();
  for (const s of sets) byTarget.set(s.target, [...(byTarget.get(s.target) ?? []), s]);
  for (const [target, list] of byTarget) {
    const p2p = list.find((s) => s.flags.includes('FOLL_PCI_P2PDMA'));
    const lt = list.find((s) => s.flags.includes('FOLL_LONGTERM'));
    if (!p2p || !lt) continue;
    const same = p2p === lt;
    // Two separate assignments to a variable can be on exclusive paths; one call argument with both cannot.
    out.push({
      line: p2p.expr.line,
      function: fn,
      code: `${target}: ${p2p.expr.text}`,
      certainty: same ? 'certain' : 'likely',
      message: `${target} ${same ? 'gets' : 'can get'} both FOLL_LONGTERM and FOLL_PCI_P2PDMA: long-term pins of P2PDMA pages are refused by GUP.`,
      why: 'mm/gup.c rejects the combination (a WARN in is_valid_gup_args(), -EOPNOTSUPP from check_vma_flags()) "to allow the pgmap to be hot-unplugged at all times": a long-term pin would keep the provider\'s BAR pages alive across device removal. Documentation/driver-api/pci/p2pdma.rst: "The use of FOLL_LONGTERM is prevented."',
      instead: 'Use short-term pins (no FOLL_LONGTERM) for P2PDMA buffers, or import peer memory through DMABUF, whose move_notify/revoke handles removal.',
      evidence: [{ file: ctx.image.path, line: lt.expr.line, note: `FOLL_LONGTERM set: \`${lt.expr.text.replace(/\s+/g, ' ')}\`` },
        ...(same ? [] : [{ file: ctx.image.path, line: p2p.expr.line, note: `FOLL_PCI_P2PDMA set: \`${p2p.expr.text.replace(/\s+/g, ' ')}\`` }])],
      references: REFS,
    });
  }
  return out;
}

// ───────────── (2) P2P flags without a queue/device check ─────────────

function ungatedP2pFlags(ctx: RuleContext, fn: FunctionIR, sets: FlagSet[]): RuleReport[] {
  const out: RuleReport[] = [];
  for (const s of sets) {
    const flag = s.flags.find((f) => P2P_FLAGS.test(f));
    if (!flag) continue;
    if (gated(fn, s) || gatedByPreviousLine(ctx, s.expr.line)) continue;
    // A helper that returns the flag is fine when every caller in the file uses it under a gate.
    if (s.stmt.k === 'return' && callerChainSatisfies(ctx.analysis, fn, (f, via) => !!via && gatedSite(f, via.stmt, via.stmtParents), { all: true })) continue;
    out.push({
      line: s.expr.line,
      function: fn,
      code: `${s.target}: ${s.expr.text}`,
      certainty: 'likely',
      message: `${flag} is set for ${s.target} without checking that the device can DMA-map P2PDMA pages (blk_queue_pci_p2pdma() / dma_pci_p2pdma_supported()).`,
      why: `With ${flag} GUP hands out P2PDMA pages (BAR memory behind an uncached MMIO alias); without it, it refuses them with -EREMOTEIO. Every consumer of the pages must then be P2P-safe: no CPU copies, and a DMA path that applies the P2P map type. Devices with custom dma_map_ops (dma_pci_p2pdma_supported() is false) and queues without BLK_FEAT_PCI_P2PDMA cannot map them.`,
      instead: `Set ${flag} only when the target can take P2P pages, as the block layer does: \`if (blk_queue_pci_p2pdma(q)) flags |= ${flag};\` (or gate on dma_pci_p2pdma_supported(dma_dev)).`,
      evidence: [{ file: ctx.image.path, line: s.expr.line, note: `\`${s.expr.text.replace(/\s+/g, ' ')}\` with no P2P capability check on the path` }],
      references: REFS,
    });
  }
  return out;
}

/** An enclosing condition, a conditional expression, or an earlier early-return test that checks P2P capability. */
function gated(fn: FunctionIR, s: FlagSet): boolean {
  // A conditional expression choosing the flag: `q_p2p ? FOLL_PCI_P2PDMA : 0`.
  let conditional = false;
  walkExpr(s.expr, (e) => { if (e.k === 'cond' && GATES.test(e.test.text)) conditional = true; });
  return conditional || gatedSite(fn, s.stmt, s.parents);
}

/**
 * Text fallback for fragments the parser could not structure: the code line just before the flag is an `if (...)`
 * header that tests P2P capability and governs it.
 */
function gatedByPreviousLine(ctx: RuleContext, line: number): boolean {
  for (let l = line - 1; l >= line - 4; l--) {
    const t = ctx.image.lineText.get(l);
    if (t === undefined) return false;
    const code = t.replace(/\/\*.*?\*\/|\/\/.*$/g, '').trim();
    if (!code) continue;
    return /^(\}\s*else\s+)?if\s*\(/.test(code) && !/;\s*$/.test(code) && GATES.test(code);
  }
  return false;
}

function gatedSite(fn: FunctionIR, stmt: Stmt, parents: Stmt[]): boolean {
  if (parents.some((p) => (p.k === 'if' || p.k === 'switch') && GATES.test(p.cond.text))) return true;
  let early = false;
  walkStmts(fn.body, (st) => {
    if (early || st.line >= stmt.line || st.k !== 'if') return;
    const leaves = st.then.k === 'return' || (st.then.k === 'block' && st.then.body.some((b) => b.k === 'return' || b.k === 'goto'));
    if (leaves && GATES.test(st.cond.text)) early = true;
  });
  return early;
}

// ───────────── (3) page content read before a reference is held ─────────────

function pageTestBeforeGrab(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  const calls = ctx.analysis.calls(fn);
  const grabs = calls.filter((s) => GRABS.has(s.call.callee));
  // The grab helpers themselves (upstream tests P2PDMA-ness inside try_grab_folio*()) are the accepted place.
  if (grabs.length === 0 || GRABS.has(fn.name)) return out;
  // A pgmap reference taken first pins the ZONE_DEVICE memmap and pgmap the test reads (mm/gup.c devmap walkers).
  const pgmapRef = calls.find((s) => s.call.callee === 'get_dev_pagemap');
  for (const t of calls) {
    if (!PAGE_TESTS.has(t.call.callee) || !t.call.args[0]) continue;
    if (pgmapRef && pgmapRef.call.line <= t.call.line) continue;
    const page = t.call.args[0].text.replace(/\s+/g, '');
    // The first grab of the same page after the test: the test ran on a page nobody holds.
    const grab = grabs.find((g) => g.call.line >= t.call.line && g.call !== t.call
      && g.call.args.some((a) => a.text.replace(/\s+/g, '') === page || new RegExp(`\\b${escape(page)}\\b`).test(a.text)));
    if (!grab) continue;
    out.push({
      line: t.call.line,
      function: fn,
      code: t.call.text,
      // likely: the upstream grab helpers still test P2PDMA-ness right before their speculative get.
      certainty: 'likely',
      message: `${t.call.callee}(${page}) reads the struct page before ${grab.call.callee}() takes a reference on it: a lockless GUP walk cannot look at the page's contents until it holds one.`,
      why: 'GUP-fast walks page tables without locks; until the speculative reference succeeds (and the PTE is re-checked) the page may be freed, reused or, for ZONE_DEVICE, have its pgmap torn down, so its flags and pgmap pointer are not stable. Jason Gunthorpe on the FOLL_PCI_P2PDMA series: "we cannot touch the content of *page without holding a ref".',
      instead: `Take the reference first and test afterwards, dropping it on rejection: \`folio = ${grab.call.callee}(...); if (!folio) goto out; if (!(flags & FOLL_PCI_P2PDMA) && is_pci_p2pdma_page(page)) { gup_put_folio(folio, 1, flags); goto out; }\`, or move the test into the grab helper after the reference is taken.`,
      evidence: [{ file: ctx.image.path, line: t.call.line, note: `${t.call.callee}() on an unreferenced page` },
        { file: ctx.image.path, line: grab.call.line, note: `reference taken only here (${grab.call.callee}())` }],
      references: REFS,
    });
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
