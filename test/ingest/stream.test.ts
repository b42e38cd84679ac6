// ingestStream and listInputs: the streaming path the CLI uses must give exactly what ingest() gives, read each
// input only when it is reached, and put read failures where readInputs() would have.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferBytes, emptyIngestProgress, ingest, ingestStream, listInputs, readInputs, type PendingInput } from '../../src/ingest/index.js';
import type { InputSource, Patch } from '../../src/types.js';
import { fixture, source } from './helpers.js';

const MIXED = ['series.mbox', 'walk/a.diff', 'bad/nul-bytes.patch', 'bad/not-a-patch.txt', 'walk/b/02-second.patch'];

async function drain(inputs: Iterable<InputSource | PendingInput>) {
  const progress = emptyIngestProgress();
  const patches: Patch[] = [];
  for await (const p of ingestStream(inputs, progress)) patches.push(p);
  return { patches, ...progress };
}

describe('ingestStream', () => {
  test('yields the patches, errors, notes and stats of ingest(), in the same order', async () => {
    const sources = MIXED.map(source);
    const whole = await ingest(sources);
    const streamed = await drain(sources);
    expect(streamed).toEqual(whole);
    expect(whole.patches.length).toBeGreaterThan(3);
    expect(whole.errors.length).toBeGreaterThanOrEqual(2);
  });

  test('reads a pending input only when the previous one has been consumed', async () => {
    const order: string[] = [];
    const pending = (rel: string): PendingInput => ({
      name: rel,
      read: async () => { order.push(`read ${rel}`); return bufferBytes(source(rel).data); },
    });
    const progress = emptyIngestProgress();
    for await (const p of ingestStream([pending('walk/a.diff'), pending('walk/b/02-second.patch')], progress)) {
      order.push(`patch ${p.input}`);
    }
    expect(order).toEqual(['read walk/a.diff', 'patch walk/a.diff', 'read walk/b/02-second.patch', 'patch walk/b/02-second.patch']);
  });

  test('an input whose read gives nothing is skipped and not counted', async () => {
    const r = await drain([{ name: 'gone.patch', read: async () => undefined }, source('walk/a.diff')]);
    expect(r.stats.inputs).toBe(1);
    expect(r.patches.map((p) => p.input)).toEqual(['walk/a.diff']);
    expect(r.errors).toEqual([]);
  });

  test('a consumer may stop early: only what it took is counted', async () => {
    const progress = emptyIngestProgress();
    const seen: Patch[] = [];
    for await (const p of ingestStream([source('series.mbox')], progress)) {
      seen.push(p);
      break;
    }
    const all = await ingest([source('series.mbox')]);
    expect(all.patches.length).toBeGreaterThan(1);
    expect(seen).toHaveLength(1);
    expect(progress.stats.patches).toBe(1);
  });
});

describe('listInputs', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'p2pdma-list-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('lists without reading: a file changed after listing is read as it is then', async () => {
    const f = join(dir, 'x.patch');
    writeFileSync(f, 'before');
    const listed = await listInputs([f]);
    writeFileSync(f, 'after');
    const bytes = await listed.inputs[0].read();
    expect(bytes?.read(0, bytes.size).toString()).toBe('after');
    bytes?.close();
  });

  test('read failures found later sort into argument order, as readInputs() reports them', async () => {
    const a = join(dir, 'a.patch');
    const b = join(dir, 'b.patch');
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    const missing = join(dir, 'missing.patch');
    const listed = await listInputs([a, missing, b]);
    rmSync(a);
    for (const i of listed.inputs) await i.read();
    const errors = listed.errors();
    expect(errors.map((e) => e.input)).toEqual([a, missing]);
    expect(errors[0].message).toMatch(/^cannot read: ENOENT/);
    // readInputs is listInputs plus reading everything: the same errors in the same order.
    writeFileSync(a, 'a');
    const eager = await readInputs([a, missing, b]);
    expect(eager.errors.map((e) => e.input)).toEqual([missing]);
    expect(eager.sources.map((s) => s.name)).toEqual([a, b]);
  });

  test('names given twice are listed once', async () => {
    const a = fixture('walk/a.diff');
    const listed = await listInputs([a, a]);
    expect(listed.inputs.map((i) => i.name)).toEqual([a]);
  });
});
