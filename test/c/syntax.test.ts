// The plain copy of a tree-sitter tree (src/c/syntax.ts) against the native tree it was copied from: same nodes,
// fields, positions and rows (multi-byte text, CRLF), missing and ERROR nodes, less the anonymous tokens the copy
// leaves out (those filling no field, outside expression statements); and the grammar facts the copy relies on,
// checked against tree-sitter-c's own grammar.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { C_NAMED_TOKENS, fieldFillersOf, parseC, parseSyntax, type SyntaxNode } from '../../src/c/parser.js';
import {
  ANY_GRAMMAR, childByField, childrenByField, copyTree, namedChildren, rowStarts, type CNode,
} from '../../src/c/syntax.js';
import { createRng } from '../../bench/prng.js';
import { driverFile, driverNames } from '../../bench/synthetic/c-gen.js';

/** Every field name tree-sitter-c has (from its node-types.json). */
const require = createRequire(import.meta.url);
const grammarDir = dirname(require.resolve('tree-sitter-c/package.json'));
const nodeTypes = JSON.parse(readFileSync(join(grammarDir, 'src/node-types.json'), 'utf8')) as
  { type: string; named: boolean; fields?: Record<string, unknown> }[];
const FIELD_NAMES = [...new Set(nodeTypes.flatMap((t) => Object.keys(t.fields ?? {})))].sort();

function span(n: { startIndex: number; endIndex: number; type: string } | null): string {
  return n ? `${n.type}@${n.startIndex}-${n.endIndex}` : 'none';
}

function copySpan(n: CNode | null): string {
  return n ? `${n.type}@${n.start}-${n.end}` : 'none';
}

/** The field each child of a native node fills (null for none), as a cursor reports it. */
function childFields(native: SyntaxNode): (string | null)[] {
  const out: (string | null)[] = [];
  const cursor = native.walk();
  if (cursor.gotoFirstChild()) {
    do out.push(cursor.currentFieldName ?? null); while (cursor.gotoNextSibling());
  }
  return out;
}

/**
 * The children of a native node that the copy promises: all but the anonymous tokens that fill no field, which it
 * keeps only in expression statements (lowering reads their missing `;`).
 */
function copiedChildren(native: SyntaxNode): SyntaxNode[] {
  if (native.type === 'expression_statement') return native.children;
  const fields = childFields(native);
  return native.children.filter((c, i) => c.isNamed || fields[i] !== null);
}

/** Differences between a native node and its copy, recursively (empty when they agree). */
function compare(native: SyntaxNode, copy: CNode, parsedText: string, out: string[]): void {
  const at = `${native.type}@${native.startIndex}`;
  const same = (what: string, a: unknown, b: unknown) => {
    if (a !== b) out.push(`${at} ${what}: ${String(a)} vs ${String(b)}`);
  };
  same('type', native.type, copy.type);
  same('start', native.startIndex, copy.start);
  same('end', native.endIndex, copy.end);
  same('startRow', native.startPosition.row, copy.startRow);
  same('endRow', native.endPosition.row, copy.endRow);
  same('named', native.isNamed, copy.named);
  same('missing', native.isMissing, copy.missing);
  same('text', native.text, parsedText.slice(copy.start, copy.end));
  const kids = copiedChildren(native);
  same('children', kids.map(span).join(), copy.children.map(copySpan).join());
  same('named children', native.namedChildren.filter((c) => c.type !== 'comment').map(span).join(),
    namedChildren(copy).map(copySpan).join());
  for (const f of FIELD_NAMES) {
    same(`field ${f}`, span(native.childForFieldName(f)), copySpan(childByField(copy, f)));
    same(`fields ${f}`, native.childrenForFieldName(f).map(span).join(), childrenByField(copy, f).map(copySpan).join());
  }
  kids.forEach((c, i) => { if (copy.children[i]) compare(c, copy.children[i], parsedText, out); });
}

