import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loanImporter } from '../../functions/use-cases/import-loans.js';
import { createAxeAudit } from '../support/axe.js';
import { launchBrowser } from '../support/browser.js';
import { holdPlaced, lent } from '../support/library-fixtures.js';
import { checkOut, scanIn } from '../support/staff-console.js';
import { STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13: every page of the staff console (web/staff/router.ts), with data in its lists and
 * its errors shown, has no serious or critical accessibility violation (axe-core, WCAG 2.1
 * AA). One JSON line per page is printed for the closing note. The clock stays at
 * 2026-12-01 10:00 JST (a Tuesday).
 */
let app: TestApp;
let browser: Browser;
let staff: string;
const audit = createAxeAudit();
const PC = { width: 1280, height: 800 } as const;

const expectAccessible = (page: Page, label: string) => audit.expectAccessible(page, label);

/** A patron who asked to be phoned, with a loan, holds to pull, on the hold shelf, and waiting. */
const patron = { card: '62000001', name: 'デンワ ハナコ' };
const data = { pullItem: '', readyItem: '', lendItem: '', waitingTitle: '' };

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  staff = await app.staffToken();
  const registered = await app.request('POST', '/admin/patrons', {
    token: staff,
    body: { cardNumber: patron.card, name: patron.name, birthDate: '1990-05-05', phone: '029-000-1234' },
  });
  expect(registered.status).toBe(201);
  expect((await app.request('POST', `/admin/patrons/${patron.card}/internet-password`, { token: staff })).status).toBe(200);
  const token = await app.patronToken(patron.card, '0505');
  expect((await app.request('PUT', '/api/me/contact', { token, body: { email: '', contactMethod: 'PHONE' } })).status).toBe(200);

  // The titles, imported in one batch (as bin/import does): fewer requests than the staff API.
  const copy = (itemId: string, callNumber?: string) => ({
    itemId,
    branch: 'central',
    category: 'NORMAL' as const,
    interlibrary: false,
    ...(callNumber ? { callNumber } : {}),
  });
  const book = (titleId: string, title: string, copies: ReturnType<typeof copy>[]) => ({ titleId, title, author: '試験 著者', materialType: 'BOOK' as const, copies });
  expect(
    await app.services.deps.store.catalogImport.importRecords([
      book('A11Y-PULL', '棚から出す本', [copy('A11Y-PULL-1', '913.6/ナ')]),
      book('A11Y-READY', '予約棚の本', [copy('A11Y-READY-1')]),
      book('A11Y-PHONE', '電話で知らせる本', [copy('A11Y-PHONE-1')]),
      book('A11Y-WAIT', '順番待ちの本', [copy('A11Y-WAIT-1')]),
      book('A11Y-LEND', '貸す本', [copy('A11Y-LEND-1'), copy('A11Y-LEND-2')]),
    ]),
  ).toMatchObject({ titles: 5, existingTitles: [] });
  expect(await app.services.invokeJob({ job: 'search-index', trigger: 'manual', runId: 'idx-a11y' })).toMatchObject({ status: 'SUCCEEDED' });
  const pulled = { titleId: 'A11Y-PULL', itemIds: ['A11Y-PULL-1'] } as const;
  const ready = { titleId: 'A11Y-READY', itemIds: ['A11Y-READY-1'] } as const;
  const shelved = { titleId: 'A11Y-PHONE', itemIds: ['A11Y-PHONE-1'] } as const;
  const waiting = { titleId: 'A11Y-WAIT', itemIds: ['A11Y-WAIT-1'] } as const;
  const lendable = { titleId: 'A11Y-LEND', itemIds: ['A11Y-LEND-1', 'A11Y-LEND-2'] } as const;
  const other = await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber: '62000002', name: '別の 人', birthDate: '1980-01-01' } });
  expect(other.status).toBe(201);
  expect((await app.request('POST', '/admin/patrons', { token: staff, body: { cardNumber: '62000003', name: '窓口で 予約', birthDate: '1980-01-01' } })).status).toBe(
    201,
  );
  await lent(app, staff, '62000002', waiting.itemIds[0]);
  for (const titleId of [pulled.titleId, ready.titleId, shelved.titleId, waiting.titleId]) await holdPlaced(app, token, titleId, 'central');
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: 'reg-a11y' })).toMatchObject({ status: 'SUCCEEDED' });
  // On the hold shelf for a patron who asked to be phoned: the phone contact list's row.
  expect((await app.request('POST', '/admin/checkin', { token: staff, body: { itemId: shelved.itemIds[0], branch: 'central' } })).status).toBe(200);
  // A loan from the old system's file (migration), lent on a past day: renewable today.
  const report = await loanImporter(app.services.deps)([
    { line: 2, fields: { cardNumber: patron.card, itemId: lendable.itemIds[0], checkoutDate: '2026-11-28', dueDate: '2026-12-12' } },
  ]);
  expect(report).toMatchObject({ imported: 1, rejected: [] });
  Object.assign(data, { pullItem: pulled.itemIds[0], readyItem: ready.itemIds[0], lendItem: lendable.itemIds[1], waitingTitle: waiting.titleId });
  expect(
    (await app.request('POST', '/admin/staff', { token: staff, body: { staffId: 'clerk-a11y', name: '窓口 係', role: 'COUNTER', password: 'clerk-a11y-pass' } })).status,
  ).toBe(201);
}, 120_000);

