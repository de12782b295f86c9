import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-02T10:00:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

const busEvents = async () => (await app.request('GET', '/admin/local/events?limit=200')).body as { detailType: string; detail: Record<string, unknown> }[];

describe('SPEC 9 no reading trail on the bus', () => {
  it('the fulfilment event names neither patron nor hold, the renewal event no patron; the hold’s other events carry ids and states only', async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{}]);
    const itemId = itemIds[0] as string;
    const held = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId, pickupBranch: 'central' } });
    expect(held.status).toBe(201);
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } })).body.action).toBe('HOLD_SHELF');
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: patron.cardNumber, itemId } })).status).toBe(200);
    const renewed = await app.request('POST', '/api/me/loans/renew', { token: patron.token, body: { itemIds: [itemId] } });
    expect(renewed.body.results[0].ok).toBe(true);

    const events = await busEvents();
    const fulfilled = events.filter((e) => e.detailType === 'HoldStateChanged' && e.detail.itemId === itemId && e.detail.to === 'FULFILLED');
    const renewal = events.filter((e) => e.detailType === 'LoanRenewed' && e.detail.itemId === itemId);
    expect(fulfilled).toHaveLength(1);
    expect(renewal).toHaveLength(1);
    for (const event of [...fulfilled, ...renewal]) {
      expect(JSON.stringify(event.detail)).not.toContain(patron.cardNumber);
      expect(event.detail).not.toHaveProperty('cardNumber');
    }
    // Nor the hold: its earlier events name the card, so its id would join them.
    expect(fulfilled[0]?.detail).not.toHaveProperty('holdId');
    const ready = events.find((e) => e.detailType === 'HoldStateChanged' && e.detail.holdId === held.body.holdId && e.detail.to === 'READY');
    expect(Object.keys(ready?.detail ?? {}).sort()).toEqual(['at', 'cardNumber', 'eventId', 'from', 'holdId', 'itemId', 'pickupBranch', 'titleId', 'to']);
  });
});
