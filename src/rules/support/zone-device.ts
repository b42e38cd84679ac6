// "Is this page a ZONE_DEVICE page?" from what a function shows: it stores or reads the page's pgmap, tests it
// with a zone-device predicate on the path to the use, or the page's provenance is a ZONE_DEVICE kind.
import type { Expr, FunctionIR, Stmt } from '../../c/ir.js';
import { exprSitesOfKind, stripCasts, walkExpr, type FileAnalysis } from '../../analysis/index.js';
import type { Evidence } from '../../types.js';

/** Predicates that are true only for ZONE_DEVICE pages (include/linux/mmzone.h, include/linux/memremap.h). */
const ZONE_DEVICE_TEST = /^(is_zone_device_page|folio_is_zone_device|is_pci_p2pdma_page|is_device_private_page|is_device_coherent_page|is_fsdax_page|is_device_private_folio|folio_is_device_private|folio_is_device_coherent|folio_is_fsdax|folio_is_pci_p2pdma)$/;

/** Memory kinds whose pages live in ZONE_DEVICE (src/model/kinds.ts rows 10–14). */
const ZONE_DEVICE_KINDS = new Set(['zd-fsdax', 'zd-generic', 'zd-private', 'zd-coherent', 'p2pdma']);

const key = (e: Expr) => stripCasts(e).text.replace(/\s+/g, '');

/** Why `page` (evaluated in `fn`, used at `stmt`) is a ZONE_DEVICE page, or undefined when nothing shows it. */
export function zoneDeviceEvidence(analysis: FileAnalysis, fn: FunctionIR, page: Expr, stmt: Stmt, stmtParents: Stmt[]): Evidence | undefined {
  const k = key(page);
  const file = analysis.ir.path;
  let found: Evidence | undefined;
  for (const { expr: x } of exprSitesOfKind(fn, 'field', 'call')) {
    if (found) break;
    if (x.k === 'field' && x.field === 'pgmap' && key(x.base) === k) {
      found = { file, line: x.line, note: `${x.text} is set or read: only ZONE_DEVICE pages have a pgmap` };
    } else if (x.k === 'call' && x.callee === 'page_pgmap' && x.args[0] && key(x.args[0]) === k) {
      found = { file, line: x.line, note: `page_pgmap(${x.args[0].text}): only ZONE_DEVICE pages have a pgmap` };
    }
  }
  if (found) return found;
  // A positive zone-device test on the path to the use.
  for (let i = 0; i < stmtParents.length; i++) {
    const p = stmtParents[i];
    if (p.k !== 'if' || (stmtParents[i + 1] ?? stmt) !== p.then) continue;
    walkExpr(p.cond, (x, parents) => {
      if (found || x.k !== 'call' || !ZONE_DEVICE_TEST.test(x.callee) || !x.args[0] || key(x.args[0]) !== k) return;
      const negated = parents.some((q) => q.k === 'unary' && q.op === '!');
      if (!negated) found = { file, line: x.line, note: `${x.text} is true on this path` };
    });
  }
  if (found) return found;
  const kinds = analysis.origins(page, fn).filter((o) => ZONE_DEVICE_KINDS.has(o.kind));
  if (kinds.length) {
    const first = kinds[0].chain[0];
    return { file, line: first?.line ?? page.line, note: `${page.text} holds ${kinds[0].kind} pages` };
  }
  return undefined;
}
