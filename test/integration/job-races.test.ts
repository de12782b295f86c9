import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../functions/common/deps.js';
import { holdRegistration } from '../../functions/jobs/hold-registration.js';
import { pickupNotices } from '../../functions/jobs/pickup-notices.js';
import { runJob, type JobBody, type JobOutcome } from '../../functions/jobs/run-job.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { createDb } from '../../functions/store/db.js';
import { createStore, type Store } from '../../functions/store/index.js';
import type { JobName } from '../../functions/wiring.js';
import { localCredentials, localRegion } from '../../lib/local/dynamodb-local.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, newPatron, newTitle, placeHold } from '../support/library-fixtures.js';
import { dynamodbEndpoint } from '../support/dynamodb-endpoint.js';

/**
 * Issue 14 part 3: the job races of SPEC 5.3 and 5.6, each interleaving forced on purpose.
 * Two runs started together with Promise.all rarely overlap at the dangerous point; here one
 * run is stopped at that point (a gate the test opens) while the other runs to completion.
 * The paused run gets the pause through its deps, as production code is not touched: a mailer
 * that waits inside `send`, or a store over a second SDK client whose middleware holds chosen
 * requests before they reach DynamoDB Local.
 *
 * Every test has a table of its own (its own app), so job summaries count only its data.
 * SPEC 5.3 and 5.6 are lists; "rule N" is the N-th item: 5.6 rule 3 is "each patron gets each
 * item in exactly one notice, even when the run is retried or runs twice; a failed send is
 * retried ... never silently dropped", 5.3 rule 2 the queue order, rule 3 the re-check of
 * SPEC 5.2 rules 2–4, rule 4 "safe to run twice at once ... registered exactly once".
 */

/** Counts arrivals; `until(n)` resolves once n have arrived, or fails naming what never happened. */
class Checkpoint {
  count = 0;
  private waiters: { n: number; resolve: () => void }[] = [];

  hit(): void {
    this.count += 1;
    const arrived = this.waiters.filter((w) => this.count >= w.n);
    this.waiters = this.waiters.filter((w) => this.count < w.n);
    for (const w of arrived) w.resolve();
  }

