import { branchDay, type BranchHours, type CalendarDay, type CalendarException, type WeeklyHours } from '../domain/calendar.js';
import { toBranch, type Branch } from './branches.js';
import type { Db } from './db.js';
import { keys } from './keys.js';
import { queryAll } from './query-all.js';

/**
 * How long a function instance keeps the branches, their weekly hours and a month of
 * calendar exceptions before reading them again (docs/operations.md: a change of hours
 * shows in `registersAt` within this time). Nothing a limit or uniqueness depends on is
 * kept here; jobs read the calendar afresh.
 */
export const REFERENCE_DATA_SECONDS = 60;

interface Entry {
  readonly at: number;
  readonly value: Promise<unknown>;
}

/** Per table, so every store of one process (the local stack) shares, and forgets, one copy. */
const caches = new Map<string, Map<string, Entry>>();

/** Called by every write of branches, hours or exceptions: this process reads them again at once. */
export const forgetReferenceData = (db: Db): void => {
  caches.delete(db.tableName);
};

interface BranchesPartition {
  readonly branches: readonly Branch[];
  readonly hours: readonly BranchHours[];
}

export const referenceDataStore = (db: Db, ttlMs = REFERENCE_DATA_SECONDS * 1000) => {
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const cache = caches.get(db.tableName) ?? new Map<string, Entry>();
    caches.set(db.tableName, cache);
    const entry = cache.get(key);
    if (entry && performance.now() - entry.at < ttlMs) return entry.value as Promise<T>;
    const value = load();
    cache.set(key, { at: performance.now(), value });
    value.catch(() => cache.delete(key));
    return value;
  };

  /** The BRANCHES partition (branches and their weekly hours): one Query. */
  const branchesPartition = () =>
    cached('branches', async (): Promise<BranchesPartition> => {
      const items = await queryAll<Record<string, unknown>>(db, {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.branchesPartition },
      });
      // Branch items carry a code, weekly-hours items their hours (the key attributes are stripped).
      return {
        branches: items
          .filter((item) => typeof item.code === 'string')
          .map(toBranch)
          .sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
        hours: items.filter((item) => item.weekly !== undefined).map((item) => ({ branch: item.branch as string, weekly: item.weekly as WeeklyHours })),
      };
    });

  /** Every branch's exceptions of one month (`YYYY-MM`): one Query on GSI1. */
  const exceptionsOf = (month: string) =>
    cached(`exceptions#${month}`, async (): Promise<CalendarException[]> => {
      const items = await queryAll<Record<string, unknown>>(db, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.calendarExceptionsOfMonth(month) },
      });
      return items.map((item) =>
        item.open
          ? { branch: item.branch as string, date: item.date as string, open: true, opensAt: item.opensAt as string, closesAt: item.closesAt as string }
          : { branch: item.branch as string, date: item.date as string, open: false },
      );
    });

  return {
    async branch(code: string): Promise<Branch | undefined> {
      return (await branchesPartition()).branches.find((b) => b.code === code);
    },

    /** Every branch's days on each of `dates`, as calendar.forDates, from the kept copy. */
    async calendarForDates(dates: readonly string[]): Promise<CalendarDay[]> {
      if (dates.length === 0) return [];
      const wanted = [...new Set(dates)].sort();
      const [{ hours }, exceptions] = await Promise.all([branchesPartition(), Promise.all([...new Set(wanted.map((d) => d.slice(0, 7)))].map(exceptionsOf))]);
      const all = exceptions.flat();
      return wanted.flatMap((date) => hours.map((h) => branchDay(h.branch, date, h.weekly, all)));
    },
  };
};

export type ReferenceDataStore = ReturnType<typeof referenceDataStore>;
