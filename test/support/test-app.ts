import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalServices, type LocalServices } from '../../lib/local/local-services.js';

export const STAFF_PASSWORD = 'staff-secret';
export const DEMO_CARD = '10000001';
export const DEMO_PASSWORD = '0401';

export interface Answer<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TestApp {
  readonly url: string;
  readonly services: LocalServices;
  request<T = any>(method: string, path: string, options?: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> }): Promise<Answer<T>>;
  staffToken(): Promise<string>;
  patronToken(cardNumber?: string, password?: string): Promise<string>;
  setClock(iso: string | null): Promise<Answer>;
  stop(): Promise<void>;
}

/**
 * The local stack over the run's shared DynamoDB Local, with a table of its own and the clock
 * pinned to `startAt` (default 2026-12-01 10:00 JST, a Tuesday) before demo data is loaded.
 */
export const startTestApp = async (
  options: { startAt?: string; env?: NodeJS.ProcessEnv; logLevel?: 'DEBUG' | 'INFO' | 'WARN'; demoCatalogTitles?: number } = {},
): Promise<TestApp> => {
  const startAt = new Date(options.startAt ?? '2026-12-01T10:00:00+09:00');
  const services = await startLocalServices({
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    sesEndpoint: inject('sesEndpoint'),
    tableName: `test-${randomUUID()}`,
    host: '127.0.0.1',
    port: 0,
    signingKey: randomBytes(32),
    staffPassword: STAFF_PASSWORD,
    tick: false,
    logLevel: options.logLevel ?? 'WARN',
    calendarDays: 40,
    demoCatalogTitles: options.demoCatalogTitles ?? 0,
    webRoot: 'web/dist',
    env: { ...process.env, ...options.env },
    startAt,
  });
  const url = services.api.url;

  const request: TestApp['request'] = async (method, path, { body, raw, token, headers = {} } = {}) => {
    const response = await fetch(url + path, {
      method,
      headers: {
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };

  return {
    url,
    services,
    request,
    async staffToken() {
      const answer = await request('POST', '/admin/login', { body: { staffId: 'admin', password: STAFF_PASSWORD } });
      if (answer.status !== 200) throw new Error(`staff login failed: ${answer.status}`);
      return answer.body.token as string;
    },
    async patronToken(cardNumber = DEMO_CARD, password = DEMO_PASSWORD) {
      const answer = await request('POST', '/api/login', { body: { cardNumber, password } });
      if (answer.status !== 200) throw new Error(`patron login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.token as string;
    },
    setClock: (iso) => request('PUT', '/admin/local/clock', { body: { now: iso } }),
    stop: () => services.stop(),
  };
};
