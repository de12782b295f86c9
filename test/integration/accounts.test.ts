import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CARD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;
let nextCard = 20000000;

/** Registers a patron and issues their internet password; returns the card number. */
const newPatron = async (birthDate = '1990-12-24') => {
  const cardNumber = String((nextCard += 1));
  const created = await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber, name: '常陸 太郎', birthDate } });
  expect(created.status).toBe(201);
  const issued = await app.request('POST', `/admin/patrons/${cardNumber}/internet-password`, { token: staff });
  expect(issued.status).toBe(200);
  return cardNumber;
};

const login = (cardNumber: string, password: string) => app.request('POST', '/api/login', { body: { cardNumber, password } });

const START = '2026-12-01T10:00:00+09:00';
/** Puts the clock at an instant without firing jobs: a test that reads the time starts from its own. */
const at = (iso: string) => app.services.scheduler.skipTo(new Date(iso));

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 3 patron registration and internet password', () => {
  it('registers a patron (201) and refuses the same card twice (409 ALREADY_EXISTS)', async () => {
    const body = { cardNumber: '30000001', name: '水戸 一郎', birthDate: '2000-02-29', phone: '029-123-4567' };
    const first = await app.request('POST', '/admin/patrons', { token: staff, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ cardNumber: '30000001', internetService: false });
    const again = await app.request('POST', '/admin/patrons', { token: staff, body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_EXISTS');
  });

  it.each([
    [{ cardNumber: '1234567', name: 'a', birthDate: '2000-01-01' }, 'cardNumber'],
    // Full-width digits are folded (issue 10.6), so a full-width number is refused for its length.
    [{ cardNumber: '１２３４５６７', name: 'a', birthDate: '2000-01-01' }, 'cardNumber'],
    [{ cardNumber: '12345678', name: '', birthDate: '2000-01-01' }, 'name'],
    [{ cardNumber: '12345678', name: 'a', birthDate: '2000-02-30' }, 'birthDate'],
    [{ cardNumber: '12345678', name: 'a', birthDate: '2999-01-01' }, 'birthDate'],
    [{ cardNumber: '12345678', name: 'a' }, 'birthDate'],
  ])('rejects %j with 400 VALIDATION naming %s', async (body, field) => {
    const answer = await app.request('POST', '/admin/patrons', { token: staff, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field });
  });

  it('a patron without an issued password cannot log in', async () => {
    expect((await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber: '30000002', name: 'x', birthDate: '1970-07-07' } })).status).toBe(201);
    expect((await login('30000002', '0707')).body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('issues the birth MMDD as the initial password, which logs in and is flagged initial', async () => {
    const card = await newPatron('1990-04-01');
    const issued = await app.request('POST', `/admin/patrons/${card}/internet-password`, { token: staff });
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({ initialPassword: '0401' });
    const before = app.services.clock.now().getTime();
    const answer = await login(card, '0401');
    const after = app.services.clock.now().getTime();
    expect(answer.status).toBe(200);
    expect(answer.body.passwordIsInitial).toBe(true);
    expect(answer.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // A patron session lasts 30 minutes from the login (whole seconds, as in the token).
    const expires = Date.parse(answer.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 30 * 60_000);
    expect(expires).toBeLessThanOrEqual(after + 30 * 60_000);
  });

  it('internet password for an unknown card is 404', async () => {
    const answer = await app.request('POST', '/admin/patrons/99999999/internet-password', { token: staff });
    expect(answer.status).toBe(404);
  });
});

describe('SPEC 3 login and lockout', () => {
  it('wrong password or unknown card: 401 INVALID_CREDENTIALS, the same answer for both; malformed card number: 400', async () => {
    const card = await newPatron();
    const wrong = await login(card, '9999');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '利用者番号またはパスワードが正しくありません。' } });
    const unknown = await login('88888888', '1224');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const malformed = await login('1234', '1224');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('cardNumber');
  });

  it('5 failures lock the account: even the right password answers 423 LOCKED with the unlock time', async () => {
    const card = await newPatron();
    try {
      await app.setClock('2026-12-01T11:00:00+09:00');
      for (let i = 0; i < 5; i += 1) expect((await login(card, '0000')).status).toBe(401);
      const locked = await login(card, '1224');
      expect(locked.status).toBe(423);
      expect(locked.body.error.code).toBe('LOCKED');
      expect(locked.body.error.unlocksAt).toMatch(/^2026-12-01T11:15:0\d\+09:00$/);
      expect(locked.body.error.message).toContain('11:15');
    } finally {
      await at(START);
    }
  });

  it('the lock lifts after 15 minutes', async () => {
    const card = await newPatron();
    try {
      await at(START);
      for (let i = 0; i < 5; i += 1) expect((await login(card, '0000')).status).toBe(401);
      await app.setClock('2026-12-01T10:14:00+09:00');
      expect((await login(card, '1224')).status).toBe(423);
      await app.setClock('2026-12-01T10:16:00+09:00');
      expect((await login(card, '1224')).status).toBe(200);
    } finally {
      await at(START);
    }
  });

  it('four failures, then the window passes: no lock, the next try is checked (the fifth failure since a success would lock, SPEC 12)', async () => {
    const card = await newPatron();
    try {
      await at(START);
      for (let i = 0; i < 4; i += 1) expect((await login(card, '0000')).status).toBe(401);
      await app.setClock('2026-12-01T10:16:00+09:00');
      expect((await login(card, '1224')).status).toBe(200);
      for (let i = 0; i < 4; i += 1) expect((await login(card, '0000')).status).toBe(401);
      expect((await login(card, '1224')).status).toBe(200);
    } finally {
      await at(START);
    }
  });

  it('a correct login clears earlier failures', async () => {
    const card = await newPatron();
    for (let i = 0; i < 4; i += 1) expect((await login(card, '0000')).status).toBe(401);
    expect((await login(card, '1224')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(card, '0000')).status).toBe(401);
    expect((await login(card, '1224')).status).toBe(200);
  });

  it('a burst of 30 parallel guesses checks exactly 5 passwords and locks (brute force stays impractical)', async () => {
    const card = await newPatron();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(card, String(100000 + i))));
    // SPEC 3: 5 failures lock. Fewer than 5 checked would lock without 5 failures; more would
    // let a burst try more PINs than the lock allows.
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 423)).toHaveLength(25);
    expect((await login(card, '1224')).status).toBe(423);
  });

  it('staff issuing (resetting) the password unlocks and restores the initial password', async () => {
    const card = await newPatron();
    const token = (await login(card, '1224')).body.token;
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '1224', newPassword: '777' } })).status).toBe(204);
    for (let i = 0; i < 5; i += 1) expect((await login(card, '0000')).status).toBe(401);
    expect((await login(card, '777')).status).toBe(423);
    expect((await app.request('POST', `/admin/patrons/${card}/internet-password`, { token: staff })).body).toEqual({ initialPassword: '1224' });
    const answer = await login(card, '1224');
    expect(answer.status).toBe(200);
    expect(answer.body.passwordIsInitial).toBe(true);
    expect((await login(card, '777')).status).toBe(401);
  });

  it('staff login: wrong password 401, right password a staff token', async () => {
    const wrong = await app.request('POST', '/admin/login', { body: { staffId: 'admin', password: 'nope' } });
    expect(wrong.status).toBe(401);
    const right = await app.request('POST', '/admin/login', { body: { staffId: 'admin', password: 'staff-secret' } });
    expect(right.status).toBe(200);
    expect(right.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await app.request('GET', '/admin/jobs/hold-registration/runs', { token: right.body.token })).status).toBe(200);
  });
});

