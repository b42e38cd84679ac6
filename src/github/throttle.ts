// How the App paces its GitHub requests. @octokit/plugin-throttling stays on and decides as before:
// secondary and primary rate-limit responses are retried after GitHub's `retry-after` (or the limit's
// reset) through the App's handlers. Two things change, both through the plugin's own options:
//
// - Writes: the plugin's fixed one-second gap between writes becomes a token bucket per installation,
//   so the two writes of one event go out at once while a sustained stream of writes is still held to
//   one per second. GitHub asks integrators to make content-creating requests serially and, when making
//   *many* of them, at least one second apart; its secondary limit is 80 content-creating requests a
//   minute. A bucket of B writes refilled one per second allows at most B + 60 writes in any minute, so
//   the default B = 10 stays under that limit, and B = 1 is exactly the plugin's own pacing.
//   https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
// - Scheduling: the plugin's Bottleneck limiters yield to the event loop with setTimeout(0) about eight
//   times per request, which costs 8 ms or more per request (about 80 ms per reviewed event) even when
//   nothing is limited. The same roles (the retry loop, the per-installation concurrency cap of 10) are
//   filled here with plain promises that wait only when there is something to wait for.

/** Environment variable: how many writes one installation may send back to back before pacing applies. */
export const WRITE_BURST_ENV = 'P2PDMA_REVIEW_WRITE_BURST';
/** Default burst: one event needs 2 writes (review, check run), so a few events at once are not delayed. */
export const DEFAULT_WRITE_BURST = 10;
// Sustained rate of writes per installation: plugin-throttling's (and GitHub's) one per second.
const WRITE_INTERVAL_MS = 1000;
// Sustained rate of writes that notify people (reviews, comments): plugin-throttling's one per 3 s.
const NOTIFYING_WRITE_INTERVAL_MS = 3000;
// plugin-throttling's cap on concurrent requests per installation (GitHub allows 100 in all).
const MAX_CONCURRENT_REQUESTS = 10;
/**
 * plugin-throttling retries a rate-limited request at most this often (after `retry-after`, through the
 * App's handlers); a 403 then stands. A 429 that gets through goes on to Probot's plugin-retry, which
 * retries any status outside its do-not-retry list (403 is in it, 429 is not) up to 3 more times with its
 * own back-off: a persistent secondary-limit 429 is sent 6 times in all.
 */
export const RATE_LIMIT_RETRIES = 2;

/** A job as plugin-throttling schedules it: a function and its arguments. */
type Job<T> = (...args: never[]) => T | PromiseLike<T>;

/** The part of a Bottleneck group plugin-throttling uses: one limiter per key (installation). */
export interface SchedulerGroup {
  key(id: string): { schedule<T>(options: { weight?: number }, job: Job<T>, ...args: unknown[]): Promise<T> };
}

