import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_RUN_DURATION } from '../../functions/common/metrics.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.services.deps.store.catalogImport.importRecords([
    { titleId: 'MET-1', title: '計測の本', materialType: 'BOOK', copies: [{ itemId: 'MET-1-A', branch: 'central', category: 'NORMAL', interlibrary: false }] },
  ]);
});
afterAll(() => app?.stop());

/** How much a metric grew while `action` ran. */
const growth = async (names: readonly string[], action: () => Promise<unknown>) => {
  const before = names.map((name) => app.services.metrics.total(name));
  await action();
  return Object.fromEntries(names.map((name, i) => [name, app.services.metrics.total(name) - (before[i] ?? 0)]));
};

describe('Operations: the service counts what operators watch', () => {
  it('SPEC 5.2, 5.3, 5.5: a hold placed, registered and cancelled is counted once each', async () => {
    const token = await app.patronToken();
    const counted = await growth(['HoldsPlaced', 'HoldsRegistered', 'HoldsCancelled'], async () => {
      const placed = await app.request('POST', '/api/me/holds', { token, body: { titleId: 'MET-1', pickupBranch: 'central' } });
      expect(placed.status).toBe(201);
      await app.services.invokeJob({ job: 'hold-registration', trigger: 'manual' });
      expect((await app.request('DELETE', `/api/me/holds/${placed.body.holdId}`, { token })).status).toBe(200);
      // A refused hold is not counted.
      expect((await app.request('POST', '/api/me/holds', { token, body: { titleId: 'NO-SUCH', pickupBranch: 'central' } })).status).toBe(404);
    });
    expect(counted).toEqual({ HoldsPlaced: 1, HoldsRegistered: 1, HoldsCancelled: 1 });
  });

  it('SPEC 3, 12: each failed password check counts, and the lock it ends in counts once', async () => {
    const counted = await growth(['LoginsFailed', 'AccountsLocked'], async () => {
      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push((await app.request('POST', '/api/login', { body: { cardNumber: '39999999', password: '1234' } })).status);
      expect(answers).toEqual([401, 401, 401, 401, 401, 423]);
    });
    expect(counted).toEqual({ LoginsFailed: 5, AccountsLocked: 1 });
  });

  it('SPEC 9: every job run reports how long it took, by job', async () => {
    await app.services.invokeJob({ job: 'hold-expiry', trigger: 'manual' });
    expect(app.services.metrics.recorded.filter((m) => m.name === JOB_RUN_DURATION).map((m) => m.job)).toContain('hold-expiry');
  });
});