describe('SPEC 3 password change', () => {
  it.each(['１２３４', '1234567', 'abcd', '12 34', '', '12.4'])('refuses %j with 400 naming the rule', async (newPassword) => {
    const card = await newPatron();
    const token = (await login(card, '1224')).body.token;
    const answer = await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '1224', newPassword } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    expect(answer.body.error.message).toContain('半角数字1桁から6桁');
    expect((await login(card, '1224')).status).toBe(200);
  });

  it('the rule message is English with Accept-Language: en', async () => {
    const card = await newPatron();
    const token = (await login(card, '1224')).body.token;
    const answer = await app.request('PUT', '/api/me/password', {
      token,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      body: { currentPassword: '1224', newPassword: 'x' },
    });
    expect(answer.body.error.message).toBe('The password must be 1 to 6 digits (0-9).');
  });

  it('accepts 1 to 6 digits; the old password stops working and the new one is not initial', async () => {
    const card = await newPatron();
    const token = (await login(card, '1224')).body.token;
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '1224', newPassword: '7' } })).status).toBe(204);
    expect((await login(card, '1224')).status).toBe(401);
    const fresh = await login(card, '7');
    expect(fresh.status).toBe(200);
    expect(fresh.body.passwordIsInitial).toBe(false);
    // SPEC 12: the change ended the session it was made in; the new login's token goes on.
    expect((await app.request('PUT', '/api/me/password', { token: fresh.body.token, body: { currentPassword: '7', newPassword: '654321' } })).status).toBe(204);
    expect((await login(card, '654321')).status).toBe(200);
  });

  it('a wrong current password is refused and counts toward the lock', async () => {
    const card = await newPatron();
    const token = (await login(card, '1224')).body.token;
    for (let i = 0; i < 5; i += 1) {
      const answer = await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '0000', newPassword: '1111' } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await login(card, '1224')).status).toBe(423);
  });
});

