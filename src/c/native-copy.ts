// The fast way to the plain tree: native/tree_copy.c parses the text and hands back every node of the tree as
// integers in one Int32Array, and this module builds the same CNode tree `copyTree` builds from a cursor. The
// cursor copy makes four to seven calls into node-tree-sitter per node (about as long as the parse itself);
// here there is one call per text. The addon is optional: when it was not built (no C compiler) or is switched
// off (`P2PDMA_REVIEW_NATIVE=off`), parser.ts copies through the cursor, and the trees are the same
// (test/c/native-copy.test.ts compares them node by node).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { processShared } from './process-shared.js';
import { asksField, defineType, NO_CHILDREN, typeSlot, type CNode, type Grammar, type IdTable } from './syntax.js';

/** The addon's exports (see native/tree_copy.c). */
export interface TreeCopyAddon {
  /** Parses UTF-16 `text` with `language`; NODE_SLOTS integers per node, in document order. */
  parse(language: unknown, text: string): Int32Array;
  /** The language's symbol names and kinds and its field names, indexed by id (field 0: null). */
  symbols(language: unknown): { names: string[]; named: boolean[]; fields: (string | null)[] };
  nodeSlots: number;
}

// The record layout, as the enum in native/tree_copy.c: slot offsets within a node's record, the record's size.
const [SYMBOL, FIELD, START, END, START_ROW, END_ROW, FLAGS, DESCENDANTS, SLOTS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
/** The record's one flag: the node is a token tree-sitter inserted to recover from an error. */
const FLAG_MISSING = 1;
/** tree-sitter's ERROR symbol, outside the language's symbol table. */
const ERROR_SYMBOL = 65535;

/** The environment variable that switches the addon off (`off`, `0` or `false`). */
export const NATIVE_ENV = 'P2PDMA_REVIEW_NATIVE';

/** Whether a switch variable's value turns something off: `off`, `0` or `false`, in any case. */
export function switchedOff(value: string | undefined): boolean {
  return ['off', '0', 'false'].includes((value ?? '').trim().toLowerCase());
}

/** Where the build puts the addon, relative to the package root. */
const ADDON_PATH = 'native/build/Release/tree_copy.node';

/**
 * The package root seen from this module: dist/src/c/ when compiled, dist/cli/ when bundled, src/c/ under
 * ts-jest. The first candidate holding the addon wins.
 */
function addonFile(): string | null {
  for (const up of ['../../../', '../../', '../']) {
    const file = fileURLToPath(new URL(up + ADDON_PATH, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/** The addon, or why it is not in use. */
export type TreeCopyAddonLoad = { addon: TreeCopyAddon; reason: null } | { addon: null; reason: string };

/**
 * The addon, or the reason it is not in use: switched off by `env`, not built, or not loadable. Loaded once per
 * process (see process-shared.ts), so jest's per-file module registries share it.
 */
export function loadTreeCopyAddon(env: NodeJS.ProcessEnv = process.env): TreeCopyAddonLoad {
  if (switchedOff(env[NATIVE_ENV])) return { addon: null, reason: `switched off by ${NATIVE_ENV}=${env[NATIVE_ENV]}` };
  return processShared('tree-copy', loadFromDisk);
}

function loadFromDisk(): TreeCopyAddonLoad {
  const file = addonFile();
  if (!file) return { addon: null, reason: `${ADDON_PATH} was not built (npm run build builds it; it needs a C compiler)` };
  try {
    const addon = createRequire(import.meta.url)(file) as TreeCopyAddon;
    if (addon.nodeSlots !== SLOTS) throw new Error(`it writes ${addon.nodeSlots} slots per node, this code reads ${SLOTS}`);
    return { addon, reason: null };
  } catch (e) {
    return { addon: null, reason: `${file} did not load: ${(e as Error).message}` };
  }
}

/** Parses with the addon and decodes the records into CNodes, keeping what `copyTree` keeps. */
export class NativeCopier {
  private readonly tables: IdTable;

  constructor(private readonly addon: TreeCopyAddon, private readonly language: unknown, private readonly grammar: Grammar) {
    const { names, named, fields } = addon.symbols(language);
    this.tables = { typeNames: [], typeNamed: [], typeIsToken: [], typeKeepsAnonymous: [], asksField: [], fieldNames: fields };
    defineType(this.tables, grammar, typeSlot(ERROR_SYMBOL), 'ERROR', true);
    for (let s = 0; s < names.length; s++) defineType(this.tables, grammar, typeSlot(s), names[s], named[s]);
  }

  /** The plain tree of `text` (already sanitised), as `copyTree(parse(text).walk(), text, grammar)`. */
  copy(text: string): CNode {
    return this.decode(this.addon.parse(this.language, text));
  }

  private decode(rec: Int32Array): CNode {
    const table = this.tables;
    const { typeNames, typeNamed, typeIsToken, typeKeepsAnonymous, fieldNames } = table;
    const count = rec.length / SLOTS;
    // The open parents, the record index just past each one's last descendant, and where each one's children
    // begin in `pending` (children lists are cut at their final length, as in copyTree).
    const parents: CNode[] = [];
    const parentSlots: number[] = [];
    const parentEnds: number[] = [];
    const firstChild: number[] = [];
    const pending: CNode[] = [];
    let top = 0;
    /** Ends the innermost open parent: its children are the nodes pending since it opened. */
    const close = () => {
      const done = parents.pop()!;
      parentSlots.pop();
      parentEnds.pop();
      const from = firstChild.pop()!;
      if (top > from) done.children = pending.slice(from, top);
      top = from;
    };
    let root: CNode | undefined;
    let i = 0;
    while (i < count) {
      while (parents.length > 0 && i >= parentEnds[parentEnds.length - 1]) close();
      const base = i * SLOTS;
      const slot = typeSlot(rec[base + SYMBOL]);
      const descendants = rec[base + DESCENDANTS];
      const type = typeNames[slot];
      if (type === undefined) throw new Error(`tree-sitter returned symbol ${rec[base + SYMBOL]}, which the language's symbol table lacks`);
      const parent = parents.length > 0 ? parentSlots[parentSlots.length - 1] : -1;
      let fieldId = 0;
      let keep = true;
      if (parent >= 0) {
        if (asksField(table, this.grammar, parent, slot)) fieldId = rec[base + FIELD];
        keep = fieldId !== 0 || typeNamed[slot] || !typeIsToken[slot] || typeKeepsAnonymous[parent];
      }
      if (keep) {
        const start = rec[base + START];
        const end = rec[base + END];
        const node: CNode = {
          type, field: fieldNames[fieldId] ?? null, start, end, startRow: rec[base + START_ROW], endRow: rec[base + END_ROW],
          named: typeNamed[slot], missing: start === end && (rec[base + FLAGS] & FLAG_MISSING) !== 0,
          children: NO_CHILDREN, namedCache: null,
        };
        if (parent < 0) root = node;
        else pending[top++] = node;
        if (!typeIsToken[slot] && descendants > 0) {
          parents.push(node);
          parentSlots.push(slot);
          parentEnds.push(i + 1 + descendants);
          firstChild.push(top);
          i++;
          continue;
        }
        if (parent < 0) return node;
      }
      // A token's inner nodes (or a dropped token) are not copied, as copyTree does not descend into them.
      i += 1 + descendants;
    }
    while (parents.length > 0) close();
    if (!root) throw new Error('the native parser returned an empty tree');
    return root;
  }
}
