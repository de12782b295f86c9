import { branchDay, type CalendarException, type WeeklyHours } from './calendar.js';
import { deadlineBase } from './fulfilment.js';
import { addDays } from './tokyo-time.js';

/** How many of the pickup branch's days from the deadline base the window holds. */
const DEADLINE_LOOKAHEAD = 7;

/**
 * SPEC 5.4 / 5.6 at the counter: the dates of the pickup branch's calendar that usually decide
 * a pickup deadline — the day after the ready date (the notice date when the branch opens
 * then) and a week from the deadline base on, for patrons with and without mail. A check-in
 * reads them by key with its other reads; `deadlineFromWindow` says when they do not decide.
 */
export const deadlineWindowDates = (readyDate: string, pickupDays: number): string[] => {
  const dates = new Set([addDays(readyDate, 1)]);
  for (let offset = pickupDays; offset <= pickupDays + DEADLINE_LOOKAHEAD; offset += 1) dates.add(addDays(readyDate, offset));
  return [...dates].sort();
};

/**
 * The pickup deadline (SPEC 5.4) from the window of the pickup branch's calendar, identical to
 * `pickupDeadline` over the whole calendar, or undefined when the window cannot decide it:
 * for a patron with mail the notice date is the first day after the ready date on which any
 * branch opens (SPEC 5.6), known from one branch only when that branch opens the next day;
 * the deadline is the pickup branch's first open day from the base on, within the window.
 */
export const deadlineFromWindow = (input: {
  readonly readyDate: string;
  readonly getsMail: boolean;
  readonly pickupDays: number;
  readonly branch: string;
  readonly weekly: WeeklyHours | undefined;
  readonly exceptions: readonly CalendarException[];
}): string | undefined => {
  const day = (date: string) => branchDay(input.branch, date, input.weekly, input.exceptions);
  const noticeDate = addDays(input.readyDate, 1);
  if (input.getsMail && !day(noticeDate).open) return undefined;
  const base = deadlineBase({ readyDate: input.readyDate, getsMail: input.getsMail, noticeDate, pickupDays: input.pickupDays });
  for (let offset = 0; offset < DEADLINE_LOOKAHEAD; offset += 1) {
    const date = addDays(base, offset);
    if (day(date).open) return date;
  }
  return undefined;
};
