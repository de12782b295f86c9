import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalServices, type LocalServices } from '../../lib/local/local-services.js';
import { createContractRecorder } from './contract-check.js';
import { createEventRecorder } from './event-check.js';
import { dynamodbEndpoint } from './dynamodb-endpoint.js';

export const STAFF_PASSWORD = 'staff-secret';
export const DEMO_CARD = '10000001';
export const DEMO_PASSWORD = '0401';
/**
 * What `patronToken` changes an initial password to (SPEC 12: a session of the initial
 * password may only read /api/me and change it). Six digits: never anyone's birth MMDD.
 */
export const CHANGED_PASSWORD = '246810';

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
  /**
   * A working token of the patron whose password is `password` (default: the demo patron
   * and its initial 0401). An initial password is first changed to CHANGED_PASSWORD, as the
   * patron app makes a patron do, and remembered: asked again with the initial password,
   * it signs in with the changed one.
   */
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
  // Issue 13: every API answer, from a test's request or a browser page, is checked against
  // the OpenAPI document, and every event put on the local bus against the AsyncAPI document;
  // a request after a violation fails, and stop() fails on any left.
  const contract = createContractRecorder();
  const eventContract = createEventRecorder();
  const failOnViolations = () => {
    const answers = contract.take();
    const events = eventContract.take();
    if (answers.length || events.length) {
      throw new Error(
        [
          ...(answers.length ? [`answers that break the API contract:\n${answers.join('\n')}`] : []),
          ...(events.length ? [`events that break the events contract (SPEC 9):\n${events.join('\n')}`] : []),
        ].join('\n'),
      );
    }
  };
  const services = await startLocalServices({
    dynamodbEndpoint: dynamodbEndpoint(),
    sesEndpoint: inject('sesEndpoint'),
    tableName: `test-${randomUUID()}`,
    host: '127.0.0.1',
    port: 0,
    signingKeys: { patron: randomBytes(32), staff: randomBytes(32) },
    staffPassword: STAFF_PASSWORD,
    tick: false,
    logLevel: options.logLevel ?? 'WARN',
    demoCatalogTitles: options.demoCatalogTitles ?? 0,
    webRoot: 'web/dist',
    env: { ...process.env, ...options.env },
    startAt,
    observeAnswers: contract.observe,
    observeEvents: eventContract.observe,
  });
  const url = services.api.url;
  /** `card:initial password` → the password patronToken changed it to. */
  const changed = new Map<string, string>();

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
    failOnViolations();
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
      const login = (pin: string) => request('POST', '/api/login', { body: { cardNumber, password: pin } });
      const changedTo = changed.get(`${cardNumber}:${password}`);
      if (changedTo) {
        const again = await login(changedTo);
        if (again.status === 200 && !again.body.passwordIsInitial) return again.body.token as string;
        // Reset by staff since (or changed by the test): the password given is the one to use.
      }
      const answer = await login(password);
      if (answer.status !== 200) throw new Error(`patron login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (!answer.body.passwordIsInitial) return answer.body.token as string;
      const change = await request('PUT', '/api/me/password', {
        token: answer.body.token,
        body: { currentPassword: password, newPassword: CHANGED_PASSWORD },
      });
      if (change.status !== 204) throw new Error(`changing the initial password failed: ${change.status} ${JSON.stringify(change.body)}`);
      changed.set(`${cardNumber}:${password}`, CHANGED_PASSWORD);
      const fresh = await login(CHANGED_PASSWORD);
      if (fresh.status !== 200 || fresh.body.passwordIsInitial) throw new Error(`login after the change failed: ${fresh.status}`);
      return fresh.body.token as string;
    },
    setClock: (iso) => request('PUT', '/admin/local/clock', { body: { now: iso } }),
    async stop() {
      await services.stop();
      failOnViolations();
    },
  };
};
