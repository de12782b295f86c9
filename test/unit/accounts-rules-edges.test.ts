import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../functions/domain/contact.js';
import { defaultLockoutPolicy, failureLocks, lockedUntil, nextLockLevel } from '../../functions/domain/lockout.js';
import { CARD_NUMBER_PATTERN } from '../../functions/domain/password-rules.js';

/** Edges of the SPEC 3 account rules that the main tests (accounts-domain.test.ts) leave open. */

describe('SPEC 3 card numbers are exactly 8 ASCII digits', () => {
  it('accepts 8 digits', () => expect(CARD_NUMBER_PATTERN.test('10000001')).toBe(true));
  it.each(['1000000', '100000011', 'x10000001', '10000001x', '１００００００１', '1000 0001', 'abcdefgh', ''])('refuses %j', (card) =>
    expect(CARD_NUMBER_PATTERN.test(card)).toBe(false),
  );
});

describe('SPEC 3 email addresses: what is an address at all', () => {
  it.each(['a@x.jp', 'taro@c.example.co.jp', 'taro@example.xn--wgv71a', 'taro@mail-1.example.com'])('accepts %s plainly', (address) =>
    expect(checkEmail(address)).toEqual({ ok: true }),
  );

  it.each([
    ['taro.example.jp', 'no @ at all'],
    ['@example.jp', 'nothing before the @'],
    ['taro@example@docomo.ne.jp', 'two @'],
    ['taro@localhost', 'a domain of one label'],
    ['taro@ex_ample.jp', 'an underscore in the domain'],
    ['taro@example-.jp', 'a label ending in a hyphen'],
    ['taro@example.1jp', 'a top-level domain starting with a digit'],
    ['taro@example.jp1', 'a top-level domain ending with a digit'],
    ['taro@mail.example.123', 'a numeric top-level domain'],
    ['taro@example.xn--', 'an empty internationalised top-level domain'],
  ])('rejects %s (%s)', (address) => expect(checkEmail(address)).toEqual({ ok: false }));

  it('an address may be 254 characters long, not more', () => {
    const domainOf = (length: number) => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(length - 131)}.jp`;
    const longest = `${'t'.repeat(64)}@${domainOf(189)}`;
    expect(longest).toHaveLength(254);
    expect(checkEmail(longest)).toEqual({ ok: true });
    const tooLong = `${'t'.repeat(64)}@${domainOf(190)}`;
    expect(tooLong).toHaveLength(255);
    expect(checkEmail(tooLong)).toEqual({ ok: false });
  });
});

describe('SPEC 3 a lock ends at its end instant', () => {
  it('logins are refused until the instant the lock ends, and allowed from then on', () => {
    const end = '2026-12-01T01:15:00.000Z';
    expect(lockedUntil({ lockedUntil: end }, new Date('2026-12-01T01:14:59.999Z'))?.toISOString()).toBe(end);
    expect(lockedUntil({ lockedUntil: end }, new Date(end))).toBeUndefined();
  });
});

describe('SPEC 3 the fifth failure within the window locks', () => {
  it('even when the failures since the last success are not a multiple of five (one failed earlier, in another window)', () => {
    expect(failureLocks(5, defaultLockoutPolicy, 6)).toBe(true);
    expect(failureLocks(4, defaultLockoutPolicy, 6)).toBe(false);
  });
});

describe('SPEC 12 lock levels from records written before levels existed', () => {
  it('a recent lock without a level makes the next lock a first one (15 minutes), not an undefined one', () => {
    const now = new Date('2026-12-01T02:00:00Z');
    expect(nextLockLevel({ lockedUntil: '2026-12-01T01:15:00.000Z' }, now, defaultLockoutPolicy)).toBe(1);
    expect(nextLockLevel({ lockLevel: 3 }, now, defaultLockoutPolicy)).toBe(1);
  });
});
