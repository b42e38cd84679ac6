// Parses a source image (all its fragments) into one FileIR: the unit the analysis works on.
import { parseSyntax } from './parser.js';
import { lowerSyntax } from './lower.js';
import type { FileIR } from './ir.js';
import type { SourceImage } from './images.js';

/** Parses every fragment of an image once and merges their IR. */
export function parseImage(image: SourceImage): FileIR {
  const merged: FileIR = { path: image.path, functions: [], globals: [], structFields: [], parseErrors: 0 };
  for (const frag of image.fragments) {
    const parsed = parseSyntax(frag.text);
    const last = frag.lines[frag.lines.length - 1] ?? 1;
    const lineOf = (row: number) => frag.lines[row] ?? last;
    const ir = lowerSyntax(parsed, lineOf, image.path, frag.syntheticRows);
    merged.functions.push(...ir.functions);
    merged.globals.push(...ir.globals);
    merged.structFields.push(...ir.structFields);
    merged.parseErrors += ir.parseErrors;
  }
  return merged;
}
