import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoClassicTitleIds as classics } from '../../lib/local/demo-catalog/index.js';
import { launchBrowser, onServerClock, PHONE, snap, type ServerClockBrowser } from '../support/browser.js';
import { holdRow, logIn, until, visit } from '../support/patron-app.js';
import { checkOut, openStaffConsole, scanIn } from '../support/staff-console.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;
/** Pages whose browser clock is the server's (the server's is pinned and moved below). */
let clocked: ServerClockBrowser;

// 2026-12-01 is a Tuesday: every branch open 09:30–19:00.
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ startAt: '2026-12-01T10:01:00+09:00', demoCatalogTitles: 60 }), launchBrowser()]);
  clocked = onServerClock(browser, { now: () => app.services.clock.now(), setClock: (iso) => app.setClock(iso) });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The demo patron starts on its initial password (birth MMDD); the journey changes it to `password`. */
const demo = { card: '10000001', initialPassword: '0401', password: '271828' };
const mailsTo = async (address: string) => {
  const store = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: any[] };
  return store.emails.filter((e) => JSON.stringify(e.destination).includes(address));
};

describe('issue 5: the whole patron journey in a phone-sized Chromium', () => {
  it('search in Japanese → login → reserve → 仮予約 → 予約中 with position → staff scan → 取置中 → mail → checkout → renew → cancel another', async () => {
    const page: Page = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${app.url}/`);
    await page.getByTestId('search-input').fill('わがはい');
    await page.getByTestId('search-submit').click();
    const result = page.locator(`[data-testid="result-item"][data-title-id="${classics.wagahai}"]`);
    await result.waitFor();
    expect(await result.textContent()).toContain('吾輩は猫である');
    await snap(page, 'journey-01-search');

    // Reserving asks for the login first, then comes back.
    await result.getByTestId('reserve-button').or(result.getByTestId('reserve-login')).first().click();
    await page.getByTestId('login-form').waitFor();
    await logIn(page, demo.card, demo.initialPassword);
    await page.getByTestId('login-form').waitFor({ state: 'detached' });

    // SPEC 12: the initial password opens nothing but its change. The app says why, and once
    // it is changed goes on to the title the patron was reserving.
    await page.getByTestId('password-why').waitFor();
    expect(await page.getByTestId('password-why').textContent()).toContain('初期値');
    await snap(page, 'journey-01b-password');
    await page.locator('#pw-current').fill(demo.initialPassword);
    await page.locator('#pw-new').fill(demo.password);
    await page.locator('#pw-confirm').fill(demo.password);
    await page.getByTestId('password-save').click();
    await page.getByTestId('password-form').waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe(`#/titles/${classics.wagahai}`);
    expect(await page.getByTestId('flash').textContent()).toContain('パスワードを変更しました');

    // Contact settings: mail for pickup notices.
    await page.goto(`${app.url}/#/contact`);
    await until(() => page.getByTestId('contact-save').isEnabled(), 'the profile to load');
    await page.locator('#contact-email').fill('hanako.journey@example.jp');
    await page.getByTestId('contact-method-EMAIL').check();
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-result').waitFor();

    // Reserve 吾輩は猫である (pickup central) and 坊っちゃん (to cancel later).
    const reserve = async (titleId: string) => {
      await page.goto(`${app.url}/#/titles/${titleId}`);
      await page.getByTestId('pickup-branch').selectOption('central');
      await page.getByTestId('reserve-submit').click();
      await page.getByTestId('reserve-result').waitFor();
      return (await page.getByTestId('reserve-result').textContent()) ?? '';
    };
    expect(await reserve(classics.wagahai)).toContain('仮予約');
    await snap(page, 'journey-02-reserved');
    await reserve(classics.botchan);

    const holds = await app.request('GET', '/api/me/status', { token: await app.patronToken(demo.card, demo.password) });
    const wagahai = holds.body.holds.find((h: any) => h.titleId === classics.wagahai);
    const botchan = holds.body.holds.find((h: any) => h.titleId === classics.botchan);
    await page.goto(`${app.url}/#/status`);
    const provisional = await holdRow(page, wagahai.holdId, 'PROVISIONAL');
    expect(await provisional.getByTestId('hold-status').textContent()).toContain('仮予約');
    expect(await provisional.textContent()).toContain('10:10');

    // The 10:10 registration run.
    await clocked.setClock('2026-12-01T10:10:30+09:00');
    await page.getByTestId('status-refresh').click();
    const waiting = await holdRow(page, wagahai.holdId, 'WAITING');
    expect(await waiting.getByTestId('hold-status').textContent()).toContain('予約中');
    expect(await waiting.getByTestId('hold-detail').textContent()).toContain('順位 1番目');
    await snap(page, 'journey-03-waiting');

    // Staff scan a central copy at central: it goes to the hold shelf.
    const copies = (await app.request('GET', `/api/catalog/titles/${classics.wagahai}`)).body.copies as any[];
    const centralCopy = copies.find((c) => c.branch === 'central').itemId as string;
    const staff = await openStaffConsole(clocked, app.url, STAFF_PASSWORD, 'central');
    const scanned = await scanIn(staff, centralCopy);
    expect(scanned.action).toBe('HOLD_SHELF');
    expect(scanned.text).toContain('予約棚');
    await snap(staff, 'journey-04-staff-scan');

    await page.getByTestId('status-refresh').click();
    const ready = await holdRow(page, wagahai.holdId, 'READY');
    expect(await ready.getByTestId('hold-status').textContent()).toContain('取置中');
    expect(await ready.getByTestId('hold-deadline').getAttribute('data-deadline')).toBe('2026-12-09');
    await snap(page, 'journey-05-ready');

    // Next morning's 08:00 run mails the notice.
    await clocked.setClock('2026-12-02T08:00:30+09:00');
    await until(async () => (await mailsTo('hanako.journey@example.jp')).length === 1, 'the pickup mail');
    const [mail] = await mailsTo('hanako.journey@example.jp');
    expect(mail.body.text).toContain('吾輩は猫である');
    expect(mail.body.text).toContain('2026年12月9日(水)');

    // Staff checkout (a new shift: log in again), then the patron renews and cancels the other hold.
    await clocked.setClock('2026-12-02T10:00:00+09:00');
    const counter = await openStaffConsole(clocked, app.url, STAFF_PASSWORD, 'central');
    const lent = await checkOut(counter, demo.card, centralCopy);
    expect(lent.status).toBe('ok');
    await snap(counter, 'journey-06-checkout');

    // A renewal on the checkout day would not move the date (issue 10.1): the patron renews the next day.
    await clocked.setClock('2026-12-03T10:00:00+09:00');
    await visit(page, app.url, '#/status', demo, 'loan-count');
    const loan = page.locator(`[data-testid="loan-row"][data-item-id="${centralCopy}"]`);
    await loan.waitFor({ timeout: 8000 }).catch(async (error) => {
      await snap(page, 'journey-failed-no-loan');
      throw error;
    });
    expect(await loan.getByTestId('loan-due').getAttribute('data-due')).toBe('2026-12-16');
    await page.locator(`#renew-${centralCopy}`).check();
    await page.getByTestId('renew-submit').click();
    await page.getByTestId('renew-confirm-yes').click();
    const renewed = page.locator(`[data-testid="renew-result"][data-item-id="${centralCopy}"]`);
    await renewed.waitFor();
    expect(await renewed.getAttribute('data-ok')).toBe('true');

    const other = await holdRow(page, botchan.holdId, 'WAITING');
    await other.getByTestId('hold-cancel').click();
    await page.getByTestId('hold-cancel-yes').click();
    await holdRow(page, botchan.holdId, 'CANCELLED');
    await snap(page, 'journey-07-renewed-and-cancelled');
    await page.close();
    await staff.close();
    await counter.close();
  }, 120_000);
});

