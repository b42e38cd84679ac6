// Lowers a tree-sitter-c tree to the IR in ir.ts. This is the only module that knows tree-sitter node types;
// it degrades gracefully around ERROR nodes (hunks are fragments, kernel C is macro-heavy): whatever cannot be
// structured becomes an `unknown` statement that still lists the calls inside it.
import type { SyntaxNode } from './parser.js';
import { addressSpaceOf } from './sanitize.js';
import { UNKNOWN_RETURN_TYPE } from './images.js';
import type { Expr, FileIR, FunctionIR, Stmt, StructField, VarDecl } from './ir.js';

/** Maps a tree row (0-based) to a file line (1-based). */
export type LineOf = (row: number) => number;

interface Ctx {
  lineOf: LineOf;
  original: string;
  errors: number;
}

/** Iterator macros (`list_for_each_entry`, `for_each_sg`, `xa_for_each`, ...) written like loop headers. */
const LOOP_MACRO = /(^|_)for_each(_|$)|foreach/;

function text(ctx: Ctx, n: SyntaxNode): string {
  return ctx.original.slice(n.startIndex, n.endIndex);
}

function pos(ctx: Ctx, n: SyntaxNode) {
  return { line: ctx.lineOf(n.startPosition.row), endLine: ctx.lineOf(n.endPosition.row), text: text(ctx, n) };
}

function named(n: SyntaxNode): SyntaxNode[] {
  return n.namedChildren.filter((c) => c.type !== 'comment');
}

// ───────────── expressions ─────────────

function lowerExpr(ctx: Ctx, n: SyntaxNode): Expr {
  const p = pos(ctx, n);
  switch (n.type) {
    case 'identifier':
    case 'field_identifier':
    case 'type_identifier':
      return { ...p, k: 'ident', name: n.text };
    case 'parenthesized_expression': {
      const inner = named(n)[0];
      return inner ? lowerExpr(ctx, inner) : { ...p, k: 'other', children: [] };
    }
    case 'call_expression': {
      const fn = n.childForFieldName('function');
      const argsNode = n.childForFieldName('arguments');
      const args = argsNode ? named(argsNode).map((a) => lowerExpr(ctx, a)) : [];
      const calleeExpr = fn ? lowerExpr(ctx, fn) : null;
      return { ...p, k: 'call', callee: calleeName(calleeExpr), calleeExpr, args };
    }
    case 'field_expression': {
      const base = n.childForFieldName('argument');
      const field = n.childForFieldName('field');
      const op = n.childForFieldName('operator');
      return {
        ...p, k: 'field', base: base ? lowerExpr(ctx, base) : other(ctx, n), field: field?.text ?? '',
        arrow: (op?.text ?? n.text.includes('->') ? '->' : '.') === '->',
      };
    }
    case 'subscript_expression': {
      const base = n.childForFieldName('argument');
      const index = n.childForFieldName('index') ?? named(n)[1];
      return {
        ...p, k: 'index', base: base ? lowerExpr(ctx, base) : other(ctx, n),
        index: index ? lowerExpr(ctx, index) : other(ctx, n),
      };
    }
    case 'pointer_expression': {
      const arg = n.childForFieldName('argument');
      const op = n.childForFieldName('operator')?.text ?? n.child(0)?.text;
      const a = arg ? lowerExpr(ctx, arg) : other(ctx, n);
      return op === '&' ? { ...p, k: 'addr', arg: a } : { ...p, k: 'deref', arg: a };
    }
    case 'cast_expression': {
      const type = n.childForFieldName('type');
      const value = n.childForFieldName('value');
      return { ...p, k: 'cast', type: type ? text(ctx, type) : '', arg: value ? lowerExpr(ctx, value) : other(ctx, n) };
    }
    case 'binary_expression': {
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      return {
        ...p, k: 'binary', op: n.childForFieldName('operator')?.text ?? '',
        left: l ? lowerExpr(ctx, l) : other(ctx, n), right: r ? lowerExpr(ctx, r) : other(ctx, n),
      };
    }
    case 'unary_expression':
    case 'update_expression': {
      const arg = n.childForFieldName('argument');
      return { ...p, k: 'unary', op: n.childForFieldName('operator')?.text ?? '', arg: arg ? lowerExpr(ctx, arg) : other(ctx, n) };
    }
    case 'assignment_expression': {
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      return {
        ...p, k: 'assign', op: n.childForFieldName('operator')?.text ?? '=',
        left: l ? lowerExpr(ctx, l) : other(ctx, n), right: r ? lowerExpr(ctx, r) : other(ctx, n),
      };
    }
    case 'conditional_expression': {
      const c = n.childForFieldName('condition');
      const t = n.childForFieldName('consequence');
      const e = n.childForFieldName('alternative');
      return {
        ...p, k: 'cond', test: c ? lowerExpr(ctx, c) : other(ctx, n),
        then: t ? lowerExpr(ctx, t) : other(ctx, n), else: e ? lowerExpr(ctx, e) : other(ctx, n),
      };
    }
    case 'number_literal':
      return { ...p, k: 'literal', lit: 'number' };
    case 'string_literal':
    case 'concatenated_string':
      return { ...p, k: 'literal', lit: 'string' };
    case 'char_literal':
      return { ...p, k: 'literal', lit: 'char' };
    case 'null':
      return { ...p, k: 'literal', lit: 'null' };
    case 'true':
    case 'false':
      return { ...p, k: 'literal', lit: 'bool' };
    case 'sizeof_expression':
    case 'alignof_expression':
    case 'offsetof_expression':
      return { ...p, k: 'sizeof' };
    case 'comma_expression':
      return { ...p, k: 'comma', list: named(n).map((c) => lowerExpr(ctx, c)) };
    case 'initializer_list':
      return { ...p, k: 'init', items: named(n).map((c) => lowerExpr(ctx, c)) };
    case 'initializer_pair': {
      const v = n.childForFieldName('value');
      return v ? lowerExpr(ctx, v) : other(ctx, n);
    }
    case 'compound_literal_expression': {
      const v = n.childForFieldName('value');
      return v ? lowerExpr(ctx, v) : other(ctx, n);
    }
    case 'ERROR':
      ctx.errors++;
      return other(ctx, n);
    default:
      return other(ctx, n);
  }
}

