import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
const written: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ logLevel: 'DEBUG' });
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture as never);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app.stop();
});

describe('Logs carry no names, emails, passwords or tokens', () => {
  it('across registration, password issue, login (good and bad), lockout, password change and contact update', async () => {
    const staff = await app.staffToken();
    const secrets = {
      name: '秘密 花子',
      email: 'secret.person@example.jp',
      riskyEmail: 'secret.@example.jp',
      newPassword: '864213',
      wrongPassword: '975319',
      staffPassword: 'staff-secret',
    };
    // Each step is asserted, so the log check below covers steps that really happened.
    const status = async (answer: Promise<{ status: number }>, expected: number) => expect((await answer).status).toBe(expected);
    await status(app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber: '40000001', name: secrets.name, birthDate: '1999-09-09' } }), 201);
    await status(app.request('POST', '/admin/patrons/40000001/internet-password', { token: staff }), 200);
    const first = await app.request('POST', '/api/login', { body: { cardNumber: '40000001', password: '0909' } });
    expect(first.status).toBe(200);
    await status(app.request('PUT', '/api/me/password', { token: first.body.token, body: { currentPassword: '0909', newPassword: secrets.newPassword } }), 204);
    // A session with a chosen password (SPEC 12: the initial one only opens the password change).
    const login = await app.request('POST', '/api/login', { body: { cardNumber: '40000001', password: secrets.newPassword } });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    await status(app.request('PUT', '/api/me/contact', { token, body: { email: secrets.email, contactMethod: 'EMAIL' } }), 200);
    await status(app.request('PUT', '/api/me/contact', { token, body: { email: secrets.riskyEmail, contactMethod: 'EMAIL' } }), 200);
    await status(app.request('PUT', '/api/me/contact', { token, body: { email: `${secrets.email}\n`, contactMethod: 'EMAIL' } }), 400);
    await status(app.request('PUT', '/api/me/password', { token, body: { currentPassword: secrets.wrongPassword, newPassword: '1' } }), 400);
    const guesses = [];
    for (let i = 0; i < 6; i += 1) guesses.push((await app.request('POST', '/api/login', { body: { cardNumber: '40000001', password: secrets.wrongPassword } })).status);
    expect(guesses).toEqual([401, 401, 401, 401, 423, 423]);
    await status(app.request('GET', '/api/me', { token }), 200);
    await status(app.request('POST', '/admin/jobs/hold-registration/run', { token: staff }), 202);
    await app.services.bus.settled();

    const logs = written.join('');
    // The capture itself works: info-level lines from these routes are there.
    expect(logs).toContain('contact updated');
    expect(logs).toContain('password check failed');
    for (const value of [...Object.values(secrets), token, first.body.token, staff, '0909', 'example.jp']) expect(logs).not.toContain(value);
  });
});
