import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarException, WeeklyHours } from '../domain/calendar.js';
import { toException } from './calendar.js';
import type { CirculatingItem } from './circulation.js';
import { staffVersionOf } from './credentials.js';
import { isExpired, type Db } from './db.js';
import type { Hold } from './holds.js';
import { keys, stripKeys } from './keys.js';
import type { Loan } from './patron-records.js';
import type { Patron } from './patrons.js';

type Key = { readonly PK: string; readonly SK: string };
const BATCH_GET_LIMIT = 100;
const idOf = (key: { PK?: unknown; SK?: unknown }) => `${String(key.PK)}\n${String(key.SK)}`;

/** Keys DynamoDB left unprocessed (throttled) are asked again after a pause, this many times; then the request answers 503 like any throttled one. */
const UNPROCESSED_TRIES = 6;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The items at `wanted` (strongly consistent), by key; absent keys are missing items. */
const readByKey = async (db: Db, wanted: readonly Key[]): Promise<Map<string, Record<string, unknown>>> => {
  const unique = [...new Map(wanted.map((key) => [idOf(key), key])).values()];
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let request: Record<string, unknown>[] = unique.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; request.length > 0; attempt += 1) {
      if (attempt >= UNPROCESSED_TRIES) throw Object.assign(new Error('keys left unprocessed'), { name: 'ProvisionedThroughputExceededException' });
      if (attempt > 0) await pause(25 * 2 ** attempt);
      const answer = await db.client.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: request, ConsistentRead: true } } }));
      for (const item of answer.Responses?.[db.tableName] ?? []) found.set(idOf(item), item);
      request = (answer.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
};

/** What a check-in starts from: the session, the branch and the copy (SPEC 5.4, SPEC 11). */
export interface CheckinStart {
  /** The staff credential's version; undefined for an unknown or disabled account. */
  readonly staffVersion: number | undefined;
  readonly branchKnown: boolean;
  readonly item: CirculatingItem | undefined;
}

/** What routing a copy may need, read together: see `gather`. */
export interface RoutingWanted {
  readonly titleId?: string;
  readonly patrons?: readonly string[];
  readonly holds?: readonly { readonly cardNumber: string; readonly holdId: string }[];
  readonly loan?: { readonly cardNumber: string; readonly itemId: string };
  /** One branch's weekly hours and its exceptions on these dates. */
  readonly calendar?: { readonly branch: string; readonly dates: readonly string[] };
}

export interface RoutingReads {
  readonly title?: { readonly titleId: string; readonly title: string };
  /** Every card asked for; undefined for an unknown one. */
  readonly patrons: ReadonlyMap<string, Patron | undefined>;
  /** The holds found (finished ones past their TTL count as gone), by holdId. */
  readonly holds: ReadonlyMap<string, Hold>;
  readonly loan?: Loan;
  readonly calendar?: { readonly branch: string; readonly weekly: WeeklyHours | undefined; readonly exceptions: readonly CalendarException[] };
}

/**
 * The reads of a check-in gathered into BatchGetItem requests (one, for up to 100 keys), so
 * the counter's scan costs few round trips: every key here is known before the read.
 */
export const checkinReadsStore = (db: Db) => ({
  /** The staff credential, the branch and the copy in one request. */
  async start(staffId: string, branch: string, itemId: string): Promise<CheckinStart> {
    const [credential, branchItem, item] = [keys.staffCredential(staffId), keys.branch(branch), keys.item(itemId)];
    const found = await readByKey(db, [credential, branchItem, item]);
    const copy = found.get(idOf(item));
    return {
      staffVersion: staffVersionOf(found.get(idOf(credential))),
      branchKnown: found.has(idOf(branchItem)),
      item: copy ? (stripKeys(copy) as unknown as CirculatingItem) : undefined,
    };
  },

  /** The title, patrons, holds, loan and calendar days routing a copy needs, in one request. */
  async gather(wanted: RoutingWanted, now: Date): Promise<RoutingReads> {
    const title = wanted.titleId ? keys.title(wanted.titleId) : undefined;
    const patrons = (wanted.patrons ?? []).map((card) => [card, keys.patron(card)] as const);
    const holds = (wanted.holds ?? []).map((h) => keys.hold(h.cardNumber, h.holdId));
    const loan = wanted.loan ? keys.loan(wanted.loan.cardNumber, wanted.loan.itemId) : undefined;
    const { calendar } = wanted;
    const hours = calendar ? keys.branchHours(calendar.branch) : undefined;
    const exceptions = calendar ? calendar.dates.map((date) => keys.calendarException(calendar.branch, date)) : [];
    const all = [title, ...patrons.map(([, key]) => key), ...holds, loan, hours, ...exceptions].filter((key): key is Key => key !== undefined);
    const found = all.length > 0 ? await readByKey(db, all) : new Map<string, Record<string, unknown>>();
    const at = (key: Key | undefined) => (key ? found.get(idOf(key)) : undefined);
    const patronAt = (key: Key) => {
      const item = at(key);
      return item ? (stripKeys(item) as unknown as Patron) : undefined;
    };
    const titleItem = at(title);
    const loanItem = at(loan);
    return {
      ...(titleItem ? { title: { titleId: titleItem.titleId as string, title: titleItem.title as string } } : {}),
      patrons: new Map(patrons.map(([card, key]) => [card, patronAt(key)])),
      holds: new Map(
        holds
          .map((key) => at(key))
          .filter((item): item is Record<string, unknown> => item !== undefined && !isExpired(item, now))
          .map((item) => [item.holdId as string, stripKeys(item) as unknown as Hold]),
      ),
      ...(loanItem ? { loan: stripKeys(loanItem) as unknown as Loan } : {}),
      ...(wanted.calendar
        ? {
            calendar: {
              branch: wanted.calendar.branch,
              weekly: at(hours)?.weekly as WeeklyHours | undefined,
              exceptions: exceptions
                .map((key) => at(key))
                .filter((item) => item !== undefined)
                .map(toException),
            },
          }
        : {}),
    };
  },
});

export type CheckinReadsStore = ReturnType<typeof checkinReadsStore>;
