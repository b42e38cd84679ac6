// Lowers a tree-sitter-c tree (its plain copy, syntax.ts) to the IR in ir.ts. This is the only module that knows
// tree-sitter node types; it degrades gracefully around ERROR nodes (hunks are fragments, kernel C is
// macro-heavy): whatever cannot be structured becomes an `unknown` statement that still lists the calls inside it.
import type { ParsedSyntax } from './parser.js';
import { addressSpaceOf } from './sanitize.js';
import { childByField, childrenByField, namedChildren, type CNode } from './syntax.js';
import { UNKNOWN_RETURN_TYPE } from './images.js';
import type { Expr, FileIR, FunctionIR, Pos, Stmt, StructField, VarDecl } from './ir.js';

/** Maps a tree row (0-based) to a file line (1-based). */
export type LineOf = (row: number) => number;

interface Ctx {
  lineOf: LineOf;
  original: string;
  /** The text tree-sitter parsed (annotations blanked): what node-tree-sitter's `node.text` returned. */
  parsed: string;
  errors: number;
}

/** Iterator macros (`list_for_each_entry`, `for_each_sg`, `xa_for_each`, ...) written like loop headers. */
const LOOP_MACRO = /(^|_)for_each(_|$)|foreach/;

/** The original text of a node (annotations included). */
function source(ctx: Ctx, n: CNode): string {
  return ctx.original.slice(n.start, n.end);
}

/** The parsed text of a node (annotations blanked): names and operators are read from it. */
function ptext(ctx: Ctx, n: CNode): string {
  return ctx.parsed.slice(n.start, n.end);
}

// IR objects list their position fields explicitly instead of spreading a `pos()` result into them: on Node 20
// an object literal that spreads and then adds properties is an order of magnitude slower to build, and
// lowering builds one per expression and statement.
function pos(ctx: Ctx, n: CNode): Pos {
  return { line: ctx.lineOf(n.startRow), endLine: ctx.lineOf(n.endRow), text: source(ctx, n) };
}

const named = namedChildren;

/** The parsed text of the child filling `field`, if there is one. */
function fieldText(ctx: Ctx, n: CNode, field: string): string | undefined {
  const c = childByField(n, field);
  return c ? ptext(ctx, c) : undefined;
}

/**
 * The parsed text of the node's operator, if it has one. (A two-argument helper: `lowerExpr` recurses as deep
 * as expressions nest, and a three-argument call inside its object literals would grow its stack frame.)
 */
function operatorText(ctx: Ctx, n: CNode): string | undefined {
  return fieldText(ctx, n, 'operator');
}

/**
 * The parsed text of the first child the copy has (a named node, or a token filling a field), if there is one.
 * The copy leaves out other tokens, but its one caller reads a pointer expression, whose first child is its
 * operator field.
 */
function firstChildText(ctx: Ctx, n: CNode): string | undefined {
  return n.children.length ? ptext(ctx, n.children[0]) : undefined;
}

// ───────────── expressions ─────────────

