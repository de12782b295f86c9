import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { holdRegistration } from '../../functions/jobs/hold-registration.js';
import { pickupNotices } from '../../functions/jobs/pickup-notices.js';
import { continuationRunId, runJob, type RunBudget } from '../../functions/jobs/run-job.js';
import { holdIn, newPatron, newTitle, placeHold } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8.4: a long run (a holiday's 10,000 provisional holds, 10,000 notices at 14 mails a
 * second) stops before its function's timeout and continues in a next invocation, instead
 * of dying half-way. The budget is injected: it allows a few items, then says time is up.
 */
let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T19:05:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

/** Time for `items` item starts, then none. */
const budgetFor = (items: number): RunBudget => {
  let left = items;
  return { timeLeftMs: () => (left-- > 0 ? 60_000 : 0) };
};
const runsOf = async (job: string) => (await app.request('GET', `/admin/jobs/${job}/runs`, { token: await app.staffToken() })).body as any[];

describe('issue 8.4 long runs continue in a next invocation', () => {
  it('continuation run ids count up from the run they continue', () => {
    expect(continuationRunId('20261201T220000Z-daily-0700')).toBe('20261201T220000Z-daily-0700~2');
    expect(continuationRunId('20261201T220000Z-daily-0700~2')).toBe('20261201T220000Z-daily-0700~3');
  });

  it('registration out of time part-way through 5 holds: a continuation over the bus registers the rest, in request order, each once', async () => {
    const { titleId } = await newTitle(app, staff, [{}]);
    const patrons = [];
    for (let i = 0; i < 5; i += 1) {
      const patron = await newPatron(app, staff);
      patrons.push({ patron, holdId: (await placeHold(app, patron.token, titleId)).body.holdId as string });
    }
    const invocation = { job: 'hold-registration', trigger: 'schedule', schedule: 'daily-0700', scheduledTime: '2026-12-01T22:00:00.000Z' } as const;
    const first = await runJob('hold-registration', invocation, app.services.deps, holdRegistration, budgetFor(3));
    expect(first).toMatchObject({ status: 'SUCCEEDED', summary: { continued: true, continuedAs: '20261201T220000Z-daily-0700~2' } });
    const before = (first.summary as { registered: number }).registered;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(5);

    await app.services.bus.settled();
    const runs = await runsOf('hold-registration');
    expect(runs.map((r) => [r.runId, r.status, r.summary.registered, r.summary.continued ?? false])).toEqual([
      ['20261201T220000Z-daily-0700~2', 'SUCCEEDED', 5 - before, false],
      ['20261201T220000Z-daily-0700', 'SUCCEEDED', before, true],
    ]);
    const positions = [];
    for (const { patron, holdId } of patrons) positions.push((await holdIn(app, patron.token, holdId)).position);
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });

  it('notices out of time after 1 of 3 patrons: the continuation mails the other 2; each patron gets one mail', async () => {
    const ready = [];
    for (let i = 0; i < 3; i += 1) {
      const patron = await newPatron(app, staff);
      const email = `cont${Date.now()}${i}@example.jp`;
      expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
      const { titleId, itemIds } = await newTitle(app, staff, [{}]);
      expect((await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId, pickupBranch: 'central' } })).status).toBe(201);
      expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[0], branch: 'central' } })).body.action).toBe('HOLD_SHELF');
      ready.push(email);
    }
    const startedAt = app.services.clock.now();
    await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:00+09:00'));
    try {
      const first = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'notices-budget' }, app.services.deps, pickupNotices, budgetFor(1));
      expect(first).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 1, continued: true, continuedAs: 'notices-budget~2' } });
      await app.services.bus.settled();
      const [continuation] = await runsOf('pickup-notices');
      expect(continuation).toMatchObject({ runId: 'notices-budget~2', status: 'SUCCEEDED', summary: { mailed: 2, items: 2 } });

      const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
      for (const email of ready) expect(store.emails.filter((e) => JSON.stringify(e.destination).includes(email))).toHaveLength(1);
    } finally {
      await app.services.scheduler.skipTo(startedAt);
    }
  });
});
