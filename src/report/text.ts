// Text report in checkpatch.pl's shape, so editors and CI scripts that parse checkpatch output read it.
//
// Per finding (scripts/checkpatch.pl `report()` with --show-types, and `$herecurr`):
//   ERROR:SG_NONPAGE_MEMORY: <message> [sg-nonpage-memory]
//   #<line in the input>: FILE: <path>:<line>:
//   +<source line>
// then indented explanation lines, a blank line, and per input
//   total: N errors, M warnings[, K checks], L lines checked

import type { Finding, InputError, ReviewResult } from '../types.js';
import { sortFindings } from './fingerprint.js';

export interface TextOptions {
  /** Input names in the order the user gave them (InputSource.name); each gets a block and a total. */
  inputs: string[];
  /** ANSI colours as checkpatch's --color (red errors, yellow warnings, green checks). */
  color?: boolean;
}

type Level = 'ERROR' | 'WARNING' | 'CHECK';

const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', green: '\x1b[32m', blue: '\x1b[34m', reset: '\x1b[0m' };
const DETAIL_INDENT = '  ';

/** Renders a review as checkpatch-style text; pure, deterministic (findings sorted), ends with a newline. */
export function formatText(result: ReviewResult, opts: TextOptions): string {
  const paint = painter(opts.color ?? false);
  const inputs = inputOrder(result, opts.inputs);
  const byInput = new Map<string, Finding[]>();
  for (const f of sortFindings(result.findings)) {
    const list = byInput.get(f.input) ?? [];
    list.push(f);
    byInput.set(f.input, list);
  }

  const blocks: string[] = [];
  for (const input of inputs) {
    const lines: string[] = [];
    if (inputs.length > 1) {
      // checkpatch frames each file's report like this when given several files.
      const rule = '-'.repeat(input.length);
      lines.push(rule, input, rule);
    }
    const findings = byInput.get(input) ?? [];
    for (const f of findings) lines.push(...renderFinding(f, paint), '');
    lines.push(totalLine(findings, linesCheckedFor(result, input, inputs.length)));
    blocks.push(lines.join('\n'));
  }

  const tail: string[] = [];
  for (const e of byInputOrder(result.errors, inputs)) tail.push(`${paint.level('ERROR')}: ${e.input}: ${oneLine(e.message)}`);
  for (const n of byInputOrder(result.notes, inputs)) tail.push(`NOTE: ${n.input}: ${oneLine(n.message)}`);
  if (tail.length > 0) blocks.push(tail.join('\n'));
  blocks.push(summaryLine(result));
  return `${blocks.join('\n\n')}\n`;
}

/** checkpatch prints types in UPPER_SNAKE (`SG_NONPAGE_MEMORY`); plugin ids may contain `/` or `.`. */
export function checkpatchType(ruleId: string): string {
  return ruleId.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase();
}

/** The checkpatch level a finding prints as; "fixes" findings are good news, shown as CHECK. */
export function levelOf(f: Pick<Finding, 'severity' | 'kind'>): Level {
  if (f.kind === 'fixes') return 'CHECK';
  return f.severity === 'error' ? 'ERROR' : f.severity === 'warning' ? 'WARNING' : 'CHECK';
}

function renderFinding(f: Finding, paint: Painter): string[] {
  const level = levelOf(f);
  const message = f.kind === 'fixes' ? `this patch removes: ${oneLine(f.message)}` : oneLine(f.message);
  const markers = [f.quoted ? ' (quoted)' : '', f.kind === 'existing' ? ' (pre-existing)' : ''].join('');
  const out = [`${paint.level(level)}:${paint.type(checkpatchType(f.ruleId))}: ${message} [${f.ruleId}]${markers}`];

  const where = `FILE: ${f.file}:${f.line}:`;
  out.push(f.patchLine !== undefined ? `#${f.patchLine}: ${where}` : where);
  if (f.sourceLine !== undefined) out.push(`${f.side === 'old' ? '-' : '+'}${f.sourceLine}`);

  const detail = (label: string, text: string) => out.push(...indentBlock(`${label}: `, text));
  if (f.function) detail('function', f.function);
  if (f.certainty === 'likely') detail('certainty', 'likely (depends on facts the review could not see)');
  if (f.why) detail('why', f.why);
  if (f.instead) detail('instead', f.instead);
  for (const e of f.evidence) detail('evidence', `${e.file}:${e.line}:${e.side === 'old' ? ' (before the patch)' : ''} ${e.note}`);
  for (const p of f.platformNotes ?? []) detail('platform', p);
  if (f.suggestion) {
    const s = f.suggestion;
    const span = s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}-${s.endLine}`;
    out.push(`${DETAIL_INDENT}suggestion (${s.safety}): replace ${span} of ${s.file} with:`);
    for (const line of s.replacement.replace(/\n$/, '').split('\n')) out.push(`${DETAIL_INDENT}${DETAIL_INDENT}${line}`);
  }
  if (f.references && f.references.length > 0) detail('references', f.references.join(', '));
  return out;
}

/** `label: text`, continuation lines aligned under the text. */
function indentBlock(label: string, text: string): string[] {
  const pad = ' '.repeat(DETAIL_INDENT.length + label.length);
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map((line, i) => (i === 0 ? `${DETAIL_INDENT}${label}${line}` : `${pad}${line}`));
}

function totalLine(findings: Finding[], linesChecked: number): string {
  let errors = 0;
  let warnings = 0;
  let checks = 0;
  for (const f of findings) {
    const level = levelOf(f);
    if (level === 'ERROR') errors++;
    else if (level === 'WARNING') warnings++;
    else checks++;
  }
  // checkpatch adds "K checks, " only in --strict mode, the only mode that prints CHECK lines.
  const checkPart = checks > 0 ? `${checks} checks, ` : '';
  return `total: ${errors} errors, ${warnings} warnings, ${checkPart}${linesChecked} lines checked`;
}

function linesCheckedFor(result: ReviewResult, input: string, inputCount: number): number {
  const perInput = result.stats.linesByInput?.[input];
  if (perInput !== undefined) return perInput;
  // Without a per-input breakdown the total is only attributable when there is one input.
  return inputCount === 1 && !result.stats.linesByInput ? result.stats.linesChecked : 0;
}

function summaryLine(result: ReviewResult): string {
  const s = result.stats;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const extras: string[] = [];
  if (s.quotedPatches > 0) extras.push(`${s.quotedPatches} quoted`);
  if (s.coverLetters > 0) extras.push(plural(s.coverLetters, 'cover letter'));
  const patches = `${s.patches} ${s.patches === 1 ? 'patch' : 'patches'}`;
  return (
    `reviewed ${plural(s.inputs, 'input')}, ${patches}${extras.length ? ` (${extras.join(', ')})` : ''}: ` +
    `${plural(result.findings.length, 'finding')}, ${plural(result.errors.length, 'input error')}`
  );
}

/** Inputs as the user ordered them, then any input only the results mention (sorted, for determinism). */
function inputOrder(result: ReviewResult, given: string[]): string[] {
  const seen = new Set<string>(given);
  const extra = new Set<string>();
  for (const f of result.findings) if (!seen.has(f.input)) extra.add(f.input);
  for (const e of [...result.errors, ...result.notes]) if (!seen.has(e.input)) extra.add(e.input);
  for (const name of Object.keys(result.stats.linesByInput ?? {})) if (!seen.has(name)) extra.add(name);
  return [...new Set(given), ...[...extra].sort()];
}

/** Errors in the order of their inputs (unknown inputs last, by name); one input's keep ingest's order. */
function byInputOrder(list: InputError[], inputs: string[]): InputError[] {
  const rank = (name: string) => {
    const i = inputs.indexOf(name);
    return i >= 0 ? i : inputs.length;
  };
  return [...list].sort((a, b) => rank(a.input) - rank(b.input) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
}

/** Header lines must stay single-line for checkpatch parsers. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

interface Painter {
  level(level: Level): string;
  type(type: string): string;
}

function painter(color: boolean): Painter {
  if (!color) return { level: (l) => l, type: (t) => t };
  const levelColour = { ERROR: ANSI.red, WARNING: ANSI.yellow, CHECK: ANSI.green };
  return {
    level: (l) => `${levelColour[l]}${l}${ANSI.reset}`,
    type: (t) => `${ANSI.blue}${t}${ANSI.reset}`,
  };
}
