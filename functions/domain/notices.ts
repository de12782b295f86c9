import { isOpeningDay, type CalendarDay } from './calendar.js';
import type { HoldState } from './holds.js';
import { addDays } from './tokyo-time.js';

/**
 * SPEC 5.6 pickup notices: which runs mail, which holds they cover, and on which date a
 * patron's notice goes out (that date also fixes the pickup deadline, SPEC 5.4).
 */

/** Scheduled runs mail on opening days only; staff "run now" mails on any day. */
export const noticeRunGate = (trigger: 'schedule' | 'manual', today: readonly CalendarDay[]): { send: true } | { send: false; reason: 'NOT_AN_OPENING_DAY' } =>
  trigger === 'manual' || isOpeningDay(today) ? { send: true } : { send: false, reason: 'NOT_AN_OPENING_DAY' };

export interface NoticeCandidate {
  readonly status: HoldState;
  readonly readyDate?: string;
  readonly notifiedAt?: string;
}

/**
 * A hold is in today's notice when it is READY, not yet notified, and became ready on an
 * earlier day: a copy shelved today is announced by tomorrow's run, after the patron could
 * have seen it on the status page, never twice.
 */
export const isDueForNotice = (hold: NoticeCandidate, today: string): boolean =>
  hold.status === 'READY' && !hold.notifiedAt && hold.readyDate !== undefined && hold.readyDate < today;

/**
 * The date the notice for a copy ready on `readyDate` goes out: the first opening day (any
 * branch open, SPEC 2) after it. `calendar` holds every branch's days after the ready date;
 * when none of them is open (every branch closed for the whole span given), the next day.
 */
export const noticeDate = (readyDate: string, calendar: readonly CalendarDay[]): string => {
  const byDate = new Map<string, CalendarDay[]>();
  for (const day of calendar) if (day.date > readyDate) byDate.set(day.date, [...(byDate.get(day.date) ?? []), day]);
  const firstOpen = [...byDate.keys()].sort().find((date) => isOpeningDay(byDate.get(date) ?? []));
  return firstOpen ?? addDays(readyDate, 1);
};
