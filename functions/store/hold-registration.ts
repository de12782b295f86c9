import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionFailure, type Db } from './db.js';
import type { Hold } from './holds.js';
import { keys, stripKeys } from './keys.js';
import { outboxParts, type PendingEvent } from './outbox.js';
import { pullTitleId, pullTitlePut } from './pull-titles.js';

/** One hold to register (SPEC 5.3) and what its transaction checks and writes beside it. */
export interface Registration {
  readonly hold: Hold;
  readonly events: readonly PendingEvent[];
  /**
   * SPEC 5.2 rule 2 as conditions: the copies of the hold's title, none of which may be on
   * loan to the hold's patron when the registration commits (a loan record is keyed by copy).
   */
  readonly loanCheckItemIds: readonly string[];
  /** Branches where the title has a copy: their pull-list markers are written with it. */
  readonly pullBranches: readonly string[];
}

export type RegistrationOutcome = 'registered' | 'handled' | 'on-loan';

/** DynamoDB's limit of parts in one transaction. */
export const MAX_TRANSACTION_PARTS = 100;

/** Parts a registration adds to a transaction (markers shared with another hold of the group count once). */
export const partsOf = (registration: Registration): number => 1 + registration.events.length + registration.loanCheckItemIds.length + registration.pullBranches.length;

const sortKey = (hold: Pick<Hold, 'requestedAt' | 'holdId'>) => `${hold.requestedAt}#${hold.holdId}`;

interface ShardCursor {
  buffer: Hold[];
  nextKey?: Record<string, unknown>;
  done: boolean;
}

