import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isOnlyConflict, jitteredDelay, defaultConflictRetry } from '../../functions/store/conflict-retry.js';
import { newPatron, newTitle, placeHold, statusOf } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8.5: faults DynamoDB Local does not produce (a transaction conflict, throttling),
 * injected with AWS SDK middleware into the running stack's own client, answer as a client
 * can act on — retried away, or 409/503 — never 500, and never half-written.
 */
let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp();
  staff = await app.staffToken();
});
afterAll(() => app.stop());
afterEach(() => {
  app.services.db.client.middlewareStack.remove('injectFault');
});

const conflict = () =>
  Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, None]'), {
    name: 'TransactionCanceledException',
    CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }, { Code: 'None' }],
    $fault: 'client',
    $metadata: {},
  });
const throttled = () => Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException', $fault: 'client', $metadata: {} });

/** Throws `fault()` for the next `times` requests of the named commands, as DynamoDB would answer. */
const inject = (commands: readonly string[], times: number, fault: () => Error) => {
  const seen = { injected: 0, passed: 0 };
  app.services.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (commands.includes(String(context.commandName))) {
        if (seen.injected < times) {
          seen.injected += 1;
          throw fault();
        }
        seen.passed += 1;
      }
      return next(args);
    },
    { step: 'deserialize', name: 'injectFault' },
  );
  return seen;
};
const TRANSACT = ['TransactWriteCommand', 'TransactWriteItemsCommand'];

describe('issue 8.5 transaction conflicts', () => {
  it('a hold whose transaction meets two conflicts is placed on the third try, once', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const seen = inject(TRANSACT, 2, conflict);
    const placed = await placeHold(app, patron.token, titleId);
    expect(placed.status).toBe(201);
    expect(seen).toEqual({ injected: 2, passed: 1 });
    expect((await statusOf(app, patron.token)).holds.filter((h: any) => h.titleId === titleId)).toHaveLength(1);
  });

  it('a conflict that persists answers 409 CONFLICT and writes nothing; the patron can try again', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const seen = inject(TRANSACT, 1000, conflict);
    const refused = await placeHold(app, patron.token, titleId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(seen.injected).toBe(defaultConflictRetry.attempts);
    app.services.db.client.middlewareStack.remove('injectFault');
    expect((await statusOf(app, patron.token)).holds).toEqual([]);
    expect((await placeHold(app, patron.token, titleId)).status).toBe(201);
  });

  it('a failed condition is an answer, not a conflict: ALREADY_HELD is not retried', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    expect((await placeHold(app, patron.token, titleId)).status).toBe(201);
    const seen = inject(TRANSACT, 0, conflict);
    const again = await placeHold(app, patron.token, titleId);
    expect(again.body.error.code).toBe('ALREADY_HELD');
    expect(seen.passed).toBe(1);
  });
});

describe('issue 8.5 throttling', () => {
  it('throttling that passes within the SDK’s retries is not seen by the patron', async () => {
    const patron = await newPatron(app, staff);
    const seen = inject(['QueryCommand'], 2, throttled);
    const status = await app.request('GET', '/api/me/status', { token: patron.token });
    expect(status.status).toBe(200);
    expect(seen.injected).toBe(2);
  });

  it('throttling that persists answers 503 SERVICE_UNAVAILABLE with a message, never 500', async () => {
    const patron = await newPatron(app, staff);
    inject(['QueryCommand'], 1000, throttled);
    const status = await app.request('GET', '/api/me/status', { token: patron.token, headers: { 'accept-language': 'en' } });
    expect(status.status).toBe(503);
    expect(status.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The service is busy. Please try again in a moment.' });
  });
});

describe('conflict-retry rules', () => {
  it('only a cancellation made of conflicts is retried', () => {
    expect(isOnlyConflict(conflict())).toBe(true);
    const failedCondition = Object.assign(new Error('Transaction cancelled [ConditionalCheckFailed, TransactionConflict]'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }],
    });
    expect(isOnlyConflict(failedCondition)).toBe(false);
    expect(isOnlyConflict(throttled())).toBe(false);
    expect(isOnlyConflict(Object.assign(new Error('Transaction cancelled [None, TransactionConflict]'), { name: 'TransactionCanceledException' }))).toBe(true);
  });
  it('full jitter stays under base·2^attempt and the cap', () => {
    expect(jitteredDelay(1, defaultConflictRetry, () => 0.999)).toBe(49);
    expect(jitteredDelay(10, defaultConflictRetry, () => 0.999)).toBe(399);
    expect(jitteredDelay(3, defaultConflictRetry, () => 0)).toBe(0);
  });
});