function lowerExpr(ctx: Ctx, n: CNode): Expr {
  const p = pos(ctx, n);
  switch (n.type) {
    case 'identifier':
    case 'field_identifier':
    case 'type_identifier':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'ident', name: ptext(ctx, n) };
    case 'parenthesized_expression': {
      const inner = named(n)[0];
      return inner ? lowerExpr(ctx, inner) : { line: p.line, endLine: p.endLine, text: p.text, k: 'other', children: [] };
    }
    case 'call_expression': {
      const fn = childByField(n, 'function');
      const argsNode = childByField(n, 'arguments');
      const args = argsNode ? named(argsNode).map((a) => lowerExpr(ctx, a)) : [];
      const calleeExpr = fn ? lowerExpr(ctx, fn) : null;
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'call', callee: calleeName(calleeExpr), calleeExpr, args,
      };
    }
    case 'field_expression': {
      const base = childByField(n, 'argument');
      const field = childByField(n, 'field');
      const op = childByField(n, 'operator');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'field',
        base: base ? lowerExpr(ctx, base) : other(ctx, n), field: field ? ptext(ctx, field) : '',
        arrow: op ? ptext(ctx, op) === '->' : ptext(ctx, n).includes('->'),
      };
    }
    case 'subscript_expression': {
      const base = childByField(n, 'argument');
      const index = childByField(n, 'index') ?? named(n)[1];
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'index',
        base: base ? lowerExpr(ctx, base) : other(ctx, n), index: index ? lowerExpr(ctx, index) : other(ctx, n),
      };
    }
    case 'pointer_expression': {
      const arg = childByField(n, 'argument');
      const op = operatorText(ctx, n) ?? firstChildText(ctx, n);
      const a = arg ? lowerExpr(ctx, arg) : other(ctx, n);
      return op === '&'
        ? { line: p.line, endLine: p.endLine, text: p.text, k: 'addr', arg: a }
        : { line: p.line, endLine: p.endLine, text: p.text, k: 'deref', arg: a };
    }
    case 'cast_expression': {
      const type = childByField(n, 'type');
      const value = childByField(n, 'value');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'cast', type: type ? source(ctx, type) : '',
        arg: value ? lowerExpr(ctx, value) : other(ctx, n),
      };
    }
    case 'binary_expression': {
      const l = childByField(n, 'left');
      const r = childByField(n, 'right');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'binary', op: operatorText(ctx, n) ?? '',
        left: l ? lowerExpr(ctx, l) : other(ctx, n), right: r ? lowerExpr(ctx, r) : other(ctx, n),
      };
    }
    case 'unary_expression':
    case 'update_expression': {
      const arg = childByField(n, 'argument');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'unary', op: operatorText(ctx, n) ?? '',
        arg: arg ? lowerExpr(ctx, arg) : other(ctx, n),
      };
    }
    case 'assignment_expression': {
      const l = childByField(n, 'left');
      const r = childByField(n, 'right');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'assign', op: operatorText(ctx, n) ?? '=',
        left: l ? lowerExpr(ctx, l) : other(ctx, n), right: r ? lowerExpr(ctx, r) : other(ctx, n),
      };
    }
    case 'conditional_expression': {
      const c = childByField(n, 'condition');
      const t = childByField(n, 'consequence');
      const e = childByField(n, 'alternative');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'cond', test: c ? lowerExpr(ctx, c) : other(ctx, n),
        // GNU `a ?: b` has no consequence: its value is the condition's. Lowering the whole node again here
        // (as `other`) doubled the work at every level of a `?:` chain (31 M IR nodes for one bcachefs file).
        then: t ? lowerExpr(ctx, t) : c ? lowerExpr(ctx, c) : other(ctx, n), else: e ? lowerExpr(ctx, e) : other(ctx, n),
      };
    }
    case 'number_literal':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'literal', lit: 'number' };
    case 'string_literal':
    case 'concatenated_string':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'literal', lit: 'string' };
    case 'char_literal':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'literal', lit: 'char' };
    case 'null':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'literal', lit: 'null' };
    case 'true':
    case 'false':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'literal', lit: 'bool' };
    case 'sizeof_expression':
    case 'alignof_expression':
    case 'offsetof_expression':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'sizeof' };
    case 'comma_expression':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'comma', list: commaOperands(ctx, n) };
    case 'initializer_list':
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'init', items: named(n).map((c) => lowerExpr(ctx, c)),
      };
    case 'initializer_pair': {
      const v = childByField(n, 'value');
      return v ? lowerExpr(ctx, v) : other(ctx, n);
    }
    case 'compound_literal_expression': {
      const v = childByField(n, 'value');
      return v ? lowerExpr(ctx, v) : other(ctx, n);
    }
    case 'ERROR':
      ctx.errors++;
      return other(ctx, n);
    default:
      return other(ctx, n);
  }
}

/**
 * The operands of a comma expression, as one flat list. tree-sitter nests `a, b, c` to the right (`a, (b, c)`),
 * so a table of 2,000 comma-separated macro calls (lib/test_bpf.c) is a chain 2,000 deep: lowered recursively,
 * it exhausted the JavaScript stack. The chain is followed in a loop instead.
 */
