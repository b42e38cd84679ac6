// The GitHub API client the App layer talks through (Probot's Octokit, paced by throttle.ts), who it
// writes as, and how to read its errors.
import type { Probot, ProbotOctokit } from 'probot';
import type { AppThrottle, ThrottleOptions } from './throttle.js';

/** An authenticated Octokit as Probot hands it to event handlers (`context.octokit`). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** The HTTP status of an Octokit RequestError, or undefined for anything else (network, bugs). */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A short, secret-free description of an API error for summaries: status and GitHub's message. */
export function describeApiError(error: unknown): string {
  const status = httpStatus(error);
  const data = (error as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  const message = typeof data?.message === 'string' ? data.message : error instanceof Error ? error.message : String(error);
  // Octokit error messages can embed the request URL; never the token (it is a header), but keep it short.
  return status ? `HTTP ${status}: ${message.split('\n')[0].slice(0, 300)}` : message.split('\n')[0].slice(0, 300);
}

/** What the factory of an `installation` auth request receives (octokit-auth-probot / @octokit/auth-app). */
interface AuthFactoryOptions {
  octokit: { constructor: unknown };
  octokitOptions: { throttle?: ThrottleOptions; auth?: Record<string, unknown>; [option: string]: unknown };
}

/**
 * An installation client like Probot's own (`app.auth(installationId)`: same class, base URL, token cache,
 * retries and logger) but with the App's request pacing. `probot run` offers no way to configure the
 * Octokit it builds, so the client is derived from Probot's app-level one through the auth `factory`
 * hook, exactly as Probot derives installation clients itself.
 */
export async function createInstallationClient(app: Probot, installationId: number | undefined, throttle: AppThrottle): Promise<GitHubClient> {
  const appOctokit = (await app.auth()) as unknown as { auth(options: object): Promise<unknown> };
  const client = await appOctokit.auth({
    type: 'installation',
    installationId,
    factory: ({ octokit, octokitOptions }: AuthFactoryOptions) => {
      const Client = octokit.constructor as new (options: object) => GitHubClient;
      return new Client({
        ...octokitOptions,
        throttle: throttle.forInstallation(octokitOptions.throttle, installationId),
        auth: { ...octokitOptions.auth, ...(installationId !== undefined ? { installationId } : {}) },
      });
    },
  });
  if (!client || typeof (client as GitHubClient).request !== 'function') throw new Error('Probot returned no installation client');
  return client as GitHubClient;
}

/**
 * The login the client's token writes as (`<app-slug>[bot]`, or `github-actions[bot]` for a workflow
 * token). GraphQL's `viewer` is the one query both kinds of installation token may make (`GET /app`
 * needs the App's JWT, `GET /user` a user token).
 */
export async function viewerLogin(octokit: GitHubClient): Promise<string> {
  const res = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
  return res.viewer.login;
}
