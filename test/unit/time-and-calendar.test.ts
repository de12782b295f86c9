import { describe, expect, it } from 'vitest';
import { branchDay, dayFromWeeklyHours, daysBetween, hoursProblem, isOpeningDay, latestClosing, weeklyHoursProblem } from '../../functions/domain/calendar.js';
import { demoWeeklyHours } from '../../lib/local/demo-branches.js';
import { dueDateFor } from '../../functions/domain/loans.js';
import { addDays, isCalendarDate, isClockTime, tokyoDate, tokyoInstant, tokyoIso, tokyoTime } from '../../functions/domain/tokyo-time.js';

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
    ['2026-12-01T10:00', false],
    ['2026-12-01 ', false],
    ['2026-W49-2', false],
    ['0000-01-01', false],
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

describe('SPEC 2 opening and closing times staff enter are HH:mm', () => {
  it.each(['00:00', '09:30', '19:00', '23:59'])('%s is a time', (value) => expect(isClockTime(value)).toBe(true));
  it.each(['24:00', '29:30', '9:30', '09:3', '09:60', '0930', '09:30:00', '109:30', '09:301', ' 09:30', '０９:３０', 'ab:cd'])('%j is not a time', (value) =>
    expect(isClockTime(value)).toBe(false),
  );
});

describe('SPEC 2 the demo week, day by day', () => {
  it.each([
    ['2026-11-29', 'Sunday', { opensAt: '09:30', closesAt: '17:00' }],
    ['2026-11-30', 'Monday', undefined],
    ['2026-12-01', 'Tuesday', { opensAt: '09:30', closesAt: '19:00' }],
    ['2026-12-02', 'Wednesday', { opensAt: '09:30', closesAt: '19:00' }],
    ['2026-12-03', 'Thursday', { opensAt: '09:30', closesAt: '19:00' }],
    ['2026-12-04', 'Friday', { opensAt: '09:30', closesAt: '19:00' }],
    ['2026-12-05', 'Saturday', { opensAt: '09:30', closesAt: '17:00' }],
  ])('%s (%s)', (date, _weekday, hours) => {
    expect(dayFromWeeklyHours('east', date, demoWeeklyHours)).toEqual(hours ? { branch: 'east', date, open: true, ...hours } : { branch: 'east', date, open: false });
  });

  it('a closed branch does not count for the latest closing time, even if its record still carries hours', () => {
    const days = [
      { branch: 'central', date: '2026-12-01', open: false, opensAt: '09:30', closesAt: '21:00' },
      { branch: 'east', date: '2026-12-01', open: true, opensAt: '09:30', closesAt: '17:00' },
    ];
    expect(latestClosing(days)).toBe('17:00');
  });
});

describe('SPEC 2 weekly hours with exceptions answer for any date', () => {
  const nenmatsu = [
    { branch: 'central', date: '2028-12-29', open: false },
    { branch: 'central', date: '2028-12-30', open: false },
  ];
  const holidayHours = { branch: 'east', date: '2028-12-04', open: true, opensAt: '10:00', closesAt: '15:00' };

  it('two years ahead with no data generated: the weekday decides (2028-12-05 is a Tuesday, 2028-12-04 a Monday)', () => {
    expect(branchDay('central', '2028-12-05', demoWeeklyHours)).toEqual({ branch: 'central', date: '2028-12-05', open: true, opensAt: '09:30', closesAt: '19:00' });
    expect(branchDay('central', '2028-12-04', demoWeeklyHours)).toEqual({ branch: 'central', date: '2028-12-04', open: false });
  });
  it('an exception closes a date the weekly hours open (年末年始), for its branch only', () => {
    expect(branchDay('central', '2028-12-29', demoWeeklyHours, nenmatsu).open).toBe(false); // a Friday
    expect(branchDay('east', '2028-12-29', demoWeeklyHours, nenmatsu).open).toBe(true);
  });
  it('an exception opens a weekly closed day with its own hours', () => {
    expect(branchDay('east', '2028-12-04', demoWeeklyHours, [holidayHours])).toEqual(holidayHours);
  });
  it('a branch without weekly hours is closed unless an exception opens it', () => {
    expect(branchDay('west', '2028-12-05', undefined).open).toBe(false);
    expect(branchDay('west', '2028-12-05', undefined, [{ ...holidayHours, branch: 'west', date: '2028-12-05' }]).open).toBe(true);
  });
  it('every branch on every date of a range, so "who is open on D" needs no stored days', () => {
    const hours = [
      { branch: 'central', weekly: demoWeeklyHours },
      { branch: 'east', weekly: demoWeeklyHours },
    ];
    const days = daysBetween('2028-12-28', '2028-12-30', hours, nenmatsu);
    expect(days.map((d) => `${d.date} ${d.branch} ${d.open}`)).toEqual([
      '2028-12-28 central true',
      '2028-12-28 east true',
      '2028-12-29 central false',
      '2028-12-29 east true',
      '2028-12-30 central false',
      '2028-12-30 east true',
    ]);
    expect(isOpeningDay(days.filter((d) => d.date === '2028-12-30'))).toBe(true);
  });
  it('weekly hours must open before they close, per weekday', () => {
    expect(weeklyHoursProblem(demoWeeklyHours)).toBeUndefined();
    expect(weeklyHoursProblem({ ...demoWeeklyHours, wed: { opensAt: '19:00', closesAt: '09:30' } })).toBe('wed');
  });
});

describe('SPEC 6 due date', () => {
  it('a loan is due on the 15th day counting the checkout day, across month and year ends', () => {
    expect(dueDateFor('2026-12-01')).toBe('2026-12-15');
    expect(dueDateFor('2026-12-20')).toBe('2027-01-03');
    expect(dueDateFor('2028-02-20')).toBe('2028-03-05');
  });
});
