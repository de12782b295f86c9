import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE, snap } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the browser apps are served on the API origin with security headers', () => {
  it.each([
    ['patron app', '/', 'patron-home'],
    ['staff console', '/staff/', 'staff-home'],
  ])('%s loads without script errors under the CSP', async (_name, path, shot) => {
    const page = await browser.newPage({ viewport: PHONE });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const response = await page.goto(app.url + path);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.waitForSelector('#app > *');
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    await snap(page, shot);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('API paths still answer JSON, never the app', async () => {
    const answer = await app.request('GET', '/api/no-such-route');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});
