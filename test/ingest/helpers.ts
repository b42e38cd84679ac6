// Shared helpers for the ingest tests: fixture paths and one-call ingestion of a fixture.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/index.js';
import type { FileDiff, IngestResult, InputSource, Patch } from '../../src/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/ingest/', import.meta.url));

/** Absolute path of a fixture below fixtures/ingest/. */
export function fixture(rel: string): string {
  return join(FIXTURES, rel);
}

/** A fixture as an InputSource named by its relative path. */
export function source(rel: string): InputSource {
  return { name: rel, data: readFileSync(fixture(rel)) };
}

/** Ingests one fixture. */
export function ingestFixture(rel: string): Promise<IngestResult> {
  return ingest([source(rel)]);
}

/** Ingests raw text (for small inline cases). */
export function ingestText(text: string, name = 'inline.txt'): Promise<IngestResult> {
  return ingest([{ name, data: Buffer.from(text, 'utf8') }]);
}

/** The file of a patch with the given new (or old) path; fails the test when absent. */
export function fileOf(patch: Patch, path: string): FileDiff {
  const file = patch.files.find((f) => (f.newPath ?? f.oldPath) === path);
  if (!file) throw new Error(`no file ${path} in ${patch.id}: ${patch.files.map((f) => f.newPath ?? f.oldPath).join(', ')}`);
  return file;
}

/** 1-based line numbers of the fixture's lines equal to `text` (to cross-check patchLine). */
export function linesOf(rel: string, text: string): number[] {
  const lines = readFileSync(fixture(rel), 'utf8').replace(/\r\n/g, '\n').split('\n');
  const found: number[] = [];
  lines.forEach((l, i) => {
    if (l === text) found.push(i + 1);
  });
  return found;
}
