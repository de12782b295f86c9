import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClassicTitleIds as classics } from '../../lib/local/demo-catalog/index.js';
import { launchBrowser, onServerClock, PHONE, snap, type ServerClockBrowser } from '../support/browser.js';
import { lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { logIn, until, visit } from '../support/patron-app.js';
import { CHANGED_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;
let clocked: ServerClockBrowser;
let staff: string;
/** A patron of this file (password already changed from the initial one). */
let patron: { card: string; password: string; token: string };

// 2026-12-01 is a Tuesday: every branch open 09:30–19:00; holds register every 10 minutes.
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ startAt: '2026-12-01T10:01:00+09:00', demoCatalogTitles: 60 }), launchBrowser()]);
  clocked = onServerClock(browser, { now: () => app.services.clock.now(), setClock: (iso) => app.setClock(iso) });
  staff = await app.staffToken();
  const made = await newPatron(app, staff);
  patron = { card: made.cardNumber, password: CHANGED_PASSWORD, token: made.token };
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Opens `hash` signed in as the patron (through the login page when the session has ended). */
const visitSignedIn = (page: Page, hash: string, readyTestId: string) =>
  visit(page, app.url, `#/login?next=${encodeURIComponent(hash.replace(/^#/, ''))}`, patron, readyTestId);
/** Dates carry U+2060 so that they never break across lines; compare without it. */
const WORD_JOINER = '\u2060';
const wide = (ascii: string) => ascii.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** The data-testid of the focused element (or of its nearest ancestor that has one). */
const focusedTestId = (page: Page) =>
  page.evaluate<string | null>(`document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null`);

// In-page checks, as source text (the tests are type-checked without the DOM library).
/** Elements reaching past either side of the viewport, and the document's own sideways scroll. */
const OVERFLOW = `(() => {
  const wide = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) wide.push('document ' + doc.scrollWidth + '>' + doc.clientWidth);
  for (const el of document.querySelectorAll('header, header *, nav, nav *, main *')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > doc.clientWidth + 0.5 || box.left < -0.5)) wide.push(el.tagName + '.' + el.className + ' ' + Math.round(box.left) + '-' + Math.round(box.right));
  }
  return wide;
})()`;
/** 'ok' when the basket badge sits inside its menu item and clear of the label's text. */
const BADGE = `(() => {
  const count = document.querySelector('[data-testid="nav-basket-count"]');
  const link = document.querySelector('[data-testid="nav-basket"]');
  if (!count || !link) return 'no badge';
  const c = count.getBoundingClientRect();
  const l = link.getBoundingClientRect();
  const label = document.createRange();
  label.selectNodeContents(link.firstChild);
  const text = label.getBoundingClientRect();
  const inside = c.left >= l.left - 0.5 && c.right <= l.right + 0.5 && c.top >= l.top - 0.5 && c.bottom <= l.bottom + 0.5;
  const clear = c.left >= text.right - 0.5 || c.top >= text.bottom - 0.5 || c.bottom <= text.top + 0.5;
  return inside && clear ? 'ok' : JSON.stringify({ badge: c, link: l, label: text });
})()`;
/** Headings and 書誌情報 labels whose text runs over more than one line (a word split). */
const SPLIT = `(() => {
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  const split = [...document.querySelectorAll('#details-heading, .details dt, main h2, [data-testid="basket-details-link"], .mine-link')].filter((el) => lines(el) > 1).map((el) => el.textContent);
  // A value may wrap, but between its words (the reading ワガハイ ワ ネコ …), not inside one.
  for (const dd of document.querySelectorAll('.details dd')) {
    const node = dd.firstChild;
    if (!node || node.nodeType !== 3) continue;
    const text = node.textContent;
    for (const match of text.matchAll(/[^ 　]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(match[0]);
    }
  }
  return split;
})()`;

