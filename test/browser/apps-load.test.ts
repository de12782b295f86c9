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

  it("the patron app's first frame is a working search form, before (or without) its script", async () => {
    const noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${app.url}/`);
    await page.locator('#shell-q').fill('ねこ');
    await page.locator('#shell-q').press('Enter');
    await page.waitForURL(/\/\?q=/);
    await noScript.close();
    // The same URL with the app running lands on the results of that search.
    const live = await browser.newPage({ viewport: PHONE });
    await live.goto(`${app.url}/?q=${encodeURIComponent('ねこ')}`);
    await live.getByTestId('result-count').waitFor();
    expect(new URL(live.url()).hash).toContain('q=');
    expect(await live.getByTestId('search-input').inputValue()).toBe('ねこ');
    await live.close();
  });

  it('the patron app asks for its rules once, with the page: GET /api/config is on its way before app.js has arrived', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const events: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/config') events.push('config asked');
    });
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/app.js') events.push('app.js arrived');
    });
    await page.goto(`${app.url}/`);
    await page.getByTestId('search-input').waitFor();
    // Preloaded by index.html and taken by the app's own fetch: one request, before the script.
    expect(events.filter((e) => e === 'config asked')).toHaveLength(1);
    expect(events.indexOf('config asked')).toBeLessThan(events.indexOf('app.js arrived'));
    await page.close();
  });

  it('the patron app switches to English (its words fetched on the switch) and back; a reload keeps English from the first frame', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.url}/`);
    const toggle = page.getByTestId('lang-switch');
    await toggle.click();
    await toggle.filter({ hasText: '日本語' }).waitFor();
    expect(await page.locator('nav').first().textContent()).toContain('Search');
    await page.reload();
    await toggle.filter({ hasText: '日本語' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await toggle.click();
    await toggle.filter({ hasText: 'English' }).waitFor();
    expect(await page.locator('nav').first().textContent()).toContain('資料検索');
    await page.close();
  });

  it('API paths still answer JSON, never the app', async () => {
    const answer = await app.request('GET', '/api/no-such-route');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});