function commaOperands(ctx: Ctx, n: CNode): Expr[] {
  const list: Expr[] = [];
  let cur: CNode | undefined = n;
  while (cur?.type === 'comma_expression') {
    const kids = named(cur);
    for (let i = 0; i < kids.length - 1; i++) list.push(lowerExpr(ctx, kids[i]));
    cur = kids[kids.length - 1];
  }
  if (cur) list.push(lowerExpr(ctx, cur));
  return list;
}

function other(ctx: Ctx, n: CNode): Expr {
  const children = named(n).filter((c) => c.type !== 'type_descriptor' && c.type !== 'primitive_type')
    .map((c) => lowerExpr(ctx, c));
  const p = pos(ctx, n);
  return { line: p.line, endLine: p.endLine, text: p.text, k: 'other', children };
}

/** `foo` for `foo(...)`, `map_sg` for `ops->map_sg(...)`. */
function calleeName(e: Expr | null): string {
  if (!e) return '';
  if (e.k === 'ident') return e.name;
  if (e.k === 'field') return e.field;
  return e.text.replace(/\s+/g, '');
}

// ───────────── declarations ─────────────

interface DeclShape { name: string; pointer: boolean; array: boolean; fnParams?: CNode; /** The name's own node. */ at: CNode }

/** Walks a declarator down to its identifier, noting pointer and array layers. */
function declShape(ctx: Ctx, n: CNode | null): DeclShape | undefined {
  let pointer = false;
  let array = false;
  let fnParams: CNode | undefined;
  let cur: CNode | null = n;
  while (cur) {
    switch (cur.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
        return { name: ptext(ctx, cur), pointer, array, fnParams, at: cur };
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
        pointer = true;
        cur = childByField(cur, 'declarator');
        break;
      case 'array_declarator':
        array = true;
        cur = childByField(cur, 'declarator');
        break;
      case 'function_declarator':
        fnParams = childByField(cur, 'parameters') ?? undefined;
        cur = childByField(cur, 'declarator');
        break;
      case 'init_declarator':
        cur = childByField(cur, 'declarator');
        break;
      case 'parenthesized_declarator':
      case 'attributed_declarator':
        cur = named(cur)[0] ?? null;
        break;
      default:
        cur = named(cur)[0] ?? null;
    }
  }
  return undefined;
}

/**
 * The source from `start` to `end` (a span holding the declarator `shape` came from) without the declared name.
 * The name is cut out where its node is, not searched for: in `struct page *page` the first word `page` is the
 * struct tag.
 */
function sliceWithoutName(ctx: Ctx, start: number, end: number, shape: DeclShape): string {
  return ctx.original.slice(start, shape.at.start) + ctx.original.slice(shape.at.end, end);
}

/**
 * The written type of one declarator: the declaration's specifiers (up to its first declarator), plus this
 * declarator's own pointer/array parts without its name. Other declarators of `int i, *n;` are not part of it.
 */
function typeText(ctx: Ctx, declNode: CNode, declarator: CNode, shape: DeclShape): string {
  const first = childByField(declNode, 'declarator') ?? declarator;
  const head = ctx.original.slice(declNode.start, first.start);
  const valueAt = declarator.type === 'init_declarator' ? childByField(declarator, 'value') : null;
  const declOnly = sliceWithoutName(ctx, declarator.start, valueAt ? valueAt.start : declarator.end, shape);
  return `${head.trim()} ${declOnly.replace(/=\s*$/, '')}`.replace(/\s+/g, ' ').trim();
}

function isStaticDecl(ctx: Ctx, n: CNode): boolean {
  return named(n).some((c) => c.type === 'storage_class_specifier' && ptext(ctx, c) === 'static');
}

