import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const at = async (iso: string) => {
  await app.services.scheduler.skipTo(new Date(iso));
  staff = await app.staffToken();
};
const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};
const titlePage = async (titleId: string) => {
  const answer = await app.request('GET', `/api/catalog/titles/${titleId}`);
  expect(answer.status).toBe(200);
  return answer.body;
};
/** Records a copy missing, as a shelf check would (no route sets it). */
const recordMissing = async (itemId: string) => {
  const { db } = app.services;
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: { PK: `ITEM#${itemId}`, SK: 'ITEM' },
      UpdateExpression: 'SET #status = :missing',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':missing': 'MISSING' },
    }),
  );
};

// 2026-12-01 is a Tuesday.
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 10.3 estimated wait through the HTTP API', () => {
  it('SPEC 10.3: WAITING holds carry estimatedReadyDate from the copies’ due dates, later for later positions; the title page gives one for a new hold', async () => {
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }, { branch: 'east' }]);
    const borrower1 = await newPatron(app, staff);
    const borrower2 = await newPatron(app, staff);
    expect((await lent(app, staff, borrower1.cardNumber, itemIds[0]!)).dueDate).toBe('2026-12-15');
    await at('2026-12-03T10:00:00+09:00');
    expect((await lent(app, staff, borrower2.cardNumber, itemIds[1]!)).dueDate).toBe('2026-12-17');

    // Nobody waits: a hold placed now gets the first copy back, on the hold shelf the day after its due date.
    const before = await titlePage(titleId);
    expect(before).toMatchObject({ holdable: true, waiting: 0, estimatedReadyDate: '2026-12-16' });

    const patrons = [await newPatron(app, staff), await newPatron(app, staff), await newPatron(app, staff)];
    const holds: { holdId: string }[] = [];
    for (const patron of patrons) holds.push(await holdPlaced(app, patron.token, titleId, 'central'));
    await registerNow();

    const views = await Promise.all(patrons.map((p, i) => holdIn(app, p.token, holds[i]!.holdId)));
    expect(views.map((v) => [v.status, v.position])).toEqual([
      ['WAITING', 1],
      ['WAITING', 2],
      ['WAITING', 3],
    ]);
    // One copy each for the first two; the third waits for the first copy's next round.
    expect(views[0].estimatedReadyDate).toBe('2026-12-16');
    expect(views[1].estimatedReadyDate).toBe('2026-12-18');
    expect(views[2].estimatedReadyDate > '2026-12-30').toBe(true);
    expect(views[2].estimatedReadyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The title page now estimates a new hold behind all three, never earlier than the last.
    const after = await titlePage(titleId);
    expect(after.waiting).toBe(3);
    expect(after.estimatedReadyDate >= views[2].estimatedReadyDate).toBe(true);

    // A counter hold is WAITING at once and answered with its estimate, behind the three.
    const walkIn = await newPatron(app, staff);
    const counter = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: walkIn.cardNumber, titleId, pickupBranch: 'central' } });
    expect(counter.status).toBe(201);
    expect(counter.body).toMatchObject({ status: 'WAITING', position: 4 });
    expect(counter.body.estimatedReadyDate >= views[2].estimatedReadyDate).toBe(true);

    // Staff see the same dates in the queue and on the patron's page.
    const queue = await app.request('GET', `/admin/titles/${titleId}/queue`, { token: staff });
    expect(queue.status).toBe(200);
    expect(queue.body.map((h: any) => [h.holdId, h.position, h.estimatedReadyDate])).toEqual([
      ...views.map((v) => [v.holdId, v.position, v.estimatedReadyDate]),
      [counter.body.holdId, 4, counter.body.estimatedReadyDate],
    ]);
    const patronPage = await app.request('GET', `/admin/patrons/${patrons[1]!.cardNumber}`, { token: staff });
    expect(patronPage.body.holds.find((h: any) => h.holdId === holds[1]!.holdId).estimatedReadyDate).toBe('2026-12-18');

    // A copy coming back early moves the estimates forward; none is ever before today.
    await at('2026-12-05T10:00:00+09:00');
    const returned = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[1], branch: 'central' } });
    expect(returned.body).toMatchObject({ action: 'HOLD_SHELF', holdId: holds[0]!.holdId });
    for (const patron of patrons) patron.token = await app.patronToken(patron.cardNumber, '0505');
    const second = await holdIn(app, patrons[1]!.token, holds[1]!.holdId);
    expect(second).toMatchObject({ position: 1, estimatedReadyDate: '2026-12-16' });
    const third = await holdIn(app, patrons[2]!.token, holds[2]!.holdId);
    expect(third.position).toBe(2);
    expect(third.estimatedReadyDate < views[2].estimatedReadyDate).toBe(true);
    expect(third.estimatedReadyDate >= '2026-12-05').toBe(true);
    // Holds that no longer wait carry no estimate.
    expect((await holdIn(app, patrons[0]!.token, holds[0]!.holdId)).estimatedReadyDate).toBeUndefined();
  });

  it('SPEC 10.3: when no copy can ever fill the hold (the lendable copy missing, the other reference-only) the estimate is null', async () => {
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }, { branch: 'central', category: 'REFERENCE_ONLY' }]);
    const borrower = await newPatron(app, staff);
    await lent(app, staff, borrower.cardNumber, itemIds[0]!);
    const patron = await newPatron(app, staff);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();
    expect(await holdIn(app, patron.token, hold.holdId)).toMatchObject({ status: 'WAITING', position: 1, estimatedReadyDate: expect.any(String) });

    await recordMissing(itemIds[0]!);
    const view = await holdIn(app, patron.token, hold.holdId);
    expect(view).toMatchObject({ status: 'WAITING', position: 1 });
    expect(view.estimatedReadyDate).toBeNull();
    expect((await titlePage(titleId)).estimatedReadyDate).toBeNull();
  });
});
