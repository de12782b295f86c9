/**
 * SPEC 2: every date and time of the library is Asia/Tokyo. A "date" is a JST calendar date.
 * Asia/Tokyo has kept +09:00 all year since 1951 (no daylight saving), so this is fixed-offset
 * arithmetic on UTC fields rather than a time-zone library: that library was about 27 KB of every
 * function's bundle, and a cold start compiles every byte (issue 12.5, decision 018).
 */
export const LIBRARY_TIME_ZONE = 'Asia/Tokyo';
const OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant's JST wall clock, as `YYYY-MM-DDTHH:mm:ss` (throws RangeError for an invalid date). */
const tokyoWallClock = (instant: Date): string => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19);

/** JST calendar date of an instant, `YYYY-MM-DD`. */
export const tokyoDate = (instant: Date): string => tokyoWallClock(instant).slice(0, 10);

/** JST wall-clock time of an instant, `HH:mm`. */
export const tokyoTime = (instant: Date): string => tokyoWallClock(instant).slice(11, 16);

/** ISO 8601 with the +09:00 offset, as patrons and staff read times. */
export const tokyoIso = (instant: Date): string => `${tokyoWallClock(instant)}+09:00`;

/** Midnight UTC of a `YYYY-MM-DD` calendar date (setUTCFullYear: Date.UTC would read years 0–99 as 19xx). */
const utcMidnight = (date: string): Date => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, day);
  return midnight;
};

/** The instant of a JST date and `HH:mm`. */
export const tokyoInstant = (date: string, time = '00:00'): Date => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(utcMidnight(date).getTime() + hour * 3_600_000 + minute * 60_000 - OFFSET_MS);
};

const calendarDateOf = (utc: Date): string => utc.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => calendarDateOf(new Date(utcMidnight(date).getTime() + days * DAY_MS));

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export const dayOfWeek = (date: string): number => utcMidnight(date).getUTCDay();

/** Year 0000 is refused: there is no year 0 in the calendar patrons write. */
const CALENDAR_DATE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;
/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30 and every other form). */
export const isCalendarDate = (value: string): boolean => CALENDAR_DATE.test(value) && calendarDateOf(utcMidnight(value)) === value;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (value: string): boolean => TIME.test(value);
