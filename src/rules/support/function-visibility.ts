// How much of the code a rule sees: the whole file (a tree, a PR head, or a file the patch adds), a whole function
// (its header and closing brace are real lines with nothing missing between), or only a fragment. Rules that
// reason about "never checked" or "never used" may only be sure when the code they reason about is all visible.
import type { FunctionIR } from '../../c/ir.js';
import type { RuleContext } from '../types.js';

/** True when every line of the file on this side is known (a whole file, or one the patch adds or deletes entirely). */
export function wholeFileVisible(ctx: Pick<RuleContext, 'image' | 'side' | 'file'>): boolean {
  if (ctx.image.complete) return true;
  return (ctx.side === 'new' && ctx.file.status === 'added') || (ctx.side === 'old' && ctx.file.status === 'deleted');
}

/**
 * True when the function's real header, every line of its body and its real closing brace (kernel style: a `}` in
 * column 0) are visible, so "nothing after this line tests it" is a statement about the whole function.
 */
export function functionFullyVisible(ctx: Pick<RuleContext, 'image' | 'side' | 'file'>, fn: FunctionIR): boolean {
  if (wholeFileVisible(ctx)) return true;
  if (fn.synthetic) return false;
  for (let l = fn.line; l <= fn.endLine; l++) if (!ctx.image.lineText.has(l)) return false;
  return /^}\s*$/.test(ctx.image.lineText.get(fn.endLine) ?? '');
}
