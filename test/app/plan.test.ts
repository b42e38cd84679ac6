// Planning a review run: inline vs body vs overflow, never twice, resolved findings, one review per head.
import { indexFilePatch, type DiffIndex } from '../../src/github/diff-index.js';
import { fingerprintMarker, headMarker, resolvedMarker } from '../../src/github/markers.js';
import { collectPriorState, isBotUser, planReview, type PriorComment, type PriorReview } from '../../src/github/plan.js';
import { finding } from './helpers.js';

const BOT = 'p2pdma-review[bot]';
const HEAD = 'b'.repeat(40);
const bot = { login: BOT, type: 'Bot' };

function idx(): DiffIndex {
  // Lines 1-20 are all added: every line anchors.
  const patch = '@@ -0,0 +1,20 @@\n' + Array.from({ length: 20 }, (_, i) => `+line ${i + 1}`).join('\n');
  return { files: new Map([['a.c', indexFilePatch('a.c', patch)]]) };
}

const f = (n: number, over = {}) => finding({ file: 'a.c', line: n, startLine: undefined, fingerprint: `fp${n}`, ...over });

function comment(id: number, body: string, at: string, user = bot, line = 1): PriorComment {
  return { id, body, path: 'a.c', line, created_at: at, user };
}
function review(id: number, body: string, at: string, user = bot): PriorReview {
  return { id, body, submitted_at: at, user };
}

describe('planReview', () => {
  test('orders errors first, inlines up to maxComments, overflows the rest, bodies unanchorable ones', () => {
    const findings = [f(5, { severity: 'warning' }), f(3), f(4), f(99), f(1, { severity: 'info' })];
    const plan = planReview(findings, collectPriorState([], [], BOT), idx(), { headSha: HEAD, maxComments: 2 });
    expect(plan.items.map((i) => [i.finding.fingerprint, i.status])).toEqual([
      ['fp3', 'inline'],
      ['fp4', 'inline'],
      ['fp99', 'body'],
      ['fp5', 'overflow'],
      ['fp1', 'overflow'],
    ]);
    expect(plan.postReview).toBe(true);
    expect(plan.resolved).toEqual([]);
  });

  test('a finding reported twice is planned once', () => {
    const plan = planReview([f(3), f(3)], collectPriorState([], [], BOT), idx(), { headSha: HEAD, maxComments: 30 });
    expect(plan.items).toHaveLength(1);
  });

  test('findings our bot posted before (inline or in a body) are not posted again', () => {
    const prior = collectPriorState(
      [comment(1, `x\n${fingerprintMarker('fp3')}`, '2025-01-01T00:00:00Z')],
      [review(2, `${headMarker('a'.repeat(40))}\n- **error** \`sg-nonpage-memory\` at \`a.c:4\`: m ${fingerprintMarker('fp4')}`, '2025-01-01T00:00:00Z')],
      BOT,
    );
    const plan = planReview([f(3), f(4), f(5)], prior, idx(), { headSha: HEAD, maxComments: 30 });
    expect(plan.items.map((i) => i.status)).toEqual(['posted', 'posted', 'inline']);
    expect(plan.postReview).toBe(true);
  });

  test('markers in other people\'s comments do not count (a PR author cannot silence a finding)', () => {
    const mallory = { login: 'mallory', type: 'User' };
    const prior = collectPriorState([comment(1, fingerprintMarker('fp3'), '2025-01-01T00:00:00Z', mallory)], [review(2, headMarker(HEAD), '2025-01-01T00:00:00Z', mallory)], BOT);
    const plan = planReview([f(3)], prior, idx(), { headSha: HEAD, maxComments: 30 });
    expect(plan.items[0].status).toBe('inline');
    expect(plan.postReview).toBe(true);
  });

  test('posted findings the head no longer produces are resolved, once', () => {
    const comments = [comment(1, `**Error** \`dma-map-sg-result\`\n${fingerprintMarker('fp7')}`, '2025-01-01T00:00:00Z', bot, 7), comment(3, fingerprintMarker('fp8'), '2025-01-01T00:00:00Z', bot, 8)];
    const first = planReview([f(8)], collectPriorState(comments, [], BOT), idx(), { headSha: HEAD, maxComments: 30 });
    expect(first.resolved).toEqual([{ id: 'fp7', ruleId: 'dma-map-sg-result', path: 'a.c', line: 7 }]);
    expect(first.items.map((i) => i.status)).toEqual(['posted']);
    expect(first.postReview).toBe(true); // to report the resolution

    // The review that reported it carries the resolved marker: the next run does not repeat it.
    const later = collectPriorState(comments, [review(4, `${headMarker(HEAD)}\n${resolvedMarker('fp7')}`, '2025-01-02T00:00:00Z')], BOT);
    const second = planReview([f(8)], later, idx(), { headSha: 'c'.repeat(40), maxComments: 30 });
    expect(second.resolved).toEqual([]);
    expect(second.postReview).toBe(false);
  });

  test('a finding reintroduced after it was resolved is posted again', () => {
    const prior = collectPriorState(
      [comment(1, fingerprintMarker('fp7'), '2025-01-01T00:00:00Z')],
      [review(4, resolvedMarker('fp7'), '2025-01-02T00:00:00Z')],
      BOT,
    );
    expect(planReview([f(7)], prior, idx(), { headSha: HEAD, maxComments: 30 }).items[0].status).toBe('inline');
  });

  test('a head commit that already has our review gets no second review', () => {
    const prior = collectPriorState([], [review(4, headMarker(HEAD), '2025-01-02T00:00:00Z')], BOT);
    const plan = planReview([f(3)], prior, idx(), { headSha: HEAD, maxComments: 30 });
    expect(plan.items[0].status).toBe('held');
    expect(plan.postReview).toBe(false);
  });

  test('nothing new and nothing resolved posts nothing', () => {
    const prior = collectPriorState([comment(1, fingerprintMarker('fp3'), '2025-01-01T00:00:00Z')], [], BOT);
    expect(planReview([f(3)], prior, idx(), { headSha: HEAD, maxComments: 30 }).postReview).toBe(false);
    expect(planReview([], collectPriorState([], [], BOT), idx(), { headSha: HEAD, maxComments: 30 }).postReview).toBe(false);
  });

  test('without a known bot login, only bot accounts count', () => {
    const prior = collectPriorState(
      [comment(1, fingerprintMarker('fp3'), '2025-01-01T00:00:00Z', { login: 'someone', type: 'User' }), comment(2, fingerprintMarker('fp4'), '2025-01-01T00:00:00Z', { login: 'github-actions[bot]', type: 'Bot' })],
      [],
      undefined,
    );
    expect([...prior.open.keys()]).toEqual(['fp4']);
  });
});

describe('isBotUser', () => {
  test('a bot is typed Bot or has a `[bot]` login; people and deleted accounts are not bots', () => {
    expect(isBotUser({ login: 'github-actions[bot]', type: 'Bot' })).toBe(true);
    expect(isBotUser({ login: 'renovate', type: 'Bot' })).toBe(true);
    expect(isBotUser({ login: 'p2pdma-review[bot]' })).toBe(true);
    expect(isBotUser({ login: 'someone', type: 'User' })).toBe(false);
    expect(isBotUser(null)).toBe(false);
  });
});
