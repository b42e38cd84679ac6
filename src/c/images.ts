// Builds the C text to parse for one side of one file: either the whole file (from --tree or the PR head) or,
// without it, what the hunks show. Hunks are fragments that start mid-function; each run of hunks from the same
// function is wrapped in a synthetic header (taken from git's `@@ ... @@ section` line) and balanced braces, so
// tree-sitter sees a function and the analysis keeps the function's name.
import type { FileDiff, Hunk, Side } from '../types.js';

/** A text to parse and, for each of its rows, the file line it stands for. */
export interface Fragment {
  text: string;
  /** File line (1-based) of each row of `text`; synthetic rows carry the nearest real line. */
  lines: number[];
  /** Rows that the builder invented (function headers, closing braces). */
  syntheticRows: Set<number>;
}

export interface SourceImage {
  path: string;
  side: Side;
  fragments: Fragment[];
  /** True when the whole file was available (not just the hunks). */
  complete: boolean;
  /** Lines the patch adds (new side) or removes (old side). */
  changed: Set<number>;
  /** Unchanged context lines that the diff shows. */
  context: Set<number>;
  /** The text of each known line, by file line. */
  lineText: Map<number, string>;
}

/** Files the C analysis reads. */
export function isCFile(path: string | null): path is string {
  return !!path && /\.(c|h)$/.test(path);
}

interface ImageLine { line: number; text: string; synthetic?: boolean }

function sideLines(h: Hunk, side: Side): ImageLine[] {
  const out: ImageLine[] = [];
  for (const l of h.lines) {
    if (side === 'new' && l.kind !== 'del' && l.newLine !== undefined) out.push({ line: l.newLine, text: l.text });
    if (side === 'old' && l.kind !== 'add' && l.oldLine !== undefined) out.push({ line: l.oldLine, text: l.text });
  }
  return out;
}

/** Where a brace scan is: inside a block comment or not, and what the last line did to the depth. */
interface BraceState { inComment: boolean; delta: number; min: number }

/**
 * Scans one line for braces, ignoring strings, character literals and comments: sets `state.delta` to the line's
 * net depth change and `state.min` to the lowest depth it reaches (relative to its start, at most 0), and carries
 * `state.inComment` to the next line. (Written on character codes into the caller's state: it runs on every line
 * of every image.)
 */
function braceDelta(text: string, state: BraceState): void {
  let delta = 0;
  let min = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (state.inComment) {
      if (c === 42 /* * */ && text.charCodeAt(i + 1) === 47 /* / */) { state.inComment = false; i++; }
      continue;
    }
    if (c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 42 /* * */) { state.inComment = true; i++; continue; }
      if (next === 47) break;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      for (i++; i < n && text.charCodeAt(i) !== c; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 123 /* { */) delta++;
    else if (c === 125 /* } */) { delta--; if (delta < min) min = delta; }
  }
  state.delta = delta;
  state.min = min;
}

function braceState(): BraceState {
  return { inComment: false, delta: 0, min: 0 };
}

/** A line git's default C funcname pattern would pick: starts with a letter, `_` or `$` at column 0. */
function isFuncnameLine(text: string): boolean {
  return /^[A-Za-z_$]/.test(text) && !/^\w+:\s*$/.test(text) && !/^(default|case)\b/.test(text);
}