function lowerDeclarators(ctx: Ctx, n: CNode): VarDecl[] {
  const out: VarDecl[] = [];
  const isStatic = isStaticDecl(ctx, n);
  for (const d of childrenByField(n, 'declarator')) {
    const shape = declShape(ctx, d);
    if (!shape) continue;
    const value = d.type === 'init_declarator' ? childByField(d, 'value') : null;
    const type = typeText(ctx, n, d, shape);
    const p = pos(ctx, d);
    out.push({
      line: p.line, endLine: p.endLine, text: p.text, name: shape.name, type,
      pointer: shape.pointer || /\*/.test(type), array: shape.array,
      isStatic, addressSpace: addressSpaceOf(type), init: value ? lowerExpr(ctx, value) : undefined,
    });
  }
  return out;
}

function lowerParams(ctx: Ctx, params: CNode | undefined): VarDecl[] {
  if (!params) return [];
  const out: VarDecl[] = [];
  for (const param of named(params)) {
    if (param.type !== 'parameter_declaration') continue;
    const d = childByField(param, 'declarator');
    const shape = declShape(ctx, d);
    if (!shape) continue;
    const type = sliceWithoutName(ctx, param.start, param.end, shape).replace(/\s+/g, ' ').trim();
    const p = pos(ctx, param);
    out.push({
      line: p.line, endLine: p.endLine, text: p.text, name: shape.name, type,
      pointer: shape.pointer || /\*/.test(type), array: shape.array,
      isStatic: false, addressSpace: addressSpaceOf(type),
    });
  }
  return out;
}

// ───────────── statements ─────────────

function lowerBlockItems(ctx: Ctx, items: readonly CNode[]): Stmt[] {
  const out: Stmt[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    // `list_for_each_entry(pos, head, member) <stmt>` parses as a call statement missing its ';' followed by the
    // body: fold the pair into a loop.
    if (c.type === 'expression_statement' && c.children.some((x) => x.missing) && i + 1 < items.length
      && isLoopMacroCall(ctx, named(c)[0])) {
      out.push(macroLoop(ctx, c, items[i + 1]));
      i++;
      continue;
    }
    out.push(lowerStmt(ctx, c));
  }
  return out;
}

function isLoopMacroCall(ctx: Ctx, call: CNode | undefined): boolean {
  const fn = call?.type === 'call_expression' ? fieldText(ctx, call, 'function') ?? '' : '';
  return fn !== '' && LOOP_MACRO.test(fn);
}

/** `list_for_each_entry(...)` statement `header` (its ';' missing) and the statement after it, as one loop. */
function macroLoop(ctx: Ctx, header: CNode, next: CNode): Stmt {
  const body = lowerStmt(ctx, next);
  const call = lowerExpr(ctx, named(header)[0]);
  const p = pos(ctx, header);
  return { line: p.line, endLine: body.endLine, text: p.text, k: 'loop', form: 'macro', header: call, body };
}

