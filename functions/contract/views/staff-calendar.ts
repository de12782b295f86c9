import * as z from 'zod/mini';
import { calendarDate, clockTime, trimmed } from '../../common/http/schemas.js';
import { WEEKDAYS, type Weekday } from '../../domain/calendar.js';

export const BranchParams = z.object({ branch: trimmed(1, 40) });
export const CalendarDayParams = z.object({ branch: trimmed(1, 40), date: calendarDate });

/** SPEC 2: one date of one branch, closed or open with these hours (HH:mm, JST); opensAt before closesAt. */
export const CalendarDayBody = z.object({ open: z.boolean(), opensAt: z.optional(clockTime), closesAt: z.optional(clockTime) });

const hours = (time: z.ZodMiniType<string>) => z.nullable(z.object({ opensAt: time, closesAt: time }));
const weekly = <T extends z.ZodMiniType>(day: T) => z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<Weekday, T>);

/** SPEC 2 weekly hours: every weekday must be given, `null` for closed, so a forgotten day is an error, not a closure. */
export const WeeklyHoursBody = weekly(hours(clockTime));
/** The weekly hours as stored: `null` for a closed weekday (all `null` before any are set). */
export const WeeklyHoursAnswer = weekly(hours(z.string()));

export type CalendarDayInput = z.input<typeof CalendarDayBody>;
export type WeeklyHoursInput = z.input<typeof WeeklyHoursBody>;
export type WeeklyHoursView = z.output<typeof WeeklyHoursAnswer>;
export type { Weekday };
