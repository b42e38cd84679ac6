// The App's request pacing: a token bucket per installation for writes, the promise-based schedulers
// that stand in for Bottleneck, the write-burst setting, and the plugin-throttling options installation
// clients get (rate limits retried, throttling-off kept off), checked through a real throttled Octokit.
import { ProbotOctokit } from 'probot';
import { startSimulator, addRepo } from '../../src/github/simulator/index.js';
import {
  createAppThrottle,
  createConcurrencyLimit,
  createPacer,
  createRetryScheduler,
  DEFAULT_WRITE_BURST,
  RATE_LIMIT_RETRIES,
  WRITE_BURST_ENV,
  writeBurstFromEnv,
  type ThrottleOptions,
} from '../../src/github/throttle.js';

/** A pacer on a fake clock: `sleep` advances the clock and records how long each request was held. */
function pacedClock(burst: number, intervalMs = 1000) {
  let t = 0;
  const waits: number[] = [];
  const pacer = createPacer({
    burst,
    intervalMs,
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return {
    pacer,
    waits,
    advance: (ms: number) => void (t += ms),
    /** Schedules n requests of `id` at the current time; resolves with how long each was held. */
    async burstOf(n: number, id = 'inst-1', options: { weight?: number } = {}) {
      const before = waits.length;
      await Promise.all(Array.from({ length: n }, () => pacer.key(id).schedule(options, () => undefined)));
      const held = waits.slice(before);
      return [...Array(n - held.length).fill(0), ...held];
    },
  };
}

describe('createPacer', () => {
  test('the first `burst` writes pass at once, then one per interval, in arrival order', async () => {
    const c = pacedClock(3);
    expect(await c.burstOf(5)).toEqual([0, 0, 0, 1000, 2000]);
  });

  test('burst 1 is plugin-throttling\'s own pacing: one write per second', async () => {
    const c = pacedClock(1);
    expect(await c.burstOf(3)).toEqual([0, 1000, 2000]);
  });

  test('the bucket refills at one write per interval, up to the burst', async () => {
    const c = pacedClock(3);
    await c.burstOf(3);
    c.advance(1000);
    expect(await c.burstOf(2)).toEqual([0, 1000]);
    c.advance(60_000);
    expect(await c.burstOf(4)).toEqual([0, 0, 0, 1000]);
  });

  test('installations have their own buckets', async () => {
    const c = pacedClock(2);
    expect(await c.burstOf(3, 'inst-1')).toEqual([0, 0, 1000]);
    expect(await c.burstOf(2, 'inst-2')).toEqual([0, 0]);
  });

  test('a retry (weight 0, after retry-after) is not held again and uses no token', async () => {
    const c = pacedClock(1);
    await c.burstOf(1);
    expect(await c.burstOf(2, 'inst-1', { weight: 0 })).toEqual([0, 0]);
    c.advance(1000);
    expect(await c.burstOf(1)).toEqual([0]);
  });

  test('the job runs after the wait and its result is returned', async () => {
    const pacer = createPacer({ burst: 1, intervalMs: 1000 });
    await expect(pacer.key('x').schedule({}, async () => 42)).resolves.toBe(42);
  });
});

describe('createConcurrencyLimit', () => {
  test('at most `max` jobs of one key run at once; the rest start in arrival order as slots free', async () => {
    const limit = createConcurrencyLimit(2);
    const log: string[] = [];
    const finish = new Map<string, () => void>();
    const job = (name: string) => () => {
      log.push(name);
      return new Promise<string>((resolve) => finish.set(name, () => resolve(name)));
    };
    const settle = () => new Promise((r) => setImmediate(r));
    const all = ['a', 'b', 'c', 'd'].map((n) => limit.key('inst').schedule({}, job(n)));
    const other = limit.key('other').schedule({}, job('x'));
    await settle();
    expect(log).toEqual(['a', 'b', 'x']);
    finish.get('b')!();
    await settle();
    expect(log).toEqual(['a', 'b', 'x', 'c']);
    finish.get('a')!();
    await settle();
    expect(log).toEqual(['a', 'b', 'x', 'c', 'd']);
    for (const name of ['c', 'd', 'x']) finish.get(name)!();
    await expect(Promise.all([...all, other])).resolves.toEqual(['a', 'b', 'c', 'd', 'x']);
  });

  test('a failing job frees its slot and passes the error on', async () => {
    const limit = createConcurrencyLimit(1);
    await expect(limit.key('k').schedule({}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.key('k').schedule({}, async (x: number) => x * 2, 21)).resolves.toBe(42);
  });
});

describe('createRetryScheduler', () => {
  test('without a retry answer the error stands; with one the job runs again after that many ms', async () => {
    const slept: number[] = [];
    const retry = createRetryScheduler({ sleep: async (ms) => void slept.push(ms) });
    const seen: Array<{ args: unknown[]; retryCount: number }> = [];
    retry.on('failed', (error, info) => {
      seen.push(info);
      return (error as Error).message === 'rate limited' && info.retryCount < 2 ? 250 : undefined;
    });
    let calls = 0;
    const flaky = async (a: string, b: string) => {
      calls++;
      if (calls < 3) throw new Error('rate limited');
      return `${a}${b}`;
    };
    await expect(retry.schedule(flaky, 'o', 'k')).resolves.toBe('ok');
    expect(slept).toEqual([250, 250]);
    expect(seen).toEqual([{ args: ['o', 'k'], retryCount: 0 }, { args: ['o', 'k'], retryCount: 1 }]);
    await expect(retry.schedule(async () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
  });

  test('a listener that throws means no retry', async () => {
    const retry = createRetryScheduler({ sleep: async () => undefined });
    retry.on('failed', () => {
      throw new Error('listener bug');
    });
    await expect(retry.schedule(async () => Promise.reject(new Error('original')))).rejects.toThrow('original');
  });
});

describe('writeBurstFromEnv', () => {
  test('unset or empty: the default', () => {
    expect(writeBurstFromEnv({})).toEqual({ burst: DEFAULT_WRITE_BURST });
    expect(writeBurstFromEnv({ [WRITE_BURST_ENV]: ' ' })).toEqual({ burst: DEFAULT_WRITE_BURST });
  });

  test('a positive integer is taken', () => {
    expect(writeBurstFromEnv({ [WRITE_BURST_ENV]: '1' })).toEqual({ burst: 1 });
    expect(writeBurstFromEnv({ [WRITE_BURST_ENV]: '20' })).toEqual({ burst: 20 });
  });

  test.each(['0', '-3', '1.5', 'ten'])('%j falls back to the default and says why', (value) => {
    const r = writeBurstFromEnv({ [WRITE_BURST_ENV]: value });
    expect(r.burst).toBe(DEFAULT_WRITE_BURST);
    expect(r.problem).toContain(`${WRITE_BURST_ENV}=${JSON.stringify(value)} is not a positive integer`);
  });
});

describe('createAppThrottle().forInstallation', () => {
  const probotDefaults: ThrottleOptions = { enabled: true, id: 'no-id', onRateLimit: () => false, onSecondaryRateLimit: () => false, retryAfterBaseValue: 1000 };

  test('throttling switched off stays off', () => {
    const off = { enabled: false };
    expect(createAppThrottle(10).forInstallation(off, 7)).toBe(off);
    expect(createAppThrottle(10).forInstallation(undefined, 7)).toBeUndefined();
  });

  test('installation id, the App\'s write and notification pacing, and other settings kept', () => {
    const t = createAppThrottle(10).forInstallation(probotDefaults, 48151623)!;
    expect(t).toMatchObject({ enabled: true, id: '48151623', retryAfterBaseValue: 1000 });
    expect(typeof (t.write as { key?: unknown }).key).toBe('function');
    expect(typeof (t.notifications as { key?: unknown }).key).toBe('function');
    expect(t.write).not.toBe(t.notifications);
  });

  test('clients of one process share the buckets', () => {
    const throttle = createAppThrottle(10);
    expect(throttle.forInstallation(probotDefaults, 1)!.write).toBe(throttle.forInstallation(probotDefaults, 2)!.write);
  });

  test('with a Redis connection (REDIS_URL), plugin-throttling\'s shared limiters stay', () => {
    const t = createAppThrottle(10).forInstallation({ ...probotDefaults, connection: {} }, 5)!;
    expect(t.write).toBeUndefined();
    expect(t.notifications).toBeUndefined();
    expect(t.global).toBeUndefined();
    expect(t.retryLimiter).toBeUndefined();
    expect(t.id).toBe('5');
  });

  test('each client gets its own retry scheduler (the plugin adds its retry listener per client)', () => {
    const throttle = createAppThrottle(10);
    const a = throttle.forInstallation(probotDefaults, 1)!;
    const b = throttle.forInstallation(probotDefaults, 1)!;
    expect(a.retryLimiter).toBeDefined();
    expect(a.retryLimiter).not.toBe(b.retryLimiter);
    expect(a.global).toBe(b.global);
  });

  test.each(['onSecondaryRateLimit', 'onRateLimit'] as const)('%s retries twice after retry-after, then gives up, logging each', (handler) => {
    const t = createAppThrottle(10).forInstallation(probotDefaults, 5)!;
    const warnings: string[] = [];
    const octokit = { log: { warn: (m: string) => void warnings.push(m) } };
    const request = { method: 'POST', url: '/repos/o/r/pulls/1/reviews' };
    const answers = [0, 1, 2].map((retryCount) => t[handler]!(30, request, octokit, retryCount));
    expect(answers).toEqual([true, true, false]);
    expect(RATE_LIMIT_RETRIES).toBe(2);
    expect(warnings[0]).toMatch(/rate limit on POST \/repos\/o\/r\/pulls\/1\/reviews: retrying in 30 s/);
    expect(warnings[2]).toMatch(/giving up$/);
  });
});

test('plugin-throttling paces an installation client\'s writes with the App\'s bucket, reads not at all', async () => {
  const sim = await startSimulator({ tokens: { tok: 'p2pdma-review' }, validate: false });
  addRepo(sim.state, { owner: 'o', name: 'r' });
  try {
    // Burst 1 and a clock that stands still: every write after the first waits a full interval more.
    const slept: number[] = [];
    const throttle = createAppThrottle(1, { now: () => 0, sleep: async (ms) => void slept.push(ms) });
    const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const probotThrottle: ThrottleOptions = { enabled: true, onRateLimit: () => false, onSecondaryRateLimit: () => false };
    const octokit = new ProbotOctokit({ auth: { token: 'tok' }, baseUrl: sim.url, log, throttle: throttle.forInstallation(probotThrottle, 77) as never });
    const create = () => octokit.rest.checks.create({ owner: 'o', repo: 'r', name: 'x', head_sha: 'a'.repeat(40) });
    await create();
    await octokit.rest.repos.getContent({ owner: 'o', repo: 'r', path: 'none' }).catch(() => undefined);
    await create();
    await create();
    expect(slept).toEqual([1000, 2000]);
  } finally {
    await sim.close();
  }
});
