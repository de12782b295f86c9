import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/common/password-hash.js';
import { routes, type RouteDeclaration } from '../../functions/wiring.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let admin: string;
let counter: string;

const staffLogin = (staffId: string, password: string) => app.request('POST', '/admin/login', { body: { staffId, password } });
const tokenOf = async (staffId: string, password = STAFF_PASSWORD) => {
  const answer = await staffLogin(staffId, password);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.token as string;
};

/** A path of the route with every parameter filled in (the role is checked before the handler reads them). */
const pathOf = (route: RouteDeclaration) => route.path.replace(/\{[^}]+\}/g, 'x1');
const bodyOf = (route: RouteDeclaration) => (route.method === 'GET' ? undefined : {});

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.staffToken();
  counter = await tokenOf('counter');
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

const staffRoutes = routes.filter((r) => r.access === 'staff') as readonly RouteDeclaration[];
const adminOnly = staffRoutes.filter((r) => r.role === 'ADMIN');
const counterWork = staffRoutes.filter((r) => r.role === undefined);

describe('SPEC 11 roles: the wiring table decides, the API enforces', () => {
  it('the admin-only routes are staff accounts, calendar, titles, items, import and job runs', () => {
    expect(adminOnly.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'DELETE /admin/staff/{staffId}',
        'GET /admin/branches/{branch}/hours',
        'PUT /admin/branches/{branch}/hours',
        'GET /admin/jobs/{job}/runs',
        'GET /admin/staff',
        'POST /admin/catalog/import',
        'POST /admin/items',
        'POST /admin/jobs/{job}/run',
        'POST /admin/staff',
        'POST /admin/titles',
        'PUT /admin/calendar/{branch}/{date}',
      ].sort(),
    );
  });

  it.each(adminOnly.map((r) => [`${r.method} ${r.path}`, r] as const))('a COUNTER token gets 403 FORBIDDEN on %s', async (_key, route) => {
    const answer = await app.request(route.method, pathOf(route), { token: counter, body: bodyOf(route) });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('FORBIDDEN');
  });

  it.each(counterWork.map((r) => [`${r.method} ${r.path}`, r] as const))('a COUNTER token gets past the role check on %s', async (_key, route) => {
    const answer = await app.request(route.method, pathOf(route), { token: counter, body: bodyOf(route) });
    // Through to the handler: whatever it answers to a made-up request, it is not a refusal of the caller.
    expect([401, 403]).not.toContain(answer.status);
  });

  it('an ADMIN token may use the admin routes', async () => {
    expect((await app.request('GET', '/admin/staff', { token: admin })).status).toBe(200);
    expect((await app.request('GET', '/admin/jobs/hold-registration/runs', { token: admin })).status).toBe(200);
  });

  it('counter work a COUNTER account really does: pull list, patron registration', async () => {
    expect((await app.request('GET', '/admin/pull-list?branch=central', { token: counter })).status).toBe(200);
    const registered = await app.request('POST', '/admin/patrons', { token: counter, body: { cardNumber: '41000001', name: '窓口 次郎', birthDate: '1980-03-03' } });
    expect(registered.status).toBe(201);
  });

  it('an account stored before roles (no role) acts as ADMIN', async () => {
    await app.services.deps.store.staff.put({ staffId: 'veteran', name: '古参 職員' });
    await app.services.deps.store.credentials.setPassword({ kind: 'staff', id: 'veteran' }, await hashPassword('veteran-pass'), false, new Date());
    const listed = await app.request('GET', '/admin/staff', { token: admin });
    expect(listed.body).toContainEqual({ staffId: 'veteran', name: '古参 職員', role: 'ADMIN', disabled: false });
    const veteran = await tokenOf('veteran', 'veteran-pass');
    expect((await app.request('GET', '/admin/jobs/hold-registration/runs', { token: veteran })).status).toBe(200);
  });
});

