import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, holdPlaced, lent, newPatron, newTitle, statusOf } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const at = async (iso: string) => {
  await app.services.scheduler.skipTo(new Date(iso));
  staff = await app.staffToken();
};
const move = async (iso: string) => {
  expect((await app.setClock(iso)).status).toBe(200);
  staff = await app.staffToken();
};
/**
 * A check-in, which must be answered (200), without the answer's extra title and patron fields, so
 * assertions name the SPEC 7 ones exactly; callers assert the destination.
 */
const scan = async (itemId: string, branch: string) => {
  const answer = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const { title, titleId, cardNumber, patronName, pickupBranch, ...destination } = answer.body;
  expect(typeof title).toBe('string');
  expect(typeof titleId).toBe('string');
  // SPEC 11: a copy going to a hold says for whom (the hold-shelf slip); any other copy does not.
  if (destination.holdId) {
    expect(cardNumber).toMatch(/^\d{8}$/);
    expect(typeof patronName).toBe('string');
    expect(pickupBranch).toBe(destination.action === 'TRANSIT' ? destination.toBranch : branch);
  } else expect([cardNumber, patronName, pickupBranch]).toEqual([undefined, undefined, undefined]);
  return { ...answer, body: destination };
};
/** The raw checkout answer (for refusals); `lent` for loans a test needs. */
const lend = (cardNumber: string, itemId: string) => app.request('POST', '/admin/checkout', { token: staff, body: { cardNumber, itemId } });
const contact = (token: string, body: unknown) => app.request('PUT', '/api/me/contact', { token, body });
const contactSet = async (token: string, body: unknown) => expect((await contact(token, body)).status).toBe(200);
const mailsTo = async (address: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(address));
};
const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};
const unique = () => `p${Date.now()}${Math.floor(Math.random() * 1e6)}@example.jp`;

