import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const at = async (iso: string) => {
  await app.services.scheduler.skipTo(new Date(iso));
  staff = await app.staffToken();
};
const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};
const suspend = (token: string, holdId: string, until: unknown) => app.request('PUT', `/api/me/holds/${holdId}/suspension`, { token, body: { until } });
const resume = (token: string, holdId: string) => app.request('DELETE', `/api/me/holds/${holdId}/suspension`, { token });
const suspended = async (token: string, holdId: string, until: string) => {
  const answer = await suspend(token, holdId, until);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const scan = async (itemId: string, branch: string) => {
  const answer = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const queueOf = async (titleId: string) => {
  const answer = await app.request('GET', `/admin/titles/${titleId}/queue`, { token: staff });
  expect(answer.status).toBe(200);
  return answer.body as any[];
};

// 2026-12-01 Tue; branches open Tue–Sun, closed Mondays.
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 10.1 suspending and resuming a hold', () => {
  it('accepts tomorrow up to 180 days ahead, shows the date on the hold, and resumes', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, patron.token, titleId);
    expect(hold.suspendedUntil).toBeNull();

    for (const until of ['2026-12-01', '2026-11-30', '2027-05-31', 'tomorrow', '2026-12-32', 20261202, null]) {
      const refused = await suspend(patron.token, hold.holdId, until);
      expect(refused.status, String(until)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'VALIDATION', field: 'until' });
    }
    // 2026-12-01 + 180 days = 2027-05-30.
    expect(await suspended(patron.token, hold.holdId, '2027-05-30')).toMatchObject({ holdId: hold.holdId, status: 'PROVISIONAL', suspendedUntil: '2027-05-30' });
    expect(await suspended(patron.token, hold.holdId, '2026-12-02')).toMatchObject({ suspendedUntil: '2026-12-02' });
    expect(await holdIn(app, patron.token, hold.holdId)).toMatchObject({ status: 'PROVISIONAL', suspendedUntil: '2026-12-02' });

    const resumed = await resume(patron.token, hold.holdId);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ holdId: hold.holdId, suspendedUntil: null });
    expect(await holdIn(app, patron.token, hold.holdId)).toMatchObject({ suspendedUntil: null });

    // SPEC 9: both changes went to the bus, ids and the date only.
    await app.services.bus.settled();
    const events = ((await app.request('GET', '/admin/local/events', { token: staff })).body as any[]).filter(
      (e) => e.detail?.holdId === hold.holdId && 'suspendedUntil' in e.detail,
    );
    expect(events.map((e) => [e.detailType, e.detail.from, e.detail.to, e.detail.suspendedUntil]).sort()).toEqual(
      [
        ['HoldStateChanged', 'PROVISIONAL', 'PROVISIONAL', '2027-05-30'],
        ['HoldStateChanged', 'PROVISIONAL', 'PROVISIONAL', '2026-12-02'],
        ['HoldStateChanged', 'PROVISIONAL', 'PROVISIONAL', null],
      ].sort(),
    );
    expect(JSON.stringify(events)).not.toContain('予約 花子');
  });

  it("another patron's hold is 404 NOT_FOUND; a hold no longer waiting is 409 NOT_SUSPENDABLE", async () => {
    const owner = await newPatron(app, staff);
    const other = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff);
    const hold = await holdPlaced(app, owner.token, titleId);
    for (const answer of [await suspend(other.token, hold.holdId, '2026-12-10'), await resume(other.token, hold.holdId)]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
    expect((await suspend(owner.token, 'no-such-hold', '2026-12-10')).status).toBe(404);

    await registerNow();
    expect(await scan(itemIds[0] as string, 'central')).toMatchObject({ action: 'HOLD_SHELF', holdId: hold.holdId });
    for (const answer of [await suspend(owner.token, hold.holdId, '2026-12-10'), await resume(owner.token, hold.holdId)]) {
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('NOT_SUSPENDABLE');
      expect(answer.body.error.message).toContain('一時停止');
    }
    const english = await app.request('PUT', `/api/me/holds/${hold.holdId}/suspension`, {
      token: owner.token,
      body: { until: '2026-12-10' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.error.message).toMatch(/suspended/);
  });

  it('staff suspend and resume a hold for a patron; the queue and patron page show it', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, patron.token, titleId);
    await registerNow();
    const put = await app.request('PUT', `/admin/holds/${hold.holdId}/suspension`, { token: staff, body: { until: '2026-12-20' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ holdId: hold.holdId, status: 'WAITING', suspendedUntil: '2026-12-20' });
    expect((await app.request('PUT', `/admin/holds/${hold.holdId}/suspension`, { token: staff, body: { until: '2026-12-01' } })).body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'until',
    });
    expect((await app.request('PUT', '/admin/holds/nope/suspension', { token: staff, body: { until: '2026-12-20' } })).status).toBe(404);
    expect(await queueOf(titleId)).toEqual([expect.objectContaining({ holdId: hold.holdId, position: 1, suspendedUntil: '2026-12-20' })]);
    const page = await app.request('GET', `/admin/patrons/${patron.cardNumber}`, { token: staff });
    expect(page.body.holds).toEqual([expect.objectContaining({ holdId: hold.holdId, suspendedUntil: '2026-12-20', position: 1 })]);
    const del = await app.request('DELETE', `/admin/holds/${hold.holdId}/suspension`, { token: staff });
    expect(del.body).toMatchObject({ holdId: hold.holdId, suspendedUntil: null });
  });
});

