// Suggestions several rules build the same way.
import { walkStmts } from '../../analysis/index.js';
import type { FunctionIR, Stmt } from '../../c/ir.js';
import type { RuleContext, RuleSuggestion } from '../types.js';

/**
 * A suggestion that adds `text` on its own line before the return at `line`, when that return is a statement
 * of a braced block (inserting before an unbraced `if (x) return;` would change the meaning).
 */
export function insertBeforeReturn(ctx: RuleContext, fn: FunctionIR, line: number, text: string): RuleSuggestion | undefined {
  let ret: Stmt | undefined;
  let parent: Stmt | undefined;
  walkStmts(fn.body, (s, parents) => {
    if (!ret && s.k === 'return' && s.line === line) { ret = s; parent = parents[parents.length - 1]; }
  });
  if (!ret || parent?.k !== 'block' || ret.endLine !== ret.line) return undefined;
  const src = ctx.image.lineText.get(line);
  if (src === undefined) return undefined;
  const indent = /^\s*/.exec(src)?.[0] ?? '';
  return { startLine: line, endLine: line, replacement: `${indent}${text}\n${src}`, safety: 'review' };
}
