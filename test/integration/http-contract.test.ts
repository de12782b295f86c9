import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;
let patron: string;

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
  patron = await app.patronToken();
});
afterAll(() => app.stop());

describe('SPEC 7 error contract', () => {
  it('errors are {error:{code,message}} in Japanese by default and English with Accept-Language: en', async () => {
    const ja = await app.request('POST', '/api/login', { body: { cardNumber: '10000001', password: '9' } });
    expect(ja.status).toBe(401);
    expect(ja.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '利用者番号またはパスワードが正しくありません。' } });
    const en = await app.request('POST', '/api/login', { body: { cardNumber: '10000001', password: '9' }, headers: { 'accept-language': 'en' } });
    expect(en.body.error.message).toBe('The card number or password is not correct.');
    expect(ja.headers.get('content-type')).toContain('application/json');
  });

  it('malformed JSON is 400 VALIDATION naming the body', async () => {
    const answer = await app.request('POST', '/api/login', { raw: '{"cardNumber": "1000' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field: 'body' });
  });

  it.each([
    ['a JSON array', '[]'],
    ['a JSON string', '"x"'],
    ['null', 'null'],
    ['a number for the card', '{"cardNumber":10000001,"password":"0401"}'],
    ['an object for the password', '{"cardNumber":"10000001","password":{"$ne":1}}'],
  ])('%s is a 400, never a 500', async (_name, raw) => {
    const answer = await app.request('POST', '/api/login', { raw });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION');
  });

  it('a missing body names the first missing field', async () => {
    const answer = await app.request('POST', '/api/login');
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('cardNumber');
  });

  it('an oversized body is 413', async () => {
    const answer = await app.request('PUT', '/api/me/contact', { token: patron, raw: JSON.stringify({ email: 'x'.repeat(70_000) }) });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['GET', '/api/nothing-here'],
    ['DELETE', '/api/login'],
    ['GET', '/admin/nothing-here'],
    ['POST', '/admin/jobs/x/y/z'],
  ])('unknown route %s %s is 404 NOT_FOUND', async (method, path) => {
    const answer = await app.request(method, path);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});

describe('SPEC 7 tokens', () => {
  it('no token: 401 on patron and staff routes', async () => {
    expect((await app.request('GET', '/api/me')).status).toBe(401);
    expect((await app.request('GET', '/admin/jobs/hold-registration/runs')).status).toBe(401);
  });

  it('a patron token on /admin is 403; a staff token on /api/me is 403', async () => {
    const onAdmin = await app.request('GET', '/admin/jobs/hold-registration/runs', { token: patron });
    expect(onAdmin.status).toBe(403);
    expect(onAdmin.body.error.code).toBe('FORBIDDEN');
    const onPatron = await app.request('GET', '/api/me', { token: staff });
    expect(onPatron.status).toBe(403);
    expect(onPatron.body.error.code).toBe('FORBIDDEN');
  });

  it('a tampered token is 401', async () => {
    const [header, payload, signature] = patron.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: '10000002' })).toString('base64url');
    expect((await app.request('GET', '/api/me', { token: `${header}.${forged}.${signature}` })).status).toBe(401);
    expect((await app.request('GET', '/api/me', { token: 'not.a.token' })).status).toBe(401);
  });

  it('a token signed with another key, or with alg none, is 401', async () => {
    const other = await new SignJWT({ role: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('library-reservations')
      .setAudience('library:staff')
      .setSubject('admin')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key'));
    expect((await app.request('GET', '/admin/jobs/hold-registration/runs', { token: other })).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${patron.split('.')[1]}.`;
    expect((await app.request('GET', '/api/me', { token: none })).status).toBe(401);
  });

  it('a patron token expires after 30 minutes (401)', async () => {
    try {
      await app.setClock('2026-12-01T12:00:00+09:00');
      const token = await app.patronToken();
      await app.setClock('2026-12-01T12:29:00+09:00');
      expect((await app.request('GET', '/api/me', { token })).status).toBe(200);
      await app.setClock('2026-12-01T12:31:00+09:00');
      const expired = await app.request('GET', '/api/me', { token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('UNAUTHORIZED');
    } finally {
      // The tokens of beforeAll were issued at 10:00: later tests need them valid.
      await app.services.scheduler.skipTo(new Date('2026-12-01T10:00:00+09:00'));
    }
  });
});

describe('SPEC 7 branches', () => {
  it('GET /api/branches lists the six branches in the library order, without a token', async () => {
    const answer = await app.request('GET', '/api/branches');
    expect(answer.status).toBe(200);
    expect(answer.body.map((b: { code: string }) => b.code)).toEqual(['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara']);
    expect(answer.body[0]).toMatchObject({ code: 'central', name: '中央図書館' });
  });
});
