// The code a reviewer sees around a change, on one side of it: the image being checked plus every hunk of the
// patch as that side has it (other files included). Rules whose finding depends on context ("does this code
// take P2PDMA pages at all?") ask it instead of the one image, because a hunk rarely shows the line that makes a
// driver P2P-capable. Commit-message prose and comments are left out: they describe intent, often in the negative.
import type { RuleContext } from '../types.js';

const cache = new WeakMap<object, string>();

/** Image lines and the patch's hunk lines of the image's side, joined by newlines (memoised per image). */
export function reviewText(ctx: RuleContext): string {
  const key = ctx.image;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const drop = ctx.side === 'new' ? 'del' : 'add';
  const parts: string[] = [];
  for (const f of ctx.patch.files) for (const h of f.hunks) for (const l of h.lines) if (l.kind !== drop) parts.push(l.text);
  parts.push(...ctx.image.lineText.values());
  const text = parts.map(codeOnly).join('\n');
  cache.set(key, text);
  return text;
}

/** A comment continuation line without a `/`: ` * text` or a lone ` *`. */
const CONTINUATION = /^\s*\*(\s|$)/;

/** A line without its comments (whole comment lines, `/* ... */` spans and `//` tails). */
function codeOnly(line: string): string {
  // Without a '/' there is no comment to strip: only a continuation line (` * text`) is left out.
  if (!line.includes('/')) return line.includes('*') && CONTINUATION.test(line) ? '' : line;
  const rest = line.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '');
  // Unclosed comment openers and continuation lines (` * text`, ` */`); `*ptr = x;` stays code.
  return /^\s*(\/\*|\*\/|\*(\s|$))/.test(rest) ? '' : rest;
}
