import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdPlaced, lent, newPatron, newTitle, statusOf } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const addToBasket = async (token: string, titleId: string) => expect((await app.request('PUT', `/api/me/basket/${titleId}`, { token })).status).toBe(204);

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 5.8 reservation basket', () => {
  it('add is idempotent, list shows titles newest first, remove is idempotent', async () => {
    const { token } = await newPatron(app, staff);
    const a = await newTitle(app, staff);
    const b = await newTitle(app, staff);
    // b is added a minute after a, whatever time other tests left on the clock.
    await app.services.scheduler.skipTo(new Date('2026-12-01T10:01:00+09:00'));
    expect((await app.request('PUT', `/api/me/basket/${a.titleId}`, { token })).status).toBe(204);
    expect((await app.request('PUT', `/api/me/basket/${a.titleId}`, { token })).status).toBe(204);
    await app.services.scheduler.skipTo(new Date('2026-12-01T10:02:00+09:00'));
    expect((await app.request('PUT', `/api/me/basket/${b.titleId}`, { token })).status).toBe(204);
    const listed = await app.request('GET', '/api/me/basket', { token });
    expect(listed.body.map((e: any) => e.titleId)).toEqual([b.titleId, a.titleId]);
    expect(listed.body[0]).toMatchObject({
      titleId: b.titleId,
      title: expect.stringContaining('テスト資料'),
      addedAt: expect.stringMatching(/^2026-12-01T10:02:\d\d\+09:00$/),
    });
    expect(listed.body[1].addedAt).toMatch(/^2026-12-01T10:01:\d\d\+09:00$/);
    expect((await app.request('DELETE', `/api/me/basket/${a.titleId}`, { token })).status).toBe(204);
    expect((await app.request('DELETE', `/api/me/basket/${a.titleId}`, { token })).status).toBe(204);
    expect((await app.request('GET', '/api/me/basket', { token })).body.map((e: any) => e.titleId)).toEqual([b.titleId]);
    expect((await statusOf(app, token)).basket).toEqual([expect.objectContaining({ titleId: b.titleId })]);
  });

  it('an unknown title cannot be added (404); the basket is not a hold and does not count', async () => {
    const { token } = await newPatron(app, staff);
    const unknown = await app.request('PUT', '/api/me/basket/nope', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const { titleId } = await newTitle(app, staff);
    await addToBasket(token, titleId);
    const status = await statusOf(app, token);
    expect(status.basket).toEqual([expect.objectContaining({ titleId })]);
    expect(status.holds).toEqual([]);
    expect(status.activeHolds).toBe(0);
  });

  it('reserving a selection gives one result per title, with when each hold registers; reserved titles leave the basket, refused ones stay', async () => {
    const { token } = await newPatron(app, staff);
    const ok1 = await newTitle(app, staff);
    const ok2 = await newTitle(app, staff);
    const counterOnly = await newTitle(app, staff, [{ category: 'CONTEST' }]);
    const notSelected = await newTitle(app, staff);
    for (const t of [ok1, ok2, counterOnly, notSelected]) await addToBasket(token, t.titleId);
    const answer = await app.request('POST', '/api/me/basket/reserve', {
      token,
      body: { titleIds: [ok1.titleId, counterOnly.titleId, ok2.titleId], pickupBranch: 'miwa' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { titleId: ok1.titleId, ok: true, holdId: expect.any(String), status: 'PROVISIONAL', registersAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/) },
      { titleId: counterOnly.titleId, ok: false, error: { code: 'COUNTER_ONLY', message: expect.any(String) } },
      { titleId: ok2.titleId, ok: true, holdId: expect.any(String), status: 'PROVISIONAL', registersAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/) },
    ]);
    const basket = (await app.request('GET', '/api/me/basket', { token })).body.map((e: any) => e.titleId).sort();
    expect(basket).toEqual([counterOnly.titleId, notSelected.titleId].sort());
    const holds = (await statusOf(app, token)).holds as any[];
    expect(holds.map((h) => [h.holdId, h.titleId, h.status, h.pickupBranch]).sort()).toEqual(
      [
        [answer.body.results[0].holdId, ok1.titleId, 'PROVISIONAL', 'miwa'],
        [answer.body.results[2].holdId, ok2.titleId, 'PROVISIONAL', 'miwa'],
      ].sort(),
    );
  });

  it('reserving with an unknown branch refuses every title (INVALID_BRANCH) and keeps them', async () => {
    const { token } = await newPatron(app, staff);
    const t = await newTitle(app, staff);
    await addToBasket(token, t.titleId);
    const answer = await app.request('POST', '/api/me/basket/reserve', { token, body: { titleIds: [t.titleId], pickupBranch: 'nowhere' } });
    expect(answer.body.results).toEqual([{ titleId: t.titleId, ok: false, error: expect.objectContaining({ code: 'INVALID_BRANCH' }) }]);
    expect((await app.request('GET', '/api/me/basket', { token })).body.map((e: any) => e.titleId)).toEqual([t.titleId]);
    expect((await statusOf(app, token)).holds).toEqual([]);
    const empty = await app.request('POST', '/api/me/basket/reserve', { token, body: { titleIds: [], pickupBranch: 'central' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'VALIDATION', field: 'titleIds' });
  });
});

