import { dayOfWeek, isCalendarDate } from '../domain/tokyo-time.js';

/** One day of a pickup branch as the mail shows it (the calendar's answer for that date). */
export interface GuideDay {
  readonly date: string;
  readonly open: boolean;
  readonly opensAt?: string;
  readonly closesAt?: string;
}

/** A pickup branch named in a notice: how to reach it and when it is open. */
export interface PickupBranchGuide {
  readonly name: string;
  readonly phone?: string;
  /** From the notice day to the last deadline at this branch, in date order. */
  readonly days: readonly GuideDay[];
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** `2026-12-08` → `12月8日(火)`: the year is the notice's own. */
export const shortJapaneseDate = (date: string): string => {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}月${day}日(${WEEKDAYS[dayOfWeek(date)]})`;
};

/** `09:30` → `9:30`, as opening hours are written on notices. */
const clock = (time: string): string => time.replace(/^0(\d)/, '$1');

/** `12月8日(火) 9:30～19:00` or `12月7日(月) 休館`. */
export const guideDayLine = (day: GuideDay): string =>
  `${shortJapaneseDate(day.date)} ${day.open && day.opensAt && day.closesAt ? `${clock(day.opensAt)}～${clock(day.closesAt)}` : '休館'}`;
