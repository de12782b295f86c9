import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../functions/common/clock.js';
import { readConfig } from '../../functions/common/config.js';
import type { Deps } from '../../functions/common/deps.js';
import { makeApiHandler } from '../../functions/common/http/api-handler.js';
import { ORIGIN_VERIFY_HEADER } from '../../functions/common/http/origin-header.js';
import { createLogger } from '../../functions/common/logger.js';
import { noMetrics } from '../../functions/common/metrics.js';
import { patronHandlers } from '../../functions/http/patron/routes.js';
import { publicHandlers } from '../../functions/http/public/routes.js';

/**
 * The origin check (docs/decisions/012-edge.md): with ORIGIN_VERIFY_SECRET_ARN configured, as
 * only the AWS stack does, an API request without CloudFront's header answers 403 before any
 * other work; without it (local stack, other tests) the header is not looked at.
 */
const SECRET_ARN = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:origin-verify-AbCdEf';
const SECRET = 'a'.repeat(64);

/** What the handler touched of the store and the token service: nothing, before the check passes. */
const untouchable = (name: string, touched: string[]): any =>
  new Proxy(
    {},
    {
      get: (_target, property) => {
        touched.push(`${name}.${String(property)}`);
        throw new Error(`${name} was used`);
      },
    },
  );

const setup = (options: { env?: Record<string, string>; readSecret?: (arn: string) => Promise<string> } = {}) => {
  const touched: string[] = [];
  const logger = createLogger('origin-verify-test', 'SILENT');
  const warn = vi.spyOn(logger, 'warn');
  const deps = {
    config: readConfig({ TABLE_NAME: 'unused', ...options.env }),
    clock: fixedClock('2026-12-01T10:00:00+09:00'),
    store: untouchable('store', touched),
    tokens: untouchable('tokens', touched),
    events: untouchable('events', touched),
    logger,
    metrics: noMetrics,
  } as Deps;
  const read = vi.fn(options.readSecret ?? (() => Promise.resolve(SECRET)));
  const handlers = {
    public: makeApiHandler('public-api', publicHandlers, deps, { readSecret: read }),
    patron: makeApiHandler('patron-api', patronHandlers, deps, { readSecret: read }),
  };
  return { touched, warn, read, handlers };
};

const event = (routeKey: string, headers: Record<string, string> = {}, body?: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey,
    rawPath: routeKey.split(' ')[1] ?? '/',
    rawQueryString: '',
    headers,
    body,
    isBase64Encoded: false,
    requestContext: { http: { method: routeKey.split(' ')[0] ?? 'GET', path: routeKey.split(' ')[1] ?? '/' } },
  }) as unknown as APIGatewayProxyEventV2;
const context = {} as Context;
const parse = (result: { statusCode?: number; body?: string }) => ({ status: result.statusCode, body: JSON.parse(result.body ?? 'null') });