  until(n: number, what: string, ms = 15_000): Promise<void> {
    if (this.count >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never happened: ${what} (${this.count} of ${n})`)), ms);
      this.waiters.push({
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

/** Work that reaches a closed gate waits there until the test opens it. */
class Gate {
  readonly arrived = new Checkpoint();
  private opened = false;
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));

  async pass(): Promise<void> {
    if (this.opened) return;
    this.arrived.hit();
    await this.released;
  }

  open(): void {
    this.opened = true;
    this.release();
  }
}

let app: TestApp;
let staff: string;
/** Cleanup for a test that failed halfway: its gates open, its runs finish, its clients close. */
let gates: Gate[] = [];
let runs: Promise<unknown>[] = [];
let clients: DynamoDBDocumentClient[] = [];

beforeEach(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' }); // Tue; every branch open
  staff = await app.staffToken();
});

afterEach(async () => {
  for (const gate of gates) gate.open();
  await Promise.allSettled(runs);
  for (const client of clients) client.destroy();
  [gates, runs, clients] = [[], [], []];
  await app.stop();
});

const newGate = () => {
  const gate = new Gate();
  gates.push(gate);
  return gate;
};

/** Starts one job run with the given deps, exactly as the Lambda handler would run it. */
const start = (job: JobName, runId: string, deps: Deps, body: JobBody): Promise<JobOutcome> => {
  const run = runJob(job, { job, trigger: 'manual', runId }, deps, body);
  runs.push(run.catch(() => undefined));
  return run;
};
const noticeRun = (runId: string, deps: Deps = app.services.deps) => start('pickup-notices', runId, deps, pickupNotices);
const registrationRun = (runId: string, deps: Deps = app.services.deps) => start('hold-registration', runId, deps, holdRegistration);

/**
 * A second store over the app's table with an SDK client of its own. Its middleware stops
 * every request for which `stopAt` is true at `gate` (before it is sent), and hits `written`
 * when a write to a hold completes.
 */
const storeWithGate = (gate: Gate, stopAt: (command: string, input: any) => boolean, written = new Checkpoint()): Store => {
  const db = createDb(app.services.db.tableName, { endpoint: dynamodbEndpoint(), region: localRegion, credentials: localCredentials });
  clients.push(db.client);
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      if (stopAt(command, args.input)) await gate.pass();
      return next(args).finally(() => {
        if (isWrite(command) && onHold(args.input)) written.hit();
      });
    },
    { step: 'initialize', name: 'raceGate' },
  );
  return createStore(db);
};

const isWrite = (command: string) => command === 'UpdateItemCommand' || command === 'TransactWriteItemsCommand';
/** The request writes a hold record (an UpdateItem on one, or a transaction including one). */
const onHold = (input: any, cardNumber?: string) =>
  JSON.stringify(input?.Key ?? input?.TransactItems ?? null).includes(cardNumber ? `"PATRON#${cardNumber}","SK":"HOLD#` : '"SK":"HOLD#');

/** A mailer around the app's SES mailer that waits at `gate` inside `send` for the chosen recipients. */
const mailerWithGate = (gate: Gate, stopFor: (to: string) => boolean): Mailer => ({
  async send(message) {
    if (stopFor(message.to)) await gate.pass();
    return (app.services.deps.mailer as Mailer).send(message);
  },
});
const failingMailer: Mailer = {
  send: () => Promise.reject(Object.assign(new Error('SES is down'), { name: 'ServiceUnavailable' })),
};

/** Moves the app's clock (no scheduled runs fire) for `work`, and puts it back afterwards. */
const onClock = async <T>(iso: string, work: () => Promise<T>): Promise<T> => {
  const before = app.services.clock.now();
  await app.services.scheduler.skipTo(new Date(iso));
  try {
    staff = await app.staffToken();
    return await work();
  } finally {
    await app.services.scheduler.skipTo(before);
  }
};

const mailsTo = async (address: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(address));
};
const uniqueAddress = (tag: string) => `race-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.jp`;
const holdRecord = (cardNumber: string, holdId: string) => app.services.deps.store.holds.get(cardNumber, holdId, app.services.clock.now());
const jobRun = async (job: JobName, runId: string) =>
  ((await app.request('GET', `/admin/jobs/${job}/runs`, { token: staff })).body as any[]).find((r) => r.runId === runId);
/** HoldStateChanged events of these holds, oldest first, as `holdId from>to`. */
const holdEvents = async (holdIds: readonly string[]) =>
  ((await app.request('GET', '/admin/local/events?limit=1000', { token: staff })).body as any[])
    .filter((e) => e.detailType === 'HoldStateChanged' && holdIds.includes(e.detail.holdId))
    .reverse()
    .map((e) => `${e.detail.holdId} ${e.detail.from}>${e.detail.to}`);

interface MailedPatron {
  readonly cardNumber: string;
  readonly email: string;
  readonly holds: { holdId: string; title: string }[];
}

/**
 * On Tue 2026-12-01: EMAIL patrons whose holds (pickup central) are registered and on the
 * hold shelf, so the next day's notice run has them to mail.
 */
const patronsWithReadyHolds = async (tag: string, titlesPerPatron: readonly number[]): Promise<MailedPatron[]> => {
  const patrons: MailedPatron[] = [];
  const copies: string[] = [];
  for (const [p, count] of titlesPerPatron.entries()) {
    const patron = await newPatron(app, staff);
    const email = uniqueAddress(`${tag}-${p}`);
    expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
    const holds: MailedPatron['holds'] = [];
    for (let t = 0; t < count; t += 1) {
      const title = `競合 ${tag} 利用者${p} 資料${t}`;
      const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }], { title });
      const placed = await placeHold(app, patron.token, titleId, 'central');
      expect(placed.status).toBe(201);
      holds.push({ holdId: placed.body.holdId, title });
      copies.push(itemIds[0] as string);
    }
    patrons.push({ cardNumber: patron.cardNumber, email, holds });
  }
  expect((await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `${tag}-setup-registration` })) as any).toMatchObject({
    summary: { registered: copies.length },
  });
  for (const itemId of copies) {
    const scanned = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } });
    expect(scanned.body.action).toBe('HOLD_SHELF');
  }
  return patrons;
};

