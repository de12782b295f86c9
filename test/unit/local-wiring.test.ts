import { describe, expect, it } from 'vitest';
import { createRouteMatcher } from '../../lib/local/route-matcher.js';
import { runsBetween } from '../../lib/local/schedule-times.js';
import { LocalClock } from '../../lib/local/local-clock.js';
import { languageOf } from '../../functions/common/http/language.js';
import { routes } from '../../functions/wiring.js';

describe('local HTTP routing matches API Gateway', () => {
  const match = createRouteMatcher(routes);
  it('fills path parameters from one segment each, decoded', () => {
    expect(match('POST', '/admin/patrons/10000001/internet-password')).toMatchObject({
      routeKey: 'POST /admin/patrons/{cardNumber}/internet-password',
      pathParameters: { cardNumber: '10000001' },
    });
    expect(match('PUT', '/admin/calendar/central/2026-12-01')?.pathParameters).toEqual({ branch: 'central', date: '2026-12-01' });
  });
  it('method and segment count must match', () => {
    expect(match('GET', '/api/login')).toBeUndefined();
    expect(match('POST', '/admin/patrons/1/2/internet-password')).toBeUndefined();
    expect(match('GET', '/api/me/')).toBeUndefined();
  });
});

describe('SPEC 8 schedules on the local clock', () => {
  const at = (iso: string) => new Date(iso);
  it('a day holds one 07:00 run, 10-minute runs from 07:00 to 23:50, 08:00 notices and 06:00 expiry', () => {
    const day = runsBetween(at('2026-12-01T00:00:00+09:00'), at('2026-12-02T00:00:00+09:00'));
    expect(day.filter((r) => r.schedule === 'daily-0700')).toHaveLength(1);
    expect(day.filter((r) => r.schedule === 'every-10-minutes')).toHaveLength(17 * 6);
    expect(day.filter((r) => r.job === 'pickup-notices').map((r) => r.scheduledTime.toISOString())).toEqual(['2026-11-30T23:00:00.000Z']);
    expect(day.filter((r) => r.job === 'hold-expiry').map((r) => r.scheduledTime.toISOString())).toEqual(['2026-11-30T21:00:00.000Z']);
  });
  it('the interval is open at the start and closed at the end', () => {
    expect(runsBetween(at('2026-12-01T06:00:00+09:00'), at('2026-12-01T06:00:00+09:00'))).toEqual([]);
    expect(runsBetween(at('2026-12-01T06:00:00+09:00'), at('2026-12-01T06:59:59+09:00'))).toEqual([]);
    expect(runsBetween(at('2026-12-01T05:59:59+09:00'), at('2026-12-01T06:00:00+09:00'))).toHaveLength(1);
  });
});

describe('local clock', () => {
  it('keeps running from a set instant and returns to wall time', () => {
    let wall = 1_000_000;
    const clock = new LocalClock(() => wall);
    clock.set(new Date('2026-12-01T00:00:00Z'));
    wall += 5_000;
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:05.000Z');
    clock.set(null);
    expect(clock.now().getTime()).toBe(wall);
  });
});

describe('SPEC 7 language', () => {
  it.each([
    [undefined, 'ja'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['ja,en;q=0.8', 'ja'],
    ['fr', 'ja'],
  ])('Accept-Language %s → %s', (header, lang) => expect(languageOf(header)).toBe(lang));
});
