// Scatterlist iterators and the two views of a mapped list (include/linux/scatterlist.h): the CPU view
// (orig_nents entries: sg_page, ->length, ->offset) and the DMA view (nents entries: sg_dma_address,
// sg_dma_len). Finds iterator loops, including brace-less macro loops that the parser folds into one
// expression statement, and the field reads inside them.
import type { Expr, FunctionIR } from '../../c/ir.js';
import { callsNamed, ownExprs, stripCasts, walkExpr, walkStmts } from '../../analysis/index.js';
import type { Located } from './flow-order.js';

type Call = Extract<Expr, { k: 'call' }>;

/**
 * The scatterlist iterator macros, with the argument positions of the list, the cursor and the count, and the
 * view their bound belongs to (include/linux/scatterlist.h). `explicit` iterators take the count from the caller.
 */
const ITERATORS: Record<string, { list: number; cursor: number; count?: number; view: 'cpu' | 'dma' | 'explicit'; table: boolean }> = {
  for_each_sg: { list: 0, cursor: 1, count: 2, view: 'explicit', table: false },
  for_each_sgtable_sg: { list: 0, cursor: 1, view: 'cpu', table: true },
  for_each_sgtable_dma_sg: { list: 0, cursor: 1, view: 'dma', table: true },
};

/** Reads of the DMA half of an entry: the accessor macros and the raw fields behind them. */
const DMA_ACCESSORS = new Set(['sg_dma_address', 'sg_dma_len']);
const DMA_FIELDS = new Set(['dma_address', 'dma_length']);
/**
 * Reads of the CPU half of an entry. ->offset is left out: `sg_dma_address(sg) - sg->offset` (page-aligning a DMA
 * segment) is an accepted idiom in DRM/accel drivers whose tables start page-aligned.
 */
const CPU_ACCESSORS = new Set(['sg_page', 'sg_virt', 'sg_phys']);
const CPU_FIELDS = new Set(['length', 'page_link']);

/** Logging and tracing calls: a field printed there is not used to program anything. */
const LOGGING = /^(dev_(dbg|info|err|warn|notice|crit|alert|emerg|printk)(_ratelimited|_once)?|pr_(debug|info|err|warn|notice|cont)|printk|trace_\w+|WARN(_ON)?(_ONCE)?|netdev_\w+|drm_dbg\w*|DRM_\w+)$/;

export interface SgLoop {
  header: Call;
  kind: string;
  view: 'cpu' | 'dma' | 'explicit';
  /** The list (or sg_table) iterated. */
  list: Expr;
  /** The cursor variable name. */
  cursor: string;
  /** The explicit count, for for_each_sg(). */
  count?: Expr;
  /** Where the loop statement sits. */
  at: Located;
  /** Expressions of the loop body (for brace-less macro loops folded into one statement, the rest of it). */
  bodyExprs: { e: Expr; at: Located; parents: Expr[] }[];
}

/** Every scatterlist iterator loop in `fn`. */
export function sgLoops(fn: FunctionIR): SgLoop[] {
  const out: SgLoop[] = [];
  // Both loop shapes below start from an iterator call: most functions have none and need no walk.
  if (!Object.keys(ITERATORS).some((name) => callsNamed(fn, name).length > 0)) return out;
  walkStmts(fn.body, (s, parents) => {
    if (s.k === 'loop' && s.form === 'macro' && s.header?.k === 'call' && s.header.callee in ITERATORS) {
      const loop = makeLoop(s.header, { stmt: s, stmtParents: parents });
      if (loop) {
        walkStmts(s.body, (b, bp) => {
          for (const root of ownExprs(b)) {
            walkExpr(root, (e, ep) => loop.bodyExprs.push({ e, at: { stmt: b, stmtParents: [...parents, s, ...bp] }, parents: ep }));
          }
        });
        out.push(loop);
      }
      return;
    }
    // A brace-less `for_each_sg(...) stmt;` is parsed as one expression statement that starts with the header.
    if (s.k !== 'expr' && s.k !== 'unknown') return;
    for (const root of ownExprs(s)) {
      let header: Call | undefined;
      walkExpr(root, (e) => {
        if (!header && e.k === 'call' && e.callee in ITERATORS && e.line === s.line && s.text.trimStart().startsWith(e.callee)) header = e;
      });
      if (!header) continue;
      const loop = makeLoop(header, { stmt: s, stmtParents: parents });
      if (!loop) continue;
      const h = header;
      walkExpr(root, (e, ep) => { if (e !== h && !ep.includes(h)) loop.bodyExprs.push({ e, at: { stmt: s, stmtParents: parents }, parents: ep }); });
      out.push(loop);
    }
  });
  return out;
}

