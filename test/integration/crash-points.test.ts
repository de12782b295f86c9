import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { holdIn, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8.5 crash points: the function dies right after a write reached DynamoDB (the
 * answer never comes back). Injected with SDK middleware on the running stack's client:
 * the request is sent, then the caller sees an error as if the Lambda had died there.
 * Whatever was written must leave every copy with a hold or a place, and a rerun must
 * finish the work.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-02T10:00:00+09:00' });
});
afterAll(() => app.stop());
afterEach(() => {
  app.services.db.client.middlewareStack.remove('crashAfterWrite');
});

/** The next `times` transactions apply, then the caller dies. */
const crashAfterTransaction = (times = 1) => {
  let left = times;
  app.services.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (left > 0 && String(context.commandName).startsWith('TransactWrite')) {
        left -= 1;
        throw Object.assign(new Error('injected: the function died after this write'), { name: 'InjectedCrash' });
      }
      return result;
    },
    { step: 'deserialize', name: 'crashAfterWrite' },
  );
};

/** A READY hold (A) on a one-copy title at central with B waiting behind it, both picking up at central. */
const readyWithNextInLine = async () => {
  const staff = await app.staffToken();
  const [a, b] = [await newPatron(app, staff), await newPatron(app, staff)];
  const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
  const itemId = itemIds[0] as string;
  const hold = async (cardNumber: string) =>
    (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber, titleId, pickupBranch: 'central' } })).body.holdId as string;
  const holdA = await hold(a.cardNumber);
  const holdB = await hold(b.cardNumber);
  const scanned = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } });
  expect(scanned.body).toMatchObject({ action: 'HOLD_SHELF', holdId: holdA });
  return { a, b, holdA, holdB, titleId, itemId, deadline: scanned.body.pickupDeadline as string };
};

const copyOf = async (titleId: string, itemId: string) =>
  ((await app.request('GET', `/api/catalog/titles/${titleId}`)).body.copies as { itemId: string; status: string }[]).find((c) => c.itemId === itemId);

