import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRegistration } from '../../functions/jobs/hold-registration.js';
import { runJob, type RunBudget } from '../../functions/jobs/run-job.js';
import { holdIn, holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Decision 019 (issue 12.4): the provisional index is spread over shards and WAITING holds are
 * found by the pull list through per-branch markers, not one partition each. What a patron
 * and a clerk notice must not change: every hold registered once, queue order = request
 * order (SPEC 5.3), each hold on the one right branch's list (SPEC 5.4), and holds written
 * with the keys of before still registered and listed.
 * 2026-12-01 is a Tuesday; every branch is open.
 */
let app: TestApp;
let staff: string;

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T19:05:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

const rawHold = async (cardNumber: string, holdId: string) =>
  (await app.services.db.client.send(new GetCommand({ TableName: app.services.db.tableName, Key: { PK: `PATRON#${cardNumber}`, SK: `HOLD#${holdId}` } }))).Item as
    | Record<string, unknown>
    | undefined;
const pullList = async (branch: string, date: string) => {
  const answer = await app.request('GET', `/admin/pull-list?branch=${branch}&date=${date}`, { token: await app.staffToken() });
  expect(answer.status).toBe(200);
  return (answer.body as { holdId: string }[]).map((e) => e.holdId);
};
const BRANCHES = ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara'];
/** Time for `items` hold starts, then none. */
const budgetFor = (items: number): RunBudget => {
  let left = items;
  return { timeLeftMs: () => (left-- > 0 ? 60_000 : 0) };
};

describe('decision 019 hold indexes spread over partitions', { timeout: 120_000 }, () => {
  it('SPEC 5.3: 12 holds in several shards, a run out of time mid-page and its continuation register each once, queue in request order', async () => {
    const { titleId } = await newTitle(app, staff, [{ branch: 'central' }]);
    const holds = [];
    for (let i = 0; i < 12; i += 1) {
      const patron = await newPatron(app, staff);
      holds.push({ patron, holdId: (await holdPlaced(app, patron.token, titleId)).holdId as string });
    }
    const shards = new Set(await Promise.all(holds.map(async (h) => (await rawHold(h.patron.cardNumber, h.holdId))?.GSI2PK)));
    expect(shards.size).toBeGreaterThan(1);

    const invocation = { job: 'hold-registration', trigger: 'manual', runId: 'shards-continued' } as const;
    const first = await runJob('hold-registration', invocation, app.services.deps, holdRegistration, budgetFor(5));
    expect(first).toMatchObject({ status: 'SUCCEEDED', summary: { registered: 5, continued: true, continuedAs: 'shards-continued~2' } });
    await app.services.bus.settled();
    const runs = (await app.request('GET', '/admin/jobs/hold-registration/runs', { token: await app.staffToken() })).body as any[];
    expect(runs.find((r) => r.runId === 'shards-continued~2')).toMatchObject({ status: 'SUCCEEDED', summary: { registered: 7, alreadyHandled: 0 } });

    const positions = [];
    for (const { patron, holdId } of holds) positions.push((await holdIn(app, patron.token, holdId)).position);
    expect(positions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('SPEC 5.3: read two at a time from each shard, the batches give every provisional hold once, oldest first', async () => {
    const { titleId } = await newTitle(app, staff, [{ branch: 'central' }]);
    const placed: string[] = [];
    for (let i = 0; i < 9; i += 1) placed.push((await holdPlaced(app, (await newPatron(app, staff)).token, titleId)).holdId as string);
    const batches: { holdId: string; requestedAt: string }[][] = [];
    for await (const batch of app.services.deps.store.holds.provisionalInOrder(app.services.clock.now(), 2)) batches.push(batch.filter((h) => placed.includes(h.holdId)));
    const read = batches.flat();
    expect(batches.filter((b) => b.length > 0).length).toBeGreaterThan(1);
    expect([...read.map((h) => h.holdId)].sort()).toEqual([...placed].sort());
    const order = read.map((h) => `${h.requestedAt}#${h.holdId}`);
    expect(order).toEqual([...order].sort());
  });

  it('SPEC 5.4: a hold requested before the day is on the list of the branch whose shelf has the copy, and on no other', async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff, [{ branch: 'miwa' }]);
    const { holdId } = await holdPlaced(app, patron.token, titleId, 'central');
    await runJob('hold-registration', { job: 'hold-registration', trigger: 'manual', runId: 'one-branch' }, app.services.deps, holdRegistration);
    for (const branch of BRANCHES) {
      expect((await pullList(branch, '2026-12-02')).includes(holdId), branch).toBe(branch === 'miwa');
    }
    // Requested on the day itself: not on that day's list (SPEC 5.4 as corrected).
    expect(await pullList('miwa', '2026-12-01')).not.toContain(holdId);
  });

  it('SPEC 5.4: a copy added at another branch while the hold waits puts the hold on that branch’s list', async () => {
    const borrower = await newPatron(app, staff);
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    await lent(app, staff, borrower.cardNumber, itemIds[0] as string);
    const { holdId } = await holdPlaced(app, patron.token, titleId, 'central');
    await runJob('hold-registration', { job: 'hold-registration', trigger: 'manual', runId: 'new-copy' }, app.services.deps, holdRegistration);
    expect(await pullList('tsunezumi', '2026-12-02')).not.toContain(holdId);

    const added = await app.request('POST', '/admin/items', { token: staff, body: { itemId: `NEWCOPY${Date.now()}`, titleId, branch: 'tsunezumi', category: 'NORMAL' } });
    expect(added.status).toBe(201);
    expect(await pullList('tsunezumi', '2026-12-02')).toEqual([holdId]);
  });

  it('holds written with the keys of before (one PROVISIONAL and one WAITING partition) are registered and listed, and filed by the batch', async () => {
    const online = await newPatron(app, staff);
    const counter = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff, [{ branch: 'uchihara' }]);
    const { titleId: otherTitle } = await newTitle(app, staff, [{ branch: 'uchihara' }]);
    const provisional = (await holdPlaced(app, online.token, titleId, 'central')).holdId as string;
    // As written before decision 019: every PROVISIONAL hold in one partition.
    await app.services.db.client.send(
      new UpdateCommand({
        TableName: app.services.db.tableName,
        Key: { PK: `PATRON#${online.cardNumber}`, SK: `HOLD#${provisional}` },
        UpdateExpression: 'SET GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': 'PROVISIONAL' },
      }),
    );
    // A counter hold is WAITING at once in the WAITING partition, as every WAITING hold was before.
    const placed = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: counter.cardNumber, titleId: otherTitle, pickupBranch: 'central' } });
    expect(placed.status).toBe(201);
    const waiting = placed.body.holdId as string;
    expect((await rawHold(counter.cardNumber, waiting))?.GSI2PK).toBe('WAITING');
    expect(await pullList('uchihara', '2026-12-02')).toEqual([waiting]);

    const run = await runJob('hold-registration', { job: 'hold-registration', trigger: 'manual', runId: 'legacy-keys' }, app.services.deps, holdRegistration);
    expect(run.summary).toMatchObject({ registered: 1 });
    expect((run.summary as { filed: number }).filed).toBeGreaterThanOrEqual(1);
    expect((await rawHold(counter.cardNumber, waiting))?.GSI2PK).toBeUndefined();
    expect((await pullList('uchihara', '2026-12-02')).sort()).toEqual([provisional, waiting].sort());
  });
});
