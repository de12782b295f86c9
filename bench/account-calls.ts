import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { apiCaller, BENCH_PATRON_PASSWORD, demoPatronToken } from './api-caller.js';
import { percentile, round, type BenchEnvironment } from './support.js';

const CALLS = 30;

/**
 * DynamoDB requests and latency per account call, against the same engine's single GetItem
 * measured in this run as the baseline (the floor any call pays).
 */
export const benchAccountCalls = async (env: BenchEnvironment) => {
  const call = apiCaller(env.services.api.url);
  const measure = async (name: string, once: () => Promise<unknown>) => {
    env.counter.reset();
    await once();
    const requests = env.counter.snapshot();
    const times: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const started = performance.now();
      await once();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { name, dynamodbRequests: requests.total, byOperation: requests.byOperation, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
  };

  const token = await demoPatronToken(call);
  const { db } = env.services;
  const baseline = await measure('baseline: one GetItem', () =>
    db.client.send(new GetCommand({ TableName: db.tableName, Key: { PK: 'PATRON#10000001', SK: 'PROFILE' } })),
  );
  const results = [
    await measure('POST /api/login', () => call('POST', '/api/login', { cardNumber: '10000001', password: BENCH_PATRON_PASSWORD })),
    await measure('GET /api/me', () => call('GET', '/api/me', undefined, token)),
    await measure('PUT /api/me/contact', () => call('PUT', '/api/me/contact', { email: 'hanako@example.jp', contactMethod: 'EMAIL' }, token)),
  ];
  return {
    calls: CALLS,
    baseline,
    routes: results.map((r) => ({ ...r, latencyVsBaseline: round(r.p50Ms / baseline.p50Ms, 1) })),
    note: 'login latency is dominated by scrypt (N=16384), by design',
  };
};