function looksLikeFunctionHeader(section: string): boolean {
  return /\w\s*\(/.test(section) && !/;\s*$/.test(section) && !/^\s*#/.test(section)
    && !/^(struct|union|enum)\s+\w+\s*\{?\s*$/.test(section) && !/=\s*\{?\s*$/.test(section);
}

interface Group { section: string; segments: ImageLine[][] }

/** Consecutive hunks that continue the same function are read as one fragment (one segment per hunk). */
function groupHunks(hunks: Hunk[], side: Side): Group[] {
  const groups: Group[] = [];
  let lastContext = '';
  for (const h of hunks) {
    const lines = sideLines(h, side);
    if (lines.length === 0) continue;
    const section = h.section.trim();
    const prev = groups[groups.length - 1];
    const continues = prev && section !== '' && section === lastContext && /^\s/.test(lines[0].text);
    if (continues) {
      // A block comment the previous hunk leaves open would swallow this one: close it on a synthetic line.
      const st = braceState();
      const last = prev.segments[prev.segments.length - 1];
      for (const l of last) braceDelta(l.text, st);
      if (st.inComment) last.push({ line: last[last.length - 1].line, text: '*/', synthetic: true });
      prev.segments.push(lines);
    } else {
      groups.push({ section, segments: [lines] });
    }
    const header = [...lines].reverse().find((l) => isFuncnameLine(l.text));
    lastContext = header ? header.text.trim() : section;
  }
  return groups;
}

/**
 * The brace depth a run of lines needs at its start, and its net change. Two facts bound the start depth: no
 * `}` may close below depth 0, and in kernel style a line that starts a statement and is indented is inside a
 * function (depth >= 1). Continuation lines (the rest of a multi-line signature, call or condition) and macro
 * bodies are indented at any depth and say nothing.
 */
function depthNeeds(lines: ImageLine[]): { need: number; delta: number } {
  const state = braceState();
  let depth = 0;
  let need = 0;
  let startsStatement = true;
  let inMacro = false;
  for (const l of lines) {
    const t = l.text;
    const macroLine: boolean = inMacro || /^\s*#/.test(t);
    inMacro = macroLine && /\\\s*$/.test(t);
    if (macroLine) continue;
    const startedInComment = state.inComment;
    braceDelta(t, state);
    // The tests read the line as if trimmed (`\s` is the set trim() removes) without making the trimmed copy.
    const isCode = !startedInComment && /\S/.test(t) && !/^\s*(#|\/\*|\*|\/\/)/.test(t);
    if (isCode && startsStatement && /^\s/.test(t) && !/^\s*}/.test(t)) need = Math.max(need, 1 - depth);
    need = Math.max(need, -(depth + state.min));
    depth += state.delta;
    if (isCode) startsStatement = /[;{}:]\s*(\/\*.*\*\/)?\s*$/.test(t);
  }
  return { need, delta: depth };
}

/** Stands in for a return type git's section line did not show; the IR reports it as ''. */
export const UNKNOWN_RETURN_TYPE = '__p2pdma_review_unknown_t';

/**
 * A parseable function header from a `@@ ... @@` section line. Git shows only the first line of a signature
 * (`static int foo(struct device *dev,`), and kernel style often puts the return type on the line above the
 * name (`calc_map_type_and_dist(struct pci_dev *provider,`): close the parameter list and supply a type.
 */
export function headerFromSection(section: string): string {
  let h = section.replace(/\{\s*$/, '').replace(/\/\*.*$|\/\/.*$/, '').trimEnd();
  const open = (h.match(/\(/g) ?? []).length - (h.match(/\)/g) ?? []).length;
  if (open > 0) h = `${h.replace(/,\s*$/, '')}${')'.repeat(open)}`;
  if (/^[A-Za-z_]\w*\s*\(/.test(h)) h = `${UNKNOWN_RETURN_TYPE} ${h}`;
  return h;
}

function fragmentOf(group: Group): Fragment {
  const rows: string[] = [];
  const lines: number[] = [];
  const synthetic = new Set<number>();
  const firstLine = group.segments[0][0].line;
  const push = (text: string, line: number, isSynthetic: boolean) => {
    if (isSynthetic) synthetic.add(rows.length);
    rows.push(text);
    lines.push(line);
  };
  let depth = 0;
  group.segments.forEach((segment, i) => {
    const { need, delta } = depthNeeds(segment);
    // A hunk that starts at the first line of the file starts at top level.
    const required = i === 0 && segment[0].line === 1 ? 0 : need;
    if (required > depth) {
      const opens = '{ '.repeat(required - depth);
      if (i === 0) {
        const header = looksLikeFunctionHeader(group.section)
          ? headerFromSection(group.section)
          : 'void __p2pdma_review_fragment(void)';
        push(`${header} ${opens}`, firstLine, true);
      } else {
        // The gap between two hunks opened blocks the text does not show.
        push(opens, segment[0].line, true);
      }
      depth = required;
    }
    for (const l of segment) push(l.text, l.line, !!l.synthetic);
    depth += delta;
  });
  if (depth > 0) push('}'.repeat(depth), lines[lines.length - 1], true);
  return { text: rows.join('\n'), lines, syntheticRows: synthetic };
}

/** Changed and context line sets for one side of a file diff. */
function lineSets(file: FileDiff, side: Side) {
  const changed = new Set<number>();
  const context = new Set<number>();
  const lineText = new Map<number, string>();
  for (const h of file.hunks) {
    for (const l of h.lines) {
      const n = side === 'new' ? l.newLine : l.oldLine;
      if (n === undefined) continue;
      if (l.kind === 'ctx') context.add(n);
      else if ((l.kind === 'add' && side === 'new') || (l.kind === 'del' && side === 'old')) changed.add(n);
      else continue;
      lineText.set(n, l.text);
    }
  }
  return { changed, context, lineText };
}

/** The image of one side of a file, reconstructed from its hunks alone. */
export function hunkImage(file: FileDiff, side: Side): SourceImage | undefined {
  const path = side === 'new' ? file.newPath : file.oldPath;
  if (!isCFile(path) || file.binary) return undefined;
  const fragments = groupHunks(file.hunks, side).map(fragmentOf);
  if (fragments.length === 0) return undefined;
  return { path, side, fragments, complete: false, ...lineSets(file, side) };
}

/** The image of one side of a file from its whole text (a kernel tree or the PR head). */
export function fullImage(file: FileDiff, side: Side, text: string): SourceImage | undefined {
  const path = side === 'new' ? file.newPath : file.oldPath;
  if (!isCFile(path) || file.binary) return undefined;
  const rows = text.split('\n');
  const sets = lineSets(file, side);
  rows.forEach((t, i) => { if (!sets.lineText.has(i + 1)) sets.lineText.set(i + 1, t); });
  return {
    path, side, complete: true, ...sets,
    fragments: [{ text, lines: rows.map((_, i) => i + 1), syntheticRows: new Set() }],
  };
}
