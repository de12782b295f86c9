import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, onServerClock, PHONE, snap, type ServerClockBrowser } from '../support/browser.js';
import { holdPlaced, lent, newPatron, newTitle } from '../support/library-fixtures.js';
import { holdRow, visit } from '../support/patron-app.js';
import { openStaffConsole } from '../support/staff-console.js';
import { CHANGED_PASSWORD, STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;
let clocked: ServerClockBrowser;
let staff: string;

// 2026-12-01 is a Tuesday.
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ startAt: '2026-12-01T10:01:00+09:00' }), launchBrowser()]);
  clocked = onServerClock(browser, { now: () => app.services.clock.now(), setClock: (iso) => app.setClock(iso) });
  staff = await app.staffToken();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const WORD_JOINER = /\u2060/g;

describe('SPEC 10.3 the patron sees the estimated wait', () => {
  it('SPEC 10.3: the title page tells before reserving, the status page after, each as 〜月日ごろ with a caveat', async () => {
    const { titleId, itemIds } = await newTitle(app, staff, [{ branch: 'central' }], { title: '待ち日数の本' });
    const borrower = await newPatron(app, staff);
    expect((await lent(app, staff, borrower.cardNumber, itemIds[0]!)).dueDate).toBe('2026-12-15');
    const made = await newPatron(app, staff);
    const patron = { card: made.cardNumber, password: CHANGED_PASSWORD };

    const page = await clocked.newPage({ viewport: PHONE });
    await visit(page, app.url, `#/login?next=${encodeURIComponent(`/titles/${titleId}`)}`, patron, 'title-page');
    const onTitle = page.getByTestId('title-estimate');
    expect(await onTitle.getAttribute('data-estimate')).toBe('2026-12-16');
    const titleText = (await onTitle.innerText()).replace(WORD_JOINER, '');
    expect(titleText).toContain('〜12月16日ごろ');
    expect(titleText).toContain('おおよその日付');
    await snap(page, 'estimated-wait-title');

    const hold = await holdPlaced(app, made.token, titleId, 'central');
    await clocked.setClock('2026-12-01T10:20:00+09:00'); // the 10:10 registration run has passed
    await visit(page, app.url, '#/status', patron, 'status-summary');
    const row = await holdRow(page, hold.holdId, 'WAITING');
    const estimate = row.getByTestId('hold-estimate');
    expect(await estimate.getAttribute('data-estimate')).toBe('2026-12-16');
    const text = (await estimate.innerText()).replace(WORD_JOINER, '');
    expect(text).toContain('目安: 〜12月16日ごろ');
    expect(text).toContain('前後する');
    await snap(page, 'estimated-wait-status');
    await page.close();

    // Staff see the same date in the title's queue.
    const console = await openStaffConsole(clocked, app.url, STAFF_PASSWORD, 'central');
    await console.goto(`${app.url}/staff/#/holds/${titleId}`);
    const queued = console.locator(`[data-testid="queue-row"][data-hold-id="${hold.holdId}"] [data-testid="queue-estimate"]`);
    await queued.waitFor();
    expect(await queued.getAttribute('data-estimate')).toBe('2026-12-16');
    expect(await queued.innerText()).toContain('目安');
    await console.close();
  });
});
