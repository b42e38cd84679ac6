// Name lookups over a file's declarations (globals, struct members), built once per FileIR: rules ask "what is
// the global `x`" or "which members are called `nents`" for every expression they look at, and a linear scan of
// every declaration per question made large files quadratic.
import type { FileIR, StructField, VarDecl } from '../c/ir.js';

interface DeclIndex {
  globals: Map<string, VarDecl>;
  fields: Map<string, readonly StructField[]>;
}

const EMPTY: readonly StructField[] = Object.freeze([]);
const indexes = new WeakMap<FileIR, DeclIndex>();

function indexOf(ir: FileIR): DeclIndex {
  let idx = indexes.get(ir);
  if (idx) return idx;
  const globals = new Map<string, VarDecl>();
  // The last declaration of a name wins: file-scope declarations of one name are one object (C11 6.2.7, 6.9.2),
  // and the later one (`extern int t[];` ... `int t[4] = {...};`) is usually the definition with the full type.
  for (const g of ir.globals) globals.set(g.name, g);
  const fields = new Map<string, StructField[]>();
  for (const f of ir.structFields) {
    const l = fields.get(f.name);
    if (l) l.push(f); else fields.set(f.name, [f]);
  }
  for (const l of fields.values()) Object.freeze(l);
  idx = { globals, fields };
  indexes.set(ir, idx);
  return idx;
}

/** The global declared as `name` in the file: its last declaration when there are several. */
export function globalNamed(ir: FileIR, name: string): VarDecl | undefined {
  return indexOf(ir).globals.get(name);
}

/** Every struct member called `name`, in declaration order (frozen; empty when there is none). */
export function structFieldsNamed(ir: FileIR, name: string): readonly StructField[] {
  return indexOf(ir).fields.get(name) ?? EMPTY;
}
