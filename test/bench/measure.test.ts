// Measuring child processes: GNU time's report parsing, and a real measured run (no timing assertions).
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { GNU_TIME, parseGnuTimeRss, rssMethodFor, runMeasured } from '../../bench/measure.js';

test('reads the peak RSS from GNU time -v output', () => {
  const report = ['\tCommand being timed: "node -e 0"', '\tUser time (seconds): 0.03', '\tMaximum resident set size (kbytes): 41236', '\tExit status: 0'].join('\n');
  expect(parseGnuTimeRss(report)).toBe(41236);
  expect(parseGnuTimeRss('Command exited with non-zero status 1')).toBeUndefined();
});

test('picks GNU time when installed, else the Node preload (Node commands only)', () => {
  if (existsSync(GNU_TIME)) {
    expect(rssMethodFor('perl')).toBe('gnu-time');
  } else {
    expect(rssMethodFor(process.execPath)).toBe('node-preload');
    expect(rssMethodFor('perl')).toBe('none');
  }
});

test('a measured run reports exit code, output and a plausible peak RSS', async () => {
  const run = await runMeasured(process.execPath, ['-e', 'const b = Buffer.alloc(32 << 20, 1); console.log(b.length); process.exitCode = 3'], { cwd: tmpdir() });
  expect(run.exitCode).toBe(3);
  expect(run.stdout.trim()).toBe(String(32 << 20));
  expect(run.wallMs).toBeGreaterThan(0);
  // 32 MiB were touched, so the peak is above that, whichever method measured it.
  expect(run.maxRssKb).toBeGreaterThan(32 * 1024);
});

test('without GNU time, the preload measures a Node child from inside', async () => {
  const run = await runMeasured(process.execPath, ['-e', 'Buffer.alloc(16 << 20, 1)'], { cwd: tmpdir(), rss: 'node-preload' });
  expect(run.exitCode).toBe(0);
  expect(run.maxRssKb).toBeGreaterThan(16 * 1024);
});

test('a run over its time limit is killed, with its whole process group, and marked timed out', async () => {
  // The child starts a grandchild that would outlive a plain kill of the direct child.
  const script = "require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'inherit' }); setTimeout(() => {}, 60000);";
  const run = await runMeasured(process.execPath, ['-e', script], { cwd: tmpdir(), timeoutMs: 500 });
  expect(run.timedOut).toBe(true);
  expect(run.wallMs).toBeLessThan(60000);
});