// 2026-12-01 Tue; branches open Tue–Sun, closed Mondays (12-07, 12-14).
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 5.4 / 5.6 a full day: hold → pull list → transit → hold shelf → mail → checkout → return', () => {
  it('walks one hold through every state with one deadline everywhere', async () => {
    await at('2026-12-01T10:01:00+09:00');
    const patron = await newPatron(app, staff);
    const email = unique();
    expect((await contact(patron.token, { email, contactMethod: 'EMAIL' })).status).toBe(200);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'east' }], { title: '水戸の梅まつり' });
    const itemId = itemIds[0] as string;
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await move('2026-12-01T10:10:30+09:00');

    // Pull list: only holds registered before the day; the copy is on the east shelf.
    const today = await app.request('GET', '/admin/pull-list?branch=east', { token: staff });
    expect(today.body.find((e: any) => e.holdId === hold.holdId)).toBeUndefined();
    const tomorrow = await app.request('GET', '/admin/pull-list?branch=east&date=2026-12-02', { token: staff });
    expect(tomorrow.body).toContainEqual(
      expect.objectContaining({ holdId: hold.holdId, titleId, itemId, title: '水戸の梅まつり', pickupBranch: 'central', shelfBranch: 'east' }),
    );
    const central = await app.request('GET', '/admin/pull-list?branch=central&date=2026-12-02', { token: staff });
    expect(central.body.find((e: any) => e.holdId === hold.holdId)).toBeUndefined();

    await at('2026-12-02T10:00:00+09:00');
    const pulled = await scan(itemId, 'east');
    expect(pulled.body).toEqual({ action: 'TRANSIT', toBranch: 'central', holdId: hold.holdId });
    const token = await app.patronToken(patron.cardNumber, '0505');
    expect(await holdIn(app, token, hold.holdId)).toMatchObject({ status: 'IN_TRANSIT', statusLabel: '回送中', cancellable: false });
    expect((await scan(itemId, 'east')).body).toEqual({ action: 'TRANSIT', toBranch: 'central', holdId: hold.holdId });
    const notCancellable = await app.request('DELETE', `/api/me/holds/${hold.holdId}`, { token });
    expect(notCancellable.status).toBe(409);
    expect(notCancellable.body.error).toMatchObject({ code: 'NOT_CANCELLABLE', pickupBranch: 'central' });
    expect(notCancellable.body.error.message).toContain('中央図書館');

    // Ready on Wed 12-02; the mail goes Thu 12-03; + 7 = Thu 12-10, an open day.
    const arrived = await scan(itemId, 'central');
    expect(arrived.body).toEqual({ action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: '2026-12-10' });
    expect(await holdIn(app, token, hold.holdId)).toMatchObject({ status: 'READY', statusLabel: '取置中', pickupDeadline: '2026-12-10' });
    expect((await scan(itemId, 'central')).body).toEqual({ action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: '2026-12-10' });

    expect(await mailsTo(email)).toHaveLength(0);
    await move('2026-12-03T08:00:30+09:00');
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe('central@library-mito.jp');
    expect(mails[0].subject).toBe('【水戸市立図書館】予約資料のご用意ができました');
    expect(mails[0].body.text).toContain('水戸の梅まつり');
    expect(mails[0].body.text).toContain('中央図書館');
    expect(mails[0].body.text).toContain('2026年12月10日(木)');
    expect(mails[0].body.html).toContain('2026年12月10日(木)');
    expect((await app.request('POST', '/admin/jobs/pickup-notices/run', { token: staff })).status).toBe(202);
    await app.services.bus.settled();
    // Scanning again changes nothing: same hold, same deadline, no second notice.
    expect((await scan(itemId, 'central')).body).toEqual({ action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: '2026-12-10' });
    expect(await mailsTo(email)).toHaveLength(1);

    const other = await newPatron(app, staff);
    const refused = await lend(other.cardNumber, itemId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ON_HOLD_FOR_ANOTHER');
    const loan = await lend(patron.cardNumber, itemId);
    expect(loan.status).toBe(200);
    expect(loan.body.dueDate).toBe('2026-12-17');
    const after = await statusOf(app, await app.patronToken(patron.cardNumber, '0505'));
    expect(after.holds.find((h: any) => h.holdId === hold.holdId)).toMatchObject({ status: 'FULFILLED', statusLabel: '貸出済' });
    expect(after.loans).toEqual([expect.objectContaining({ itemId, titleId, dueDate: '2026-12-17', renewed: false, renewable: true, reasons: [] })]);

    // SPEC 9: every state change went to the bus, oldest first; the fulfilment names neither
    // the patron nor the hold (it would join the earlier events), only the title and copy.
    const busEvents = ((await app.request('GET', '/admin/local/events?limit=500')).body as any[]).filter((e) => e.detailType === 'HoldStateChanged');
    const events = busEvents.filter((e) => e.detail.holdId === hold.holdId).reverse();
    expect(events.map((e) => `${e.detail.from}>${e.detail.to}`)).toEqual(['null>PROVISIONAL', 'PROVISIONAL>WAITING', 'WAITING>IN_TRANSIT', 'IN_TRANSIT>READY']);
    expect(busEvents.filter((e) => e.detail.to === 'FULFILLED' && e.detail.itemId === itemId).map((e) => e.detail)).toEqual([
      { titleId, pickupBranch: 'central', from: 'READY', to: 'FULFILLED', at: expect.any(String), itemId, eventId: expect.any(String) },
    ]);

    // SPEC 6 privacy: after the return nothing in the table links the patron to the title.
    expect((await scan(itemId, 'central')).body).toEqual({ action: 'TRANSIT', toBranch: 'east' });
    const { db } = app.services;
    const { Items = [] } = await db.client.send(new ScanCommand({ TableName: db.tableName }));
    const linking = Items.filter((item) => JSON.stringify(item).includes(patron.cardNumber) && JSON.stringify(item).includes(titleId));
    expect(linking).toEqual([]);
    expect((await statusOf(app, await app.patronToken(patron.cardNumber, '0505'))).loans).toEqual([]);
    expect((await scan(itemId, 'east')).body).toEqual({ action: 'SHELVE', branch: 'east' });
  });
});