afterAll(async () => {
  audit.print();
  await browser?.close();
  await app?.stop();
});

describe('issue 13: the staff console has no serious or critical accessibility violation (axe-core, WCAG 2.1 AA)', () => {
  it('login and its error, the first-use branch choice, the counter with its answers', async () => {
    const page = await browser.newPage({ viewport: PC });
    await page.goto(`${app.url}/staff/`);
    await page.getByTestId('login-form').waitFor();
    await expectAccessible(page, 'staff: login');
    await page.getByTestId('login-staff-id').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await expectAccessible(page, 'staff: login refused');
    await page.getByTestId('login-password').fill(STAFF_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('branch-setup-select').waitFor();
    await expectAccessible(page, 'staff: branch of this counter (first use)');
    await page.getByTestId('branch-setup-select').selectOption('central');
    await page.getByTestId('branch-setup-submit').click();
    await page.getByTestId('checkin-scan').waitFor();
    await expectAccessible(page, 'staff: counter');

    expect((await scanIn(page, data.readyItem)).action).toBe('HOLD_SHELF');
    await expectAccessible(page, 'staff: counter, check-in to the hold shelf (slip)');
    await scanIn(page, 'NO-SUCH-ITEM');
    await expectAccessible(page, 'staff: counter, check-in of an unknown copy (error)');
    expect((await checkOut(page, patron.card, data.lendItem)).status).toBe('ok');
    await page.getByTestId('counter-patron').waitFor();
    await expectAccessible(page, 'staff: counter, checkout with the patron shown');
    // The copy just put on the hold shelf, lent to someone else: refused in large print.
    expect(await checkOut(page, '62000002', data.readyItem)).toMatchObject({ status: 'error', code: 'ON_HOLD_FOR_ANOTHER' });
    await expectAccessible(page, 'staff: counter, checkout refused (on hold for another)');
    await page.close();
  }, 60_000);

  it('every other page of the console: lists, patrons, a patron, holds, calendar, jobs, staff; with errors', async () => {
    const page = await browser.newPage({ viewport: PC });
    await page.goto(`${app.url}/staff/`);
    await page.getByTestId('login-staff-id').fill('admin');
    await page.getByTestId('login-password').fill(STAFF_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('branch-setup-select').or(page.getByTestId('checkin-scan')).first().waitFor();
    if (await page.getByTestId('branch-setup-select').isVisible()) {
      await page.getByTestId('branch-setup-select').selectOption('central');
      await page.getByTestId('branch-setup-submit').click();
    }
    await page.getByTestId('checkin-scan').waitFor();
    const open = async (hash: string, ready: string) => {
      await page.goto(`${app.url}/staff/${hash}`);
      await page.getByTestId(ready).first().waitFor();
    };

    // Holds requested today are on tomorrow's list (SPEC 5.4): the list of 12-02, asked for by its date.
    await open('#/pull-list', 'pull-list-date');
    await page.getByTestId('pull-list-date').fill('2026-12-02');
    await page.getByTestId('pull-list-row').first().waitFor();
    await expectAccessible(page, 'staff: pull list');
    await open('#/contact-list', 'contact-list-row');
    await expectAccessible(page, 'staff: phone contact list');

    await open('#/patrons', 'patron-lookup-form');
    await expectAccessible(page, 'staff: patrons');
    await page.getByTestId('patron-lookup-q').fill('でんわ');
    await page.getByTestId('patron-lookup-submit').click();
    await page.getByTestId('patron-lookup-result').first().waitFor();
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-error').waitFor();
    await expectAccessible(page, 'staff: patrons, lookup results and a registration error');
    await page.getByTestId('register-card').fill('62000009');
    await page.getByTestId('register-name').fill('登録 太郎');
    await page.getByTestId('register-birth').fill('1985-04-01');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-issue-password').click();
    await page.getByTestId('password-submit').click();
    await page.getByTestId('initial-password').waitFor();
    await expectAccessible(page, 'staff: patrons, registered and the initial password issued');

    await open(`#/patron/${patron.card}`, 'patron-profile');
    await page.getByTestId('patron-loan').first().waitFor();
    await expectAccessible(page, 'staff: patron (profile, loans, holds)');
    await page.getByTestId('patron-loan-renew').first().click();
    await page.getByTestId('patron-loan-renew-result').first().waitFor();
    await expectAccessible(page, 'staff: patron, loan renewed');

    await open('#/holds', 'title-search-form');
    await expectAccessible(page, 'staff: holds (no title chosen)');
    await open(`#/holds/${data.waitingTitle}`, 'queue-row');
    await page.getByTestId('title-search-input').fill('予約棚');
    await page.getByTestId('title-search-submit').click();
    await page.getByTestId('title-search-row').first().waitFor();
    await page.getByTestId('queue-cancel').first().click();
    await page.getByTestId('cancel-hold-form').waitFor();
    await expectAccessible(page, 'staff: holds (title, queue, cancel form, search results, counter hold, add copy)');
    await page.getByTestId('hold-card').fill('62000002');
    await page.getByTestId('counter-hold-submit').click();
    await page.getByTestId('counter-hold-error').waitFor();
    await expectAccessible(page, 'staff: holds, counter hold refused (error)');
    await page.getByTestId('hold-card').fill('62000003');
    await page.getByTestId('counter-hold-submit').click();
    await page.getByTestId('counter-hold-result').waitFor();
    await expectAccessible(page, 'staff: holds, counter hold placed');
    await open('#/holds/NOSUCHTITLE', 'title-error');
    await expectAccessible(page, 'staff: holds, title not found (error)');

    await open('#/calendar', 'calendar-form');
    await page.getByTestId('weekly-form').waitFor();
    await expectAccessible(page, 'staff: calendar');
    await page.getByTestId('calendar-submit').click();
    await page.getByTestId('calendar-result').waitFor();
    await expectAccessible(page, 'staff: calendar, a day saved');
    await open('#/jobs', 'job-run-row');
    await expectAccessible(page, 'staff: jobs');
    await open('#/staff', 'staff-row');
    await page.getByTestId('staff-id').fill('clerk-two');
    await page.getByTestId('staff-name').fill('二人目 係');
    await page.getByTestId('staff-password').fill('clerk-two-pass');
    await page.getByTestId('add-staff-submit').click();
    await page.locator('[data-testid="staff-row"][data-staff-id="clerk-two"]').waitFor();
    await page.getByTestId('add-staff-submit').click();
    await page.getByTestId('add-staff-error').waitFor();
    await expectAccessible(page, 'staff: staff accounts, one added, then an error');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-notice').waitFor();
    await expectAccessible(page, 'staff: login after logging out (notice)');
    await page.close();

    // A COUNTER account sees no administrators' page, and a typed-in one says so.
    const counter = await browser.newPage({ viewport: PC });
    await counter.goto(`${app.url}/staff/`);
    await counter.getByTestId('login-staff-id').fill('clerk-a11y');
    await counter.getByTestId('login-password').fill('clerk-a11y-pass');
    await counter.getByTestId('login-submit').click();
    await counter.getByTestId('branch-setup-select').waitFor();
    await counter.getByTestId('branch-setup-select').selectOption('central');
    await counter.getByTestId('branch-setup-submit').click();
    await counter.getByTestId('checkin-scan').waitFor();
    await counter.goto(`${app.url}/staff/#/jobs`);
    await counter.getByTestId('admin-only').waitFor();
    await expectAccessible(counter, "staff (COUNTER): administrators' page refused");
    await counter.close();
  }, 90_000);
});
