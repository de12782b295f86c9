import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, onServerClock, PHONE, snap, type ServerClockBrowser } from '../support/browser.js';
import { holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';
import { until, visit } from '../support/patron-app.js';
import { openStaffConsole, scanIn } from '../support/staff-console.js';
import { CHANGED_PASSWORD, STAFF_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let browser: Browser;
let clocked: ServerClockBrowser;
let staff: string;

const registerNow = async () => {
  expect(await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual', runId: `reg-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });
};

// The clock stays at 2026-12-01 10:00 JST (a Tuesday).
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  clocked = onServerClock(browser, { now: () => app.services.clock.now(), setClock: (iso) => app.setClock(iso) });
  staff = await app.staffToken();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('SPEC 10.1 / 10.2 in the apps', () => {
  it('a patron pauses a waiting hold until a date and resumes it; the staff queue shows the pause', { timeout: 120_000 }, async () => {
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff, [{ branch: 'east' }], { title: '旅行中に待つ本' });
    const hold = await holdPlaced(app, patron.token, titleId, 'central');
    await registerNow();

    const page = await clocked.newPage({ viewport: PHONE });
    await visit(page, app.url, '#/status', { card: patron.cardNumber, password: CHANGED_PASSWORD }, 'loan-count');
    const row = page.locator(`[data-testid="hold-row"][data-hold-id="${hold.holdId}"]`);
    await row.getByTestId('hold-suspend').click();
    const date = row.getByTestId('suspend-until');
    expect(await date.getAttribute('min')).toBe('2026-12-02');
    expect(await date.getAttribute('max')).toBe('2027-05-30');
    await date.fill('2026-12-20');
    await row.getByTestId('suspend-submit').click();
    await row.getByTestId('hold-suspended').waitFor();
    expect(await row.getByTestId('hold-suspended').textContent()).toContain('一時停止中');
    expect(await row.getByTestId('hold-suspended').getAttribute('data-until')).toBe('2026-12-20');
    expect(await row.getByTestId('hold-detail').textContent()).toContain('1番目');
    await snap(page, 'hold-suspended');

    const staffPage = await openStaffConsole(clocked, app.url, STAFF_PASSWORD, 'central');
    await staffPage.goto(`${app.url}/staff/#/holds/${titleId}`);
    await staffPage.getByTestId('queue-suspended').waitFor();
    expect(await staffPage.getByTestId('queue-suspended').textContent()).toContain('一時停止中');

    await row.getByTestId('hold-resume').click();
    await row.getByTestId('hold-suspended').waitFor({ state: 'detached' });
    await row.getByTestId('hold-suspend').waitFor();

    // Staff pause it for the patron on the phone, from the patron page.
    await staffPage.goto(`${app.url}/staff/#/patron/${patron.cardNumber}`);
    const staffRow = staffPage.locator(`[data-testid="patron-hold"][data-hold-id="${hold.holdId}"]`);
    await staffRow.getByTestId('patron-hold-suspend-until').fill('2026-12-24');
    await staffRow.getByTestId('patron-hold-suspend').click();
    await staffRow.getByTestId('patron-hold-suspended').waitFor();
    expect(await staffRow.getByTestId('patron-hold-suspended').textContent()).toContain('一時停止中');
    const status = await app.request('GET', '/api/me/status', { token: await app.patronToken(patron.cardNumber, '0505') });
    expect((status.body.holds as any[]).find((h) => h.holdId === hold.holdId)).toMatchObject({ suspendedUntil: '2026-12-24' });
    await staffRow.getByTestId('patron-hold-resume').click();
    await staffRow.getByTestId('patron-hold-suspended').waitFor({ state: 'detached' });
    await staffPage.close();
    await page.close();
  });

  it('reserves the volumes of a series in order from a title page; check-in passes volume 2 over while volume 1 waits', { timeout: 120_000 }, async () => {
    const patron = await newPatron(app, staff);
    const series = '偕楽園ものがたり';
    const volumes = [];
    // Created out of order: the app orders them by volume.
    for (const volume of ['2', '10', '1']) {
      volumes.push(await newTitle(app, staff, [{ branch: 'central' }], { title: `${series} 第${volume}巻`, series, volume }));
    }
    const [v2, v10, v1] = volumes as [(typeof volumes)[number], (typeof volumes)[number], (typeof volumes)[number]];
    expect(await app.services.invokeJob({ job: 'search-index', trigger: 'manual', runId: `idx-${Math.random()}` })).toMatchObject({ status: 'SUCCEEDED' });

    const page = await clocked.newPage({ viewport: PHONE });
    await visit(page, app.url, '#/status', { card: patron.cardNumber, password: CHANGED_PASSWORD }, 'loan-count');
    await visit(page, app.url, `#/titles/${v1.titleId}`, { card: patron.cardNumber, password: CHANGED_PASSWORD }, 'title-page');
    await page.getByTestId('sequence-open').click();
    const boxes = page.getByTestId('sequence-volume');
    await until(async () => (await boxes.count()) === 3, 'the three volumes');
    expect(await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('data-title-id')))).toEqual([v1.titleId, v2.titleId, v10.titleId]);
    // Volume 10 is left out.
    await page.locator(`[data-testid="sequence-volume"][data-title-id="${v10.titleId}"]`).uncheck();
    await page.getByTestId('sequence-branch').selectOption('central');
    await page.getByTestId('sequence-submit').click();
    await page.getByTestId('sequence-result').waitFor();
    expect(await page.getByTestId('sequence-result').textContent()).toContain('2点を順番に予約しました');
    await snap(page, 'reserve-in-order');

    const holds = ((await app.request('GET', '/api/me/status', { token: await app.patronToken(patron.cardNumber, '0505') })).body.holds as any[]).sort(
      (a, b) => a.sequenceIndex - b.sequenceIndex,
    );
    expect(holds.map((h) => [h.titleId, h.sequenceIndex, h.waitsFor])).toEqual([
      [v1.titleId, 1, null],
      [v2.titleId, 2, v1.titleId],
    ]);
    await visit(page, app.url, '#/status', { card: patron.cardNumber, password: CHANGED_PASSWORD }, 'loan-count');
    const second = page.locator(`[data-testid="hold-row"][data-hold-id="${holds[1].holdId}"]`);
    expect(await second.getByTestId('hold-sequence').textContent()).toContain('順番予約 2/2');
    expect(await second.getByTestId('hold-sequence').textContent()).toContain('前の巻を借りた後に用意します');

    await registerNow();
    const staffPage = await openStaffConsole(clocked, app.url, STAFF_PASSWORD, 'central');
    const scanned = await scanIn(staffPage, v2.itemIds[0] as string);
    expect(scanned.action).toBe('SHELVE');
    const passed = staffPage.getByTestId('checkin-passed-over');
    expect(await passed.textContent()).toContain(holds[1].holdId);
    expect(await passed.textContent()).toContain('順番予約の前の巻待ち');
    await snap(staffPage, 'checkin-passed-over');

    await staffPage.goto(`${app.url}/staff/#/holds/${v2.titleId}`);
    await staffPage.getByTestId('queue-sequence').waitFor();
    expect(await staffPage.getByTestId('queue-sequence').textContent()).toContain('順番予約 2/2');
    await staffPage.close();
    await page.close();
  });
});
