import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, isExpired, ttlSeconds, type Db } from './db.js';
import { keys, stripKeys } from './keys.js';
import { outboxParts, updateWithEvents, type PendingEvent } from './outbox.js';
import { holdRegistrations } from './hold-registration.js';
import { pickupNoticeClaims } from './pickup-notice-claims.js';
import { queryAll } from './query-all.js';
import type { HoldState } from '../domain/holds.js';

export interface Hold {
  readonly holdId: string;
  readonly cardNumber: string;
  readonly titleId: string;
  readonly title: string;
  readonly pickupBranch: string;
  readonly status: HoldState;
  readonly channel: 'ONLINE' | 'COUNTER';
  readonly requestedAt: string;
  readonly registeredAt?: string;
  readonly finishedAt?: string;
  /** Why a hold was cancelled: a code (e.g. ALREADY_ON_LOAN, PATRON, STAFF) and, from staff, a note. */
  readonly cancelReason?: string;
  readonly cancelNote?: string;
  /** The copy assigned to the hold (IN_TRANSIT, READY, FULFILLED). */
  readonly itemId?: string;
  readonly readyAt?: string;
  /** JST date the copy reached the hold shelf. */
  readonly readyDate?: string;
  /** SPEC 5.4 期限日 (YYYY-MM-DD): the hold expires once this date has passed. */
  readonly pickupDeadline?: string;
  /** SPEC 5.6: when the pickup notice went out (or `NOT_EMAIL` for patrons without mail). */
  readonly notifiedAt?: string;
  readonly notifyClaim?: string;
  readonly notifyClaimedAt?: string;
  readonly expiresAt?: number;
  /** SPEC 10.1: JST date (YYYY-MM-DD) from which a suspended hold is active again; absent when not suspended. */
  readonly suspendedUntil?: string;
  /** SPEC 10.2: the sequence a hold belongs to, its 1-based place and the sequence's length. */
  readonly sequenceId?: string;
  readonly sequenceIndex?: number;
  readonly sequenceLength?: number;
  /** SPEC 10.2: the hold before it in its sequence (same patron), which must end before this one is filled. */
  readonly previousHoldId?: string;
  readonly previousTitleId?: string;
}

const SUSPENDABLE_STATES = [':provisional', ':waiting'];
const suspendableValues = { ':provisional': 'PROVISIONAL', ':waiting': 'WAITING' };

/** Finished holds leave the patron's view after 30 days (SPEC 6). */
const FINISHED_RETENTION_DAYS = 30;

