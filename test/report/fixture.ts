// The one shared ReviewResult every reporter test renders (fixtures/report/findings.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReviewResult } from '../../src/types.js';

export const FIXTURE_PATH = fileURLToPath(new URL('../../fixtures/report/findings.json', import.meta.url));

/** The inputs as a user would have listed them on the command line. */
export const FIXTURE_INPUTS = [
  'patches/0001-nvme-pci-map-cmb-sgl.patch',
  'replies/re-rdma-p2p-mr.eml',
  'series/dmabuf-p2p.mbox',
  'broken/truncated.patch',
  'broken/latin1.eml',
];

/** A fresh copy each call, so a test can modify it freely. */
export function loadFixture(): ReviewResult {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as ReviewResult;
}

/** A deterministic permutation (reverse, then rotate) to prove output does not depend on input order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const reversed = [...items].reverse();
  return [...reversed.slice(2), ...reversed.slice(0, 2)];
}