/** Differences between the native tree of `text` and parseSyntax()'s copy of (its own parse of) the same text. */
function differences(text: string): string[] {
  const { tree } = parseC(text);
  const { syntax } = parseSyntax(text);
  const out: string[] = [];
  compare(tree.rootNode, syntax.root, syntax.text, out);
  return out;
}

function count(n: CNode): number {
  return 1 + n.children.reduce((sum, c) => sum + count(c), 0);
}

function find(n: CNode, pred: (n: CNode) => boolean): CNode[] {
  const out: CNode[] = [];
  const stack = [n];
  while (stack.length) {
    const cur = stack.pop()!;
    if (pred(cur)) out.push(cur);
    for (let i = cur.children.length - 1; i >= 0; i--) stack.push(cur.children[i]);
  }
  return out;
}

describe('copyTree', () => {
  test('keeps field names, including anonymous operator tokens', () => {
    const { syntax } = parseSyntax('int f(int a, char *b) { return a + b[0]; }');
    const fn = syntax.root.children[0];
    expect(fn.type).toBe('function_definition');
    expect(fn.children.map((c) => c.field)).toEqual(['type', 'declarator', 'body']);
    const sum = find(syntax.root, (n) => n.type === 'binary_expression')[0];
    expect(sum.children.map((c) => [c.type, c.field]))
      .toEqual([['identifier', 'left'], ['+', 'operator'], ['subscript_expression', 'right']]);
    expect(sum.children[1].named).toBe(false);
    expect(syntax.root.field).toBeNull();
  });

  test('leaves out the anonymous tokens that fill no field, except in expression statements', () => {
    const text = 'int f(int a, char *b) { a = -b[0]; return (a); }';
    const { syntax } = parseSyntax(text);
    const types = (n: CNode) => n.children.map((c) => c.type);
    expect(types(find(syntax.root, (n) => n.type === 'parameter_list')[0]))
      .toEqual(['parameter_declaration', 'parameter_declaration']);
    expect(types(find(syntax.root, (n) => n.type === 'subscript_expression')[0])).toEqual(['identifier', 'number_literal']);
    expect(types(find(syntax.root, (n) => n.type === 'return_statement')[0])).toEqual(['parenthesized_expression']);
    expect(types(find(syntax.root, (n) => n.type === 'unary_expression')[0])).toEqual(['-', 'subscript_expression']);
    expect(types(find(syntax.root, (n) => n.type === 'expression_statement')[0])).toEqual(['assignment_expression', ';']);
    expect(differences(text)).toEqual([]);
  });

  test('marks the missing tokens tree-sitter inserted, and only those', () => {
    const { syntax } = parseSyntax('int f(void) { list_for_each_entry(a, b, c) { x(); } }\nint x = 1;\nint y = (2;\n');
    const missing = find(syntax.root, (n) => n.missing);
    // The missing `)` of the declaration fills no field: only the native tree has it.
    expect(missing.map((n) => [n.type, n.start === n.end])).toEqual([[';', true]]);
    const { tree } = parseC('int f(void) { list_for_each_entry(a, b, c) { x(); } }\nint x = 1;\nint y = (2;\n');
    expect(tree.rootNode.descendantsOfType(')').filter((n) => n.isMissing)).toHaveLength(1);
    expect(differences('int f(void) { list_for_each_entry(a, b, c) { x(); } }\nint x = 1\nint y;\n')).toEqual([]);
    expect(differences('void f(void) { if (x) { y(); }')).toEqual([]);
  });

  test('copies ERROR nodes with their children and fields', () => {
    const text = 'int f( { ] }\nint g(void) { return (a + ; }\n';
    const { syntax } = parseSyntax(text);
    expect(find(syntax.root, (n) => n.type === 'ERROR').length).toBeGreaterThanOrEqual(2);
    // The top-level ERROR's children keep the fields they fill (`type:`), though, as with node-tree-sitter,
    // only `childrenByField` finds them there.
    const error = syntax.root.children[0];
    expect(error.type).toBe('ERROR');
    expect(error.children[0].field).toBe('type');
    expect(childrenByField(error, 'type').map((n) => n.type)).toEqual(['primitive_type']);
    expect(childByField(error, 'type')).toBeNull();
    expect(differences(text)).toEqual([]);
  });

  test('indices are UTF-16 offsets and rows match tree-sitter with multi-byte characters', () => {
    const text = '/* é — 日本語 😀 */\nint x = 1; // ü\nchar *s = "😀😀 ñ";\nint y;\n';
    const { syntax } = parseSyntax(text);
    const ids = find(syntax.root, (n) => n.type === 'identifier');
    expect(ids.map((n) => [text.slice(n.start, n.end), n.startRow])).toEqual([['x', 1], ['s', 2], ['y', 3]]);
    const str = find(syntax.root, (n) => n.type === 'string_literal')[0];
    expect(text.slice(str.start, str.end)).toBe('"😀😀 ñ"');
    expect(differences(text)).toEqual([]);
  });

  test('rows count only \\n, as tree-sitter does (CRLF and lone CR)', () => {
    const crlf = 'int a;\r\nint b;\r\n\r\nstatic int c(void)\r\n{\r\n\treturn 0;\r\n}\r\n';
    const { syntax } = parseSyntax(crlf);
    expect(syntax.root.children.map((n) => [n.startRow, n.endRow])).toEqual([[0, 0], [1, 1], [3, 6]]);
    expect(differences(crlf)).toEqual([]);
    const cr = 'int a;\rint b;\nint c;';
    expect(parseSyntax(cr).syntax.root.children.map((n) => n.startRow)).toEqual([0, 0, 1]);
    expect(differences(cr)).toEqual([]);
  });

  test('a node ending with its line break ends on the next row', () => {
    const text = '#include <linux/pci.h>\n#define X 1\nint a;';
    const { syntax } = parseSyntax(text);
    const include = syntax.root.children[0];
    expect(include.type).toBe('preproc_include');
    expect(text[include.end - 1]).toBe('\n');
    expect([include.startRow, include.endRow]).toEqual([0, 1]);
    expect(differences(text)).toEqual([]);
  });

  test('node text comes from the sanitised text; slices of the original keep the annotations', () => {
    const text = 'static void __iomem *map(struct foo __rcu *p) __acquires(rcu)\n{\n\treturn p->base;\n}\n';
    const parsed = parseSyntax(text);
    expect(parsed.original).toBe(text);
    expect(parsed.syntax.text).not.toBe(text);
    expect(parsed.syntax.text).toHaveLength(text.length);
    const fn = parsed.syntax.root.children[0];
    expect(text.slice(fn.start, fn.end)).toContain('__iomem');
    expect(differences(text)).toEqual([]);
  });

  test('matches the native tree on generated driver files', () => {
    for (let i = 0; i < 3; i++) {
      const rng = createRng(4000 + i);
      const file = driverFile(rng, driverNames(rng, i), 6, 'copy test driver');
      expect(differences(file.text)).toEqual([]);
    }
  });

  test('the grammar facts skip native calls and tokens, and change nothing else in the copy', () => {
    const rng = createRng(77);
    const texts = [
      driverFile(rng, driverNames(rng, 1), 8, 'facts test').text,
      'int f( { ] }\nstruct s { int a : 3; union { long b; }; };\n#if X\nint g(void) { return NULL ?: true; }\n#endif\n',
    ];
    // The full copy, less what the C grammar's copy leaves out (see `copiedChildren`).
    const prune = (n: CNode): CNode => ({
      ...n,
      children: n.type === 'expression_statement' ? n.children.map(prune)
        : n.children.filter((c) => c.named || c.field !== null).map(prune),
    });
    for (const text of texts) {
      const { tree } = parseC(text);
      const plain = copyTree(tree.walk(), parseSyntax(text).syntax.text, ANY_GRAMMAR);
      const copy = parseSyntax(text).syntax.root;
      expect(copy).toEqual(prune(plain));
      expect(count(copy)).toBeLessThan(count(plain));
    }
  });
});

