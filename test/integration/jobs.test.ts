import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let staff: string;

const runs = async (job: string) => (await app.request('GET', `/admin/jobs/${job}/runs`, { token: staff })).body as any[];

beforeAll(async () => {
  app = await startTestApp({ startAt: '2026-12-02T06:55:00+09:00' });
  staff = await app.staffToken();
});
afterAll(() => app.stop());

describe('SPEC 7 local clock and SPEC 8 schedules', () => {
  it('moving the clock across 07:00 fires the 07:00 run and the 10-minute run once each, at their own time', async () => {
    const moved = await app.setClock('2026-12-02T07:05:00+09:00');
    expect(moved.status).toBe(200);
    expect(moved.body.fired).toEqual([
      { job: 'hold-registration', schedule: 'daily-0700', scheduledTime: '2026-12-01T22:00:00.000Z' },
      { job: 'hold-registration', schedule: 'every-10-minutes', scheduledTime: '2026-12-01T22:00:00.000Z' },
    ]);
    const recorded = await runs('hold-registration');
    expect(recorded).toHaveLength(2);
    expect(recorded.map((r) => r.schedule).sort()).toEqual(['daily-0700', 'every-10-minutes']);
    for (const run of recorded) {
      expect(run).toMatchObject({ trigger: 'schedule', status: 'SUCCEEDED', scheduledTime: '2026-12-01T22:00:00.000Z' });
      expect(run.finishedAt).toBeTruthy();
    }
    expect(Date.parse(moved.body.now)).toBeGreaterThanOrEqual(Date.parse('2026-12-02T07:05:00+09:00'));
  });

  it('moving across 08:00 fires registration runs and the pickup-notice run in time order; none fires twice', async () => {
    const moved = await app.setClock('2026-12-02T08:01:00+09:00');
    const fired = moved.body.fired as { job: string; scheduledTime: string }[];
    expect(fired.map((f) => f.scheduledTime)).toEqual([...fired.map((f) => f.scheduledTime)].sort());
    expect(fired.filter((f) => f.job === 'hold-registration')).toHaveLength(6);
    expect(fired.filter((f) => f.job === 'pickup-notices')).toHaveLength(1);
    expect(await runs('hold-registration')).toHaveLength(8);
    expect((await runs('pickup-notices'))[0]).toMatchObject({ trigger: 'schedule', schedule: 'daily-0800' });
  });

  it('moving the clock backwards fires nothing', async () => {
    const moved = await app.setClock('2026-12-02T05:00:00+09:00');
    expect(moved.body.fired).toEqual([]);
    const forward = await app.setClock('2026-12-02T06:01:00+09:00');
    expect(forward.body.fired.map((f: { job: string }) => f.job)).toEqual(['hold-expiry']);
  });

  it('a second delivery of the same scheduled run is recognised and skipped', async () => {
    const invocation = { job: 'hold-expiry', trigger: 'schedule', schedule: 'daily-0600', scheduledTime: '2026-12-01T21:00:00.000Z' } as const;
    const again = await app.services.invokeJob(invocation);
    expect(again).toMatchObject({ status: 'DUPLICATE' });
    expect(await runs('hold-expiry')).toHaveLength(1);
  });

});

describe('SPEC 5.3 / 9 staff "run now"', () => {
  it('answers 202 with a runId; the run travels over the bus and is listed as manual', async () => {
    const answer = await app.request('POST', '/admin/jobs/pickup-notices/run', { token: staff });
    expect(answer.status).toBe(202);
    const { runId } = answer.body;
    await app.services.bus.settled();
    const listed = (await runs('pickup-notices')).find((r) => r.runId === runId);
    expect(listed).toMatchObject({ trigger: 'manual', status: 'SUCCEEDED' });
    const events = (await app.request('GET', '/admin/local/events?limit=5')).body as any[];
    expect(events.some((e) => e.detailType === 'JobRunRequested' && e.detail.runId === runId)).toBe(true);
  });

  it('newest run first', async () => {
    const first = (await app.request('POST', '/admin/jobs/hold-expiry/run', { token: staff })).body.runId;
    await app.setClock('2026-12-02T09:01:00+09:00');
    const second = (await app.request('POST', '/admin/jobs/hold-expiry/run', { token: staff })).body.runId;
    await app.services.bus.settled();
    const ids = (await runs('hold-expiry')).map((r) => r.runId);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
  });

  it('an unknown job is 404', async () => {
    expect((await app.request('POST', '/admin/jobs/make-coffee/run', { token: staff })).status).toBe(404);
    expect((await app.request('GET', '/admin/jobs/make-coffee/runs', { token: staff })).status).toBe(404);
  });
});

describe('SPEC 2 calendar', () => {
  beforeAll(async () => {
    staff = await app.staffToken();
  });

  it('staff close every branch for a day: its 10-minute runs register nothing, the 07:00 run still does', async () => {
    const date = '2026-12-03';
    for (const branch of ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara']) {
      expect((await app.request('PUT', `/admin/calendar/${branch}/${date}`, { token: staff, body: { open: false } })).status).toBe(204);
    }
    await app.setClock('2026-12-03T07:10:30+09:00');
    staff = await app.staffToken(); // the clock moved past the shift-long token
    const recorded = await runs('hold-registration');
    const at0700 = recorded.filter((r) => r.scheduledTime === '2026-12-02T22:00:00.000Z');
    const at0710 = recorded.find((r) => r.scheduledTime === '2026-12-02T22:10:00.000Z');
    expect(at0700.map((r) => r.summary.skipped ?? null).sort()).toEqual(['NOT_AN_OPENING_DAY', null]);
    expect(at0710.summary).toMatchObject({ skipped: 'NOT_AN_OPENING_DAY', registered: 0 });
  });

  it.each([
    [{ open: true, opensAt: '10:00' }, 'closesAt'],
    [{ open: true, opensAt: '19:00', closesAt: '09:00' }, 'closesAt'],
    [{ open: true, opensAt: '9:00', closesAt: '17:00' }, 'opensAt'],
    [{ open: 'yes' }, 'open'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const answer = await app.request('PUT', '/admin/calendar/central/2026-12-10', { token: staff, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe(field);
  });

  it('refuses an unknown branch (404 INVALID_BRANCH) and an impossible date (400)', async () => {
    expect((await app.request('PUT', '/admin/calendar/atlantis/2026-12-10', { token: staff, body: { open: false } })).status).toBe(404);
    const answer = await app.request('PUT', '/admin/calendar/central/2026-13-01', { token: staff, body: { open: false } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('date');
  });
});

describe('SPEC 7 returning to real time', () => {
  it('{now: null} returns to real time; a bad instant is 400', async () => {
    const real = await app.setClock(null);
    expect(Math.abs(Date.parse(real.body.now) - Date.now())).toBeLessThan(5_000);
    const bad = await app.setClock('tomorrow' as never);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('now');
  });
});
