import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdPlaced, lent, newPatron, newTitle, statusOf } from '../support/library-fixtures.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;
let counter: string;

const counterToken = async () => {
  const answer = await app.request('POST', '/admin/login', { body: { staffId: 'counter', password: STAFF_PASSWORD } });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
};
/** Moves the clock (firing the scheduled runs in between) and signs staff in again. */
const at = async (iso: string) => {
  await app.services.scheduler.skipTo(new Date(iso));
  staff = await app.staffToken();
  counter = await counterToken();
};
const register = async (cardNumber: string, name: string) => {
  const answer = await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber, name, birthDate: '1975-06-15' } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
};
const lookup = (q: string, token = counter) => app.request('GET', `/admin/patrons?q=${encodeURIComponent(q)}`, { token });

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
  counter = await counterToken();
  await register('52000001', 'サクラダ ハナコ');
  await register('52000002', 'サクラギ タロウ');
  await register('52000011', '桜田 門');
  await register('53000001', 'ヤマモト イチロウ');
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('SPEC 11 patron lookup (GET /admin/patrons?q=)', () => {
  it('by the whole card number, or its first digits (full-width digits too)', async () => {
    expect((await lookup('52000001')).body).toEqual([{ cardNumber: '52000001', name: 'サクラダ ハナコ' }]);
    expect((await lookup('5200000')).body).toEqual([
      { cardNumber: '52000001', name: 'サクラダ ハナコ' },
      { cardNumber: '52000002', name: 'サクラギ タロウ' },
    ]);
    expect((await lookup('52000')).body).toHaveLength(3);
    expect((await lookup('５２０００００１')).body).toEqual([{ cardNumber: '52000001', name: 'サクラダ ハナコ' }]);
    expect((await lookup('59999999')).body).toEqual([]);
  });

  it.each([
    ['katakana', 'サクラダ'],
    ['hiragana', 'さくらだ'],
    ['half-width katakana', 'ｻｸﾗﾀﾞ'],
    ['with the space', 'さくらだ はなこ'],
  ])('by the start of the name written in %s (folded like search)', async (_how, q) => {
    const answer = await lookup(q);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ cardNumber: '52000001', name: 'サクラダ ハナコ' }]);
  });

  it('a shorter start finds every match, in name order; kanji names by kanji', async () => {
    expect((await lookup('さくら')).body).toEqual([
      { cardNumber: '52000002', name: 'サクラギ タロウ' },
      { cardNumber: '52000001', name: 'サクラダ ハナコ' },
    ]);
    expect((await lookup('桜田')).body).toEqual([{ cardNumber: '52000011', name: '桜田 門' }]);
    expect((await lookup('やまもと')).body).toEqual([{ cardNumber: '53000001', name: 'ヤマモト イチロウ' }]);
  });

  it('at most 50 answers', async () => {
    for (let i = 0; i < 55; i += 1) await register(String(54000100 + i), `スズキ ジロウ${String(i).padStart(2, '0')}`);
    const byName = await lookup('すずき');
    expect(byName.status).toBe(200);
    expect(byName.body).toHaveLength(50);
    expect(byName.body[0]).toEqual({ cardNumber: '54000100', name: 'スズキ ジロウ00' });
    const byCard = await lookup('5400');
    expect(byCard.body).toHaveLength(50);
  });

  it.each([[''], ['  '], ['・'], ['52'], ['123'], ['123456789'], ['x'.repeat(101)]])('400 VALIDATION naming q for %j', async (q) => {
    const answer = await lookup(q);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field: 'q' });
  });

  it('400 naming q without q', async () => {
    const answer = await app.request('GET', '/admin/patrons', { token: counter });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field: 'q' });
  });
});

describe('SPEC 11 a patron as staff see them (GET /admin/patrons/{cardNumber})', () => {
  it('profile without password data; loans and holds exactly as the patron sees them', async () => {
    const patron = await newPatron(app, staff);
    const onLoan = await newTitle(app, staff, [{}]);
    const wanted = await newTitle(app, staff, [{}]);
    await lent(app, staff, patron.cardNumber, onLoan.itemIds[0] as string);
    await holdPlaced(app, patron.token, wanted.titleId);

    const answer = await app.request('GET', `/admin/patrons/${patron.cardNumber}`, { token: counter });
    expect(answer.status).toBe(200);
    expect(answer.body.profile).toMatchObject({ cardNumber: patron.cardNumber, name: '予約 花子', birthDate: '1990-05-05', internetService: true });
    expect(JSON.stringify(answer.body)).not.toMatch(/password|hash|credential/i);
    const own = await statusOf(app, patron.token);
    expect(answer.body.loans).toEqual(own.loans);
    expect(answer.body.holds).toEqual(own.holds);
    expect(answer.body.loans).toHaveLength(1);
    expect(answer.body.holds).toHaveLength(1);
  });

  it('404 for a card nobody holds; 400 for a malformed one', async () => {
    const unknown = await app.request('GET', '/admin/patrons/59999998', { token: counter });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const malformed = await app.request('GET', '/admin/patrons/1234', { token: counter });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION', field: 'cardNumber' });
  });
});

