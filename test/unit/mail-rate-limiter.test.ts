import { describe, expect, it } from 'vitest';
import type { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { createSesMailer, type MailMessage } from '../../functions/mail/mailer.js';
import { createRateLimiter } from '../../functions/mail/rate-limiter.js';

/** A clock that moves only when every caller is asleep: sleepers wake in time order. */
const fakeTime = () => {
  let now = 0;
  const sleepers: { until: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    clock: { now: () => now },
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    /** Lets idle time pass, e.g. between two runs. */
    pass(ms: number) {
      now += ms;
    },
    /** Runs until nobody sleeps and nothing is pending. */
    async runAll() {
      for (;;) {
        await settle();
        if (sleepers.length === 0) return;
        sleepers.sort((a, b) => a.until - b.until);
        const next = sleepers.shift()!;
        now = Math.max(now, next.until);
        next.wake();
      }
    },
  };
};

/** The largest number of starts inside any window [t, t + 1000). */
const busiestSecond = (starts: readonly number[]): number => {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

describe('SPEC 5.6 mail run stays within the SES send rate', () => {
  it('the window check itself counts a burst (so the assertions below can fail)', () => {
    expect(busiestSecond([0, 0, 0, 999, 1000])).toBe(4);
    expect(busiestSecond([0, 500, 1000, 1500])).toBe(2);
  });

  it.each([1, 3, 7, 14, 50])('SPEC 5.6: %i/s — 60 concurrent sends, no one-second window holds more', async (rate) => {
    const time = fakeTime();
    const limiter = createRateLimiter({ ratePerSecond: rate, clock: time.clock, sleep: time.sleep });
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 60 }, () => limiter.acquire().then(() => starts.push(time.clock.now()))));
    await time.runAll();
    await all;

    expect(starts).toHaveLength(60);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(rate);
    // …and it does not crawl: the run takes about 60/rate seconds, not more.
    const gap = Math.ceil(1000 / rate);
    expect(Math.max(...starts)).toBe(59 * gap);
    expect(busiestSecond(starts)).toBe(rate);
  });

  it('SPEC 5.6: callers in separate loops share one budget', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ ratePerSecond: 14, clock: time.clock, sleep: time.sleep });
    const starts: number[] = [];
    const caller = async (sends: number) => {
      for (let i = 0; i < sends; i++) {
        await limiter.acquire();
        starts.push(time.clock.now());
      }
    };
    const all = Promise.all([caller(25), caller(25), caller(25)]);
    await time.runAll();
    await all;

    expect(starts).toHaveLength(75);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(14);
  });

  it('SPEC 5.6: after idle time the next send goes at once, without sleeping', async () => {
    const time = fakeTime();
    const slept: number[] = [];
    const limiter = createRateLimiter({
      ratePerSecond: 14,
      clock: time.clock,
      sleep: (ms) => {
        slept.push(ms);
        return time.sleep(ms);
      },
    });
    await limiter.acquire();
    time.pass(5_000);
    await limiter.acquire();
    expect(slept).toEqual([]);
    const second = limiter.acquire();
    await time.runAll();
    await second;
    expect(slept).toEqual([72]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('a rate of %s is refused', (rate) => {
    expect(() => createRateLimiter({ ratePerSecond: rate })).toThrow(RangeError);
  });

  it('SPEC 5.6: concurrent callers of one SES mailer share its budget', async () => {
    const time = fakeTime();
    const sentAt: number[] = [];
    // Only the transport is replaced here, to watch timing; test/integration/ses-mailer.test.ts
    // sends through the real SDK to the SES emulator.
    const client = {
      send: async (_command: SendEmailCommand) => {
        sentAt.push(time.clock.now());
        return { MessageId: `m-${sentAt.length}` };
      },
    } as unknown as SESClient;
    const mailer = createSesMailer({ client, ratePerSecond: 14, clock: time.clock, sleep: time.sleep });
    const message = (i: number): MailMessage => ({
      to: `patron-${i}@example.jp`,
      from: 'central@library-mito.jp',
      subject: '件名',
      text: '本文',
      html: '<p>本文</p>',
    });
    const batch = (offset: number) => Promise.all(Array.from({ length: 20 }, (_, i) => mailer.send(message(offset + i))));
    const all = Promise.all([batch(0), batch(100)]);
    await time.runAll();
    const results = (await all).flat();

    expect(sentAt).toHaveLength(40);
    expect(busiestSecond(sentAt)).toBeLessThanOrEqual(14);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(40);
  });

  it('SPEC 5.6: an SES error reaches the caller, so the items stay unnotified', async () => {
    const client = {
      send: async () => {
        throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
      },
    } as unknown as SESClient;
    const mailer = createSesMailer({ client, ratePerSecond: 14 });
    await expect(mailer.send({ to: 'a@example.jp', from: 'central@library-mito.jp', subject: 's', text: 't', html: 'h' })).rejects.toThrow(
      'Maximum sending rate exceeded.',
    );
  });
});