function lowerStmt(ctx: Ctx, n: CNode): Stmt {
  const p = pos(ctx, n);
  switch (n.type) {
    case 'compound_statement':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'block', body: lowerBlockItems(ctx, named(n)) };
    case 'declaration':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'decl', vars: lowerDeclarators(ctx, n) };
    case 'expression_statement': {
      const e = named(n)[0];
      return e
        ? { line: p.line, endLine: p.endLine, text: p.text, k: 'expr', expr: lowerExpr(ctx, e) }
        : { line: p.line, endLine: p.endLine, text: p.text, k: 'block', body: [] };
    }
    case 'if_statement': {
      const cond = childByField(n, 'condition');
      const cons = childByField(n, 'consequence');
      const alt = childByField(n, 'alternative');
      const altStmt = alt ? (alt.type === 'else_clause' ? named(alt)[0] : alt) : undefined;
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'if', cond: cond ? lowerExpr(ctx, cond) : other(ctx, n),
        then: cons ? lowerStmt(ctx, cons) : empty(p), else: altStmt ? lowerStmt(ctx, altStmt) : undefined,
      };
    }
    case 'for_statement': {
      const init = childByField(n, 'initializer');
      const cond = childByField(n, 'condition');
      const upd = childByField(n, 'update');
      const body = childByField(n, 'body');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'loop', form: 'for',
        init: init ? (init.type === 'declaration' ? lowerStmt(ctx, init) : exprStmt(ctx, init)) : undefined,
        cond: cond ? lowerExpr(ctx, cond) : undefined, update: upd ? lowerExpr(ctx, upd) : undefined,
        body: body ? lowerStmt(ctx, body) : empty(p),
      };
    }
    case 'while_statement':
    case 'do_statement': {
      const cond = childByField(n, 'condition');
      const body = childByField(n, 'body');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'loop', form: n.type === 'while_statement' ? 'while' : 'do',
        cond: cond ? lowerExpr(ctx, cond) : undefined, body: body ? lowerStmt(ctx, body) : empty(p),
      };
    }
    case 'return_statement': {
      const v = named(n)[0];
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'return', value: v ? lowerExpr(ctx, v) : undefined };
    }
    case 'goto_statement':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'goto', label: fieldText(ctx, n, 'label') ?? '' };
    case 'labeled_statement': {
      const label = fieldText(ctx, n, 'label') ?? '';
      const rest = named(n).filter((c) => c.type !== 'statement_identifier');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'label', name: label,
        body: rest[0] ? lowerStmt(ctx, rest[0]) : empty(p),
      };
    }
    case 'break_statement':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'break' };
    case 'continue_statement':
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'continue' };
    case 'switch_statement': {
      const cond = childByField(n, 'condition');
      const body = childByField(n, 'body');
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'switch', cond: cond ? lowerExpr(ctx, cond) : other(ctx, n),
        body: body ? lowerStmt(ctx, body) : empty(p),
      };
    }
    case 'case_statement': {
      const value = childByField(n, 'value');
      const stmts = named(n).filter((c) => c !== value);
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'case', value: value ? lowerExpr(ctx, value) : undefined,
        body: lowerBlockItems(ctx, stmts),
      };
    }
    case 'attributed_statement':
    case 'preproc_if':
    case 'preproc_ifdef':
    case 'preproc_else':
    case 'preproc_elif':
    case 'preproc_elifdef': {
      const items = named(n).filter((c) => !['preproc_arg', 'identifier', 'attribute_declaration'].includes(c.type)
        && !c.type.endsWith('_expression') && c.type !== 'number_literal');
      return { line: p.line, endLine: p.endLine, text: p.text, k: 'block', body: lowerBlockItems(ctx, items) };
    }
    case 'ERROR': {
      ctx.errors++;
      // An ERROR in statement position often still wraps well-formed statements: keep those.
      const kids = named(n);
      if (kids.some((c) => STATEMENT_TYPES.has(c.type))) {
        return { line: p.line, endLine: p.endLine, text: p.text, k: 'block', body: lowerBlockItems(ctx, kids) };
      }
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'unknown', exprs: kids.map((c) => lowerExpr(ctx, c)),
      };
    }
    default:
      if (n.type.endsWith('_expression')) {
        return { line: p.line, endLine: p.endLine, text: p.text, k: 'expr', expr: lowerExpr(ctx, n) };
      }
      return {
        line: p.line, endLine: p.endLine, text: p.text, k: 'unknown', exprs: named(n).map((c) => lowerExpr(ctx, c)),
      };
  }
}

const STATEMENT_TYPES = new Set([
  'compound_statement', 'declaration', 'expression_statement', 'if_statement', 'for_statement', 'while_statement',
  'do_statement', 'return_statement', 'goto_statement', 'labeled_statement', 'break_statement',
  'continue_statement', 'switch_statement', 'case_statement',
]);

/** An expression in statement position (a `for` initializer). */
function exprStmt(ctx: Ctx, n: CNode): Stmt {
  const p = pos(ctx, n);
  return { line: p.line, endLine: p.endLine, text: p.text, k: 'expr', expr: lowerExpr(ctx, n) };
}

function empty(p: Pos): Stmt {
  return { line: p.line, endLine: p.endLine, text: '', k: 'block', body: [] };
}

// ───────────── top level ─────────────

