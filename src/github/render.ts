// Pure renderers for GitHub: a finding as an inline review comment, the review body, the check-run
// summary and annotations. No I/O; every text is bounded to the sizes GitHub accepts.
import type { Certainty, Config, Finding, InputError, RuleMeta, Severity } from '../types.js';
import type { ConfigProblem } from './engine.js';
import { fingerprintMarker, headMarker, neutralizeMarkers, resolvedMarker } from './markers.js';
import type { PlannedFinding, ResolvedFinding, ReviewPlan } from './plan.js';

/** GitHub's limit for issue/review comment bodies (characters). */
export const MAX_COMMENT_CHARS = 65536;
/** Checks API: `output.summary` and `output.text` are limited to 65535 characters. */
export const MAX_SUMMARY_CHARS = 65535;
/** Checks API: annotation `title` is limited to 255 characters, `message`/`raw_details` to 64 KB. */
const MAX_ANNOTATION_TITLE = 255;
const MAX_ANNOTATION_TEXT = 64 * 1024 - 1;

/** Everything a comment needs beyond the finding: the rule's docs link and whether a suggestion fits. */
export interface CommentContext {
  docsUrl?: string;
  /** The comment's anchor covers the suggestion's range exactly, so a ```suggestion block is applicable. */
  suggestionFits: boolean;
}

/** Looks up rule metadata (docs links) by rule id. */
export function ruleIndex(rules: RuleMeta[]): Map<string, RuleMeta> {
  return new Map(rules.map((r) => [r.id, r]));
}

/**
 * One finding as an inline review comment: what, why, instead, evidence, platform reasoning, the
 * suggestion, the docs link, and the hidden fingerprint marker that makes re-posting detectable.
 */
export function renderComment(f: Finding, ctx: CommentContext): string {
  const parts: string[] = [];
  parts.push(`${headline(f.severity, f.certainty)} \`${f.ruleId}\``);
  parts.push(text(f.message));
  if (f.why) parts.push(`**Why:** ${text(f.why)}`);
  if (f.instead) parts.push(`**Instead:** ${text(f.instead)}`);
  if (f.evidence.length > 0) {
    parts.push(['**Evidence**', ...f.evidence.map((e) => `- \`${e.file}:${e.line}\`${e.side === 'old' ? ' (before the change)' : ''}: ${text(e.note)}`)].join('\n'));
  }
  if (f.platformNotes && f.platformNotes.length > 0) {
    parts.push(['**Platform reasoning**', ...f.platformNotes.map((n) => `- ${text(n)}`)].join('\n'));
  }
  if (f.suggestion) parts.push(renderSuggestion(f, ctx.suggestionFits));
  parts.push(footer(f, ctx.docsUrl));
  const marker = fingerprintMarker(f.fingerprint);
  return bound(parts.join('\n\n'), MAX_COMMENT_CHARS - marker.length - 1) + '\n' + marker;
}

/** A finding as a one-line review-body bullet carrying its marker (for findings not posted inline). */
export function renderBullet(f: Finding, docsUrl?: string): string {
  const docs = docsUrl ? ` ([docs](${docsUrl}))` : '';
  const side = f.side === 'old' ? ' (removed line)' : '';
  return `- **${f.severity}** \`${f.ruleId}\` at \`${f.file}:${f.line}\`${side}: ${oneLine(f.message, 300)}${docs} ${fingerprintMarker(f.fingerprint)}`;
}

/** Inputs of the review body. */
export interface ReviewBodyInput {
  headSha: string;
  plan: ReviewPlan;
  rules: Map<string, RuleMeta>;
  /** Set when GitHub rejected the inline placements (422) and the comments moved to the body. */
  inlineRejected?: string;
  /** Per-run notes also shown in the check run (bounded inputs, binary files, config problems). */
  notes: string[];
}

/**
 * The review body: a count line, the findings that could not be inline (outside the diff, over the
 * comment limit, or rejected by GitHub), the findings resolved since the last review, and notes.
 */
