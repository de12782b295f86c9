import { Readable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loanImporter } from '../../functions/use-cases/import-loans.js';
import { runImport } from '../../lib/import/run-import.js';
import { launchBrowser, snap } from '../support/browser.js';
import { holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { openStaffConsole, scanIn } from '../support/staff-console.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;
let staff: string;

/** A loan from the old system (SPEC 6 migration), with the dates given: past loans without moving the clock for weeks. */
const migratedLoan = async (cardNumber: string, itemId: string, checkoutDate: string, dueDate: string) => {
  const row = { cardNumber, itemId, checkoutDate, dueDate };
  const report = await runImport(Readable.from(`${JSON.stringify(row)}\n`), loanImporter(app.services.deps), {
    label: 'loans',
    format: 'jsonl',
    log: { write: () => true },
  });
  expect(report).toMatchObject({ imported: 1 });
};
const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};

// The clock stays at 2026-12-01 10:00 JST (a Tuesday).
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  staff = await app.staffToken();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('SPEC 11 the counter knows the patron (issue 10.5), at 1280 px', () => {
  it('a read card shows the name, the ready hold with its copy and the overdue loan before any item; an unknown card at once', { timeout: 120_000 }, async () => {
    const patron = await newPatron(app, staff);
    const ready = await newTitle(app, staff, [{ branch: 'central' }], { title: '水戸黄門漫遊記' });
    const late = await newTitle(app, staff, [{ branch: 'central' }], { title: '延滞している本' });
    const hold = await holdPlaced(app, patron.token, ready.titleId, 'central');
    await registerNow();
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: ready.itemIds[0], branch: 'central' } })).body.action).toBe('HOLD_SHELF');
    await migratedLoan(patron.cardNumber, late.itemIds[0] as string, '2026-11-10', '2026-11-24');

    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central', 'counter');
    await page.getByTestId('checkout-card').fill(patron.cardNumber);
    await page.getByTestId('checkout-card').press('Enter');
    const card = page.locator('[data-testid="counter-patron"][data-status="ok"]');
    await card.waitFor();
    // Nothing lent yet: all of this came from the card alone.
    expect(await page.getByTestId('checkout-result').getAttribute('data-status')).toBe('none');
    expect(await page.getByTestId('counter-patron-name').textContent()).toBe('予約 花子');
    const readyRow = page.locator(`[data-testid="counter-ready-hold"][data-hold-id="${hold.holdId}"]`);
    expect(await readyRow.textContent()).toContain('水戸黄門漫遊記');
    expect(await readyRow.textContent()).toContain(ready.itemIds[0]);
    const lateRow = page.locator(`[data-testid="counter-loan"][data-item-id="${late.itemIds[0]}"]`);
    expect(await lateRow.getAttribute('data-overdue')).toBe('true');
    expect(await lateRow.textContent()).toContain('延滞');
    expect(await page.getByTestId('counter-patron-problems').textContent()).toContain('返却期限を過ぎた資料が 1 点あります');
    await snap(page, 'counter-knows-patron');

    // The ready copy is lent: the panel reads the patron again.
    await page.getByTestId('checkout-item').fill(ready.itemIds[0] as string);
    await page.getByTestId('checkout-item').press('Enter');
    await page.locator('[data-testid="checkout-result"][data-status="ok"]').waitFor();
    await page.locator(`[data-testid="counter-loan"][data-item-id="${ready.itemIds[0]}"]`).waitFor();
    expect(await readyRow.count()).toBe(0);
    await page.getByTestId('counter-ready-none').waitFor();
    // The overdue book comes back at the same counter: no longer listed, nothing to say.
    expect((await scanIn(page, late.itemIds[0] as string)).action).toBe('SHELVE');
    await lateRow.waitFor({ state: 'detached' });
    expect(await page.getByTestId('counter-patron-problems').count()).toBe(0);

    // Another card, unknown: said at once, with no item read.
    await page.getByTestId('checkout-next-patron').click();
    await page.getByTestId('checkout-card').fill('99999998');
    const unknown = page.locator('[data-testid="counter-patron"][data-status="unknown"]');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('利用者番号 99999998 は登録されていません');
    expect(await page.getByTestId('checkout-result').getAttribute('data-status')).toBe('none');
    await page.close();
  });

  it('a return that fills a hold shows whose hold it is, and the hold-shelf slip prints alone', { timeout: 120_000 }, async () => {
    const borrower = await newPatron(app, staff);
    const waiting = await newPatron(app, staff);
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }], { title: '偕楽園の四季' });
    const itemId = itemIds[0] as string;
    await lent(app, staff, borrower.cardNumber, itemId);
    const hold = await holdPlaced(app, waiting.token, titleId, 'central');
    await registerNow();

    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central', 'counter');
    const scanned = await scanIn(page, itemId);
    expect(scanned.action).toBe('HOLD_SHELF');
    expect(await page.getByTestId('checkin-destination').getAttribute('data-hold-id')).toBe(hold.holdId);
    const forWhom = (await page.getByTestId('checkin-patron').textContent()) ?? '';
    expect(forWhom).toContain(waiting.cardNumber);
    expect(forWhom).toContain('予約 花子');
    expect(forWhom).not.toContain(borrower.cardNumber);
    await page.getByTestId('hold-slip-print').waitFor();
    await snap(page, 'counter-hold-shelf-banner');
    // The patron comes for it: their card lists it with its copy number.
    await page.getByTestId('checkout-card').fill(waiting.cardNumber);
    await page.locator(`[data-testid="counter-ready-hold"][data-hold-id="${hold.holdId}"]`).waitFor();
    expect(await page.locator(`[data-testid="counter-ready-hold"][data-hold-id="${hold.holdId}"]`).textContent()).toContain(itemId);
    await snap(page, 'staff-counter');

    // On screen the slip is not shown; printed, it is all there is.
    const slip = page.getByTestId('hold-slip');
    expect(await slip.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await slip.isVisible()).toBe(true);
    expect(await page.getByTestId('checkin-destination-text').isVisible()).toBe(false);
    expect(await page.getByTestId('counter-patron-name').isVisible()).toBe(false);
    const printed = (await slip.textContent()) ?? '';
    for (const fact of ['取置票', '偕楽園の四季', waiting.cardNumber, '予約 花子', '中央図書館', '取置期限', itemId]) expect(printed).toContain(fact);
    expect(printed).toMatch(/2026年12月\d+日/);
    await snap(page, 'counter-hold-slip-print');
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });
});

