// The one place that owns the tree-sitter parser instance: parsing is cheap, creating parsers is not.
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';
import { sanitizeKernelC } from './sanitize.js';
import { loadTreeCopyAddon, NativeCopier } from './native-copy.js';
import { processShared } from './process-shared.js';
import { copyTree, type Grammar, type SyntaxTree } from './syntax.js';

/** The binding's module: the Parser class, with the base SyntaxNode class (a value its typings leave out). */
type ParserCtor = typeof ParserType & { SyntaxNode: unknown };
/** tree-sitter-c's language object; `nodeTypeInfo` is its node-types.json, when the package ships it. */
interface CLanguage {
  nodeTypeInfo?: NodeTypeInfo[];
  /** node-tree-sitter's SyntaxNode class per type id, which `setLanguage` builds unless it is already there. */
  nodeSubclasses?: unknown;
}

/** The parser binding is loaded only when the cursor copy needs it (see `parseSyntax`). */
function binding(): { Parser: ParserCtor; C: CLanguage } {
  return { Parser: processShared('tree-sitter', () => createRequire(import.meta.url)('tree-sitter') as ParserCtor), C: cLanguage() };
}

function cLanguage(): CLanguage {
  return processShared('tree-sitter-c', () => createRequire(import.meta.url)('tree-sitter-c') as CLanguage);
}

let parser: ParserType | undefined;
let grammar: Grammar | undefined;

/**
 * node-tree-sitter's `setLanguage` first builds a SyntaxNode subclass for every node type of the language (with
 * typed field getters such as `bodyNode`, compiled one by one): 10 to 15 ms of every process's first parse, a
 * tenth of a large patch's parse stage. It skips that when the language already has its table. Nothing in this
 * project uses the typed getters (the copy reads a cursor; the native nodes tests use have the base class's
 * methods, `type` and `childForFieldName` included), so every type gets the base class.
 */
function skipTypedNodeClasses(Parser: ParserCtor, C: CLanguage): void {
  C.nodeSubclasses ??= new Proxy([], { get: () => Parser.SyntaxNode });
}

function instance(): ParserType {
  if (!parser) {
    const { Parser, C } = binding();
    skipTypedNodeClasses(Parser, C);
    parser = new Parser();
    parser.setLanguage(C as ParserType.Language);
  }
  return parser;
}

/**
 * tree-sitter-c's named node types that are tokens: every rule and alias producing them is a terminal. (Not
 * `primitive_type` or `null`, which some rules build from several tokens.) test/c/syntax.test.ts checks this
 * against the grammar's grammar.json, so an upgrade that changes it fails there instead of losing nodes.
 */
export const C_NAMED_TOKENS: readonly string[] = [
  'identifier', 'field_identifier', 'type_identifier', 'statement_identifier', 'number_literal', 'comment',
  'string_content', 'escape_sequence', 'character', 'system_lib_string', 'preproc_arg', 'preproc_directive',
  'true', 'false',
];

/** One entry of a grammar's node-types.json. */
interface NodeTypeInfo {
  type: string;
  named: boolean;
  fields?: Record<string, { types: { type: string; named: boolean }[] }>;
  subtypes?: { type: string; named: boolean }[];
}

/** Per node type with fields, the child types that can fill one (supertypes such as `expression` expanded). */
export function fieldFillersOf(info: readonly NodeTypeInfo[]): Map<string, Set<string>> {
  const subtypes = new Map(info.filter((t) => t.subtypes).map((t) => [t.type, t.subtypes!.map((s) => s.type)]));
  const expand = (type: string, into: Set<string>) => {
    if (into.has(type)) return;
    into.add(type);
    for (const s of subtypes.get(type) ?? []) expand(s, into);
  };
  const fillers = new Map<string, Set<string>>();
  for (const t of info) {
    if (!t.named || !t.fields || Object.keys(t.fields).length === 0) continue;
    const types = new Set<string>();
    for (const f of Object.values(t.fields)) for (const c of f.types) expand(c.type, types);
    fillers.set(t.type, types);
  }
  return fillers;
}

/**
 * Where the copy keeps anonymous tokens that fill no field: lowering looks for the missing `;` of an expression
 * statement (a loop macro such as `list_for_each_entry(...) {` reads as a call missing it). Nothing else reads
 * punctuation or keywords: `named`/field lookups skip them, and operators are fields.
 */
