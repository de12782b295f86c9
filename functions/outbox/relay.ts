import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { EventPublisher } from '../common/events.js';
import { outboxEventOf, type OutboxStore } from '../store/outbox.js';

/** The part of a DynamoDB stream record the relay reads (Lambda's event and GetRecords agree). */
export interface StreamRecord {
  readonly eventName?: string;
  readonly dynamodb?: {
    readonly NewImage?: Record<string, AttributeValue>;
    readonly SequenceNumber?: string;
  };
}

export interface RelayOutcome {
  readonly published: number;
  /** The sequence number of the first record not published: it and all after it are retried. */
  readonly failedAt?: string;
}

/**
 * SPEC 9 / decision 014: puts the events of new outbox items on the bus, in stream order.
 * Other records (every other write of the table, outbox items removed by TTL) are passed
 * over. On the first failure it stops, so the record and everything after it are delivered
 * again (at least once; `eventId` lets a subscriber drop a repeat) and order is kept.
 * A published event's item is deleted (it names a patron beside a title, SPEC 6); a failed
 * delete is left to the item's TTL rather than publishing again.
 */
export const relayOutboxEvents = async (
  records: readonly StreamRecord[],
  bus: EventPublisher,
  outbox: Pick<OutboxStore, 'forget'>,
  logger: Logger,
): Promise<RelayOutcome> => {
  let published = 0;
  for (const record of records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const event = outboxEventOf(unmarshall(record.dynamodb.NewImage));
    if (!event) continue;
    try {
      await bus.publish(event.detailType, { ...event.detail, eventId: event.eventId });
      published += 1;
    } catch (error) {
      logger.warn('outbox event not published yet', { eventId: event.eventId, detailType: event.detailType, errorMessage: (error as Error).message });
      return { published, failedAt: record.dynamodb.SequenceNumber };
    }
    try {
      await outbox.forget(event.eventId);
    } catch (error) {
      logger.warn('published outbox event not deleted; its TTL will', { eventId: event.eventId, errorMessage: (error as Error).message });
    }
  }
  return { published };
};
