import { afterAll, describe, expect, inject, it } from 'vitest';
import { pickupNotices } from '../../functions/jobs/pickup-notices.js';
import { runJob } from '../../functions/jobs/run-job.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { checkInvariants, FaultInjector, faultyMailer, runFaultWorkload, summarizeRuns, type FaultHarness, type FaultRunReport } from '../support/faults.js';
import { newPatron, newTitle, placeHold } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dynamodbEndpoint } from '../support/dynamodb-endpoint.js';
import { emailStatusEvent } from '../../functions/use-cases/email-status-events.js';

/**
 * Issue 8 part 6: a randomized mixed workload with fixed seeds, run against the local stack
 * while AWS SDK middleware on its own DynamoDB client and on the job mailer's SES client
 * injects throttling, internal errors, transaction conflicts, SES throttling and rejections,
 * and crash points (the write is applied, then the caller dies). Operations may fail
 * (409, 503, or 500 where a crash point made the handler die: the client saw no answer);
 * afterwards the table itself must keep every invariant (test/support/faults.ts,
 * `checkInvariants`). One JSON line reports operations, faults by kind and violations.
 *
 * Bounded for `npm test` (2 seeds × 60 operations); larger with FAULT_OPS=1000,
 * FAULT_SEEDS=5 (seeds 1–5) or FAULT_SEEDS=3,17 (those), FAULT_SEED=17 (one, to reproduce);
 * FAULT_RATES='{"CrashAfterWrite":0.05}' overrides rates of test/support/faults.ts, FAULT_STORMS=0
 * the chance of a storm per step (default 0.08).
 */
const operations = Number(process.env.FAULT_OPS ?? 60);
const seeds = process.env.FAULT_SEED
  ? [Number(process.env.FAULT_SEED)]
  : process.env.FAULT_SEEDS?.includes(',')
    ? process.env.FAULT_SEEDS.split(',').map(Number)
    : Array.from({ length: Number(process.env.FAULT_SEEDS ?? 2) }, (_, i) => i + 1);
const rates = process.env.FAULT_RATES ? (JSON.parse(process.env.FAULT_RATES) as Record<string, number>) : undefined;
const stormChance = process.env.FAULT_STORMS === undefined ? undefined : Number(process.env.FAULT_STORMS);

const harnessOf = (app: TestApp): FaultHarness => ({
  services: app.services,
  dynamodbEndpoint: dynamodbEndpoint(),
  sesEndpoint: inject('sesEndpoint'),
  request: (method, path, options) => app.request(method, path, options),
  staffToken: () => app.staffToken(),
  newPatron: (staff) => newPatron(app, staff),
  patronToken: (cardNumber) => app.patronToken(cardNumber, '0505'),
});

describe('issue 8.6 faults injected under a mixed workload: the invariants hold', () => {
  const reports: FaultRunReport[] = [];
  // The report: operations, faults injected by kind, violations (must be 0), as one JSON line.
  afterAll(() => {
    if (reports.length > 0) console.log(JSON.stringify(summarizeRuns(reports)));
  });
  for (const seed of seeds) {
    it(`seed ${seed}: ${operations} operations`, { timeout: 120_000 + operations * 1_000 }, async () => {
      // Tuesday 2026-12-01 10:00 JST; every branch open.
      const app = await startTestApp({ startAt: '2026-12-01T10:00:00+09:00' });
      // Crash points make handlers log "unhandled error" by design; the report says how many.
      app.services.deps.logger.setLogLevel('SILENT');
      try {
        const report = await runFaultWorkload(harnessOf(app), { seed, operations, rates, stormChance });
        reports.push(report);
        expect(report.violations).toEqual([]);
        // The run did meet faults of every DynamoDB kind it is about, and reached the states that matter.
        expect(report.faults.CrashAfterWrite + report.faults.TransactionConflict + report.faults.InternalServerError).toBeGreaterThan(0);
        expect(report.operations).toBeGreaterThanOrEqual(operations);
      } finally {
        await app.stop();
      }
    });
  }
});

