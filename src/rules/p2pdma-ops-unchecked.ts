// p2pdma-ops-unchecked: P2PDMA pages can only be mapped by DMA implementations that understand them (dma-direct
// and dma-iommu); devices with custom dma_map_ops, virtual DMA (dma_virt_ops, software RDMA) or drivers that need
// struct pages cannot take them. Advertising P2P support (BLK_FEAT_PCI_P2PDMA, QUEUE_FLAG_PCI_P2PDMA,
// ITER_ALLOW_P2PDMA, FOLL_PCI_P2PDMA, a supports_pci_p2pdma op, a P2P ops flag) must be gated on
// dma_pci_p2pdma_supported() (ib_dma_pci_p2p_dma_supported() for RDMA) — kernel/dma/mapping.c, nvme-pci does it.
// Before that helper existed (≈6.0) the P2PDMA core itself had to reject such clients when computing the distance.
// In any era, handing a device a page-less, DMA-address-only scatterlist without asking whether it can use one
// breaks the devices that need struct pages.
import type { Expr, FunctionIR, Stmt, VarDecl } from '../c/ir.js';
import { callsIn, exprSitesOfKind, stripCasts, walkExpr, walkStmts } from '../analysis/index.js';
import { atOrAfter, targetVersion, type TargetVersion } from './support/kernel-era.js';
import type { Located } from './support/flow-order.js';
import { functionNameAt } from './support/function-name.js';
import { memoize } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-ops-unchecked';
const REFS = ['DMA-009', 'kernel/dma/mapping.c (dma_pci_p2pdma_supported)', 'include/rdma/ib_verbs.h (ib_dma_pci_p2p_dma_supported)', 'drivers/nvme/host/pci.c (supports_pci_p2pdma)',
  'linux-pci 2019-06 review of the "Removing struct page from P2PDMA" RFC (devices that need struct pages must be refused)', '"PCI/P2PDMA: Fix missing check for dma_virt_ops" (2019)'];

/** Flags and feature bits whose setting tells upper layers "this device takes P2PDMA pages" (block, iov_iter, GUP). */
const ADVERTISE = /^(BLK_FEAT_PCI_P2PDMA|QUEUE_FLAG_PCI_P2PDMA|ITER_ALLOW_P2PDMA|FOLL_PCI_P2PDMA)$/;
/** The capability checks themselves (kernel/dma/mapping.c, include/rdma/ib_verbs.h, include/linux/blkdev.h). */
const CAPABILITY = /\b(dma_pci_p2pdma_supported|ib_dma_pci_p2p_dma_supported|blk_queue_pci_p2pdma)\b/;
/** Anything that looks at a client's DMA implementation (ops pointer, virtual DMA, the capability helpers). */
const DMA_OPS_CHECK = /\b(dma_ops|dma_virt_ops|get_dma_ops|dma_pci_p2pdma_supported|ib_uses_virt_dma|ib_dma_pci_p2p_dma_supported|dma_map_ops)\b/;
/** Calls that decide P2P reachability for a device (the P2PDMA core refuses unsupported clients in them). */
const P2P_DECISION = /\b(pci_p2pdma_distance\w*|pci_p2pdma_map_type|pci_p2pdma_state|pci_p2pmem_find\w*)\b/;
/** An op or field that answers "supports P2P?" (nvme_ctrl_ops.supports_pci_p2pdma and the like). */
const SUPPORTS_OP = /^(supports?_\w*p2p\w*|\w*p2p\w*_supported)$/i;
/** Scatterlist setters that give an entry a page (include/linux/scatterlist.h). */
const PAGE_SETTERS = /^(sg_set_page|sg_set_buf|sg_init_one|sg_set_folio|sg_assign_page)$/;

