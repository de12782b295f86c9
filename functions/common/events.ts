import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventDetail } from '../contract/events.js';
import { events, type DetailType } from '../wiring.js';

/**
 * SPEC 9: ids and states only, never names or addresses. A detail is typed by the schema of
 * its detail-type (contract/events.ts), which the AsyncAPI document is built from.
 */
export interface EventPublisher {
  publish<T extends DetailType>(detailType: T, detail: EventDetail<T>): Promise<void>;
}

/** The client is created on the first event, not at cold start: most requests publish none (issue 12.5). */
export const createEventBridgePublisher = (busName: string, given?: EventBridgeClient): EventPublisher => {
  let client = given;
  return {
    async publish(detailType, detail) {
      client ??= new EventBridgeClient({});
      const result = await client.send(
        new PutEventsCommand({
          Entries: [{ EventBusName: busName, Source: events.source, DetailType: detailType, Detail: JSON.stringify(detail) }],
        }),
      );
      if (result.FailedEntryCount) throw new Error(`event ${detailType} was not accepted by the bus`);
    },
  };
};