describe('issue 8.5 no copy is lost when a function dies after a write', () => {
  it('expiry: the function dies after its transaction; the copy is already READY for the next hold, and the rerun has nothing left to do', async () => {
    const { a, b, holdA, holdB, titleId, itemId, deadline } = await readyWithNextInLine();
    expect(deadline).toBe('2026-12-09'); // no mail: ready date + 7
    const scheduledTime = '2026-12-09T21:00:00.000Z'; // 06:00 JST on 12-10, the day after the deadline
    await app.services.scheduler.skipTo(new Date(scheduledTime));
    try {
      crashAfterTransaction();
      const invocation = { job: 'hold-expiry', trigger: 'schedule', schedule: 'daily-0600', scheduledTime } as const;
      await expect(app.services.invokeJob(invocation)).rejects.toThrow();
      app.services.db.client.middlewareStack.remove('crashAfterWrite');

      // What the dead function wrote is whole: A expired, B READY with the copy on the hold shelf.
      expect((await holdIn(app, await app.patronToken(a.cardNumber, '0505'), holdA)).status).toBe('EXPIRED');
      expect(await holdIn(app, await app.patronToken(b.cardNumber, '0505'), holdB)).toMatchObject({ status: 'READY', pickupDeadline: '2026-12-17' });
      expect(await copyOf(titleId, itemId)).toMatchObject({ status: 'ON_HOLD_SHELF' });

      const rerun = await app.services.invokeJob(invocation);
      expect(rerun).toMatchObject({ status: 'SUCCEEDED', attempt: 2, summary: { expired: 0 } });
      const staff = await app.staffToken();
      const again = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } });
      expect(again.body).toMatchObject({ action: 'HOLD_SHELF', holdId: holdB });
    } finally {
      await app.services.scheduler.skipTo(new Date('2026-12-02T10:00:00+09:00'));
    }
  });

  it('staff cancel of a READY hold: the function dies after its transaction; the copy is already with the next hold', async () => {
    const { b, holdA, holdB, titleId, itemId } = await readyWithNextInLine();
    const staff = await app.staffToken();
    crashAfterTransaction();
    const died = await app.request('DELETE', `/admin/holds/${holdA}`, { token: staff, body: { reason: '汚損' } });
    expect(died.status).toBe(500);
    app.services.db.client.middlewareStack.remove('crashAfterWrite');

    expect(await holdIn(app, b.token, holdB)).toMatchObject({ status: 'READY' });
    expect(await copyOf(titleId, itemId)).toMatchObject({ status: 'ON_HOLD_SHELF' });
    const retried = await app.request('DELETE', `/admin/holds/${holdA}`, { token: staff, body: { reason: '汚損' } });
    expect(retried.status).toBe(409);
    expect(retried.body.error.code).toBe('NOT_CANCELLABLE');
  });

  it('check-in of a loan: the function dies after its transaction; the returned copy is already with the waiting hold', async () => {
    const staff = await app.staffToken();
    const [borrower, waiting] = [await newPatron(app, staff), await newPatron(app, staff)];
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const itemId = itemIds[0] as string;
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: borrower.cardNumber, itemId } })).status).toBe(200);
    const holdId = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: waiting.cardNumber, titleId, pickupBranch: 'central' } })).body
      .holdId as string;

    crashAfterTransaction();
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } })).status).toBe(500);
    app.services.db.client.middlewareStack.remove('crashAfterWrite');

    // One transaction returned the loan and gave the copy to the hold: never on the shelf while a hold waits.
    expect(await copyOf(titleId, itemId)).toMatchObject({ status: 'ON_HOLD_SHELF' });
    expect(await holdIn(app, waiting.token, holdId)).toMatchObject({ status: 'READY' });
    const status = (await app.request('GET', '/api/me/status', { token: borrower.token })).body;
    expect(status.loans).toEqual([]);
    const again = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } });
    expect(again.body).toMatchObject({ action: 'HOLD_SHELF', holdId });
  });

  it('check-in of a loan whose write fails: the loan stands and a rescan does the whole return', async () => {
    const staff = await app.staffToken();
    const [borrower, waiting] = [await newPatron(app, staff), await newPatron(app, staff)];
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const itemId = itemIds[0] as string;
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: borrower.cardNumber, itemId } })).status).toBe(200);
    const holdId = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: waiting.cardNumber, titleId, pickupBranch: 'east' } })).body
      .holdId as string;

    app.services.db.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (String(context.commandName).startsWith('TransactWrite')) throw Object.assign(new Error('injected: died before the write'), { name: 'InjectedCrash' });
        return next(args);
      },
      { step: 'initialize', name: 'crashAfterWrite' },
    );
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } })).status).toBe(500);
    app.services.db.client.middlewareStack.remove('crashAfterWrite');

    expect(await copyOf(titleId, itemId)).toMatchObject({ status: 'ON_LOAN' });
    expect((await app.request('GET', '/api/me/status', { token: borrower.token })).body.loans).toEqual([expect.objectContaining({ itemId })]);
    const rescan = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } });
    expect(rescan.body).toMatchObject({ action: 'TRANSIT', toBranch: 'east', holdId });
    expect((await app.request('GET', '/api/me/status', { token: borrower.token })).body.loans).toEqual([]);
  });

  it('with nobody waiting, the copy of an expired hold is shelved in the same transaction', async () => {
    const staff = await app.staffToken();
    const a = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const itemId = itemIds[0] as string;
    const holdA = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: a.cardNumber, titleId, pickupBranch: 'east' } })).body.holdId;
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } })).body).toMatchObject({
      action: 'TRANSIT',
      toBranch: 'east',
    });
    crashAfterTransaction();
    expect((await app.request('DELETE', `/admin/holds/${holdA}`, { token: staff, body: {} })).status).toBe(500);
    app.services.db.client.middlewareStack.remove('crashAfterWrite');
    // It was travelling to east for A: now it travels home to central, recorded so at once.
    expect(await copyOf(titleId, itemId)).toMatchObject({ status: 'IN_TRANSIT' });
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch: 'central' } })).body).toEqual({
      action: 'SHELVE',
      branch: 'central',
      titleId,
      title: expect.any(String),
    });
  });
});
