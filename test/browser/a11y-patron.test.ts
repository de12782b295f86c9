import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loanImporter } from '../../functions/use-cases/import-loans.js';
import { demoClassicTitleIds as classics } from '../../lib/local/demo-catalog/index.js';
import { createAxeAudit } from '../support/axe.js';
import { launchBrowser, onServerClock, PHONE, type ServerClockBrowser } from '../support/browser.js';
import { holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { holdRow, logIn, until, visit } from '../support/patron-app.js';
import { CHANGED_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13: every page of the patron app, logged out and in, each state of a hold a patron
 * sees, the errors it shows, in Japanese and English, on a PC and a phone: axe-core finds
 * no serious or critical violation of WCAG 2.1 A/AA (JIS X 8341-3 AA). One JSON line per
 * page is printed for the closing note. The clock stays at 2026-12-01 10:00 JST (a Tuesday).
 */
let app: TestApp;
let browser: Browser;
let clocked: ServerClockBrowser;
let staff: string;
const audit = createAxeAudit();

const PC = { width: 1280, height: 800 } as const;

const expectAccessible = (page: Page, label: string) => audit.expectAccessible(page, label);

const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};

/** A loan from the old system's file (migration, SPEC 6): lent on a past day without moving the clock. */
const importLoan = async (cardNumber: string, itemId: string, checkoutDate: string, dueDate: string) => {
  const report = await loanImporter(app.services.deps)([{ line: 2, fields: { cardNumber, itemId, checkoutDate, dueDate } }]);
  expect(report).toMatchObject({ imported: 1, rejected: [] });
};

/** The patron whose status page shows every state; filled in beforeAll. */
const reader = { card: '', password: CHANGED_PASSWORD, holds: {} as Record<string, string>, titles: {} as Record<string, string> };

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ demoCatalogTitles: 20 }), launchBrowser()]);
  clocked = onServerClock(browser, { now: () => app.services.clock.now(), setClock: (iso) => app.setClock(iso) });
  staff = await app.staffToken();

  // The titles, one copy each at central, imported in one batch (as bin/import does): far
  // fewer requests than adding each by the staff API.
  const names = [
    '待つ本',
    '休む本',
    '届いた本',
    '旅する本',
    '借りた本',
    'やめた本',
    '仮の本',
    '延長できる本',
    '遅れた本',
    'かごの本 一',
    'かごの本 二',
    '断られる本',
    '参考図書',
  ];
  const imported = await app.services.deps.store.catalogImport.importRecords([
    ...names.map((name, i) => ({
      titleId: `A11Y-${i + 1}`,
      title: name,
      author: '試験 著者',
      materialType: 'BOOK' as const,
      copies: [{ itemId: `A11Y-${i + 1}-1`, branch: 'central', category: name === '参考図書' ? ('REFERENCE_ONLY' as const) : ('NORMAL' as const), interlibrary: false }],
    })),
    // A series of two volumes, found by searching its name (順番に予約, SPEC 10.2).
    ...['1', '2'].map((volume) => ({
      titleId: `A11Y-S${volume}`,
      title: `あいうえ叢書 第${volume}巻`,
      materialType: 'BOOK' as const,
      series: 'あいうえ叢書',
      volume,
      copies: [{ itemId: `A11Y-S${volume}-1`, branch: 'central', category: 'NORMAL' as const, interlibrary: false }],
    })),
  ]);
  expect(imported).toMatchObject({ titles: names.length + 2, existingTitles: [] });
  for (const [i, name] of names.entries()) reader.titles[name] = `A11Y-${i + 1}`;
  reader.titles.叢書1 = 'A11Y-S1';
  const copyOf = (name: string) => `${reader.titles[name]}-1`;
  expect(await app.services.invokeJob({ job: 'search-index', trigger: 'manual', runId: `idx-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });

  const patron = await newPatron(app, staff);
  const other = await newPatron(app, staff);
  reader.card = patron.cardNumber;
  // WAITING (the copy out) and WAITING paused; READY, IN_TRANSIT and FULFILLED after a scan.
  await lent(app, staff, other.cardNumber, copyOf('待つ本'));
  await lent(app, staff, other.cardNumber, copyOf('休む本'));
  for (const [name, branch] of [
    ['待つ本', 'central'],
    ['休む本', 'central'],
    ['届いた本', 'central'],
    ['旅する本', 'west'],
    ['借りた本', 'central'],
    ['やめた本', 'central'],
  ] as const) {
    reader.holds[name] = (await holdPlaced(app, patron.token, reader.titles[name] as string, branch)).holdId;
  }
  await registerNow();
  for (const name of ['届いた本', '旅する本', '借りた本']) {
    expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: copyOf(name), branch: 'central' } })).status).toBe(200);
  }
  await lent(app, staff, patron.cardNumber, copyOf('借りた本'));
  expect((await app.request('PUT', `/api/me/holds/${reader.holds.休む本}/suspension`, { token: patron.token, body: { until: '2026-12-20' } })).status).toBe(200);
  expect((await app.request('DELETE', `/api/me/holds/${reader.holds.やめた本}`, { token: patron.token })).status).toBeLessThan(300);
  // PROVISIONAL: placed after the registration run.
  reader.holds.仮の本 = (await holdPlaced(app, patron.token, reader.titles.仮の本 as string, 'east')).holdId;
  // Loans: one renewable, one overdue, and 借りた本 lent today (a renewal would not move its date).
  await importLoan(patron.cardNumber, copyOf('延長できる本'), '2026-11-28', '2026-12-12');
  await importLoan(patron.cardNumber, copyOf('遅れた本'), '2026-11-01', '2026-11-15');
  for (const name of ['かごの本 一', 'かごの本 二']) {
    expect((await app.request('PUT', `/api/me/basket/${reader.titles[name]}`, { token: patron.token })).status).toBeLessThan(300);
  }
}, 120_000);

afterAll(async () => {
  audit.print();
  await browser?.close();
  await app?.stop();
});

describe('issue 13: the patron app has no serious or critical accessibility violation (axe-core, WCAG 2.1 AA)', () => {
  it('logged out: search, results, no results, a title, the login page and its errors, a page not found; on a PC and a phone', async () => {
    // The phone gets the pages whose layout changes most (the results and a title); the
    // signed-in phone pages are audited below.
    for (const [device, viewport] of [
      ['PC', PC],
      ['phone', PHONE],
    ] as const) {
      const page = await clocked.newPage({ viewport });
      await page.goto(`${app.url}/`);
      await page.getByTestId('how-to').waitFor();
      if (device === 'PC') await expectAccessible(page, `patron ${device}: search (first visit)`);

      await page.getByTestId('search-input').fill('夏目');
      await page.getByTestId('search-submit').click();
      await page.getByTestId('result-item').first().waitFor();
      await expectAccessible(page, `patron ${device}: search results`);

      await page.goto(`${app.url}/#/titles/${classics.wagahai}`);
      await page.getByTestId('title-page').waitFor();
      await expectAccessible(page, `patron ${device}: title`);
      await page.close();
    }

    const page = await clocked.newPage({ viewport: PC });
    await page.goto(`${app.url}/#/?q=${encodeURIComponent('存在しないことばぞな')}`);
    await page.getByTestId('no-results').waitFor();
    await expectAccessible(page, 'patron: search, no results');

    await page.goto(`${app.url}/#/`);
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-need-words').waitFor();
    await expectAccessible(page, 'patron: search, no words (form error)');

    await page.goto(`${app.url}/#/titles/${reader.titles.参考図書}`);
    await page.getByTestId('not-holdable').waitFor();
    await expectAccessible(page, 'patron: title that cannot be reserved');

    await page.goto(`${app.url}/#/titles/NOSUCHTITLE`);
    await page.locator('.notice-error').waitFor();
    await expectAccessible(page, 'patron: title not found (error)');

    await page.goto(`${app.url}/#/nowhere`);
    await page.locator('main h1').waitFor();
    await expectAccessible(page, 'patron: page not found');

    await page.goto(`${app.url}/#/login`);
    await page.getByTestId('login-form').waitFor();
    await expectAccessible(page, 'patron: login');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-card-error').waitFor();
    await expectAccessible(page, 'patron: login, form errors');

    await logIn(page, reader.card, '999999');
    await page.getByTestId('login-error').waitFor();
    await expectAccessible(page, 'patron: login refused');
    await page.close();
  }, 60_000);

  it('the initial password: the page that says why, and its form errors', async () => {
    const card = '61900001';
    expect((await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber: card, name: '初回 花子', birthDate: '1990-05-05' } })).status).toBe(201);
    expect((await app.request('POST', `/admin/patrons/${card}/internet-password`, { token: staff })).status).toBe(200);
    const page = await clocked.newPage({ viewport: PC });
    await page.goto(`${app.url}/#/login`);
    await logIn(page, card, '0505');
    await page.getByTestId('password-why').waitFor();
    await expectAccessible(page, 'patron: password change (initial password)');
    await page.locator('#pw-current').fill('0505');
    await page.locator('#pw-new').fill('135790');
    await page.locator('#pw-confirm').fill('135791');
    await page.getByTestId('password-save').click();
    await page.getByTestId('pw-confirm-error').waitFor();
    await expectAccessible(page, 'patron: password change, form errors');
    await page.close();
  });

  it('signed in: 利用状況 with loans and every hold state, its confirmations, the basket, contact settings; Japanese and English', async () => {
    const page = await clocked.newPage({ viewport: PC });
    await visit(page, app.url, '#/status', reader, 'loan-count');
    for (const [name, status] of [
      ['仮の本', 'PROVISIONAL'],
      ['待つ本', 'WAITING'],
      ['届いた本', 'READY'],
      ['旅する本', 'IN_TRANSIT'],
      ['やめた本', 'CANCELLED'],
      ['借りた本', 'FULFILLED'],
    ] as const) {
      await holdRow(page, reader.holds[name] as string, status);
    }
    await page.getByTestId('hold-suspended').waitFor();
    await expectAccessible(page, 'patron: status (loans; holds PROVISIONAL, WAITING, suspended, IN_TRANSIT, READY, CANCELLED, FULFILLED)');

    // The questions and answers on the page.
    await page.getByTestId('renew-submit').click();
    await page.getByTestId('renew-message').waitFor();
    await expectAccessible(page, 'patron: status, renew with nothing chosen (warning)');
    await page.locator('[data-testid="renew-select"]:not([disabled])').first().check();
    await page.getByTestId('renew-submit').click();
    await page.getByTestId('renew-confirm').waitFor();
    await expectAccessible(page, 'patron: status, renew confirmation');
    await page.getByTestId('renew-confirm-no').click();
    const waiting = await holdRow(page, reader.holds.待つ本 as string, 'WAITING');
    await waiting.getByTestId('hold-suspend').click();
    await waiting.getByTestId('suspend-form').waitFor();
    await waiting.getByTestId('hold-cancel').click();
    await waiting.getByTestId('hold-cancel-confirm').waitFor();
    await expectAccessible(page, 'patron: status, pause form and cancel confirmation');
    await waiting.getByTestId('hold-cancel-no').click();

    await page.goto(`${app.url}/#/basket`);
    await page.getByTestId('basket-item').nth(1).waitFor();
    await expectAccessible(page, 'patron: basket');
    await page.getByTestId('basket-select-all').check();
    await page.getByTestId('basket-pickup').selectOption('central');
    // 断られる… : held meanwhile (another tab), so the basket's reservation of it is refused.
    await holdPlaced(app, await app.patronToken(reader.card, '0505'), reader.titles['かごの本 二'] as string);
    await page.getByTestId('basket-reserve').click();
    await page.locator('[data-testid="basket-result"][data-ok="false"]').waitFor();
    await expectAccessible(page, 'patron: basket, results with a refusal');

    await page.goto(`${app.url}/#/titles/${reader.titles.断られる本}`);
    await page.getByTestId('reserve-form').waitFor();
    await page.getByTestId('pickup-branch').selectOption('');
    await page.getByTestId('reserve-submit').click();
    await page.locator('.field-invalid').waitFor();
    await expectAccessible(page, 'patron: title, reserve form error (no pickup library)');
    await holdPlaced(app, await app.patronToken(reader.card, '0505'), reader.titles.断られる本 as string);
    await page.getByTestId('pickup-branch').selectOption('central');
    await page.getByTestId('reserve-submit').click();
    await page.getByTestId('reserve-error').waitFor();
    await expectAccessible(page, 'patron: title, hold refused (ALREADY_HELD)');

    await page.goto(`${app.url}/#/titles/${reader.titles.叢書1}`);
    await page.getByTestId('sequence-open').click();
    await page.getByTestId('sequence-form').waitFor();
    await expectAccessible(page, 'patron: title of a series, 順番に予約 open');

    await page.goto(`${app.url}/#/titles/${reader.titles.延長できる本}`);
    await page.getByTestId('mine-state').waitFor();
    await expectAccessible(page, 'patron: title already on loan to the patron');

    await page.goto(`${app.url}/#/contact`);
    await until(() => page.getByTestId('contact-save').isEnabled(), 'the profile to load');
    await expectAccessible(page, 'patron: contact and password');
    await page.locator('#contact-email').fill('not an address');
    await page.getByTestId('contact-method-EMAIL').check();
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-email-error').or(page.getByTestId('contact-result')).first().waitFor();
    await expectAccessible(page, 'patron: contact, form error');

    // English: the header's switch, then the status page and a title page again.
    await page.getByTestId('lang-switch').click();
    await until(async () => (await page.evaluate('document.documentElement.lang')) === 'en', 'English');
    await page.goto(`${app.url}/#/status`);
    await holdRow(page, reader.holds.届いた本 as string, 'READY');
    await expectAccessible(page, 'patron (en): status');
    await page.goto(`${app.url}/#/titles/${classics.wagahai}`);
    await page.getByTestId('reserve-form').waitFor();
    await expectAccessible(page, 'patron (en): title with the reserve form');
    await page.getByTestId('lang-switch').click();
    await until(async () => (await page.evaluate('document.documentElement.lang')) === 'ja', 'Japanese');
    await page.close();

    const phone = await clocked.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await visit(phone, app.url, '#/status', reader, 'loan-count');
    await holdRow(phone, reader.holds.届いた本 as string, 'READY');
    await expectAccessible(phone, 'patron phone: status');
    await phone.goto(`${app.url}/#/?q=${encodeURIComponent('夏目')}`);
    await phone.getByTestId('result-item').first().waitFor();
    await phone.getByTestId('reserve-button').first().click();
    await phone.getByTestId('reserve-form').waitFor();
    await expectAccessible(phone, 'patron phone: search results, signed in, reserve form open');
    await phone.close();
  }, 90_000);
});