export const p2pdmaOpsUnchecked: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'P2P support advertised without dma_pci_p2pdma_supported(); P2P setup accepting clients whose DMA ops cannot take P2PDMA pages',
    catalogue: ['DMA-009'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const target = targetVersion(ctx.patch, ctx.model);
    const helperSince = ctx.model.apiStatus('dma_pci_p2pdma_supported')?.since;
    const modern = atOrAfter(target.version, helperSince);
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      if (modern) out.push(...advertised(ctx, fn, target));
      else out.push(...clientsWithoutOpsCheck(ctx, fn, target));
      out.push(...pagelessSg(ctx, fn));
    }
    if (modern) out.push(...supportOps(ctx, target), ...p2pOpsFlags(ctx, target));
    return out;
  },
};

// ───────────── advertising P2P support (≈6.0+) ─────────────

/** Flag settings in `fn` that advertise P2P support with no capability decision guarding them. */
function advertised(ctx: RuleContext, fn: FunctionIR, target: TargetVersion): RuleReport[] {
  const out: RuleReport[] = [];
  // Only an advertising flag can be reported: most functions mention none and need no further look.
  if (!exprSitesOfKind(fn, 'ident').some(({ expr: e }) => ADVERTISE.test(e.name))) return out;
  if (CAPABILITY.test(fn.text) || checksThroughHelper(ctx, fn)) return out;
  for (const { expr: e, exprParents: eps, stmt: s, stmtParents: parents } of exprSitesOfKind(fn, 'ident')) {
    if (!ADVERTISE.test(e.name) || !sets(s, e, eps)) continue;
    if (guarded({ stmt: s, stmtParents: parents }) || eps.some((p) => p.k === 'cond' && /p2p/i.test(p.test.text))
      || guardedInText(ctx, s.line)) continue;
    out.push({
      line: e.line, function: fn, code: `${fn.name}:${e.name}:${s.text.split('\n')[0].trim()}`, certainty: 'likely',
      message: `${e.name} is set without dma_pci_p2pdma_supported(): upper layers will hand this device P2PDMA pages even when its DMA ops cannot map them.`,
      why: `P2PDMA pages can only be mapped by dma-direct and dma-iommu; a device behind custom dma_map_ops (or virtual DMA) maps them as if they were RAM, so the transfer gets wrong addresses or the CPU touches MMIO. dma_pci_p2pdma_supported(dev) is the check (kernel/dma/mapping.c); judged for ${target.note}.`,
      instead: 'Set the flag only when the DMA device can take P2P pages: `if (dma_pci_p2pdma_supported(dma_dev)) lim.features |= BLK_FEAT_PCI_P2PDMA;` (ib_dma_pci_p2p_dma_supported() for an ib_device), as nvme-pci does.',
      evidence: [{ file: ctx.image.path, line: e.line, note: `${e.name} advertised` }],
      references: REFS,
    });
  }
  return out;
}

/** True when the flag is being set or passed on, not tested (`flags & X`, a condition, a clear). */
function sets(s: Stmt, e: Expr, parents: Expr[]): boolean {
  if ((s.k === 'if' || s.k === 'switch') || (s.k === 'loop' && !!s.cond && contains(s.cond, e))) return false;
  for (const p of parents) {
    if (p.k === 'binary' && ['&', '==', '!=', '&&', '||'].includes(p.op)) return false;
    if (p.k === 'unary' && (p.op === '~' || p.op === '!')) return false;
    if (p.k === 'call' && /clear|test|WARN|BUG/i.test(p.callee)) return false;
    if (p.k === 'cond' && contains(p.test, e)) return false;
  }
  return true;
}

function contains(root: Expr, target: Expr): boolean {
  let hit = false;
  walkExpr(root, (x) => { if (x === target) hit = true; });
  return hit;
}

/** An enclosing condition that asks about P2P (a capability helper, a P2P op or a P2P flag of the caller). */
function guarded(l: Located): boolean {
  return l.stmtParents.some((p) => p.k === 'if' && /p2p/i.test(p.cond.text));
}

/**
 * The same question asked of the source text: the lines just above the statement, back to the previous statement
 * boundary, open an `if (` that mentions P2P. Covers macro-heavy code the parser could not structure.
 */