function lowerFunction(ctx: Ctx, n: CNode, synthetic: boolean): FunctionIR | undefined {
  const declarator = childByField(n, 'declarator');
  const shape = declShape(ctx, declarator);
  const body = childByField(n, 'body');
  if (!shape || !body) return undefined;
  const headText = ctx.original.slice(n.start, body.start);
  const annotations = [...headText.matchAll(/\b(__acquires|__releases|__must_hold|__cond_acquires)\s*\(([^)]*)\)/g)]
    .map((m) => `${m[1]}(${m[2].trim()})`);
  const p = pos(ctx, n);
  return {
    line: p.line, endLine: p.endLine, text: p.text, name: shape.name,
    returnType: ctx.original.slice(n.start, declarator!.start).replace(/\s+/g, ' ').trim()
      .replace(UNKNOWN_RETURN_TYPE, '').trim(),
    params: lowerParams(ctx, shape.fnParams), isStatic: isStaticDecl(ctx, n),
    body: lowerStmt(ctx, body), annotations, synthetic,
  };
}

function lowerStructs(ctx: Ctx, n: CNode, out: StructField[]): void {
  // Struct definitions anywhere in this node (top level, typedefs, nested).
  const stack: CNode[] = [n];
  while (stack.length) {
    const cur = stack.pop()!;
    if (cur.type === 'struct_specifier' || cur.type === 'union_specifier') {
      const name = fieldText(ctx, cur, 'name') ?? '';
      const body = childByField(cur, 'body');
      if (body) {
        for (const f of named(body)) {
          if (f.type !== 'field_declaration') { stack.push(f); continue; }
          for (const d of childrenByField(f, 'declarator')) {
            const shape = declShape(ctx, d);
            if (!shape) continue;
            const type = typeText(ctx, f, d, shape).replace(/[;\s]+/g, ' ').trim();
            const p = pos(ctx, d);
            out.push({
              line: p.line, endLine: p.endLine, text: p.text, struct: name, name: shape.name, type,
              pointer: shape.pointer, array: shape.array,
              isStatic: false, addressSpace: addressSpaceOf(type),
            });
          }
          const t = childByField(f, 'type');
          if (t) stack.push(t);
        }
      }
      continue;
    }
    if (cur.type === 'function_definition') continue;
    for (const c of named(cur)) stack.push(c);
  }
}

/**
 * Lowers one parsed text. `syntheticHeaderRows` marks rows whose function header was invented from a hunk
 * section line, so findings never point at them.
 */
export function lowerSyntax(parsed: ParsedSyntax, lineOf: LineOf, path: string,
  syntheticHeaderRows: Set<number> = new Set()): FileIR {
  const { syntax: { root, text: parsedText }, original } = parsed;
  const ctx: Ctx = { lineOf, original, parsed: parsedText, errors: 0 };
  const functions: FunctionIR[] = [];
  const globals: VarDecl[] = [];
  const structFields: StructField[] = [];
  const visitTop = (nodes: readonly CNode[]) => {
    for (const c of nodes) {
      if (c.type === 'function_definition') {
        const f = lowerFunction(ctx, c, syntheticHeaderRows.has(c.startRow));
        if (f) functions.push(f);
      } else if (c.type === 'declaration') {
        globals.push(...lowerDeclarators(ctx, c));
        lowerStructs(ctx, c, structFields);
      } else if (c.type === 'type_definition' || c.type === 'struct_specifier' || c.type === 'union_specifier') {
        lowerStructs(ctx, c, structFields);
      } else if (c.type.startsWith('preproc_if') || c.type === 'preproc_else' || c.type === 'preproc_elif'
        || c.type === 'linkage_specification' || c.type === 'declaration_list') {
        visitTop(named(c));
      } else if (c.type === 'ERROR') {
        ctx.errors++;
        visitTop(named(c));
      } else if (c.type === 'expression_statement' || c.type === 'compound_statement') {
        // Statements at top level mean a hunk began mid-function without a usable section line.
        const body = lowerStmt(ctx, c);
        const p = pos(ctx, c);
        functions.push({
          line: p.line, endLine: p.endLine, text: p.text, name: '', returnType: '', params: [], isStatic: false, body,
          annotations: [], synthetic: true,
        });
      }
    }
  };
  visitTop(named(root));
  return { path, functions, globals, structFields, parseErrors: ctx.errors };
}
