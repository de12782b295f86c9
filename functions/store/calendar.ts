import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putInBatches } from './batch-write.js';
import type { Db } from './db.js';
import { keys } from './keys.js';
import type { CalendarDay } from '../domain/calendar.js';

const toItem = (day: CalendarDay) => ({
  ...keys.calendarDay(day.branch, day.date),
  ...keys.calendarByDate(day.date, day.branch),
  type: 'CalendarDay',
  ...day,
});

const toDay = (item: Record<string, unknown>): CalendarDay => ({
  branch: item.branch as string,
  date: item.date as string,
  open: item.open as boolean,
  ...(item.open ? { opensAt: item.opensAt as string, closesAt: item.closesAt as string } : {}),
});

export const calendarStore = (db: Db) => ({
  async put(day: CalendarDay): Promise<void> {
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: toItem(day) }));
  },
  async putAll(days: readonly CalendarDay[]): Promise<void> {
    await putInBatches(db, days.map(toItem));
  },
  async get(branch: string, date: string): Promise<CalendarDay | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.calendarDay(branch, date) }));
    return Item ? toDay(Item) : undefined;
  },
  /** Every branch's hours on one date (GSI1), for opening-day and closing-time rules. */
  async forDate(date: string): Promise<CalendarDay[]> {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.calendarByDatePartition(date) },
      }),
    );
    return Items.map(toDay);
  },
  /** One branch's days from `fromDate` on, in date order (next open date, calendar pages). */
  async forBranch(branch: string, fromDate: string, limit: number): Promise<CalendarDay[]> {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND SK >= :from',
        ExpressionAttributeValues: { ':pk': keys.calendarPartition(branch), ':from': `DATE#${fromDate}` },
        Limit: limit,
      }),
    );
    return Items.map(toDay);
  },
});

export type CalendarStore = ReturnType<typeof calendarStore>;