/** The registration batch's reads and writes (part of the hold store, `deps.store.holds`). */
export const holdRegistrations = (db: Db) => {
  const queryShard = async (pk: string, until: Date, pageSize: number, startKey?: Record<string, unknown>) => {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :until',
        ExpressionAttributeValues: { ':pk': pk, ':until': `${until.toISOString()}#~` },
        Limit: pageSize,
        ExclusiveStartKey: startKey,
      }),
    );
    return { holds: (page.Items ?? []).map((item) => stripKeys(item) as unknown as Hold), nextKey: page.LastEvaluatedKey };
  };

  /**
   * PROVISIONAL holds requested up to `until`, in request order across every shard, a batch
   * at a time: each shard is read `pageSize` at a time, and a batch holds what is certainly
   * next in order (up to the smallest last key among shards not yet exhausted).
   */
  async function* provisionalInOrder(until: Date, pageSize = 100): AsyncGenerator<Hold[]> {
    const cursors = new Map<string, ShardCursor>(keys.provisionalPartitions.map((pk) => [pk, { buffer: [], done: false }]));
    for (;;) {
      await Promise.all(
        [...cursors].map(async ([pk, cursor]) => {
          if (cursor.buffer.length > 0 || cursor.done) return;
          const page = await queryShard(pk, until, pageSize, cursor.nextKey);
          cursor.buffer = page.holds;
          cursor.nextKey = page.nextKey;
          cursor.done = page.nextKey === undefined;
        }),
      );
      const open = [...cursors.values()].filter((c) => !c.done);
      // A shard that answered an empty page with more to come is read again first.
      if (open.some((c) => c.buffer.length === 0)) continue;
      const horizon = open.length === 0 ? undefined : open.map((c) => sortKey(c.buffer.at(-1) as Hold)).sort()[0];
      const batch: Hold[] = [];
      for (const cursor of cursors.values()) {
        const taken = horizon === undefined ? cursor.buffer : cursor.buffer.filter((h) => sortKey(h) <= horizon);
        cursor.buffer = cursor.buffer.slice(taken.length);
        batch.push(...taken);
      }
      if (batch.length === 0 && open.length === 0) return;
      yield batch.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    }
  }

  /**
   * SPEC 5.3: PROVISIONAL → WAITING for every hold of `registrations` in ONE transaction
   * (up to MAX_TRANSACTION_PARTS parts), each on the condition that it is still PROVISIONAL
   * and its patron has no copy of the title on loan, with its events and the title's
   * pull-list markers. When a condition fails nothing is written: the holds it names are
   * decided (`handled`: another run registered or someone cancelled it; `on-loan`) and the
   * rest go again together. Two runs at once register each hold once.
   */
  const registerAll = async (registrations: readonly Registration[], at: Date, touchedAt: Date): Promise<RegistrationOutcome[]> => {
    const outcomes = new Map<Registration, RegistrationOutcome>();
    let pending = [...registrations];
    while (pending.length > 0) {
      const markers = new Set<string>();
      const parts: Record<string, unknown>[] = [];
      const spans = pending.map((registration) => {
        const { hold } = registration;
        const start = parts.length;
        parts.push({
          Update: {
            TableName: db.tableName,
            Key: keys.hold(hold.cardNumber, hold.holdId),
            UpdateExpression: 'SET #status = :waiting, registeredAt = :at REMOVE GSI2PK, GSI2SK',
            ConditionExpression: '#status = :provisional',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':waiting': 'WAITING', ':provisional': 'PROVISIONAL', ':at': at.toISOString() },
          },
        });
        for (const itemId of registration.loanCheckItemIds) {
          parts.push({
            ConditionCheck: { TableName: db.tableName, Key: keys.loan(hold.cardNumber, itemId), ConditionExpression: 'attribute_not_exists(PK)' },
          });
        }
        const loanChecksEnd = parts.length;
        for (const branch of registration.pullBranches) {
          if (markers.has(pullTitleId(branch, hold.titleId))) continue;
          markers.add(pullTitleId(branch, hold.titleId));
          parts.push(pullTitlePut(db, branch, hold.titleId, touchedAt));
        }
        parts.push(...outboxParts(db, registration.events, at));
        return { registration, start, loanChecksEnd };
      });
      try {
        await db.client.send(new TransactWriteCommand({ TransactItems: parts as never }));
        for (const registration of pending) outcomes.set(registration, 'registered');
        pending = [];
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const codes = cancellationCodes(error);
        const failed = (from: number, to: number) => codes.slice(from, to).includes('ConditionalCheckFailed');
        for (const { registration, start, loanChecksEnd } of spans) {
          if (failed(start, start + 1)) outcomes.set(registration, 'handled');
          else if (failed(start + 1, loanChecksEnd)) outcomes.set(registration, 'on-loan');
        }
        const before = pending.length;
        pending = pending.filter((registration) => !outcomes.has(registration));
        if (pending.length === before) throw error;
      }
    }
    return registrations.map((registration) => outcomes.get(registration) as RegistrationOutcome);
  };

  return {
    provisionalInOrder,
    registerAll,

    /** The first PROVISIONAL holds requested up to `until`, oldest first (one batch of provisionalInOrder). */
    async provisionalUpTo(until: Date, pageSize = 100): Promise<{ holds: Hold[] }> {
      for await (const holds of provisionalInOrder(until, pageSize)) return { holds };
      return { holds: [] };
    },

    /** SPEC 5.3 for one hold, without the loan check and the markers (a crashed run in tests). */
    async register(hold: Hold, at: Date, events: readonly PendingEvent[] = []): Promise<boolean> {
      const [outcome] = await registerAll([{ hold, events, loanCheckItemIds: [], pullBranches: [] }], at, at);
      return outcome === 'registered';
    },

    /** WAITING holds not yet filed under pull-list markers (placed at the counter, or before decision 019), a page at a time. */
    async stagedWaiting(pageSize = 100, startKey?: Record<string, unknown>) {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.waitingPartition },
          Limit: pageSize,
          ExclusiveStartKey: startKey,
        }),
      );
      return { holds: (page.Items ?? []).map((item) => stripKeys(item) as unknown as Hold), nextKey: page.LastEvaluatedKey };
    },

    /**
     * Files a staged WAITING hold: its title's markers for `branches` are written and the hold
     * leaves the staging partition, together; false when it had left it already (a copy was
     * assigned, it ended, or another run filed it).
     */
    async fileStaged(hold: Hold, branches: readonly string[], touchedAt: Date): Promise<boolean> {
      try {
        await db.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: db.tableName,
                  Key: keys.hold(hold.cardNumber, hold.holdId),
                  UpdateExpression: 'REMOVE GSI2PK, GSI2SK',
                  ConditionExpression: 'GSI2PK = :staged',
                  ExpressionAttributeValues: { ':staged': keys.waitingPartition },
                },
              },
              ...branches.map((branch) => pullTitlePut(db, branch, hold.titleId, touchedAt)),
            ] as never,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
};
