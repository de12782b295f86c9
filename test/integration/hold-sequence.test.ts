import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdPlaced, lent, newPatron, newTitle, statusOf } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};
const sequence = (token: string, titleIds: unknown, pickupBranch = 'central') =>
  app.request('POST', '/api/me/holds/sequence', { token, body: { titleIds, pickupBranch } });
const placed = async (token: string, titleIds: string[], pickupBranch = 'central') => {
  const answer = await sequence(token, titleIds, pickupBranch);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { sequenceId: string; holds: any[] };
};
const scan = async (itemId: string, branch: string) => {
  const answer = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const holdsOf = async (token: string) => (await statusOf(app, token)).holds as any[];
/** Titles of a series, volume 1 first, each with copies at central. */
const volumes = async (n: number, copies = 1) => {
  const series = `順番テスト ${Math.random().toString(36).slice(2, 8)}`;
  const titles = [];
  for (let v = 1; v <= n; v += 1) {
    titles.push(
      await newTitle(
        app,
        staff,
        Array.from({ length: copies }, () => ({ branch: 'central' })),
        { title: `${series} ${v}`, series, volume: String(v) },
      ),
    );
  }
  return titles;
};

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 10.2 placing holds in reading order', () => {
  it('places every volume PROVISIONAL in order; each after the first waits for the one before', async () => {
    const patron = await newPatron(app, staff);
    const [v1, v2, v3] = await volumes(3);
    const ids = [v1!.titleId, v2!.titleId, v3!.titleId];
    const body = await placed(patron.token, ids);
    expect(body.sequenceId).toEqual(expect.any(String));
    expect(body.holds.map((h) => [h.titleId, h.status, h.sequenceId, h.sequenceIndex, h.waitsFor, h.suspendedUntil])).toEqual([
      [ids[0], 'PROVISIONAL', body.sequenceId, 1, null, null],
      [ids[1], 'PROVISIONAL', body.sequenceId, 2, ids[0], null],
      [ids[2], 'PROVISIONAL', body.sequenceId, 3, ids[1], null],
    ]);
    const mine = await holdsOf(patron.token);
    expect(mine).toHaveLength(3);
    expect(mine.find((h) => h.titleId === ids[2])).toMatchObject({ sequenceId: body.sequenceId, sequenceIndex: 3, waitsFor: ids[1] });
  });

  it('answers 400 VALIDATION for fewer than 2, more than 10 or repeated titles', async () => {
    const patron = await newPatron(app, staff);
    const [v1, v2] = await volumes(2);
    const ids = Array.from({ length: 11 }, (_, i) => `T-none-${i}`);
    for (const titleIds of [[v1!.titleId], ids, [v1!.titleId, v1!.titleId], 'x', [v1!.titleId, 7]]) {
      const answer = await sequence(patron.token, titleIds);
      expect(answer.status, JSON.stringify(titleIds)).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION');
      expect(answer.body.error.field).toMatch(/^titleIds/);
    }
    expect((await sequence(patron.token, [v1!.titleId, v2!.titleId], 'nowhere')).body.error.code).toBe('INVALID_BRANCH');
    expect(await holdsOf(patron.token)).toEqual([]);
  });

  it('all or nothing: a refused title places no hold, with the first refusal and every result', async () => {
    const patron = await newPatron(app, staff);
    const [v1, v3] = await volumes(2);
    const reference = await newTitle(app, staff, [{ category: 'REFERENCE_ONLY' }]);
    const held = await newTitle(app, staff);
    await holdPlaced(app, patron.token, held.titleId);

    const refused = await sequence(patron.token, [v1!.titleId, reference.titleId, held.titleId, v3!.titleId]);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_HOLDABLE');
    expect(refused.body.results.map((r: any) => [r.titleId, r.ok, r.error?.code])).toEqual([
      [v1!.titleId, true, undefined],
      [reference.titleId, false, 'NOT_HOLDABLE'],
      [held.titleId, true, undefined],
      [v3!.titleId, true, undefined],
    ]);

    // Already held is found by the transaction's own condition.
    const again = await sequence(patron.token, [v1!.titleId, held.titleId, v3!.titleId]);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_HELD');
    expect(again.body.results.map((r: any) => [r.ok, r.error?.code])).toEqual([
      [true, undefined],
      [false, 'ALREADY_HELD'],
      [true, undefined],
    ]);
    expect((await holdsOf(patron.token)).map((h) => h.titleId)).toEqual([held.titleId]);
  });

  it('all count to the limit: 14 active holds and a sequence of 2 is refused, 13 and 2 is accepted', async () => {
    const patron = await newPatron(app, staff);
    for (let i = 0; i < 13; i += 1) await holdPlaced(app, patron.token, (await newTitle(app, staff)).titleId);
    const [a, b] = await volumes(2);
    const spare = await newTitle(app, staff);
    const fourteenth = await holdPlaced(app, patron.token, spare.titleId);

    const refused = await sequence(patron.token, [a!.titleId, b!.titleId]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HOLD_LIMIT');
    expect(refused.body.results.map((r: any) => [r.titleId, r.ok, r.error?.code])).toEqual([
      [a!.titleId, true, undefined],
      [b!.titleId, false, 'HOLD_LIMIT'],
    ]);
    expect(await holdsOf(patron.token)).toHaveLength(14);

    expect((await app.request('DELETE', `/api/me/holds/${fourteenth.holdId}`, { token: patron.token })).status).toBe(200);
    await placed(patron.token, [a!.titleId, b!.titleId]);
    expect((await holdsOf(patron.token)).filter((h) => h.status === 'PROVISIONAL')).toHaveLength(15);
  });
});

