// Which struct a field access belongs to, from the declarations the file shows (parameters, locals, globals and
// struct definitions), so a value stored in `host->sg_len` is not mistaken for `data->sg_len` just because the
// field names agree. When the types are not visible, only the same written access (same root name and path)
// counts as the same field.
import type { Expr, FileIR, FunctionIR, VarDecl } from '../../c/ir.js';
import { globalNamed, localDeclOf, stripCasts, structFieldsNamed } from '../../analysis/index.js';

/** The struct name in a declared type (`const struct foo *` → `foo`), if any. */
export function structOf(type: string | undefined): string | undefined {
  return type ? /\bstruct\s+(\w+)/.exec(type)?.[1] : undefined;
}

function declIn(fn: FunctionIR, name: string): VarDecl | undefined {
  const param = fn.params.find((p) => p.name === name);
  if (param) return param;
  return localDeclOf(fn, name);
}

/** The struct type of an expression's value, when the declarations in view tell it. */
export function structTypeOf(e: Expr, fn: FunctionIR, ir: FileIR): string | undefined {
  const x = stripCasts(e);
  if (x.k === 'ident') return structOf((declIn(fn, x.name) ?? globalNamed(ir, x.name))?.type);
  if (x.k === 'addr' || x.k === 'deref') return structTypeOf(x.arg, fn, ir);
  if (x.k === 'index') return structTypeOf(x.base, fn, ir);
  if (x.k === 'field') {
    const container = structTypeOf(x.base, fn, ir);
    if (!container) return undefined;
    return structOf(structFieldsNamed(ir, x.field).find((f) => f.struct === container)?.type);
  }
  return undefined;
}

/** The struct that holds the accessed field (`host` of `host->sg_len`), when known. */
export function containerOf(e: Extract<Expr, { k: 'field' }>, fn: FunctionIR, ir: FileIR): string | undefined {
  return structTypeOf(e.base, fn, ir);
}

function norm(e: Expr): string {
  return e.text.replace(/\s+/g, '').replace(/->/g, '.');
}

/**
 * True when two accesses with the same field name may name the same storage: same containing struct when both
 * are known, otherwise the very same written access.
 */
export function sameField(a: Extract<Expr, { k: 'field' }>, fa: FunctionIR, b: Extract<Expr, { k: 'field' }>, fb: FunctionIR, ir: FileIR): boolean {
  if (a.field !== b.field) return false;
  const ca = containerOf(a, fa, ir);
  const cb = containerOf(b, fb, ir);
  if (ca && cb) return ca === cb;
  return norm(a) === norm(b);
}
