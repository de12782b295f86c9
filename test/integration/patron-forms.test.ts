import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPatron, newTitle } from '../support/library-fixtures.js';
import { CHANGED_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
});
afterAll(() => app?.stop());

const wide = (ascii: string) => ascii.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('issue 10.6: full-width input means what it says (SPEC 3, 4)', () => {
  it('SPEC 3 a card number typed in full width, or with a space, logs in as the 8 digits', async () => {
    const { cardNumber } = await newPatron(app, staff);
    const password = CHANGED_PASSWORD; // newPatron changed the initial one
    for (const typed of [wide(cardNumber), `${cardNumber.slice(0, 4)} ${cardNumber.slice(4)}`, `${wide(cardNumber.slice(0, 4))}－${cardNumber.slice(4)}`]) {
      const answer = await app.request('POST', '/api/login', { body: { cardNumber: typed, password } });
      expect(answer.status, typed).toBe(200);
      const me = await app.request('GET', '/api/me', { token: answer.body.token });
      expect(me.body.cardNumber).toBe(cardNumber);
    }
  });

  it('SPEC 3 a password is compared as typed: full-width digits are not folded by the server', async () => {
    const { cardNumber } = await newPatron(app, staff);
    const answer = await app.request('POST', '/api/login', { body: { cardNumber, password: wide(CHANGED_PASSWORD) } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field: 'password' });
    expect(answer.body.error.message).toContain('半角');
  });

  it('SPEC 3 a phone number and a mail address in full width are kept in ASCII; the profile shows the phone', async () => {
    const cardNumber = '61234567';
    const created = await app.request('POST', '/admin/patrons', {
      token: staff,
      body: { cardNumber: wide(cardNumber), name: '電話 花子', birthDate: '1990-05-05', phone: wide('029-224-5000') },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await app.request('GET', `/admin/patrons/${cardNumber}`, { token: staff })).body.profile.phone).toBe('029-224-5000');
    expect((await app.request('POST', `/admin/patrons/${cardNumber}/internet-password`, { token: staff })).status).toBe(200);
    const token = await app.patronToken(cardNumber, '0505');
    const saved = await app.request('PUT', '/api/me/contact', { token, body: { email: wide('hanako@example.jp'), contactMethod: 'PHONE' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.email).toBe('hanako@example.jp');
    const me = await app.request('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ phone: '029-224-5000', contactMethod: 'PHONE' });

    const bad = await app.request('POST', '/admin/patrons', {
      token: staff,
      body: { cardNumber: '61234568', name: '電話 太郎', birthDate: '1990-05-05', phone: '029 の 224' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'phone' });
    expect(bad.body.error.message).toContain('電話番号');
  });

  it('SPEC 3 a wrong current password on the password form is named as such, not as a 利用者番号 problem', async () => {
    const { token } = await newPatron(app, staff);
    const answer = await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '999999', newPassword: '135791' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'currentPassword' });
    expect(answer.body.error.message).toContain('現在のパスワード');
    expect(answer.body.error.message).not.toContain('利用者番号');
  });

  it('SPEC 4 an ISBN-10 whose check digit is X finds its title, typed as x, X, full width or as its ISBN-13', async () => {
    const { titleId } = await newTitle(app, staff, [{}], { isbn: '4-00-100013-X' });
    expect((await app.request('POST', '/admin/jobs/search-index/run', { token: staff })).status).toBe(202);
    const find = async (isbn: string) => {
      const answer = await app.request('GET', `/api/catalog/search?${new URLSearchParams({ isbn })}`);
      expect(answer.status, isbn).toBe(200);
      return (answer.body.items as any[]).map((i) => i.titleId);
    };
    const deadline = Date.now() + 10_000;
    while (!(await find('400100013X')).includes(titleId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const typed of ['400100013X', '4-00-100013-x', wide('4-00-100013-X'), '978-4-00-100013-9']) {
      expect(await find(typed), typed).toEqual([titleId]);
    }
  });
});

describe('issue 10.6: GET /api/config names the sender of the library mail', () => {
  it('SPEC 11 mailFrom is the address notices come from, for the spam-filter hint on the contact page', async () => {
    const answer = await app.request('GET', '/api/config');
    expect(answer.body.mailFrom).toBe('central@library-mito.jp');
  });
});