describe('SPEC 10.2 / 5.2 rules 3 and 5 under concurrent requests', () => {
  it('parallel sequences and single holds never take a patron past 15 or hold a title twice', async () => {
    const patron = await newPatron(app, staff);
    for (let i = 0; i < 12; i += 1) await holdPlaced(app, patron.token, (await newTitle(app, staff)).titleId);
    const pairs = [await volumes(2), await volumes(2), await volumes(2)];
    const single = await newTitle(app, staff);
    const answers = await Promise.all([
      ...pairs.map((pair) =>
        sequence(
          patron.token,
          pair.map((v) => v.titleId),
        ),
      ),
      ...pairs.map((pair) =>
        sequence(
          patron.token,
          pair.map((v) => v.titleId),
        ),
      ),
      app.request('POST', '/api/me/holds', { token: patron.token, body: { titleId: single.titleId, pickupBranch: 'central' } }),
      app.request('POST', '/api/me/holds', { token: patron.token, body: { titleId: single.titleId, pickupBranch: 'central' } }),
    ]);
    expect(
      answers.every((a) => [201, 409].includes(a.status)),
      JSON.stringify(answers.map((a) => a.status)),
    ).toBe(true);
    const mine = await holdsOf(patron.token);
    expect(mine.length).toBeLessThanOrEqual(15);
    expect(mine.length).toBeGreaterThanOrEqual(13);
    expect(new Set(mine.map((h) => h.titleId)).size).toBe(mine.length);
    // Whatever won, each accepted sequence is whole.
    for (const pair of pairs) expect([0, 2]).toContain(mine.filter((h) => pair.some((v) => v.titleId === h.titleId)).length);
  });
});

describe('SPEC 10.2 volume k is not filled before volume k−1 has ended', () => {
  it('volume 2 checked in while volume 1 waits goes to the next hold, then to the sequence once volume 1 is borrowed', async () => {
    const reader = await newPatron(app, staff);
    const other = await newPatron(app, staff);
    const [v1, v2] = await volumes(2, 2);
    const { holds } = await placed(reader.token, [v1!.titleId, v2!.titleId]);
    const [h1, h2] = holds;
    const theirs = await holdPlaced(app, other.token, v2!.titleId);
    await registerNow();

    // The reader's volume 2 hold is first in its queue but waits for volume 1.
    expect(await scan(v2!.itemIds[0] as string, 'central')).toMatchObject({
      action: 'HOLD_SHELF',
      holdId: theirs.holdId,
      passedOver: [{ holdId: h2.holdId, reason: 'WAITS_FOR' }],
    });
    expect((await holdsOf(reader.token)).find((h) => h.holdId === h2.holdId)).toMatchObject({ status: 'WAITING', position: 1, waitsFor: v1!.titleId });
    const queue = (await app.request('GET', `/admin/titles/${v2!.titleId}/queue`, { token: staff })).body as any[];
    expect(queue[0]).toMatchObject({ holdId: h2.holdId, sequenceIndex: 2, sequenceLength: 2, waitsFor: v1!.titleId, waitsForTitle: expect.stringMatching(/ 1$/) });

    // Not on a pull list either: volume 2's second copy is on the shelf.
    const list = (await app.request('GET', '/admin/pull-list?branch=central&date=2026-12-02', { token: staff })).body as any[];
    expect(list.find((e) => e.holdId === h2.holdId)).toBeUndefined();
    expect(list.find((e) => e.holdId === h1.holdId)).toBeDefined();

    // Volume 1 ready and borrowed: volume 2 can be filled.
    expect(await scan(v1!.itemIds[0] as string, 'central')).toMatchObject({ action: 'HOLD_SHELF', holdId: h1.holdId });
    expect((await holdsOf(reader.token)).find((h) => h.holdId === h2.holdId)).toMatchObject({ waitsFor: v1!.titleId });
    await lent(app, staff, reader.cardNumber, v1!.itemIds[0] as string);
    expect((await holdsOf(reader.token)).find((h) => h.holdId === h2.holdId)).toMatchObject({ waitsFor: null });
    const answer = await scan(v2!.itemIds[1] as string, 'central');
    expect(answer).toMatchObject({ action: 'HOLD_SHELF', holdId: h2.holdId });
    expect(answer.passedOver).toBeUndefined();
  });

  it('with no one else waiting, volume 2 goes to the shelf; after volume 1 is cancelled it is filled', async () => {
    const reader = await newPatron(app, staff);
    const [v1, v2] = await volumes(2);
    const { holds } = await placed(reader.token, [v1!.titleId, v2!.titleId]);
    const [h1, h2] = holds;
    await registerNow();
    expect(await scan(v2!.itemIds[0] as string, 'central')).toMatchObject({ action: 'SHELVE', passedOver: [{ holdId: h2.holdId, reason: 'WAITS_FOR' }] });

    expect((await app.request('DELETE', `/api/me/holds/${h1.holdId}`, { token: reader.token })).status).toBe(200);
    expect((await holdsOf(reader.token)).find((h) => h.holdId === h2.holdId)).toMatchObject({ status: 'WAITING', waitsFor: null });
    expect(await scan(v2!.itemIds[0] as string, 'central')).toMatchObject({ action: 'HOLD_SHELF', holdId: h2.holdId });
  });
});
