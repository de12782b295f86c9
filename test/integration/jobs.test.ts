import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { holdIn, holdPlaced, newPatron, newTitle } from '../support/library-fixtures.js';

let app: TestApp;
let staff: string;

const runs = async (job: string) => (await app.request('GET', `/admin/jobs/${job}/runs`, { token: staff })).body as any[];
/** Each test starts from an instant of its own (no jobs fired on the way), on a day no other test uses. */
const at = async (iso: string) => {
  await app.services.scheduler.skipTo(new Date(iso));
  staff = await app.staffToken();
};
const move = async (iso: string | null) => {
  const moved = await app.setClock(iso);
  expect(moved.status).toBe(200);
  return moved.body as { now: string; fired: { job: string; schedule: string; scheduledTime: string }[] };
};
const utc = (iso: string) => new Date(iso).toISOString();
/** Within a few seconds after `iso`: the local clock keeps running from where it was set. */
const justAfter = (instant: string, iso: string) => {
  const ms = Date.parse(instant) - Date.parse(iso);
  expect(ms, `${instant} vs ${iso}`).toBeGreaterThanOrEqual(0);
  expect(ms, `${instant} vs ${iso}`).toBeLessThan(5_000);
};

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-02T06:55:00+09:00' });
});
beforeEach(async () => {
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 7 local clock and SPEC 8 schedules', () => {
  it('moving the clock across 07:00 fires the 07:00 run and the 10-minute run once each, at their own time', async () => {
    await at('2026-12-02T06:55:00+09:00'); // Wednesday
    const moved = await move('2026-12-02T07:05:00+09:00');
    expect(moved.fired).toEqual([
      { job: 'hold-registration', schedule: 'daily-0700', scheduledTime: '2026-12-01T22:00:00.000Z' },
      { job: 'hold-registration', schedule: 'every-10-minutes', scheduledTime: '2026-12-01T22:00:00.000Z' },
    ]);
    const recorded = (await runs('hold-registration')).filter((r) => r.scheduledTime === '2026-12-01T22:00:00.000Z');
    expect(recorded.map((r) => r.schedule).sort()).toEqual(['daily-0700', 'every-10-minutes']);
    for (const run of recorded) {
      expect(run).toMatchObject({ trigger: 'schedule', status: 'SUCCEEDED', scheduledTime: '2026-12-01T22:00:00.000Z' });
      // The service saw the run's own time while it ran, not the time the clock was moved to.
      justAfter(run.startedAt, '2026-12-02T07:00:00+09:00');
      justAfter(run.finishedAt, run.startedAt);
    }
    justAfter(moved.now, '2026-12-02T07:05:00+09:00');
  });

  it('moving across 08:00 fires registration runs and the pickup-notice run in time order; none fires twice', async () => {
    await at('2026-12-04T07:05:00+09:00'); // Friday
    const moved = await move('2026-12-04T08:01:00+09:00');
    const times = moved.fired.map((f) => f.scheduledTime);
    expect(times).toEqual([...times].sort());
    const registrationTimes = ['07:10', '07:20', '07:30', '07:40', '07:50', '08:00'].map((t) => utc(`2026-12-04T${t}:00+09:00`));
    expect(moved.fired.filter((f) => f.job === 'hold-registration').map((f) => f.scheduledTime)).toEqual(registrationTimes);
    expect(moved.fired.filter((f) => f.job === 'pickup-notices')).toEqual([
      { job: 'pickup-notices', schedule: 'daily-0800', scheduledTime: utc('2026-12-04T08:00:00+09:00') },
    ]);
    expect(moved.fired).toHaveLength(7);
    const registrations = (await runs('hold-registration')).filter((r) => registrationTimes.includes(r.scheduledTime));
    expect(registrations.map((r) => r.scheduledTime).sort()).toEqual(registrationTimes);
    const notices = (await runs('pickup-notices')).filter((r) => r.scheduledTime === utc('2026-12-04T08:00:00+09:00'));
    expect(notices).toEqual([expect.objectContaining({ trigger: 'schedule', schedule: 'daily-0800', status: 'SUCCEEDED' })]);
  });

  it('moving the clock backwards fires nothing', async () => {
    await at('2026-12-05T05:55:00+09:00'); // Saturday
    expect((await move('2026-12-05T06:01:00+09:00')).fired).toEqual([{ job: 'hold-expiry', schedule: 'daily-0600', scheduledTime: utc('2026-12-05T06:00:00+09:00') }]);
    const back = await move('2026-12-05T05:00:00+09:00');
    expect(back.fired).toEqual([]);
    justAfter(back.now, '2026-12-05T05:00:00+09:00');
  });

  it('a second delivery of the same scheduled run is recognised and skipped', async () => {
    await at('2026-12-08T05:55:00+09:00'); // Tuesday
    const scheduledTime = utc('2026-12-08T06:00:00+09:00');
    expect((await move('2026-12-08T06:01:00+09:00')).fired).toEqual([{ job: 'hold-expiry', schedule: 'daily-0600', scheduledTime }]);
    const invocation = { job: 'hold-expiry', trigger: 'schedule', schedule: 'daily-0600', scheduledTime } as const;
    expect(await app.services.invokeJob(invocation)).toMatchObject({ status: 'DUPLICATE' });
    const recorded = (await runs('hold-expiry')).filter((r) => r.scheduledTime === scheduledTime);
    expect(recorded).toEqual([expect.objectContaining({ trigger: 'schedule', status: 'SUCCEEDED' })]);
  });
});

