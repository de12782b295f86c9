import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';

/**
 * SPEC 2: a branch's calendar is its weekly hours plus the dates staff set apart; it answers
 * for any date. SPEC 11: GET /api/config tells clients the rules this stack applies.
 */
const BRANCHES = ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara'];
const week = (tuesday: { opensAt: string; closesAt: string } | null) => ({
  sun: { opensAt: '09:30', closesAt: '17:00' },
  mon: null,
  tue: tuesday,
  wed: { opensAt: '09:30', closesAt: '19:00' },
  thu: { opensAt: '09:30', closesAt: '19:00' },
  fri: { opensAt: '09:30', closesAt: '19:00' },
  sat: { opensAt: '09:30', closesAt: '17:00' },
});

describe('SPEC 2 the calendar two years ahead, with no data loaded for it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ startAt: '2028-12-05T10:01:00+09:00' }); // a Tuesday
  });
  afterAll(() => app.stop());

  it('a hold placed at 10:01 on a Tuesday in 2028 registers at 10:10: the day is an opening day', async () => {
    const staff = await app.staffToken();
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    expect((await holdPlaced(app, token, titleId)).registersAt).toBe('2028-12-05T10:10:00+09:00');
  });
});

describe('SPEC 2 weekly hours and exceptions', () => {
  let app: TestApp;
  let staff: string;
  beforeAll(async () => {
    app = await startTestApp({ startAt: '2026-12-08T17:31:00+09:00' }); // a Tuesday, open to 19:00 by the demo hours
    staff = await app.staffToken();
  });
  afterAll(() => app.stop());

  const setHours = (branch: string, body: unknown) => app.request('PUT', `/admin/branches/${branch}/hours`, { token: staff, body });

  it('staff read the weekly hours; setting every Tuesday to close at 17:00 moves a 17:31 hold to the next 07:00 run', async () => {
    const before = await app.request('GET', '/admin/branches/central/hours', { token: staff });
    expect(before.body).toEqual(week({ opensAt: '09:30', closesAt: '19:00' }));
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    expect((await holdPlaced(app, token, titleId)).registersAt).toBe('2026-12-08T17:40:00+09:00');

    for (const branch of BRANCHES) expect((await setHours(branch, week({ opensAt: '09:30', closesAt: '17:00' }))).status).toBe(204);
    expect((await app.request('GET', '/admin/branches/west/hours', { token: staff })).body.tue).toEqual({ opensAt: '09:30', closesAt: '17:00' });
    const { titleId: second } = await newTitle(app, staff);
    expect((await holdPlaced(app, token, second)).registersAt).toBe('2026-12-09T07:00:00+09:00');
  });

  it('an exception on one date (PUT /admin/calendar) wins over the weekly hours, for that date only', async () => {
    expect((await app.request('PUT', '/admin/calendar/east/2026-12-08', { token: staff, body: { open: true, opensAt: '09:30', closesAt: '20:00' } })).status).toBe(204);
    const { token } = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    expect((await holdPlaced(app, token, titleId)).registersAt).toBe('2026-12-08T17:40:00+09:00');
    expect((await app.request('GET', '/admin/branches/east/hours', { token: staff })).body.tue).toEqual({ opensAt: '09:30', closesAt: '17:00' });
  });

  it.each([
    [{ ...week(null), fri: undefined }, 'fri'],
    [{ ...week(null), wed: { opensAt: '19:00', closesAt: '09:30' } }, 'wed.closesAt'],
    [{ ...week(null), thu: { opensAt: '9:30', closesAt: '19:00' } }, 'thu.opensAt'],
    [{ ...week(null), sat: 'closed' }, 'sat'],
  ])('refuses weekly hours %j with 400 naming %s', async (body, field) => {
    const answer = await setHours('central', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field });
  });

  it('refuses an unknown branch with 404 INVALID_BRANCH, and callers without a staff token', async () => {
    const unknown = await setHours('atlantis', week(null));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('INVALID_BRANCH');
    expect((await app.request('GET', '/admin/branches/atlantis/hours', { token: staff })).status).toBe(404);
    expect((await app.request('PUT', '/admin/branches/central/hours', { body: week(null) })).status).toBe(401);
    expect((await app.request('PUT', '/admin/branches/central/hours', { token: await app.patronToken(), body: week(null) })).status).toBe(403);
  });
});

describe('SPEC 11 GET /api/config', () => {
  it('answers the rules of the stack: the defaults, then what the environment sets', async () => {
    const defaults = await startTestApp();
    try {
      const answer = await defaults.request('GET', '/api/config');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        libraryName: '水戸市立図書館',
        holdLimit: 15,
        loanDays: 14,
        pickupDays: 7,
        renewals: 1,
        mailFrom: 'central@library-mito.jp',
        serverTime: expect.stringMatching(/^2026-12-01T10:0\d:\d\d\+09:00$/),
      });
      // The service's clock, not the machine's: the staff console shows its date and time (issue 10.8).
      expect((await defaults.setClock('2026-12-01T18:45:00+09:00')).status).toBe(200);
      expect((await defaults.request('GET', '/api/config')).body.serverTime).toMatch(/^2026-12-01T18:4\d:\d\d\+09:00$/);
    } finally {
      await defaults.stop();
    }
    const configured = await startTestApp({ env: { LIBRARY_NAME: 'ひたちなか市立図書館', HOLD_LIMIT: '10', PICKUP_DAYS: '5' } });
    try {
      expect((await configured.request('GET', '/api/config')).body).toEqual({
        libraryName: 'ひたちなか市立図書館',
        holdLimit: 10,
        loanDays: 14,
        pickupDays: 5,
        renewals: 1,
        serverTime: expect.any(String),
        mailFrom: 'central@library-mito.jp',
      });
    } finally {
      await configured.stop();
    }
  });
});
