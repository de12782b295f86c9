import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const queueOf = async (titleId: string) => (await app.request('GET', `/admin/titles/${titleId}/queue`, { token: await app.staffToken() })).body as any[];
const at = (iso: string) => app.services.scheduler.skipTo(new Date(iso));

// 2026-12-01 Tue (open to 19:00), 2026-12-07 Mon (all closed).
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 5.3 registration batch', () => {
  it('a hold placed at 10:01 registers at 10:10 and shows its queue position', async () => {
    await at('2026-12-01T10:01:00+09:00');
    staff = await app.staffToken();
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, token, titleId);
    expect(hold.registersAt).toBe('2026-12-01T10:10:00+09:00');
    const moved = await app.setClock('2026-12-01T10:10:30+09:00');
    expect(moved.body.fired).toEqual([{ job: 'hold-registration', schedule: 'every-10-minutes', scheduledTime: '2026-12-01T01:10:00.000Z' }]);
    expect(await holdIn(app, token, hold.holdId)).toMatchObject({ status: 'WAITING', statusLabel: '予約中', position: 1, cancellable: true });
  });

  it('a hold placed at 21:30 is 仮予約 at 23:00 and 予約中 with its position after 07:00 (SPEC Done-when)', async () => {
    await at('2026-12-01T21:30:00+09:00');
    staff = await app.staffToken();
    const early = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, early.token, titleId);
    expect(hold.registersAt).toBe('2026-12-02T07:00:00+09:00');
    await app.setClock('2026-12-01T23:00:00+09:00');
    expect(await holdIn(app, await app.patronToken(early.cardNumber, '0505'), hold.holdId)).toMatchObject({
      status: 'PROVISIONAL',
      statusLabel: '仮予約',
      registersAt: '2026-12-02T07:00:00+09:00',
    });
    await app.setClock('2026-12-02T07:01:00+09:00');
    const token = await app.patronToken(early.cardNumber, '0505');
    expect(await holdIn(app, token, hold.holdId)).toMatchObject({ status: 'WAITING', statusLabel: '予約中', position: 1 });
  });

  it('no registration after the last closing time or on a day with no open branch, except the 07:00 run', async () => {
    await at('2026-12-07T09:00:00+09:00'); // Monday: every branch closed
    staff = await app.staffToken();
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, token, titleId);
    expect(hold.registersAt).toBe('2026-12-08T07:00:00+09:00');
    await app.setClock('2026-12-07T12:00:00+09:00');
    expect((await holdIn(app, await app.patronToken(cardNumber, '0505'), hold.holdId)).status).toBe('PROVISIONAL');
    // The 10-minute runs from 09:10 to 12:00 all ran, and each stood down. (Read from the store:
    // the staff route lists the 50 latest, and tests of later days may have run before this one.)
    const runs = (await app.services.deps.store.jobRuns.recent('hold-registration', 1_000)) as any[];
    const monday = runs.filter((r) => r.scheduledTime > '2026-12-07T00:00:00.000Z' && r.scheduledTime <= '2026-12-07T03:00:00.000Z');
    expect(monday).toHaveLength(18);
    for (const run of monday) expect(run.summary).toMatchObject({ skipped: 'NOT_AN_OPENING_DAY', registered: 0 });
    await app.setClock('2026-12-08T07:00:10+09:00');
    expect((await holdIn(app, await app.patronToken(cardNumber, '0505'), hold.holdId)).status).toBe('WAITING');
  });

  it('the 19:00 run (latest closing) registers; a hold of 19:05 waits for 07:00', async () => {
    await at('2026-12-08T18:55:00+09:00');
    staff = await app.staffToken();
    const a = await newPatron(app, staff);
    const b = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const first = await holdPlaced(app, a.token, titleId);
    expect(first.registersAt).toBe('2026-12-08T19:00:00+09:00');
    await app.setClock('2026-12-08T19:05:00+09:00');
    const second = await holdPlaced(app, b.token, titleId);
    expect(second.registersAt).toBe('2026-12-09T07:00:00+09:00');
    await app.setClock('2026-12-08T23:55:00+09:00');
    const queue = await queueOf(titleId);
    expect(queue.map((h) => [h.holdId, h.status])).toEqual([
      [first.holdId, 'WAITING'],
      [second.holdId, 'PROVISIONAL'],
    ]);
  });

  it('queue order is request time: a counter hold of 10:05 stands behind an online request of 10:01', async () => {
    await at('2026-12-09T10:01:00+09:00');
    staff = await app.staffToken();
    const online = await newPatron(app, staff);
    const counter = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const onlineHold = await holdPlaced(app, online.token, titleId);
    await at('2026-12-09T10:05:00+09:00');
    const counterHold = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: counter.cardNumber, titleId, pickupBranch: 'west' } });
    expect(counterHold.status).toBe(201);
    expect(counterHold.body).toMatchObject({ status: 'WAITING', channel: 'COUNTER', position: 1 });
    await app.setClock('2026-12-09T10:10:05+09:00');
    const queue = await queueOf(titleId);
    expect(queue.map((h) => [h.holdId, h.status, h.position])).toEqual([
      [onlineHold.holdId, 'WAITING', 1],
      [counterHold.body.holdId, 'WAITING', 2],
    ]);
  });

  it('the re-check cancels, with the reason, a hold whose patron borrowed the title meanwhile', async () => {
    await at('2026-12-10T10:21:00+09:00');
    staff = await app.staffToken();
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{}, {}]);
    const hold = await holdPlaced(app, token, titleId);
    await lent(app, staff, cardNumber, itemIds[1] as string);
    await app.setClock('2026-12-10T10:30:05+09:00');
    expect(await holdIn(app, await app.patronToken(cardNumber, '0505'), hold.holdId)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'ALREADY_ON_LOAN',
      cancellable: false,
    });
  });

  it('two batches at once and a rerun register each hold exactly once, in request order', async () => {
    await at('2026-12-11T10:31:00+09:00');
    staff = await app.staffToken();
    const run = (runId: string) => app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId });
    // The batch takes every provisional hold of the table: first register whatever other
    // tests left, so the two runs below count this test's twelve only.
    await run('20261211T013100Z-flush');
    const { titleId } = await newTitle(app, staff);
    const patrons = await Promise.all(Array.from({ length: 12 }, () => newPatron(app, staff)));
    const holds: string[] = [];
    for (const p of patrons) holds.push((await holdPlaced(app, p.token, titleId)).holdId);
    const outcomes = (await Promise.all([run('20261211T013500Z-a'), run('20261211T013500Z-b')])) as any[];
    expect(outcomes.map((o) => o.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const registered = outcomes.map((o) => o.summary.registered as number);
    expect(registered[0]! + registered[1]!).toBe(12);
    const rerun = (await run('20261211T013600Z-c')) as any;
    expect(rerun.summary.registered).toBe(0);
    const queue = await queueOf(titleId);
    expect(queue.map((h) => h.holdId)).toEqual(holds);
    expect(queue.map((h) => h.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const events = (await app.request('GET', '/admin/local/events?limit=200')).body as any[];
    const waiting = events.filter((e) => e.detailType === 'HoldStateChanged' && e.detail.to === 'WAITING' && holds.includes(e.detail.holdId));
    expect(waiting).toHaveLength(12);
  });

  it('a batch that died halfway is completed by the next run', async () => {
    await at('2026-12-11T11:01:00+09:00');
    staff = await app.staffToken();
    const { titleId } = await newTitle(app, staff);
    const patrons = await Promise.all(Array.from({ length: 6 }, () => newPatron(app, staff)));
    const holds: string[] = [];
    for (const p of patrons) holds.push((await holdPlaced(app, p.token, titleId)).holdId);
    // Simulate a crash after three registrations: register them directly, as a dying run would have.
    const store = app.services.deps.store;
    const provisional = (await store.holds.provisionalUpTo(app.services.clock.now())).holds.filter((h) => h.titleId === titleId);
    for (const hold of provisional.slice(0, 3)) await store.holds.register(hold, app.services.clock.now());
    await app.setClock('2026-12-11T11:10:05+09:00');
    const queue = await queueOf(titleId);
    expect(queue.map((h) => [h.holdId, h.status])).toEqual(holds.map((id) => [id, 'WAITING']));
  });

  it('staff "run now" registers at once, whatever the hour', async () => {
    await at('2026-12-11T22:00:00+09:00');
    staff = await app.staffToken();
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, token, titleId);
    const started = await app.request('POST', '/admin/jobs/hold-registration/run', { token: staff });
    expect(started.status).toBe(202);
    await app.services.bus.settled();
    expect((await holdIn(app, await app.patronToken(cardNumber, '0505'), hold.holdId)).status).toBe('WAITING');
  });
});

