// Shared helpers of the GitHub App tests: recorded webhooks, App keys, signatures and finding builders.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/types.js';

export const WEBHOOKS = join(process.cwd(), 'fixtures', 'webhooks');
export const REPO_DIR = join(WEBHOOKS, 'repos', 'p2pdma-lab', 'linux');

/** Head commits of the recorded pull requests (see fixtures/webhooks/README.md). */
export const SHA = {
  base: '2c40e5f028ba4f258bc5ed7fc60fd9e2395f64c6',
  pr42v1: 'a838b749d635514b5bbb21868f7b1f90a3e3e2d8',
  pr42v2: '1160b2a478e41bdf565a94a250a5cd5ae0e95d85',
  pr43: '296022cb3e93afffb814877a38b4f839ea0028c7',
} as const;

export const INSTALLATION_ID = 48151623;
export const APP_ID = 1001;
export const APP_SLUG = 'p2pdma-review';

/** A recorded webhook payload from fixtures/webhooks (event name from the file name). */
export function webhook(file: string): { name: string; payload: Record<string, unknown> } {
  const payload = JSON.parse(readFileSync(join(WEBHOOKS, file), 'utf8')) as Record<string, unknown>;
  return { name: file.split('.')[0], payload };
}

/** A file of the recorded repository state. */
export function repoFile(path: string): string {
  return readFileSync(join(REPO_DIR, path), 'utf8');
}

let keys: { privateKey: string; publicKey: string } | undefined;
/** One RSA key pair per test file (generation takes ~100 ms). */
export function appKeys(): { privateKey: string; publicKey: string } {
  keys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return keys;
}

/** GitHub's `X-Hub-Signature-256` for a body. */
export function signature(secret: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
}

/** A finding with plausible defaults; override what a test is about. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'sg-nonpage-memory',
    severity: 'error',
    certainty: 'certain',
    message: 'sg_set_buf() is given `mem`, which holds ioremap()ed MMIO: that memory has no struct page.',
    why: 'sg_set_buf() is sg_set_page(virt_to_page(buf)); virt_to_page() is only valid on linear-map addresses.',
    instead: 'Use the P2PDMA allocator (pci_alloc_p2pmem) or a dma_addr_t-based interface.',
    platformNotes: ['On arm64 the bogus page pointer lands outside the vmemmap.'],
    references: ['SG-001', 'include/linux/scatterlist.h (sg_set_buf)'],
    input: 'p2pdma-lab/linux#42',
    patch: 'misc: cmb_p2p: expose the CMB to peer devices',
    patchId: 'p2pdma-lab/linux#42#0',
    file: 'drivers/misc/cmb_p2p/cmb_p2p.c',
    line: 30,
    side: 'new',
    quoted: false,
    evidence: [
      { file: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 25, note: 'ioremap() returns MMIO' },
      { file: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 30, note: 'passed to sg_set_buf()' },
    ],
    fingerprint: 'fp-sg-0001',
    function: 'cmb_p2p_map_cmb',
    ...over,
  };
}

/**
 * ProbotOctokit with retries and throttling off, so a failing request fails the test at once and
 * writes are not spaced a second apart. The function form matters: Probot merges its own throttle
 * options over object defaults, so `ProbotOctokit.defaults({ throttle: { enabled: false } })`
 * leaves the installation client throttled (probot 14).
 */
export async function unthrottledOctokit() {
  const { ProbotOctokit } = await import('probot');
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
}

/**
 * A pino-shaped logger that records every call at every level as JSON text (errors with their
 * enumerable fields, as pino's serializer writes them), to prove secrets never reach the log.
 */
export function captureLogger(lines: string[]): unknown {
  const serialise = (value: unknown): string => {
    const seen = new WeakSet<object>();
    return JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Error) return { ...v, message: v.message, stack: v.stack };
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return typeof v === 'bigint' ? String(v) : v;
    });
  };
  const make = (bindings: Record<string, unknown>): unknown => {
    const rec = (...args: unknown[]) => void lines.push(serialise({ bindings, args }));
    return {
      level: 'trace',
      levels: { values: { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } },
      isLevelEnabled: () => true,
      child: (b: Record<string, unknown>) => make({ ...bindings, ...b }),
      trace: rec,
      debug: rec,
      info: rec,
      warn: rec,
      error: rec,
      fatal: rec,
    };
  };
  return make({});
}
