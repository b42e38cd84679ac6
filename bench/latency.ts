// Per-patch latency, measured in-process: one warm Node process calls review() (ingest → filter, the same
// function the CLI and the App call) once per patch and times each call. Start-up is excluded on purpose:
// it is reported separately as the CLI's whole-process time.
// Usage: node dist/bench/latency.js [--split] [--max N] [--warmup N] <file>...
//   --split   the files are generated mboxes: each mail is one sample (the [PATCH 0/N] cover is dropped)
//   --max N   review an evenly spaced sample of at most N patches
// Prints {"samples":[ms...],"patches":N,"lines":N} on stdout.
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../src/config/index.js';
import { review } from '../src/review.js';
import { splitMbox } from './inputs.js';
import { evenSample } from './stats.js';

interface Args {
  split: boolean;
  max: number;
  warmup: number;
  files: string[];
}

function parse(argv: string[]): Args {
  const args: Args = { split: false, max: Infinity, warmup: 3, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') args.split = true;
    else if (a === '--max' || a === '--warmup') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer (got ${argv[i]})`);
      if (a === '--max') args.max = n;
      else args.warmup = n;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new Error('no input file given');
  return args;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const units: Array<{ name: string; data: Buffer }> = [];
  for (const f of args.files) {
    const text = readFileSync(f, 'utf8');
    if (args.split) splitMbox(text).forEach((mail, i) => units.push({ name: `${f}#${i + 1}`, data: Buffer.from(mail) }));
    else units.push({ name: f, data: Buffer.from(text) });
  }
  const sample = evenSample(units, args.max);
  const config = defaultConfig();
  // Warm-up: load modules lazily loaded on first use, create the parser, let the JIT see the hot paths.
  for (let i = 0; i < args.warmup && sample.length > 0; i++) await review([sample[i % sample.length]], { config });
  const samples: number[] = [];
  let lines = 0;
  for (const unit of sample) {
    const t = performance.now();
    const result = await review([unit], { config });
    samples.push(performance.now() - t);
    lines += result.stats.linesChecked;
  }
  process.stdout.write(`${JSON.stringify({ samples, patches: sample.length, of: units.length, lines })}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`latency: ${e.message}\n`);
  process.exitCode = 2;
});