describe('SPEC 5.4 deadlines', () => {
  it("a patron without mail: ready date + 7, moved to the pickup branch's next open date", async () => {
    await at('2026-12-01T11:00:00+09:00');
    const patron = await newPatron(app, staff);
    await contactSet(patron.token, { contactMethod: 'PHONE' });
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'west' }]);
    const hold = await holdPlaced(app, patron.token, titleId, 'west');
    await registerNow();
    expect((await app.request('PUT', '/admin/calendar/west/2026-12-08', { token: staff, body: { open: false } })).status).toBe(204);
    try {
      // Ready Tue 12-01, no mail: + 7 = Tue 12-08, closed at west this once → Wed 12-09.
      const ready = await scan(itemIds[0] as string, 'west');
      expect(ready.body).toEqual({ action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: '2026-12-09' });
      const list = await app.request('GET', '/admin/contact-list?branch=west', { token: staff });
      expect(list.body.filter((e: any) => e.holdId === hold.holdId)).toEqual([
        expect.objectContaining({ holdId: hold.holdId, cardNumber: patron.cardNumber, phone: null, pickupDeadline: '2026-12-09' }),
      ]);
      expect((await app.request('GET', '/admin/contact-list?branch=east', { token: staff })).body.find((e: any) => e.holdId === hold.holdId)).toBeUndefined();
    } finally {
      // The calendar is the file's shared table: give west its Tuesday back.
      const reopened = await app.request('PUT', '/admin/calendar/west/2026-12-08', { token: staff, body: { open: true, opensAt: '09:30', closesAt: '19:00' } });
      expect(reopened.status).toBe(204);
    }
  });
});

describe('SPEC 5.4 a copy is never assigned twice', () => {
  it('two copies of one title scanned at once for one hold: exactly one is assigned', async () => {
    await at('2026-12-01T12:00:00+09:00');
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }, { branch: 'central' }]);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();
    const answers = await Promise.all(itemIds.map((id) => scan(id, 'central')));
    expect(answers.map((a) => a.body).sort((x, y) => x.action.localeCompare(y.action))).toEqual([
      { action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: '2026-12-08' },
      { action: 'SHELVE', branch: 'central' },
    ]);
  });

  it('the same copy scanned twice at once: one assignment, the same answer twice', async () => {
    await at('2026-12-01T12:10:00+09:00');
    const a = await newPatron(app, staff);
    const b = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const first = await holdPlaced(app, a.token, titleId, 'central');
    await holdPlaced(app, b.token, titleId, 'central');
    await registerNow();
    const answers = await Promise.all([scan(itemIds[0] as string, 'central'), scan(itemIds[0] as string, 'central')]);
    expect(answers[0]?.body).toEqual(answers[1]?.body);
    expect(answers[0]?.body).toEqual({ action: 'HOLD_SHELF', holdId: first.holdId, pickupDeadline: '2026-12-08' });
    const queue = (await app.request('GET', `/admin/titles/${titleId}/queue`, { token: staff })).body as any[];
    expect(queue.map((h) => h.status)).toEqual(['READY', 'WAITING']);
  });

  it('a PROVISIONAL hold is never filled', async () => {
    await at('2026-12-01T12:20:00+09:00');
    const patron = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    expect((await scan(itemIds[0] as string, 'central')).body).toEqual({ action: 'SHELVE', branch: 'central' });
    expect((await holdIn(app, patron.token, hold.holdId)).status).toBe('PROVISIONAL');
  });
});

describe('SPEC 5.7 expiry and staff cancel route the copy on', () => {
  it('an uncollected hold expires after its deadline; the copy goes at once to the next hold', async () => {
    await at('2026-12-01T13:00:00+09:00');
    const first = await newPatron(app, staff);
    const second = await newPatron(app, staff);
    const third = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'miwa' }]);
    const h1 = await holdPlaced(app, first.token, titleId, 'miwa');
    const h2 = await holdPlaced(app, second.token, titleId, 'miwa');
    const h3 = await holdPlaced(app, third.token, titleId, 'east');
    await registerNow();
    expect((await scan(itemIds[0] as string, 'miwa')).body).toEqual({ action: 'HOLD_SHELF', holdId: h1.holdId, pickupDeadline: '2026-12-08' });

    await at('2026-12-08T05:59:00+09:00');
    await move('2026-12-08T06:00:30+09:00');
    expect((await holdIn(app, await app.patronToken(first.cardNumber, '0505'), h1.holdId)).status).toBe('READY');
    await at('2026-12-09T05:59:00+09:00');
    await move('2026-12-09T06:00:30+09:00');
    expect(await holdIn(app, await app.patronToken(first.cardNumber, '0505'), h1.holdId)).toMatchObject({ status: 'EXPIRED', statusLabel: '期限切れ' });
    expect(await holdIn(app, await app.patronToken(second.cardNumber, '0505'), h2.holdId)).toMatchObject({ status: 'READY', pickupDeadline: '2026-12-16' });

    // Staff cancel of the READY hold: the copy travels to the third patron's branch.
    const cancelled = await app.request('DELETE', `/admin/holds/${h2.holdId}`, { token: staff, body: { reason: '資料破損のため' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ holdId: h2.holdId, status: 'CANCELLED', cancelNote: '資料破損のため' });
    expect(await holdIn(app, await app.patronToken(third.cardNumber, '0505'), h3.holdId)).toMatchObject({ status: 'IN_TRANSIT', cancellable: false });
    expect((await scan(itemIds[0] as string, 'miwa')).body).toEqual({ action: 'TRANSIT', toBranch: 'east', holdId: h3.holdId });

    // Staff cancel in transit: no one waits, so the copy heads home.
    expect((await app.request('DELETE', `/admin/holds/${h3.holdId}`, { token: staff })).body).toMatchObject({ holdId: h3.holdId, status: 'CANCELLED' });
    expect((await scan(itemIds[0] as string, 'east')).body).toEqual({ action: 'TRANSIT', toBranch: 'miwa' });
    expect((await scan(itemIds[0] as string, 'miwa')).body).toEqual({ action: 'SHELVE', branch: 'miwa' });
  });
});