describe('the invariant checker', () => {
  const patron = (card: string, activeHolds: number) => ({ PK: `PATRON#${card}`, SK: 'PROFILE', cardNumber: card, activeHolds, contactMethod: 'NONE' });
  const hold = (card: string, holdId: string, titleId: string, status: string, extra: Record<string, unknown> = {}) => ({
    PK: `PATRON#${card}`,
    SK: `HOLD#${holdId}`,
    holdId,
    cardNumber: card,
    titleId,
    status,
    pickupBranch: 'central',
    requestedAt: `2026-12-01T01:00:0${holdId.length % 10}.000Z`,
    ...extra,
  });
  const queued = (h: ReturnType<typeof hold>) => ({ ...h, GSI1PK: `TITLE_ITEMS#${h.titleId}`, GSI1SK: `QUEUE#${h.requestedAt}#${h.holdId}` });
  const marker = (card: string, titleId: string, holdId: string) => ({ PK: `PATRON#${card}`, SK: `ACTIVE#${titleId}`, holdId });
  const now = new Date('2026-12-01T10:00:00+09:00');

  it('passes a consistent table and names each broken rule of a broken one', () => {
    const waiting = queued(hold('1', 'h1', 'T1', 'WAITING'));
    const ok = [patron('1', 1), { ...waiting, GSI2PK: 'WAITING', GSI2SK: `T1#${waiting.requestedAt}#h1` }, marker('1', 'T1', 'h1')];
    expect(checkInvariants(ok, { holdLimit: 15, now }).violations).toEqual([]);

    const ready = queued(hold('2', 'h2', 'T2', 'READY', { itemId: 'I1', pickupDeadline: '2026-12-08', GSI2PK: 'READY#central' }));
    const twice = queued(hold('2', 'h3', 'T2', 'IN_TRANSIT'));
    const broken = [
      patron('2', 1), // two active holds, stored 1
      { ...ready, GSI2SK: `2026-12-08#h2` },
      twice, // IN_TRANSIT without a copy, and a second active hold on T2
      marker('2', 'T2', 'h2'),
      { PK: 'ITEM#I1', SK: 'ITEM', itemId: 'I1', status: 'ON_HOLD_SHELF', location: 'central', branch: 'central', assignedHoldId: 'hX', assignedCard: '2' },
    ];
    const rules = new Set(checkInvariants(broken, { holdLimit: 15, now }).violations.map((v) => v.rule));
    expect([...rules].sort()).toEqual(
      [
        '5.2 rule 3: one active hold per title',
        '5.2 rule 3: marker',
        '5.2 rule 5: stored count',
        '5.4: assigned hold has its copy',
        '5.4: copy points back',
        '5.4: copy assigned to a live hold',
      ].sort(),
    );
  });

  it('holds accepted one after the other must stand in that order', () => {
    const placements = [
      { holdId: 'a', titleId: 'T1', requestedAt: '2026-12-01T01:00:02.000Z', sentSeq: 1, answeredSeq: 2 },
      { holdId: 'b', titleId: 'T1', requestedAt: '2026-12-01T01:00:01.000Z', sentSeq: 3, answeredSeq: 4 },
    ];
    expect(checkInvariants([], { holdLimit: 15, now, placements }).violations.map((v) => v.rule)).toEqual(['5.3: queue order is request order']);
    // Sent together (a burst): either order is request order.
    expect(checkInvariants([], { holdLimit: 15, now, placements: [placements[0]!, { ...placements[1]!, sentSeq: 1 }] }).violations).toEqual([]);
  });
});