describe('SPEC 6 / 11 renewal by phone shows what it gives (issue 10.1)', () => {
  it('each loan says 返却期限日 X → Y; a loan lent today is not offered a renewal and says why', { timeout: 120_000 }, async () => {
    const patron = await newPatron(app, staff);
    const today = await newTitle(app, staff, [{ branch: 'central' }], { title: '今日借りた本' });
    const earlier = await newTitle(app, staff, [{ branch: 'central' }], { title: '先週借りた本' });
    await lent(app, staff, patron.cardNumber, today.itemIds[0] as string);
    await migratedLoan(patron.cardNumber, earlier.itemIds[0] as string, '2026-11-25', '2026-12-09');

    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central', 'counter');
    await page.goto(`${app.url}/staff/#/patron/${patron.cardNumber}`);
    await page.getByTestId('patron-profile').waitFor();
    const lentToday = page.locator(`[data-testid="patron-loan"][data-item-id="${today.itemIds[0]}"]`);
    const lentBefore = page.locator(`[data-testid="patron-loan"][data-item-id="${earlier.itemIds[0]}"]`);
    // Lent today (12-01, due 12-15): renewing today gives 12-15 again.
    expect(await lentToday.getByTestId('patron-loan-renew').count()).toBe(0);
    expect(await lentToday.getByTestId('patron-loan-not-renewable').textContent()).toContain('今日延長しても返却期限日は変わりません');
    // Due 12-09: renewing today gives 12-15.
    expect(await lentBefore.getByTestId('patron-loan-renewal-preview').textContent()).toBe('返却期限日 2026年12月9日(水) → 2026年12月15日(火)');
    await snap(page, 'staff-renewal-preview');
    await lentBefore.getByTestId('patron-loan-renew').click();
    await lentBefore.getByTestId('patron-loan-renew-result').waitFor();
    expect(await lentBefore.getByTestId('patron-loan-renew-result').textContent()).toContain('2026年12月15日');
    expect(await lentBefore.getByTestId('patron-loan-renew').count()).toBe(0);
    await page.close();
  });
});
