// C code shown in a commit message: find the blocks, decide whether each one is the usage the patch wants to
// enable (an example to review like added code) or old code the message quotes (a fix describing its bug,
// which must not be flagged), and build a source image of the usage examples for the rules to read.
import type { Fragment, SourceImage } from '../c/images.js';
import type { Patch } from '../types.js';

/** The pseudo-file findings on commit-message examples are reported against (Gerrit's name for it). */
export const MESSAGE_PATH = 'COMMIT_MSG';

/** Why a block was classified the way it was. */
export type ExampleRole = 'usage' | 'quoted-bug' | 'in-diff' | 'unclear';

/** One block of C in a commit message. */
export interface MessageExample {
  /** 1-based line numbers in `patch.body`. */
  startLine: number;
  endLine: number;
  lines: string[];
  role: ExampleRole;
  reason: string;
}

/** Kernel-log and backtrace lines: indented like code, but output, never code. */
const LOG_LINE = /\+0x[0-9a-f]+\/0x[0-9a-f]+|^\s*\[\s*[\d.]+\]|^\s*(WARNING|BUG|RIP|Call Trace|NIP|LR|CPU|Hardware name|Modules linked in)\b[: ]|^\s*\[[<c0-9a-fx.]+[\]>]/;
/** A trailer (`Signed-off-by: ...`, `Fixes: ...`) ends the message text. */
const TRAILER = /^[A-Z][\w-]*(-by|-to)?:\s+\S/;
/** A line that reads as C rather than prose. */
function codeLike(line: string): boolean {
  const t = line.trim();
  if (!t || line.startsWith('>') || LOG_LINE.test(line)) return false;
  if (/^[{}]\s*;?$/.test(t) || /^}\s*(else\b.*)?$/.test(t)) return true;
  if (/;\s*(\/\*.*\*\/|\/\/.*)?$/.test(t) && !/^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(t)) return true;
  if (/^(if|for|while|switch|else|do)\b.*[({]\s*$/.test(t) || /^(if|while|for)\s*\(.*\)\s*$/.test(t)) return true;
  if (/^#\s*(include|define|if|ifdef|endif|else)\b/.test(t)) return true;
  // A function header or call split over lines: `name(struct foo *a,` / `    size_t len)` / `    virt_to_page(x),`.
  if (/^[A-Za-z_][\w\s*]*\(\s*[\w\s*,]*,\s*$/.test(t) && !/\s{2,}[a-z]+\s[a-z]+\s[a-z]+/.test(t)) return true;
  if (/^\s+/.test(line) && /^[\w\s*()&>-]+[,)]\s*$/.test(t) && /[(*_]|\w\)$/.test(t) && t.split(/\s+/).length <= 6) return true;
  // An indented call continued on the next line: `\tsg_set_page(sg, virt_to_page(p), len,`.
  if (/^(\t|\s{2,})/.test(line) && /[A-Za-z_]\w*\s*\(/.test(t) && /[,(]\s*$/.test(t) && !/[.:]\s/.test(t)) return true;
  return false;
}

const BUG_CONTEXT = /\b(bug|buggy|wrong(ly)?|incorrect(ly)?|broken|crash(es|ed)?|oops|panic|leak(s|ed)?|corrupt\w*|fail(s|ed|ure)?|problem|issue|regression|instead of|currently|old code|existing code|previous(ly)?|before this|introduced|caus(e|es|ed)|results? in|trigger(s|ed)?|splat|race)\b/i;
const USAGE_CONTEXT = /\b(example|for instance|e\.g\.|such as|as follows|like this|like so|usage|can be (used|assigned|called|passed)|allows?|enables?|following)\b/i;

const norm = (s: string) => s.replace(/\s+/g, '');

/** The C blocks of a commit message, each with its role. */
export function messageExamples(patch: Patch): MessageExample[] {
  const lines = patch.body.split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) if (TRAILER.test(lines[i]) && i > 0) { end = i; break; }
  const blocks: { start: number; end: number }[] = [];
  let i = 0;
  while (i < end) {
    if (!codeLike(lines[i])) { i++; continue; }
    let j = i;
    let last = i;
    while (j < end) {
      if (codeLike(lines[j])) { last = j; j++; continue; }
      // Blank lines inside a block are fine when code follows; anything else ends it.
      if (lines[j].trim() === '' && j + 1 < end && codeLike(lines[j + 1])) { j++; continue; }
      break;
    }
    blocks.push({ start: i, end: last });
    i = last + 1;
  }
  const fixes = /^Fixes:\s/m.test(patch.body);
  // The diff's lines, whitespace-free, to recognise a block that quotes the diff. Built only for a message with
  // a block: most have none, and normalising every line of a big patch is not free.
  let diffLines: { removed: Set<string>; added: Set<string> } | undefined;
  const diffLinesOf = () => {
    if (!diffLines) {
      diffLines = { removed: new Set(), added: new Set() };
      for (const f of patch.files) for (const h of f.hunks) for (const l of h.lines) {
        if (l.kind === 'del') diffLines.removed.add(norm(l.text));
        if (l.kind === 'add') diffLines.added.add(norm(l.text));
      }
    }
    return diffLines;
  };
  const out: MessageExample[] = [];
  for (const b of blocks) {
    const block = lines.slice(b.start, b.end + 1);
    const code = block.filter((l) => l.trim() !== '');
    const semis = code.filter((l) => /;\s*$/.test(l.trim())).length;
    const calls = code.filter((l) => /[A-Za-z_]\w*\s*\(/.test(l)).length;
    if (code.length < 2 || semis === 0 || calls === 0) continue;
    let k = b.start - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    const para: string[] = [];
    while (k >= 0 && lines[k].trim() !== '' && !codeLike(lines[k])) { para.unshift(lines[k]); k--; }
    const before = para.join(' ');
    const substantive = code.filter((l) => norm(l).length > 3);
    const { removed, added } = diffLinesOf();
    const inRemoved = substantive.filter((l) => removed.has(norm(l))).length;
    const inAdded = substantive.filter((l) => added.has(norm(l))).length;
    let role: ExampleRole;
    let reason: string;
    if (fixes) { role = 'quoted-bug'; reason = 'the message has a Fixes: trailer: code it shows is the bug being fixed'; }
    else if (substantive.length && inRemoved * 2 >= substantive.length) { role = 'quoted-bug'; reason = 'the block quotes lines this patch removes'; }
    else if (substantive.length && inAdded * 2 >= substantive.length) { role = 'in-diff'; reason = 'the block repeats lines this patch adds (the diff is reviewed already)'; }
    else if (BUG_CONTEXT.test(before)) { role = 'quoted-bug'; reason = `the text before it describes a problem: "${before.trim().slice(0, 80)}"`; }
    else if (USAGE_CONTEXT.test(before)) { role = 'usage'; reason = `the text before it introduces an example: "${before.trim().slice(0, 80)}"`; }
    else { role = 'unclear'; reason = 'no text before it says whether it is an example or quoted code'; }
    out.push({ startLine: b.start + 1, endLine: b.end + 1, lines: block, role, reason });
  }
  return out;
}

/** A function header at column 0 without a return type (`my_fn(struct x *a,`): C needs one to parse it. */
const UNTYPED_HEADER = /^([A-Za-z_]\w*)\s*\(/;
const C_WORDS = new Set(['if', 'for', 'while', 'switch', 'return', 'sizeof', 'do']);

/**
 * A source image of the usage examples of a commit message (path {@link MESSAGE_PATH}, line numbers are
 * message-body lines, every example line counts as changed), or undefined when there are none. Statements
 * outside a function are wrapped in a synthetic one so the analysis sees a function body.
 */
export function messageExampleImage(patch: Patch): SourceImage | undefined {
  const examples = messageExamples(patch).filter((e) => e.role === 'usage');
  if (examples.length === 0) return undefined;
  const fragments: Fragment[] = [];
  const changed = new Set<number>();
  const lineText = new Map<number, string>();
  for (const ex of examples) {
    const rows: string[] = [];
    const lines: number[] = [];
    const synthetic = new Set<number>();
    const hasBody = ex.lines.some((l) => /^\s*\{\s*$/.test(l) || /\)\s*\{\s*$/.test(l));
    const headerAtCol0 = ex.lines.some((l) => UNTYPED_HEADER.test(l) || /^[A-Za-z_][\w\s*]*\s[*]?\w+\s*\(/.test(l));
    const wrap = !(hasBody && headerAtCol0);
    if (wrap) {
      rows.push('void __p2pdma_review_example(void) {');
      lines.push(ex.startLine);
      synthetic.add(0);
    }
    ex.lines.forEach((text, n) => {
      const line = ex.startLine + n;
      const m = UNTYPED_HEADER.exec(text);
      rows.push(!wrap && m && !C_WORDS.has(m[1]) ? `void ${text}` : text);
      lines.push(line);
      if (text.trim()) { changed.add(line); lineText.set(line, text); }
    });
    if (wrap) {
      synthetic.add(rows.length);
      rows.push('}');
      lines.push(ex.endLine);
    }
    fragments.push({ text: rows.join('\n'), lines, syntheticRows: synthetic });
  }
  return { path: MESSAGE_PATH, side: 'new', fragments, complete: false, changed, context: new Set(), lineText };
}
