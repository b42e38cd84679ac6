// Starts the App the way `probot run dist/src/app.js` (npm start) does — same environment variables, same
// server — except that Octokit's request throttling is off, and with it the App's write pacing (the App's
// installation clients keep throttling off when Probot's is). The benchmark runs both to separate the App's
// own latency from the pacing of its requests (src/github/throttle.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProbotOctokit, run, type ApplicationFunction } from 'probot';

const appEntry = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app.js');
const app = ((await import(appEntry)) as { default: ApplicationFunction }).default;
await run(app, {
  // Function form: Probot merges its own throttle options over object defaults (see src/github/replay.ts).
  Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  })),
});