describe('SPEC 10.1 a suspended hold keeps its place but takes no copy', () => {
  it('check-in passes over a suspended hold at position 1; the copy goes to position 2', async () => {
    await at('2026-12-01T13:00:00+09:00');
    const first = await newPatron(app, staff);
    const second = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const h1 = await holdPlaced(app, first.token, titleId, 'central');
    const h2 = await holdPlaced(app, second.token, titleId, 'central');
    await registerNow();
    await suspended(first.token, h1.holdId, '2026-12-10');

    const answer = await scan(itemIds[0] as string, 'central');
    expect(answer).toMatchObject({ action: 'HOLD_SHELF', holdId: h2.holdId, passedOver: [{ holdId: h1.holdId, reason: 'SUSPENDED' }] });
    expect(await holdIn(app, second.token, h2.holdId)).toMatchObject({ status: 'READY' });
    // The suspended hold is still first in the queue.
    expect(await holdIn(app, first.token, h1.holdId)).toMatchObject({ status: 'WAITING', position: 1, suspendedUntil: '2026-12-10' });
    expect(await queueOf(titleId)).toEqual([
      expect.objectContaining({ holdId: h1.holdId, status: 'WAITING', position: 1, suspendedUntil: '2026-12-10' }),
      expect.objectContaining({ holdId: h2.holdId, status: 'READY', suspendedUntil: null }),
    ]);
  });

  it('a check-in that read the hold before it was suspended cannot give it the copy (the assignment is conditional)', async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();
    const { deps } = app.services;
    const now = deps.clock.now();
    const stale = await deps.store.holds.get(patron.cardNumber, hold.holdId, now);
    const item = await deps.store.catalog.getItem(itemIds[0] as string);
    expect(stale).toMatchObject({ status: 'WAITING' });
    await suspended(patron.token, hold.holdId, '2026-12-05');
    expect(await deps.store.circulation.assign(item as never, stale!, 'central', undefined, [], now)).toBe('hold-taken');
    expect(await holdIn(app, patron.token, hold.holdId)).toMatchObject({ status: 'WAITING', suspendedUntil: '2026-12-05' });
    expect(await scan(itemIds[0] as string, 'central')).toMatchObject({ action: 'SHELVE' });
  });

  it('with only suspended holds waiting, the copy goes to the shelf', async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const item = itemIds[0] as string;
    const lender = await newPatron(app, staff);
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: lender.cardNumber, itemId: item } })).status).toBe(200);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();
    await suspended(patron.token, hold.holdId, '2026-12-05');
    expect(await scan(item, 'central')).toMatchObject({ action: 'SHELVE', branch: 'central', passedOver: [{ holdId: hold.holdId, reason: 'SUSPENDED' }] });
    expect(await holdIn(app, patron.token, hold.holdId)).toMatchObject({ status: 'WAITING', position: 1 });
  });

  it('a suspended hold is not on the pull list; the next hold is', async () => {
    await at('2026-12-01T14:00:00+09:00');
    const first = await newPatron(app, staff);
    const second = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'east' }]);
    const h1 = await holdPlaced(app, first.token, titleId, 'central');
    const h2 = await holdPlaced(app, second.token, titleId, 'central');
    await registerNow();
    await suspended(first.token, h1.holdId, '2026-12-03');
    const list = (date: string) => app.request('GET', `/admin/pull-list?branch=east&date=${date}`, { token: staff });
    const tomorrow = (await list('2026-12-02')).body as any[];
    expect(tomorrow.filter((e) => e.titleId === titleId)).toEqual([expect.objectContaining({ holdId: h2.holdId, itemId: itemIds[0] })]);
    // From its date on, the hold is active again by itself and first in line.
    const later = (await list('2026-12-03')).body as any[];
    expect(later.filter((e) => e.titleId === titleId)).toEqual([expect.objectContaining({ holdId: h1.holdId })]);
  });

  it('is active again from its date by itself: check-in then fills it', async () => {
    await at('2026-12-01T15:00:00+09:00');
    const first = await newPatron(app, staff);
    const second = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const h1 = await holdPlaced(app, first.token, titleId, 'central');
    await holdPlaced(app, second.token, titleId, 'central');
    await registerNow();
    await suspended(first.token, h1.holdId, '2026-12-02');
    await at('2026-12-02T10:00:00+09:00');
    const token = await app.patronToken(first.cardNumber, '0505');
    expect(await holdIn(app, token, h1.holdId)).toMatchObject({ status: 'WAITING', position: 1, suspendedUntil: null });
    const answer = await scan(itemIds[0] as string, 'central');
    expect(answer).toMatchObject({ action: 'HOLD_SHELF', holdId: h1.holdId });
    expect(answer.passedOver).toBeUndefined();
  });

  it('an expired hold hands its copy over a suspended hold to the next one', async () => {
    await at('2026-12-02T11:00:00+09:00');
    const [first, second, third] = [await newPatron(app, staff), await newPatron(app, staff), await newPatron(app, staff)];
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'miwa' }]);
    const h1 = await holdPlaced(app, first.token, titleId, 'miwa');
    const h2 = await holdPlaced(app, second.token, titleId, 'miwa');
    const h3 = await holdPlaced(app, third.token, titleId, 'miwa');
    await registerNow();
    // Ready Wed 12-02; the patrons get no mail: 12-02 + 7 = Wed 12-09.
    expect(await scan(itemIds[0] as string, 'miwa')).toMatchObject({ action: 'HOLD_SHELF', holdId: h1.holdId, pickupDeadline: '2026-12-09' });
    await suspended(second.token, h2.holdId, '2026-12-31');
    await at('2026-12-10T05:59:00+09:00');
    expect((await app.setClock('2026-12-10T06:00:30+09:00')).status).toBe(200);
    expect(await holdIn(app, await app.patronToken(first.cardNumber, '0505'), h1.holdId)).toMatchObject({ status: 'EXPIRED' });
    expect(await holdIn(app, await app.patronToken(second.cardNumber, '0505'), h2.holdId)).toMatchObject({
      status: 'WAITING',
      position: 1,
      suspendedUntil: '2026-12-31',
    });
    expect(await holdIn(app, await app.patronToken(third.cardNumber, '0505'), h3.holdId)).toMatchObject({ status: 'READY' });
  });
});
