import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { holdRefusal, type HoldRefusal } from '../domain/holds.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { Hold } from '../store/holds.js';
import { holdChangeEvent } from './hold-events.js';

const STATUS_OF: Record<HoldRefusal, number> = {
  NOT_FOUND: 404,
  INVALID_BRANCH: 422,
  NOT_HOLDABLE: 422,
  COUNTER_ONLY: 422,
  LONG_OVERDUE: 422,
  ALREADY_ON_LOAN: 409,
  ALREADY_HELD: 409,
  HOLD_LIMIT: 409,
};

export const holdRefused = (code: HoldRefusal, field?: string) =>
  new AppError(STATUS_OF[code], code, field ? { field } : {});

export interface HoldRequest {
  readonly cardNumber: string;
  readonly titleId: string;
  readonly pickupBranch: string;
  /** Online holds start PROVISIONAL; counter holds are WAITING at once (SPEC 5.3, 7). */
  readonly channel: 'ONLINE' | 'COUNTER';
}

/**
 * SPEC 5.2 rules 1, 2, 4 and 6 for one request: the branch and the title must exist, and the
 * title's copies and the patron's loans must allow the hold. Throws the refusal.
 */
export const checkHoldRequest = async (deps: Deps, request: HoldRequest, now: Date) => {
  const [branch, title] = await Promise.all([
    deps.store.branches.get(request.pickupBranch),
    deps.store.catalog.getTitle(request.titleId),
  ]);
  if (!title) throw holdRefused('NOT_FOUND', 'titleId');
  if (!branch) throw holdRefused('INVALID_BRANCH', 'pickupBranch');

  const [copies, patronHasTitleOnLoan] = await Promise.all([
    deps.store.catalog.copiesOf(request.titleId),
    deps.store.patronRecords.hasTitleOnLoan(request.cardNumber, request.titleId),
  ]);
  const channel = request.channel === 'ONLINE' ? 'online' : 'counter';
  const refusal = holdRefusal({ copies, patronHasTitleOnLoan, today: tokyoDate(now) }, channel, deps.config.holds);
  if (refusal) throw holdRefused(refusal);
  return { title, branch };
};

/** A new hold of `request`, before it is written. */
export const newHold = (request: HoldRequest, title: { titleId: string; title: string }, branch: { code: string }, now: Date): Hold => ({
  holdId: randomUUID(),
  cardNumber: request.cardNumber,
  titleId: title.titleId,
  title: title.title,
  pickupBranch: branch.code,
  status: request.channel === 'ONLINE' ? 'PROVISIONAL' : 'WAITING',
  channel: request.channel,
  requestedAt: now.toISOString(),
  ...(request.channel === 'COUNTER' ? { registeredAt: now.toISOString() } : {}),
});

/**
 * SPEC 5.2 place a hold.
 * 1. Rules 6, 1, 2, 4 (checkHoldRequest).
 * 2. Rules 3 and 5 as conditions of the transaction that writes the hold and its
 *    HoldStateChanged event.
 */
export const placeHold = async (deps: Deps, request: HoldRequest): Promise<Hold> => {
  const now = deps.clock.now();
  const { title, branch } = await checkHoldRequest(deps, request, now);
  const hold = newHold(request, title, branch, now);
  const outcome = await deps.store.holds.place(hold, deps.config.holds.holdLimit, [holdChangeEvent(hold, null, hold.status, now)]);
  if (outcome !== 'placed') throw holdRefused(outcome);
  deps.metrics.count('HoldsPlaced');
  return hold;
};
