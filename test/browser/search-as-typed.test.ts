import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClassicTitleIds as classics } from '../../lib/local/demo-catalog/index.js';
import { launchBrowser, PHONE, snap } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ demoCatalogTitles: 60 }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const phonePage = () => browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });

const searchFor = async (page: Page, words: string) => {
  await page.getByTestId('search-input').fill(words);
  await page.getByTestId('search-submit').click();
  await page.locator('[data-testid="result-count"]').waitFor();
};

const resultTitles = (page: Page) => page.getByTestId('result-item').allTextContents();

describe('SPEC 4 / issue 10: search as a patron types it, on a phone', () => {
  it('わがはいはねこである — the title in full hiragana, the particle as written — finds 吾輩は猫である', async () => {
    const page = await phonePage();
    await page.goto(`${app.url}/`);
    await searchFor(page, 'わがはいはねこである');
    const result = page.locator(`[data-testid="result-item"][data-title-id="${classics.wagahai}"]`);
    await result.waitFor();
    expect(await result.textContent()).toContain('吾輩は猫である');
    expect(await page.getByTestId('no-results').count()).toBe(0);
    await snap(page, 'search-as-typed-01-wagahai');
    await page.close();
  });

  it('no results: suggestions that differ from the query, no hint to do what was just done, and 詳細検索 fields right there', async () => {
    const page = await phonePage();
    await page.goto(`${app.url}/`);
    await searchFor(page, 'わがはいはいぬである');
    expect(await page.getByTestId('result-count').getAttribute('data-total')).toBe('0');
    const panel = page.getByTestId('no-results');
    await panel.waitFor();

    const suggestions = panel.getByTestId('suggestion');
    const labels = await suggestions.allTextContents();
    expect(labels).toContain('「わがはい」で探す');
    expect(labels.join()).not.toContain('「わがはいはいぬである」');
    // Typed in hiragana already: the hint is kanji, not "type it in hiragana".
    const hints = await panel
      .getByTestId('search-hints')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-hint')));
    expect(hints).toContain('kanji');
    expect(hints).not.toContain('kana');

    // 詳細検索's fields, visible without opening anything.
    for (const id of ['#retry-title', '#retry-author', '#retry-publisher', '#retry-isbn']) expect(await page.locator(id).isVisible(), id).toBe(true);
    await snap(page, 'search-as-typed-02-no-results');
    await page.setViewportSize({ width: 320, height: 740 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

    // A suggestion leads to results.
    await suggestions.filter({ hasText: '「わがはい」で探す' }).click();
    await page.locator(`[data-testid="result-item"][data-title-id="${classics.wagahai}"]`).waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('わがはい');
    expect(await page.getByTestId('no-results').count()).toBe(0);
    await page.close();
  });

  it('the 詳細検索 fields under no results search by author; a kanji query that found nothing hints at hiragana', async () => {
    const page = await phonePage();
    await page.goto(`${app.url}/`);
    await searchFor(page, '漱石全集');
    const panel = page.getByTestId('no-results');
    await panel.waitFor();
    const hints = await panel
      .getByTestId('search-hints')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-hint')));
    expect(hints).toEqual(['kana', 'author']);
    await page.locator('#retry-author').fill('なつめ そうせき');
    await page.getByTestId('retry-submit').click();
    await page.locator(`[data-testid="result-item"][data-title-id="${classics.kokoro}"]`).waitFor();
    expect((await resultTitles(page)).length).toBe(4);
    expect(new URL(page.url()).hash).toContain('author=');
    await page.close();
  });
});