function guardedInText(ctx: RuleContext, line: number): boolean {
  const above: string[] = [];
  for (let l = line - 1; l >= line - 4; l--) {
    const t = ctx.image.lineText.get(l);
    if (t === undefined || /[;{}]\s*$/.test(t.replace(/\/\*.*?\*\/|\/\/.*$/g, '').trimEnd())) break;
    above.unshift(t);
  }
  return /\bif\s*\([\s\S]*p2p/i.test(above.join('\n'));
}

/** The function calls a helper of this file that makes the capability check (e.g. an early `if (!x_p2p_ok(dev))`). */
function checksThroughHelper(ctx: RuleContext, fn: FunctionIR): boolean {
  return ctx.analysis.calls(fn).some((s) => {
    const h = ctx.analysis.provenance.functionNamed(s.call.callee);
    return !!h && h !== fn && checksCapability(h);
  });
}

/** CAPABILITY tested on a function's text, once per function (helpers are asked about at every call). */
const checksCapability = memoize((fn: FunctionIR): boolean => CAPABILITY.test(fn.text));

/** `.supports_pci_p2pdma = fn` (or a runtime assignment) where fn returns true without any check. */
function supportOps(ctx: RuleContext, target: TargetVersion): RuleReport[] {
  const out: RuleReport[] = [];
  const implementations = new Set<string>();
  for (const g of ctx.ir.globals) for (const d of designators(g)) if (SUPPORTS_OP.test(d.field) && d.value.k === 'ident') implementations.add(d.value.name);
  for (const fn of ctx.analysis.functions) {
    for (const { expr: e } of exprSitesOfKind(fn, 'assign')) {
      if (e.left.k === 'field' && SUPPORTS_OP.test(e.left.field) && e.right.k === 'ident') implementations.add(e.right.name);
    }
  }
  for (const name of implementations) {
    const impl = ctx.analysis.provenance.functionNamed(name);
    if (!impl || CAPABILITY.test(impl.text) || DMA_OPS_CHECK.test(impl.text) || checksThroughHelper(ctx, impl)) continue;
    walkStmts(impl.body, (s) => {
      if (s.k !== 'return' || !s.value || !/^(true|1)$/.test(stripCasts(s.value).text.trim())) return;
      out.push({
        line: s.line, function: impl, code: `${impl.name}:${s.text}`, certainty: 'certain',
        message: `${impl.name}() answers "supports P2PDMA" with a constant true: the device is offered P2PDMA pages whatever DMA ops it has.`,
        why: `The op exists so the answer can depend on the device: with custom dma_map_ops (or virtual DMA) P2PDMA pages cannot be mapped. dma_pci_p2pdma_supported() (kernel/dma/mapping.c) gives that answer; judged for ${target.note}.`,
        instead: `Return dma_pci_p2pdma_supported(<the DMA device>) (ib_dma_pci_p2p_dma_supported() for RDMA).`,
        evidence: [{ file: ctx.image.path, line: s.line, note: 'unconditional true' }],
        references: REFS,
      });
    });
  }
  return out;
}

/** `.flags = ...P2P...` in an ops initializer: a static capability that cannot depend on the device's DMA ops. */
function p2pOpsFlags(ctx: RuleContext, target: TargetVersion): RuleReport[] {
  const out: RuleReport[] = [];
  for (const g of ctx.ir.globals) {
    const ds = designators(g);
    const flags = ds.find((d) => d.field === 'flags' && /P2P/.test(d.value.text));
    if (!flags) continue;
    const mapSg = ds.find((d) => d.field === 'map_sg');
    if (/\bDMA_F_/.test(flags.value.text)) {
      // A dma_map_ops implementation declaring P2P support: its map_sg must handle P2PDMA pages.
      const impl = mapSg?.value.k === 'ident' ? ctx.analysis.provenance.functionNamed(mapSg.value.name) : undefined;
      if (!impl || /p2p/i.test(impl.text)) continue;
      out.push({
        line: flags.value.line, code: `${g.name}:${flags.value.text}`, certainty: 'likely',
        message: `${g.name} declares P2PDMA support in .flags, but its map_sg (${impl.name}()) never handles P2PDMA pages.`,
        why: `dma_pci_p2pdma_supported() trusts this flag; a map_sg that does not look at the P2P map type maps bus-address pages through the IOMMU or bounces MMIO (judged for ${target.note}).`,
        instead: `Handle P2PDMA pages in ${impl.name}() (pci_p2pdma_state(), bus-address marking) before declaring the flag, or drop it.`,
        evidence: [{ file: ctx.image.path, line: flags.value.line, note: 'P2P flag declared' }, { file: ctx.image.path, line: impl.line, note: `${impl.name}() has no P2PDMA handling` }],
        references: REFS,
      });
      continue;
    }
    out.push({
      line: flags.value.line, code: `${g.name}:${flags.value.text}`, certainty: 'likely',
      message: `${g.name} advertises P2PDMA support through a static flag (${flags.value.text.replace(/\s+/g, ' ')}), which cannot depend on whether the device's DMA ops can map P2PDMA pages.`,
      why: `Custom dma_map_ops cannot map P2PDMA pages; the answer must come from dma_pci_p2pdma_supported(dev) at run time (kernel/dma/mapping.c; judged for ${target.note}).`,
      instead: 'Replace the flag with an op (e.g. supports_pci_p2pdma()) that returns dma_pci_p2pdma_supported(dev), as nvme-pci does.',
      evidence: [{ file: ctx.image.path, line: flags.value.line, note: 'static P2P flag' }],
      references: REFS,
    });
  }
  return out;
}

/**
 * `.field = value` pairs of a global's initializer (the IR keeps values; the designators come from the text).
 * Once per global: both P2P ops checks read every initializer of the file.
 */
const designators = memoize((g: VarDecl): readonly { field: string; value: Expr }[] => Object.freeze(findDesignators(g)));

function findDesignators(g: VarDecl): { field: string; value: Expr }[] {
  if (g.init?.k !== 'init') return [];
  const out: { field: string; value: Expr }[] = [];
  let from = 0;
  for (const item of g.init.items) {
    const idx = g.text.indexOf(item.text, from);
    if (idx < 0) continue;
    const m = /\.(\w+)\s*=\s*$/.exec(g.text.slice(from, idx));
    if (m) out.push({ field: m[1], value: item });
    from = idx + item.text.length;
  }
  return out;
}

// ───────────── before dma_pci_p2pdma_supported() existed ─────────────

/**
 * A P2P distance/compatibility function that turns each client device into its PCI device without first rejecting
 * clients whose DMA ops cannot take P2PDMA pages (dma_virt_ops in that era).
 */
function clientsWithoutOpsCheck(ctx: RuleContext, fn: FunctionIR, target: TargetVersion): RuleReport[] {
  if (DMA_OPS_CHECK.test(fn.text)) return [];
  const out: RuleReport[] = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (!/^(find_parent_pci_dev|to_pci_dev)$/.test(call.callee) || !call.args[0] || !/client/i.test(call.args[0].text)) continue;
    const name = functionNameAt(ctx, fn, call.line);
    if (!/p2p/i.test(name)) continue;
    out.push({
      line: call.line, function: fn, code: call.text, certainty: 'likely',
      message: `${name}() accepts \`${call.args[0].text}\` for P2PDMA by its PCI topology alone; clients whose DMA goes through dma_virt_ops (software RDMA) or other custom dma_map_ops cannot use P2PDMA pages and are not rejected.`,
      why: `In ${target.note} there is no dma_pci_p2pdma_supported(); the P2PDMA core's client check is the only place such devices are turned away, and without it a software device maps the peer's BAR pages as if they were RAM (it needs CPU access through struct pages).`,
      instead: 'Reject the client before looking at its topology: `if (IS_ENABLED(CONFIG_DMA_VIRT_OPS) && client->dma_ops == &dma_virt_ops) return -1;` (newer kernels: check dma_pci_p2pdma_supported() in the P2P consumer).',
      evidence: [{ file: ctx.image.path, line: call.line, note: 'client accepted by topology only' }],
      references: REFS,
    });
    break;
  }
  return out;
}

