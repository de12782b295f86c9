import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter } from '../../bench/support.js';
import { keys } from '../../functions/store/keys.js';
import { referenceDataStore } from '../../functions/store/reference-data.js';
import { holdPlaced, lent, newPatron, newTitle, placeHold, statusOf } from '../support/library-fixtures.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;
const counter = new RequestCounter();

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
  counter.attach(app.services.db.client);
});
afterAll(async () => {
  await app?.stop();
});

/** The DynamoDB requests `call` makes, with its answer. */
const counted = async <T>(call: () => Promise<T>) => {
  counter.reset();
  const answer = await call();
  return { answer, requests: counter.snapshot() };
};

const registerHolds = () => app.services.invokeJob({ job: 'hold-registration', trigger: 'manual' });

describe('patron routes in few round trips to DynamoDB (issue 12.2)', () => {
  it('SPEC 5.2 placing a hold is 3 requests: the patron Query, the title with its copies, the transaction', async () => {
    const { token } = await newPatron(app, staff);
    // The first placement of a function instance may also read the branches and this month's calendar.
    await holdPlaced(app, token, (await newTitle(app, staff)).titleId);
    const { titleId } = await newTitle(app, staff);
    const { answer, requests } = await counted(() => placeHold(app, token, titleId, 'east'));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ titleId, pickupBranch: 'east', status: 'PROVISIONAL', cancellable: true });
    expect(answer.body.registersAt).toMatch(/^2026-12-0\dT/);
    expect(requests).toEqual({ total: 3, byOperation: { Query: 2, TransactWriteItems: 1 } });

    // The rules still hold with the fewer reads: rule 3 (the transaction's condition) ...
    const again = await counted(() => placeHold(app, token, titleId, 'east'));
    expect(again.answer.status).toBe(409);
    expect(again.answer.body.error.code).toBe('ALREADY_HELD');
    expect(again.requests.total).toBe(3);
    // ... rule 6, and an unknown title, refused before any write.
    const branch = await counted(() => placeHold(app, token, titleId, 'atlantis'));
    expect(branch.answer.body.error.code).toBe('INVALID_BRANCH');
    expect(branch.requests.byOperation.TransactWriteItems).toBeUndefined();
    expect((await placeHold(app, token, 'no-such-title')).status).toBe(404);
  });

  it('SPEC 5.2 rule 2: the patron Query finds a loan of the title, and the hold is refused without a write', async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{}, {}]);
    await lent(app, staff, patron.cardNumber, itemIds[0]!);
    const { answer, requests } = await counted(() => placeHold(app, patron.token, titleId));
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('ALREADY_ON_LOAN');
    expect(requests).toEqual({ total: 2, byOperation: { Query: 2 } });
  });

  it('SPEC 12 an ended session answers 401 on the hold routes, which check it from the patron Query (a bad body too)', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    expect((await app.request('POST', `/admin/patrons/${patron.cardNumber}/internet-password`, { token: staff })).status).toBe(200);
    expect((await placeHold(app, patron.token, titleId)).status).toBe(401);
    expect((await app.request('POST', '/api/me/holds', { token: patron.token, body: {} })).status).toBe(401);
    expect((await app.request('POST', '/api/me/holds/sequence', { token: patron.token, body: { titleIds: [titleId, 'x'], pickupBranch: 'central' } })).status).toBe(401);
    expect((await app.request('POST', '/api/me/holds/sequence', { token: patron.token, body: {} })).status).toBe(401);
  });

  it('SPEC 6 / 10.3 the status page is 1 Query plus 1 per WAITING hold, and positions and estimates are still right', async () => {
    const ahead = await newPatron(app, staff);
    const patron = await newPatron(app, staff);
    const titles = [await newTitle(app, staff), await newTitle(app, staff), await newTitle(app, staff)];
    // Another patron is first in the queue of the first title.
    await holdPlaced(app, ahead.token, titles[0]!.titleId);
    for (const { titleId } of titles) await holdPlaced(app, patron.token, titleId);
    await registerHolds();
    const provisional = await holdPlaced(app, patron.token, (await newTitle(app, staff)).titleId);

    const { answer, requests } = await counted(() => app.request('GET', '/api/me/status', { token: patron.token }));
    expect(answer.status).toBe(200);
    expect(requests).toEqual({ total: 1 + 3, byOperation: { Query: 4 } });
    const byTitle = new Map(answer.body.holds.map((h: any) => [h.titleId, h]));
    expect(byTitle.get(titles[0]!.titleId)).toMatchObject({ status: 'WAITING', position: 2 });
    expect(byTitle.get(titles[1]!.titleId)).toMatchObject({ status: 'WAITING', position: 1 });
    for (const { titleId } of titles) expect((byTitle.get(titleId) as any).estimatedReadyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byTitle.get(provisional.titleId)).toMatchObject({ status: 'PROVISIONAL', registersAt: provisional.registersAt });
    expect(answer.body.activeHolds).toBe(4);
    expect((await statusOf(app, ahead.token)).holds[0]).toMatchObject({ status: 'WAITING', position: 1 });
  });

  it('SPEC 10.2 a sequence is 1 patron Query, 1 Query per title and 1 transaction', async () => {
    const { token } = await newPatron(app, staff);
    const ids = [(await newTitle(app, staff)).titleId, (await newTitle(app, staff)).titleId, (await newTitle(app, staff)).titleId];
    const { answer, requests } = await counted(() => app.request('POST', '/api/me/holds/sequence', { token, body: { titleIds: ids, pickupBranch: 'central' } }));
    expect(answer.status).toBe(201);
    expect(answer.body.holds.map((h: any) => [h.titleId, h.sequenceIndex, h.waitsFor])).toEqual([
      [ids[0], 1, null],
      [ids[1], 2, ids[0]],
      [ids[2], 3, ids[1]],
    ]);
    expect(requests).toEqual({ total: 1 + 3 + 1, byOperation: { Query: 4, TransactWriteItems: 1 } });
  });

  it('SPEC 3 a login is 3 requests (one read, the attempt reservation, its clearing); a wrong password 2', async () => {
    const patron = await newPatron(app, staff);
    const ok = await counted(() => app.request('POST', '/api/login', { body: { cardNumber: patron.cardNumber, password: '246810' } }));
    expect(ok.answer.status).toBe(200);
    expect(ok.answer.body.passwordIsInitial).toBe(false);
    expect(ok.requests).toEqual({ total: 3, byOperation: { BatchGetItem: 1, UpdateItem: 1, DeleteItem: 1 } });
    expect((await app.request('GET', '/api/me', { token: ok.answer.body.token })).status).toBe(200);

    const wrong = await counted(() => app.request('POST', '/api/login', { body: { cardNumber: patron.cardNumber, password: '999999' } }));
    expect(wrong.answer.status).toBe(401);
    expect(wrong.requests).toEqual({ total: 2, byOperation: { BatchGetItem: 1, UpdateItem: 1 } });

    const staffLogin = await counted(() => app.request('POST', '/admin/login', { body: { staffId: 'admin', password: STAFF_PASSWORD } }));
    expect(staffLogin.answer.status).toBe(200);
    expect(staffLogin.requests).toEqual({ total: 3, byOperation: { BatchGetItem: 1, UpdateItem: 1, DeleteItem: 1 } });
    expect((await app.request('GET', '/admin/staff', { token: staffLogin.answer.body.token })).status).toBe(200);
  });

  it('SPEC 2 hours changed by another function instance are read again once the kept copy lapses (60 s in service, 300 ms here)', async () => {
    const { db } = app.services;
    const reference = referenceDataStore(db, 300);
    const tuesday = '2026-12-01';
    const central = async () => (await reference.calendarForDates([tuesday])).find((day) => day.branch === 'central');
    expect(await central()).toMatchObject({ open: true });
    // Written past this process's store, as another instance's write would be: nothing here forgets the copy.
    const closedAllWeek = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, null]));
    const hours = { ...keys.branchHours('central'), type: 'WeeklyHours', branch: 'central' };
    const before = (await app.request('GET', '/admin/branches/central/hours', { token: staff })).body;
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...hours, weekly: closedAllWeek } }));
    try {
      expect(await central()).toMatchObject({ open: true });
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await central()).toMatchObject({ open: false });
    } finally {
      expect((await app.request('PUT', '/admin/branches/central/hours', { token: staff, body: before })).status).toBe(204);
    }
    expect(await central()).toMatchObject({ open: true });
  });
});
