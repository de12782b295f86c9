import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/store/keys.js';
import { routes, type RouteDeclaration } from '../../functions/wiring.js';
import { CHANGED_PASSWORD, DEMO_CARD, DEMO_PASSWORD, STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * SPEC 12 account security, through the HTTP API against DynamoDB Local and the SES
 * emulator. Every lock here answers no sooner than LOCK_ANSWER_FLOOR_MS after it was taken
 * (0.5 s in this file: well above the time a password check takes, and short enough for the two dozen locks below).
 */
const FLOOR_MS = 500;
let app: TestApp;
let nextCard = 71000000;

const at = (iso: string | number) => app.services.scheduler.skipTo(new Date(iso));
const login = (cardNumber: string, password: string) => app.request('POST', '/api/login', { body: { cardNumber, password } });
const staffLogin = (staffId: string, password: string) => app.request('POST', '/admin/login', { body: { staffId, password } });

/** Registers a patron (born `birthDate`) with the internet password issued; returns the card number. */
const newPatron = async (birthDate = '1990-06-15') => {
  const cardNumber = String((nextCard += 1));
  const staff = await app.staffToken();
  expect((await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber, name: '常陸 次郎', birthDate } })).status).toBe(201);
  expect((await app.request('POST', `/admin/patrons/${cardNumber}/internet-password`, { token: staff })).status).toBe(200);
  return cardNumber;
};

/** A card number no patron has. */
const unknownCard = () => String((nextCard += 1) + 10_000_000);

const mailsTo = async (address: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(address));
};

/** Five wrong passwords (the fifth locks), then the 423 the next attempt gets. */
const lockOut = async (attempt: () => Promise<{ status: number; body: any }>) => {
  for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(401);
  const locked = await attempt();
  expect(locked.status).toBe(423);
  expect(locked.body.error.code).toBe('LOCKED');
  return locked.body.error.unlocksAt as string;
};
const minutesBetween = (from: number, untilIso: string) => Math.round((Date.parse(untilIso) - from) / 60_000);

const patronRoutes = routes.filter((r) => r.access === 'patron') as readonly RouteDeclaration[];
/** Calls a patron route with sample path parameters and an empty body: only the gate matters. */
const callRoute = (route: RouteDeclaration, token: string) =>
  app.request(route.method, route.path.replace('{holdId}', 'H-none').replace('{titleId}', 'T-none'), {
    token,
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
  });

beforeAll(async () => {
  app = await startTestApp({ env: { LOCK_ANSWER_FLOOR_MS: String(FLOOR_MS) } });
});
afterAll(() => app?.stop());

describe('SPEC 12 the initial password only opens the door to choosing a real one', () => {
  it('the demo patron starts on its initial password (birth MMDD)', async () => {
    const answer = await login(DEMO_CARD, DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.passwordIsInitial).toBe(true);
  });

  it('with the initial password GET /api/me answers; every other patron route but the password change answers 403 PASSWORD_CHANGE_REQUIRED', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const token = (await login(card, '0615')).body.token as string;
    const me = await app.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ cardNumber: card, passwordIsInitial: true });

    const open = patronRoutes.filter((r) => r.openWithInitialPassword).map((r) => `${r.method} ${r.path}`);
    expect(open.sort()).toEqual(['GET /api/me', 'PUT /api/me/password']);
    const gated = patronRoutes.filter((r) => !r.openWithInitialPassword);
    expect(gated.length).toBe(patronRoutes.length - 2);
    for (const route of gated) {
      const answer = await callRoute(route, token);
      expect(answer.status, `${route.method} ${route.path}`).toBe(403);
      expect(answer.body.error, `${route.method} ${route.path}`).toEqual({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: 'パスワードが初期値（誕生月日）のままです。新しいパスワードに変更すると、予約などがご利用いただけます。',
      });
    }
    const english = await app.request('GET', '/api/me/status', { token, headers: { 'accept-language': 'en' } });
    expect(english.body.error.message).toBe('Your password is still the initial one (your birth month and day). Change it to use reservations and the other services.');

    // The password change is open to it; afterwards a new login opens everything.
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '0615', newPassword: '3141' } })).status).toBe(204);
    const fresh = await login(card, '3141');
    expect(fresh.body.passwordIsInitial).toBe(false);
    expect((await app.request('GET', '/api/me/status', { token: fresh.body.token })).status).toBe(200);
    expect((await app.request('GET', '/api/me', { token: fresh.body.token })).body.passwordIsInitial).toBe(false);
  });

  it('a new password equal to the birth MMDD is refused: 400 VALIDATION naming newPassword, the password unchanged', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron('1988-11-03');
    const token = (await login(card, '1103')).body.token as string;
    const refused = await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '1103', newPassword: '1103' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'VALIDATION',
      field: 'newPassword',
      message: '誕生月日（初期パスワード）は新しいパスワードにできません。別の数字にしてください。',
    });
    // Still initial, and still the same session (nothing changed).
    expect((await app.request('GET', '/api/me', { token })).body.passwordIsInitial).toBe(true);

    // Later too: a patron with a real password may not go back to the birth MMDD.
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '1103', newPassword: '8080' } })).status).toBe(204);
    const real = (await login(card, '8080')).body.token as string;
    const back = await app.request('PUT', '/api/me/password', {
      token: real,
      headers: { 'accept-language': 'en' },
      body: { currentPassword: '8080', newPassword: '1103' },
    });
    expect(back.status).toBe(400);
    expect(back.body.error).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    expect(back.body.error.message).toBe('Your birth month and day (the initial password) cannot be the new password. Please choose other digits.');
    expect((await login(card, '8080')).status).toBe(200);
  });

  it('the refusal of the birth MMDD comes only after the current password is checked (no birth-date oracle)', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron('1979-02-14');
    const token = await app.patronToken(card, '0214');
    const probe = await app.request('PUT', '/api/me/password', { token, body: { currentPassword: '999999', newPassword: '0214' } });
    expect(probe.status).toBe(400);
    expect(probe.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'currentPassword' });
  });
});