describe('SPEC 5.5 positions move up; SPEC 5.4 staff cancel', () => {
  it('cancelling the first WAITING hold moves the others up', async () => {
    await at('2026-12-12T10:01:00+09:00');
    staff = await app.staffToken();
    const { titleId } = await newTitle(app, staff);
    const patrons = await Promise.all(Array.from({ length: 3 }, () => newPatron(app, staff)));
    const holds: string[] = [];
    for (const p of patrons) holds.push((await holdPlaced(app, p.token, titleId)).holdId);
    await app.setClock('2026-12-12T10:10:05+09:00');
    const tokens = await Promise.all(patrons.map((p) => app.patronToken(p.cardNumber, '0505')));
    expect((await holdIn(app, tokens[1]!, holds[1]!)).position).toBe(2);
    expect((await holdIn(app, tokens[2]!, holds[2]!)).position).toBe(3);
    expect((await app.request('DELETE', `/api/me/holds/${holds[0]}`, { token: tokens[0] })).status).toBe(200);
    expect((await holdIn(app, tokens[1]!, holds[1]!)).position).toBe(1);
    expect((await holdIn(app, tokens[2]!, holds[2]!)).position).toBe(2);
  });

  it('staff cancel with a reason the patron sees; a patron token cannot use the staff route', async () => {
    await at('2026-12-12T11:01:00+09:00');
    staff = await app.staffToken();
    const { token, cardNumber } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, token, titleId);
    expect((await app.request('DELETE', `/admin/holds/${hold.holdId}`, { token })).status).toBe(403);
    const cancelled = await app.request('DELETE', `/admin/holds/${hold.holdId}`, { token: staff, body: { reason: '資料の状態等により提供できません' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(await holdIn(app, await app.patronToken(cardNumber, '0505'), hold.holdId)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'STAFF',
      cancelNote: '資料の状態等により提供できません',
    });
    expect((await app.request('DELETE', '/admin/holds/unknown', { token: staff })).status).toBe(404);
  });

  it('counter holds are allowed for contest and latest-issue titles, WAITING at once; reference-only is not', async () => {
    await at('2026-12-12T12:01:00+09:00');
    staff = await app.staffToken();
    const { cardNumber } = await newPatron(app, staff);
    const contest = await newTitle(app, staff, [{ category: 'CONTEST' }]);
    const latest = await newTitle(app, staff, [{ category: 'LATEST_ISSUE' }], { materialType: 'MAGAZINE' });
    const reference = await newTitle(app, staff, [{ category: 'REFERENCE_ONLY' }]);
    for (const { titleId } of [contest, latest]) {
      const answer = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber, titleId, pickupBranch: 'central' } });
      expect(answer.status).toBe(201);
      expect(answer.body.status).toBe('WAITING');
    }
    const refused = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber, titleId: reference.titleId, pickupBranch: 'central' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_HOLDABLE');
    const unknown = await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: '99999998', titleId: contest.titleId, pickupBranch: 'central' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
