import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { dueDateFor } from '../domain/loans.js';
import { tokyoDate } from '../domain/tokyo-time.js';

/**
 * SPEC 6 checkout at the counter: an ON_SHELF copy is lent, due checkout day + 14.
 * (Checkout of copies on the hold shelf arrives with the fulfilment issue.)
 */
export const checkout = async (deps: Deps, cardNumber: string, itemId: string, branch?: string) => {
  const now = deps.clock.now();
  const [patron, item] = await Promise.all([deps.store.patrons.get(cardNumber), deps.store.catalog.getItem(itemId)]);
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
  if (item.status !== 'ON_SHELF' || !(await deps.store.loans.checkout(cardNumber, loan, branch ?? item.location))) {
    throw new AppError(409, 'NOT_ON_SHELF', { field: 'itemId', extra: { status: item.status } });
  }
  return loan;
};
