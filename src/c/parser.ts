// The one place that owns the tree-sitter parser instance: parsing is cheap, creating parsers is not.
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
import { sanitizeKernelC } from './sanitize.js';

let parser: Parser | undefined;

function instance(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  return parser;
}

/** A parsed C text: the tree, the original text (for slices) and the sanitised text tree-sitter saw. */
export interface ParsedC {
  tree: Parser.Tree;
  original: string;
}

/** Tree-sitter's default input chunk size is small; large files parse faster with one big buffer. */
const BUFFER_SIZE = 1 << 20;

/** Parses kernel C (annotations blanked, offsets preserved). Never throws on syntax errors: they become ERROR nodes. */
export function parseC(text: string): ParsedC {
  const sanitized = sanitizeKernelC(text);
  const tree = instance().parse(sanitized, undefined, { bufferSize: Math.max(BUFFER_SIZE, sanitized.length * 2 + 1) });
  return { tree, original: text };
}

export type SyntaxNode = Parser.SyntaxNode;
