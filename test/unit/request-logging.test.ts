import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../functions/common/clock.js';
import { readConfig } from '../../functions/common/config.js';
import type { Deps } from '../../functions/common/deps.js';
import { makeApiHandler } from '../../functions/common/http/api-handler.js';
import { createLogger } from '../../functions/common/logger.js';
import { noMetrics } from '../../functions/common/metrics.js';
import { publicHandlers } from '../../functions/http/public/routes.js';

const event = (requestId: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'GET /api/branches',
    rawPath: '/api/branches',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId, http: { method: 'GET', path: '/api/branches' } },
  }) as unknown as APIGatewayProxyEventV2;
const context = { functionName: 'public-api', awsRequestId: 'lambda-invocation', invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:1:function:public-api' } as Context;

afterEach(() => vi.restoreAllMocks());

describe('Operations: request logs carry the API Gateway request id', () => {
  it('every line a request logs has its own request id as correlation_id, and the next request does not inherit it', async () => {
    const lines: string[] = [];
    const capture = ((chunk: unknown) => lines.push(String(chunk)) > 0) as never;
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const logger = createLogger('request-logging-test', 'INFO');
    const deps = {
      config: readConfig({ TABLE_NAME: 'unused' }),
      clock: fixedClock('2026-12-01T10:00:00+09:00'),
      // The route fails inside: the handler logs the 500 it answers.
      store: { branches: { list: () => Promise.reject(new Error('boom')) } },
      logger,
      metrics: noMetrics,
    } as unknown as Deps;
    const handler = makeApiHandler('public-api', publicHandlers, deps);

    expect((await handler(event('req-1'), context)).statusCode).toBe(500);
    expect((await handler(event('req-2'), context)).statusCode).toBe(500);
    logger.info('between requests');

    const logged = lines
      .flatMap((line) => line.split('\n'))
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const errors = logged.filter((entry) => entry.message === 'unhandled error');
    expect(errors.map((entry) => entry.correlation_id)).toEqual(['req-1', 'req-2']);
    expect(errors[0]).toMatchObject({ function_name: 'public-api', function_request_id: 'lambda-invocation' });
    expect(logged.find((entry) => entry.message === 'between requests')?.correlation_id).toBeUndefined();
  });
});
