import { addDays as addDaysTo, format, isValid, parseISO } from 'date-fns';
import { TZDate, tz } from '@date-fns/tz';

/** SPEC 2: every date and time of the library is Asia/Tokyo. A "date" is a JST calendar date. */
export const LIBRARY_TIME_ZONE = 'Asia/Tokyo';
const inTokyo = { in: tz(LIBRARY_TIME_ZONE) };

/** JST calendar date of an instant, `YYYY-MM-DD`. */
export const tokyoDate = (instant: Date): string => format(instant, 'yyyy-MM-dd', inTokyo);

/** JST wall-clock time of an instant, `HH:mm`. */
export const tokyoTime = (instant: Date): string => format(instant, 'HH:mm', inTokyo);

/** ISO 8601 with the +09:00 offset, as patrons and staff read times. */
export const tokyoIso = (instant: Date): string => format(instant, "yyyy-MM-dd'T'HH:mm:ssXXX", inTokyo);

/** The instant of a JST date and `HH:mm`. */
export const tokyoInstant = (date: string, time = '00:00'): Date => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, 0, LIBRARY_TIME_ZONE).getTime());
};

export const addDays = (date: string, days: number): string => format(addDaysTo(parseISO(date), days), 'yyyy-MM-dd');

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export const dayOfWeek = (date: string): number => parseISO(date).getDay();

/**
 * True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). Written back, the
 * date must give the same text: that refuses every other form parseISO accepts (20261201,
 * 2026-12-01T10:00, 2026-W49-2) without a pattern of its own.
 */
export const isCalendarDate = (value: string): boolean => {
  const date = parseISO(value);
  return isValid(date) && format(date, 'yyyy-MM-dd') === value;
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (value: string): boolean => TIME.test(value);
