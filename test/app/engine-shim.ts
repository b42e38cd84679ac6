// A stand-in review engine for the GitHub layer's tests: finds two patterns on added lines so the
// App's behaviour (anchoring, dedupe, summaries) can be asserted exactly, independent of rule work.
// Config parsing is the real one (src/config). Tests of the real engine live in real-engine.test.ts.
import { createHash } from 'node:crypto';
import { parsePatch } from 'diff';
import { defaultConfig, parseConfig } from '../../src/config/index.js';
import type { ReviewEngine, ReviewOptions } from '../../src/github/engine.js';
import type { Finding, InputSource, ReviewResult, RuleMeta } from '../../src/types.js';

export const SHIM_RULES: RuleMeta[] = [
  {
    id: 'dma-map-sg-result',
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'dma_map_sg() result tested with < 0',
    catalogue: ['DMA-001'],
    docsUrl: 'https://example.test/docs/rules/dma-map-sg-result.md',
  },
  {
    id: 'sg-nonpage-memory',
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Memory without a struct page in a scatterlist',
    catalogue: ['SG-001'],
    docsUrl: 'https://example.test/docs/rules/sg-nonpage-memory.md',
  },
];

/** What the shim saw, for assertions (tree reads, config). */
export interface ShimLog {
  reads: string[];
  contents: Map<string, string | undefined>;
  options: ReviewOptions[];
  inputs: InputSource[];
}

/**
 * Creates a shim engine. `extra` adds findings verbatim (for limits and anchoring cases); `crash`
 * makes review() throw.
 */
export function shimEngine(opts: { extra?: Finding[]; crash?: string } = {}): ReviewEngine & { log: ShimLog } {
  const log: ShimLog = { reads: [], contents: new Map(), options: [], inputs: [] };
  return {
    log,
    parseConfig: (raw, o) => parseConfig(raw, o),
    defaultConfig: () => defaultConfig(),
    ruleIds: () => SHIM_RULES.map((r) => r.id),
    async review(inputs: InputSource[], options: ReviewOptions): Promise<ReviewResult> {
      log.inputs.push(...inputs);
      log.options.push(options);
      if (opts.crash) throw new Error(opts.crash);
      const findings: Finding[] = [];
      for (const input of inputs) {
        for (const file of parsePatch(input.data.toString('utf8'))) {
          const path = (file.newFileName ?? '').replace(/^b\//, '');
          if (!path || path === '/dev/null') continue;
          if (/\.[ch]$/.test(path) && options.tree) {
            log.reads.push(path);
            log.contents.set(path, await options.tree.read(path));
          }
          for (const hunk of file.hunks) {
            let line = hunk.newStart;
            let ioremapLine: number | undefined;
            for (const raw of hunk.lines) {
              if (raw.startsWith('-') || raw.startsWith('\\')) continue;
              const text = raw.slice(1);
              if (/=\s*ioremap\(/.test(text)) ioremapLine = line;
              if (raw.startsWith('+') && /sg_set_buf\(/.test(text) && ioremapLine !== undefined) {
                findings.push(make(input.name, path, line, 'sg-nonpage-memory', text, {
                  message: 'sg_set_buf() is given ioremap()ed MMIO, which has no struct page.',
                  why: 'sg_set_buf() calls virt_to_page() on the buffer.',
                  instead: 'Use pci_p2pdma memory with a dma_addr_t interface.',
                  evidence: [
                    { file: path, line: ioremapLine, note: 'ioremap() result' },
                    { file: path, line, note: 'passed to sg_set_buf()' },
                  ],
                  startLine: ioremapLine,
                }));
              }
              const sign = /if \((\w+) < 0\)/.exec(text);
              if (raw.startsWith('+') && sign) {
                findings.push(make(input.name, path, line, 'dma-map-sg-result', text, {
                  message: `\`${sign[1]} < 0\` can never be true: dma_map_sg() returns 0 on failure.`,
                  suggestion: { file: path, startLine: line, endLine: line, replacement: text.replace(`${sign[1]} < 0`, `!${sign[1]}`), safety: 'safe' },
                }));
              }
              line++;
            }
          }
        }
      }
      findings.push(...(opts.extra ?? []));
      const count = (s: string) => findings.filter((f) => f.severity === s).length;
      return {
        findings,
        errors: [],
        notes: [],
        rules: SHIM_RULES,
        stats: { inputs: inputs.length, patches: 1, quotedPatches: 0, coverLetters: 0, files: 0, hunks: 0, linesChecked: 0, findings: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info'), timings: {} },
      };
    },
  };
}

function make(input: string, file: string, line: number, ruleId: string, code: string, over: Partial<Finding>): Finding {
  return {
    ruleId,
    severity: 'error',
    certainty: 'certain',
    message: '',
    input,
    patch: 'pull request',
    patchId: `${input}#0`,
    file,
    line,
    side: 'new',
    quoted: false,
    evidence: [],
    // Like the real engine: stable across line shifts (rule, file, normalised code).
    fingerprint: createHash('sha256').update(`${ruleId}\0${file}\0${code.replace(/\s+/g, ' ').trim()}`).digest('hex').slice(0, 16),
    ...over,
  };
}