const KEEP_ANONYMOUS_IN: ReadonlySet<string> = new Set(['expression_statement']);

/** What copying a tree-sitter-c tree may assume (see `Grammar`). */
function cGrammar(): Grammar {
  if (!grammar) {
    const info = cLanguage().nodeTypeInfo;
    grammar = {
      fieldFillers: info ? fieldFillersOf(info) : null,
      namedTokens: new Set(C_NAMED_TOKENS),
      // tree-sitter-c aliases only tokens to anonymous names (`#[ \t]*if` to `#if`), also checked by the test.
      anonymousAreTokens: true,
      // Without node-types.json, which tokens fill fields is unknown: keep them all.
      keepAnonymousIn: info ? KEEP_ANONYMOUS_IN : null,
    };
  }
  return grammar;
}

/** A parsed C text: the native tree (over the sanitised text) and the original text (for slices). */
export interface ParsedC {
  tree: ParserType.Tree;
  original: string;
}

/** A parsed C text as plain data: the copied tree (over the sanitised text) and the original text. */
export interface ParsedSyntax {
  syntax: SyntaxTree;
  original: string;
}

/**
 * The binding reads the input through a buffer of `bufferSize` UTF-16 units, allocated and zeroed for every
 * parse. Its default (32K units) cuts large files into many reads; a fixed large buffer costs small fragments
 * more to clear than to parse. One unit more than the text (the binding keeps one for a terminator) reads it
 * whole.
 */
function parseSanitized(sanitized: string): ParserType.Tree {
  return instance().parse(sanitized, undefined, { bufferSize: sanitized.length + 1 });
}

/**
 * Parses kernel C (annotations blanked, offsets preserved) into a native tree. Never throws on syntax errors:
 * they become ERROR nodes. The analysis uses `parseSyntax`; nothing in src calls this. It stays for the tests
 * that need tree-sitter's own API: test/c/syntax.test.ts compares `parseSyntax`'s copy node by node with the
 * native tree, test/bench/synthetic.test.ts inspects generated files with it, and test/smoke.test.ts checks
 * the binding loads under jest.
 */
export function parseC(text: string): ParsedC {
  return { tree: parseSanitized(sanitizeKernelC(text)), original: text };
}

/**
 * Parses kernel C like `parseC` and returns a plain copy of the tree: in one native call when the addon of
 * native-copy.ts is available (it frees the tree before returning), else through node-tree-sitter's cursor,
 * whose native tree Node releases once nothing refers to it (its finalizer runs on a later turn of the event loop).
 */
export function parseSyntax(text: string): ParsedSyntax {
  const copier = nativeCopier();
  // The cursor copy sanitises the text itself.
  if (!copier) return parseSyntaxByCursor(text);
  const sanitized = sanitizeKernelC(text);
  return { syntax: { root: copier.copy(sanitized), text: sanitized }, original: text };
}

/**
 * Like `parseSyntax`, but always through node-tree-sitter's cursor (`copyTree`), whether or not the native copier
 * is available: the tests compare the two copies.
 */
export function parseSyntaxByCursor(text: string): ParsedSyntax {
  const sanitized = sanitizeKernelC(text);
  return { syntax: { root: copyTree(parseSanitized(sanitized).walk(), sanitized, cGrammar()), text: sanitized }, original: text };
}

/** How `parseSyntax` copies trees, decided on first use: the native copier, or null and the reason. */
let copyMode: { copier: NativeCopier | null; reason: string | null } | undefined;

/** The native copier for tree-sitter-c (see native-copy.ts), or null when the addon is not available. */
function nativeCopier(): NativeCopier | null {
  if (!copyMode) {
    const { addon, reason } = loadTreeCopyAddon();
    copyMode = { copier: addon ? new NativeCopier(addon, cLanguage(), cGrammar()) : null, reason };
  }
  return copyMode.copier;
}

/** Which copy `parseSyntax` uses: `native` (the addon) or `cursor` (node-tree-sitter), and why not native. */
export function syntaxCopyMode(): { mode: 'native' | 'cursor'; reason: string | null } {
  return nativeCopier() ? { mode: 'native', reason: null } : { mode: 'cursor', reason: copyMode!.reason };
}
