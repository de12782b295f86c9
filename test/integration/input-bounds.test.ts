import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPatron } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** SPEC 7: bad input answers 400 VALIDATION naming the field, never 500 (issue 8.3). */
let app: TestApp;
let staff: string;
let patron: string;

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
  patron = (await newPatron(app, staff)).token;
});
afterAll(() => app.stop());

const long = 'T'.repeat(3000);
const expectValidation = (answer: { status: number; body: any }, field: string) => {
  expect(answer.status).toBe(400);
  expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field });
};

describe('SPEC 7 path parameters are checked before any handler runs', () => {
  it.each([
    ['GET', `/api/catalog/titles/${long}`, 'public', 'titleId'],
    ['DELETE', `/api/me/holds/${long}`, 'patron', 'holdId'],
    ['PUT', `/api/me/basket/${long}`, 'patron', 'titleId'],
    ['GET', `/admin/titles/${long}/queue`, 'staff', 'titleId'],
    ['DELETE', `/admin/holds/${long}`, 'staff', 'holdId'],
    ['POST', `/admin/patrons/${'9'.repeat(2000)}/internet-password`, 'staff', 'cardNumber'],
    ['PUT', `/admin/calendar/central/${'2'.repeat(500)}`, 'staff', 'date'],
    ['GET', `/admin/jobs/${long}/runs`, 'staff', 'job'],
  ] as const)('%s %s… (3 KB id) → 400 naming %s', async (method, path, who, field) => {
    const token = who === 'patron' ? patron : who === 'staff' ? staff : undefined;
    const answer = await app.request(method, path, { token, ...(method === 'PUT' && who === 'staff' ? { body: { open: false } } : {}) });
    expectValidation(answer, field);
  });

  it.each([
    ['an encoded slash', '/api/catalog/titles/T1%2F..%2Fx'],
    ['a space', '/api/catalog/titles/T1%20x'],
    ['Japanese text', `/api/catalog/titles/${encodeURIComponent('吾輩')}`],
    ['a NUL byte', '/api/catalog/titles/T%00'],
  ])('a title id with %s → 400, not a lookup', async (_what, path) => {
    expectValidation(await app.request('GET', path), 'titleId');
  });

  it('an ordinary id still reaches its handler (404 for one that does not exist)', async () => {
    const answer = await app.request('GET', '/api/catalog/titles/T-does_not.exist');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});

describe('SPEC 4 / 7 search paging is bounded', () => {
  it('results can be paged up to the 1,000th; deeper pages answer 400 naming page', async () => {
    expect((await app.request('GET', '/api/catalog/search?q=a&page=50&pageSize=20')).status).toBe(200);
    expect((await app.request('GET', '/api/catalog/search?q=a&page=10&pageSize=100')).status).toBe(200);
    expectValidation(await app.request('GET', '/api/catalog/search?q=a&page=1000'), 'page');
    expectValidation(await app.request('GET', '/api/catalog/search?q=a&page=11&pageSize=100'), 'page');
  });
});

describe('SPEC 7 text fields refuse invisible and direction-override characters', () => {
  it.each([
    ['a right-to-left override', '予約\u202e子花'],
    ['a zero-width space', '予約\u200b花子'],
    ['a byte-order mark inside', '予約\ufeff花子'],
    ['a line break', '予約\n花子'],
  ])('a patron name with %s → 400 naming name; nothing is stored', async (_what, name) => {
    const cardNumber = String(70000000 + Math.floor(Math.random() * 9_999_999));
    const answer = await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber, name, birthDate: '1990-01-01' } });
    expectValidation(answer, 'name');
    expect((await app.request('POST', `/admin/patrons/${cardNumber}/internet-password`, { token: staff })).status).toBe(404);
  });

  it('a title with a direction override → 400 naming title; ordinary Japanese with spaces is fine', async () => {
    expectValidation(await app.request('POST', '/admin/titles', { token: staff, body: { title: 'abc\u2067def', materialType: 'BOOK' } }), 'title');
    expect((await app.request('POST', '/admin/titles', { token: staff, body: { title: '吾輩は 猫である（上）', materialType: 'BOOK' } })).status).toBe(201);
  });
});
