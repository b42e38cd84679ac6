// A small, typed intermediate representation of kernel C: what the analysis and the rules see instead of
// tree-sitter nodes. Lines are file lines (1-based) of the image the IR was built from.

export interface Pos {
  line: number;
  endLine: number;
  /** Original source text of the construct (annotations included). */
  text: string;
}

export type Expr =
  | (Pos & { k: 'call'; callee: string; calleeExpr: Expr | null; args: Expr[] })
  | (Pos & { k: 'ident'; name: string })
  | (Pos & { k: 'field'; base: Expr; field: string; arrow: boolean })
  | (Pos & { k: 'index'; base: Expr; index: Expr })
  | (Pos & { k: 'addr'; arg: Expr })
  | (Pos & { k: 'deref'; arg: Expr })
  | (Pos & { k: 'cast'; type: string; arg: Expr })
  | (Pos & { k: 'binary'; op: string; left: Expr; right: Expr })
  | (Pos & { k: 'unary'; op: string; arg: Expr })
  | (Pos & { k: 'assign'; op: string; left: Expr; right: Expr })
  | (Pos & { k: 'cond'; test: Expr; then: Expr; else: Expr })
  | (Pos & { k: 'literal'; lit: 'number' | 'string' | 'char' | 'null' | 'bool' })
  | (Pos & { k: 'sizeof' })
  | (Pos & { k: 'comma'; list: Expr[] })
  | (Pos & { k: 'init'; items: Expr[] })
  | (Pos & { k: 'other'; children: Expr[] });

/** A declared variable, parameter or struct member. */
export interface VarDecl extends Pos {
  name: string;
  /** The declared type as written, without the name (e.g. `void __iomem *`, `char [16]`). */
  type: string;
  pointer: boolean;
  array: boolean;
  isStatic: boolean;
  /** Sparse address space from the original text (`__iomem`, `__rcu`, ...). */
  addressSpace?: 'iomem' | 'rcu' | 'user' | 'percpu';
  init?: Expr;
}

export type Stmt =
  | (Pos & { k: 'block'; body: Stmt[] })
  | (Pos & { k: 'decl'; vars: VarDecl[] })
  | (Pos & { k: 'expr'; expr: Expr })
  | (Pos & { k: 'if'; cond: Expr; then: Stmt; else?: Stmt })
  | (Pos & {
    k: 'loop';
    form: 'for' | 'while' | 'do' | 'macro';
    /** For macro loops (`list_for_each_entry(...)`), the iterator call. */
    header?: Expr;
    init?: Stmt;
    cond?: Expr;
    update?: Expr;
    body: Stmt;
  })
  | (Pos & { k: 'return'; value?: Expr })
  | (Pos & { k: 'goto'; label: string })
  | (Pos & { k: 'label'; name: string; body: Stmt })
  | (Pos & { k: 'break' })
  | (Pos & { k: 'continue' })
  | (Pos & { k: 'switch'; cond: Expr; body: Stmt })
  | (Pos & { k: 'case'; value?: Expr; body: Stmt[] })
  /** Something the parser could not structure (an ERROR node, asm, ...): only the calls inside are known. */
  | (Pos & { k: 'unknown'; exprs: Expr[] });

export interface FunctionIR extends Pos {
  name: string;
  returnType: string;
  params: VarDecl[];
  isStatic: boolean;
  body: Stmt;
  /** Lock-context annotations written on the definition (`__acquires(rcu)`, `__releases(...)`). */
  annotations: string[];
  /** True when the function header was synthesised from a hunk's `@@ ... @@ section` line. */
  synthetic: boolean;
}

export interface StructField extends VarDecl {
  struct: string;
}

/** The IR of one source image (a whole file, or the fragments of it that a diff shows). */
export interface FileIR {
  path: string;
  functions: FunctionIR[];
  globals: VarDecl[];
  structFields: StructField[];
  /** Number of ERROR nodes tree-sitter produced: a measure of how much was guessed. */
  parseErrors: number;
}