/** Each patron got exactly one notice, listing exactly their items; each hold is marked notified by mail. */
const expectOneNoticeEach = async (patrons: readonly MailedPatron[], mailedBy: ReadonlyMap<string, string>) => {
  for (const patron of patrons) {
    const mails = await mailsTo(patron.email);
    expect(mails, `mails to patron ${patron.cardNumber}`).toHaveLength(1);
    for (const { title } of patron.holds) expect(mails[0].body.text).toContain(title);
    expect(mails[0].body.text.match(/競合 /g)).toHaveLength(patron.holds.length);
    const run = await jobRun('pickup-notices', mailedBy.get(patron.cardNumber) as string);
    for (const { holdId } of patron.holds) {
      const hold = await holdRecord(patron.cardNumber, holdId);
      expect(hold).toMatchObject({ status: 'READY', notifiedAt: run.startedAt, noticeChannel: 'EMAIL' });
      expect(hold?.notifyClaim).toBeUndefined();
    }
  }
};

const noticeSummary = (fields: Partial<Record<'mailed' | 'items' | 'notByMail' | 'failed' | 'claimedElsewhere', number>>) => ({
  mailed: 0,
  items: 0,
  notByMail: 0,
  failed: 0,
  claimedElsewhere: 0,
  ...fields,
});

describe('SPEC 5.6 rule 3 (pickup notices): each item in exactly one notice when two runs overlap', () => {
  it('5.6 rule 3: run A holds its claims while paused in send; run B, run meanwhile, mails nothing and counts them claimed elsewhere', async () => {
    const [patron] = (await patronsWithReadyHolds('a-pauses-in-send', [2])) as [MailedPatron];
    await onClock('2026-12-02T08:00:00+09:00', async () => {
      const inSend = newGate();
      const runA = noticeRun('send-pause-A', { ...app.services.deps, mailer: mailerWithGate(inSend, () => true) });
      await inSend.arrived.until(1, 'run A inside send');

      const runB = await noticeRun('send-pause-B');
      expect(runB).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ claimedElsewhere: 2 }) });
      expect(await mailsTo(patron.email)).toHaveLength(0);

      inSend.open();
      expect(await runA).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ mailed: 1, items: 2 }) });
      await expectOneNoticeEach([patron], new Map([[patron.cardNumber, 'send-pause-A']]));
    });
  });

  it('5.6 rule 3, reverse: run B read the READY holds, then paused before claiming; run A mails and marks them; B then claims nothing', async () => {
    const [patron] = (await patronsWithReadyHolds('b-pauses-before-claim', [2])) as [MailedPatron];
    await onClock('2026-12-02T08:00:00+09:00', async () => {
      const beforeClaim = newGate();
      const stale = storeWithGate(beforeClaim, (command, input) => command === 'UpdateItemCommand' && onHold(input, patron.cardNumber));
      const runB = noticeRun('claim-pause-B', { ...app.services.deps, store: stale });
      await beforeClaim.arrived.until(1, "run B's first claim");

      const runA = await noticeRun('claim-pause-A');
      expect(runA).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ mailed: 1, items: 2 }) });
      expect(await mailsTo(patron.email)).toHaveLength(1);

      beforeClaim.open();
      expect(await runB).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ claimedElsewhere: 2 }) });
      await expectOneNoticeEach([patron], new Map([[patron.cardNumber, 'claim-pause-A']]));
    });
  });

  it('5.6 rule 3: two patrons, two runs split the work: A mails the first (paused in send), B the second (A paused before claiming it)', async () => {
    const [first, second] = (await patronsWithReadyHolds('split', [2, 1])) as [MailedPatron, MailedPatron];
    await onClock('2026-12-02T08:00:00+09:00', async () => {
      const gate = newGate();
      const store = storeWithGate(gate, (command, input) => command === 'UpdateItemCommand' && onHold(input, second.cardNumber));
      const runA = noticeRun('split-notices-A', { ...app.services.deps, store, mailer: mailerWithGate(gate, (to) => to === first.email) });
      await gate.arrived.until(2, 'run A inside send for the first patron and before claiming for the second');

      const runB = await noticeRun('split-notices-B');
      expect(runB).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ mailed: 1, items: 1, claimedElsewhere: 2 }) });
      expect(await mailsTo(first.email)).toHaveLength(0);
      expect(await mailsTo(second.email)).toHaveLength(1);

      gate.open();
      expect(await runA).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ mailed: 1, items: 2, claimedElsewhere: 1 }) });
      await expectOneNoticeEach(
        [first, second],
        new Map([
          [first.cardNumber, 'split-notices-A'],
          [second.cardNumber, 'split-notices-B'],
        ]),
      );
    });
  });

  it("5.6 rule 3 (a failed send is retried, never silently dropped): A's send fails while B waits to claim; A gives the claims back and B mails", async () => {
    const [patron] = (await patronsWithReadyHolds('a-send-fails', [2])) as [MailedPatron];
    await onClock('2026-12-02T08:00:00+09:00', async () => {
      const beforeClaim = newGate();
      const store = storeWithGate(beforeClaim, (command, input) => command === 'UpdateItemCommand' && onHold(input, patron.cardNumber));
      const runB = noticeRun('failed-send-B', { ...app.services.deps, store });
      await beforeClaim.arrived.until(1, "run B's first claim");

      const runA = await noticeRun('failed-send-A', { ...app.services.deps, mailer: failingMailer });
      expect(runA).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ failed: 1 }) });
      expect(await mailsTo(patron.email)).toHaveLength(0);
      for (const { holdId } of patron.holds) {
        const hold = await holdRecord(patron.cardNumber, holdId);
        expect(hold?.notifiedAt).toBeUndefined();
        expect(hold?.notifyClaim).toBeUndefined();
      }

      beforeClaim.open();
      expect(await runB).toMatchObject({ status: 'SUCCEEDED', summary: noticeSummary({ mailed: 1, items: 2 }) });
      await expectOneNoticeEach([patron], new Map([[patron.cardNumber, 'failed-send-B']]));
    });
  });
});