describe('fieldFillersOf', () => {
  test('lists the child types that can fill a field, through supertypes', () => {
    const fillers = fieldFillersOf(nodeTypes);
    const binary = fillers.get('binary_expression')!;
    // `left` is an `expression`, a supertype: its subtypes (and theirs) fill it.
    expect(['identifier', 'call_expression', 'number_literal', '+', '||'].every((t) => binary.has(t))).toBe(true);
    expect(binary.has(';')).toBe(false);
    expect(binary.has('comment')).toBe(false);
    expect(fillers.has('compound_statement')).toBe(false);
    expect(fillers.get('function_definition')!.has('function_declarator')).toBe(true);
  });
});

describe('namedChildren', () => {
  test('drops anonymous children and comments, and reuses the child list when nothing is dropped', () => {
    const { syntax } = parseSyntax('void f(void) { a(); /* note */ b(); }');
    const body = find(syntax.root, (n) => n.type === 'compound_statement')[0];
    expect(namedChildren(body).map((n) => n.type)).toEqual(['expression_statement', 'expression_statement']);
    expect(namedChildren(body)).toBe(namedChildren(body));
    const call = find(syntax.root, (n) => n.type === 'call_expression')[0];
    expect(namedChildren(call)).toBe(call.children);
  });
});

describe('rowStarts', () => {
  test('lists the offset of every row', () => {
    expect(rowStarts('')).toEqual([0]);
    expect(rowStarts('a\nbc\r\n\n')).toEqual([0, 2, 6, 7]);
  });
});

