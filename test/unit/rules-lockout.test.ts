import { describe, expect, it } from 'vitest';
import { defaultLockoutPolicy, failureLocks, lockMinutesAt } from '../../functions/domain/lockout.js';

describe('SPEC 3 / 12 which failure locks', () => {
  it('the fifth failure of a window locks', () => {
    expect(failureLocks(4, defaultLockoutPolicy, 4)).toBe(false);
    expect(failureLocks(5, defaultLockoutPolicy, 5)).toBe(true);
  });
  it('every fifth failure since the last success locks, in whatever window it falls', () => {
    expect(failureLocks(1, defaultLockoutPolicy, 5)).toBe(true);
    expect(failureLocks(1, defaultLockoutPolicy, 6)).toBe(false);
    expect(failureLocks(2, defaultLockoutPolicy, 10)).toBe(true);
    expect(failureLocks(3, defaultLockoutPolicy, 12)).toBe(false);
  });
  it('a guesser gets 35 tries in the first day and 5 a day after that, however they pace them', () => {
    // Five tries, then the next lock; locks within 24 h of each other double, up to 24 h.
    const day = 24 * 60;
    let elapsed = 0;
    let tries = 0;
    let firstDay = 0;
    for (let level = 1; elapsed < 30 * day; level += 1) {
      tries += 5;
      if (elapsed < day) firstDay = tries;
      elapsed += lockMinutesAt(level, defaultLockoutPolicy);
    }
    expect(firstDay).toBe(35);
    // 366 initial passwords (birth MMDD) need 183 tries on average: more than 30 days.
    expect(tries).toBeLessThan(183);
  });
});
