import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8.5 / decision 014: a hold or loan event is written in the transaction of its change
 * and reaches the bus through the table stream and the relay, so it is neither lost when
 * the function dies after the write nor published for a change that did not happen.
 */
let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-02T10:00:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());
afterEach(() => {
  app.services.db.client.middlewareStack.remove('injected');
});

type BusEvent = { detailType: string; detail: Record<string, unknown> };
const busEvents = async () => (await app.request('GET', '/admin/local/events?limit=1000')).body as BusEvent[];
const eventsOfHold = async (holdId: string) => (await busEvents()).filter((e) => e.detail.holdId === holdId).map((e) => `${e.detail.from}>${e.detail.to}`);

/** The function dies right after its next transaction reached the table. */
const dieAfterNextTransaction = () => {
  let armed = true;
  app.services.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (armed && String(context.commandName).startsWith('TransactWrite')) {
        armed = false;
        throw Object.assign(new Error('injected: the function died after this write'), { name: 'InjectedCrash' });
      }
      return result;
    },
    { step: 'deserialize', name: 'injected' },
  );
};

describe('SPEC 9 events go out with the change they report (decision 014)', () => {
  it('a hold placed by a function that died right after the write still has its event on the bus', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    dieAfterNextTransaction();
    const died = await app.request('POST', '/api/me/holds', { token: patron.token, body: { titleId, pickupBranch: 'central' } });
    expect(died.status).toBe(500);
    const held = (await app.request('GET', '/api/me/status', { token: patron.token })).body.holds as { holdId: string; titleId: string }[];
    const hold = held.find((h) => h.titleId === titleId);
    expect(hold).toBeDefined();
    expect(await eventsOfHold(hold?.holdId as string)).toEqual(['null>PROVISIONAL']);
  });

  it('a change refused by its condition publishes nothing', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, patron.token, titleId);
    expect((await app.request('POST', '/api/me/holds', { token: patron.token, body: { titleId, pickupBranch: 'east' } })).body.error.code).toBe('ALREADY_HELD');
    expect((await app.request('DELETE', `/api/me/holds/${hold.holdId}`, { token: patron.token })).status).toBe(200);
    expect((await app.request('DELETE', `/api/me/holds/${hold.holdId}`, { token: patron.token })).status).toBe(409);
    expect(await eventsOfHold(hold.holdId)).toEqual(['PROVISIONAL>CANCELLED', 'null>PROVISIONAL']);
  });

  it('while the bus refuses, events wait in the stream; then each arrives once, in order', async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff);
    const bus = app.services.bus;
    const publish = bus.publish.bind(bus);
    let refusals = 0;
    bus.publish = async (detailType, detail) => {
      if (detailType !== 'JobRunRequested' && refusals < 3) {
        refusals += 1;
        throw new Error('injected: the bus is unavailable');
      }
      return publish(detailType, detail);
    };
    try {
      const holdId = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId, pickupBranch: 'central' } })).body
        .holdId as string;
      await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[0], branch: 'central' } });
      await app.services.outbox.drain(); // refused: kept for the next round
      expect(refusals).toBeGreaterThan(0);
      for (let round = 0; round < 5 && refusals < 3; round += 1) await app.services.outbox.drain();
      expect(refusals).toBe(3);
      const events = (await busEvents()).filter((e) => e.detail.holdId === holdId);
      expect(events.map((e) => `${e.detail.from}>${e.detail.to}`)).toEqual(['WAITING>READY', 'null>WAITING']);
      expect(new Set(events.map((e) => e.detail.eventId)).size).toBe(2);
    } finally {
      bus.publish = publish;
    }
  });

  it('a renewal and its LoanRenewed event are one write', async () => {
    const patron = await newPatron(app, staff);
    const { itemIds } = await newTitle(app, staff);
    const itemId = itemIds[0] as string;
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: patron.cardNumber, itemId } })).status).toBe(200);
    dieAfterNextTransaction();
    expect((await app.request('POST', '/api/me/loans/renew', { token: patron.token, body: { itemIds: [itemId] } })).status).toBe(500);
    const renewed = (await busEvents()).filter((e) => e.detailType === 'LoanRenewed' && e.detail.itemId === itemId);
    expect(renewed).toHaveLength(1);
    const loan = (await app.request('GET', '/api/me/status', { token: patron.token })).body.loans[0];
    expect(loan).toMatchObject({ itemId, renewed: true, dueDate: renewed[0]?.detail.dueDate });
  });
});