describe('SPEC 5.6 pickup notices', () => {
  // A run's summary counts every patron in the table, so each test here has a table of its
  // own: what it counts is what it set up, whatever other tests left ready.
  let shared: TestApp | undefined;
  beforeEach(async () => {
    const own = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
    shared = app;
    app = own;
  });
  afterEach(async () => {
    if (!shared) return;
    await app.stop();
    app = shared;
    shared = undefined;
    staff = await app.staffToken();
  });
  const noticeRun = async (scheduledTime: string) =>
    ((await app.request('GET', '/admin/jobs/pickup-notices/runs', { token: staff })).body as any[]).filter((r) => r.scheduledTime === scheduledTime);

  it('one mail per patron listing every newly ready item; PHONE and NONE patrons get none', async () => {
    await at('2026-12-10T10:00:00+09:00');
    const mailed = await newPatron(app, staff);
    const email = unique();
    await contactSet(mailed.token, { email, contactMethod: 'EMAIL' });
    const phoned = await newPatron(app, staff);
    const phonedEmail = unique();
    await contactSet(phoned.token, { email: phonedEmail, contactMethod: 'PHONE' });
    const silent = await newPatron(app, staff); // contact method NONE
    const titles = await Promise.all(['偕楽園の梅 上', '偕楽園の梅 下'].map((title) => newTitle(app, staff, [{ branch: 'central' }], { title })));
    const forPhoned = await newTitle(app, staff, [{ branch: 'central' }], { title: '電話で連絡する本' });
    const forSilent = await newTitle(app, staff, [{ branch: 'central' }], { title: '連絡しない本' });
    const holds = [];
    for (const t of titles) holds.push(await holdPlaced(app, mailed.token, t.titleId, 'central'));
    const phonedHold = await holdPlaced(app, phoned.token, forPhoned.titleId, 'central');
    const silentHold = await holdPlaced(app, silent.token, forSilent.titleId, 'central');
    await registerNow();
    // Ready Thu 12-10. Mailed: notice Fri 12-11 + 7 = Fri 12-18; no mail: 12-10 + 7 = Thu 12-17.
    for (const [i, t] of titles.entries()) {
      expect((await scan(t.itemIds[0] as string, 'central')).body).toEqual({ action: 'HOLD_SHELF', holdId: holds[i]!.holdId, pickupDeadline: '2026-12-18' });
    }
    expect((await scan(forPhoned.itemIds[0] as string, 'central')).body).toEqual({ action: 'HOLD_SHELF', holdId: phonedHold.holdId, pickupDeadline: '2026-12-17' });
    expect((await scan(forSilent.itemIds[0] as string, 'central')).body).toEqual({ action: 'HOLD_SHELF', holdId: silentHold.holdId, pickupDeadline: '2026-12-17' });
    await move('2026-12-11T08:00:30+09:00');
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain('偕楽園の梅 上');
    expect(mails[0].body.text).toContain('偕楽園の梅 下');
    expect(mails[0].body.text.match(/期限日：2026年12月18日\(金\)/g)).toHaveLength(2);
    expect(mails[0].body.text).not.toContain('電話で連絡する本');
    expect(await mailsTo(phonedEmail)).toHaveLength(0);
    const list = (await app.request('GET', '/admin/contact-list?branch=central', { token: staff })).body as any[];
    expect(list.map((e) => [e.cardNumber, e.holdId])).toEqual([[phoned.cardNumber, phonedHold.holdId]]);
    expect(await noticeRun(new Date('2026-12-11T08:00:00+09:00').toISOString())).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', summary: { mailed: 1, items: 2, notByMail: 2, failed: 0, claimedElsewhere: 0 } }),
    ]);
  });

  it('a failed send is never marked sent and goes out on the next run; two runs at once mail once', async () => {
    await at('2026-12-11T10:00:00+09:00');
    const patron = await newPatron(app, staff);
    const email = unique();
    await contactSet(patron.token, { email, contactMethod: 'EMAIL' });
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();
    expect((await scan(itemIds[0] as string, 'central')).body).toMatchObject({ action: 'HOLD_SHELF', holdId: hold.holdId });
    await at('2026-12-12T09:00:00+09:00');
    const { runJob } = await import('../../functions/jobs/run-job.js');
    const { pickupNotices } = await import('../../functions/jobs/pickup-notices.js');
    const failing = { ...app.services.deps, mailer: { send: () => Promise.reject(new Error('SES is down')) } };
    const failed = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'fail-1' }, failing, pickupNotices);
    expect(failed).toMatchObject({ status: 'SUCCEEDED', summary: { mailed: 0, items: 0, notByMail: 0, failed: 1, claimedElsewhere: 0 } });
    expect(await mailsTo(email)).toHaveLength(0);
    const runs = await Promise.all(
      ['twin-a', 'twin-b'].map((runId) => runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId }, app.services.deps, pickupNotices)),
    );
    expect(runs.map((r) => (r.summary as any).mailed).sort()).toEqual([0, 1]);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('a run that died after claiming is taken over once its claim is stale (15 minutes)', async () => {
    await at('2026-12-12T10:00:00+09:00');
    const patron = await newPatron(app, staff);
    const email = unique();
    await contactSet(patron.token, { email, contactMethod: 'EMAIL' });
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }]);
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();
    expect((await scan(itemIds[0] as string, 'central')).body).toMatchObject({ action: 'HOLD_SHELF', holdId: hold.holdId });
    await at('2026-12-13T08:00:00+09:00');
    const { store } = app.services.deps;
    const ready = await store.holds.get(patron.cardNumber, hold.holdId, app.services.clock.now());
    expect(await store.holds.claimNotice(ready!, 'died', app.services.clock.now(), new Date(0))).toBe(true);
    const { runJob } = await import('../../functions/jobs/run-job.js');
    const { pickupNotices } = await import('../../functions/jobs/pickup-notices.js');
    await at('2026-12-13T08:05:00+09:00');
    const early = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'early' }, app.services.deps, pickupNotices);
    expect(early.summary).toEqual({ mailed: 0, items: 0, notByMail: 0, failed: 0, claimedElsewhere: 1 });
    await at('2026-12-13T08:20:00+09:00');
    const late = await runJob('pickup-notices', { job: 'pickup-notices', trigger: 'manual', runId: 'late' }, app.services.deps, pickupNotices);
    expect(late.summary).toEqual({ mailed: 1, items: 1, notByMail: 0, failed: 0, claimedElsewhere: 0 });
    expect(await mailsTo(email)).toHaveLength(1);
  });
});