describe('SPEC 3 contact settings and GET /api/me', () => {
  const put = (token: string, body: unknown) => app.request('PUT', '/api/me/contact', { token, body });
  /** SPEC 12: contact settings need a session past the initial password (patronToken changes it). */
  const signedIn = (card: string) => app.patronToken(card, '1224');

  // The demo patron is only read in this file, so its profile is the seeded one whatever ran before.
  it('GET /api/me shows the profile without a birth date', async () => {
    const token = await app.patronToken();
    const me = await app.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ cardNumber: DEMO_CARD, name: '水戸 花子', email: 'hanako@example.jp', contactMethod: 'EMAIL', emailWarning: null });
    expect(JSON.stringify(me.body)).not.toContain('1985');
  });

  it('saves email and EMAIL contact; GET /api/me shows them', async () => {
    const token = await signedIn(await newPatron());
    const saved = await put(token, { email: 'hanako@example.jp', contactMethod: 'EMAIL' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ email: 'hanako@example.jp', contactMethod: 'EMAIL', emailWarning: null });
    expect((await app.request('GET', '/api/me', { token })).body).toMatchObject({ email: 'hanako@example.jp', contactMethod: 'EMAIL' });
  });

  it.each(['taro.@docomo.ne.jp', 'ta..ro@ezweb.ne.jp'])('accepts %s with a warning that mail may not arrive', async (email) => {
    const token = await signedIn(await newPatron());
    const saved = await put(token, { email, contactMethod: 'EMAIL' });
    expect(saved.status).toBe(200);
    expect(saved.body.email).toBe(email);
    expect(saved.body.emailWarning).toContain('メールが届かない');
  });

  it.each(['not-an-address', 'a@b', '@example.jp', 'a b@example.jp', 'a@example.jp\r\nBcc: x@evil.jp', 'a@exa mple.jp', 'あ@example.jp', 'a@@example.jp'])(
    'rejects %j with 400 naming email',
    async (email) => {
      const token = await signedIn(await newPatron());
      const answer = await put(token, { email, contactMethod: 'EMAIL' });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field: 'email' });
      expect((await app.request('GET', '/api/me', { token })).body).toMatchObject({ email: null, contactMethod: 'NONE' });
    },
  );

  it('EMAIL without an address is refused; PHONE and NONE need none', async () => {
    const token = await signedIn(await newPatron());
    const noAddress = await put(token, { contactMethod: 'EMAIL' });
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.error).toMatchObject({ code: 'VALIDATION', field: 'email' });
    const phone = await put(token, { contactMethod: 'PHONE' });
    expect(phone.status).toBe(200);
    expect(phone.body).toMatchObject({ contactMethod: 'PHONE', email: null });
    expect((await put(token, { email: null, contactMethod: 'NONE' })).body.contactMethod).toBe('NONE');
    const bad = await put(token, { email: 'a@example.jp', contactMethod: 'FAX' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('contactMethod');
  });
});
