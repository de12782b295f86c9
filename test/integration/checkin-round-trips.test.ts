import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter } from '../../bench/support.js';
import { holdIn, holdPlaced, lent, newPatron, newTitle, statusOf } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;
const counter = new RequestCounter();

// 2026-12-01 is a Tuesday; branches open Tuesday to Sunday, closed on Mondays.
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
  counter.attach(app.services.db.client);
});
afterAll(async () => {
  await app?.stop();
});

const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};

/** A patron whose pickup notices go by mail (the deadline counts from the notice date, SPEC 5.4 / 5.6). */
const mailedPatron = async () => {
  const patron = await newPatron(app, staff);
  const saved = await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email: `rt-${patron.cardNumber}@example.jp`, contactMethod: 'EMAIL' } });
  expect(saved.status).toBe(200);
  return patron;
};

/** A title with one copy at central and a WAITING hold on it (registered), picked up at `pickupBranch`. */
const waitedFor = async (patron: { token: string }, pickupBranch = 'central') => {
  const title = await newTitle(app, staff);
  const hold = await holdPlaced(app, patron.token, title.titleId, pickupBranch);
  await registerNow();
  return { ...title, itemId: title.itemIds[0]!, holdId: hold.holdId };
};

/** The check-in's answer and the DynamoDB requests it took. */
const counted = async (itemId: string, branch: string) => {
  counter.reset();
  const answer = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch } });
  const requests = counter.snapshot();
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { body: answer.body, requests };
};