describe('SPEC 12 sessions end on a password change and a staff reset', () => {
  it('after a password change every token issued before answers 401 on every patron route (the initial one too: 401, not 403)', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const initial = (await login(card, '0615')).body.token as string;
    const second = (await login(card, '0615')).body.token as string;
    expect((await app.request('PUT', '/api/me/password', { token: initial, body: { currentPassword: '0615', newPassword: '27' } })).status).toBe(204);
    for (const token of [initial, second]) {
      for (const route of patronRoutes) {
        const answer = await callRoute(route, token);
        expect(answer.status, `${route.method} ${route.path}`).toBe(401);
        expect(answer.body.error.code).toBe('UNAUTHORIZED');
      }
    }
    const fresh = (await login(card, '27')).body.token as string;
    expect((await app.request('GET', '/api/me/status', { token: fresh })).status).toBe(200);
  });

  it('after a staff reset every token issued before answers 401 on every patron route; the initial password logs in again', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const token = await app.patronToken(card, '0615');
    expect((await app.request('GET', '/api/me/status', { token })).status).toBe(200);
    const reset = await app.request('POST', `/admin/patrons/${card}/internet-password`, { token: await app.staffToken() });
    expect(reset.body).toEqual({ initialPassword: '0615' });
    for (const route of patronRoutes) expect((await callRoute(route, token)).status, `${route.method} ${route.path}`).toBe(401);
    const again = await login(card, '0615');
    expect(again.body.passwordIsInitial).toBe(true);
    expect((await login(card, CHANGED_PASSWORD)).status).toBe(401);
  });

  it('a change made in one session does not spare the others, and a new login is not ended by an older change', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const token = await app.patronToken(card, '0615');
    const other = (await login(card, CHANGED_PASSWORD)).body.token as string;
    expect((await app.request('PUT', '/api/me/password', { token, body: { currentPassword: CHANGED_PASSWORD, newPassword: '5' } })).status).toBe(204);
    expect((await app.request('PUT', '/api/me/contact', { token: other, body: { contactMethod: 'NONE' } })).status).toBe(401);
    const after = (await login(card, '5')).body.token as string;
    expect((await app.request('PUT', '/api/me/contact', { token: after, body: { contactMethod: 'NONE' } })).status).toBe(200);
  });
});

