// The text a reviewer sees around a change: the image being checked, every hunk of the patch (both sides) and
// the commit message. Rules whose finding depends on context ("does this code take P2PDMA pages at all?") ask
// it instead of the one image, because a hunk rarely shows the line that makes a driver P2P-capable.
import type { RuleContext } from '../types.js';

const cache = new WeakMap<object, string>();

/** Image lines, all hunk lines of the patch and its subject and body, joined by newlines (memoised per patch and image). */
export function reviewText(ctx: RuleContext): string {
  const key = ctx.image;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const parts: string[] = [ctx.patch.subject.raw, ctx.patch.body];
  for (const f of ctx.patch.files) for (const h of f.hunks) for (const l of h.lines) parts.push(l.text);
  parts.push(...ctx.image.lineText.values());
  const text = parts.join('\n');
  cache.set(key, text);
  return text;
}
