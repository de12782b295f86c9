import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from '../support/browser.js';
import { lent, newTitle } from '../support/library-fixtures.js';
import { openStaffConsole } from '../support/staff-console.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('SPEC 11 in the staff console', () => {
  it("COUNTER staff see no administrators' pages, and a typed-in one says so", async () => {
    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central', 'counter');
    expect(await page.getByTestId('staff-info').textContent()).toContain('カウンター');
    await expect(page.getByTestId('nav-patrons').isVisible()).resolves.toBe(true);
    for (const adminPage of ['calendar', 'jobs', 'staff']) expect(await page.getByTestId(`nav-${adminPage}`).count()).toBe(0);
    await page.goto(`${app.url}/staff/#/calendar`);
    await page.getByTestId('admin-only').waitFor();
    await page.close();
  });

  it('a patron found by the start of the name in hiragana; renew a loan and see the new date', { timeout: 90_000 }, async () => {
    const staff = await app.staffToken();
    const registered = await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber: '71000001', name: 'ミト ハナコ', birthDate: '1985-04-01' } });
    expect(registered.status).toBe(201);
    const { itemIds } = await newTitle(app, staff, [{}]);
    await lent(app, staff, '71000001', itemIds[0] as string);
    expect((await app.setClock('2026-12-02T10:00:00+09:00')).status).toBe(200);
    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central', 'counter');
    await page.getByTestId('nav-patrons').click();
    await page.getByTestId('patron-lookup-q').fill('みと は');
    await page.getByTestId('patron-lookup-submit').click();
    await page.getByTestId('patron-lookup-result').first().click();
    await page.getByTestId('patron-profile').waitFor();
    expect(await page.getByTestId('patron-profile').textContent()).toContain('71000001');
    const loan = page.locator(`[data-testid="patron-loan"][data-item-id="${itemIds[0]}"]`);
    await loan.getByTestId('patron-loan-renew').click();
    await loan.getByTestId('patron-loan-renew-result').waitFor();
    // Renewed on 12-02: due 12-16 (the renewal day + 14).
    expect(await loan.getByTestId('patron-loan-renew-result').textContent()).toContain('2026年12月16日');
    await snap(page, 'staff-patron-page');
    await page.close();
  });

  it('an ADMIN adds a COUNTER account and disables it', async () => {
    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central');
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-id').fill('clerk-web');
    await page.getByTestId('staff-name').fill('画面 係');
    await page.getByTestId('staff-password').fill('clerk-web-pass');
    await page.getByTestId('add-staff-submit').click();
    const row = page.locator('[data-testid="staff-row"][data-staff-id="clerk-web"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('カウンター');
    expect(await page.locator('[data-testid="staff-row"][data-staff-id="admin"]').getByTestId('staff-disable').count()).toBe(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('staff-disable').click();
    await page.getByTestId('staff-notice').waitFor();
    await expect.poll(async () => row.textContent()).toContain('無効');
    await snap(page, 'staff-accounts');
    expect((await app.request('POST', '/admin/login', { body: { staffId: 'clerk-web', password: 'clerk-web-pass' } })).status).toBe(401);
    await page.close();
  });
});