/** Injected clock and timer, for deterministic tests. */
export interface Clock {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Options of {@link createPacer}. */
export interface PacerOptions extends Clock {
  /** Requests one key may send at once before pacing applies (≥ 1). */
  burst: number;
  /** Sustained spacing between requests of one key. */
  intervalMs: number;
}

/**
 * A token bucket per key (GCRA form: one "theoretical arrival time" per key). Grants are computed when a
 * request arrives, so they are in arrival order. Retries (`weight: 0`, how plugin-throttling schedules a
 * retry after `retry-after`) pass at once: they already waited what GitHub asked for.
 */
export function createPacer(options: PacerOptions): SchedulerGroup {
  const burst = Math.max(1, Math.floor(options.burst));
  const interval = options.intervalMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const arrival = new Map<string, number>();

  function grantAt(id: string, t: number): number {
    if (!arrival.has(id)) {
      // Keys whose bucket has refilled completely carry no state: forget them (one key per installation).
      for (const [key, tat] of arrival) if (tat <= t) arrival.delete(key);
    }
    const tat = Math.max(arrival.get(id) ?? t, t) + interval;
    arrival.set(id, tat);
    return Math.max(t, tat - burst * interval);
  }

  return {
    key: (id) => ({
      async schedule(opts, job, ...args) {
        if (opts?.weight !== 0) {
          const t = now();
          const wait = grantAt(id, t) - t;
          if (wait > 0) await sleep(wait);
        }
        return job(...(args as never[]));
      },
    }),
  };
}

/** At most `max` jobs of one key run at once; the others wait in arrival order. */
export function createConcurrencyLimit(max: number): SchedulerGroup {
  const keys = new Map<string, { running: number; waiting: Array<() => void> }>();
  return {
    key: (id) => ({
      async schedule(_opts, job, ...args) {
        let slot = keys.get(id);
        if (!slot) keys.set(id, (slot = { running: 0, waiting: [] }));
        if (slot.running >= max) await new Promise<void>((resolve) => slot.waiting.push(resolve));
        else slot.running++;
        try {
          return await job(...(args as never[]));
        } finally {
          // The slot passes straight to the next waiter, or is given back.
          const next = slot.waiting.shift();
          if (next) next();
          else if (--slot.running === 0) keys.delete(id);
        }
      },
    }),
  };
}

/** What plugin-throttling's retry listener is told about a failed request (Bottleneck's event info). */
type FailedListener = (error: unknown, info: { args: unknown[]; retryCount: number }) => unknown;

/** The part of a Bottleneck limiter plugin-throttling uses to retry: `schedule` and the `failed` event. */
export interface RetryScheduler {
  schedule<T>(job: Job<T>, ...args: unknown[]): Promise<T>;
  on(event: string, listener: FailedListener): void;
}

/**
 * Runs a job and, when it fails, asks the `failed` listener whether to retry: an answer in milliseconds
 * has the job run again after that long, as Bottleneck does. plugin-throttling registers one listener
 * per client (this scheduler is per client), which answers for rate-limit responses only, when the
 * App's handler wants the retry.
 */
export function createRetryScheduler(clock: Clock = {}): RetryScheduler {
  const sleep = clock.sleep ?? realSleep;
  let onFailed: FailedListener | undefined;
  return {
    on(event, listener) {
      if (event === 'failed') onFailed = listener;
    },
    async schedule(job, ...args) {
      for (let retryCount = 0; ; retryCount++) {
        try {
          return await job(...(args as never[]));
        } catch (error) {
          // A listener that throws counts as "no retry" (Bottleneck reports it and moves on).
          const after = await Promise.resolve()
            .then(() => onFailed?.(error, { args, retryCount }))
            .catch(() => undefined);
          if (after == null) throw error;
          const ms = Math.trunc(Number(after)) || 0;
          if (ms > 0) await sleep(ms);
        }
      }
    },
  };
}

/** The write burst from the environment: a positive integer, else the default (with the reason). */
export function writeBurstFromEnv(env: NodeJS.ProcessEnv = process.env): { burst: number; problem?: string } {
  const raw = env[WRITE_BURST_ENV];
  if (raw === undefined || raw.trim() === '') return { burst: DEFAULT_WRITE_BURST };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    return { burst: DEFAULT_WRITE_BURST, problem: `${WRITE_BURST_ENV}=${JSON.stringify(raw)} is not a positive integer; using ${DEFAULT_WRITE_BURST}` };
  }
  return { burst: value };
}

/** plugin-throttling options as Octokit carries them (only the fields read or written here are typed). */
export interface ThrottleOptions {
  enabled?: boolean;
  id?: string;
  connection?: unknown;
  onRateLimit?: LimitHandler;
  onSecondaryRateLimit?: LimitHandler;
  [option: string]: unknown;
}

type LimitHandler = (retryAfter: number, options: { method: string; url: string }, octokit: { log: { warn(msg: string): void } }, retryCount: number) => boolean;

/** The App's pacing, shared by every installation client of the process (keyed by installation). */
export interface AppThrottle {
  /** The throttle options of an installation client, derived from the ones Probot configured. */
  forInstallation(inherited: ThrottleOptions | undefined, installationId: number | undefined): ThrottleOptions | undefined;
}

/** Creates the process-wide pacing with a given write burst. */
export function createAppThrottle(burst: number, clock: Clock = {}): AppThrottle {
  const write = createPacer({ ...clock, burst, intervalMs: WRITE_INTERVAL_MS });
  const notifications = createPacer({ ...clock, burst, intervalMs: NOTIFYING_WRITE_INTERVAL_MS });
  const global = createConcurrencyLimit(MAX_CONCURRENT_REQUESTS);
  const retry =
    (kind: string): LimitHandler =>
    (retryAfter, request, octokit, retryCount) => {
      const again = retryCount < RATE_LIMIT_RETRIES;
      octokit.log.warn(`${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return again;
    };
  const handlers = { onRateLimit: retry('primary'), onSecondaryRateLimit: retry('secondary') };
  return {
    forInstallation(inherited, installationId) {
      // Throttling switched off (tests, replay's dry run) stays off.
      if (!inherited || inherited.enabled === false) return inherited;
      const id = installationId === undefined ? inherited.id : String(installationId);
      // With REDIS_URL, Probot shares plugin-throttling's limiters across processes through Redis; an
      // in-process bucket would not see the other processes' requests, so the shared limiters stay.
      if (inherited.connection !== undefined) return { ...inherited, ...handlers, id };
      // The retry scheduler is per client: the plugin registers its retry listener once per client.
      return { ...inherited, ...handlers, id, write, notifications, global, retryLimiter: createRetryScheduler(clock) };
    },
  };
}
