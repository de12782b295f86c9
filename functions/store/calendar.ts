import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from './batch-write.js';
import { isConditionFailure, type Db } from './db.js';
import { keys } from './keys.js';
import type { CalendarDay } from '../domain/calendar.js';

/**
 * A branch's calendar is stored one item per branch and month, days in a map keyed by
 * day of month: a year of six branches is 150 small items, not 4,000, and one Query on
 * GSI1 answers "every branch on this date".
 */
type StoredDay = { open: boolean; opensAt?: string; closesAt?: string };
type MonthItem = { branch: string; month: string; days: Record<string, StoredDay> };

const monthOf = (date: string) => date.slice(0, 7);
const dayOf = (date: string) => date.slice(8, 10);
const stored = (day: CalendarDay): StoredDay =>
  day.open ? { open: true, opensAt: day.opensAt, closesAt: day.closesAt } : { open: false };

const toDays = (item: MonthItem): CalendarDay[] =>
  Object.entries(item.days)
    .map(([dd, day]) => ({ branch: item.branch, date: `${item.month}-${dd}`, ...day }))
    .sort((a, b) => a.date.localeCompare(b.date));

const monthItem = (branch: string, month: string, days: Record<string, StoredDay>) => ({
  ...keys.calendarMonth(branch, month),
  ...keys.calendarMonthByMonth(month, branch),
  type: 'CalendarMonth',
  branch,
  month,
  days,
});

const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

export const calendarStore = (db: Db) => {
  const monthOfEveryBranch = async (month: string): Promise<CalendarDay[]> => {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.calendarMonthByMonthPartition(month) },
      }),
    );
    return (Items as MonthItem[]).flatMap(toDays);
  };

  return {
    /** Sets one day; creates the month if it is new. */
    async put(day: CalendarDay): Promise<void> {
      const month = monthOf(day.date);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        try {
          await db.client.send(
            new UpdateCommand({
              TableName: db.tableName,
              Key: keys.calendarMonth(day.branch, month),
              UpdateExpression: 'SET #days.#day = :day',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: { '#days': 'days', '#day': dayOf(day.date) },
              ExpressionAttributeValues: { ':day': stored(day) },
            }),
          );
          return;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        try {
          await db.client.send(
            new PutCommand({
              TableName: db.tableName,
              Item: monthItem(day.branch, month, { [dayOf(day.date)]: stored(day) }),
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          );
          return;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      throw new Error('calendar month under contention');
    },

    /** Loads many days at once (demo data, yearly calendars); replaces whole months. */
    async putAll(days: readonly CalendarDay[]): Promise<void> {
      const months = new Map<string, MonthItem>();
      for (const day of days) {
        const id = `${day.branch}|${monthOf(day.date)}`;
        const month = months.get(id) ?? { branch: day.branch, month: monthOf(day.date), days: {} };
        month.days[dayOf(day.date)] = stored(day);
        months.set(id, month);
      }
      await putInBatches(db, [...months.values()].map((m) => monthItem(m.branch, m.month, m.days)));
    },

    async get(branch: string, date: string): Promise<CalendarDay | undefined> {
      return (await this.forBranch(branch, date, 1)).find((d) => d.date === date);
    },

    /** Every branch's hours on one date: one Query on GSI1 (the month of every branch). */
    async forDate(date: string): Promise<CalendarDay[]> {
      return (await monthOfEveryBranch(monthOf(date))).filter((d) => d.date === date);
    },

    /** Every branch's days from `fromDate` to `toDate` (inclusive): one Query per month. */
    async between(fromDate: string, toDate: string): Promise<CalendarDay[]> {
      const months: string[] = [];
      for (let month = monthOf(fromDate); month <= monthOf(toDate); month = nextMonth(month)) months.push(month);
      const days = (await Promise.all(months.map(monthOfEveryBranch))).flat();
      return days.filter((d) => d.date >= fromDate && d.date <= toDate);
    },

    /** One branch's days from `fromDate` on, in date order, at least `minDays` of them if stored. */
    async forBranch(branch: string, fromDate: string, minDays: number): Promise<CalendarDay[]> {
      const found: CalendarDay[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.client.send(
          new QueryCommand({
            TableName: db.tableName,
            KeyConditionExpression: 'PK = :pk AND SK >= :from',
            ExpressionAttributeValues: { ':pk': keys.calendarPartition(branch), ':from': keys.calendarMonth(branch, monthOf(fromDate)).SK },
            Limit: 2,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of (page.Items ?? []) as MonthItem[]) found.push(...toDays(item).filter((d) => d.date >= fromDate));
        startKey = page.LastEvaluatedKey;
      } while (startKey && found.length < minDays);
      return found;
    },
  };
};

export type CalendarStore = ReturnType<typeof calendarStore>;