export function renderReviewBody(input: ReviewBodyInput): string {
  const { plan, rules } = input;
  const posted = plan.items.filter((i) => i.status === 'inline' || i.status === 'body' || i.status === 'overflow');
  const inlineCount = input.inlineRejected ? 0 : posted.filter((i) => i.status === 'inline').length;
  const out: string[] = [headMarker(input.headSha)];
  const heading = posted.length > 0 ? countLine(posted.map((p) => p.finding)) : 'no new findings';
  out.push(`### p2pdma-review: ${heading} in \`${input.headSha.slice(0, 7)}\``);
  const lines: string[] = [];
  if (inlineCount > 0) lines.push(`${inlineCount} inline comment${inlineCount === 1 ? '' : 's'} below.`);
  const earlier = plan.items.filter((i) => i.status === 'posted').length;
  if (earlier > 0) lines.push(`${earlier} finding${earlier === 1 ? '' : 's'} from earlier reviews still appl${earlier === 1 ? 'ies' : 'y'}.`);
  if (lines.length > 0) out.push(lines.join(' '));

  const sections: Array<[string, PlannedFinding[]]> = [
    ['Outside the diff', posted.filter((p) => p.status === 'body')],
    [`Over the limit of inline comments per review`, posted.filter((p) => p.status === 'overflow')],
  ];
  if (input.inlineRejected) {
    sections.unshift([
      `Could not be placed inline (GitHub answered: ${oneLine(input.inlineRejected, 200)})`,
      posted.filter((p) => p.status === 'inline'),
    ]);
  }
  const trailer: string[] = [];
  if (plan.resolved.length > 0) {
    trailer.push(['#### Resolved since the last review', ...plan.resolved.map((r) => `${resolvedBullet(r)} ${resolvedMarker(r.id)}`)].join('\n'));
  }
  if (input.notes.length > 0) {
    trailer.push(['#### Notes', ...input.notes.map((n) => `- ${oneLine(n, 500)}`)].join('\n'));
  }
  // Bullets go in until the body limit; the rest is counted (the check run lists every finding).
  let budget = MAX_COMMENT_CHARS - out.join('\n\n').length - trailer.join('\n\n').length - 400;
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    const lines = [`#### ${title}`];
    let left = items.length;
    for (const item of items) {
      const bullet = renderBullet(item.finding, rules.get(item.finding.ruleId)?.docsUrl);
      if (bullet.length + 1 > budget) break;
      lines.push(bullet);
      budget -= bullet.length + 1;
      left--;
    }
    if (left > 0) lines.push(`- …and ${left} more: see the \`p2pdma-review\` check run.`);
    out.push(lines.join('\n'));
  }
  out.push(...trailer);
  return bound(out.join('\n\n'), MAX_COMMENT_CHARS);
}

/** Inputs of the check-run output. */
export interface CheckOutputInput {
  repo: string;
  pullNumber: number;
  headSha: string;
  plan: ReviewPlan;
  rules: Map<string, RuleMeta>;
  configProblems: ConfigProblem[];
  configSource: string;
  notes: string[];
  errors: InputError[];
  /** What happened to the review (posted, skipped, failed), one sentence. */
  reviewOutcome: string;
}

/** The check run's `output.title` and `output.summary` (Markdown, bounded). */
export function renderCheckOutput(input: CheckOutputInput): { title: string; summary: string } {
  const all = input.plan.items.map((i) => i.finding);
  const title = all.length === 0 ? 'No findings' : countLine(all);
  const intro = `**p2pdma-review** reviewed ${input.repo}#${input.pullNumber} at \`${input.headSha.slice(0, 7)}\`: ${title.toLowerCase()}. ${input.reviewOutcome}`;
  const sections: string[] = [];
  if (input.configProblems.length > 0) {
    sections.push(
      [
        `### Configuration problems: ran with the default configuration`,
        ...input.configProblems.map((p) => `- \`${input.configSource}\`: \`${p.path || '(root)'}\`: ${oneLine(p.message, 300)}`),
      ].join('\n'),
    );
  }
  if (input.errors.length > 0) {
    sections.push(['### Not reviewed', ...input.errors.map((e) => `- \`${e.input}\`: ${oneLine(e.message, 300)}`)].join('\n'));
  }
  if (input.plan.resolved.length > 0) {
    sections.push(['### Resolved since the last review', ...input.plan.resolved.map(resolvedBullet)].join('\n'));
  }
  if (input.notes.length > 0) {
    sections.push(['### Notes', ...input.notes.map((n) => `- ${oneLine(n, 500)}`)].join('\n'));
  }
  // The table gets what the fixed sections leave of the limit; every finding is also annotated.
  const fixed = [intro, ...sections].join('\n\n').length;
  const table = findingsTable(input.plan.items, input.rules, MAX_SUMMARY_CHARS - fixed - 100);
  const summary = [intro, table, ...sections].filter((s) => s.length > 0).join('\n\n');
  return { title, summary: bound(summary, MAX_SUMMARY_CHARS) };
}

/** A Checks API annotation, in the request's field names. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = { error: 'failure', warning: 'warning', info: 'notice' };

/**
 * One annotation per finding on the head image (annotations address lines of the head commit, so
 * findings on removed lines are left to the summary table). `pathOf` maps a finding's file to the
 * path in the head commit, or undefined when the file is not part of the pull request.
 */
export function renderAnnotations(
  findings: Finding[],
  rules: Map<string, RuleMeta>,
  pathOf: (file: string) => string | undefined,
): Annotation[] {
  const out: Annotation[] = [];
  for (const f of findings) {
    if (f.side !== 'new') continue;
    const path = pathOf(f.file);
    if (!path) continue;
    const start = f.startLine !== undefined && f.startLine < f.line ? f.startLine : f.line;
    const details: string[] = [];
    if (f.instead) details.push(`Instead: ${f.instead}`);
    for (const e of f.evidence) details.push(`Evidence: ${e.file}:${e.line}: ${e.note}`);
    for (const n of f.platformNotes ?? []) details.push(`Platform: ${n}`);
    const docs = rules.get(f.ruleId)?.docsUrl;
    if (docs) details.push(`Docs: ${docs}`);
    const annotation: Annotation = {
      path,
      start_line: start,
      end_line: f.line,
      annotation_level: LEVEL[f.severity],
      title: bound(`${f.ruleId}: ${oneLine(f.message, 400)}`, MAX_ANNOTATION_TITLE),
      message: bound(f.why ? `${f.message}\n\n${f.why}` : f.message, MAX_ANNOTATION_TEXT),
    };
    if (details.length > 0) annotation.raw_details = bound(details.join('\n'), MAX_ANNOTATION_TEXT);
    out.push(annotation);
  }
  return out;
}

