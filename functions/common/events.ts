import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { events } from '../wiring.js';

/** SPEC 9: ids and states only, never names or addresses. */
export interface EventPublisher {
  publish(detailType: string, detail: Record<string, unknown>): Promise<void>;
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
