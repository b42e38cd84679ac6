// The GitHub Action entry (action.yml `main`): runs the same App handler once, on the workflow's
// event, through @probot/adapter-github-actions with the workflow token.
import { run } from '@probot/adapter-github-actions';
import type { Probot } from 'probot';
import app from './app.js';

// Workflows that review pull requests from forks must use `pull_request_target` (the only event
// whose token may write reviews there); its payload is the pull_request payload, so the App's
// pull_request handlers serve it. The App never checks out or runs PR code, which is what makes
// pull_request_target safe here.
if (process.env.GITHUB_EVENT_NAME === 'pull_request_target') process.env.GITHUB_EVENT_NAME = 'pull_request';

// On GitHub Enterprise Server runners the API lives at https://<host>/api/v3 (GITHUB_API_URL);
// Probot derives the same URL from GHE_HOST.
const apiUrl = process.env.GITHUB_API_URL;
if (apiUrl && !process.env.GHE_HOST) {
  const url = new URL(apiUrl);
  if (url.hostname !== 'api.github.com' && url.pathname.replace(/\/$/, '') === '/api/v3') {
    process.env.GHE_HOST = url.host;
    process.env.GHE_PROTOCOL = url.protocol.replace(':', '');
  }
}

// The adapter logs handler errors and returns normally; the step must still fail when the review
// did not complete, so a handler error sets the exit code.
function actionApp(probot: Probot): void {
  void app(probot, { cwd: process.cwd(), addHandler: () => undefined });
  probot.onError(() => {
    process.exitCode = 1;
  });
}

// The adapter bundles its own Probot major; the application function only uses API both share.
await run(actionApp as unknown as Parameters<typeof run>[0]);