describe('defects the fault suite found (SPEC 5.6), reproduced without randomness', () => {
  /** On Tue 2026-12-01: an EMAIL patron's hold READY at central, due for the 12-02 notice run. */
  const readyForMail = async (app: TestApp) => {
    const staff = await app.staffToken();
    const patron = await newPatron(app, staff);
    const email = `fault-defect-${patron.cardNumber}-${Date.now()}@example.jp`;
    expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const placed = await placeHold(app, patron.token, titleId, 'central');
    expect(placed.status).toBe(201);
    await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `defect-registration-${patron.cardNumber}` });
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[0], branch: 'central' } })).body.action).toBe('HOLD_SHELF');
    return { ...patron, email, holdId: placed.body.holdId as string };
  };
  const noticeRun = (app: TestApp, mailer: Mailer, runId: string) =>
    runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId }, { ...app.services.deps, mailer }, pickupNotices);

  it('a "notified" mark that fails after SES accepted the mail (internal errors outliving the SDK’s retries) is tried again: one mail, marked', async () => {
    const app = await startTestApp({ startAt: '2026-12-01T10:00:00+09:00' });
    app.services.deps.logger.setLogLevel('SILENT');
    const recorder = new FaultInjector(1);
    const { mailer, client } = faultyMailer(inject('sesEndpoint'), recorder);
    try {
      const patron = await readyForMail(app);
      let failing = 5; // more than the SDK's 4 attempts of one write
      app.services.db.client.middlewareStack.add(
        (next: (args: any) => Promise<any>) => async (args: any) => {
          if (failing > 0 && JSON.stringify(args.input).includes('SET notifiedAt')) {
            failing -= 1;
            throw Object.assign(new Error('injected'), { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } });
          }
          return next(args);
        },
        { step: 'deserialize', name: 'failMark' },
      );
      await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:00+09:00'));
      const first = await noticeRun(app, mailer, 'mark-fails-1').catch((error: Error) => error);
      app.services.db.client.middlewareStack.remove('failMark');
      // After the claim's lease another run finds nothing to mail (before the fix: the same mail again).
      await app.services.scheduler.skipTo(new Date('2026-12-02T08:30:00+09:00'));
      await noticeRun(app, mailer, 'mark-fails-2');
      expect(recorder.mails.filter((m) => m.to === patron.email)).toHaveLength(1);
      expect(first).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 1, items: 1 } });
      expect(await app.services.deps.store.holds.get(patron.cardNumber, patron.holdId, app.services.clock.now())).toMatchObject({ noticeChannel: 'EMAIL' });
    } finally {
      client.destroy();
      await app.stop();
    }
  });

  it('a claim left by a run that died does not stop the hold being recorded once the patron gets no mail (address refused for good)', async () => {
    const app = await startTestApp({ startAt: '2026-12-01T10:00:00+09:00' });
    app.services.deps.logger.setLogLevel('SILENT');
    const recorder = new FaultInjector(1);
    const { mailer, client } = faultyMailer(inject('sesEndpoint'), recorder);
    try {
      const patron = await readyForMail(app);
      const { store } = app.services.deps;
      // 08:00: a run claims the hold and dies before sending; later the address is refused for good (another mail).
      await app.services.scheduler.skipTo(new Date('2026-12-02T08:00:00+09:00'));
      const now = app.services.clock.now();
      const hold = (await store.holds.get(patron.cardNumber, patron.holdId, now))!;
      expect(await store.holds.claimNotice(hold, 'died-1', now, new Date(now.getTime() - 15 * 60_000))).toBe(true);
      expect(await store.patrons.markEmailBouncing(patron.cardNumber, patron.email, emailStatusEvent(patron.cardNumber, 'BOUNCING', 'REJECT', now), now)).toBe(true);
      // 09:00, the claim long lapsed: the run records the hold as not mailed (it is on the contact list).
      await app.services.scheduler.skipTo(new Date('2026-12-02T09:00:00+09:00'));
      expect(await noticeRun(app, mailer, 'after-death')).toMatchObject({ status: 'SUCCEEDED', summary: { notByMail: 1 } });
      expect(await store.holds.get(patron.cardNumber, patron.holdId, app.services.clock.now())).toMatchObject({ noticeChannel: 'EMAIL_BOUNCED' });
      expect(recorder.mails.filter((m) => m.to === patron.email)).toHaveLength(0);
    } finally {
      client.destroy();
      await app.stop();
    }
  });
});