describe('issue 10: the patron app says what is already true, and where the answer is', () => {
  it('SPEC 3 a card number typed in full width logs in; a failed login puts the focus on its message', async () => {
    const page = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${app.url}/#/login`);
    await logIn(page, patron.card, '999999');
    await page.getByTestId('login-error').waitFor();
    await until(async () => (await focusedTestId(page)) === 'login-error', 'focus on the login error');

    await logIn(page, wide(patron.card), patron.password);
    await page.getByTestId('user-name').waitFor();
    expect(await page.getByTestId('login-form').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('SPEC 5.2 reserve on the title page: the result has the focus and says when the hold registers; the title then says 予約済み everywhere and is not offered again', async () => {
    const page = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await visitSignedIn(page, `#/titles/${classics.wagahai}`, 'reserve-form');
    await page.getByTestId('pickup-branch').selectOption('central');
    await page.getByTestId('reserve-submit').click();
    const result = page.getByTestId('reserve-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('10:10 の予約登録処理で予約が確定します');
    await until(async () => (await focusedTestId(page)) === 'reserve-result', 'focus on the reserve result');
    await snap(page, 'obvious-01-reserved');

    // Search results: 予約済み（仮予約…）, no 予約依頼, no basket button.
    await page.goto(`${app.url}/#/?q=${encodeURIComponent('わがはい')}`);
    const item = page.locator(`[data-testid="result-item"][data-title-id="${classics.wagahai}"]`);
    await item.getByTestId('mine-state').waitFor();
    expect(await item.getByTestId('mine-state').textContent()).toContain('予約済み');
    expect(await item.getByTestId('mine-state').textContent()).toContain('仮予約');
    expect(await item.getByTestId('reserve-button').count()).toBe(0);
    expect(await item.getByTestId('basket-add').count()).toBe(0);
    await snap(page, 'obvious-02-results-reserved');

    // After the 10:10 run it is 予約中 with its place in the queue.
    await clocked.setClock('2026-12-01T10:10:30+09:00');
    await visitSignedIn(page, `#/titles/${classics.wagahai}`, 'mine-state');
    const state = page.getByTestId('mine-state');
    await until(async () => (await state.getAttribute('data-status')) === 'WAITING', 'the title page to say 予約中');
    expect((await state.textContent())?.replaceAll(WORD_JOINER, '')).toMatch(/予約済み（予約中 1番目）/);
    expect(await page.getByTestId('reserve-form').count()).toBe(0);
    expect(await page.getByTestId('reserve-submit').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('SPEC 5.8 the basket shows each title’s state, does not offer a reserved one, says when a new hold registers, and moves focus to each answer', async () => {
    for (const titleId of [classics.wagahai, classics.kokoro]) {
      expect((await app.request('PUT', `/api/me/basket/${titleId}`, { token: await app.patronToken(patron.card, patron.password) })).status).toBe(204);
    }
    const page = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    // Adding on the title page: focus goes to 「予約かごに入っています」.
    await visitSignedIn(page, `#/titles/${classics.botchan}`, 'basket-add');
    await page.getByTestId('basket-add').click();
    await page.getByTestId('basket-in').waitFor();
    await until(async () => (await focusedTestId(page)) === 'basket-in', 'focus on 予約かごに入っています');

    await page.goto(`${app.url}/#/basket`);
    const reserved = page.locator(`[data-testid="basket-item"][data-title-id="${classics.wagahai}"]`);
    await until(async () => (await reserved.getAttribute('data-state').catch(() => null)) === 'WAITING', 'the basket to show the hold');
    expect(await reserved.getByTestId('mine-state').textContent()).toContain('予約済み');
    expect(await reserved.getByTestId('basket-select').isDisabled()).toBe(true);
    await page.getByTestId('basket-select-all').check();
    expect(await reserved.getByTestId('basket-select').isChecked()).toBe(false);
    await snap(page, 'obvious-03-basket-states');

    // Removing botchan: the message has the focus.
    await page.locator(`[data-testid="basket-item"][data-title-id="${classics.botchan}"]`).getByTestId('basket-remove').click();
    await page.getByTestId('basket-message').waitFor();
    await until(async () => (await focusedTestId(page)) === 'basket-message', 'focus on the removal message');

    await page.locator(`#basket-select-${classics.kokoro}`).check();
    await page.locator('#basket-pickup').selectOption('west');
    await page.getByTestId('basket-reserve').click();
    const outcome = page.locator(`[data-testid="basket-result"][data-title-id="${classics.kokoro}"]`);
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-ok')).toBe('true');
    expect(await outcome.getByTestId('basket-registers-at').textContent()).toContain('10:20 の予約登録処理で予約が確定します');
    await until(async () => (await focusedTestId(page)) === 'basket-results', 'focus on the basket results');
    await snap(page, 'obvious-04-basket-reserved');
    await page.close();
  }, 90_000);

  it('SPEC 6 a renewal on the checkout day is not offered and says why; the next day it shows X → Y, asks, and the result has the focus', async () => {
    const copies = (await app.request('GET', `/api/catalog/titles/${classics.sanshiro}`)).body.copies as { itemId: string }[];
    const itemId = copies[0]!.itemId;
    await lent(app, staff, patron.card, itemId); // 2026-12-01: due 2026-12-15
    const page = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await visitSignedIn(page, '#/status', 'loan-count');
    const row = page.locator(`[data-testid="loan-row"][data-item-id="${itemId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-offered')).toBe('false');
    expect(await row.getByTestId('renew-select').isDisabled()).toBe(true);
    const why = ((await row.getByTestId('renew-no-gain').textContent()) ?? '').replaceAll(WORD_JOINER, '');
    expect(why).toContain('今日延長しても返却期限日は変わりません');
    expect(why).toContain('2026年12月2日(水)以降');
    expect(await page.getByTestId('renew-submit').isDisabled()).toBe(true);
    await snap(page, 'obvious-05-renew-not-yet');

    await clocked.setClock('2026-12-02T10:00:00+09:00');
    await visitSignedIn(page, '#/status', 'loan-count');
    await row.waitFor();
    expect(await row.getAttribute('data-offered')).toBe('true');
    expect(await row.getByTestId('renewal-due').getAttribute('data-renewal-due')).toBe('2026-12-16');
    await row.getByTestId('renew-select').check();
    await page.getByTestId('renew-submit').click();
    const confirm = page.getByTestId('renew-confirm');
    await confirm.waitFor();
    expect((await confirm.textContent())?.replaceAll(WORD_JOINER, '')).toContain('返却期限日 2026年12月15日(火) → 2026年12月16日(水)');
    await until(async () => (await focusedTestId(page)) === 'renew-confirm-yes', 'focus on 延長する');
    await snap(page, 'obvious-06-renew-confirm');
    // 「やめる」 renews nothing and goes back to 貸出延長; asking again shows the same question.
    await page.getByTestId('renew-confirm-no').click();
    await until(async () => (await focusedTestId(page)) === 'renew-submit', 'focus back on 貸出延長');
    expect(await row.getByTestId('loan-due').getAttribute('data-due')).toBe('2026-12-15');
    await page.getByTestId('renew-submit').click();
    await confirm.waitFor();
    await page.getByTestId('renew-confirm-yes').click();
    const renewed = page.locator(`[data-testid="renew-result"][data-item-id="${itemId}"]`);
    await renewed.waitFor();
    expect(await renewed.getAttribute('data-ok')).toBe('true');
    await until(async () => (await focusedTestId(page)) === 'renew-results', 'focus on the renewal results');
    await until(async () => (await row.getByTestId('loan-due').getAttribute('data-due')) === '2026-12-16', 'the new due date on the loan');

    // The title is on loan: its page says 貸出中 and offers no reservation.
    await page.goto(`${app.url}/#/titles/${classics.sanshiro}`);
    const state = page.getByTestId('mine-state');
    await state.waitFor();
    expect(await state.getAttribute('data-kind')).toBe('loan');
    expect(await state.textContent()).toContain('貸出中');
    expect(await page.getByTestId('reserve-submit').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('the contact page names the sender address to allow, and for 電話 the number on file (none yet for this patron)', async () => {
    const page = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await visitSignedIn(page, '#/contact', 'contact-form');
    expect(await page.getByTestId('contact-sender').textContent()).toContain('central@library-mito.jp');
    await until(() => page.getByTestId('contact-save').isEnabled(), 'the profile to load');
    await page.getByTestId('contact-method-PHONE').check();
    expect(await page.getByTestId('contact-phone').textContent()).toContain('電話番号が登録されていません');
    await page.close();
  }, 90_000);

  it('nothing overflows or breaks mid-word at 320 px: search, title, basket and status', async () => {
    // Something in the basket, so that the menu shows its count.
    expect((await app.request('PUT', `/api/me/basket/${classics.wagahai}`, { token: await app.patronToken(patron.card, patron.password) })).status).toBe(204);
    const page = await clocked.newPage({ viewport: { width: 320, height: 640 } });
    await visitSignedIn(page, '#/status', 'loan-count');
    const pages: [string, string][] = [
      [`#/?q=${encodeURIComponent('夏目')}`, 'result-item'],
      [`#/titles/${classics.wagahai}`, 'title-page'],
      ['#/basket', 'basket-list'],
      ['#/status', 'loan-count'],
    ];
    for (const [hash, ready] of pages) {
      await page.goto(`${app.url}/${hash}`);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForTimeout(200); // the status fetch for 予約済み
      const overflow = await page.evaluate<string[]>(OVERFLOW);
      expect(overflow, hash).toEqual([]);
      // The basket badge sits inside its menu item, clear of the label.
      const badge = await page.evaluate<string>(BADGE);
      expect(badge, hash).toBe('ok');
    }
    // 書誌情報: the heading and each label on one line, values wrap between words. The reading
    // below is as wide as a 320 px row plus a little: a plain Japanese line break splits ウエオカキクケコ.
    const { titleId } = await newTitle(app, await app.staffToken(), [{}], { title: '幅の試験', titleReading: 'ア イ ウエオカキクケコ' });
    for (const id of [classics.wagahai, titleId]) {
      await page.goto(`${app.url}/#/titles/${id}`);
      await page.locator(`[data-testid="title-page"][data-title-id="${id}"]`).waitFor();
      expect(await page.evaluate<string[]>(SPLIT), id).toEqual([]);
    }
    await snap(page, 'obvious-07-title-320');
    await page.goto(`${app.url}/#/basket`);
    await page.getByTestId('basket-list').waitFor();
    await page.getByTestId('basket-details-link').first().waitFor();
    await page.waitForTimeout(200); // the status fetch for 予約済み
    // Short links (書誌情報, 利用状況) and dates go to the next line whole, at any phone width.
    for (const width of [320, 375, 414]) {
      await page.setViewportSize({ width, height: 640 });
      expect(await page.evaluate<string[]>(SPLIT), `basket at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 640 });
    await snap(page, 'obvious-08-basket-320');
    await page.close();
  }, 90_000);
});
