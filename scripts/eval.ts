// Accuracy harness (`npm run eval`): runs the CLI over the labelled real-patch corpus (../shared/corpus/real by
// default, or the directory given as the first argument) and prints, per rule class and overall, detected bad
// patches, fixes reported for fixed-by patches, false findings on clean patches, and misses with their labels.
// The corpus stays outside the project; nothing here knows any file in it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../src/types.js';

interface Label { file: string; verdict: 'bad' | 'fixed-by' | 'clean'; classes: string[]; where?: string }
interface CliJson { findings: Finding[]; errors: { input: string; message: string }[] }

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(process.argv[2] ?? join(root, '..', 'shared', 'corpus', 'real'));
const asJson = process.argv.includes('--json');

if (!existsSync(join(corpus, 'labels.json'))) {
  console.error(`eval: no labels.json in ${corpus} (pass the corpus directory as the first argument)`);
  process.exit(2);
}
const labels = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8')) as Label[];
const cli = join(root, 'dist', 'cli', 'cli.js');
const started = performance.now();
const out = execFileSync(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', corpus], {
  encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
});
const wall = performance.now() - started;
const result = JSON.parse(out) as CliJson;

const byFile = new Map<string, Finding[]>();
for (const f of result.findings) {
  const name = f.input.split('/').pop()!;
  const list = byFile.get(name) ?? [];
  list.push(f);
  byFile.set(name, list);
}
const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

interface ClassRow { labelled: number; detected: number; missed: string[] }
const classes = new Map<string, ClassRow>();
const row = (c: string) => {
  let r = classes.get(c);
  if (!r) { r = { labelled: 0, detected: 0, missed: [] }; classes.set(c, r); }
  return r;
};
const totals = { bad: 0, badDetected: 0, fixed: 0, fixedDetected: 0, clean: 0, cleanFlagged: 0, extra: 0, newCodeFlagged: 0 };
const falseFindings: string[] = [];
const extraFindings: string[] = [];

for (const l of labels) {
  const fs = byFile.get(l.file) ?? [];
  if (l.verdict === 'clean') {
    totals.clean++;
    const bad = fs.filter((f) => serious(f) && f.kind !== 'fixes');
    if (bad.length) {
      totals.cleanFlagged++;
      for (const f of bad) falseFindings.push(`${l.file}: ${f.ruleId} ${f.file}:${f.line} ${f.message.slice(0, 100)}`);
    }
    continue;
  }
  const isBad = l.verdict === 'bad';
  if (isBad) totals.bad++; else totals.fixed++;
  let all = true;
  for (const c of l.classes) {
    const r = row(c);
    r.labelled++;
    const hit = fs.some((f) => f.ruleId === c && (isBad ? serious(f) && f.kind !== 'fixes' : f.kind === 'fixes'));
    if (hit) r.detected++;
    else { all = false; r.missed.push(`${l.file} (${l.verdict})`); }
    if (!isBad && fs.some((f) => f.ruleId === c && serious(f) && f.kind !== 'fixes')) totals.newCodeFlagged++;
  }
  if (all) { if (isBad) totals.badDetected++; else totals.fixedDetected++; }
  for (const f of fs) {
    if (!l.classes.includes(f.ruleId) && serious(f) && f.kind !== 'fixes') {
      totals.extra++;
      extraFindings.push(`${l.file}: ${f.ruleId} ${f.file}:${f.line} ${f.message.slice(0, 100)}`);
    }
  }
}

if (asJson) {
  console.log(JSON.stringify({ corpus, wallMs: Math.round(wall), totals, classes: Object.fromEntries(classes), falseFindings, extraFindings, errors: result.errors }, null, 2));
} else {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(`p2pdma-review eval over ${corpus} (${labels.length} labelled mails, ${Math.round(wall)} ms)\n`);
  console.log(`${pad('class', 28)} ${pad('labelled', 9)} ${pad('detected', 9)} missed`);
  for (const [c, r] of [...classes.entries()].sort()) {
    console.log(`${pad(c, 28)} ${pad(r.labelled, 9)} ${pad(r.detected, 9)} ${r.missed.join(', ')}`);
  }
  console.log('');
  console.log(`bad patches fully detected:       ${totals.badDetected}/${totals.bad}`);
  console.log(`fixed-by patches with fixes:       ${totals.fixedDetected}/${totals.fixed}`);
  console.log(`fixed-by new code flagged:         ${totals.newCodeFlagged}`);
  console.log(`clean patches with findings:       ${totals.cleanFlagged}/${totals.clean}`);
  console.log(`unlabelled findings on bad/fixed:  ${totals.extra}`);
  console.log(`input errors:                      ${result.errors.length}`);
  if (falseFindings.length) console.log(`\nfindings on clean patches:\n  ${falseFindings.join('\n  ')}`);
  if (extraFindings.length) console.log(`\nunlabelled findings on labelled patches:\n  ${extraFindings.join('\n  ')}`);
  if (result.errors.length) console.log(`\ninput errors:\n  ${result.errors.map((e) => `${e.input}: ${e.message}`).join('\n  ')}`);
}
