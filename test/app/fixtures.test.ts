// The recorded webhooks are what GitHub sends (validated against GitHub's published webhook schemas),
// and the App manifest and Action metadata ask for exactly what the App uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadOpenApiValidator } from '../../src/github/simulator/openapi.js';
import { PULL_REQUEST_ACTIONS } from '../../src/github/events.js';
import { WEBHOOKS, webhook } from './helpers.js';

const recorded = readdirSync(WEBHOOKS).filter((f) => f.endsWith('.json')).sort();

test('every App event has a recorded webhook', () => {
  expect(recorded).toEqual([
    'check_run.rerequested.json',
    'pull_request.opened.draft.json',
    'pull_request.opened.json',
    'pull_request.ready_for_review.json',
    'pull_request.reopened.json',
    'pull_request.synchronize.json',
  ]);
});

test.each(recorded)('%s validates against GitHub\'s webhook schema', async (file) => {
  const validator = await loadOpenApiValidator();
  const { name, payload } = webhook(file);
  expect(validator.validateWebhook(name, payload.action as string, payload)).toEqual([]);
});

test('the schema check is real: a payload missing required fields is refused', async () => {
  const validator = await loadOpenApiValidator();
  const { payload } = webhook('pull_request.opened.json');
  const { sender: _sender, ...rest } = payload;
  expect(validator.validateWebhook('pull_request', 'opened', rest)).toEqual(["payload must have required property 'sender'"]);
  expect(validator.validateWebhook('pull_request', 'opened', { ...payload, action: 'closed' })).not.toEqual([]);
});

test('each recorded pull request head has its diff and head files in the repository state', () => {
  for (const file of recorded) {
    const { payload } = webhook(file);
    const pr = (payload.pull_request ?? (payload.check_run as { pull_requests: unknown[] }).pull_requests[0]) as { number: number; head: { sha: string } };
    const dir = join(WEBHOOKS, 'repos', 'p2pdma-lab', 'linux');
    expect(existsSync(join(dir, 'pulls', String(pr.number), `${pr.head.sha}.diff`))).toBe(true);
    expect(existsSync(join(dir, 'commits', pr.head.sha, 'drivers/misc/cmb_p2p/cmb_p2p.c'))).toBe(true);
  }
});

test('app.yml asks for the minimum permissions and exactly the events the App handles', () => {
  const manifest = parse(readFileSync('app.yml', 'utf8')) as Record<string, unknown>;
  expect(manifest.default_permissions).toEqual({ checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'write' });
  expect(manifest.default_events).toEqual(['check_run', 'pull_request']);
  expect(manifest.name).toBe('p2pdma-review');
  expect(PULL_REQUEST_ACTIONS).toEqual(['opened', 'reopened', 'synchronize', 'ready_for_review']);
});

test('action.yml runs the Action entry on node20 with the workflow token', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }> };
  expect(action.runs).toEqual({ using: 'node20', main: 'dist/src/action.js' });
  expect(existsSync('src/action.ts')).toBe(true);
  // @probot/adapter-github-actions reads the token from INPUT_TOKEN: the input must be called `token`.
  expect(action.inputs.token.default).toBe('${{ github.token }}');
});