// The copy skips asking tokens for children. That is only sound while every node of those types is a terminal
// in the grammar, so check it in tree-sitter-c's grammar.json: an upgrade that breaks it must fail here.
describe('tree-sitter-c grammar facts', () => {
  interface Rule { type: string; name?: string; value?: string; named?: boolean; content?: Rule; members?: Rule[] }
  const grammar = JSON.parse(readFileSync(join(grammarDir, 'src/grammar.json'), 'utf8')) as { rules: Record<string, Rule> };

  function isTerminal(rule: Rule, seen: Set<string> = new Set()): boolean {
    switch (rule.type) {
      case 'STRING': case 'PATTERN': case 'TOKEN': case 'IMMEDIATE_TOKEN': return true;
      case 'PREC': case 'PREC_LEFT': case 'PREC_RIGHT': case 'PREC_DYNAMIC': case 'FIELD': case 'ALIAS':
        return isTerminal(rule.content!, seen);
      case 'SYMBOL':
        if (seen.has(rule.name!)) return false;
        return isTerminal(grammar.rules[rule.name!], new Set([...seen, rule.name!]));
      default: return false;
    }
  }

  const aliases: Rule[] = [];
  const collect = (r: Rule) => {
    if (r.type === 'ALIAS') aliases.push(r);
    if (r.content) collect(r.content);
    for (const m of r.members ?? []) collect(m);
  };
  Object.values(grammar.rules).forEach(collect);

  test('every named type the copy treats as a token is a terminal wherever it is produced', () => {
    for (const type of C_NAMED_TOKENS) {
      const rule = grammar.rules[type];
      if (rule) expect([type, isTerminal(rule)]).toEqual([type, true]);
      for (const a of aliases.filter((x) => x.named && x.value === type)) {
        expect([type, isTerminal(a.content!)]).toEqual([type, true]);
      }
      expect(rule !== undefined || aliases.some((x) => x.named && x.value === type)).toBe(true);
    }
  });

  test('no rule is aliased to an anonymous name unless it is a terminal', () => {
    expect(aliases.filter((a) => !a.named).length).toBeGreaterThan(0);
    for (const a of aliases.filter((x) => !x.named)) expect([a.value, isTerminal(a.content!)]).toEqual([a.value, true]);
  });
});
