// Reads the other side of a file diff as plain lines: what the patch removed or added around a name. Rules use
// it for facts the analysed image cannot show, such as "this buffer used to come from kmalloc()".
import type { FileDiff } from '../../types.js';
import type { ModelView } from '../types.js';

/** One line of a diff side with its line number on that side. */
export interface SideLine {
  line: number;
  text: string;
}

/**
 * Lines the patch removes from a file (old-side numbers); with `within`, only from hunks whose new-side range
 * overlaps those new-side lines (the hunks of one function).
 */
export function removedLines(file: FileDiff, within?: { start: number; end: number }): SideLine[] {
  const out: SideLine[] = [];
  for (const h of file.hunks) {
    if (within && (h.newStart > within.end || h.newStart + Math.max(h.newLines, 1) - 1 < within.start)) continue;
    for (const l of h.lines) if (l.kind === 'del' && l.oldLine !== undefined) out.push({ line: l.oldLine, text: l.text });
  }
  return out;
}

/** Lines the patch adds to a file (new-side numbers). */
export function addedLines(file: FileDiff): SideLine[] {
  const out: SideLine[] = [];
  for (const h of file.hunks) {
    for (const l of h.lines) if (l.kind === 'add' && l.newLine !== undefined) out.push({ line: l.newLine, text: l.text });
  }
  return out;
}

/** Memory kinds a heap allocator returns that are fine for DMA (the kinds a stack buffer replaces). */
const HEAP_KINDS = new Set(['slab', 'kmalloc-large', 'ram', 'dma-pages']);

/**
 * A removed `name = alloc(...)` (or `type *name = alloc(...)`) whose allocator the model says returns heap
 * memory: evidence that the patch replaced a heap buffer called `name` with something else.
 */
export function removedHeapAllocation(file: FileDiff, name: string, model: ModelView,
  within?: { start: number; end: number }): { line: number; text: string; allocator: string } | undefined {
  const re = new RegExp(`\\b${name.replace(/[$]/g, '\\$&')}\\s*=\\s*(?:\\([^)]*\\)\\s*)?([A-Za-z_]\\w*)\\s*\\(`);
  for (const l of removedLines(file, within)) {
    const m = re.exec(l.text);
    if (!m) continue;
    const kind = model.contract(m[1])?.returns?.kind;
    if (kind && HEAP_KINDS.has(kind)) return { line: l.line, text: l.text.trim(), allocator: m[1] };
  }
  return undefined;
}

/**
 * The function git named in the `@@ ... @@ section` of the hunk holding a new-side line: a fallback for
 * fragments whose synthetic header the parser could not read (a section line cut after a comma).
 */
export function hunkFunctionAt(file: FileDiff, newLine: number): string | undefined {
  for (const h of file.hunks) {
    if (newLine < h.newStart || newLine >= h.newStart + Math.max(h.newLines, 1)) continue;
    return /([A-Za-z_]\w*)\s*\(/.exec(h.section)?.[1];
  }
  return undefined;
}
