// Runs one command as a child process and measures it from the outside: wall time (spawn to exit) and peak
// RSS (GNU time's report when /usr/bin/time exists, else a preload that reads maxRSS inside a Node child).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** GNU time, when installed: it reports the child's peak RSS for any program (node and perl alike). */
export const GNU_TIME = '/usr/bin/time';

/** How peak memory is measured. */
export type RssMethod = 'gnu-time' | 'node-preload' | 'none';

/** What a measured run produced. */
export interface ProcessRun {
  wallMs: number;
  /** Peak resident set size in KiB, when the method could measure it. */
  maxRssKb?: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed at `timeoutMs`: `wallMs` is then a lower bound of the time the command needs. */
  timedOut: boolean;
}

/** Options of {@link runMeasured}. */
export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** `gnu-time` when available is the default; `node-preload` only works for `node` commands. */
  rss?: RssMethod;
  /** Keep at most this many characters of stdout (checkpatch can print megabytes we only count). */
  stdoutLimit?: number;
  /** Kill the run (its whole process group) after this many milliseconds; the result says `timedOut`. */
  timeoutMs?: number;
}

/** The best RSS method this machine supports for `command`. */
export function rssMethodFor(command: string): RssMethod {
  if (existsSync(GNU_TIME)) return 'gnu-time';
  return command === process.execPath || command === 'node' ? 'node-preload' : 'none';
}

/** The compiled preload: next to this module in dist/bench, or in dist/bench when this runs from source (tests). */
function preloadPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'rss-preload.js'), join(here, '..', 'dist', 'bench', 'rss-preload.js')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`bench: ${candidates[0]} is missing (run npm run build)`);
  return found;
}

/** Parses GNU time's `-v` report for "Maximum resident set size (kbytes)". */
export function parseGnuTimeRss(report: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return m ? Number(m[1]) : undefined;
}

/** Spawns `command args` and measures it. Never throws for a failing child: the exit code is returned. */
export async function runMeasured(command: string, args: string[], options: MeasureOptions): Promise<ProcessRun> {
  const method = options.rss ?? rssMethodFor(command);
  const scratch = mkdtempSync(join(tmpdir(), 'p2pdma-bench-'));
  const rssFile = join(scratch, 'rss');
  let cmd = command;
  let argv = args;
  const env = { ...process.env, ...options.env };
  if (method === 'gnu-time') {
    // -o keeps time's report out of the child's own stderr.
    cmd = GNU_TIME;
    argv = ['-v', '-o', rssFile, command, ...args];
  } else if (method === 'node-preload') {
    argv = ['--import', preloadPath(), ...args];
    env.BENCH_RSS_FILE = rssFile;
  }
  const limit = options.stdoutLimit ?? Infinity;
  try {
    return await new Promise<ProcessRun>((resolve, reject) => {
      const started = process.hrtime.bigint();
      // Own process group, so a timeout ends the measured program too, not just GNU time in front of it.
      const child = spawn(cmd, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.timeoutMs !== undefined });
      let timedOut = false;
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
            }, options.timeoutMs);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outLen = 0;
      child.stdout.on('data', (b: Buffer) => {
        if (outLen < limit) out.push(b);
        outLen += b.length;
      });
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.once('error', reject);
      child.once('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        let maxRssKb: number | undefined;
        if (existsSync(rssFile)) {
          const text = readFileSync(rssFile, 'utf8');
          maxRssKb = method === 'gnu-time' ? parseGnuTimeRss(text) : Number(text) || undefined;
        }
        resolve({ wallMs, maxRssKb, exitCode: code, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      });
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