/** Where the focus is, whether it shows (an outline, or a ring drawn by box-shadow), and whether it is on `selector`. */
interface FocusStop {
  readonly what: string;
  readonly visible: boolean;
  readonly inLiveRegion: boolean;
  readonly matches: boolean;
}

const focusNow = (page: Page, selector = '*'): Promise<FocusStop> =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: 'body', visible: false, inLiveRegion: false, matches: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    const what = el.dataset.testid ?? (el.id ? '#' + el.id : el.tagName.toLowerCase());
    return { what, visible: outline || ring, inLiveRegion: !!el.closest('[aria-live]'), matches: el.matches(${JSON.stringify(selector)}) };
  })()`);

/** What has the focus: its test id, else #id, else its tag name (lower case). */
const focused = async (page: Page): Promise<string> => (await focusNow(page)).what;

/** After a move to another page the app puts the focus on its heading (as a screen reader user expects): waits for it. */
const focusOnHeading = (page: Page) => until(async () => (await focused(page)) === 'h1', "the focus on the new page's heading", 5_000);

/** A CSS selector for a test id. */
const testId = (id: string) => `[data-testid="${id}"]`;

/**
 * Presses Tab (or Shift+Tab) until the focus is on `selector`, at most `max` times; every
 * stop on the way must show its focus. Returns the stops (test id, #id or tag), in order.
 */
const tabTo = async (page: Page, selector: string, { back = false, max = 40 } = {}): Promise<string[]> => {
  const stops: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const stop = await focusNow(page, selector);
    stops.push(stop.what);
    expect(stop.visible, `focus visible on ${stop.what} (stops so far: ${stops.join(' → ')})`).toBe(true);
    if (stop.matches) return stops;
  }
  throw new Error(`${selector} not reached by ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${stops.join(' → ')}`);
};

describe('issue 13: keyboard only — search, open a title, reserve at a chosen library, renew a loan', () => {
  it('Tab, Shift+Tab, Enter, Space and the arrow keys do it all; focus shows at every stop and lands on each answer', async () => {
    const walker = await newPatron(app, staff);
    const loan = await newTitle(app, staff, [{}], { title: 'キーボードで延長する本' });
    await importLoan(walker.cardNumber, loan.itemIds[0] as string, '2026-11-28', '2026-12-12');
    const page = await clocked.newPage({ viewport: PC });
    await page.goto(`${app.url}/`);
    await page.getByTestId('how-to').waitFor();

    // The first Tab reaches the skip link, shown on screen; Enter takes the focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip-link');
    expect(await page.evaluate('document.activeElement.getBoundingClientRect().top >= 0')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('#main');

    // Search: from the main content, the keyword box comes first.
    expect(await tabTo(page, testId('search-input'))).toEqual(['search-input']);
    await page.keyboard.type('さんしろう');
    await page.keyboard.press('Enter');
    const result = page.locator(`[data-testid="result-item"][data-title-id="${classics.sanshiro}"]`);
    await result.waitFor();
    // The count of results is announced (a live region) while the focus stays in the form.
    expect(await page.getByTestId('result-count').evaluate((el) => el.closest('[aria-live]') !== null)).toBe(true);
    const toTitle = await tabTo(page, `[data-title-id="${classics.sanshiro}"] ${testId('result-title')}`);
    expect(toTitle[0]).toBe('search-submit');
    await page.keyboard.press('Enter');
    await page.getByTestId('title-page').waitFor();
    await focusOnHeading(page);

    // Not signed in: 「ログインして予約」 leads to the login form, and back to the title after it.
    await tabTo(page, testId('reserve-login'));
    await page.keyboard.press('Enter');
    await page.getByTestId('login-form').waitFor();
    await focusOnHeading(page);
    await tabTo(page, testId('login-card'));
    await page.keyboard.type(walker.cardNumber);
    expect(await tabTo(page, testId('login-password'))).toEqual(['login-password']);
    await page.keyboard.type(CHANGED_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('reserve-form').waitFor();
    await focusOnHeading(page);
    expect(new URL(page.url()).hash).toBe(`#/titles/${classics.sanshiro}`);

    // The pickup library by the arrow keys (the first option is 「選択してください」), then 予約申込.
    await tabTo(page, testId('pickup-branch'));
    const codes = await page.getByTestId('pickup-branch').evaluate((el) => [...(el as any).options].map((o: { value: string }) => o.value));
    for (let i = 0; i < codes.indexOf('west'); i += 1) await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('pickup-branch').inputValue()).toBe('west');
    expect(await tabTo(page, testId('reserve-submit'))).toEqual(['reserve-submit']);
    await page.keyboard.press('Enter');
    await page.getByTestId('reserve-result').waitFor();
    // The answer takes the focus (and sits in a live region), so it is read out at once.
    await until(async () => (await focused(page)) === 'reserve-result', 'the focus on the answer', 5_000);
    const answer = await focusNow(page);
    expect(answer).toMatchObject({ what: 'reserve-result', visible: true, inLiveRegion: true });
    const held = await app.request('GET', '/api/me/status', { token: walker.token });
    expect(held.body.holds).toEqual([expect.objectContaining({ titleId: classics.sanshiro, pickupBranch: 'west', status: 'PROVISIONAL' })]);

    // On to 利用状況 by the link in the answer; tick the loan with Space, 貸出延長, confirm with Enter.
    await tabTo(page, `${testId('reserve-result')} a[href="#/status"]`);
    await page.keyboard.press('Enter');
    await page.getByTestId('renew-form').waitFor();
    await focusOnHeading(page);
    await tabTo(page, `#renew-${loan.itemIds[0]}`);
    await page.keyboard.press('Space');
    expect(await page.locator(`#renew-${loan.itemIds[0]}`).isChecked()).toBe(true);
    await tabTo(page, testId('renew-submit'));
    await page.keyboard.press('Enter');
    await page.getByTestId('renew-confirm').waitFor();
    // The question takes the focus onto its 「延長する」; Tab and Shift+Tab move within it.
    await until(async () => (await focused(page)) === 'renew-confirm-yes', 'the focus on 延長する', 5_000);
    expect(await tabTo(page, testId('renew-confirm-no'))).toEqual(['renew-confirm-no']);
    expect(await tabTo(page, testId('renew-confirm-yes'), { back: true })).toEqual(['renew-confirm-yes']);
    await page.keyboard.press('Enter');
    const renewed = page.locator(`[data-testid="renew-result"][data-item-id="${loan.itemIds[0]}"]`);
    await renewed.waitFor();
    expect(await renewed.getAttribute('data-ok')).toBe('true');
    await until(async () => (await focused(page)) === 'renew-results', 'the focus on the results', 5_000);
    expect(await focusNow(page)).toMatchObject({ what: 'renew-results', visible: true, inLiveRegion: true });
    await holdRow(page, held.body.holds[0].holdId, 'PROVISIONAL');
    await page.close();
  }, 60_000);
});
