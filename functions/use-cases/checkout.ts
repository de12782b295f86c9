import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { dueDateFor } from '../domain/loans.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { CirculatingItem } from '../store/circulation.js';
import { holdChangeEvent } from './hold-events.js';

/**
 * SPEC 6 / 5.4 checkout at the counter, due checkout day + 14.
 * - A copy on the shelf is lent.
 * - A copy assigned to this patron's hold (ready, or still marked in transit) fulfils it.
 * - A copy assigned to someone else's hold is refused: ON_HOLD_FOR_ANOTHER.
 */
export const checkout = async (deps: Deps, cardNumber: string, itemId: string, branch?: string) => {
  const now = deps.clock.now();
  const [patron, found] = await Promise.all([deps.store.patrons.get(cardNumber), deps.store.catalog.getItem(itemId)]);
  const item = found as CirculatingItem | undefined;
  if (!patron) throw new AppError(404, 'NOT_FOUND', { field: 'cardNumber' });
  if (!item) throw notFound();
  if (item.category === 'REFERENCE_ONLY') throw new AppError(409, 'NOT_LENDABLE', { field: 'itemId' });
  const title = await deps.store.catalog.getTitle(item.titleId);
  const loan = {
    itemId,
    titleId: item.titleId,
    title: title?.title ?? '',
    dueDate: dueDateFor(tokyoDate(now)),
    checkedOutAt: now.toISOString(),
    renewed: false,
  };
  const at = branch ?? item.location;

  if (item.assignedHoldId) {
    if (item.assignedCard !== cardNumber) throw new AppError(409, 'ON_HOLD_FOR_ANOTHER', { field: 'itemId' });
    const hold = await deps.store.holds.get(cardNumber, item.assignedHoldId, now);
    if (!hold) throw new AppError(409, 'CONFLICT');
    const withHold = { ...loan, holdId: hold.holdId };
    const parts = [
      ...deps.store.circulation.lendAssignedParts(item, hold.holdId, cardNumber, withHold, at),
      ...deps.store.outbox.parts([holdChangeEvent(hold, hold.status, 'FULFILLED', now, { itemId })], now),
    ];
    if (!(await deps.store.holds.finish(hold, 'FULFILLED', ['READY', 'IN_TRANSIT'], now, {}, parts))) throw new AppError(409, 'CONFLICT');
    return withHold;
  }

  if (item.status !== 'ON_SHELF' || !(await deps.store.circulation.lendFromShelf(item, cardNumber, loan, at))) {
    throw new AppError(409, 'NOT_ON_SHELF', { field: 'itemId', extra: { status: item.status } });
  }
  return loan;
};
