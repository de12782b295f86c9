import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;

// A stack configured for another library: the apps must say what it says, not the demo's rules.
beforeAll(async () => {
  [app, browser] = await Promise.all([
    startTestApp({ env: { LIBRARY_NAME: 'ひたちなか市立図書館', HOLD_LIMIT: '10' } }),
    launchBrowser(),
  ]);
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