describe('SPEC 12 escalating locks', () => {
  it('each further lock within 24 h doubles the lock time: 15, 30, 60 … minutes, at most 24 h', async () => {
    const card = await newPatron();
    const durations: number[] = [];
    let start = Date.parse('2026-12-03T09:00:00+09:00');
    for (let lock = 0; lock < 9; lock += 1) {
      await at(start);
      const until = await lockOut(() => login(card, '000000'));
      durations.push(minutesBetween(start, until));
      start = Date.parse(until) + 1000;
    }
    expect(durations).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  }, 180_000);

  it('a lock more than 24 h after the previous one ended is a first lock again (15 minutes)', async () => {
    const card = await newPatron();
    const t0 = Date.parse('2026-12-10T09:00:00+09:00');
    await at(t0);
    const first = await lockOut(() => login(card, '000000'));
    expect(minutesBetween(t0, first)).toBe(15);
    const t1 = Date.parse(first) + 23 * 3_600_000;
    await at(t1);
    const second = await lockOut(() => login(card, '000000'));
    expect(minutesBetween(t1, second)).toBe(30);
    const t2 = Date.parse(second) + 24 * 3_600_000 + 60_000;
    await at(t2);
    expect(minutesBetween(t2, await lockOut(() => login(card, '000000')))).toBe(15);
  }, 60_000);

  it('a guesser who paces four tries per 15-minute window is locked at every fifth failure since the last success, escalating', async () => {
    const card = await newPatron();
    let start = Date.parse('2026-12-20T09:00:00+09:00');
    const durations: number[] = [];
    for (let lock = 0; lock < 3; lock += 1) {
      await at(start);
      for (let i = 0; i < 4; i += 1) expect((await login(card, '000000')).status).toBe(401);
      // A new window: without the count across windows this try would be the first of five.
      const paced = start + 16 * 60_000;
      await at(paced);
      expect((await login(card, '000000')).status).toBe(401);
      const locked = await login(card, '000000');
      expect(locked.status).toBe(423);
      durations.push(minutesBetween(paced, locked.body.error.unlocksAt));
      start = Date.parse(locked.body.error.unlocksAt) + 1000;
    }
    expect(durations).toEqual([15, 30, 60]);
  }, 120_000);

  it('a successful login resets the count: the next lock is 15 minutes again', async () => {
    const card = await newPatron();
    const t0 = Date.parse('2026-12-14T09:00:00+09:00');
    await at(t0);
    const first = await lockOut(() => login(card, '000000'));
    await at(Date.parse(first) + 1000);
    expect((await login(card, '0615')).status).toBe(200);
    const t1 = Date.parse(first) + 2000;
    await at(t1);
    expect(minutesBetween(t1, await lockOut(() => login(card, '000000')))).toBe(15);
  }, 60_000);

  it('staff logins lock the same way, an unknown staff id too: 401 ×5, then 423, then 30 minutes', async () => {
    const t0 = Date.parse('2026-12-16T09:00:00+09:00');
    for (const staffId of ['admin', 'nobody-here']) {
      await at(t0);
      const first = await lockOut(() => staffLogin(staffId, 'wrong-password'));
      expect(minutesBetween(t0, first), staffId).toBe(15);
      // Locked: even the right password is refused.
      expect((await staffLogin(staffId, STAFF_PASSWORD)).status).toBe(423);
      const t1 = Date.parse(first) + 1000;
      await at(t1);
      expect(minutesBetween(t1, await lockOut(() => staffLogin(staffId, 'wrong-password'))), staffId).toBe(30);
    }
    // The right password after the lock: staff work again, and the count starts over.
    await at(t0 + 2 * 3_600_000);
    expect((await staffLogin('admin', STAFF_PASSWORD)).status).toBe(200);
  }, 60_000);
});

