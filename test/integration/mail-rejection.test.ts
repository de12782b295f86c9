import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Deps } from '../../functions/common/deps.js';
import { pickupNotices } from '../../functions/jobs/pickup-notices.js';
import { runJob } from '../../functions/jobs/run-job.js';
import { createSesMailer } from '../../functions/mail/mailer.js';
import { localCredentials, localRegion } from '../../lib/local/dynamodb-local.js';
import { holdIn, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8.4 / SPEC 10.4: a permanent SES rejection is not retried for ever. SES's answers
 * are injected with SDK middleware on a client of the run's own: MessageRejected for one
 * address (permanent), Throttling for another (passes).
 */
let app: TestApp;
let staff: string;
const attempts = new Map<string, number>();
const sesClients: SESClient[] = [];

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:00:00+09:00' });
  staff = await app.staffToken();
});
afterAll(async () => {
  for (const client of sesClients) client.destroy();
  await app.stop();
});

const sesError = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: 'client', $metadata: {} });

/** The app's deps with a mailer whose SES refuses `rejected` for good and throttles `throttled`. */
const depsWithSes = (faults: { rejected?: string; throttled?: string }): Deps => {
  const client = new SESClient({ endpoint: inject('sesEndpoint'), region: localRegion, credentials: localCredentials, maxAttempts: 1 });
  sesClients.push(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      const to = ((args.input as { Destination?: { ToAddresses?: string[] } }).Destination?.ToAddresses ?? [])[0] ?? '';
      attempts.set(to, (attempts.get(to) ?? 0) + 1);
      if (to === faults.rejected) throw sesError('MessageRejected', 'Email address is on the suppression list');
      if (to === faults.throttled) throw sesError('Throttling', 'Maximum sending rate exceeded.');
      return next(args);
    },
    { step: 'initialize', name: 'sesFaults' },
  );
  return { ...app.services.deps, mailer: createSesMailer({ client, ratePerSecond: 100 }) };
};

const mailsTo = async (address: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(address));
};

/** An EMAIL patron with one READY hold at central, shelved on 12-01 (noticed from 12-02). */
const readyPatron = async (email: string) => {
  const patron = await newPatron(app, staff);
  expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
  const { titleId, itemIds } = await newTitle(app, staff, [{}]);
  const holdId = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId, pickupBranch: 'central' } })).body
    .holdId as string;
  expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[0], branch: 'central' } })).body).toMatchObject({
    action: 'HOLD_SHELF',
    holdId,
  });
  return { ...patron, holdId, titleId };
};

describe('issue 8.4 / SPEC 10.4 SES rejections', () => {
  it('a permanent rejection marks the address BOUNCING, puts the hold on the contact list, and is not tried again', async () => {
    const rejected = `rejected${Date.now()}@example.jp`;
    const patron = await readyPatron(rejected);
    const start = app.services.clock.now();
    await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:00+09:00'));
    try {
      const deps = depsWithSes({ rejected });
      const run = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'reject-1' }, deps, pickupNotices);
      expect(run).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 0, failed: 0, rejected: 1 } });
      expect(attempts.get(rejected)).toBe(1);

      const token = await app.patronToken(patron.cardNumber, '0505');
      expect((await app.request('GET', '/api/me', { token })).body).toMatchObject({ email: rejected, emailStatus: 'BOUNCING' });
      const list = (await app.request('GET', '/admin/contact-list?branch=central', { token: await app.staffToken() })).body as any[];
      expect(list.filter((e) => e.holdId === patron.holdId)).toEqual([expect.objectContaining({ reason: 'EMAIL_BOUNCED', cardNumber: patron.cardNumber })]);

      // The next run sends nothing to that address: it does not even try.
      const again = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'reject-2' }, deps, pickupNotices);
      expect(again).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 0, items: 0 } });
      expect(attempts.get(rejected)).toBe(1);
      expect(await mailsTo(rejected)).toHaveLength(0);

      // A new address makes it OK again; the hold stays READY for the patron to collect.
      const saved = await app.request('PUT', '/api/me/contact', { token, body: { email: `fixed${Date.now()}@example.jp`, contactMethod: 'EMAIL' } });
      expect(saved.body).toMatchObject({ emailStatus: 'OK' });
      expect((await holdIn(app, token, patron.holdId)).status).toBe('READY');
    } finally {
      await app.services.scheduler.skipTo(start);
    }
  });

  it('a transient SES error (throttling) is not a rejection: the items wait for the next run, which mails them', async () => {
    const throttled = `throttled${Date.now()}@example.jp`;
    const patron = await readyPatron(throttled);
    const start = app.services.clock.now();
    await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:00+09:00'));
    try {
      const first = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'throttle-1' }, depsWithSes({ throttled }), pickupNotices);
      expect(first).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 0, failed: 1 } });
      expect((first.summary as Record<string, unknown>).rejected).toBeUndefined();
      const token = await app.patronToken(patron.cardNumber, '0505');
      expect((await app.request('GET', '/api/me', { token })).body.emailStatus).toBe('OK');

      const second = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'throttle-2' }, depsWithSes({}), pickupNotices);
      expect(second).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 1 } });
      expect(await mailsTo(throttled)).toHaveLength(1);
    } finally {
      await app.services.scheduler.skipTo(start);
    }
  });
});
