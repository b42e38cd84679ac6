// A plain-JS copy of a tree-sitter tree, built in one TreeCursor pass. Every getter of node-tree-sitter's
// SyntaxNode crosses into native code and allocates a node object, and lowering asks each node several
// questions (type, fields, children, positions): asking the native tree cost about three times the parse, while
// the copy costs about one parse and then answers from plain objects.
import type ParserType from 'tree-sitter';

/**
 * One node. Indices are UTF-16 offsets into the parsed text (node-tree-sitter parses JS strings as UTF-16 and
 * reports byte offsets halved), so `text.slice(start, end)` is the node's text. Rows are 0-based and, as in
 * tree-sitter, count only `\n` (a `\r` before it belongs to the row it ends).
 */
export interface CNode {
  type: string;
  /** The field this node fills in its parent (`declarator`, `body`, ...), or null. */
  field: string | null;
  start: number;
  end: number;
  startRow: number;
  endRow: number;
  named: boolean;
  /** A zero-width token tree-sitter inserted to recover from a syntax error (`MISSING ";"`). */
  missing: boolean;
  /**
   * The children, in order: every named one (comments included) and the anonymous tokens the grammar's copy
   * keeps (all of them under `ANY_GRAMMAR`; see `Grammar.keepAnonymousIn`).
   */
  children: readonly CNode[];
  /** Filled by `namedChildren` on first use. */
  namedCache: readonly CNode[] | null;
}

/** A copied tree and the text tree-sitter parsed (node indices refer to it; node-tree-sitter's `text` sliced it). */
export interface SyntaxTree {
  root: CNode;
  text: string;
}

/**
 * What the copy may assume about a grammar. Each fact saves native calls (a node costs four to seven, each
 * dearer than building the node's plain object): children are asked for their field only where they can fill
 * one, tokens are not asked for children, and anonymous tokens nothing reads are neither positioned nor copied.
 */
export interface Grammar {
  /**
   * Per named node type that has fields, the child types that can fill one of them (supertypes expanded, from
   * the grammar's node-types.json); null when unknown. A child of another type, or of a type not listed, fills
   * none. (ERROR children are always asked: they can stand anywhere, and ERROR nodes' children can fill any.)
   */
  fieldFillers: ReadonlyMap<string, ReadonlySet<string>> | null;
  /** Named node types that are always tokens, never with children. */
  namedTokens: ReadonlySet<string>;
  /** No rule is aliased to an anonymous name, so every anonymous node is a token. */
  anonymousAreTokens: boolean;
  /**
   * Where anonymous tokens that fill no field (punctuation, keywords) are copied; elsewhere they are left out.
   * null copies them everywhere. Fields keep the tokens that fill them (`operator`), so only the children
   * list and `missing` marks of the tokens left out are lost.
   */
  keepAnonymousIn: ReadonlySet<string> | null;
}

/** Assumes nothing: every node is asked for its field and its children, and every node is copied. */
export const ANY_GRAMMAR: Grammar = {
  fieldFillers: null, namedTokens: new Set(), anonymousAreTokens: false, keepAnonymousIn: null,
};

/**
 * Per grammar, what each node type and field id stands for: the binding is asked once per id, not per node.
 * Type tables are indexed by `typeSlot(id)`. (native-copy.ts fills one from the language's symbol table.)
 */
export interface IdTable {
  typeNames: string[];
  typeNamed: boolean[];
  typeIsToken: boolean[];
  /** Whether anonymous children of this type that fill no field are copied. */
  typeKeepsAnonymous: boolean[];
  /**
   * Per parent type, per child type: whether the child must be asked for its field (1) or fills none (2).
   * Filled as pairs turn up.
   */
  asksField: number[][];
  fieldNames: (string | null)[];
}

const idTables = new WeakMap<Grammar, IdTable>();

/**
 * ERROR's type id is 65535 (-1 as a 16-bit symbol): stored at that index it would turn the tables into slow
 * dictionary arrays. Shifting ids by one modulo 2^16 puts it at slot 0 and keeps them dense.
 */
export function typeSlot(id: number): number {
  return (id + 1) & 0xffff;
}

function idTable(grammar: Grammar): IdTable {
  let table = idTables.get(grammar);
  if (!table) {
    table = { typeNames: [], typeNamed: [], typeIsToken: [], typeKeepsAnonymous: [], asksField: [], fieldNames: [null] };
    idTables.set(grammar, table);
  }
  return table;
}

/** Whether a child of type `child` under a parent of type `parent` can fill a field (see `Grammar.fieldFillers`). */
function canFillField(grammar: Grammar, parent: string, parentNamed: boolean, child: string): boolean {
  if (parent === 'ERROR' || child === 'ERROR') return true;
  if (!grammar.fieldFillers) return true;
  if (!parentNamed) return false;
  return grammar.fieldFillers.get(parent)?.has(child) ?? false;
}

/** Records what type slot `slot` stands for (its name and kind, and what the grammar says of it). */
export function defineType(table: IdTable, grammar: Grammar, slot: number, name: string, named: boolean): void {
  table.typeNames[slot] = name;
  table.typeNamed[slot] = named;
  table.typeIsToken[slot] = named ? grammar.namedTokens.has(name) : grammar.anonymousAreTokens;
  table.typeKeepsAnonymous[slot] = !grammar.keepAnonymousIn || grammar.keepAnonymousIn.has(name);
}

