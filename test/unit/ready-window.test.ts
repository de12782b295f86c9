import { describe, expect, it } from 'vitest';
import { daysBetween, type CalendarException, type WeeklyHours } from '../../functions/domain/calendar.js';
import { pickupDeadline } from '../../functions/domain/fulfilment.js';
import { noticeDate } from '../../functions/domain/notices.js';
import { deadlineFromWindow, deadlineWindowDates } from '../../functions/domain/ready-window.js';
import { addDays } from '../../functions/domain/tokyo-time.js';

const open = { opensAt: '09:30', closesAt: '19:00' };
const closedMondays: WeeklyHours = { sun: open, mon: null, tue: open, wed: open, thu: open, fri: open, sat: open };
const closedSundays: WeeklyHours = { ...closedMondays, sun: null, mon: open };
const closed = (branch: string, from: string, to: string): CalendarException[] =>
  Array.from({ length: 40 }, (_, i) => addDays(from, i))
    .filter((date) => date <= to)
    .map((date) => ({ branch, date, open: false }));

// 年末年始 at every branch, 特別整理期間 at central, a Sunday-closed branch that opens on Mondays.
const hours = [
  { branch: 'central', weekly: closedMondays },
  { branch: 'east', weekly: closedMondays },
  { branch: 'miwa', weekly: closedSundays },
];
const exceptions = [...['central', 'east', 'miwa'].flatMap((b) => closed(b, '2026-12-29', '2027-01-03')), ...closed('central', '2027-02-08', '2027-02-19')];

/** The whole-calendar rule (ready-fields.ts readyFieldsFor): notice date over 60 days, then the pickup branch's 31 days. */
const fullDeadline = (readyDate: string, getsMail: boolean, branch: string, pickupDays: number) => {
  const mailedOn = getsMail ? noticeDate(readyDate, daysBetween(addDays(readyDate, 1), addDays(readyDate, 60), hours, exceptions)) : readyDate;
  const base = addDays(getsMail ? mailedOn : readyDate, pickupDays);
  const branchHours = hours.filter((h) => h.branch === branch);
  return pickupDeadline({ readyDate, getsMail, noticeDate: mailedOn, pickupBranchDays: daysBetween(base, addDays(base, 30), branchHours, exceptions), pickupDays });
};

describe('SPEC 5.4 / 5.6 the pickup deadline from the window a check-in reads', () => {
  it('equals the whole-calendar deadline whenever it decides, and decides on ordinary days', () => {
    let decided = 0;
    let cases = 0;
    for (const pickupDays of [7, 3]) {
      for (let day = 0; day < 120; day += 1) {
        const readyDate = addDays('2026-12-01', day);
        for (const branch of ['central', 'east', 'miwa']) {
          for (const getsMail of [true, false]) {
            cases += 1;
            const dates = new Set(deadlineWindowDates(readyDate, pickupDays));
            const window = deadlineFromWindow({
              readyDate,
              getsMail,
              pickupDays,
              branch,
              weekly: hours.find((h) => h.branch === branch)?.weekly,
              // Only what the check-in reads: the exceptions on the window's dates.
              exceptions: exceptions.filter((e) => e.branch === branch && dates.has(e.date)),
            });
            if (window === undefined) continue;
            decided += 1;
            expect(window, `${readyDate} ${branch} mail=${getsMail} days=${pickupDays}`).toBe(fullDeadline(readyDate, getsMail, branch, pickupDays));
          }
        }
      }
    }
    expect(decided / cases).toBeGreaterThan(0.8);
  });

  it('does not decide for a patron with mail when the pickup branch is closed the next day (another branch may open)', () => {
    // Sun 2026-12-06: central and east are closed on Monday, miwa opens; the notice goes out Monday.
    const input = { readyDate: '2026-12-06', getsMail: true, pickupDays: 7, branch: 'central', weekly: closedMondays, exceptions: [] };
    expect(deadlineFromWindow(input)).toBeUndefined();
    expect(fullDeadline('2026-12-06', true, 'central', 7)).toBe('2026-12-15');
    expect(deadlineFromWindow({ ...input, getsMail: false })).toBe('2026-12-13');
  });

  it('reads nine dates: the day after the ready date and the eight from ready date + pickup days', () => {
    expect(deadlineWindowDates('2026-12-01', 7)).toEqual([
      '2026-12-02',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
      '2026-12-14',
      '2026-12-15',
    ]);
  });
});
