// The name of the function a line belongs to, even when the parser lost it: hunk fragments whose `@@ ... @@`
// section is a multi-line prototype cut after its first line lower to a nameless function, while git's
// section text still names it.
import type { FunctionIR } from '../../c/ir.js';
import type { RuleContext } from '../types.js';

/** `fn.name`, or the function named by the section of the hunk that shows `line` on this side. */
export function functionNameAt(ctx: Pick<RuleContext, 'file' | 'side'>, fn: FunctionIR, line: number): string {
  if (fn.name) return fn.name;
  for (const h of ctx.file.hunks) {
    const start = ctx.side === 'new' ? h.newStart : h.oldStart;
    const count = ctx.side === 'new' ? h.newLines : h.oldLines;
    if (line < start || line >= start + Math.max(count, 1)) continue;
    const m = /([A-Za-z_]\w*)\s*\(/.exec(h.section);
    if (m && !/^(if|for|while|switch|return|sizeof)$/.test(m[1])) return m[1];
  }
  return '';
}
