import { mapWithConcurrency } from '../common/concurrency.js';
import type { HoldCancelReason } from '../contract/events.js';
import { registrationRefusal } from '../domain/holds.js';
import { registrationGate } from '../domain/registration-schedule.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { StoredItem } from '../store/catalog.js';
import { MAX_TRANSACTION_PARTS, partsOf, type Registration, type RegistrationOutcome } from '../store/hold-registration.js';
import type { Hold } from '../store/holds.js';
import { PULL_TITLE_MIN_AGE_MS } from '../store/pull-titles.js';
import { holdChangeEvent } from '../use-cases/hold-events.js';
import { ItemsFailed } from './each-item.js';
import type { JobBody } from './run-job.js';

/** Transactions in flight, holds per transaction, holds read per shard at a time. */
const CONCURRENCY = 16;
const GROUP_HOLDS = 33;
const PAGE_SIZE = 200;
/** A title with more copies than this is checked with a Query of the patron's loans instead of one condition per copy. */
const MAX_LOAN_CHECKS = 40;
/** A marker this run wrote is written again after this long (it must never get old enough to be removed). */
const MARKER_REFRESH_MS = PULL_TITLE_MIN_AGE_MS / 2;

/** Failed items fail the run (it is retried); a run out of time continues in a next invocation. */
const finish = (counts: Record<string, number>, failedItems: number, outOfTime: boolean) => {
  if (failedItems > 0) throw new ItemsFailed({ ...counts, failedItems });
  return outOfTime ? { ...counts, continued: true } : counts;
};

/** Where a title's copies may sit on a shelf: their home branches (and where one is shelved now). */
const shelfBranches = (copies: readonly StoredItem[]) => [...new Set(copies.flatMap((c) => (c.status === 'ON_SHELF' ? [c.branch, c.location] : [c.branch])))].sort();