function other(ctx: Ctx, n: SyntaxNode): Expr {
  const children = named(n).filter((c) => c.type !== 'type_descriptor' && c.type !== 'primitive_type')
    .map((c) => lowerExpr(ctx, c));
  return { ...pos(ctx, n), k: 'other', children };
}

/** `foo` for `foo(...)`, `map_sg` for `ops->map_sg(...)`. */
function calleeName(e: Expr | null): string {
  if (!e) return '';
  if (e.k === 'ident') return e.name;
  if (e.k === 'field') return e.field;
  return e.text.replace(/\s+/g, '');
}

// ───────────── declarations ─────────────

interface DeclShape { name: string; pointer: boolean; array: boolean; fnParams?: SyntaxNode }

/** Walks a declarator down to its identifier, noting pointer and array layers. */
function declShape(n: SyntaxNode | null): DeclShape | undefined {
  let pointer = false;
  let array = false;
  let fnParams: SyntaxNode | undefined;
  let cur: SyntaxNode | null = n;
  while (cur) {
    switch (cur.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
        return { name: cur.text, pointer, array, fnParams };
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
        pointer = true;
        cur = cur.childForFieldName('declarator');
        break;
      case 'array_declarator':
        array = true;
        cur = cur.childForFieldName('declarator');
        break;
      case 'function_declarator':
        fnParams = cur.childForFieldName('parameters') ?? undefined;
        cur = cur.childForFieldName('declarator');
        break;
      case 'init_declarator':
        cur = cur.childForFieldName('declarator');
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

function typeText(ctx: Ctx, declNode: SyntaxNode, declarator: SyntaxNode | null): string {
  // The written type: the declaration's specifiers (up to its first declarator), plus this declarator's own
  // pointer/array parts (the caller removes the name). Other declarators of `int i, n;` are not part of it.
  const first = declNode.childrenForFieldName('declarator')[0] ?? declarator;
  const head = ctx.original.slice(declNode.startIndex, first ? first.startIndex : declNode.endIndex);
  if (!declarator) return head.trim();
  const valueAt = declarator.type === 'init_declarator' ? declarator.childForFieldName('value') : null;
  const declOnly = ctx.original.slice(declarator.startIndex, valueAt ? valueAt.startIndex : declarator.endIndex);
  return `${head.trim()} ${declOnly.replace(/=\s*$/, '')}`.replace(/\s+/g, ' ').trim();
}

function isStaticDecl(n: SyntaxNode): boolean {
  return n.namedChildren.some((c) => c.type === 'storage_class_specifier' && c.text === 'static');
}

function lowerDeclarators(ctx: Ctx, n: SyntaxNode): VarDecl[] {
  const out: VarDecl[] = [];
  const isStatic = isStaticDecl(n);
  for (const d of n.childrenForFieldName('declarator')) {
    const shape = declShape(d);
    if (!shape) continue;
    const value = d.type === 'init_declarator' ? d.childForFieldName('value') : null;
    const type = typeText(ctx, n, d).replace(new RegExp(`\\b${shape.name}\\b`), '').replace(/\s+/g, ' ').trim();
    out.push({
      ...pos(ctx, d), name: shape.name, type, pointer: shape.pointer || /\*/.test(type), array: shape.array,
      isStatic, addressSpace: addressSpaceOf(type), init: value ? lowerExpr(ctx, value) : undefined,
    });
  }
  return out;
}

function lowerParams(ctx: Ctx, params: SyntaxNode | undefined): VarDecl[] {
  if (!params) return [];
  const out: VarDecl[] = [];
  for (const p of named(params)) {
    if (p.type !== 'parameter_declaration') continue;
    const d = p.childForFieldName('declarator');
    const shape = declShape(d);
    if (!shape) continue;
    const type = text(ctx, p).replace(new RegExp(`\\b${shape.name}\\b`), '').replace(/\s+/g, ' ').trim();
    out.push({
      ...pos(ctx, p), name: shape.name, type, pointer: shape.pointer || /\*/.test(type), array: shape.array,
      isStatic: false, addressSpace: addressSpaceOf(type),
    });
  }
  return out;
}

// ───────────── statements ─────────────

function lowerBlockItems(ctx: Ctx, items: SyntaxNode[]): Stmt[] {
  const out: Stmt[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    // `list_for_each_entry(pos, head, member) <stmt>` parses as a call statement missing its ';' followed by the
    // body: fold the pair into a loop.
    if (c.type === 'expression_statement' && c.children.some((x) => x.isMissing)) {
      const call = named(c)[0];
      const fn = call?.type === 'call_expression' ? call.childForFieldName('function')?.text ?? '' : '';
      if (fn && LOOP_MACRO.test(fn) && i + 1 < items.length) {
        const body = lowerStmt(ctx, items[i + 1]);
        const header = lowerExpr(ctx, call);
        out.push({ ...pos(ctx, c), endLine: body.endLine, k: 'loop', form: 'macro', header, body });
        i++;
        continue;
      }
    }
    out.push(lowerStmt(ctx, c));
  }
  return out;
}

function lowerStmt(ctx: Ctx, n: SyntaxNode): Stmt {
  const p = pos(ctx, n);
  switch (n.type) {
    case 'compound_statement':
      return { ...p, k: 'block', body: lowerBlockItems(ctx, named(n)) };
    case 'declaration':
      return { ...p, k: 'decl', vars: lowerDeclarators(ctx, n) };
    case 'expression_statement': {
      const e = named(n)[0];
      return e ? { ...p, k: 'expr', expr: lowerExpr(ctx, e) } : { ...p, k: 'block', body: [] };
    }
    case 'if_statement': {
      const cond = n.childForFieldName('condition');
      const cons = n.childForFieldName('consequence');
      const alt = n.childForFieldName('alternative');
      const altStmt = alt ? (alt.type === 'else_clause' ? named(alt)[0] : alt) : undefined;
      return {
        ...p, k: 'if', cond: cond ? lowerExpr(ctx, cond) : other(ctx, n),
        then: cons ? lowerStmt(ctx, cons) : empty(p), else: altStmt ? lowerStmt(ctx, altStmt) : undefined,
      };
    }
    case 'for_statement': {
      const init = n.childForFieldName('initializer');
      const cond = n.childForFieldName('condition');
      const upd = n.childForFieldName('update');
      const body = n.childForFieldName('body');
      return {
        ...p, k: 'loop', form: 'for',
        init: init ? (init.type === 'declaration' ? lowerStmt(ctx, init) : { ...pos(ctx, init), k: 'expr', expr: lowerExpr(ctx, init) }) : undefined,
        cond: cond ? lowerExpr(ctx, cond) : undefined, update: upd ? lowerExpr(ctx, upd) : undefined,
        body: body ? lowerStmt(ctx, body) : empty(p),
      };
    }
    case 'while_statement':
    case 'do_statement': {
      const cond = n.childForFieldName('condition');
      const body = n.childForFieldName('body');
      return {
        ...p, k: 'loop', form: n.type === 'while_statement' ? 'while' : 'do',
        cond: cond ? lowerExpr(ctx, cond) : undefined, body: body ? lowerStmt(ctx, body) : empty(p),
      };
    }
    case 'return_statement': {
      const v = named(n)[0];
      return { ...p, k: 'return', value: v ? lowerExpr(ctx, v) : undefined };
    }
    case 'goto_statement':
      return { ...p, k: 'goto', label: n.childForFieldName('label')?.text ?? '' };
    case 'labeled_statement': {
      const label = n.childForFieldName('label')?.text ?? '';
      const rest = named(n).filter((c) => c.type !== 'statement_identifier');
      return { ...p, k: 'label', name: label, body: rest[0] ? lowerStmt(ctx, rest[0]) : empty(p) };
    }
    case 'break_statement':
      return { ...p, k: 'break' };
    case 'continue_statement':
      return { ...p, k: 'continue' };
    case 'switch_statement': {
      const cond = n.childForFieldName('condition');
      const body = n.childForFieldName('body');
      return { ...p, k: 'switch', cond: cond ? lowerExpr(ctx, cond) : other(ctx, n), body: body ? lowerStmt(ctx, body) : empty(p) };
    }
    case 'case_statement': {
      const value = n.childForFieldName('value');
      const stmts = named(n).filter((c) => c !== value);
      return { ...p, k: 'case', value: value ? lowerExpr(ctx, value) : undefined, body: lowerBlockItems(ctx, stmts) };
    }
    case 'attributed_statement':
    case 'preproc_if':
    case 'preproc_ifdef':
    case 'preproc_else':
    case 'preproc_elif':
    case 'preproc_elifdef': {
      const items = named(n).filter((c) => !['preproc_arg', 'identifier', 'attribute_declaration'].includes(c.type)
        && !c.type.endsWith('_expression') && c.type !== 'number_literal');
      return { ...p, k: 'block', body: lowerBlockItems(ctx, items) };
    }
    case 'ERROR': {
      ctx.errors++;
      // An ERROR in statement position often still wraps well-formed statements: keep those.
      const kids = named(n);
      if (kids.some((c) => STATEMENT_TYPES.has(c.type))) return { ...p, k: 'block', body: lowerBlockItems(ctx, kids) };
      return { ...p, k: 'unknown', exprs: kids.map((c) => lowerExpr(ctx, c)) };
    }
    default:
      if (n.type.endsWith('_expression')) return { ...p, k: 'expr', expr: lowerExpr(ctx, n) };
      return { ...p, k: 'unknown', exprs: named(n).map((c) => lowerExpr(ctx, c)) };
  }
}

const STATEMENT_TYPES = new Set([
  'compound_statement', 'declaration', 'expression_statement', 'if_statement', 'for_statement', 'while_statement',
  'do_statement', 'return_statement', 'goto_statement', 'labeled_statement', 'break_statement',
  'continue_statement', 'switch_statement', 'case_statement',
]);

function empty(p: { line: number; endLine: number }): Stmt {
  return { line: p.line, endLine: p.endLine, text: '', k: 'block', body: [] };
}

// ───────────── top level ─────────────

function lowerFunction(ctx: Ctx, n: SyntaxNode, synthetic: boolean): FunctionIR | undefined {
  const declarator = n.childForFieldName('declarator');
  const shape = declShape(declarator);
  const body = n.childForFieldName('body');
  if (!shape || !body) return undefined;
  const headText = ctx.original.slice(n.startIndex, body.startIndex);
  const annotations = [...headText.matchAll(/\b(__acquires|__releases|__must_hold|__cond_acquires)\s*\(([^)]*)\)/g)]
    .map((m) => `${m[1]}(${m[2].trim()})`);
  return {
    ...pos(ctx, n), name: shape.name,
    returnType: ctx.original.slice(n.startIndex, declarator!.startIndex).replace(/\s+/g, ' ').trim()
      .replace(UNKNOWN_RETURN_TYPE, '').trim(),
    params: lowerParams(ctx, shape.fnParams), isStatic: isStaticDecl(n),
    body: lowerStmt(ctx, body), annotations, synthetic,
  };
}

function lowerStructs(ctx: Ctx, n: SyntaxNode, out: StructField[]): void {
  // Struct definitions anywhere in this node (top level, typedefs, nested).
  const stack: SyntaxNode[] = [n];
  while (stack.length) {
    const cur = stack.pop()!;
    if (cur.type === 'struct_specifier' || cur.type === 'union_specifier') {
      const name = cur.childForFieldName('name')?.text ?? '';
      const body = cur.childForFieldName('body');
      if (body) {
        for (const f of named(body)) {
          if (f.type !== 'field_declaration') { stack.push(f); continue; }
          for (const d of f.childrenForFieldName('declarator')) {
            const shape = declShape(d);
            if (!shape) continue;
            const type = text(ctx, f).replace(new RegExp(`\\b${shape.name}\\b`), '').replace(/[;\s]+/g, ' ').trim();
            out.push({
              ...pos(ctx, d), struct: name, name: shape.name, type, pointer: shape.pointer, array: shape.array,
              isStatic: false, addressSpace: addressSpaceOf(type),
            });
          }
          const t = f.childForFieldName('type');
          if (t) stack.push(t);
        }
      }
      continue;
    }
    if (cur.type === 'function_definition') continue;
    for (const c of cur.namedChildren) stack.push(c);
  }
}

/**
 * Lowers one parsed text. `syntheticHeaderRows` marks rows whose function header was invented from a hunk
 * section line, so findings never point at them.
 */
export function lowerTree(root: SyntaxNode, original: string, lineOf: LineOf, path: string,
  syntheticHeaderRows: Set<number> = new Set()): FileIR {
  const ctx: Ctx = { lineOf, original, errors: 0 };
  const functions: FunctionIR[] = [];
  const globals: VarDecl[] = [];
  const structFields: StructField[] = [];
  const visitTop = (nodes: SyntaxNode[]) => {
    for (const c of nodes) {
      if (c.type === 'function_definition') {
        const f = lowerFunction(ctx, c, syntheticHeaderRows.has(c.startPosition.row));
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
        functions.push({
          ...pos(ctx, c), name: '', returnType: '', params: [], isStatic: false, body, annotations: [], synthetic: true,
        });
      }
    }
  };
  visitTop(named(root));
  return { path, functions, globals, structFields, parseErrors: ctx.errors };
}