/** Whether a child of type slot `child` under a parent of slot `parent` can fill a field (cached per pair). */
export function asksField(table: IdTable, grammar: Grammar, parent: number, child: number): boolean {
  const asks = table.asksField[parent] ??= [];
  let ask = asks[child];
  if (ask === undefined) {
    ask = asks[child] = canFillField(grammar, table.typeNames[parent], table.typeNamed[parent], table.typeNames[child]) ? 1 : 2;
  }
  return ask === 1;
}

/** Leaves share one child list, so the copy allocates no array for the most common node. */
export const NO_CHILDREN: readonly CNode[] = Object.freeze([]);

/** Offsets at which each row of `text` starts: row r spans [starts[r], starts[r + 1]). */
export function rowStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The row holding `index`, searching from row `from` (which must start at or before `index`). */
function rowFrom(starts: readonly number[], index: number, from: number): number {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Copies the subtree under `cursor` (e.g. `tree.walk()`). `text` is the text the tree was parsed from; it
 * gives the rows. The cursor is left where it started. The copy holds no reference to the native tree.
 */
export function copyTree(cursor: ParserType.TreeCursor, text: string, grammar: Grammar = ANY_GRAMMAR): CNode {
  const table = idTable(grammar);
  const { typeNames, typeNamed, typeIsToken, typeKeepsAnonymous, fieldNames } = table;
  const starts = rowStarts(text);
  const lastRow = starts.length - 1;
  // Nodes come in document order, so start rows only move forward: a pointer beats a search per node.
  let row = 0;
  // Iterative depth-first walk, in one loop with its state in locals: kernel expressions nest deep enough to make
  // recursion a risk, and this loop runs once per node of every file.
  const parents: CNode[] = [];
  const parentSlots: number[] = [];
  // The children copied so far of every open parent, in one stack (`pending` up to `top`); `firstChild` holds
  // where each parent's begin. A parent's list is cut from it when the parent is done, at its exact length: an
  // array grown by `push` reserves 17 slots from the second child on, and children lists were most of the
  // copy's memory.
  const pending: CNode[] = [];
  let top = 0;
  const firstChild: number[] = [];
  // The type slot of the cursor's node's parent; -1 for the starting node, which has none within the cursor's
  // reach (so no field either).
  let parent = -1;
  let root: CNode | undefined;
  for (;;) {
    const id = typeSlot(cursor.nodeTypeId);
    let type = typeNames[id];
    if (type === undefined) {
      type = cursor.nodeType;
      defineType(table, grammar, id, type, cursor.nodeIsNamed);
    }
    let fieldId = 0;
    let keep = true;
    if (parent >= 0) {
      // The binding reports "no field" as undefined (its typings say number).
      if (asksField(table, grammar, parent, id)) fieldId = cursor.currentFieldId ?? 0;
      keep = fieldId !== 0 || typeNamed[id] || !typeIsToken[id] || typeKeepsAnonymous[parent];
    }
    if (keep) {
      let field = fieldNames[fieldId];
      if (field === undefined) field = fieldNames[fieldId] = cursor.currentFieldName ?? null;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      if (start < starts[row]) row = rowFrom(starts, start, 0);
      while (row < lastRow && starts[row + 1] <= start) row++;
      const endRow = row === lastRow || starts[row + 1] > end ? row : rowFrom(starts, end, row + 1);
      const node: CNode = {
        type, field, start, end, startRow: row, endRow, named: typeNamed[id],
        // Only zero-width nodes can be missing; asking the binding for every node would double the cost.
        missing: start === end && cursor.nodeIsMissing,
        children: NO_CHILDREN, namedCache: null,
      };
      if (parent < 0) root = node;
      else pending[top++] = node;
      if (!typeIsToken[id] && cursor.gotoFirstChild()) {
        parents.push(node);
        parentSlots.push(id);
        firstChild.push(top);
        parent = id;
        continue;
      }
      if (parent < 0) return node;
    }
    while (!cursor.gotoNextSibling()) {
      cursor.gotoParent();
      const done = parents.pop()!;
      parentSlots.pop();
      const from = firstChild.pop()!;
      if (top > from) {
        done.children = pending.slice(from, top);
        top = from;
      }
      if (parents.length === 0) return root!;
      parent = parentSlots[parentSlots.length - 1];
    }
  }
}

/** The node's named children without comments (computed once; shares `children` when nothing is dropped). */
export function namedChildren(n: CNode): readonly CNode[] {
  if (n.namedCache) return n.namedCache;
  const kids = n.children;
  let keep = 0;
  for (const c of kids) if (c.named && c.type !== 'comment') keep++;
  let out: readonly CNode[];
  if (keep === kids.length) out = kids;
  else if (keep === 0) out = NO_CHILDREN;
  else {
    const list: CNode[] = [];
    for (const c of kids) if (c.named && c.type !== 'comment') list.push(c);
    out = list;
  }
  n.namedCache = out;
  return out;
}

/**
 * The first child filling `field`, as node-tree-sitter's `childForFieldName`. That reads the field map of the
 * node's grammar rule, which an ERROR node has none of: the fields its children carry (from the rules the ERROR
 * swallowed, as the cursor reports them) are not found through it, so neither are they here.
 */
export function childByField(n: CNode, field: string): CNode | null {
  if (n.type === 'ERROR') return null;
  for (const c of n.children) if (c.field === field) return c;
  return null;
}

/** Every child filling `field`, in order, as node-tree-sitter's `childrenForFieldName`. */
export function childrenByField(n: CNode, field: string): CNode[] {
  const out: CNode[] = [];
  for (const c of n.children) if (c.field === field) out.push(c);
  return out;
}