describe('SPEC 11 renewal by phone (POST /admin/patrons/{cardNumber}/loans/renew), SPEC 6 rules', () => {
  const staffRenew = (cardNumber: string, itemIds: string[], headers: Record<string, string> = {}) =>
    app.request('POST', `/admin/patrons/${cardNumber}/loans/renew`, { token: counter, body: { itemIds }, headers });

  it('renews once (renewal day + 14), publishes LoanRenewed, and the patron sees the new date', async () => {
    await at('2026-12-12T10:00:00+09:00');
    const patron = await newPatron(app, staff);
    const { itemIds } = await newTitle(app, staff, [{}]);
    expect((await lent(app, staff, patron.cardNumber, itemIds[0] as string)).dueDate).toBe('2026-12-26');
    await at('2026-12-20T10:00:00+09:00');
    const first = await staffRenew(patron.cardNumber, [itemIds[0] as string]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ results: [{ itemId: itemIds[0], ok: true, dueDate: '2027-01-03' }] });
    const again = await staffRenew(patron.cardNumber, [itemIds[0] as string]);
    expect(again.body.results[0]).toMatchObject({ ok: false, error: { code: 'ALREADY_RENEWED', reasons: ['ALREADY_RENEWED'] } });
    const events = (await app.request('GET', '/admin/local/events?limit=50')).body as any[];
    expect(events.filter((e) => e.detailType === 'LoanRenewed' && e.detail.itemId === itemIds[0]).map((e) => e.detail.dueDate)).toEqual(['2027-01-03']);
    const token = await app.patronToken(patron.cardNumber, '0505');
    expect((await statusOf(app, token)).loans).toEqual([expect.objectContaining({ itemId: itemIds[0], dueDate: '2027-01-03', renewed: true })]);
  });

  it('refuses with every reason, the same answer the patron gets (HAS_HOLDS, INTERLIBRARY, OVERDUE)', async () => {
    await at('2026-12-13T11:00:00+09:00');
    const patron = await newPatron(app, staff);
    const waiter = await newPatron(app, staff);
    const held = await newTitle(app, staff, [{}, { branch: 'west' }]);
    const ill = await newTitle(app, staff, [{ interlibrary: true }]);
    for (const t of [held, ill]) expect((await lent(app, staff, patron.cardNumber, t.itemIds[0] as string)).dueDate).toBe('2026-12-27');
    await holdPlaced(app, waiter.token, held.titleId, 'central');
    await at('2026-12-28T10:00:00+09:00');
    const itemIds = [held.itemIds[0] as string, ill.itemIds[0] as string, 'not-on-loan'];
    const byPhone = await staffRenew(patron.cardNumber, itemIds, { 'accept-language': 'en' });
    expect(byPhone.body.results).toEqual([
      { itemId: held.itemIds[0], ok: false, error: { code: 'HAS_HOLDS', message: expect.any(String), reasons: ['HAS_HOLDS', 'OVERDUE'] } },
      { itemId: ill.itemIds[0], ok: false, error: { code: 'INTERLIBRARY', message: expect.any(String), reasons: ['INTERLIBRARY', 'OVERDUE'] } },
      { itemId: 'not-on-loan', ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
    ]);
    const token = await app.patronToken(patron.cardNumber, '0505');
    const online = await app.request('POST', '/api/me/loans/renew', { token, body: { itemIds }, headers: { 'accept-language': 'en' } });
    expect(byPhone.body).toEqual(online.body);
  });

  it("only the borrower's loans: another card's loan is NOT_FOUND; an unknown card is 404", async () => {
    await at('2026-12-14T10:00:00+09:00');
    const borrower = await newPatron(app, staff);
    const stranger = await newPatron(app, staff);
    const { itemIds } = await newTitle(app, staff, [{}]);
    await lent(app, staff, borrower.cardNumber, itemIds[0] as string);
    const answer = await staffRenew(stranger.cardNumber, [itemIds[0] as string]);
    expect(answer.body.results).toEqual([{ itemId: itemIds[0], ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) }]);
    expect((await staffRenew('59999997', [itemIds[0] as string])).status).toBe(404);
    const bad = await staffRenew(borrower.cardNumber, []);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'itemIds' });
  });
});