describe('SPEC 5.3 rule 4 (registration batch): safe to run twice at once, every hold registered exactly once', () => {
  const queueOf = async (titleId: string) => (await app.request('GET', `/admin/titles/${titleId}/queue`, { token: staff })).body as any[];
  /** Writes to holds: register and finish (TransactWriteItems). */
  const holdWrite = (command: string, input: any) => isWrite(command) && onHold(input);

  /** `count` patrons hold one title (one copy), in this order. */
  const queuedTitle = async (count: number) => {
    const { titleId } = await newTitle(app, staff, [{ branch: 'central' }]);
    const holds: { holdId: string; cardNumber: string; token: string }[] = [];
    for (let i = 0; i < count; i += 1) {
      const patron = await newPatron(app, staff);
      const placed = await placeHold(app, patron.token, titleId, 'central');
      expect(placed.body).toMatchObject({ status: 'PROVISIONAL' });
      holds.push({ holdId: placed.body.holdId, ...patron });
    }
    return { titleId, holds };
  };
  /** A patron with a provisional hold on a two-copy title; `lend()` lends them the other copy. */
  const holdThenLoan = async () => {
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }, { branch: 'central' }]);
    const holdId = (await placeHold(app, patron.token, titleId, 'central')).body.holdId as string;
    const lend = async () =>
      expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: patron.cardNumber, itemId: itemIds[1] } })).status).toBe(200);
    return { ...patron, titleId, holdId, lend };
  };
  /** One PROVISIONAL→WAITING event per hold, and the hold's registeredAt is the time of the run that registered it. */
  const expectRegisteredOnce = async (holds: readonly { holdId: string; cardNumber: string }[], registeredBy: (i: number) => string) => {
    const events = await holdEvents(holds.map((h) => h.holdId));
    for (const [i, { holdId, cardNumber }] of holds.entries()) {
      expect(events.filter((e) => e.startsWith(`${holdId} `))).toEqual([`${holdId} null>PROVISIONAL`, `${holdId} PROVISIONAL>WAITING`]);
      const run = await jobRun('hold-registration', registeredBy(i));
      expect((await holdRecord(cardNumber, holdId))?.registeredAt).toBe(run.startedAt);
    }
  };
  const expectCancelledOnce = async (hold: { cardNumber: string; holdId: string }) => {
    const token = await app.patronToken(hold.cardNumber, '0505');
    expect(await holdIn(app, token, hold.holdId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'ALREADY_ON_LOAN' });
    expect(await holdEvents([hold.holdId])).toEqual([`${hold.holdId} null>PROVISIONAL`, `${hold.holdId} PROVISIONAL>CANCELLED`]);
    // The patron's active-hold count (SPEC 5.2 rule 5) went down once, not once per run.
    const patron = (await app.services.deps.store.patrons.get(hold.cardNumber)) as { activeHolds?: number } | undefined;
    expect(patron?.activeHolds).toBe(0);
  };

  it("5.3 rules 2–4: run A paused between reading the PROVISIONAL holds and writing; B registers them, cancelling two (5.2 rule 2 re-checked); A's stale writes change nothing", async () => {
    const queued = await queuedTitle(5);
    const onLoan = await holdThenLoan(); // 5.2 rule 2 fails before either run reads it
    await onLoan.lend();
    const lendsLater = await holdThenLoan(); // A reads it as registrable; lent before B runs

    const beforeWrite = newGate();
    const runA = registrationRun('stale-writes-A', { ...app.services.deps, store: storeWithGate(beforeWrite, holdWrite) });
    // Decision 019: A reads and checks every hold, then writes them in transactions of many holds.
    await beforeWrite.arrived.until(1, 'run A at its first write, every hold read');
    await lendsLater.lend();

    const runB = await registrationRun('stale-writes-B');
    expect(runB).toMatchObject({ status: 'SUCCEEDED', summary: { registered: 5, cancelled: 2, alreadyHandled: 0 } });

    beforeWrite.open();
    const outcomeA = await runA;
    expect(outcomeA).toMatchObject({ status: 'SUCCEEDED', summary: { registered: 0, cancelled: 0, alreadyHandled: 7 } });

    const queue = await queueOf(queued.titleId);
    expect(queue.map((h) => [h.holdId, h.status, h.position])).toEqual(queued.holds.map((h, i) => [h.holdId, 'WAITING', i + 1]));
    await expectRegisteredOnce(queued.holds, () => 'stale-writes-B');
    await expectCancelledOnce(onLoan);
    await expectCancelledOnce(lendsLater);
  });

  it('5.3 rule 4: the runs split the work: A registers the transaction it reached first, B the holds of the one A was paused on; queue order is request order', async () => {
    const queued = await queuedTitle(8);
    const onLoan = await holdThenLoan();
    await onLoan.lend();

    // Decision 019: A's first transaction carries the first hold of each title (and the
    // title's pull-list markers), its second the title's seven other holds: A stops there.
    const gate = newGate();
    const written = new Checkpoint();
    const second = (queued.holds[1] as { cardNumber: string }).cardNumber;
    const store = storeWithGate(gate, (command, input) => holdWrite(command, input) && onHold(input, second), written);
    const runA = registrationRun('split-registration-A', { ...app.services.deps, store });
    await gate.arrived.until(1, 'run A paused at its second transaction');
    await written.until(3, 'run A registered the first hold (its transaction refused once for the loan) and cancelled the one on loan');

    const runB = await registrationRun('split-registration-B');
    expect(runB).toMatchObject({ status: 'SUCCEEDED', summary: { registered: 7, cancelled: 0, alreadyHandled: 0 } });

    gate.open();
    expect(await runA).toMatchObject({ status: 'SUCCEEDED', summary: { registered: 1, cancelled: 1, alreadyHandled: 7 } });

    const queue = await queueOf(queued.titleId);
    expect(queue.map((h) => [h.holdId, h.status, h.position])).toEqual(queued.holds.map((h, i) => [h.holdId, 'WAITING', i + 1]));
    await expectRegisteredOnce(queued.holds, (i) => (i === 0 ? 'split-registration-A' : 'split-registration-B'));
    await expectCancelledOnce(onLoan);
  });
});