describe('SPEC 11 staff accounts', () => {
  it('an ADMIN creates an account (201), which logs in with its role; the id is taken once (409)', async () => {
    const body = { staffId: 'clerk-1', name: '貸出 係', role: 'COUNTER', password: 'long-enough-1' };
    const created = await app.request('POST', '/admin/staff', { token: admin, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({ staffId: 'clerk-1', name: '貸出 係', role: 'COUNTER', disabled: false });
    const again = await app.request('POST', '/admin/staff', { token: admin, body: { ...body, role: 'ADMIN' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'staffId' });
    const clerk = await tokenOf('clerk-1', 'long-enough-1');
    expect((await app.request('GET', '/admin/contact-list?branch=central', { token: clerk })).status).toBe(200);
    expect((await app.request('GET', '/admin/staff', { token: clerk })).status).toBe(403);
  });

  it('the list shows every account with its role, and nothing of passwords', async () => {
    const listed = await app.request('GET', '/admin/staff', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ staffId: 'admin', role: 'ADMIN', disabled: false }));
    expect(listed.body).toContainEqual(expect.objectContaining({ staffId: 'counter', role: 'COUNTER', disabled: false }));
    expect(JSON.stringify(listed.body)).not.toMatch(/password|hash|scrypt/i);
  });

  it('disabling ends live tokens at once (401) and logins answer like a wrong password', async () => {
    const created = await app.request('POST', '/admin/staff', { token: admin, body: { staffId: 'leaver', name: '退職 予定', role: 'ADMIN', password: 'leaver-pass-1' } });
    expect(created.status).toBe(201);
    const live = await tokenOf('leaver', 'leaver-pass-1');
    expect((await app.request('GET', '/admin/pull-list?branch=central', { token: live })).status).toBe(200);

    const disabled = await app.request('DELETE', '/admin/staff/leaver', { token: admin });
    expect(disabled.status).toBe(204);
    const after = await app.request('GET', '/admin/pull-list?branch=central', { token: live });
    expect(after.status).toBe(401);
    expect((await app.request('GET', '/admin/staff', { token: live })).status).toBe(401);

    const refused = await staffLogin('leaver', 'leaver-pass-1');
    const unknown = await staffLogin('never-existed', 'leaver-pass-1');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(unknown.body);
    expect(refused.body.error.code).toBe('INVALID_STAFF_CREDENTIALS');

    const listed = await app.request('GET', '/admin/staff', { token: admin });
    expect(listed.body).toContainEqual(expect.objectContaining({ staffId: 'leaver', disabled: true }));
    // Again: nothing changes; the id stays taken.
    expect((await app.request('DELETE', '/admin/staff/leaver', { token: admin })).status).toBe(204);
    expect((await app.request('POST', '/admin/staff', { token: admin, body: { staffId: 'leaver', name: '再', role: 'ADMIN', password: 'leaver-pass-2' } })).status).toBe(
      409,
    );
  });

  it('an ADMIN cannot disable themself (409 CANNOT_DISABLE_SELF); an unknown id is 404', async () => {
    const self = await app.request('DELETE', '/admin/staff/admin', { token: admin });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('CANNOT_DISABLE_SELF');
    expect((await app.request('GET', '/admin/staff', { token: admin })).status).toBe(200);
    expect((await app.request('DELETE', '/admin/staff/nobody-here', { token: admin })).status).toBe(404);
  });

  it.each([
    [{ password: 'short-9ch' }, 'password', '10文字以上'],
    [{ role: 'OWNER' }, 'role', 'ADMIN か COUNTER'],
    [{ role: undefined }, 'role', ''],
    [{ staffId: 'has space' }, 'staffId', '職員ID'],
    [{ name: '' }, 'name', ''],
  ] as const)('refuses %j with 400 VALIDATION naming the field', async (change, field, message) => {
    const body = { staffId: 'valid-id', name: '新人 職員', role: 'COUNTER', password: 'long-enough-2', ...change };
    const answer = await app.request('POST', '/admin/staff', { token: admin, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field });
    expect(answer.body.error.message).toContain(message);
    expect((await app.request('GET', '/admin/staff', { token: admin })).body).not.toContainEqual(expect.objectContaining({ staffId: 'valid-id' }));
  });

  it('a disabled or unknown staff id locks like any other (SPEC 11: same lockout as patrons)', async () => {
    let last: Awaited<ReturnType<typeof staffLogin>> | undefined;
    for (let i = 0; i < 6; i += 1) last = await staffLogin('leaver', `wrong-${i}`);
    expect(last?.status).toBe(423);
    let unknown: Awaited<ReturnType<typeof staffLogin>> | undefined;
    for (let i = 0; i < 6; i += 1) unknown = await staffLogin('ghost-account', `wrong-${i}`);
    expect(unknown?.status).toBe(423);
  });
});
