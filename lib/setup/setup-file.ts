import * as z from 'zod/mini';
import { clockTime, text, trimmed } from '../../functions/common/http/schemas.js';
import {
  WEEKDAYS,
  datesBetween,
  weeklyHoursProblem,
  type CalendarException,
  type OpeningHours,
  type Weekday,
  type WeeklyHours,
} from '../../functions/domain/calendar.js';
import { isCalendarDate } from '../../functions/domain/tokyo-time.js';
import type { Branch } from '../../functions/store/branches.js';
import type { StaffMember } from '../../functions/store/staff.js';

/**
 * The file `npm run setup` loads (example: setup/mito.json): the branches with their weekly
 * hours, the dates they are closed, and the first ADMIN account (its password is never in
 * the file).
 */
const Hours = z.nullable(z.object({ opensAt: clockTime, closesAt: clockTime }));
const Weekly = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, Hours])) as Record<Weekday, typeof Hours>);
const date = z.string().check(z.refine(isCalendarDate, { error: 'a date written YYYY-MM-DD' }));
const code = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, { error: 'lower-case letters, digits and -' }));

const SetupFileSchema = z.object({
  /** Weekly hours of every branch that gives none of its own. */
  defaultHours: z.optional(Weekly),
  branches: z
    .array(
      z.object({
        code,
        name: text(40),
        nameEn: z.optional(text(60)),
        phone: z.optional(trimmed(1, 20)),
        hours: z.optional(Weekly),
      }),
    )
    .check(z.minLength(1)),
  /** Closed dates, `from`–`to` inclusive, for the branches named (all when none are). */
  closed: z._default(z.array(z.object({ from: date, to: date, branches: z.optional(z.array(code)), note: z.optional(text(60)) })), []),
  admin: z.object({ staffId: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,40}$/)), name: text(40), branch: code }),
});

export type SetupFile = z.infer<typeof SetupFileSchema>;

export interface SetupPlan {
  readonly branches: readonly { readonly branch: Branch; readonly weekly: WeeklyHours }[];
  readonly closed: readonly CalendarException[];
  readonly admin: StaffMember;
}

/** Longest closed span one entry may name: a typo in a year should not close a branch for ten. */
const MAX_CLOSED_DAYS = 366;

const weeklyFrom = (input: z.infer<typeof Weekly>): WeeklyHours =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, input[d] ? ({ opensAt: input[d].opensAt, closesAt: input[d].closesAt } satisfies OpeningHours) : null])) as Record<
    Weekday,
    OpeningHours | null
  >;

/** Reads and checks a setup file's JSON; every problem names where it is. */
export const parseSetupFile = (json: unknown): SetupPlan => {
  const result = SetupFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`setup file: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const file = result.data;
  const codes = file.branches.map((b) => b.code);
  const problem = (message: string): never => {
    throw new Error(`setup file: ${message}`);
  };
  if (new Set(codes).size !== codes.length) problem('branches: a code appears twice');
  const branches = file.branches.map(({ hours, ...branch }, index) => {
    const given = hours ?? file.defaultHours ?? problem(`branches.${index}.hours: no hours and no defaultHours`);
    const weekly = weeklyFrom(given);
    const wrong = weeklyHoursProblem(weekly);
    if (wrong) problem(`branches.${index}.hours.${wrong}: closesAt must be after opensAt`);
    return { branch: { ...branch, order: index + 1 }, weekly };
  });
  const closed = file.closed.flatMap((span, index) => {
    if (span.to < span.from) problem(`closed.${index}: to is before from`);
    const dates = datesBetween(span.from, span.to);
    if (dates.length > MAX_CLOSED_DAYS) problem(`closed.${index}: more than ${MAX_CLOSED_DAYS} days`);
    const unknown = span.branches?.find((b) => !codes.includes(b));
    if (unknown) problem(`closed.${index}.branches: unknown branch ${unknown}`);
    return (span.branches ?? codes).flatMap((branch) => dates.map((d): CalendarException => ({ branch, date: d, open: false })));
  });
  if (!codes.includes(file.admin.branch)) problem(`admin.branch: unknown branch ${file.admin.branch}`);
  return { branches, closed, admin: { ...file.admin, role: 'ADMIN' } };
};