describe('SPEC 5.3 / 9 staff "run now"', () => {
  it('answers 202 with a runId; the run travels over the bus and is listed as manual', async () => {
    await at('2026-12-09T10:00:00+09:00');
    const answer = await app.request('POST', '/admin/jobs/pickup-notices/run', { token: staff });
    expect(answer.status).toBe(202);
    const { runId } = answer.body;
    expect(runId).toEqual(expect.any(String));
    await app.services.bus.settled();
    const listed = (await runs('pickup-notices')).filter((r) => r.runId === runId);
    expect(listed).toEqual([expect.objectContaining({ trigger: 'manual', status: 'SUCCEEDED' })]);
    const events = (await app.request('GET', '/admin/local/events?limit=5')).body as any[];
    expect(events).toContainEqual(expect.objectContaining({ detailType: 'JobRunRequested', detail: expect.objectContaining({ runId }) }));
  });

  it('newest run first', async () => {
    await at('2026-12-09T11:00:00+09:00');
    const first = (await app.request('POST', '/admin/jobs/hold-expiry/run', { token: staff })).body.runId;
    // The run starts when the bus delivers it: let it, before the clock moves on.
    await app.services.bus.settled();
    await move('2026-12-09T11:01:00+09:00');
    const second = (await app.request('POST', '/admin/jobs/hold-expiry/run', { token: staff })).body.runId;
    await app.services.bus.settled();
    const ids = (await runs('hold-expiry')).map((r) => r.runId).filter((id) => id === first || id === second);
    expect(ids).toEqual([second, first]);
  });

  it('an unknown job is 404', async () => {
    const run = await app.request('POST', '/admin/jobs/make-coffee/run', { token: staff });
    expect(run.status).toBe(404);
    expect(run.body.error.code).toBe('NOT_FOUND');
    expect((await app.request('GET', '/admin/jobs/make-coffee/runs', { token: staff })).status).toBe(404);
  });
});

describe('SPEC 2 calendar', () => {
  it('staff close every branch for a day: its 10-minute runs register nothing, the 07:00 run still does', async () => {
    const date = '2026-12-03'; // Thursday, normally open
    await at('2026-12-02T21:00:00+09:00');
    for (const branch of ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara']) {
      expect((await app.request('PUT', `/admin/calendar/${branch}/${date}`, { token: staff, body: { open: false } })).status).toBe(204);
    }
    const patron = await newPatron(app, staff);
    const { titleId } = await newTitle(app, staff);
    const hold = await holdPlaced(app, patron.token, titleId);
    expect(hold.registersAt).toBe('2026-12-03T07:00:00+09:00');
    await move('2026-12-03T07:10:30+09:00');
    staff = await app.staffToken(); // the clock moved past the shift-long token
    const recorded = await runs('hold-registration');
    const at0700 = recorded.filter((r) => r.scheduledTime === utc('2026-12-03T07:00:00+09:00'));
    expect(at0700.map((r) => [r.schedule, r.summary.skipped ?? null, r.summary.registered]).sort()).toEqual([
      ['daily-0700', null, 1],
      ['every-10-minutes', 'NOT_AN_OPENING_DAY', 0],
    ]);
    const at0710 = recorded.filter((r) => r.scheduledTime === utc('2026-12-03T07:10:00+09:00'));
    expect(at0710).toEqual([expect.objectContaining({ summary: expect.objectContaining({ skipped: 'NOT_AN_OPENING_DAY', registered: 0 }) })]);
    expect(await holdIn(app, await app.patronToken(patron.cardNumber, '0505'), hold.holdId)).toMatchObject({ status: 'WAITING', position: 1 });
  });

  it.each([
    [{ open: true, opensAt: '10:00' }, 'closesAt'],
    [{ open: true, opensAt: '19:00', closesAt: '09:00' }, 'closesAt'],
    [{ open: true, opensAt: '9:00', closesAt: '17:00' }, 'opensAt'],
    [{ open: 'yes' }, 'open'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const answer = await app.request('PUT', '/admin/calendar/central/2026-12-10', { token: staff, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', field });
  });

  it('refuses an unknown branch (404 INVALID_BRANCH) and an impossible date (400)', async () => {
    const unknown = await app.request('PUT', '/admin/calendar/atlantis/2026-12-10', { token: staff, body: { open: false } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('INVALID_BRANCH');
    const answer = await app.request('PUT', '/admin/calendar/central/2026-13-01', { token: staff, body: { open: false } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('date');
  });
});

describe('SPEC 7 returning to real time', () => {
  it('{now: null} returns to real time; a bad instant is 400', async () => {
    // Start a minute before real time: going back to it from the pinned December 2026 would
    // otherwise fire every run in between, a number that grows as the real date moves on.
    await at(new Date(Date.now() - 60_000).toISOString());
    const real = await move(null);
    expect(Math.abs(Date.parse(real.now) - Date.now())).toBeLessThan(5_000);
    const bad = await app.setClock('tomorrow' as never);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('now');
  });
});
