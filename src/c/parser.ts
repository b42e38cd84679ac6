// The one place that owns the tree-sitter parser instance: parsing is cheap, creating parsers is not.
import os from 'node:os';
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';
import { sanitizeKernelC } from './sanitize.js';

type ParserCtor = typeof ParserType;
interface Binding { Parser: ParserCtor; C: unknown }

/**
 * The native binding may be loaded only once per process: a second copy of its JavaScript (as jest creates for
 * every test file) registers the addon again and yields trees without nodes. So the binding is loaded through
 * Node's own require and kept on a core-module object, which every module registry in the process shares.
 */
function binding(): Binding {
  const slot = os as unknown as Record<symbol, Binding | undefined>;
  const key = Symbol.for('p2pdma-review.tree-sitter');
  if (!slot[key]) {
    const require = createRequire(import.meta.url);
    slot[key] = { Parser: require('tree-sitter') as ParserCtor, C: require('tree-sitter-c') };
  }
  return slot[key]!;
}

let parser: ParserType | undefined;

function instance(): ParserType {
  if (!parser) {
    const { Parser, C } = binding();
    parser = new Parser();
    parser.setLanguage(C as ParserType.Language);
  }
  return parser;
}

/** A parsed C text: the tree, the original text (for slices) and the sanitised text tree-sitter saw. */
export interface ParsedC {
  tree: ParserType.Tree;
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

export type SyntaxNode = ParserType.SyntaxNode;
