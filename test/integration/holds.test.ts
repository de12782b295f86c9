import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, newPatron, newTitle, placeHold, statusOf } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

/** Every test starts from its own instant (the clock is not left where another test put it). */
const at = async (iso: string) => {
  await app.services.scheduler.skipTo(new Date(iso));
  staff = await app.staffToken();
};
const START = '2026-12-01T10:01:00+09:00';

// 2026-12-01 is a Tuesday: branches open 09:30–19:00.
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 5.2 placing a hold', () => {
  it('an accepted hold is 201 PROVISIONAL, stamped with its request time and the run that will register it', async () => {
    await at(START);
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    await at('2026-12-01T10:04:00+09:00');
    const answer = await placeHold(app, token, titleId, 'east');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ titleId, status: 'PROVISIONAL', statusLabel: '仮予約', pickupBranch: 'east', cancellable: true });
    expect(answer.body.holdId).toEqual(expect.any(String));
    expect(answer.body.holdId).not.toBe('');
    // The clock runs on from 10:04:00 while the request is handled: the stamp is within that minute.
    expect(answer.body.requestedAt).toMatch(/^2026-12-01T10:04:\d\d\+09:00$/);
    expect(answer.body.registersAt).toBe('2026-12-01T10:10:00+09:00');
    expect(answer.body.position ?? null).toBeNull();
  });

  it.each([
    ['NOT_HOLDABLE', [{ category: 'REFERENCE_ONLY' }], 422],
    ['COUNTER_ONLY', [{ category: 'CONTEST' }], 422],
    ['COUNTER_ONLY', [{ category: 'LATEST_ISSUE' }, { category: 'REFERENCE_ONLY' }], 422],
    ['NOT_HOLDABLE', [], 422],
  ])('rule 1: %s for copies %j', async (code, copies, status) => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff, copies);
    const answer = await placeHold(app, token, titleId);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('rule 1: a title with a NORMAL copy among reference copies is holdable', async () => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff, [{ category: 'REFERENCE_ONLY' }, { category: 'NORMAL', branch: 'west' }]);
    expect((await placeHold(app, token, titleId)).status).toBe(201);
  });

  it('rule 2: ALREADY_ON_LOAN when the patron has a copy of the title on loan', async () => {
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{}, {}]);
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber, itemId: itemIds[0] } })).status).toBe(200);
    const answer = await placeHold(app, token, titleId);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('ALREADY_ON_LOAN');
  });

  it('rule 3: ALREADY_HELD for a second hold on the same title', async () => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    expect((await placeHold(app, token, titleId)).status).toBe(201);
    const again = await placeHold(app, token, titleId, 'west');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_HELD', message: 'この資料は既に予約しています。' });
  });

  it('rule 3: after cancelling, the title can be held again', async () => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const first = (await placeHold(app, token, titleId)).body.holdId;
    expect((await app.request('DELETE', `/api/me/holds/${first}`, { token })).status).toBe(200);
    expect((await placeHold(app, token, titleId)).status).toBe(201);
  });

  it('rule 5: the 16th active hold is refused with HOLD_LIMIT and the SPEC message', async () => {
    const { token } = await newPatron(app, staff);
    for (let i = 0; i < 15; i += 1) expect((await placeHold(app, token, (await newTitle(app, staff)).titleId)).status).toBe(201);
    const refused = await placeHold(app, token, (await newTitle(app, staff)).titleId);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'HOLD_LIMIT', message: '予約できる点数は15点までです。' });
    expect((await statusOf(app, token)).holdLimit).toBe(15);
  });

  it('rule 6: INVALID_BRANCH for an unknown pickup branch, NOT_FOUND for an unknown title', async () => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const branch = await placeHold(app, token, titleId, 'atlantis');
    expect(branch.status).toBe(422);
    expect(branch.body.error.code).toBe('INVALID_BRANCH');
    const title = await placeHold(app, token, 'no-such-title');
    expect(title.status).toBe(404);
    expect(title.body.error.code).toBe('NOT_FOUND');
    const bad = await app.request('POST', '/api/me/holds', { token, body: { titleId } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'pickupBranch' });
    expect((await statusOf(app, token)).holds).toEqual([]);
  });

  it('rule 4: LONG_OVERDUE when the only lendable copy is more than 30 days past due; 30 days exactly is not', async () => {
    await at(START);
    const borrower = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{}, { category: 'REFERENCE_ONLY' }]);
    const lent = await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: borrower.cardNumber, itemId: itemIds[0] } });
    expect(lent.status).toBe(200);
    expect(lent.body.dueDate).toBe('2026-12-15');
    try {
      // 30 days past due is 2027-01-14: still holdable; from 2027-01-15 it is long overdue.
      await at('2027-01-14T10:00:00+09:00');
      const someone = await newPatron(app, staff);
      expect((await placeHold(app, someone.token, titleId)).status).toBe(201);
      await at('2027-01-15T10:00:00+09:00');
      const other = await newPatron(app, staff);
      const refused = await placeHold(app, other.token, titleId);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('LONG_OVERDUE');
    } finally {
      await at(START);
    }
  });

  it('rule 4 does not apply when another lendable copy exists', async () => {
    await at(START);
    const borrower = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{}, { branch: 'west' }]);
    expect((await app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber: borrower.cardNumber, itemId: itemIds[0] } })).body.dueDate).toBe(
      '2026-12-15',
    );
    try {
      await at('2027-02-01T10:00:00+09:00');
      const other = await newPatron(app, staff);
      expect((await placeHold(app, other.token, titleId)).status).toBe(201);
    } finally {
      await at(START);
    }
  });
});