/**
 * The check conclusion: `failure` when a finding reaches `failOn`, `neutral` when errors or
 * warnings remain below it, `success` otherwise (info findings, such as fixed violations, never block).
 */
export function conclusionFor(findings: Finding[], failOn: Config['failOn']): 'failure' | 'neutral' | 'success' {
  const has = (s: Severity) => findings.some((f) => f.severity === s);
  if (failOn === 'error' && has('error')) return 'failure';
  if (failOn === 'warning' && (has('error') || has('warning'))) return 'failure';
  return has('error') || has('warning') ? 'neutral' : 'success';
}

/** "2 errors, 1 warning" (info findings counted last; "no findings" when empty). */
export function countLine(findings: Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [
    plural(n('error'), 'error'),
    plural(n('warning'), 'warning'),
    n('info') > 0 ? plural(n('info'), 'note') : '',
  ].filter((p) => p && !p.startsWith('0 '));
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

const STATUS_TEXT: Record<PlannedFinding['status'], string> = {
  inline: 'inline comment',
  body: 'review body (outside the diff)',
  overflow: 'review body (comment limit)',
  posted: 'posted earlier',
  held: 'not posted: this commit already has a review',
};

function findingsTable(items: PlannedFinding[], rules: Map<string, RuleMeta>, budget: number): string {
  if (items.length === 0) return '';
  const rows = ['| Severity | Rule | Location | Finding | Status |', '|---|---|---|---|---|'];
  let used = rows.join('\n').length;
  let shown = 0;
  for (const { finding: f, status } of items) {
    const docs = rules.get(f.ruleId)?.docsUrl;
    const rule = docs ? `[\`${f.ruleId}\`](${docs})` : `\`${f.ruleId}\``;
    const row = `| ${f.severity} | ${rule} | \`${cell(f.file)}:${f.line}\`${f.side === 'old' ? ' (old)' : ''} | ${cell(oneLine(f.message, 240))} | ${STATUS_TEXT[status]} |`;
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
    shown++;
  }
  if (shown < items.length) rows.push(`\n…and ${items.length - shown} more findings (summary size limit).`);
  return rows.join('\n');
}

function renderSuggestion(f: Finding, fits: boolean): string {
  const s = f.suggestion!;
  const caution = s.safety === 'review' ? '_This suggestion changes behaviour: review it before applying._\n' : '';
  const fence = fenceFor(s.replacement);
  const body = s.replacement.endsWith('\n') ? s.replacement : s.replacement + '\n';
  if (fits) return `${caution}${fence}suggestion\n${body}${fence}`;
  const range = s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}–${s.endLine}`;
  return `${caution}Suggested replacement for ${range} of \`${s.file}\` (those lines are not all in the diff, so it cannot be applied from here):\n${fence}c\n${body}${fence}`;
}

function footer(f: Finding, docsUrl: string | undefined): string {
  const bits: string[] = [];
  if (docsUrl) bits.push(`[Rule documentation](${docsUrl})`);
  if (f.references && f.references.length > 0) bits.push(`References: ${f.references.map((r) => `\`${r}\``).join(', ')}`);
  if (f.function) bits.push(`In \`${f.function}()\``);
  return bits.length > 0 ? `<sub>${bits.join(' · ')}</sub>` : '';
}

function headline(severity: Severity, certainty: Certainty): string {
  const label = severity === 'error' ? '**Error**' : severity === 'warning' ? '**Warning**' : '**Note**';
  return certainty === 'likely' ? `${label} (likely)` : label;
}

function resolvedBullet(r: ResolvedFinding): string {
  const rule = r.ruleId ? `\`${r.ruleId}\`` : 'finding';
  const where = r.path ? ` at \`${r.path}${r.line ? `:${r.line}` : ''}\`` : '';
  return `- ${rule}${where} (fingerprint \`${r.id}\`) no longer reported`;
}

// Longer than any backtick run in the content, so code containing ``` cannot close the block.
function fenceFor(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function text(s: string): string {
  return neutralizeMarkers(s.trim());
}

function oneLine(s: string, max: number): string {
  return bound(neutralizeMarkers(s.replace(/\s+/g, ' ').trim()), max);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Cuts `s` to at most `max` characters, marking the cut. */
export function bound(s: string, max: number): string {
  if (s.length <= max) return s;
  const mark = '…';
  return s.slice(0, Math.max(0, max - mark.length)) + mark;
}
