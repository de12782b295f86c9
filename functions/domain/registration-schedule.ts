import { isOpeningDay, latestClosing, type CalendarDay } from './calendar.js';
import { addDays, tokyoDate, tokyoInstant, tokyoTime } from './tokyo-time.js';

/**
 * SPEC 5.3 / 8: registration runs at 07:00 every day, and every 10 minutes from 07:00 until
 * the latest closing time of the day's open branches (that run included).
 */
export const FIRST_RUN = '07:00';
const INTERVAL_MINUTES = 10;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Does a run at `at` register holds? The 07:00 daily run and staff "run now" always do;
 * a 10-minute run only on an opening day, from 07:00 to the latest closing time.
 */
export const registrationGate = (
  run: { schedule?: string; trigger: 'schedule' | 'manual' },
  at: Date,
  today: readonly CalendarDay[],
): { register: true } | { register: false; reason: 'NOT_AN_OPENING_DAY' | 'OUTSIDE_HOURS' } => {
  if (run.trigger === 'manual' || run.schedule === 'daily-0700') return { register: true };
  if (!isOpeningDay(today)) return { register: false, reason: 'NOT_AN_OPENING_DAY' };
  const time = tokyoTime(at);
  const closing = latestClosing(today) ?? '00:00';
  return time >= FIRST_RUN && time <= closing ? { register: true } : { register: false, reason: 'OUTSIDE_HOURS' };
};

/**
 * The run that will register a hold requested at `requestedAt` (SPEC 5.3 `registersAt`):
 * the next 10-minute run after it on that day if it falls within the day's hours, else the
 * next 07:00 run. `day` is the calendar of the request's own JST date.
 */
export const registersAt = (requestedAt: Date, day: readonly CalendarDay[]): Date => {
  const date = tokyoDate(requestedAt);
  const seconds = (requestedAt.getTime() - tokyoInstant(date).getTime()) / 1000;
  const first = minutesOf(FIRST_RUN);
  if (seconds < first * 60) return tokyoInstant(date, FIRST_RUN);
  const closing = latestClosing(day);
  if (isOpeningDay(day) && closing) {
    const next = (Math.floor(seconds / 60 / INTERVAL_MINUTES) + 1) * INTERVAL_MINUTES;
    if (next <= minutesOf(closing)) return tokyoInstant(date, hhmm(next));
  }
  return tokyoInstant(addDays(date, 1), FIRST_RUN);
};