describe('SPEC 6 renewals', () => {
  const renew = (token: string, itemIds: string[], headers: Record<string, string> = {}) =>
    app.request('POST', '/api/me/loans/renew', { token, body: { itemIds }, headers });

  it('renews once: new due date = renewal day + 14; a second time is ALREADY_RENEWED', async () => {
    await at('2026-12-12T10:00:00+09:00');
    const patron = await newPatron(app, staff);
    const { itemIds } = await newTitle(app, staff, [{}]);
    expect((await lent(app, staff, patron.cardNumber, itemIds[0] as string)).dueDate).toBe('2026-12-26');
    await at('2026-12-20T10:00:00+09:00');
    const token = await app.patronToken(patron.cardNumber, '0505');
    const first = await renew(token, [itemIds[0] as string]);
    expect(first.body.results).toEqual([{ itemId: itemIds[0], ok: true, dueDate: '2027-01-03' }]);
    const again = await renew(token, [itemIds[0] as string]);
    expect(again.body.results[0]).toMatchObject({ ok: false, error: { code: 'ALREADY_RENEWED', reasons: ['ALREADY_RENEWED'] } });
    const events = (await app.request('GET', '/admin/local/events?limit=20')).body as any[];
    expect(events.find((e) => e.detailType === 'LoanRenewed' && e.detail.itemId === itemIds[0])?.detail).toMatchObject({ dueDate: '2027-01-03' });
  });

  it('the status page shows the due date a renewal would give, and that a same-day renewal would not move it', async () => {
    await at('2026-12-12T10:30:00+09:00');
    const patron = await newPatron(app, staff);
    const { itemIds } = await newTitle(app, staff, [{}]);
    await lent(app, staff, patron.cardNumber, itemIds[0] as string);
    const loanOf = async () => {
      const token = await app.patronToken(patron.cardNumber, '0505');
      return ((await app.request('GET', '/api/me/status', { token })).body.loans as any[])[0];
    };
    expect(await loanOf()).toMatchObject({ dueDate: '2026-12-26', renewable: true, renewalDueDate: '2026-12-26', renewalExtends: false });
    await at('2026-12-15T10:30:00+09:00');
    expect(await loanOf()).toMatchObject({ dueDate: '2026-12-26', renewable: true, renewalDueDate: '2026-12-29', renewalExtends: true });
  });

  it('reports every reason: HAS_HOLDS, INTERLIBRARY, OVERDUE; renewing on the due date itself is allowed', async () => {
    await at('2026-12-12T11:00:00+09:00');
    const patron = await newPatron(app, staff);
    const waiter = await newPatron(app, staff);
    const held = await newTitle(app, staff, [{}, { branch: 'west' }]);
    const ill = await newTitle(app, staff, [{ interlibrary: true }]);
    const plain = await newTitle(app, staff, [{}]);
    for (const t of [held, ill, plain]) expect((await lent(app, staff, patron.cardNumber, t.itemIds[0] as string)).dueDate).toBe('2026-12-26');
    await holdPlaced(app, waiter.token, held.titleId, 'central'); // another copy is on the shelf: still blocks
    await at('2026-12-27T10:00:00+09:00'); // due 12-26: overdue
    const token = await app.patronToken(patron.cardNumber, '0505');
    const answer = await renew(token, [held.itemIds[0] as string, ill.itemIds[0] as string, plain.itemIds[0] as string], { 'accept-language': 'en' });
    expect(answer.body.results).toEqual([
      { itemId: held.itemIds[0], ok: false, error: { code: 'HAS_HOLDS', message: expect.any(String), reasons: ['HAS_HOLDS', 'OVERDUE'] } },
      { itemId: ill.itemIds[0], ok: false, error: { code: 'INTERLIBRARY', message: expect.any(String), reasons: ['INTERLIBRARY', 'OVERDUE'] } },
      { itemId: plain.itemIds[0], ok: false, error: { code: 'OVERDUE', message: 'Overdue loans cannot be renewed.', reasons: ['OVERDUE'] } },
    ]);
    const loans = (await statusOf(app, token)).loans as any[];
    expect(loans.find((l) => l.itemId === plain.itemIds[0])).toMatchObject({ renewable: false, reasons: ['OVERDUE'] });

    await at('2026-12-26T10:00:00+09:00');
    const onDueDate = await renew(await app.patronToken(patron.cardNumber, '0505'), [plain.itemIds[0] as string]);
    expect(onDueDate.body.results[0]).toEqual({ itemId: plain.itemIds[0], ok: true, dueDate: '2027-01-09' });
  });

  it('only the borrower can renew a loan', async () => {
    await at('2026-12-12T12:00:00+09:00');
    const borrower = await newPatron(app, staff);
    const stranger = await newPatron(app, staff);
    const { itemIds } = await newTitle(app, staff, [{}]);
    expect((await lent(app, staff, borrower.cardNumber, itemIds[0] as string)).dueDate).toBe('2026-12-26');
    const answer = await renew(stranger.token, [itemIds[0] as string]);
    expect(answer.body.results).toEqual([{ itemId: itemIds[0], ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) }]);
    expect((await statusOf(app, borrower.token)).loans).toEqual([expect.objectContaining({ itemId: itemIds[0], dueDate: '2026-12-26', renewed: false })]);
  });
});
