// p2pdma-eremoteio: -EREMOTEIO from dma_map_sgtable() means "this device can never reach that P2PDMA memory";
// the kerneldoc says it "will not succeed if retried" (kernel/dma/mapping.c). Retrying, requeueing
// (BLK_STS_RESOURCE) or turning it into -ENOMEM/-EAGAIN makes the I/O loop forever or hides the reason.
import type { Expr, FunctionIR, Stmt } from '../c/ir.js';
import { walkExpr, walkStmts, type CallSite } from '../analysis/index.js';
import { resultTarget, usesAfter, inCondition } from './support/uses.js';
import { flatten } from './support/p2p-branches.js';
import { reviewText } from './support/patch-text.js';
import { lazy } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'p2pdma-eremoteio';

/**
 * Status codes that tell the caller to try again (include/linux/blk_types.h, include/uapi/asm-generic/errno*.h):
 * the wrong answer to "this peer memory is unreachable".
 */
const RETRYABLE = /^-?(BLK_STS_RESOURCE|BLK_STS_DEV_RESOURCE|BLK_STS_AGAIN|EAGAIN|ENOMEM|EBUSY|ENOSPC|EINPROGRESS|ERESTARTSYS)$/;

/** Signs that the list may carry P2PDMA pages here (P2P flags, provider memory, P2P feature checks). */
const P2P_CAPABLE = /\b(is_pci_p2pdma_page|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA|BLK_FEAT_PCI_P2PDMA|blk_queue_pci_p2pdma|pci_p2pmem_\w+|pci_alloc_p2pmem|REQ_P2PDMA|dma_pci_p2pdma_supported|ib_dma_pci_p2p_dma_supported|supports_pci_p2pdma|pci_p2pdma_\w+)\b/;

const REFS = ['P2P-003', 'kernel/dma/mapping.c (dma_map_sgtable kerneldoc: -EREMOTEIO "will not succeed if retried")'];

export const p2pdmaEremoteio: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: '-EREMOTEIO from dma_map_sgtable() retried, requeued or converted into a retryable error',
    catalogue: ['P2P-003'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    // Asked only when a function maps something that can fail with -EREMOTEIO (the review text is large).
    const p2pCapable = lazy(() => P2P_CAPABLE.test(reviewText(ctx)));
    for (const fn of ctx.analysis.functions) {
      // 1. An explicit -EREMOTEIO test whose branch retries or requeues.
      walkStmts(fn.body, (stmt) => {
        if (stmt.k !== 'if' || !/-\s*EREMOTEIO\b/.test(stmt.cond.text) || !equalsEremoteio(stmt.cond)) return;
        const retry = retryIn(fn, [stmt.then], stmt.line);
        if (!retry) return;
        out.push(report(ctx, fn, retry.line, retry.code, 'certain',
          `-EREMOTEIO is answered with ${retry.what}: the device cannot reach that P2PDMA memory, so the mapping will fail the same way every time.`,
          [{ line: stmt.line, note: `\`${stmt.cond.text.replace(/\s+/g, ' ')}\`` }, { line: retry.line, note: retry.what }]));
      });
      // 2. A blanket failure branch after a map that can return -EREMOTEIO, in code that takes P2PDMA pages and
      // never names -EREMOTEIO.
      const maps = ctx.analysis.calls(fn).filter((site) => mayReturnEremoteio(ctx, site));
      if (!maps.length || /\bEREMOTEIO\b/.test(fn.text) || !p2pCapable()) continue;
      for (const site of maps) {
        const target = resultTarget(site);
        if (typeof target !== 'object') continue;
        for (const use of usesAfter(ctx.analysis, fn, target.key, target.line)) {
          if (!inCondition(use)) continue;
          const branch = failureBranch(use.stmt, use.expr);
          if (!branch) continue;
          const retry = retryIn(fn, [branch], site.call.line);
          if (!retry) continue;
          out.push(report(ctx, fn, retry.line, retry.code, 'likely',
            `Every ${site.call.callee}() failure, including -EREMOTEIO (P2PDMA memory this device cannot reach), is turned into ${retry.what}.`,
            [{ line: site.call.line, note: `${target.key} = ${site.call.callee}(): 0 or -EINVAL/-ENOMEM/-EIO/-EREMOTEIO` },
              { line: use.expr.line, note: `\`${use.stmt.k === 'if' ? use.stmt.cond.text.replace(/\s+/g, ' ') : use.expr.text}\` does not single out -EREMOTEIO` },
              { line: retry.line, note: retry.what }]));
          break;
        }
      }
    }
    return out;
  },
};

/** Calls whose failure may be -EREMOTEIO: the dma_map_sgtable family, by its 0/-errno contract. */
function mayReturnEremoteio(ctx: RuleContext, site: CallSite): boolean {
  if (/^(ib_)?dma_map_sgtable(_attrs)?$/.test(site.call.callee)) return true;
  const c = ctx.model.contract(site.call.callee);
  return c?.returns?.error === 'zero-success-negative-errno' && c.category === 'dma-map';
}

