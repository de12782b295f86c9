import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE, snap } from '../support/browser.js';
import { holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';
import { openStaffConsole } from '../support/staff-console.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 10.3 / 10.8 at the counter (1280 px): the morning pull list as a clerk reads and
 * prints it, and the console's dates and times from the service's clock. The server's clock
 * is years away from this machine's (the browser keeps the real clock), so a date or time
 * taken from the PC would show.
 */
let app: TestApp;
let browser: Browser;

// Tuesday evening after closing, in 2031: far from any real date the tests run on.
const EVENING = '2031-07-15T20:30:00+09:00';
const NEXT_MORNING = '2031-07-16T07:00:30+09:00';

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ startAt: EVENING }), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('SPEC 5.4 the morning pull list in the staff console', () => {
  it('a hold requested at 20:30 is on the next morning’s list of the branch with the copy: call number, shelf, title, author, masked card; dates on the service’s clock', {
    timeout: 120_000,
  }, async () => {
    const staff = await app.staffToken();
    const patron = await newPatron(app, staff);
    const evening = await newTitle(app, staff, [{ branch: 'east', callNumber: '913.6/ミ' }], { title: '偕楽園の梅', author: '水戸 光子' });
    const other = await newTitle(app, staff, [{ branch: 'east', callNumber: '007.6/ア' }], { title: '朝の予約' });
    const hold = await holdPlaced(app, patron.token, evening.titleId, 'central');

    expect((await app.setClock(NEXT_MORNING)).status).toBe(200);
    // Requested this morning at the counter: searched for from tomorrow, so not on today's list.
    const morning = await app.request('POST', '/admin/holds', {
      token: await app.staffToken(),
      body: { cardNumber: patron.cardNumber, titleId: other.titleId, pickupBranch: 'east' },
    });
    expect(morning.status).toBe(201);

    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'east');
    await page.getByTestId('nav-pull-list').click();
    const rows = page.getByTestId('pull-list-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.getAttribute('data-item-id')).toBe(evening.itemIds[0]);
    expect(await row.getByTestId('pull-list-call-number').textContent()).toBe('913.6/ミ');
    expect(await row.getByTestId('pull-list-shelf').textContent()).toBe('東部図書館');
    expect(await row.getByTestId('pull-list-card').textContent()).toBe(`****${patron.cardNumber.slice(-4)}`);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('偕楽園の梅');
    expect(text).toContain('水戸 光子');
    expect(text).toContain('中央図書館');
    // Named by the masked card number, never by the internal hold id or the whole card number.
    expect(text).not.toContain(hold.holdId);
    expect(text).not.toContain(patron.cardNumber);

    // The list's day and the time it was read are the service's, not the PC's.
    expect(await page.getByTestId('pull-list').locator('caption').textContent()).toContain('2031年7月16日(水)');
    expect(await page.getByTestId('pull-list-loaded-at').textContent()).toMatch(/^7\/16 07:0\d:\d\d 時点$/);
    // Labelled, on the service's clock: logged in at 07:0x, a shift of 8 hours.
    expect(await page.getByTestId('session-end').textContent()).toMatch(/^セッション終了 15:0\d$/);
    await snap(page, 'staff-pull-list');

    // Printed: the list with its branch and day; no navigation, filters or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('pull-list').isVisible()).toBe(true);
    expect(await page.locator('.print-heading').textContent()).toContain('東部図書館 / 2031年7月16日(水)');
    expect(await page.getByTestId('pull-list-filters').isVisible()).toBe(false);
    expect(await page.getByTestId('nav-pull-list').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('the calendar page opens on the service’s today, and the counter’s scan log stamps the service’s time', { timeout: 60_000 }, async () => {
    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'central');
    await page.getByTestId('checkin-scan').fill('NO-SUCH-COPY');
    await page.getByTestId('checkin-scan').press('Enter');
    const logged = page.getByTestId('scan-log-row').first();
    await logged.waitFor();
    expect(await logged.textContent()).toMatch(/07:\d\d:\d\d/);
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-date').waitFor();
    expect(await page.getByTestId('calendar-date').inputValue()).toBe('2031-07-16');
    await page.close();
  });

  it('an administrator registers a copy with its 請求記号 on the title’s page; the console and the patron app list it with the copy', { timeout: 60_000 }, async () => {
    const { titleId } = await newTitle(app, await app.staffToken(), [{ branch: 'central', callNumber: '913.6/カ' }], { title: '弘道館の朝' });
    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'miwa');
    await page.goto(`${app.url}/staff/#/holds/${titleId}`);
    await page.getByTestId('add-copy-form').waitFor();
    await page.getByTestId('copy-item-id').fill(`${titleId}-MIWA`);
    await page.getByTestId('copy-call-number').fill('  913.6/カ  ');
    await page.getByTestId('add-copy-submit').click();
    expect(await page.getByTestId('add-copy-result').textContent()).toContain('請求記号 913.6/カ');
    const added = page.locator(`[data-testid="title-copy-row"][data-item-id="${titleId}-MIWA"]`);
    await added.waitFor();
    expect(await added.getByTestId('title-copy-call-number').textContent()).toBe('913.6/カ');
    expect(await added.textContent()).toContain('見和図書館');
    await page.close();

    const phone = await browser.newPage({ viewport: PHONE });
    await phone.goto(`${app.url}/#/titles/${titleId}`);
    const copy = phone.locator(`[data-testid="copy-row"][data-item-id="${titleId}-MIWA"]`);
    await copy.waitFor();
    expect(await copy.getByTestId('copy-call-number').textContent()).toBe('請求記号 913.6/カ');
    await phone.close();
  });
});
