// Which parts of a source image the rules can actually see (hunk spans). A hunk-only image shows fragments: two hunks of the
// same function are parsed as one body with the lines between them missing, so a path fact (an unlock, an
// acquisition) may sit in a gap. Path rules only judge spans that the diff shows without a gap.
import type { SourceImage } from '../../c/images.js';
import type { FunctionIR } from '../../c/ir.js';

/** True when every line from `from` to `to` (inclusive, either order) is known in the image. */
export function spanVisible(image: SourceImage, from: number, to: number): boolean {
  if (image.complete) return true;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  for (let l = lo; l <= hi; l++) if (!image.lineText.has(l)) return false;
  return true;
}

/**
 * True when the function's real header and every line of its body up to `line` are shown: nothing the
 * function did before `line` can be hidden. Hunk fragments whose header was synthesised never qualify.
 */
export function visibleFromStart(image: SourceImage, fn: FunctionIR, line: number): boolean {
  if (fn.synthetic) return false;
  return spanVisible(image, fn.line, line);
}
