// Ingest never throws and never hits an internal error, whatever is done to its input; and every
// diff line's patchLine points at the input line that carries it.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { FIXTURES } from './helpers.js';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const inputs = walk(FIXTURES).filter((f) => !f.includes(`${join('fixtures', 'ingest', 'tree')}`));

/** A small deterministic PRNG so failures reproduce. */
function prng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

const NOISE = ['> ', '>', '', '@@ -1,2 +1,3 @@', '+x', '-y', ' z', 'diff --git a/q b/q', '--- a/q', '+++ b/q', '> > @@ -3 +3 @@', 'From x Mon Sep 17 00:00:00 2001', 'Content-Type: multipart/mixed; boundary=q', '--q', '\\ No newline at end of file'];

test('mutated fixtures (cut, spliced, requoted, truncated lines) never cause an internal error', async () => {
  const rnd = prng(2024);
  for (const file of inputs) {
    const original = readFileSync(file).toString('latin1').split('\n');
    for (let k = 0; k < 12; k++) {
      const lines = [...original];
      const at = rnd(lines.length);
      switch (rnd(5)) {
        case 0:
          lines.length = at;
          break;
        case 1:
          lines.splice(at, 0, NOISE[rnd(NOISE.length)]);
          break;
        case 2:
          lines.splice(at, 1);
          break;
        case 3:
          lines[at] = `> ${lines[at]}`;
          break;
        default:
          lines[at] = lines[at].slice(0, rnd(lines[at].length + 1));
      }
      const name = `${relative(FIXTURES, file)}~${k}`;
      const r = await ingest([{ name, data: Buffer.from(lines.join('\n'), 'latin1') }]);
      expect(r.errors.filter((e) => e.message.startsWith('internal error'))).toEqual([]);
    }
  }
});

test('patchLine names the input line of every diff line (inputs not MIME-decoded)', async () => {
  let checked = 0;
  for (const file of inputs) {
    const data = readFileSync(file);
    const r = await ingest([{ name: file, data }]);
    if (r.notes.some((n) => n.message.includes('decoded MIME text'))) continue;
    const lines = data.toString('utf8').replace(/\r\n/g, '\n').split('\n');
    for (const p of r.patches) {
      for (const f of p.files) {
        for (const h of f.hunks) {
          for (const l of h.lines) {
            const src = lines[l.patchLine - 1] ?? '';
            const marker = { add: '+', del: '-', ctx: ' ' }[l.kind];
            const unquoted = src.replace(/^(?:> ?)+ ?/, '');
            // Quote prefixes vary (`> `, `>`, `> > `); a blank context line may have lost its space.
            const ok = src.endsWith(`${marker}${l.text}`) && (src.length === l.text.length + 1 || src.startsWith('>'));
            const blank = l.kind === 'ctx' && l.text === '' && unquoted.trim() === '';
            expect({ file, line: l.patchLine, ok: ok || blank }).toEqual({ file, line: l.patchLine, ok: true });
            checked++;
          }
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(200);
});
