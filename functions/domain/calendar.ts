import { addDays, dayOfWeek } from './tokyo-time.js';

/**
 * SPEC 2: a branch's calendar is its weekly hours (per weekday: closed, or opening and
 * closing time) with the exceptions staff set on single dates (年末年始, 特別整理期間, a
 * holiday with other hours). Together they answer for any date: nothing runs out.
 */

/** One branch's hours on one JST date. Times are `HH:mm` JST. */
export interface CalendarDay {
  readonly branch: string;
  readonly date: string;
  readonly open: boolean;
  readonly opensAt?: string;
  readonly closesAt?: string;
}

/** A date staff set apart from the weekly hours: closed, or open with these hours. */
export type CalendarException = CalendarDay;

export interface OpeningHours {
  readonly opensAt: string;
  readonly closesAt: string;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Per weekday: the hours, or `null` when the branch is closed that weekday. */
export type WeeklyHours = Readonly<Record<Weekday, OpeningHours | null>>;

export interface BranchHours {
  readonly branch: string;
  readonly weekly: WeeklyHours;
}

export const weekdayOf = (date: string): Weekday => WEEKDAYS[dayOfWeek(date)] as Weekday;

/** The day as the weekly hours make it (a branch without weekly hours is closed). */
export const dayFromWeeklyHours = (branch: string, date: string, weekly: WeeklyHours | undefined): CalendarDay => {
  const hours = weekly?.[weekdayOf(date)];
  return hours ? { branch, date, open: true, opensAt: hours.opensAt, closesAt: hours.closesAt } : { branch, date, open: false };
};

/** Is branch B open on date D, and its hours: the exception for that date if staff set one, else the weekly hours. */
export const branchDay = (branch: string, date: string, weekly: WeeklyHours | undefined, exceptions: readonly CalendarException[] = []): CalendarDay => {
  const exception = exceptions.find((e) => e.branch === branch && e.date === date);
  if (!exception) return dayFromWeeklyHours(branch, date, weekly);
  return exception.open ? { branch, date, open: true, opensAt: exception.opensAt, closesAt: exception.closesAt } : { branch, date, open: false };
};

/** Every date from `fromDate` to `toDate` inclusive (`YYYY-MM-DD`). */
export const datesBetween = (fromDate: string, toDate: string): string[] => {
  const dates: string[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) dates.push(date);
  return dates;
};

/** Every branch's day on each date from `fromDate` to `toDate`, in date order, branches in the order given. */
export const daysBetween = (fromDate: string, toDate: string, hours: readonly BranchHours[], exceptions: readonly CalendarException[]): CalendarDay[] =>
  datesBetween(fromDate, toDate).flatMap((date) => hours.map((h) => branchDay(h.branch, date, h.weekly, exceptions)));

/** SPEC 2: an opening day is a date on which at least one branch is open. */
export const isOpeningDay = (days: readonly CalendarDay[]): boolean => days.some((d) => d.open);

/** The latest closing time (`HH:mm`) among the branches open that day, or undefined. */
export const latestClosing = (days: readonly CalendarDay[]): string | undefined =>
  days
    .filter((d) => d.open && d.closesAt)
    .map((d) => d.closesAt as string)
    .sort()
    .at(-1);

/** Validation of an edited day: an open day needs both times, opening before closing. */
export const hoursProblem = (day: Pick<CalendarDay, 'open' | 'opensAt' | 'closesAt'>): 'opensAt' | 'closesAt' | undefined => {
  if (!day.open) return undefined;
  if (!day.opensAt) return 'opensAt';
  if (!day.closesAt || day.closesAt <= day.opensAt) return 'closesAt';
  return undefined;
};

/** Validation of weekly hours: the first weekday whose hours do not open before they close. */
export const weeklyHoursProblem = (weekly: WeeklyHours): Weekday | undefined =>
  WEEKDAYS.find((weekday) => {
    const hours = weekly[weekday];
    return hours !== null && hoursProblem({ open: true, ...hours }) !== undefined;
  });
