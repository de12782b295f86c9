import { apiCaller, demoPatronToken } from './api-caller.js';
import type { BenchEnvironment } from './support.js';

type Counted = (name: string, once: () => Promise<unknown>) => Promise<{ name: string; dynamodbRequests: number; byOperation: Record<string, number> }>;

/** A copy lent to another patron, a WAITING hold of the bench patron on its title, then the return at the pickup branch. */
const returnedLoanForAWaitingHold = async (env: BenchEnvironment, staff: string, patron: string, counted: Counted) => {
  const call = apiCaller(env.services.api.url);
  const { titleId } = await call('POST', '/admin/titles', { title: 'ベンチ資料 返却', materialType: 'BOOK' }, staff);
  await call('POST', '/admin/items', { itemId: 'B-RET-1', titleId, branch: 'central', category: 'NORMAL' }, staff);
  await call('POST', '/admin/patrons', { cardNumber: '79000001', name: 'ベンチ 借受', birthDate: '1990-01-01' }, staff);
  await call('POST', '/admin/checkout', { cardNumber: '79000001', itemId: 'B-RET-1' }, staff);
  await call('POST', '/api/me/holds', { titleId, pickupBranch: 'central' }, patron);
  await env.services.invokeJob({ job: 'hold-registration', trigger: 'manual' });
  return counted('POST /admin/checkin (a returned loan for a waiting hold)', () => call('POST', '/admin/checkin', { itemId: 'B-RET-1', branch: 'central' }, staff));
};

/** DynamoDB requests per hold call (place, status, check-in, cancel), counted by SDK middleware. */
export const benchHoldCalls = async (env: BenchEnvironment) => {
  const call = apiCaller(env.services.api.url);
  const staff = (await call('POST', '/admin/login', { staffId: 'admin', password: 'bench' })).token;
  const patron = await demoPatronToken(call);
  const titleIds: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const { titleId } = await call('POST', '/admin/titles', { title: `ベンチ資料 ${i}`, materialType: 'BOOK' }, staff);
    await call('POST', '/admin/items', { itemId: `B${i}-1`, titleId, branch: 'central', category: 'NORMAL' }, staff);
    titleIds.push(titleId);
  }
  const counted = async (name: string, once: () => Promise<unknown>) => {
    env.counter.reset();
    await once();
    const { total, byOperation } = env.counter.snapshot();
    return { name, dynamodbRequests: total, byOperation };
  };
  // Status with 5 holds, 4 of them registered (so positions are counted).
  for (const titleId of titleIds.slice(1)) await call('POST', '/api/me/holds', { titleId, pickupBranch: 'central' }, patron);
  await env.services.invokeJob({ job: 'hold-registration', trigger: 'manual' });
  let holdId = '';
  const results = [
    await counted('POST /api/me/holds', async () => {
      holdId = (await call('POST', '/api/me/holds', { titleId: titleIds[0], pickupBranch: 'central' }, patron)).holdId;
    }),
    await counted('GET /api/me/status (6 holds, 5 WAITING)', () => call('GET', '/api/me/status', undefined, patron)),
    // The shelf copy of a title with a WAITING hold, scanned at its pickup branch: 予約棚へ.
    await counted('POST /admin/checkin (a copy for a waiting hold)', () => call('POST', '/admin/checkin', { itemId: 'B1-1', branch: 'central' }, staff)),
    await counted('DELETE /api/me/holds/{holdId}', () => call('DELETE', `/api/me/holds/${holdId}`, undefined, patron)),
    // The common case at the counter: a copy on loan comes back and a WAITING hold takes it.
    await returnedLoanForAWaitingHold(env, staff, patron, counted),
  ];
  return {
    routes: results,
    note: "place hold = patron Query (session, rule 2) + title-with-copies Query + transaction. status = 1 Query of the patron partition + 1 Query per WAITING hold (its title's copies and queue together: position and estimate, SPEC 10.3), run in parallel, so n WAITING holds cost 1 + n. Both read branches and the calendar (registersAt) from a copy kept 60 s per function instance: + 2 Queries when it has lapsed (docs/operations.md). check-in (summary requestsCheckin = the shelf copy) = 1 BatchGet (staff credential, branch, copy) + 1 Query of the queue + 1 BatchGet (title, the likely patrons, previous holds of sequenced ones, the returned loan, the pickup branch's days that decide the deadline) + 1 TransactWriteItems",
  };
};
