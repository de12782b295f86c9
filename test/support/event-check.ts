import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildAsyncApiDocument } from '../../functions/contract/asyncapi.js';
import { events } from '../../functions/wiring.js';

type Message = { payload: { properties: { source: { const: string }; 'detail-type': { const: string } } } };
type Document = { components: { messages: Record<string, Message> } };

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

let shared: { ajv: Ajv2020; messages: Map<string, Message>; validators: Map<string, ValidateFunction> } | undefined;

const key = (source: string, detailType: string) => `${source} ${detailType}`;

/** One document and one compiled validator per message, for the whole test run. */
const compiled = () => {
  if (!shared) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const document = buildAsyncApiDocument() as Document;
    const messages = new Map(
      Object.values(document.components.messages).map((m) => [key(m.payload.properties.source.const, m.payload.properties['detail-type'].const), m]),
    );
    shared = { ajv, messages, validators: new Map() };
  }
  return shared;
};

const describeError = (e: ErrorObject): string => {
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  return `${e.instancePath || '/'} ${e.message}${extra ? ` (${extra})` : ''}`;
};

/** An event as the local bus sees it (lib/local/local-event-bus.ts); `source` defaults to the library's. */
export interface BusEventLike {
  readonly source?: string;
  readonly detailType: string;
  readonly detail: unknown;
}

/**
 * Checks one event against the AsyncAPI document (issue 13, SPEC 9): its source and
 * detail-type must be a message the document lists, and the envelope with its detail must
 * match that message's payload. Returns what is wrong, or undefined.
 */
export const eventViolation = (event: BusEventLike): string | undefined => {
  const { ajv, messages, validators } = compiled();
  const source = event.source ?? events.source;
  const where = `event ${event.detailType} (source ${source})`;
  const id = key(source, event.detailType);
  const message = messages.get(id);
  if (!message) return `${where}: a detail-type the events document does not list`;
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(message.payload);
    validators.set(id, validate);
  }
  if (validate({ source, 'detail-type': event.detailType, detail: event.detail })) return undefined;
  return `${where}, not as the events document says: ${(validate.errors ?? []).map(describeError).join('; ')}`;
};

/** Collects the violations of every event that passes through a test app's bus; the test app reports them. */
export const createEventRecorder = () => {
  const violations: string[] = [];
  return {
    // Never throws: it runs inside the bus's publish, which must not fail for a test's sake.
    observe: (event: BusEventLike) => {
      try {
        const violation = eventViolation(event);
        if (violation) violations.push(violation);
      } catch (error) {
        violations.push(`event ${event.detailType} could not be checked: ${(error as Error).message}`);
      }
    },
    /** The violations since the last call. */
    take: (): string[] => violations.splice(0),
  };
};