describe('SPEC 5.2 rules 3 and 5 under concurrency', () => {
  it('40 holds at once for one patron over 40 titles: exactly 15 accepted, the rest HOLD_LIMIT', async () => {
    const { token } = await newPatron(app, staff);
    const titles = await Promise.all(Array.from({ length: 40 }, () => newTitle(app, staff)));
    const answers = await Promise.all(titles.map(({ titleId }) => placeHold(app, token, titleId)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(15);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'HOLD_LIMIT')).toHaveLength(25);
    const status = await statusOf(app, token);
    expect(status.holds).toHaveLength(15);
  });

  it('20 holds at once for one title by one patron: exactly 1 accepted', async () => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const answers = await Promise.all(Array.from({ length: 20 }, () => placeHold(app, token, titleId)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.body?.error?.code === 'ALREADY_HELD')).toHaveLength(19);
    const queue = await app.request('GET', `/admin/titles/${titleId}/queue`, { token: staff });
    expect(queue.body).toHaveLength(1);
  });
});

describe('SPEC 5.5 cancelling and SPEC 6 status page', () => {
  it('a PROVISIONAL hold is cancellable; the cancelled hold stays visible as 取消 and stops counting', async () => {
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const { holdId } = (await placeHold(app, token, titleId)).body;
    const cancelled = await app.request('DELETE', `/api/me/holds/${holdId}`, { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ holdId, status: 'CANCELLED', statusLabel: '取消', cancellable: false });
    const status = await statusOf(app, token);
    expect(status.activeHolds).toBe(0);
    expect(status.holds).toEqual([expect.objectContaining({ holdId, status: 'CANCELLED', cancelReason: 'PATRON' })]);
  });

  it("cancelling twice, or someone else's hold, is refused", async () => {
    const a = await newPatron(app, staff);
    const b = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const { holdId } = (await placeHold(app, a.token, titleId)).body;
    expect((await app.request('DELETE', `/api/me/holds/${holdId}`, { token: b.token })).status).toBe(404);
    expect((await holdIn(app, a.token, holdId)).status).toBe('PROVISIONAL');
    expect((await app.request('DELETE', `/api/me/holds/${holdId}`, { token: a.token })).body.status).toBe('CANCELLED');
    const again = await app.request('DELETE', `/api/me/holds/${holdId}`, { token: a.token });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_CANCELLABLE');
  });

  it("finished holds leave the patron's view after 30 days", async () => {
    await at(START);
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const { holdId } = (await placeHold(app, token, titleId)).body;
    expect((await app.request('DELETE', `/api/me/holds/${holdId}`, { token })).body.status).toBe('CANCELLED');
    try {
      // Cancelled on 12-01 at 10:01: still shown 29 days on, gone once 30 days have passed.
      await at('2026-12-30T10:00:00+09:00');
      expect(await holdIn(app, await app.patronToken(cardNumber, '0505'), holdId)).toMatchObject({ holdId, status: 'CANCELLED' });
      await at('2026-12-31T10:05:00+09:00');
      expect(await holdIn(app, await app.patronToken(cardNumber, '0505'), holdId)).toBeUndefined();
    } finally {
      await at(START);
    }
  });
});
