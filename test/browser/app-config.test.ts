import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE } from '../support/browser.js';
import { openStaffConsole } from '../support/staff-console.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;

// A stack configured for another library: the apps must say what it says, not the demo's rules.
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ env: { LIBRARY_NAME: 'ひたちなか市立図書館', HOLD_LIMIT: '10' } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('SPEC 11 the apps show the rules of GET /api/config', () => {
  it('the patron app names the configured library and hold limit', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.url}/`);
    await page.getByTestId('how-to').waitFor();
    expect(await page.getByTestId('how-to').textContent()).toContain('合わせて10点までです');
    expect(await page.locator('.brand-library').textContent()).toBe('ひたちなか市立図書館');
    expect(await page.title()).toContain('ひたちなか市立図書館');
    await page.close();
  });

  it('the staff console names the configured library', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.url}/staff/`);
    await page.getByTestId('login-form').waitFor();
    expect(await page.locator('h1').first().textContent()).toBe('ひたちなか市立図書館 職員画面');
    expect(await page.title()).toBe('ひたちなか市立図書館 職員画面');
    await page.close();
  });
});

describe('SPEC 2 the staff console edits weekly hours', () => {
  it("shows the branch's weekly hours, saves a change, and prefills a day from them", async () => {
    const page = await openStaffConsole(browser, app.url, STAFF_PASSWORD, 'east');
    await page.getByTestId('nav-calendar').click();
    const monday = page.getByTestId('weekly-mon');
    await monday.waitFor();
    expect(await monday.locator('input[type=checkbox]').isChecked()).toBe(false);
    await monday.locator('input[type=checkbox]').check();
    await monday.locator('input[type=time]').nth(1).fill('16:00');
    await page.getByTestId('weekly-submit').click();
    await page.getByTestId('weekly-result').waitFor();
    const stored = await app.request('GET', '/admin/branches/east/hours', { token: await app.staffToken() });
    expect(stored.body.mon).toEqual({ opensAt: '09:30', closesAt: '16:00' });
    // 2026-12-07 is a Monday: the day editor now starts from east's Monday hours.
    await page.getByTestId('calendar-date').fill('2026-12-07');
    expect(await page.getByTestId('calendar-open').isChecked()).toBe(true);
    expect(await page.getByTestId('calendar-closes-at').inputValue()).toBe('16:00');
    await page.close();
  });
});