/** Registrations in order, cut into transactions of up to GROUP_HOLDS holds and MAX_TRANSACTION_PARTS parts. */
const inGroups = (registrations: readonly Registration[]): Registration[][] => {
  const groups: Registration[][] = [];
  let group: Registration[] = [];
  let parts = 0;
  for (const registration of registrations) {
    const size = partsOf(registration);
    if (group.length > 0 && (group.length >= GROUP_HOLDS || parts + size > MAX_TRANSACTION_PARTS)) {
      groups.push(group);
      group = [];
      parts = 0;
    }
    group.push(registration);
    parts += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
};

/**
 * SPEC 5.3 registration batch (decision 019).
 * 1. The calendar gate: 10-minute runs only on opening days between 07:00 and the latest
 *    closing time; the 07:00 run and staff "run now" always register.
 * 2. Every PROVISIONAL hold requested up to the run's time is read from every shard of the
 *    index, merged oldest first, and re-checked: rule 4 (LONG_OVERDUE) from the title's
 *    copies (read once per title and run), rule 2 (ALREADY_ON_LOAN) as one condition per
 *    copy in the registering transaction itself, so a loan made meanwhile is never missed.
 *    Failing holds are CANCELLED with the rule's code, the rest become WAITING. Queue order
 *    is the request time, so the order of registration does not matter.
 * 3. Up to 33 holds go in one transaction, each conditional on still being PROVISIONAL: two
 *    runs at once, or a rerun after a crash, register each hold exactly once. The same
 *    transaction writes the title's pull-list markers (once per title and run).
 * 4. A hold whose write fails (throttled, conflicting past the SDK's retries) does not stop
 *    the others; the run ends FAILED and its retry registers what is left.
 * 5. Out of time (10,000 holds after a holiday), it stops between holds and a continuation
 *    run with the same "now" registers the rest (functions/jobs/run-job.ts).
 * 6. Then WAITING holds placed at the counter are filed under their titles' markers.
 */
export const holdRegistration: JobBody = async (now, deps, invocation) => {
  const gate = registrationGate(invocation, now, await deps.store.calendar.forDate(tokyoDate(now)));
  if (!gate.register) return { skipped: gate.reason, registered: 0, cancelled: 0 };

  const today = tokyoDate(now);
  const copiesByTitle = new Map<string, Promise<StoredItem[]>>();
  const copiesOf = (titleId: string) => {
    if (!copiesByTitle.has(titleId)) {
      const read = deps.store.catalog.copiesOf(titleId);
      // A failed read is not remembered: the title's next hold reads again.
      read.catch(() => copiesByTitle.delete(titleId));
      copiesByTitle.set(titleId, read);
    }
    return copiesByTitle.get(titleId) as Promise<StoredItem[]>;
  };
  const counts = { registered: 0, cancelled: 0, alreadyHandled: 0, filed: 0 };
  let failedItems = 0;
  const outOfTime = () => invocation.budget.timeLeftMs() <= 0;
  const markers = markerMemory();

  const cancel = async (hold: Hold, reason: HoldCancelReason) => {
    const event = holdChangeEvent(hold, 'PROVISIONAL', 'CANCELLED', now, { reason });
    if (await deps.store.holds.finish(hold, 'CANCELLED', ['PROVISIONAL'], now, { cancelReason: reason }, deps.store.outbox.parts([event], now))) {
      counts.cancelled += 1;
    } else counts.alreadyHandled += 1;
  };

  /** The registration of `hold` (every branch of its title's markers), or undefined when rules 2 and 4 read directly cancelled it. */
  const prepare = async (hold: Hold): Promise<Registration | undefined> => {
    const copies = await copiesOf(hold.titleId);
    const checkedInTransaction = copies.length <= MAX_LOAN_CHECKS;
    // The rule gives ALREADY_ON_LOAN before LONG_OVERDUE: a refused hold reads the loans first.
    if (!checkedInTransaction || registrationRefusal({ copies, patronHasTitleOnLoan: false, today }, deps.config.holds)) {
      const patronHasTitleOnLoan = await deps.store.patronRecords.hasTitleOnLoan(hold.cardNumber, hold.titleId);
      const refusal = registrationRefusal({ copies, patronHasTitleOnLoan, today }, deps.config.holds);
      if (refusal) {
        await cancel(hold, refusal);
        return undefined;
      }
    }
    return {
      hold,
      events: [holdChangeEvent(hold, 'PROVISIONAL', 'WAITING', now)],
      loanCheckItemIds: checkedInTransaction ? copies.map((c) => c.itemId) : [],
      pullBranches: shelfBranches(copies),
    };
  };

  /** One hold's fault does not stop the others: it is logged by its id and fails the run (which is retried). */
  const itemFailed = (hold: Hold, error: unknown) => {
    failedItems += 1;
    deps.logger.error('job item failed; the rest of the run goes on', { job: 'hold-registration', item: hold.holdId, errorName: (error as Error)?.name });
  };
  const guarded = async <T>(hold: Hold, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      itemFailed(hold, error);
      return undefined;
    }
  };

  const registerGroup = async (group: readonly Registration[]) => {
    const decided: [Registration, RegistrationOutcome][] = [];
    try {
      const outcomes = await deps.store.holds.registerAll(group, now, deps.clock.now());
      for (const [i, registration] of group.entries()) decided.push([registration, outcomes[i] as RegistrationOutcome]);
    } catch {
      // A transaction that failed for another reason than a condition: each hold on its own.
      for (const registration of group) {
        const outcome = await guarded(registration.hold, async () => (await deps.store.holds.registerAll([registration], now, deps.clock.now()))[0]);
        if (outcome) decided.push([registration, outcome]);
      }
    }
    for (const [registration, outcome] of decided) {
      if (outcome === 'registered') {
        counts.registered += 1;
        markers.written(registration.hold.titleId, registration.pullBranches);
      } else if (outcome === 'on-loan') await guarded(registration.hold, () => cancel(registration.hold, 'ALREADY_ON_LOAN'));
      else counts.alreadyHandled += 1;
    }
  };

  const registerAll = (registrations: readonly Registration[]) => mapWithConcurrency(inGroups(registrations), CONCURRENCY, registerGroup);

  /**
   * A batch in two rounds: the first hold of a title whose markers this run has not written
   * carries them, the title's other holds wait for the second round (so that transactions in
   * flight together do not all write one marker and conflict); holds whose markers are
   * written go without them.
   */
  const registerBatch = async (holds: readonly Hold[]) => {
    const prepared = (await mapWithConcurrency(holds, 16, (hold) => guarded(hold, () => prepare(hold)))).filter((r): r is Registration => r !== undefined);
    const carriers = new Set<string>();
    const firstRound: Registration[] = [];
    const secondRound: Registration[] = [];
    for (const registration of prepared) {
      const { titleId } = registration.hold;
      const missing = markers.missing(titleId, registration.pullBranches);
      if (missing.length === 0) firstRound.push({ ...registration, pullBranches: [] });
      else if (!carriers.has(titleId)) {
        carriers.add(titleId);
        firstRound.push({ ...registration, pullBranches: missing });
      } else secondRound.push(registration);
    }
    await registerAll(firstRound);
    await registerAll(secondRound.map((r) => ({ ...r, pullBranches: markers.missing(r.hold.titleId, r.pullBranches) })));
  };

  const fileStaged = async () => {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await deps.store.holds.stagedWaiting(PAGE_SIZE, startKey);
      for (const hold of page.holds) {
        if (outOfTime()) return true;
        const filed = await guarded(hold, async () => deps.store.holds.fileStaged(hold, shelfBranches(await copiesOf(hold.titleId)), deps.clock.now()));
        if (filed) counts.filed += 1;
      }
      startKey = page.nextKey;
    } while (startKey);
    return false;
  };

  const done = (stopped: boolean) => {
    // One metric line per run, not per hold (a run after a holiday registers thousands).
    deps.metrics.count('HoldsRegistered', counts.registered);
    deps.metrics.count('HoldsCancelled', counts.cancelled);
    // `filed` only when there were counter holds to file, as before decision 019 otherwise.
    const { filed, ...registration } = counts;
    return finish(filed > 0 ? counts : registration, failedItems, stopped);
  };
  const batches = deps.store.holds.provisionalInOrder(now, PAGE_SIZE);
  // The next batch is read while this one registers (it starts after what this one holds).
  for (let next = batches.next(); ; ) {
    const { value: batch, done: finished } = await next;
    if (finished) break;
    next = batches.next();
    // The budget is asked before each hold starts: the holds left go to the continuation.
    const stop = batch.findIndex(() => outOfTime());
    const taken = stop < 0 ? batch : batch.slice(0, stop);
    await registerBatch(taken);
    if (taken.length < batch.length) {
      await next.catch(() => undefined);
      await batches.return(undefined);
      return done(true);
    }
  }
  return done(await fileStaged());
};

/** The markers this run wrote, and when (real time): a marker is re-written once it is MARKER_REFRESH_MS old. */
const markerMemory = () => {
  const writtenAt = new Map<string, number>();
  const id = (titleId: string, branch: string) => `${branch}|${titleId}`;
  return {
    missing: (titleId: string, branches: readonly string[]) =>
      branches.filter((b) => !(performance.now() - (writtenAt.get(id(titleId, b)) ?? Number.NEGATIVE_INFINITY) < MARKER_REFRESH_MS)),
    written: (titleId: string, branches: readonly string[]) => {
      for (const b of branches) writtenAt.set(id(titleId, b), performance.now());
    },
  };
};