describe('issue 5: basket, lockout and the smallest phone', () => {
  it('予約かご: add two titles, reserve a selection, see per-title results', async () => {
    await clocked.setClock('2026-12-03T11:00:00+09:00');
    const page = await clocked.newPage({ viewport: PHONE });
    await visit(page, app.url, '#/login', demo, 'user-name');
    for (const titleId of [classics.kokoro, classics.sanshiro]) {
      await page.goto(`${app.url}/#/titles/${titleId}`);
      await page.getByTestId('basket-add').click();
      await page.getByTestId('basket-in').waitFor();
    }
    await page.goto(`${app.url}/#/basket`);
    await page.locator('[data-testid="basket-item"]').nth(1).waitFor();
    await page.locator(`#basket-select-${classics.kokoro}`).check();
    await page.locator('#basket-pickup').selectOption('west');
    await page.getByTestId('basket-reserve').click();
    const outcome = page.locator(`[data-testid="basket-result"][data-title-id="${classics.kokoro}"]`);
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-ok')).toBe('true');
    await until(async () => (await page.getByTestId('basket-item').count()) === 1, 'the reserved title to leave the basket');
    expect(await page.getByTestId('basket-item').getAttribute('data-title-id')).toBe(classics.sanshiro);
    await snap(page, 'basket');
    await page.close();
  });

  it('five wrong passwords lock the account: the login page says until when', async () => {
    await app.request('POST', '/admin/patrons', { token: await app.staffToken(), body: { cardNumber: '10000077', name: '鍵 太郎', birthDate: '1980-07-07' } });
    await app.request('POST', '/admin/patrons/10000077/internet-password', { token: await app.staffToken() });
    const page = await clocked.newPage({ viewport: PHONE });
    await page.goto(`${app.url}/#/login`);
    for (let i = 0; i < 6; i += 1) {
      await logIn(page, '10000077', '999999');
      await page.getByTestId('login-error').waitFor();
    }
    await page.getByTestId('login-unlocks-at').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/\d{1,2}:\d{2}/);
    await snap(page, 'lockout');
    await page.close();
  });

  it('works at 320 px wide without sideways scrolling', async () => {
    const page = await clocked.newPage({ viewport: { width: 320, height: 640 } });
    for (const hash of ['#/', `#/titles/${classics.wagahai}`, '#/login']) {
      await page.goto(`${app.url}/${hash}`);
      await page.locator('main h1, main h2').first().waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await snap(page, 'phone-320');
    await page.close();
  });
});

describe('issue 14: the apps time a session from the login, not from the PC calendar', () => {
  it("a PC whose clock is three days ahead of the server's stays signed in, in the staff console and the patron app", async () => {
    const skewed = {
      async newPage(options?: Parameters<Browser['newPage']>[0]) {
        const page = await browser.newPage(options);
        await page.clock.install({ time: new Date(app.services.clock.now().getTime() + 3 * 86_400_000) });
        return page;
      },
    };
    const staff = await openStaffConsole(skewed, app.url, STAFF_PASSWORD, 'central');
    await staff.waitForTimeout(300); // a console that judged the token by the PC's calendar logs out at once
    expect(await staff.getByTestId('login-form').count()).toBe(0);
    expect(await staff.getByTestId('checkin-scan').isVisible()).toBe(true);
    expect(await staff.getByTestId('staff-info').textContent()).toContain('職員 admin');

    const patron = await skewed.newPage({ viewport: PHONE });
    await visit(patron, app.url, '#/status', demo, 'loan-count');
    await patron.reload();
    await patron.getByTestId('loan-count').waitFor();
    expect(await patron.getByTestId('login-form').count()).toBe(0);
    await staff.close();
    await patron.close();
  });
});
