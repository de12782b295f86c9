import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE, snap } from '../support/browser.js';
import { newPatron, newTitle } from '../support/library-fixtures.js';
import { logIn } from '../support/patron-app.js';
import { openStaffConsole } from '../support/staff-console.js';
import { CHANGED_PASSWORD, STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;
let staff: string;

// The clock stays at 2026-12-01 10:00 JST (a Tuesday).
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  staff = await app.staffToken();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('SPEC 10.4 mail that bounces, in the apps', () => {
  it('SPEC 10.4: after a permanent bounce the patron sees a banner on every page until they save a new address; staff see the marker', { timeout: 120_000 }, async () => {
    const email = `banner${Date.now()}@example.jp`;
    const patron = await newPatron(app, staff);
    expect((await app.request('PUT', '/api/me/contact', { token: patron.token, body: { email, contactMethod: 'EMAIL' } })).status).toBe(200);
    const { titleId, itemIds } = await newTitle(app, staff, [{}], { title: '届かないメールの本' });
    const holdId = (await app.request('POST', '/admin/holds', { token: staff, body: { cardNumber: patron.cardNumber, titleId, pickupBranch: 'central' } })).body
      .holdId as string;
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: itemIds[0], branch: 'central' } })).body.action).toBe('HOLD_SHELF');
    expect((await app.request('POST', '/admin/local/mail-feedback', { body: { email, type: 'Bounce', bounceType: 'Permanent' } })).body).toMatchObject({ marked: 1 });

    // The patron: a banner on the status page and on the search page, linking to 連絡先変更.
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.url}/#/login`);
    await logIn(page, patron.cardNumber, CHANGED_PASSWORD);
    const banner = page.getByTestId('email-bouncing');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('メールが届きませんでした');
    await snap(page, 'bounce-banner');
    await page.goto(`${app.url}/#/search`);
    await page.getByTestId('email-bouncing').waitFor();
    await page.getByTestId('email-bouncing-link').click();
    await page.getByTestId('contact-form').waitFor();
    expect(page.url()).toContain('#/contact');

    // Staff, before the patron fixes it: the contact list and the patron page say the mail bounces.
    const console = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central');
    await console.goto(`${app.url}/staff/#/contact-list`);
    const row = console.locator(`[data-testid="contact-list-row"][data-hold-id="${holdId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('contact-list-bounced').textContent()).toBe('メール不達');
    await console.goto(`${app.url}/staff/#/patron/${patron.cardNumber}`);
    await console.getByTestId('patron-email-bouncing').waitFor();
    await snap(console, 'bounce-staff-patron');

    // A new address: saved, and the banner is gone on this page and the next.
    const fresh = `fixed${Date.now()}@example.jp`;
    await page.locator('#contact-email').fill(fresh);
    await page.getByTestId('contact-save').click();
    await banner.waitFor({ state: 'detached' });
    await page.goto(`${app.url}/#/search`);
    await page.getByTestId('search-form').or(page.locator('form')).first().waitFor();
    expect(await page.getByTestId('email-bouncing').count()).toBe(0);
    expect((await app.request('GET', '/api/me', { token: await app.patronToken(patron.cardNumber, '0505') })).body).toMatchObject({ email: fresh, emailStatus: 'OK' });

    // And the staff console no longer marks them.
    await console.goto(`${app.url}/staff/#/contact-list`);
    await console.getByTestId('contact-list').or(console.getByTestId('contact-list-empty')).first().waitFor();
    expect(await console.locator(`[data-testid="contact-list-row"][data-hold-id="${holdId}"]`).count()).toBe(0);
  });
});
