import { registrationRefusal } from '../domain/holds.js';
import { registrationGate } from '../domain/registration-schedule.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { Hold } from '../store/holds.js';
import type { StoredItem } from '../store/catalog.js';
import { holdChangeEvent } from '../use-cases/hold-events.js';
import { forEachItem, ItemsFailed } from './each-item.js';
import type { JobBody } from './run-job.js';

const CONCURRENCY = 16;
const PAGE_SIZE = 200;

/** Failed items fail the run (it is retried); a run out of time continues in a next invocation. */
const finish = (counts: Record<string, number>, failedItems: number, outOfTime: boolean) => {
  if (failedItems > 0) throw new ItemsFailed({ ...counts, failedItems });
  return outOfTime ? { ...counts, continued: true } : counts;
};

/**
 * SPEC 5.3 registration batch.
 * 1. The calendar gate: 10-minute runs only on opening days between 07:00 and the latest
 *    closing time; the 07:00 run and staff "run now" always register.
 * 2. Every PROVISIONAL hold requested up to the run's time (GSI2, oldest first) is
 *    re-checked (rules 2 and 4): failing holds are CANCELLED with the rule's code, the rest
 *    become WAITING. Queue order is the request time, so registration order does not matter.
 * 3. Each change is conditional on the hold still being PROVISIONAL: two runs at once, or a
 *    rerun after a crash, register each hold exactly once.
 * 4. A hold that fails (a throttled or conflicting write that outlived the SDK's retries)
 *    does not stop the others; the run ends FAILED and its retry registers what is left.
 * 5. Out of time (10,000 holds after a holiday), it stops between holds and a continuation
 *    run with the same "now" registers the rest (functions/jobs/run-job.ts).
 */
export const holdRegistration: JobBody = async (now, deps, invocation) => {
  const gate = registrationGate(invocation, now, await deps.store.calendar.forDate(tokyoDate(now)));
  if (!gate.register) return { skipped: gate.reason, registered: 0, cancelled: 0 };

  const today = tokyoDate(now);
  const copiesByTitle = new Map<string, Promise<StoredItem[]>>();
  const copiesOf = (titleId: string) => {
    if (!copiesByTitle.has(titleId)) copiesByTitle.set(titleId, deps.store.catalog.copiesOf(titleId));
    return copiesByTitle.get(titleId) as Promise<StoredItem[]>;
  };
  const counts = { registered: 0, cancelled: 0, alreadyHandled: 0 };

  const handle = async (hold: Hold) => {
    const [copies, patronHasTitleOnLoan] = await Promise.all([
      copiesOf(hold.titleId),
      deps.store.patronRecords.hasTitleOnLoan(hold.cardNumber, hold.titleId),
    ]);
    const refusal = registrationRefusal({ copies, patronHasTitleOnLoan, today }, deps.config.holds);
    if (refusal) {
      const event = holdChangeEvent(hold, 'PROVISIONAL', 'CANCELLED', now, { reason: refusal });
      if (await deps.store.holds.finish(hold, 'CANCELLED', ['PROVISIONAL'], now, { cancelReason: refusal }, deps.store.outbox.parts([event], now))) {
        counts.cancelled += 1;
      } else counts.alreadyHandled += 1;
      return;
    }
    if (await deps.store.holds.register(hold, now, [holdChangeEvent(hold, 'PROVISIONAL', 'WAITING', now)])) {
      counts.registered += 1;
    } else counts.alreadyHandled += 1;
  };

  let failedItems = 0;
  // One metric line per run, not per hold (a run after a holiday registers thousands).
  const done = (outOfTime: boolean) => {
    deps.metrics.count('HoldsRegistered', counts.registered);
    deps.metrics.count('HoldsCancelled', counts.cancelled);
    return finish(counts, failedItems, outOfTime);
  };
  let startKey: Record<string, unknown> | undefined;
  do {
    if (invocation.budget.timeLeftMs() <= 0) return done(true);
    const page = await deps.store.holds.provisionalUpTo(now, PAGE_SIZE, startKey);
    const outcome = await forEachItem(page.holds, CONCURRENCY, handle, { job: 'hold-registration', idOf: (h) => h.holdId, logger: deps.logger, budget: invocation.budget });
    failedItems += outcome.failed;
    if (outcome.skipped > 0) return done(true);
    startKey = page.nextKey;
  } while (startKey);
  return done(false);
};