export const holdStore = (db: Db) => ({
  ...pickupNoticeClaims(db),
  ...holdRegistrations(db),
  /**
   * SPEC 5.2 rules 3 and 5 as one transaction: the per-title marker must not exist and the
   * patron's active-hold counter must be below the limit. Concurrent requests cannot both pass.
   * `events` are written with it (store/outbox.ts).
   */
  async place(hold: Hold, limit: number, events: readonly PendingEvent[] = []): Promise<'placed' | 'ALREADY_HELD' | 'HOLD_LIMIT'> {
    const queued = hold.status === 'PROVISIONAL' ? keys.provisionalHold(hold.requestedAt, hold.holdId) : keys.waitingHold(hold.titleId, hold.requestedAt, hold.holdId);
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.activeHoldMarker(hold.cardNumber, hold.titleId), type: 'ActiveHold', holdId: hold.holdId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: db.tableName,
                Key: keys.patron(hold.cardNumber),
                UpdateExpression: 'ADD activeHolds :one',
                ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(activeHolds) OR activeHolds < :limit)',
                ExpressionAttributeValues: { ':one': 1, ':limit': limit },
              },
            },
            {
              Put: {
                TableName: db.tableName,
                Item: {
                  ...keys.hold(hold.cardNumber, hold.holdId),
                  ...keys.holdInQueue(hold.titleId, hold.requestedAt, hold.holdId),
                  ...keys.holdById(hold.holdId),
                  ...queued,
                  type: 'Hold',
                  ...hold,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...outboxParts(db, events, new Date(hold.requestedAt)),
          ] as never,
        }),
      );
      return 'placed';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [marker, counter] = cancellationCodes(error);
      if (marker === 'ConditionalCheckFailed') return 'ALREADY_HELD';
      if (counter === 'ConditionalCheckFailed') return 'HOLD_LIMIT';
      throw error;
    }
  },

  /**
   * SPEC 10.2 all or nothing: every hold of a sequence, its marker, and the patron's counter
   * raised by all of them at once under the limit, in one transaction. Which title was
   * refused is told by the marker whose condition failed.
   */
  async placeAll(
    holds: readonly Hold[],
    limit: number,
    events: readonly PendingEvent[],
  ): Promise<{ outcome: 'placed' } | { outcome: 'ALREADY_HELD'; index: number } | { outcome: 'HOLD_LIMIT' }> {
    const first = holds[0];
    if (!first) return { outcome: 'placed' };
    const n = holds.length;
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.patron(first.cardNumber),
                UpdateExpression: 'ADD activeHolds :n',
                ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(activeHolds) OR activeHolds <= :most)',
                ExpressionAttributeValues: { ':n': n, ':most': limit - n },
              },
            },
            ...holds.map((hold) => ({
              Put: {
                TableName: db.tableName,
                Item: { ...keys.activeHoldMarker(hold.cardNumber, hold.titleId), type: 'ActiveHold', holdId: hold.holdId },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
            ...holds.map((hold) => ({
              Put: {
                TableName: db.tableName,
                Item: {
                  ...keys.hold(hold.cardNumber, hold.holdId),
                  ...keys.holdInQueue(hold.titleId, hold.requestedAt, hold.holdId),
                  ...keys.holdById(hold.holdId),
                  ...keys.provisionalHold(hold.requestedAt, hold.holdId),
                  type: 'Hold',
                  ...hold,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
            ...outboxParts(db, events, new Date(first.requestedAt)),
          ] as never,
        }),
      );
      return { outcome: 'placed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const codes = cancellationCodes(error);
      if (limit - n < 0 || codes[0] === 'ConditionalCheckFailed') return { outcome: 'HOLD_LIMIT' };
      const marker = codes.slice(1, 1 + n).indexOf('ConditionalCheckFailed');
      if (marker >= 0) return { outcome: 'ALREADY_HELD', index: marker };
      throw error;
    }
  },

  /**
   * SPEC 10.1: suspends a hold until `until`, or resumes it (`until` undefined), with its
   * event, only while it is PROVISIONAL or WAITING: a check-in that assigned it a copy
   * first wins, and the suspension is refused (false).
   */
  async setSuspension(hold: Hold, until: string | undefined, at: Date, events: readonly PendingEvent[]): Promise<boolean> {
    return updateWithEvents(
      db,
      {
        Key: keys.hold(hold.cardNumber, hold.holdId),
        UpdateExpression: until ? 'SET suspendedUntil = :until' : 'REMOVE suspendedUntil',
        ConditionExpression: `#status IN (${SUSPENDABLE_STATES.join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...suspendableValues, ...(until ? { ':until': until } : {}) },
      },
      events,
      at,
    );
  },

  async get(cardNumber: string, holdId: string, now: Date): Promise<Hold | undefined> {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.hold(cardNumber, holdId), ConsistentRead: true }));
    return Item && !isExpired(Item, now) ? (stripKeys(Item) as unknown as Hold) : undefined;
  },

  /** A hold by id alone (staff): the index finds its patron, a consistent read gets it. */
  async findById(holdId: string, now: Date): Promise<Hold | undefined> {
    const { Items = [] } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.holdByIdPartition(holdId) },
      }),
    );
    const found = Items[0];
    return found ? this.get(found.cardNumber as string, holdId, now) : undefined;
  },

  /**
   * Ends a hold (CANCELLED, EXPIRED, FULFILLED) if it is still in one of `from`: it leaves
   * the queue and the provisional index, its marker goes and the patron's count drops, in
   * one transaction. False when the hold had already moved on.
   */
  async finish(
    hold: Hold,
    to: 'CANCELLED' | 'EXPIRED' | 'FULFILLED',
    from: readonly HoldState[],
    at: Date,
    details: { cancelReason?: string; cancelNote?: string } = {},
    alongside: readonly Record<string, unknown>[] = [],
  ): Promise<boolean> {
    return (await this.finishTogether(hold, to, from, at, details, alongside)).finished;
  },

  /**
   * `finish` with parts of other records in the same transaction; when it is refused, says
   * which `alongside` part's condition failed (`failedAlongside`, its index), or none when
   * the hold itself had moved on.
   */
  async finishTogether(
    hold: Hold,
    to: 'CANCELLED' | 'EXPIRED' | 'FULFILLED',
    from: readonly HoldState[],
    at: Date,
    details: { cancelReason?: string; cancelNote?: string } = {},
    alongside: readonly Record<string, unknown>[] = [],
  ): Promise<{ finished: true } | { finished: false; failedAlongside?: number }> {
    const fromValues = Object.fromEntries(from.map((state, i) => [`:from${i}`, state]));
    const extra = Object.entries(details).filter(([, v]) => v !== undefined);
    const OWN_PARTS = 3;
    try {
      await db.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.tableName,
                Key: keys.hold(hold.cardNumber, hold.holdId),
                UpdateExpression: `SET #status = :to, finishedAt = :at, expiresAt = :ttl${extra.map(([k]) => `, ${k} = :${k}`).join('')} REMOVE GSI1PK, GSI1SK, GSI2PK, GSI2SK`,
                ConditionExpression: `#status IN (${Object.keys(fromValues).join(', ')})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':to': to,
                  ':at': at.toISOString(),
                  ':ttl': ttlSeconds(new Date(at.getTime() + FINISHED_RETENTION_DAYS * 86_400_000)),
                  ...fromValues,
                  ...Object.fromEntries(extra.map(([k, v]) => [`:${k}`, v])),
                },
              },
            },
            {
              Delete: {
                TableName: db.tableName,
                Key: keys.activeHoldMarker(hold.cardNumber, hold.titleId),
                ConditionExpression: 'holdId = :holdId',
                ExpressionAttributeValues: { ':holdId': hold.holdId },
              },
            },
            {
              Update: {
                TableName: db.tableName,
                Key: keys.patron(hold.cardNumber),
                UpdateExpression: 'ADD activeHolds :minusOne',
                ExpressionAttributeValues: { ':minusOne': -1 },
              },
            },
            ...alongside,
          ] as never,
        }),
      );
      return { finished: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const failed = cancellationCodes(error).indexOf('ConditionalCheckFailed');
      return failed >= OWN_PARTS ? { finished: false, failedAlongside: failed - OWN_PARTS } : { finished: false };
    }
  },

  /** READY holds of a pickup branch, by deadline; `deadlineBefore` keeps those due earlier. */
  async ready(pickupBranch: string, deadlineBefore?: string): Promise<Hold[]> {
    return queryAll<Hold>(db, {
      IndexName: 'GSI2',
      KeyConditionExpression: deadlineBefore ? 'GSI2PK = :pk AND GSI2SK < :before' : 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.readyPartition(pickupBranch), ...(deadlineBefore ? { ':before': deadlineBefore } : {}) },
    });
  },

  /** A title's active holds in queue order (request time). */
  async queue(titleId: string): Promise<Hold[]> {
    return queryAll<Hold>(db, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :queue)',
      ExpressionAttributeValues: { ':pk': keys.queuePartition(titleId), ':queue': keys.titlePartitionSort.queuePrefix },
    });
  },
});

export type HoldStore = ReturnType<typeof holdStore>;
