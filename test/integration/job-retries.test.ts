import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/common/deps.js';
import { holdRegistration } from '../../functions/jobs/hold-registration.js';
import { runJob, STALE_RUN_MS } from '../../functions/jobs/run-job.js';
import { createDb } from '../../functions/store/db.js';
import { createStore } from '../../functions/store/index.js';
import { localCredentials, localRegion } from '../../lib/local/dynamodb-local.js';
import { holdIn, newPatron, newTitle, placeHold } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dynamodbEndpoint } from '../support/dynamodb-endpoint.js';

/**
 * Issue 8.4: a job run that fails is retried by a second delivery of the same invocation
 * (EventBridge's retry policy), and the retry does the work; one failed item does not stop
 * the rest of a run. Faults DynamoDB Local cannot produce are injected with an SDK middleware
 * on a store of the failing run's own.
 */
let app: TestApp;
let staff: string;
const clients: { destroy(): void }[] = [];

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T19:05:00+09:00' });
  staff = await app.staffToken();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await app.stop();
});

/** The app's deps over a store whose writes to the given holds fail with InternalServerError. */
const depsFailingWritesTo = (holdIds: ReadonlySet<string>): Deps => {
  const db = createDb(app.services.db.tableName, { endpoint: dynamodbEndpoint(), region: localRegion, credentials: localCredentials });
  clients.push(db.client);
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      // The hold's own update, alone or in a transaction (with its outbox event).
      const input = args.input as { Key?: { SK?: string }; TransactItems?: { Update?: { Key?: { SK?: string } } }[] };
      const updated = [input.Key?.SK, ...(input.TransactItems ?? []).map((part) => part.Update?.Key?.SK)];
      if (/Update|TransactWrite/.test(String(context.commandName)) && [...holdIds].some((id) => updated.includes(`HOLD#${id}`))) {
        throw Object.assign(new Error('injected: internal server error'), { name: 'InternalServerError', $fault: 'server' });
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectFailure' },
  );
  return { ...app.services.deps, store: createStore(db) };
};

const runs = async (job: string) => (await app.request('GET', `/admin/jobs/${job}/runs`, { token: staff })).body as any[];

describe('issue 8.4 job runs that fail are retried, and the retry does the work', () => {
  it('07:00 registration: one hold’s write fails, the others are registered; the second delivery registers it; a third is a duplicate', async () => {
    const patrons = await Promise.all([newPatron(app, staff), newPatron(app, staff), newPatron(app, staff)]);
    const { titleId } = await newTitle(app, staff, [{}]);
    const holds = [];
    for (const patron of patrons) holds.push({ patron, hold: (await placeHold(app, patron.token, titleId)).body });
    const broken = holds[1]!.hold.holdId as string;
    const invocation = { job: 'hold-registration', trigger: 'schedule', schedule: 'daily-0700', scheduledTime: '2026-12-01T22:00:00.000Z' } as const;

    const first = await runJob('hold-registration', invocation, depsFailingWritesTo(new Set([broken])), holdRegistration).catch((error: Error) => error);
    expect(first).toBeInstanceOf(Error);
    expect((first as Error).name).toBe('ItemsFailed');
    const [failedRun] = await runs('hold-registration');
    expect(failedRun).toMatchObject({ status: 'FAILED', attempts: 1, summary: { error: 'ItemsFailed', registered: 2, failedItems: 1 } });
    for (const { patron, hold } of holds) {
      expect((await holdIn(app, patron.token, hold.holdId)).status).toBe(hold.holdId === broken ? 'PROVISIONAL' : 'WAITING');
    }

    const second = await app.services.invokeJob(invocation);
    expect(second).toMatchObject({ status: 'SUCCEEDED', attempt: 2, summary: { registered: 1, cancelled: 0 } });
    const positions = [];
    for (const { patron, hold } of holds) positions.push((await holdIn(app, patron.token, hold.holdId)).position);
    expect(positions).toEqual([1, 2, 3]);
    const [retried] = await runs('hold-registration');
    expect(retried).toMatchObject({ runId: failedRun.runId, status: 'SUCCEEDED', attempts: 2 });
    expect(retried.summary).toEqual({ registered: 1, cancelled: 0, alreadyHandled: 0 });

    expect(await app.services.invokeJob(invocation)).toMatchObject({ status: 'DUPLICATE' });
    expect(await runs('hold-registration')).toHaveLength(1);
  });

  it('a run that died while RUNNING is taken over by a delivery after the stale time, not before', async () => {
    const startedAt = app.services.clock.now();
    const run = { runId: 'died-1', job: 'hold-expiry', trigger: 'manual', startedAt: startedAt.toISOString(), status: 'RUNNING' } as const;
    expect(await app.services.deps.store.jobRuns.start(run, startedAt, new Date(startedAt.getTime() - STALE_RUN_MS))).toBe(1);

    // Still within the stale time: a second delivery is a duplicate (the first may still be working).
    expect(await app.services.invokeJob({ job: 'hold-expiry', trigger: 'manual', runId: 'died-1' })).toMatchObject({ status: 'DUPLICATE' });

    await app.services.scheduler.skipTo(new Date(startedAt.getTime() + STALE_RUN_MS + 60_000));
    try {
      expect(await app.services.invokeJob({ job: 'hold-expiry', trigger: 'manual', runId: 'died-1' })).toMatchObject({ status: 'SUCCEEDED', attempt: 2 });
      const [taken] = (await app.request('GET', '/admin/jobs/hold-expiry/runs', { token: await app.staffToken() })).body;
      expect(taken).toMatchObject({ runId: 'died-1', status: 'SUCCEEDED', attempts: 2 });
    } finally {
      await app.services.scheduler.skipTo(startedAt);
    }
  });
});
