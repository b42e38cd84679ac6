// Large inputs stay fast: linear splitting and scanning, no mailparser on plain mails.
// Bounds are generous (about 10x a measured run) so a busy machine does not fail them.

import { readFileSync } from 'node:fs';
import { ingest } from '../../src/ingest/index.js';
import { fixture } from './helpers.js';

test('an mbox of 400 patches', async () => {
  const series = readFileSync(fixture('series.mbox'), 'utf8');
  const patch = series.slice(series.lastIndexOf('\nFrom ') + 1);
  const mbox = Array.from({ length: 400 }, (_, i) => patch.replace(/^From [0-9a-f]+/, `From ${i.toString(16).padStart(40, '0')}`)).join('');
  const started = performance.now();
  const r = await ingest([{ name: 'big.mbox', data: Buffer.from(mbox) }]);
  const ms = performance.now() - started;
  expect(r.errors).toEqual([]);
  expect(r.stats.patches).toBe(400);
  expect(r.stats.linesChecked).toBe(400 * 21);
  expect(ms).toBeLessThan(4000);
});

test('one patch adding a 20000-line file', async () => {
  const n = 20000;
  const body = Array.from({ length: n }, (_, i) => `+\tvalue_${i} = readl(base + ${i * 4});`).join('\n');
  const diff = `diff --git a/drivers/big.c b/drivers/big.c\nnew file mode 100644\n--- /dev/null\n+++ b/drivers/big.c\n@@ -0,0 +1,${n} @@\n${body}\n`;
  const started = performance.now();
  const r = await ingest([{ name: 'big.diff', data: Buffer.from(diff) }]);
  const ms = performance.now() - started;
  expect(r.errors).toEqual([]);
  const lines = r.patches[0].files[0].hunks[0].lines;
  expect(lines).toHaveLength(n);
  expect(lines[n - 1]).toMatchObject({ newLine: n, patchLine: n + 5 });
  expect(ms).toBeLessThan(2000);
});
