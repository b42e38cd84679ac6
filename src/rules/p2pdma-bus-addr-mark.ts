// p2pdma-bus-addr-mark: the scatterlist bus-address mark and the map_sg branches that set it. Three mistakes:
// a driver setting or clearing the mark (only dma_map_sg() implementations may: include/linux/scatterlist.h);
// a PCI_P2PDMA_MAP_BUS_ADDR branch that sets dma_address and the mark but not sg_dma_len (the ≈6.16 dma-direct
// regression fixed by d0d08f4bd7f6); and a PCI_P2PDMA_MAP_THRU_HOST_BRIDGE case that breaks out of the switch
// before the mapping in another case runs (the regression fixed by 560000d619ef).
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { exprSitesOfKind, ownExprs, walkExpr, walkStmts } from '../analysis/index.js';
import { exprsOf, flatten, mapTypeSwitches, mapTypesIn, switchCases, type CaseRun } from './support/p2p-branches.js';
import { brokenSentence, platformVerdict } from './support/p2p-platforms.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-bus-addr-mark';

/** Mark helpers reserved to dma_map_sg() implementations (include/linux/scatterlist.h). */
const MARKERS = new Set(['sg_dma_mark_bus_address', 'sg_dma_unmark_bus_address', 'sg_dma_mark_swiotlb', 'sg_dma_unmark_swiotlb']);

/**
 * Where map_sg implementations live: the DMA core, IOMMU DMA ops, arch DMA ops, the P2PDMA core's map helpers,
 * and the headers that define the helpers.
 */
const IMPLEMENTATION_PATHS = /^(kernel\/dma\/|drivers\/iommu\/|arch\/|drivers\/pci\/p2pdma\.c$|include\/linux\/|lib\/scatterlist\.c$|drivers\/xen\/swiotlb-xen\.c$|drivers\/parisc\/)/;

/** A function that implements (rather than calls) sg mapping: a map_sg/unmap_sg op or a P2PDMA segment helper. */
const IMPLEMENTATION_NAME = /(^|_)(un)?map_sg(_attrs)?$|(^|_)map_(bus_)?segment$|^__finalise_sg$|^__invalidate_sg$/;

/** Calls that create a DMA mapping for a segment (kernel/dma/direct.h, drivers/iommu/dma-iommu.c, kernel/dma/swiotlb.c). */
const MAPPING_CALL = /^(dma_direct_map_(page|phys)|iommu_dma_map_(page|phys)|swiotlb_map|swiotlb_tbl_map_single|dma_map_(page|phys|single)(_attrs)?|__iommu_dma_map|phys_to_dma)$/;

const REFS = ['P2P-004', 'P2P-005', 'P2P-006', 'include/linux/scatterlist.h (sg_dma_mark_bus_address)', 'kernel/dma/direct.c (dma_direct_map_sg)', 'drivers/iommu/dma-iommu.c (iommu_dma_map_sg)'];

export const p2pdmaBusAddrMark: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Bus-address mark set outside map_sg implementations; BUS_ADDR branch without sg_dma_len; THRU_HOST_BRIDGE case that skips the mapping',
    catalogue: ['P2P-004', 'P2P-005', 'P2P-006'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const opsImplementations = mapSgOps(ctx);
    for (const fn of ctx.analysis.functions) {
      out.push(...markOutsideImplementations(ctx, fn, opsImplementations));
      out.push(...busAddrWithoutLength(ctx, fn));
      out.push(...hostBridgeBreak(ctx, fn));
    }
    return out;
  },
};

/** Functions named in `.map_sg = fn` / `.unmap_sg = fn` initialisers of this image (a dma_map_ops table). */
function mapSgOps(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const text of ctx.image.lineText.values()) {
    // Every op name below contains `map_`: most lines need no regex.
    if (!text.includes('map_')) continue;
    for (const m of text.matchAll(/\.\s*(?:map_sg|unmap_sg|map_phys|map_page)\s*=\s*(\w+)/g)) out.add(m[1]);
  }
  return out;
}

// ───────────── P2P-004: the mark outside dma_map_sg() implementations ─────────────

