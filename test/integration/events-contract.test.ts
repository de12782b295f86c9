import specs from '@asyncapi/specs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAsyncApiDocument, detailJsonSchema, eventExamples } from '../../functions/contract/asyncapi.js';
import { eventDetails } from '../../functions/contract/events.js';
import { events, mailFeedback, type DetailType } from '../../functions/wiring.js';
import { eventViolation } from '../support/event-check.js';
import { holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13 / SPEC 9: the events on the bus are documented as AsyncAPI 3.0, built from the
 * schemas the publishing code is typed by, and every event that passes through a test app's
 * bus is checked against that document (test/support/test-app.ts fails on a violation).
 */
let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:00:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

type Message = { name: string; payload: { properties: { source: { const: string }; 'detail-type': { const: string }; detail: object } } };
type Document = { components: { messages: Record<string, Message> }; channels: Record<string, { messages: Record<string, unknown> }> };
type BusEvent = { source: string; detailType: string; detail: Record<string, unknown> };

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;

describe('SPEC 9 the events document (AsyncAPI 3.0)', () => {
  const document = buildAsyncApiDocument() as unknown as Document;

  it('is a valid AsyncAPI 3.0 document (by the schema of @asyncapi/specs)', () => {
    // The spec's schema embeds the draft-07 meta-schema under its own id: ajv must not add its copy too.
    const ajv = new Ajv({ strict: false, allErrors: true, meta: false, validateSchema: false, code: { optimize: false } });
    addFormats(ajv);
    const validate = ajv.compile(specs.schemas['3.0.0']);
    expect(validate(document), ajv.errorsText(validate.errors)).toBe(true);
    // …and the check can fail.
    expect(validate({ ...document, channels: { bus: { address: 42 } } })).toBe(false);
  });

  it('lists every detail-type of the wiring, with source library, and the SES events the service receives', () => {
    const listed = Object.values(document.components.messages).map((m) => `${m.payload.properties.source.const} ${m.payload.properties['detail-type'].const}`);
    const expected = [
      ...Object.values(events.detailTypes).map((t) => `${events.source} ${t}`),
      ...Object.values(mailFeedback.detailTypes).map((t) => `${mailFeedback.source} ${t}`),
    ];
    expect(listed.sort()).toEqual(expected.sort());
    expect(Object.keys(Object.values(document.channels)[0]?.messages ?? {}).sort()).toEqual(Object.keys(document.components.messages).sort());
  });

  it("describes each detail in JSON Schema that draft-07 (AsyncAPI's default schema format) reads alike", () => {
    for (const schema of Object.values(eventDetails)) {
      const { $schema: _dialect, ...draft7 } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
      expect(detailJsonSchema(schema)).toEqual(draft7);
    }
  });

  it("the document's examples are valid events", () => {
    for (const [detailType, detail] of Object.entries(eventExamples)) expect(eventViolation({ detailType, detail })).toBeUndefined();
  });

  it('reports a detail with a missing field, an extra field (a name), or a patron on a fulfilment, and an unknown detail-type', () => {
    const renewal = eventExamples.LoanRenewed;
    const { dueDate: _dueDate, ...withoutDueDate } = renewal;
    expect(eventViolation({ detailType: 'LoanRenewed', detail: withoutDueDate })).toMatch(/required property 'dueDate'/);
    expect(eventViolation({ detailType: 'LoanRenewed', detail: { ...renewal, patronName: '予約 花子' } })).toMatch(/additional properties \(patronName\)/);
    const { holdId: _holdId, cardNumber, ...change } = eventExamples.HoldStateChanged as Record<string, unknown>;
    expect(eventViolation({ detailType: 'HoldStateChanged', detail: { ...change, from: 'READY', to: 'FULFILLED' } })).toBeUndefined();
    expect(eventViolation({ detailType: 'HoldStateChanged', detail: { ...change, from: 'READY', to: 'FULFILLED', cardNumber } })).toMatch(/cardNumber/);
    expect(eventViolation({ detailType: 'HoldStateChanged', detail: { ...change, to: 'READY' } })).toMatch(/required property 'holdId'/);
    expect(eventViolation({ detailType: 'HoldMoved', detail: {} })).toMatch(/does not list/);
    expect(eventViolation({ source: 'aws.ses', detailType: 'Email Bounced', detail: { eventType: 'Bounce' } })).toMatch(/mail/);
  });
});

describe('SPEC 9 the events the service publishes match the document', () => {
  it('a placed, registered and cancelled hold, a fulfilment, a renewal, a job run request and a bounce: every event validates', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff, [{}]);
    const placed = await holdPlaced(app, patron.token, titleId);
    expect((await app.request('POST', '/admin/jobs/hold-registration/run', { token: staff })).status).toBe(202);
    await app.services.bus.settled();
    expect((await app.request('DELETE', `/api/me/holds/${placed.holdId}`, { token: patron.token })).status).toBe(200);

    const lent = await newTitle(app, staff, [{}]);
    const itemId = lent.itemIds[0] as string;
    expect(
      (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId: lent.titleId, pickupBranch: 'central' } })).status,
    ).toBe(201);
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } })).body.action).toBe('HOLD_SHELF');
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: patron.cardNumber, itemId } })).status).toBe(200);
    expect((await app.request('POST', '/api/me/loans/renew', { token: patron.token, body: { itemIds: [itemId] } })).body.results[0].ok).toBe(true);

    const email = `events-${patron.cardNumber}@example.jp`;
    expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
    expect((await app.request('POST', '/admin/local/mail-feedback', { body: { email, type: 'Bounce' } })).body.marked).toBe(1);

    // Draining the outbox puts the events on the local bus, where the test app checks each
    // (a violation would fail this request); here they are checked once more, explicitly.
    const seen = ((await app.request('GET', '/admin/local/events?limit=1000')).body as BusEvent[]).filter(
      (e) =>
        e.detail.cardNumber === patron.cardNumber ||
        e.detail.titleId === titleId ||
        e.detail.titleId === lent.titleId ||
        e.detailType === 'JobRunRequested' ||
        e.source === mailFeedback.source,
    );
    expect(seen.map((e) => eventViolation(e)).filter(Boolean)).toEqual([]);
    const kinds = new Set(seen.map((e) => (e.detailType === 'HoldStateChanged' ? `${e.detailType} ${e.detail.to}` : e.detailType)));
    expect([...kinds].sort()).toEqual(
      [
        'Email Bounced',
        'EmailStatusChanged',
        'HoldStateChanged CANCELLED',
        'HoldStateChanged FULFILLED',
        'HoldStateChanged PROVISIONAL',
        'HoldStateChanged READY',
        'HoldStateChanged WAITING',
        'JobRunRequested',
        'LoanRenewed',
      ].sort(),
    );
  });

  it('an event that breaks the document fails the test app at its next request', async () => {
    const wrong = { ...eventExamples.LoanRenewed, patronName: '予約 花子' };
    await app.services.bus.publish('LoanRenewed' satisfies DetailType, wrong as never);
    await expect(app.request('GET', '/api/branches')).rejects.toThrow(/events that break the events contract[\s\S]*patronName/);
  });
});
