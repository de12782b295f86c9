import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loanImporter } from '../../functions/use-cases/import-loans.js';
import { runImport } from '../../lib/import/run-import.js';
import { holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;

const mailsTo = async (address: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(address));
};
const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};
const checkIn = async (itemId: string, branch: string) => {
  const answer = await app.request('POST', '/admin/checkin', { token: staff, body: { itemId, branch } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
/** A loan from the old system, due before today (SPEC 6 migration): an overdue loan without moving the clock for weeks. */
const overdueLoan = async (cardNumber: string, itemId: string) => {
  const row = { cardNumber, itemId, checkoutDate: '2026-11-10', dueDate: '2026-11-24' };
  const report = await runImport(Readable.from(`${JSON.stringify(row)}\n`), loanImporter(app.services.deps), {
    label: 'loans',
    format: 'jsonl',
    log: { write: () => true },
  });
  expect(report).toMatchObject({ imported: 1 });
};
const patronAtCounter = (card: string) => app.request('GET', `/admin/patrons/${card}`, { token: staff });

// 2026-12-01 is a Tuesday; the demo branches close on Mondays.
beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-01T10:01:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app?.stop());

describe('SPEC 11 the counter knows the patron (issue 10.5); SPEC 5.6 the pickup mail names the branch (issue 10.6)', () => {
  it('check-in answers say whose hold a copy is for; the patron view lists the ready copy, the overdue loan; the mail gives the phone and hours', {
    timeout: 120_000,
  }, async () => {
    const patron = await newPatron(app, staff);
    const email = `counter-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.jp`;
    expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
    const here = await newTitle(app, staff, [{ branch: 'central' }], { title: '水戸黄門漫遊記' });
    const away = await newTitle(app, staff, [{ branch: 'east' }], { title: '偕楽園の四季' });
    const borrowed = await newTitle(app, staff, [{ branch: 'central' }]);
    const late = await newTitle(app, staff, [{ branch: 'central' }]);
    await lent(app, staff, patron.cardNumber, borrowed.itemIds[0] as string);
    await overdueLoan(patron.cardNumber, late.itemIds[0] as string);
    const holdHere = await holdPlaced(app, patron.token, here.titleId, 'central');
    const holdAway = await holdPlaced(app, patron.token, away.titleId, 'central');
    await registerNow();

    // On the hold shelf here: card, name, pickup branch and deadline for the slip.
    expect(await checkIn(here.itemIds[0] as string, 'central')).toEqual({
      action: 'HOLD_SHELF',
      holdId: holdHere.holdId,
      pickupDeadline: '2026-12-09',
      titleId: here.titleId,
      title: '水戸黄門漫遊記',
      cardNumber: patron.cardNumber,
      patronName: '予約 花子',
      pickupBranch: 'central',
    });
    // Pulled at east for a hold at central: the slip travels with the copy.
    expect(await checkIn(away.itemIds[0] as string, 'east')).toEqual({
      action: 'TRANSIT',
      toBranch: 'central',
      holdId: holdAway.holdId,
      titleId: away.titleId,
      title: '偕楽園の四季',
      cardNumber: patron.cardNumber,
      patronName: '予約 花子',
      pickupBranch: 'central',
    });
    // A copy for nobody names nobody.
    const free = await newTitle(app, staff, [{ branch: 'central' }]);
    expect(await checkIn(free.itemIds[0] as string, 'central')).toEqual({ action: 'SHELVE', branch: 'central', titleId: free.titleId, title: expect.any(String) });

    const view = await patronAtCounter(patron.cardNumber);
    expect(view.status).toBe(200);
    expect(view.body.profile.name).toBe('予約 花子');
    expect(view.body.holds.find((h: any) => h.holdId === holdHere.holdId)).toMatchObject({
      status: 'READY',
      itemId: here.itemIds[0],
      pickupBranch: 'central',
      pickupDeadline: '2026-12-09',
    });
    expect(view.body.holds.find((h: any) => h.holdId === holdAway.holdId)).toMatchObject({ status: 'IN_TRANSIT', itemId: away.itemIds[0] });
    expect(view.body.loans).toEqual([
      expect.objectContaining({ itemId: late.itemIds[0], dueDate: '2026-11-24', overdue: true }),
      expect.objectContaining({ itemId: borrowed.itemIds[0], dueDate: '2026-12-15', overdue: false }),
    ]);
    expect((await patronAtCounter('99999998')).status).toBe(404);

    // The 08:00 run of Wed 12-02 mails the ready copy: central's phone and its days to the deadline.
    expect((await app.setClock('2026-12-02T08:00:30+09:00')).status).toBe(200);
    staff = await app.staffToken();
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const text = mails[0].body.text as string;
    expect(text).toContain('■中央図書館\n  電話：029-226-6000\n  12月2日(水) 9:30～19:00\n');
    expect(text).toContain('  12月6日(日) 9:30～17:00\n  12月7日(月) 休館\n');
    expect(text).toContain('  12月9日(水) 9:30～19:00\n\n');
    expect(text).not.toContain('12月10日');
    expect(mails[0].body.html).toContain('<a href="tel:0292266000">029-226-6000</a>');
  });

  it('GET /api/branches gives each branch its phone number', async () => {
    const branches = (await app.request('GET', '/api/branches')).body as any[];
    expect(branches.find((b) => b.code === 'central')).toMatchObject({ name: '中央図書館', phone: '029-226-6000' });
    expect(branches.every((b) => /^029-\d{3}-\d{4}$/.test(b.phone))).toBe(true);
  });
});
