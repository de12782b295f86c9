import { randomUUID } from 'node:crypto';
import type { PendingEvent } from '../contract/events.js';
import { outboxRelay } from '../wiring.js';
import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ttlSeconds, whenConditionsHold, type Db } from './db.js';
import { keys } from './keys.js';

/**
 * An event to publish once the change it reports has committed (SPEC 9), built with
 * `outboxEvent` (contract/events.ts), which types its detail by the schema of its type. It is
 * written as an item in the same transaction as the change, so the change and its event
 * exist together or not at all; the table's stream carries it to the bus (decision 014).
 */
export type { PendingEvent };

/** What the relay reads back from a stream image. `eventId` lets subscribers drop a repeat. */
export type OutboxEvent = PendingEvent & { readonly eventId: string };

/** The record type of outbox items, which the stream filter selects on. */
export const OUTBOX_RECORD_TYPE = outboxRelay.recordType;

/** The relay deletes an item once published; if that delete fails, TTL removes it after a day. */
const RETENTION_MS = 86_400_000;

/** A conditional UpdateItem of one item, as a transaction part (TableName filled in). */
export interface ItemUpdate {
  readonly Key: Record<string, unknown>;
  readonly UpdateExpression: string;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * One conditional update and the events it reports, in one transaction: true when written,
 * false when the condition failed (nothing is written then, the events neither).
 */
export const updateWithEvents = (db: Db, update: ItemUpdate, events: readonly PendingEvent[], at: Date): Promise<boolean> =>
  whenConditionsHold(
    db.client.send(
      new TransactWriteCommand({
        TransactItems: [{ Update: { TableName: db.tableName, ...update } }, ...outboxParts(db, events, at)] as never,
      }),
    ),
  );

/** Transaction parts that write `events` beside a change (appended after its own parts). */
export const outboxParts = (db: Db, events: readonly PendingEvent[], at: Date): Record<string, unknown>[] =>
  events.map((event) => {
    const eventId = randomUUID();
    return {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.outboxEvent(eventId),
          type: OUTBOX_RECORD_TYPE,
          eventId,
          detailType: event.detailType,
          detail: event.detail,
          at: at.toISOString(),
          expiresAt: ttlSeconds(new Date(at.getTime() + RETENTION_MS)),
        },
      },
    };
  });

export const outboxStore = (db: Db) => ({
  parts: (events: readonly PendingEvent[], at: Date) => outboxParts(db, events, at),

  /** Removes a published event: it names a patron beside a title (SPEC 6), kept no longer than needed. */
  async forget(eventId: string): Promise<void> {
    await db.client.send(new DeleteCommand({ TableName: db.tableName, Key: keys.outboxEvent(eventId) }));
  },
});

/** The event an item carries when it is an outbox item, from its (unmarshalled) image. */
export const outboxEventOf = (image: Record<string, unknown> | undefined): OutboxEvent | undefined => {
  if (image?.type !== OUTBOX_RECORD_TYPE) return undefined;
  const { eventId, detailType, detail } = image;
  if (typeof eventId !== 'string' || typeof detailType !== 'string' || typeof detail !== 'object' || detail === null) return undefined;
  // The item was written from a PendingEvent (outboxParts above).
  return { eventId, detailType, detail } as OutboxEvent;
};

export type OutboxStore = ReturnType<typeof outboxStore>;
