import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { branchDay, datesBetween, daysBetween, type BranchHours, type CalendarDay, type CalendarException, type WeeklyHours } from '../domain/calendar.js';
import { addDays } from '../domain/tokyo-time.js';
import type { Db } from './db.js';
import { keys } from './keys.js';
import { putIfAbsent, type Creation } from './put-if-absent.js';
import { queryAll } from './query-all.js';
import { forgetReferenceData } from './reference-data.js';

/**
 * SPEC 2: each branch's weekly hours (one item per branch in the BRANCHES partition) and the
 * dates staff set apart (one item per branch and date, indexed by month on GSI1). Days are
 * computed from both, so the calendar answers for any date and nothing has to be generated.
 * "Every branch on date D" is two Queries: the hours partition and D's month of exceptions.
 */
const hoursItem = (branch: string, weekly: WeeklyHours) => ({ ...keys.branchHours(branch), type: 'WeeklyHours', branch, weekly });

const exceptionItem = (day: CalendarException) => ({
  ...keys.calendarException(day.branch, day.date),
  ...keys.calendarExceptionByMonth(day.date, day.branch),
  type: 'CalendarException',
  branch: day.branch,
  date: day.date,
  open: day.open,
  ...(day.open ? { opensAt: day.opensAt, closesAt: day.closesAt } : {}),
});

export const toException = (item: Record<string, unknown>): CalendarException =>
  item.open
    ? { branch: item.branch as string, date: item.date as string, open: true, opensAt: item.opensAt as string, closesAt: item.closesAt as string }
    : { branch: item.branch as string, date: item.date as string, open: false };

const monthsBetween = (fromDate: string, toDate: string): string[] => [...new Set(datesBetween(fromDate, toDate).map((d) => d.slice(0, 7)))];

export const calendarStore = (db: Db) => {
  const weeklyHours = async (): Promise<BranchHours[]> => {
    const items = await queryAll<Record<string, unknown>>(db, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :hours)',
      ExpressionAttributeValues: { ':pk': keys.branchesPartition, ':hours': keys.branchHoursPrefix },
    });
    return items.map((item) => ({ branch: item.branch as string, weekly: item.weekly as WeeklyHours }));
  };

  /** Every branch's exceptions from `fromDate` to `toDate`: one Query per month on GSI1. */
  const exceptionsBetween = async (fromDate: string, toDate: string): Promise<CalendarException[]> => {
    const months = await Promise.all(
      monthsBetween(fromDate, toDate).map((month) =>
        queryAll<Record<string, unknown>>(db, {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.calendarExceptionsOfMonth(month), ':from': `${fromDate}#`, ':to': `${toDate}#\uffff` },
        }),
      ),
    );
    return months.flat().map(toException);
  };

  const weeklyHoursOf = async (branch: string): Promise<WeeklyHours | undefined> => {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.branchHours(branch) }));
    return Item?.weekly as WeeklyHours | undefined;
  };

  /** Every branch's days from `fromDate` to `toDate` (inclusive): one Query plus one per month. */
  const between = async (fromDate: string, toDate: string): Promise<CalendarDay[]> => {
    const [hours, exceptions] = await Promise.all([weeklyHours(), exceptionsBetween(fromDate, toDate)]);
    return daysBetween(fromDate, toDate, hours, exceptions);
  };

  return {
    /** Every branch's weekly hours (one Query). */
    weeklyHours,
    weeklyHoursOf,

    /** Staff set a branch's weekly hours (replacing them). */
    async setWeeklyHours(branch: string, weekly: WeeklyHours): Promise<void> {
      await db.client.send(new PutCommand({ TableName: db.tableName, Item: hoursItem(branch, weekly) }));
      forgetReferenceData(db);
    },

    /** Setup: the weekly hours, unless the branch has some already. */
    createWeeklyHours: (branch: string, weekly: WeeklyHours): Promise<Creation> => putIfAbsent(db, hoursItem(branch, weekly)).finally(() => forgetReferenceData(db)),

    /** Staff set one date of one branch apart from its weekly hours (replacing an earlier exception). */
    async putException(day: CalendarException): Promise<void> {
      await db.client.send(new PutCommand({ TableName: db.tableName, Item: exceptionItem(day) }));
      forgetReferenceData(db);
    },

    /** Setup: an exception, unless staff already set that date. */
    createException: (day: CalendarException): Promise<Creation> => putIfAbsent(db, exceptionItem(day)).finally(() => forgetReferenceData(db)),

    exceptionsBetween,

    async get(branch: string, date: string): Promise<CalendarDay> {
      const [weekly, exception] = await Promise.all([
        weeklyHoursOf(branch),
        db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.calendarException(branch, date) })),
      ]);
      return branchDay(branch, date, weekly, exception.Item ? [toException(exception.Item)] : []);
    },

    /** Every branch's hours on one date: two Queries. */
    forDate: (date: string): Promise<CalendarDay[]> => between(date, date),

    between,

    /** Every branch's days on each of `dates` (any order, repeats allowed): one Query plus one per month. */
    async forDates(dates: readonly string[]): Promise<CalendarDay[]> {
      if (dates.length === 0) return [];
      const wanted = [...new Set(dates)].sort();
      const [hours, exceptions] = await Promise.all([
        weeklyHours(),
        Promise.all([...new Set(wanted.map((d) => d.slice(0, 7)))].map((m) => exceptionsBetween(`${m}-01`, `${m}-31`))),
      ]);
      return wanted.flatMap((date) => hours.map((h) => branchDay(h.branch, date, h.weekly, exceptions.flat())));
    },

    /** One branch's next `count` days from `fromDate` on, in date order: one Get and one Query. */
    async forBranch(branch: string, fromDate: string, count: number): Promise<CalendarDay[]> {
      const toDate = addDays(fromDate, count - 1);
      const [weekly, { Items = [] }] = await Promise.all([
        weeklyHoursOf(branch),
        db.client.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': keys.calendarPartition(branch),
              ':from': keys.calendarException(branch, fromDate).SK,
              ':to': keys.calendarException(branch, toDate).SK,
            },
          }),
        ),
      ]);
      const exceptions = Items.map(toException);
      return datesBetween(fromDate, toDate).map((date) => branchDay(branch, date, weekly, exceptions));
    },
  };
};

export type CalendarStore = ReturnType<typeof calendarStore>;
