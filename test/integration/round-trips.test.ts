import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter } from '../../bench/support.js';
import { newPatron } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

describe('round trips to DynamoDB (issue 12.2)', () => {
  it('SPEC 7 GET /api/me is one request (profile and credential together), and still ends an outdated session (SPEC 12)', async () => {
    const patron = await newPatron(app, staff);
    const token = await app.patronToken(patron.cardNumber, '0505');
    counter.reset();
    const me = await app.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ cardNumber: patron.cardNumber, name: '予約 花子', passwordIsInitial: false });
    expect(counter.snapshot()).toEqual({ total: 1, byOperation: { BatchGetItem: 1 } });

    expect((await app.request('POST', `/admin/patrons/${patron.cardNumber}/internet-password`, { token: staff })).status).toBe(200);
    expect((await app.request('GET', '/api/me', { token })).status).toBe(401);
  });
});
