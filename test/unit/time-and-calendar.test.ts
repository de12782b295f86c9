import { describe, expect, it } from 'vitest';
import { dayFromWeeklyHours, demoWeeklyHours, hoursProblem, isOpeningDay, latestClosing } from '../../functions/domain/calendar.js';
import { addDays, isCalendarDate, tokyoDate, tokyoInstant, tokyoIso, tokyoTime } from '../../functions/domain/tokyo-time.js';

describe('SPEC 2 time is Asia/Tokyo', () => {
  it('the JST date changes at 15:00 UTC', () => {
    expect(tokyoDate(new Date('2026-11-29T14:59:59Z'))).toBe('2026-11-29');
    expect(tokyoDate(new Date('2026-11-29T15:00:00Z'))).toBe('2026-11-30');
    expect(tokyoTime(new Date('2026-11-29T22:00:00Z'))).toBe('07:00');
    expect(tokyoIso(new Date('2026-11-29T22:00:00Z'))).toBe('2026-11-30T07:00:00+09:00');
  });
  it('a JST date and time is one instant', () => {
    expect(tokyoInstant('2026-12-01', '07:00').toISOString()).toBe('2026-11-30T22:00:00.000Z');
  });
  it('date arithmetic crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['20261201', false],
  ])('%s is a calendar date: %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));
});

describe('SPEC 2 demo hours and opening days', () => {
  it('Tue–Fri 09:30–19:00, Sat–Sun 09:30–17:00, Monday closed', () => {
    expect(dayFromWeeklyHours('central', '2026-11-30', demoWeeklyHours)).toEqual({ branch: 'central', date: '2026-11-30', open: false });
    expect(dayFromWeeklyHours('central', '2026-12-01', demoWeeklyHours)).toMatchObject({ open: true, opensAt: '09:30', closesAt: '19:00' });
    expect(dayFromWeeklyHours('central', '2026-12-05', demoWeeklyHours)).toMatchObject({ open: true, closesAt: '17:00' });
  });
  it('an opening day has at least one open branch; latest closing is the latest of the open ones', () => {
    const days = [
      { branch: 'a', date: 'd', open: false },
      { branch: 'b', date: 'd', open: true, opensAt: '09:30', closesAt: '17:00' },
      { branch: 'c', date: 'd', open: true, opensAt: '09:30', closesAt: '19:00' },
    ];
    expect(isOpeningDay(days)).toBe(true);
    expect(latestClosing(days)).toBe('19:00');
    expect(isOpeningDay([days[0]!])).toBe(false);
    expect(latestClosing([days[0]!])).toBeUndefined();
  });
  it('an open day needs opening before closing', () => {
    expect(hoursProblem({ open: false })).toBeUndefined();
    expect(hoursProblem({ open: true, closesAt: '17:00' })).toBe('opensAt');
    expect(hoursProblem({ open: true, opensAt: '17:00', closesAt: '17:00' })).toBe('closesAt');
    expect(hoursProblem({ open: true, opensAt: '09:30', closesAt: '17:00' })).toBeUndefined();
  });
});
