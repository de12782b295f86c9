import { dayOfWeek } from './tokyo-time.js';

/** SPEC 2: one branch's hours on one JST date. Times are `HH:mm` JST. */
export interface CalendarDay {
  readonly branch: string;
  readonly date: string;
  readonly open: boolean;
  readonly opensAt?: string;
  readonly closesAt?: string;
}

export interface WeeklyHours {
  /** Index 0 = Sunday. `null` = closed. */
  readonly byWeekday: readonly ({ opensAt: string; closesAt: string } | null)[];
}

/** SPEC 2 demo hours: 09:30–19:00 Tue–Fri, 09:30–17:00 Sat–Sun, closed Mon. */
export const demoWeeklyHours: WeeklyHours = {
  byWeekday: [
    { opensAt: '09:30', closesAt: '17:00' },
    null,
    { opensAt: '09:30', closesAt: '19:00' },
    { opensAt: '09:30', closesAt: '19:00' },
    { opensAt: '09:30', closesAt: '19:00' },
    { opensAt: '09:30', closesAt: '19:00' },
    { opensAt: '09:30', closesAt: '17:00' },
  ],
};

export const dayFromWeeklyHours = (branch: string, date: string, hours: WeeklyHours): CalendarDay => {
  const slot = hours.byWeekday[dayOfWeek(date)];
  return slot ? { branch, date, open: true, ...slot } : { branch, date, open: false };
};

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