describe('SPEC 5.4 check-in round trips to DynamoDB (issue 12.2: at most 4)', () => {
  it('a shelf copy for a waiting hold at the scanning branch: 4 requests, READY with the deadline from the notice date (SPEC 5.4 / 5.6), the slip says whose', async () => {
    const patron = await mailedPatron();
    const { itemId, holdId, titleId } = await waitedFor(patron);
    const { body, requests } = await counted(itemId, 'central');
    expect(requests).toEqual({ total: 4, byOperation: { BatchGetItem: 2, Query: 1, TransactWriteItems: 1 } });
    // Ready Tue 12-01, notice Wed 12-02, + 7 days = Wed 12-09 (central open).
    expect(body).toEqual({
      action: 'HOLD_SHELF',
      holdId,
      pickupDeadline: '2026-12-09',
      titleId,
      title: expect.stringMatching(/^テスト資料 /),
      cardNumber: patron.cardNumber,
      patronName: '予約 花子',
      pickupBranch: 'central',
    });
    expect(await holdIn(app, patron.token, holdId)).toMatchObject({ status: 'READY', pickupDeadline: '2026-12-09' });
  });

  it('a returned loan for a waiting hold (the common case at the counter): 4 requests; the loan ends and the hold is READY in the same write', async () => {
    const borrower = await newPatron(app, staff);
    const patron = await newPatron(app, staff);
    const title = await newTitle(app, staff);
    const itemId = title.itemIds[0]!;
    await lent(app, staff, borrower.cardNumber, itemId);
    const hold = await holdPlaced(app, patron.token, title.titleId);
    await registerNow();
    const { body, requests } = await counted(itemId, 'central');
    expect(requests).toEqual({ total: 4, byOperation: { BatchGetItem: 2, Query: 1, TransactWriteItems: 1 } });
    // A patron without mail: ready date + 7 = Tue 12-08 (open).
    expect(body).toMatchObject({ action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: '2026-12-08', cardNumber: patron.cardNumber, patronName: '予約 花子' });
    expect((await statusOf(app, borrower.token)).loans).toEqual([]);
    expect(await holdIn(app, patron.token, hold.holdId)).toMatchObject({ status: 'READY', pickupDeadline: '2026-12-08' });
  });

  it('a returned loan nobody waits for: 4 requests, back on the shelf, the slip names only the title', async () => {
    const borrower = await newPatron(app, staff);
    const title = await newTitle(app, staff);
    await lent(app, staff, borrower.cardNumber, title.itemIds[0]!);
    const { body, requests } = await counted(title.itemIds[0]!, 'central');
    expect(requests).toEqual({ total: 4, byOperation: { BatchGetItem: 2, Query: 1, TransactWriteItems: 1 } });
    expect(body).toEqual({ action: 'SHELVE', branch: 'central', titleId: title.titleId, title: expect.stringMatching(/^テスト資料 /) });
    expect((await statusOf(app, borrower.token)).loans).toEqual([]);
  });

  it('a copy going to another branch for a hold: 4 requests; arriving there: 3 requests, READY with its deadline', async () => {
    const patron = await mailedPatron();
    const { itemId, holdId } = await waitedFor(patron, 'east');
    const sent = await counted(itemId, 'central');
    expect(sent.requests).toEqual({ total: 4, byOperation: { BatchGetItem: 2, Query: 1, TransactWriteItems: 1 } });
    expect(sent.body).toMatchObject({ action: 'TRANSIT', toBranch: 'east', holdId, cardNumber: patron.cardNumber, patronName: '予約 花子', pickupBranch: 'east' });

    const arrived = await counted(itemId, 'east');
    expect(arrived.requests).toEqual({ total: 3, byOperation: { BatchGetItem: 2, TransactWriteItems: 1 } });
    expect(arrived.body).toMatchObject({ action: 'HOLD_SHELF', holdId, pickupDeadline: '2026-12-09', cardNumber: patron.cardNumber, pickupBranch: 'east' });
    expect(await holdIn(app, patron.token, holdId)).toMatchObject({ status: 'READY', pickupDeadline: '2026-12-09' });
  });

  it('SPEC 10.2: a sequenced hold passed over (its previous volume still waits) costs no extra request; the copy goes to the next hold', async () => {
    const reader = await newPatron(app, staff);
    const other = await newPatron(app, staff);
    const volume1 = await newTitle(app, staff);
    const volume2 = await newTitle(app, staff);
    const sequence = await app.request('POST', '/api/me/holds/sequence', {
      token: reader.token,
      body: { titleIds: [volume1.titleId, volume2.titleId], pickupBranch: 'central' },
    });
    expect(sequence.status, JSON.stringify(sequence.body)).toBe(201);
    const next = await holdPlaced(app, other.token, volume2.titleId);
    await registerNow();
    const waiting = ((await statusOf(app, reader.token)).holds as any[]).find((h) => h.titleId === volume2.titleId);
    const { body, requests } = await counted(volume2.itemIds[0]!, 'central');
    expect(requests).toEqual({ total: 4, byOperation: { BatchGetItem: 2, Query: 1, TransactWriteItems: 1 } });
    expect(body).toMatchObject({
      action: 'HOLD_SHELF',
      holdId: next.holdId,
      cardNumber: other.cardNumber,
      passedOver: [{ holdId: waiting.holdId, reason: 'WAITS_FOR' }],
    });
  });

  it('SPEC 11: the session is still checked on every scan — a disabled account answers 401, bad input or not, and the copy stays', async () => {
    expect(
      (await app.request('POST', '/admin/staff', { token: staff, body: { staffId: 'rt-leaver', name: '退職 予定', role: 'COUNTER', password: 'leaver-pass-1' } })).status,
    ).toBe(201);
    const login = await app.request('POST', '/admin/login', { body: { staffId: 'rt-leaver', password: 'leaver-pass-1' } });
    const live = login.body.token as string;
    const patron = await newPatron(app, staff);
    const { itemId } = await waitedFor(patron);
    expect((await app.request('DELETE', '/admin/staff/rt-leaver', { token: staff })).status).toBe(204);
    expect((await app.request('POST', '/admin/checkin', { token: live, body: { itemId, branch: 'central' } })).status).toBe(401);
    expect((await app.request('POST', '/admin/checkin', { token: live, body: { itemId: '', branch: 'central' } })).status).toBe(401);
    expect((await app.request('POST', '/admin/checkin', { token: live, body: { itemId, branch: 'nowhere' } })).status).toBe(401);
    expect(((await statusOf(app, patron.token)).holds as any[])[0]).toMatchObject({ status: 'WAITING' });
  });
});

// Its own stack started on the Sunday: moving a stack's clock forward five days fires every
// scheduled run in between (some 500), which is slow on a loaded machine.
describe('SPEC 5.4 check-in on the day before the libraries close', () => {
  beforeAll(async () => {
    await app?.stop();
    app = await startTestApp({ startAt: '2026-12-06T10:00:00+09:00' });
    staff = await app.staffToken();
    counter.attach(app.services.db.client);
  });

  it('the deadline still counts from the next opening day (the whole calendar is read then)', async () => {
    const patron = await mailedPatron();
    const { itemId, holdId } = await waitedFor(patron);
    const { body } = await counted(itemId, 'central');
    // Ready Sun 12-06; Mon 12-07 every branch is closed: notice Tue 12-08, + 7 = Tue 12-15.
    expect(body).toMatchObject({ action: 'HOLD_SHELF', holdId, pickupDeadline: '2026-12-15' });
    expect(await holdIn(app, await app.patronToken(patron.cardNumber, '0505'), holdId)).toMatchObject({ status: 'READY', pickupDeadline: '2026-12-15' });
  });
});
