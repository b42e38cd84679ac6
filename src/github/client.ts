// The GitHub API client the App layer talks through (Probot's Octokit), and how to read its errors.
import type { ProbotOctokit } from 'probot';

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
