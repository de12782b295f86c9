import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createEventBridgePublisher } from '../common/events.js';
import { createLogger } from '../common/logger.js';
import { relayOutboxEvents } from '../outbox/relay.js';
import { createDb } from '../store/db.js';
import { outboxStore } from '../store/outbox.js';

const logger = createLogger('outbox-relay');
const busName = process.env.EVENT_BUS_NAME;
if (!busName) throw new Error('EVENT_BUS_NAME is not set');
const bus = createEventBridgePublisher(busName);
const outbox = outboxStore(createDb(process.env.TABLE_NAME ?? ''));

/**
 * The table's stream, filtered to new outbox items (lib/cloud/outbox-relay.ts), to the bus.
 * A failure reports the first record not published, so Lambda retries from there.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
  const outcome = await relayOutboxEvents(event.Records as never, bus, outbox, logger);
  return { batchItemFailures: outcome.failedAt ? [{ itemIdentifier: outcome.failedAt }] : [] };
});