describe('SPEC 12 a card number that does not exist answers exactly like one that does', () => {
  it('the same statuses and bodies at every step, locks and escalation included', async () => {
    const known = await newPatron();
    const unknown = unknownCard();
    const t0 = Date.parse('2026-12-18T09:00:00+09:00');
    await at(t0);
    const strip = (body: any) => ({ ...body, error: { ...body.error, unlocksAt: undefined, message: body.error.message.replace(/\d{2}:\d{2}/, 'HH:MM') } });
    const side = async (password: string) => {
      const [k, u] = [await login(known, password), await login(unknown, password)];
      expect(u.status).toBe(k.status);
      expect(strip(u.body)).toEqual(strip(k.body));
      // The unknown card's lock was taken a moment later (the known one's answer took the floor).
      if (k.status === 423) expect(Math.abs(Date.parse(u.body.error.unlocksAt) - Date.parse(k.body.error.unlocksAt))).toBeLessThan(10_000);
      return { status: k.status, unlocksAt: [k.body.error?.unlocksAt, u.body.error?.unlocksAt] as string[] };
    };
    for (let i = 0; i < 5; i += 1) expect((await side('000000')).status).toBe(401);
    const locked = await side('0615');
    expect(locked.status).toBe(423);
    // Escalation too: the next lock of each lasts 30 minutes.
    const t1 = Math.max(...locked.unlocksAt.map((u) => Date.parse(u))) + 1000;
    await at(t1);
    for (let i = 0; i < 5; i += 1) expect((await side('000000')).status).toBe(401);
    const again = await side('000000');
    for (const until of again.unlocksAt) expect(minutesBetween(t1, until)).toBe(30);
  }, 60_000);

  it('the locking answer takes at least the floor for an unknown card as for a patron who is mailed', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const token = await app.patronToken(card, '0615');
    expect((await app.request('PUT', '/api/me/contact', { token, body: { email: `floor-${card}@example.jp`, contactMethod: 'EMAIL' } })).status).toBe(200);
    const t0 = Date.parse('2026-12-20T09:00:00+09:00');
    for (const who of [card, unknownCard()]) {
      await at(t0);
      for (let i = 0; i < 4; i += 1) expect((await login(who, '000000')).status).toBe(401);
      const started = performance.now();
      expect((await login(who, '000000')).status).toBe(401);
      expect(performance.now() - started, who).toBeGreaterThanOrEqual(FLOOR_MS);
    }
    expect(await mailsTo(`floor-${card}@example.jp`)).toHaveLength(1);
  }, 60_000);

  it('an unknown card leaves an attempt record with a TTL; a record past its TTL is treated as gone although DynamoDB Local keeps it', async () => {
    const card = unknownCard();
    const t0 = Date.parse('2026-12-22T09:00:00+09:00');
    await at(t0);
    const until = await lockOut(() => login(card, '000000'));
    const { db } = app.services;
    const key = keys.loginAttempts('patron', card);
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: key }));
    // Kept while it matters (the lock, and 24 h after it for escalation), then deletable.
    expect(Item!.expiresAt * 1000).toBeGreaterThanOrEqual(Date.parse(until) + 24 * 3_600_000);
    expect(Item!.expiresAt * 1000).toBeLessThanOrEqual(Date.parse(until) + 26 * 3_600_000);

    // Past its TTL (forced here while the lock would still hold), the record no longer counts.
    await db.client.send(
      new UpdateCommand({ TableName: db.tableName, Key: key, UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': Math.floor(t0 / 1000) } }),
    );
    expect((await login(card, '000000')).status).toBe(401);
    const fresh = (await db.client.send(new GetCommand({ TableName: db.tableName, Key: key }))).Item!;
    expect(fresh).toMatchObject({ attempts: 1 });
    expect(fresh.lockedUntil).toBeUndefined();
    expect(fresh.lockLevel).toBeUndefined();
  }, 60_000);
});

describe('SPEC 12 an EMAIL patron whose account locks gets one mail about it, at most one a day', () => {
  it('one Japanese mail on the lock; none for a second lock the same day; another the next day', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const address = `locked-${card}@example.jp`;
    const token = await app.patronToken(card, '0615');
    expect((await app.request('PUT', '/api/me/contact', { token, body: { email: address, contactMethod: 'EMAIL' } })).status).toBe(200);

    const t0 = Date.parse('2026-12-24T09:00:00+09:00');
    await at(t0);
    const first = await lockOut(() => login(card, '000000'));
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe('central@library-mito.jp');
    expect(mails[0].subject).toBe('【水戸市立図書館】ログインを一時停止しました');
    expect(mails[0].body.text).toContain('常陸 次郎 様');
    expect(mails[0].body.text).toContain(`(利用者番号 ****${card.slice(-4)})`);
    expect(mails[0].body.text).not.toContain(card);
    expect(mails[0].body.text).toContain(`■解除の時刻：2026年12月24日(木) ${first.slice(11, 16)}`);
    expect(mails[0].body.text).toContain('chuou@library-mito.jp');
    expect(mails[0].body.html).toContain('解除の時刻');

    await at(Date.parse(first) + 1000);
    await lockOut(() => login(card, '000000'));
    expect(await mailsTo(address)).toHaveLength(1);

    await at(t0 + 24 * 3_600_000 + 60_000);
    await lockOut(() => login(card, '000000'));
    expect(await mailsTo(address)).toHaveLength(2);
  }, 60_000);

  it('a patron whose contact method is not EMAIL gets none, even with an address', async () => {
    await at('2026-12-01T10:00:00+09:00');
    const card = await newPatron();
    const address = `phone-${card}@example.jp`;
    const token = await app.patronToken(card, '0615');
    expect((await app.request('PUT', '/api/me/contact', { token, body: { email: address, contactMethod: 'PHONE' } })).status).toBe(200);
    await at('2026-12-26T09:00:00+09:00');
    await lockOut(() => login(card, '000000'));
    expect(await mailsTo(address)).toHaveLength(0);
  }, 60_000);
});