describe('SPEC 4 catalog administration and the title page', () => {
  it('POST /admin/titles validates, returns the id, refuses a taken id; POST /admin/items likewise', async () => {
    const created = await app.request('POST', '/admin/titles', {
      token: staff,
      body: {
        titleId: 'T-CAT-1',
        title: '吾輩は猫である',
        titleReading: 'ワガハイ ワ ネコ デ アル',
        author: '夏目漱石',
        authorReading: 'ナツメ ソウセキ',
        publisher: '岩波書店',
        year: 1990,
        isbn: '978-4-00-310101-8',
        materialType: 'BOOK',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ titleId: 'T-CAT-1' });
    expect((await app.request('POST', '/admin/titles', { token: staff, body: { titleId: 'T-CAT-1', title: 'x', materialType: 'BOOK' } })).status).toBe(409);
    for (const [body, field] of [
      [{ title: 'x', materialType: 'BOOKS' }, 'materialType'],
      [{ title: '', materialType: 'BOOK' }, 'title'],
      [{ title: 'x', materialType: 'BOOK', isbn: '978-4-00-310101-9' }, 'isbn'],
      [{ title: 'x', materialType: 'BOOK', year: 'nineteen' }, 'year'],
      [{ title: 'x', materialType: 'BOOK', titleReading: 'わがはい' }, 'titleReading'],
    ] as const) {
      const answer = await app.request('POST', '/admin/titles', { token: staff, body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.field).toBe(field);
    }
    const item = await app.request('POST', '/admin/items', { token: staff, body: { itemId: '2000000001', titleId: 'T-CAT-1', branch: 'east', category: 'NORMAL' } });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ status: 'ON_SHELF', location: 'east', interlibrary: false });
    expect(
      (await app.request('POST', '/admin/items', { token: staff, body: { itemId: '2000000001', titleId: 'T-CAT-1', branch: 'east', category: 'NORMAL' } })).status,
    ).toBe(409);
    expect(
      (await app.request('POST', '/admin/items', { token: staff, body: { itemId: '2000000002', titleId: 'nope', branch: 'east', category: 'NORMAL' } })).status,
    ).toBe(404);
    expect(
      (await app.request('POST', '/admin/items', { token: staff, body: { itemId: '2000000003', titleId: 'T-CAT-1', branch: 'mars', category: 'NORMAL' } })).body.error
        .code,
    ).toBe('INVALID_BRANCH');
    expect(
      (await app.request('POST', '/admin/items', { token: staff, body: { itemId: '2000000004', titleId: 'T-CAT-1', branch: 'east', category: 'LOST' } })).body.error
        .field,
    ).toBe('category');
  });

  it('the title page shows copies with branch and status, holdable with a reason, and the queue length', async () => {
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }, { branch: 'west' }]);
    const a = await newPatron(app, staff);
    await lent(app, staff, a.cardNumber, itemIds[1] as string);
    const b = await newPatron(app, staff);
    await holdPlaced(app, b.token, titleId, 'central');
    const page = await app.request('GET', `/api/catalog/titles/${titleId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ titleId, holdable: true, reason: null, waiting: 1 });
    expect(page.body.copies).toEqual([
      expect.objectContaining({ itemId: itemIds[0], branch: 'central', status: 'ON_SHELF' }),
      expect.objectContaining({ itemId: itemIds[1], branch: 'west', status: 'ON_LOAN' }),
    ]);
    expect(page.body.availability).toMatchObject({ copies: 2, available: 1 });
    const reference = await newTitle(app, staff, [{ category: 'REFERENCE_ONLY' }]);
    expect((await app.request('GET', `/api/catalog/titles/${reference.titleId}`)).body).toMatchObject({ holdable: false, reason: 'NOT_HOLDABLE' });
    expect((await app.request('GET', '/api/catalog/titles/none')).status).toBe(404);
  });
});

describe('SPEC 9 hold events carry ids and states only', () => {
  it('placing and cancelling publish HoldStateChanged without names', async () => {
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const { holdId } = await holdPlaced(app, token, titleId, 'central');
    expect((await app.request('DELETE', `/api/me/holds/${holdId}`, { token })).body.status).toBe('CANCELLED');
    const events = ((await app.request('GET', '/admin/local/events?limit=50')).body as any[]).filter((e) => e.detail.holdId === holdId);
    expect(events.map((e) => [e.source, e.detailType, e.detail.from, e.detail.to])).toEqual([
      ['library', 'HoldStateChanged', 'PROVISIONAL', 'CANCELLED'],
      ['library', 'HoldStateChanged', null, 'PROVISIONAL'],
    ]);
    expect(events[0].detail).toMatchObject({ holdId, titleId, cardNumber, reason: 'PATRON' });
    expect(JSON.stringify(events)).not.toContain('予約 花子');
  });
});