/** `ret == -EREMOTEIO` (possibly inside `||`), not `ret != -EREMOTEIO`. */
function equalsEremoteio(cond: Expr): boolean {
  let found = false;
  walkExpr(cond, (e) => {
    if (e.k === 'binary' && e.op === '==' && (/EREMOTEIO/.test(e.left.text) || /EREMOTEIO/.test(e.right.text))) found = true;
  });
  return found;
}

/** The branch taken on failure when a use of the status is tested: `if (ret)`, `if (ret < 0)`, `if (unlikely(ret))`. */
function failureBranch(stmt: Stmt, use: Expr): Stmt | undefined {
  if (stmt.k !== 'if') return undefined;
  const c = stmt.cond.text.replace(/\s+/g, '');
  const key = use.text.replace(/\s+/g, '');
  const failure = [key, `${key}<0`, `unlikely(${key})`, `unlikely(${key}<0)`, `${key}!=0`, `WARN_ON(${key})`, `WARN_ON_ONCE(${key})`];
  return failure.includes(c) ? stmt.then : undefined;
}

interface Retry { line: number; code: string; what: string }

/**
 * What a failure branch does that amounts to "try again": return or assign a retryable status, jump back to a
 * label before the map call, or reach a label that returns a variable initialised to a retryable status. A
 * `continue` is not counted: moving on to the next provider is a legitimate fallback.
 */
function retryIn(fn: FunctionIR, branch: Stmt[], mapLine: number): Retry | undefined {
  for (const s of flatten(branch)) {
    if (s.k === 'return' && s.value && RETRYABLE.test(s.value.text.replace(/\s+/g, ''))) {
      return { line: s.line, code: s.text, what: `\`return ${s.value.text}\`` };
    }
    if (s.k === 'expr' && s.expr.k === 'assign' && s.expr.op === '=' && RETRYABLE.test(s.expr.right.text.replace(/\s+/g, ''))) {
      return { line: s.line, code: s.text, what: `\`${s.expr.text}\`` };
    }
    if (s.k === 'goto') {
      const label = labelNamed(fn, s.label);
      if (label && label.line <= mapLine) return { line: s.line, code: s.text, what: `a retry (\`goto ${s.label}\` back to before the mapping)` };
      const ret = label ? returnedRetryable(fn, label) : undefined;
      if (ret) return { line: s.line, code: s.text, what: `\`goto ${s.label}\`, which returns ${ret}` };
    }
  }
  return undefined;
}

function labelNamed(fn: FunctionIR, name: string): Extract<Stmt, { k: 'label' }> | undefined {
  let found: Extract<Stmt, { k: 'label' }> | undefined;
  walkStmts(fn.body, (s) => { if (s.k === 'label' && s.name === name && !found) found = s; });
  return found;
}

/** The first `return x;` at or after a label, when x is initialised to a retryable status and never reassigned in between. */
function returnedRetryable(fn: FunctionIR, label: Stmt): string | undefined {
  let ret: Extract<Stmt, { k: 'return' }> | undefined;
  walkStmts(fn.body, (s) => { if (!ret && s.k === 'return' && s.line >= label.line) ret = s; });
  const v = ret?.value;
  if (!v || v.k !== 'ident') return undefined;
  let init: string | undefined;
  let reassigned = false;
  walkStmts(fn.body, (s) => {
    if (s.k === 'decl') for (const d of s.vars) if (d.name === v.name && d.init) init = d.init.text.replace(/\s+/g, '');
    if (s.k === 'expr' && s.expr.k === 'assign' && s.expr.left.k === 'ident' && s.expr.left.name === v.name) reassigned = true;
  });
  return init && RETRYABLE.test(init) && !reassigned ? `\`${v.name}\` (still ${init})` : undefined;
}

function report(ctx: RuleContext, fn: FunctionIR, line: number, code: string, certainty: 'certain' | 'likely', message: string,
  ev: { line: number; note: string }[]): RuleReport {
  return {
    line,
    function: fn,
    code,
    certainty,
    message,
    why: '-EREMOTEIO means the DMA device cannot reach the P2PDMA memory in the table (PCI_P2PDMA_MAP_NOT_SUPPORTED: the path crosses a host bridge that cannot route peer traffic, or the client is not PCI). The topology does not change between attempts, so dma_map_sgtable() documents it as "will not succeed if retried"; BLK_STS_RESOURCE/-ENOMEM/-EAGAIN make the block layer or the caller retry forever.',
    instead: 'Fail the request for good: map -EREMOTEIO to BLK_STS_TARGET (as nvme-pci does) or return -EREMOTEIO to the caller; keep -ENOMEM as the only retryable mapping error. Optionally fall back to a bounce through host memory.',
    evidence: ev.map((e) => ({ file: ctx.image.path, line: e.line, note: e.note })),
    references: REFS,
  };
}
