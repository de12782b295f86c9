import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../functions/domain/contact.js';
import { initialPasswordFor, isValidPassword } from '../../functions/domain/password-rules.js';
import {
  attemptRecordExpiry,
  defaultLockoutPolicy,
  failureLocks,
  lockEndsAt,
  lockMinutesAt,
  lockedUntil,
  mayVerify,
  nextLockLevel,
  windowCutoff,
} from '../../functions/domain/lockout.js';

describe('SPEC 3 passwords', () => {
  it('the initial password is the birth month and day (born 1 April → 0401)', () => {
    expect(initialPasswordFor('1985-04-01')).toBe('0401');
    expect(initialPasswordFor('2000-12-31')).toBe('1231');
  });
  it.each(['0', '123456', '0401'])('accepts %s', (p) => expect(isValidPassword(p)).toBe(true));
  it.each(['', '1234567', '１２３', 'abc', '12a', ' 123', '12\n', '٣'])('refuses %j', (p) => expect(isValidPassword(p)).toBe(false));
});

describe('SPEC 3 email checks', () => {
  it.each(['a@example.jp', 'taro.yamada+lib@mail.example.co.jp', 'x_y-z@sub.example.com'])('accepts %s plainly', (a) => expect(checkEmail(a)).toEqual({ ok: true }));
  it.each(['taro.@docomo.ne.jp', 'ta..ro@ezweb.ne.jp', '.taro@example.jp'])('accepts %s with a warning', (a) =>
    expect(checkEmail(a)).toEqual({ ok: true, warning: 'EMAIL_MAY_NOT_ARRIVE' }),
  );
  it.each(['', 'plain', 'a@b', 'a@b.c1', 'a@-x.jp', 'a b@x.jp', 'a@x.jp\n', 'a\u0000@x.jp', '"a"@x.jp', 'a@x..jp', `${'a'.repeat(65)}@x.jp`])('rejects %j', (a) =>
    expect(checkEmail(a).ok).toBe(false),
  );
});

describe('SPEC 3 lockout policy (5 failures in 15 minutes lock for 15 minutes)', () => {
  const now = new Date('2026-12-01T01:00:00Z');
  it('only the first 5 attempts of a window may be verified, and the 5th failure locks', () => {
    expect(mayVerify(5, defaultLockoutPolicy)).toBe(true);
    expect(mayVerify(6, defaultLockoutPolicy)).toBe(false);
    expect(failureLocks(4, defaultLockoutPolicy)).toBe(false);
    expect(failureLocks(5, defaultLockoutPolicy)).toBe(true);
  });
  it('a lock lasts 15 minutes and a window reaches back 15 minutes', () => {
    expect(lockEndsAt(now, 1, defaultLockoutPolicy).toISOString()).toBe('2026-12-01T01:15:00.000Z');
    expect(windowCutoff(now, defaultLockoutPolicy).toISOString()).toBe('2026-12-01T00:45:00.000Z');
  });
  it('a past lock is no lock', () => {
    expect(lockedUntil({ lockedUntil: '2026-12-01T00:59:59.000Z' }, now)).toBeUndefined();
    expect(lockedUntil({ lockedUntil: '2026-12-01T01:00:01.000Z' }, now)?.toISOString()).toBe('2026-12-01T01:00:01.000Z');
    expect(lockedUntil({}, now)).toBeUndefined();
  });
  it('brute force over 10^6 PINs is impractical: years at the policy rate', () => {
    const guessesPerDay = (24 * 60 * defaultLockoutPolicy.maxFailures) / defaultLockoutPolicy.windowMinutes;
    expect(500_000 / guessesPerDay).toBeGreaterThan(365);
  });
});

describe('SPEC 12 escalating locks', () => {
  const policy = defaultLockoutPolicy;
  const now = new Date('2026-12-02T01:00:00Z');
  it('each further lock doubles: 15, 30, 60 … minutes, never more than 24 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 40].map((level) => lockMinutesAt(level, policy))).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
  });
  it('a lock within 24 hours of the end of the previous one is a further lock; later, or after a success, the first again', () => {
    expect(nextLockLevel({}, now, policy)).toBe(1);
    expect(nextLockLevel({ lockedUntil: '2026-12-01T01:00:01.000Z', lockLevel: 3 }, now, policy)).toBe(4);
    expect(nextLockLevel({ lockedUntil: '2026-12-01T01:00:00.000Z', lockLevel: 3 }, now, policy)).toBe(1);
  });
  it('the attempt record outlives the window, or the lock and the 24 hours after it', () => {
    expect(attemptRecordExpiry(now, {}, policy).toISOString()).toBe('2026-12-03T02:15:00.000Z');
    expect(attemptRecordExpiry(now, { lockedUntil: '2026-12-03T01:00:00.000Z' }, policy).toISOString()).toBe('2026-12-04T02:00:00.000Z');
  });
});