/** One turn of the event loop: what passes between a cold start's import and its first invocation. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const configured = { ORIGIN_VERIFY_SECRET_ARN: SECRET_ARN };
const fromCloudFront = { [ORIGIN_VERIFY_HEADER]: SECRET };

describe('origin check configured (AWS stack)', () => {
  it('reads the secret once, right after cold start (not during it), before any request', async () => {
    const { read, handlers } = setup({ env: configured });
    expect(read).not.toHaveBeenCalled(); // issue 12.5: not part of the function's init
    await nextTurn(); // the runtime waits for the first invocation
    expect(read.mock.calls).toEqual([[SECRET_ARN], [SECRET_ARN]]); // one per function (two built here)
    await handlers.public(event('$default', fromCloudFront), context);
    await handlers.public(event('$default', fromCloudFront), context);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('without the header: 403 FORBIDDEN in the app error shape, before the body, the token or the table', async () => {
    const { touched, warn, handlers } = setup({ env: configured });
    // Malformed JSON would be a 400 and a bad token a 401, had anything after the check run.
    const login = parse(await handlers.public(event('POST /api/login', { 'content-type': 'application/json' }, '{not json'), context));
    expect(login).toEqual({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'この操作は許可されていません。' } } });
    const me = parse(await handlers.patron(event('GET /api/me', { authorization: 'Bearer not-a-token', 'accept-language': 'en' }), context));
    expect(me).toEqual({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'You are not allowed to do this.' } } });
    expect(parse(await handlers.public(event('$default'), context)).status).toBe(403);
    expect(touched).toEqual([]);
    expect(warn).toHaveBeenCalledWith('request did not come through CloudFront', { routeKey: 'POST /api/login', originHeader: 'missing' });
  });

  it('with a wrong value (same length, shorter, longer, empty): 403', async () => {
    const { touched, warn, handlers } = setup({ env: configured });
    for (const wrong of ['b'.repeat(64), SECRET.slice(1), `${SECRET}a`, '', SECRET.toUpperCase()]) {
      const answer = parse(await handlers.public(event('POST /api/login', { [ORIGIN_VERIFY_HEADER]: wrong }, '{}'), context));
      expect(answer.status, JSON.stringify(wrong)).toBe(403);
    }
    expect(touched).toEqual([]);
    expect(warn).toHaveBeenLastCalledWith('request did not come through CloudFront', { routeKey: 'POST /api/login', originHeader: 'wrong' });
  });

  it('with the header: the request goes on to the other middlewares and the route', async () => {
    const { touched, warn, handlers } = setup({ env: configured });
    expect(parse(await handlers.public(event('POST /api/login', fromCloudFront, '{not json'), context))).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION', field: 'body' } },
    });
    expect(parse(await handlers.public(event('$default', fromCloudFront), context))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(parse(await handlers.patron(event('GET /api/me', fromCloudFront), context)).status).toBe(401);
    // Past the check the route uses its dependencies as usual (here: the store).
    await handlers.public(event('GET /api/branches', fromCloudFront), context);
    expect(touched[0]).toMatch(/^store\./);
    expect(warn).not.toHaveBeenCalled();
  });

  it('a failed secret read answers 500 INTERNAL and is retried by the next request', async () => {
    let calls = 0;
    const { read, touched, handlers } = setup({
      env: configured,
      readSecret: () => (++calls <= 2 ? Promise.reject(new Error('throttled')) : Promise.resolve(SECRET)),
    });
    await nextTurn();
    const first = parse(await handlers.public(event('$default', fromCloudFront), context));
    expect(first).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL' } } });
    expect(parse(await handlers.public(event('$default', fromCloudFront), context)).status).toBe(404);
    expect(parse(await handlers.public(event('$default'), context)).status).toBe(403);
    expect(read).toHaveBeenCalledTimes(3); // two at cold start (both failed), one retry by public-api
    expect(touched).toEqual([]);
  });
});

describe('origin check not configured (local stack, tests)', () => {
  it('reads no secret and does not look at the header', async () => {
    const { read, touched, warn, handlers } = setup();
    expect(read).not.toHaveBeenCalled();
    expect(parse(await handlers.public(event('$default'), context)).status).toBe(404);
    expect(parse(await handlers.public(event('$default', { [ORIGIN_VERIFY_HEADER]: 'anything' }), context)).status).toBe(404);
    expect(parse(await handlers.public(event('POST /api/login', {}, '{not json'), context)).status).toBe(400);
    expect(touched).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('ORIGIN_VERIFY_SECRET_ARN is the only switch', () => {
    expect(readConfig({ TABLE_NAME: 't' }).originVerifySecretArn).toBeUndefined();
    expect(readConfig({ TABLE_NAME: 't', ORIGIN_VERIFY_SECRET_ARN: '' }).originVerifySecretArn).toBeUndefined();
    expect(readConfig({ TABLE_NAME: 't', ...configured }).originVerifySecretArn).toBe(SECRET_ARN);
  });
});
