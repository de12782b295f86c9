/** The day editor starts from what the branch's weekly hours say for that date's weekday. */
import { weekdayOf } from './format';
import type { CalendarDayInput, Weekday, WeeklyHours } from './types';

export const WEEKDAY_KEYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Times offered when a closed weekday is switched to open. */
const FALLBACK = { opensAt: '09:30', closesAt: '17:00' };

export const defaultHours = (date: string, weekly: WeeklyHours | undefined): Required<CalendarDayInput> => {
  const hours = weekly?.[WEEKDAY_KEYS[weekdayOf(date)] as Weekday];
  return hours ? { open: true, ...hours } : { open: false, ...FALLBACK };
};
