import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandler } from '../../functions/common/http/api-handler.js';
import { allErrors } from '../../functions/contract/common-errors.js';
import { routeContracts } from '../../functions/contract/routes.js';
import { deployedRoutes, routeKey, routes, type ApiGroupName } from '../../functions/wiring.js';
import { startHttpApi } from '../../lib/local/http-server.js';
import { createContractRecorder } from '../support/contract-check.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Operation = { responses: Record<string, unknown>; 'x-error-codes': Record<string, string[]> };

let app: TestApp;
let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  app = await startTestApp();
  document = (await app.request('GET', '/api/openapi.json')).body;
});
afterAll(() => app?.stop());

describe('GET /api/openapi.json (issue 13)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every deployed route with every error code it can answer, and no local-only route', () => {
    for (const route of deployedRoutes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, routeKey(route)).toBeDefined();
      const declared = allErrors(route, routeContracts[routeKey(route) as keyof typeof routeContracts].errors);
      expect(operation?.['x-error-codes'], routeKey(route)).toEqual(declared);
      for (const status of Object.keys(declared)) expect(operation?.responses[status], `${routeKey(route)} ${status}`).toBeDefined();
    }
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/admin/local/'))).toEqual([]);
  });

  it('has a request and response schema for every declared route', () => {
    const undescribed = routes.filter((route) => !routeContracts[routeKey(route) as keyof typeof routeContracts]).map(routeKey);
    expect(undescribed).toEqual([]);
    for (const route of routes) {
      const contract = routeContracts[routeKey(route) as keyof typeof routeContracts];
      expect(Object.keys(contract.responses).length, routeKey(route)).toBeGreaterThan(0);
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(contract.params?.shape ?? {}).sort(), `${routeKey(route)} path parameters`).toEqual(names.sort());
      // A write takes a body, a query or, like PUT /api/me/basket/{titleId}, only its path.
      if (route.method === 'POST' || route.method === 'PUT') expect(contract.body ?? contract.query ?? contract.params, `${routeKey(route)} input`).toBeDefined();
    }
  });
});

describe('the contract tests (issue 13)', () => {
  /** A public-api whose login answers a wrong shape, as a faulty handler would. */
  const serveWith = async (answer: { statusCode: number; body?: string }) => {
    const recorder = createContractRecorder();
    const handler: ApiHandler = async () => ({ ...answer, headers: { 'content-type': 'application/json' } });
    const groups = { 'public-api': handler, 'patron-api': handler, 'staff-api': handler } satisfies Record<ApiGroupName, ApiHandler>;
    const api = await startHttpApi(groups, { host: '127.0.0.1', port: 0, observe: recorder.observe });
    await fetch(`${api.url}/api/login`, { method: 'POST', body: '{}' });
    await api.close();
    return recorder.take();
  };

  it('pass a login answer as the contract says', async () => {
    expect(await serveWith({ statusCode: 200, body: JSON.stringify({ token: 't', expiresAt: '2026-12-01T10:00:00+09:00', passwordIsInitial: false }) })).toEqual([]);
  });

  it('fail an answer without a field the contract requires, or with one it does not name', async () => {
    expect((await serveWith({ statusCode: 200, body: JSON.stringify({ token: 't', passwordIsInitial: false }) }))[0]).toMatch(/expiresAt/);
    const extra = { token: 't', expiresAt: '2026-12-01T10:00:00+09:00', passwordIsInitial: false, password: '0401' };
    expect((await serveWith({ statusCode: 200, body: JSON.stringify(extra) }))[0]).toMatch(/additional/);
  });

  it('fail a status or an error code the route does not declare', async () => {
    expect((await serveWith({ statusCode: 201, body: '{}' }))[0]).toMatch(/status its contract does not list/);
    const undeclared = { error: { code: 'HOLD_LIMIT', message: '予約できる点数は15点までです。' } };
    expect((await serveWith({ statusCode: 401, body: JSON.stringify(undeclared) }))[0]).toMatch(/code|allowed values/);
  });
});