function markOutsideImplementations(ctx: RuleContext, fn: FunctionIR, ops: Set<string>): RuleReport[] {
  if (IMPLEMENTATION_PATHS.test(ctx.image.path) || ops.has(fn.name)) return [];
  const wrapsDmaApi = ctx.analysis.calls(fn).some((s) => /^(dma_map_sg|dma_map_sg_attrs|dma_map_sgtable|ib_dma_map_sg\w*)$/.test(s.call.callee));
  if (IMPLEMENTATION_NAME.test(fn.name) && !wrapsDmaApi) return [];
  return ctx.analysis.calls(fn).filter((s) => MARKERS.has(s.call.callee)).map((s) => ({
    line: s.call.line,
    function: fn,
    code: s.call.text,
    message: `${s.call.callee}() is called ${fn.name ? `by ${fn.name}() ` : ''}in ${ctx.image.path}, which is not a dma_map_sg() implementation: the DMA mapping flags belong to the code that created the mapping.`,
    why: 'The scatterlist kerneldoc says these helpers "should only be used by dma_map_sg() implementations". The bus-address mark tells dma_unmap_sg() that a segment holds a PCI bus address that must not be unmapped; a driver that sets it makes the unmap skip a real IOVA (leaking it), and one that clears it makes the unmap free an IOVA that was never allocated. The swiotlb mark likewise steers the sync and unmap paths.',
    instead: 'Let dma_map_sg()/dma_map_sgtable() set the marks, and only read them (sg_dma_is_bus_address(), sg_dma_is_swiotlb()) in drivers.',
    evidence: [{ file: ctx.image.path, line: s.call.line, note: `${s.call.callee}() outside kernel/dma, dma-iommu and arch map_sg code` }],
    references: REFS,
  }));
}

// ───────────── P2P-005: BUS_ADDR branch without the DMA length ─────────────

interface Branch { label: string; line: number; stmts: Stmt[]; end?: Stmt; after: Stmt[] }

function busAddrBranches(fn: FunctionIR): Branch[] {
  const out: Branch[] = [];
  for (const sw of mapTypeSwitches(fn)) {
    for (const c of switchCases(sw)) {
      if (!c.mapTypes.includes('BUS_ADDR')) continue;
      out.push({ label: 'case PCI_P2PDMA_MAP_BUS_ADDR', line: c.label.line, stmts: c.run, end: c.end, after: followers(fn, sw) });
    }
  }
  const eqTypes = equalityMapTypesByStmt(fn);
  walkStmts(fn.body, (s) => {
    if (s.k !== 'if') return;
    const eq = eqTypes.get(s) ?? [];
    if (!eq.includes('BUS_ADDR')) return;
    const then = s.then.k === 'block' ? s.then.body : [s.then];
    const last = then[then.length - 1];
    out.push({ label: `if (${s.cond.text.replace(/\s+/g, ' ')})`, line: s.line, stmts: then, end: last && /^(continue|return|goto|break)$/.test(last.k) ? last : undefined, after: followers(fn, s) });
  });
  return out;
}

/**
 * Map types compared with `==` in each statement's own expressions, in walk order: for an `if`, those of its
 * condition. One pass over the function's comparisons instead of a walk of every condition.
 */
function equalityMapTypesByStmt(fn: FunctionIR): Map<Stmt, string[]> {
  const out = new Map<Stmt, string[]>();
  for (const { expr: e, stmt } of exprSitesOfKind(fn, 'binary')) {
    if (e.op !== '==') continue;
    const types = [...mapTypesIn(e.left), ...mapTypesIn(e.right)];
    if (!types.length) continue;
    const l = out.get(stmt);
    if (l) l.push(...types); else out.set(stmt, types);
  }
  return out;
}

/** The statements that follow `target` in its enclosing block, up to the end of the enclosing loop body. */
function followers(fn: FunctionIR, target: Stmt): Stmt[] {
  const result: Stmt[] = [];
  walkStmts(fn.body, (s, parents) => {
    if (s !== target) return;
    for (let i = parents.length - 1; i >= 0; i--) {
      const p = parents[i];
      if (p.k === 'block') {
        const idx = p.body.findIndex((x) => x === (i === parents.length - 1 ? s : parents[i + 1]));
        result.push(...p.body.slice(idx + 1));
      }
      if (p.k === 'loop') break;
    }
  });
  return result;
}

const isAddrSet = (e: Expr) => e.k === 'assign' && ((e.left.k === 'field' && e.left.field === 'dma_address') || (e.left.k === 'call' && e.left.callee === 'sg_dma_address'));
const isLenSet = (e: Expr) => e.k === 'assign' && ((e.left.k === 'field' && e.left.field === 'dma_length') || (e.left.k === 'call' && e.left.callee === 'sg_dma_len'));