// ───────────── page-less, DMA-address-only scatterlists ─────────────

/** A local scatterlist given a DMA address but no page, then passed on, with no capability check in the function. */
function pagelessSg(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  // Only an interface other code calls with devices of any kind (a non-static function) has to refuse the ones
  // that need struct pages; a driver's own static helpers know their device (dmaengine memcpy, for example).
  if (fn.isStatic || fn.synthetic) return [];
  if (DMA_OPS_CHECK.test(fn.text) || P2P_DECISION.test(fn.text) || CAPABILITY.test(fn.text)) return [];
  const out: RuleReport[] = [];
  const locals: VarDecl[] = [];
  walkStmts(fn.body, (s) => { if (s.k === 'decl') for (const v of s.vars) if (/\bstruct\s+scatterlist\b/.test(v.type) && !v.pointer) locals.push(v); });
  for (const v of locals) {
    let dmaWrite: Expr | undefined;
    let hasPage = false;
    let handed: Expr | undefined;
    for (const { call: e, exprParents: parents } of callsIn(fn)) {
      const first = e.args[0] ? rootName(e.args[0]) : undefined;
      if (/^(sg_dma_address|sg_dma_len)$/.test(e.callee) && first === v.name) {
        const p = parents[parents.length - 1];
        if (p?.k === 'assign' && p.left === e) dmaWrite ??= e;
        continue;
      }
      if (PAGE_SETTERS.test(e.callee) && first === v.name) { hasPage = true; continue; }
      if (/^(sg_|memset|memcpy)/.test(e.callee)) continue;
      if (e.args.some((a) => rootName(a) === v.name)) handed ??= e;
    }
    if (!dmaWrite || hasPage || !handed) continue;
    const w: Expr = dmaWrite;
    const h: Expr = handed;
    out.push({
      line: w.line, function: fn, code: `${fn.name}:${v.name}:${w.text}`, certainty: 'likely',
      message: `\`${v.name}\` is a scatterlist with only a DMA address (no page) that is handed to ${(h as Extract<Expr, { k: 'call' }>).callee}() without checking that the device can work from DMA addresses alone; devices that need struct pages (dma_virt_ops / software RDMA such as rxe and siw) must be refused.`,
      why: 'Software and virtual-DMA devices do not DMA at all: they copy with the CPU through sg_page()/kmap. A page-less entry crashes them, and P2P bus addresses mean nothing to them. The P2P path must reject such devices (ib_uses_virt_dma() / ib_dma_pci_p2p_dma_supported(), dma_pci_p2pdma_supported()).',
      instead: 'Fail early for devices that cannot take P2P DMA addresses (e.g. `if (!ib_dma_pci_p2p_dma_supported(dev)) return -EOPNOTSUPP;`), or keep struct pages in the list and map it with dma_map_sgtable().',
      evidence: [{ file: ctx.image.path, line: v.line, note: `${v.name} declared here, never given a page` }, { file: ctx.image.path, line: w.line, note: 'only the DMA address is set' },
        { file: ctx.image.path, line: h.line, note: `handed to ${(h as Extract<Expr, { k: 'call' }>).callee}()` }],
      references: REFS,
    });
  }
  return out;
}

/** The variable an argument refers to: `&sg` / `sg` / `&sg[0]` / `sg + 1` → `sg`. */
function rootName(e: Expr): string | undefined {
  let x = stripCasts(e);
  for (;;) {
    if (x.k === 'addr' || x.k === 'deref') x = stripCasts(x.arg);
    else if (x.k === 'index') x = stripCasts(x.base);
    else if (x.k === 'binary' && (x.op === '+' || x.op === '-')) x = stripCasts(x.left);
    else break;
  }
  return x.k === 'ident' ? x.name : undefined;
}

