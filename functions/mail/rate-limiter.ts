import { setTimeout as delay } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

/** Milliseconds from some fixed origin; only differences matter. */
export interface MonotonicClock {
  now(): number;
}

export interface RateLimiterOptions {
  /** Most starts allowed in any one-second window (SES "maximum send rate"). */
  readonly ratePerSecond: number;
  /** Default: performance.now(), which wall-clock corrections cannot move backwards. */
  readonly clock?: MonotonicClock;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when the caller may start one more request. Calls share one budget. */
  acquire(): Promise<void>;
}

const monotonicClock: MonotonicClock = { now: () => performance.now() };
const realSleep = (ms: number): Promise<void> => delay(ms);

/**
 * Spaces request starts evenly, a whole number of milliseconds apart, rather than a token
 * bucket that lets `rate` requests out at once: a burst that lands at the end of one of
 * SES's seconds plus a burst at the start of the next can exceed the quota once network
 * jitter moves them, while even spacing leaves slack between every pair. Rounding the gap
 * up keeps any window of 1000 ms to at most `ratePerSecond` starts, without float drift.
 *
 * Slots are reserved synchronously, so concurrent callers never take the same one; a slot
 * is spent even if the request then fails (SES counts attempts too).
 */
export const createRateLimiter = (options: RateLimiterOptions): RateLimiter => {
  const { ratePerSecond, clock = monotonicClock, sleep = realSleep } = options;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
    throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  const gapMs = Math.max(1, Math.ceil(1000 / ratePerSecond));
  let nextFree = Number.NEGATIVE_INFINITY;

  return {
    async acquire() {
      const now = clock.now();
      const slot = Math.max(now, nextFree);
      nextFree = slot + gapMs;
      if (slot > now) await sleep(slot - now);
    },
  };
};