function busAddrWithoutLength(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  for (const b of busAddrBranches(fn)) {
    const exprs = exprsOf(b.stmts);
    const addr = exprs.find(isAddrSet);
    const mark = exprs.find((e) => e.k === 'call' && e.callee === 'sg_dma_mark_bus_address');
    if (!addr && !mark) continue;
    if (exprs.some(isLenSet)) continue;
    // A branch that falls out (break) to common code which sets the length is complete.
    const leaves = b.end && (b.end.k === 'continue' || b.end.k === 'return' || b.end.k === 'goto');
    if (!leaves && exprsOf(b.after).some(isLenSet)) continue;
    const at = (addr ?? mark)!;
    const verdict = platformVerdict(ctx.model, (t) => t === 'BUS_ADDR');
    out.push({
      line: at.line,
      function: fn,
      code: `${b.label}: ${at.text}`,
      message: `The ${b.label} branch sets ${addr ? 'the DMA address' : 'the bus-address mark'} but never sg_dma_len()${leaves ? ` and leaves with \`${b.end!.text.trim()}\` before the common length assignment` : ''}: P2P segments are mapped with length 0.`,
      why: 'A mapped segment is described by sg_dma_address() and sg_dma_len() together; drivers program hardware from both and stop at the first zero length. This is the ≈6.16 dma-direct regression (fixed by d0d08f4bd7f6, "dma-direct: Fix missing sg_dma_len assignment in P2PDMA bus mappings") that broke RDMA for P2P segments.'
        + brokenSentence(verdict, 'segments take this branch'),
      instead: 'Set the three together in the BUS_ADDR branch: `sg->dma_address = pci_p2pdma_bus_addr_map(...); sg_dma_len(sg) = sg->length; sg_dma_mark_bus_address(sg);`',
      evidence: [{ file: ctx.image.path, line: b.line, note: b.label }, { file: ctx.image.path, line: at.line, note: `\`${at.text.replace(/\s+/g, ' ')}\`` },
        ...(b.end ? [{ file: ctx.image.path, line: b.end.line, note: `\`${b.end.text.trim()}\` skips the code after the branch` }] : [])],
      platformNotes: verdict.notes,
      references: REFS,
    });
  }
  return out;
}

// ───────────── P2P-006: THRU_HOST_BRIDGE that breaks before the mapping ─────────────

type Call = Extract<Expr, { k: 'call' }>;

function mapsSegment(ctx: RuleContext, stmts: Stmt[]): Call | undefined {
  for (const s of flatten(stmts)) {
    for (const root of ownExprs(s)) {
      let hit: Call | undefined;
      walkExpr(root, (e) => {
        if (hit || e.k !== 'call') return;
        if (MAPPING_CALL.test(e.callee) || (ctx.model.contract(e.callee)?.category === 'dma-map' && !/sg|sgtable/.test(e.callee))) hit = e;
      });
      if (hit) return hit;
    }
  }
  return undefined;
}

function hostBridgeBreak(ctx: RuleContext, fn: FunctionIR): RuleReport[] {
  const out: RuleReport[] = [];
  for (const sw of mapTypeSwitches(fn)) {
    const cases = switchCases(sw);
    for (const c of cases) {
      if (!c.mapTypes.includes('THRU_HOST_BRIDGE') || c.end?.k !== 'break') continue;
      if (mapsSegment(ctx, c.run) || exprsOf(c.run).some(isAddrSet)) continue;
      const mapper = cases.filter((o: CaseRun) => o !== c && !o.mapTypes.includes('BUS_ADDR')).map((o) => ({ o, call: mapsSegment(ctx, o.own) })).find((x) => x.call);
      if (!mapper) continue;
      // The mapping also runs after the switch: then breaking out of it is the intended path.
      if (mapsSegment(ctx, followers(fn, sw))) continue;
      const verdict = platformVerdict(ctx.model, (t) => t === 'THRU_HOST_BRIDGE');
      out.push({
        line: c.end.line,
        function: fn,
        code: `case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE: ${c.end.text}`,
        message: `case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE breaks out of the switch, but the segment is only mapped in \`${mapper.o.label.text.split(':')[0].trim()}\` (${mapper.call!.callee}()): host-bridge P2P segments are left with an uninitialised dma_address.`,
        why: 'Traffic through the host bridge must be mapped like any other segment (the CPU physical address with dma-direct, an IOVA with an IOMMU). Breaking out of the switch skips that mapping, so the device is programmed with whatever dma_address held before: the regression fixed upstream by 560000d619ef ("fallthrough" into the NONE mapping).'
          + brokenSentence(verdict, 'peers take this branch'),
      instead: 'Replace the break with `fallthrough;` into the case that maps the segment (adding DMA_ATTR_MMIO to attrs first on kernels that have it, so the MMIO is neither bounced nor cache-maintained).',
        evidence: [{ file: ctx.image.path, line: c.label.line, note: 'case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE' }, { file: ctx.image.path, line: c.end.line, note: '`break` leaves the switch without mapping' },
          { file: ctx.image.path, line: mapper.call!.line, note: `the mapping (${mapper.call!.callee}()) runs only in another case` }],
        platformNotes: verdict.notes,
        references: REFS,
        suggestion: { startLine: c.end.line, endLine: c.end.line, replacement: (ctx.image.lineText.get(c.end.line) ?? '\t\t\tbreak;').replace(/\bbreak\s*;/, 'fallthrough;'), safety: 'review' },
      });
    }
  }
  return out;
}
