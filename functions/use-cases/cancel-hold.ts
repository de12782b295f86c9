import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { ACTIVE_STATES, PATRON_CANCELLABLE } from '../domain/holds.js';
import type { Hold } from '../store/holds.js';
import { endAssignedHold } from './end-assigned-hold.js';
import { holdChangeEvent } from './hold-events.js';

const notCancellable = async (deps: Deps, hold: Hold) => {
  const branch = await deps.store.branches.get(hold.pickupBranch);
  const name = branch ? `${branch.name}${branch.phone ? ` ${branch.phone}` : ''}` : hold.pickupBranch;
  return new AppError(409, 'NOT_CANCELLABLE', {
    params: { branch: name },
    extra: { status: hold.status, pickupBranch: hold.pickupBranch, ...(branch?.phone ? { branchPhone: branch.phone } : {}) },
  });
};

/**
 * SPEC 5.5: a patron cancels their own PROVISIONAL or WAITING hold; holds behind it move
 * up (positions are counted, so nothing else is rewritten). Other states answer
 * NOT_CANCELLABLE with the pickup branch to call.
 */
export const cancelByPatron = async (deps: Deps, cardNumber: string, holdId: string): Promise<Hold> => {
  const now = deps.clock.now();
  const hold = await deps.store.holds.get(cardNumber, holdId, now);
  if (!hold) throw notFound();
  if (!PATRON_CANCELLABLE.includes(hold.status)) throw await notCancellable(deps, hold);
  const event = holdChangeEvent(hold, hold.status, 'CANCELLED', now, { reason: 'PATRON' });
  if (!(await deps.store.holds.finish(hold, 'CANCELLED', PATRON_CANCELLABLE, now, { cancelReason: 'PATRON' }, deps.store.outbox.parts([event], now)))) {
    const current = await deps.store.holds.get(cardNumber, holdId, now);
    throw await notCancellable(deps, current ?? hold);
  }
  deps.metrics.count('HoldsCancelled');
  return (await deps.store.holds.get(cardNumber, holdId, now)) ?? hold;
};

/** Default note when staff give none: the guide's own words. */
export const DEFAULT_STAFF_NOTE = '資料の状態等により提供できないため、予約を取り消しました。';

/**
 * SPEC 5.4: staff may cancel any active hold, with a note the patron sees.
 * A copy assigned to an IN_TRANSIT or READY hold goes on to the next hold (SPEC 5.7).
 */
export const cancelByStaff = async (deps: Deps, holdId: string, note: string | undefined): Promise<Hold> => {
  const now = deps.clock.now();
  const hold = await deps.store.holds.findById(holdId, now);
  if (!hold) throw notFound();
  if (!ACTIVE_STATES.includes(hold.status)) throw new AppError(409, 'NOT_CANCELLABLE', { params: { branch: hold.pickupBranch }, extra: { status: hold.status } });
  const cancelNote = note?.trim() || DEFAULT_STAFF_NOTE;
  const details = { cancelReason: 'STAFF' as const, cancelNote };
  if (hold.status === 'IN_TRANSIT' || hold.status === 'READY') {
    if (!(await endAssignedHold(deps, hold, 'CANCELLED', details)).ended) throw new AppError(409, 'CONFLICT');
    deps.metrics.count('HoldsCancelled');
    return (await deps.store.holds.get(hold.cardNumber, holdId, now)) ?? hold;
  }
  const event = holdChangeEvent(hold, hold.status, 'CANCELLED', now, { reason: 'STAFF' });
  if (!(await deps.store.holds.finish(hold, 'CANCELLED', [hold.status], now, details, deps.store.outbox.parts([event], now)))) {
    throw new AppError(409, 'CONFLICT');
  }
  deps.metrics.count('HoldsCancelled');
  return (await deps.store.holds.get(hold.cardNumber, holdId, now)) ?? hold;
};
