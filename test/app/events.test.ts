// Which webhooks start a review, read from the payload alone.
import { triggerFromCheckRun, triggerFromPullRequest } from '../../src/github/events.js';
import { SHA, webhook } from './helpers.js';

const pr = (file: string) => webhook(file).payload;

test.each([
  ['pull_request.opened.json', 'pull_request.opened', 42, SHA.pr42v1],
  ['pull_request.reopened.json', 'pull_request.reopened', 42, SHA.pr42v2],
  ['pull_request.synchronize.json', 'pull_request.synchronize', 42, SHA.pr42v2],
  ['pull_request.ready_for_review.json', 'pull_request.ready_for_review', 43, SHA.pr43],
  ['pull_request.opened.draft.json', 'pull_request.opened', 43, SHA.pr43],
])('%s reviews #%s', (file, event, number, sha) => {
  expect(triggerFromPullRequest(pr(file))).toEqual({ run: { kind: 'pull_request', event, owner: 'p2pdma-lab', repo: 'linux', pullNumber: number, headSha: sha } });
});

test('other actions, closed pull requests and broken payloads are skipped with a reason', () => {
  expect(triggerFromPullRequest({ ...pr('pull_request.opened.json'), action: 'labeled' })).toEqual({ skip: 'pull_request.labeled does not trigger a review' });
  const closed = pr('pull_request.reopened.json');
  expect(triggerFromPullRequest({ ...closed, pull_request: { ...(closed.pull_request as object), state: 'closed' } })).toEqual({ skip: 'pull request #42 is closed' });
  expect(triggerFromPullRequest({ action: 'opened' })).toEqual({ skip: 'pull_request.opened payload lacks repository or pull request fields' });
});

test('check_run.rerequested reviews the pull request of this repository that the run belongs to', () => {
  const payload = pr('check_run.rerequested.json');
  expect(triggerFromCheckRun(payload)).toEqual({ run: { kind: 'rerequest', event: 'check_run.rerequested', owner: 'p2pdma-lab', repo: 'linux', pullNumber: 42, headSha: SHA.pr42v2 } });
  const run = payload.check_run as Record<string, unknown>;
  const elsewhere = { number: 7, head: { sha: SHA.pr42v2 }, base: { repo: { id: 1 } } };
  const here = (run.pull_requests as Array<Record<string, unknown>>)[0];
  expect(triggerFromCheckRun({ ...payload, check_run: { ...run, pull_requests: [elsewhere, here] } })).toMatchObject({ run: { pullNumber: 42 } });
  expect(triggerFromCheckRun({ ...payload, action: 'completed' })).toEqual({ skip: 'check_run.completed does not trigger a review' });
});
