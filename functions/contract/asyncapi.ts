import * as z from 'zod/mini';
import { events, type DetailType } from '../wiring.js';
import { eventDetails, receivedMailEvents, SesMailEventDetail, type EventDetail } from './events.js';

type JsonSchema = Record<string, unknown>;

/** The events document's own version: raised with every change of a detail-type or a field. */
export const EVENTS_VERSION = '1.0.0';

/** The detail schemas are written in the JSON Schema subset that draft-07 (AsyncAPI's default schema format) reads alike. */
export const detailJsonSchema = (schema: z.ZodMiniType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as JsonSchema;
  return rest;
};

/** The channel, message and operation names of the document. */
const CHANNEL = 'libraryBus';
const SES_MESSAGE = (detailType: string) => `Ses${detailType.replace(/^Email /, '').replace(/ /g, '')}`;

/**
 * An event as EventBridge delivers it to a rule's target: the envelope around `detail`.
 * The service sets `source`, `detail-type` and `detail`; EventBridge adds the rest.
 */
const envelope = (source: string, detailType: string, detail: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['source', 'detail-type', 'detail'],
  properties: {
    version: { type: 'string', description: 'Set by EventBridge ("0").' },
    id: { type: 'string', description: "EventBridge's id of this delivery (a repeat may carry another; use `detail.eventId` where there is one)." },
    source: { type: 'string', const: source },
    'detail-type': { type: 'string', const: detailType },
    account: { type: 'string', description: 'Set by EventBridge.' },
    time: { type: 'string', description: 'When the bus received it (set by EventBridge); the change itself is `detail.at`.' },
    region: { type: 'string', description: 'Set by EventBridge.' },
    resources: { type: 'array', items: { type: 'string' }, description: 'Set by EventBridge (empty).' },
    detail,
  },
});

/** One example detail per detail-type, for integrators; the tests validate them like real events. */
export const eventExamples: { readonly [T in DetailType]: EventDetail<T> } = {
  JobRunRequested: { job: 'search-index', trigger: 'manual', runId: '20261201T010000Z-3f2a9c41' },
  HoldStateChanged: {
    holdId: '9d3c6b2a-4e1f-4a7b-8c0d-5e6f7a8b9c0d',
    cardNumber: '10000001',
    titleId: '9784101010014',
    pickupBranch: 'central',
    from: 'WAITING',
    to: 'READY',
    at: '2026-12-01T01:00:00.000Z',
    itemId: '2000000001',
    eventId: '5b0e6f4c-3d3a-4c59-9a58-1f7c2e0d9b11',
  },
  LoanRenewed: {
    itemId: '2000000001',
    titleId: '9784101010014',
    dueDate: '2026-12-15',
    previousDueDate: '2026-12-08',
    at: '2026-12-01T01:00:00.000Z',
    eventId: '0c4d1b8e-7a52-4f0e-b7f1-8d2a3e4c5f60',
  },
  EmailStatusChanged: {
    cardNumber: '10000001',
    emailStatus: 'BOUNCING',
    reason: 'BOUNCE',
    at: '2026-12-01T01:00:00.000Z',
    eventId: 'a7e2c9d4-1b3f-4e6a-8c5d-2f9b0e1a3c47',
  },
};

const DESCRIPTION = `Events of the library's reservation service on its EventBridge bus (SPEC 9), for other systems to subscribe to (an SMS gateway, statistics, a city portal).

- Every event the service publishes has \`source\` \`${events.source}\`; subscribe with a rule on \`source\` and \`detail-type\`.
- **Privacy**: events carry ids and states, never a name, an address, a phone number or a birth date. The end of a hold by fulfilment (a loan beginning) and \`LoanRenewed\` carry no patron identifier at all, so no reading trail leaves the service.
- Hold, loan and mail-status events are written in the same transaction as the change they report and published from there (decision 014): there is an event for every change that happened and none for a change that did not. Delivery is at least once, usually within a second: drop a repeat by \`detail.eventId\`. Order is kept for the events of one change; across changes order by \`detail.at\`.
- \`JobRunRequested\` is the service's own request to run a job (staff "run now", the search index rebuild after an import, a continuation); a rule per job delivers it.
- The service also receives SES's mail events (source \`${receivedMailEvents.source}\`), forwarded to the bus from the account's default bus (SPEC 10.4).`;

/**
 * The AsyncAPI 3.0 document of the library's bus, built from the detail schemas the
 * publishing code is typed by (contract/events.ts). `npm run contract` writes it to docs/.
 */
export const buildAsyncApiDocument = (): JsonSchema => {
  const messages: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  const ref = (name: string) => ({ $ref: `#/channels/${CHANNEL}/messages/${name}` });

  for (const [detailType, schema] of Object.entries(eventDetails) as [DetailType, z.ZodMiniType][]) {
    const detail = detailJsonSchema(schema);
    messages[detailType] = {
      name: detailType,
      title: detailType,
      summary: detail.description,
      contentType: 'application/json',
      payload: envelope(events.source, detailType, detail),
      examples: [{ name: detailType, payload: { source: events.source, 'detail-type': detailType, detail: eventExamples[detailType] } }],
    };
    operations[`send${detailType}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${CHANNEL}` },
      summary: `The service publishes ${detailType}.`,
      messages: [ref(detailType)],
    };
  }
  operations.receiveJobRunRequested = {
    action: 'receive',
    channel: { $ref: `#/channels/${CHANNEL}` },
    summary: 'A rule per job delivers JobRunRequested to the job whose name is `detail.job`.',
    messages: [ref(events.detailTypes.jobRunRequested)],
  };

  const sesDetail = detailJsonSchema(SesMailEventDetail);
  for (const detailType of receivedMailEvents.detailTypes) {
    messages[SES_MESSAGE(detailType)] = {
      name: detailType,
      title: `SES: ${detailType}`,
      summary: sesDetail.description,
      contentType: 'application/json',
      payload: envelope(receivedMailEvents.source, detailType, sesDetail),
    };
  }
  operations.receiveMailFeedback = {
    action: 'receive',
    channel: { $ref: `#/channels/${CHANNEL}` },
    summary: 'SPEC 10.4: a permanent bounce, a complaint or a rejection marks the address BOUNCING (and publishes EmailStatusChanged).',
    messages: receivedMailEvents.detailTypes.map((t) => ref(SES_MESSAGE(t))),
  };

  return {
    asyncapi: '3.0.0',
    info: { title: 'Library reservation events', version: EVENTS_VERSION, description: DESCRIPTION },
    defaultContentType: 'application/json',
    channels: {
      [CHANNEL]: {
        // The bus's name is generated by the stack (an output of its deployment).
        address: null,
        title: "The library's EventBridge bus",
        description: "One bus for the service's events (`source` `library`) and the SES events it receives. Rules select by `source` and `detail-type`.",
        messages: Object.fromEntries(Object.keys(messages).map((name) => [name, { $ref: `#/components/messages/${name}` }])),
      },
    },
    operations,
    components: { messages },
  };
};
