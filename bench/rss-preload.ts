// Preloaded with `node --import` when /usr/bin/time is unavailable: at exit, writes the process's peak
// resident set size (KiB, from process.resourceUsage().maxRSS) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // maxRSS is process-wide, so worker threads of `--jobs N` are included.
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