function makeLoop(header: Call, at: Located): SgLoop | undefined {
  const spec = ITERATORS[header.callee];
  const list = header.args[spec.list];
  const cursor = header.args[spec.cursor];
  if (!list || cursor?.k !== 'ident') return undefined;
  return {
    header, kind: header.callee, view: spec.view, list, cursor: cursor.name,
    count: spec.count !== undefined ? header.args[spec.count] : undefined, at, bodyExprs: [],
  };
}

/** What half of an entry an expression reads, when it reads `cursor`'s fields. */
export type FieldRead = { half: 'dma' | 'cpu'; what: string; e: Expr };

/** Classifies `e` as a read of the cursor's DMA or CPU fields (writes and logging arguments excluded). */
export function fieldRead(e: Expr, parents: Expr[], cursor: string): FieldRead | undefined {
  if (isWrite(e, parents) || parents.some((p) => p.k === 'call' && LOGGING.test(p.callee))) return undefined;
  if (e.k === 'call' && e.args[0] && namesCursor(e.args[0], cursor)) {
    if (DMA_ACCESSORS.has(e.callee)) return { half: 'dma', what: `${e.callee}()`, e };
    if (CPU_ACCESSORS.has(e.callee)) return { half: 'cpu', what: `${e.callee}()`, e };
  }
  if (e.k === 'field' && e.arrow && namesCursor(e.base, cursor)) {
    if (DMA_FIELDS.has(e.field)) return { half: 'dma', what: `->${e.field}`, e };
    if (CPU_FIELDS.has(e.field)) return { half: 'cpu', what: `->${e.field}`, e };
  }
  return undefined;
}

/** True when `e` names the cursor variable itself (`sg`, `&sg[0]` is not a cursor). */
function namesCursor(e: Expr, cursor: string): boolean {
  const x = stripCasts(e);
  return x.k === 'ident' && x.name === cursor;
}

/** True when `e` is (the target of) an assignment or increment rather than a read. */
export function isWrite(e: Expr, parents: Expr[]): boolean {
  const p = parents[parents.length - 1];
  if (p?.k === 'assign' && p.left === e) return true;
  if (p?.k === 'unary' && (p.op === '++' || p.op === '--')) return true;
  return false;
}

/**
 * True when the body stops at the first entry without a DMA length (`if (!sg_dma_len(sg)) break;`), the
 * documented way to walk a mapped list by its CPU bound (include/linux/scatterlist.h, sg_dma_len comment).
 */
export function stopsAtUnmappedEntry(loop: SgLoop): boolean {
  let found = false;
  walkStmts(loop.at.stmt, (s) => {
    if (s.k !== 'if' || !/\bsg_dma_len\s*\(/.test(s.cond.text)) return;
    walkStmts(s.then, (t) => { if (t.k === 'break' || t.k === 'return' || t.k === 'goto') found = true; });
  });
  return found;
}

/** True for a read of the DMA half of an entry through the accessors or raw fields (logging and writes excluded). */
export function isDmaFieldRead(e: Expr, parents: Expr[]): { list: Expr; what: string } | undefined {
  if (isWrite(e, parents) || parents.some((p) => p.k === 'call' && LOGGING.test(p.callee))) return undefined;
  if (e.k === 'call' && DMA_ACCESSORS.has(e.callee) && e.args[0]) return { list: e.args[0], what: `${e.callee}()` };
  if (e.k === 'field' && e.arrow && DMA_FIELDS.has(e.field)) return { list: e.base, what: `->${e.field}` };
  return undefined;
}
