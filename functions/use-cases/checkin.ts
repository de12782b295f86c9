import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import type { CirculatingItem } from '../store/circulation.js';
import { holdChangeEvent } from './hold-events.js';
import { readyFieldsFor } from './ready-fields.js';
import { currentDestination, returnedCopyWrites, routeCopyOnce, routeFreeCopy, type CopyDestination } from './route-copy.js';

const MAX_ROUNDS = 10;

/**
 * SPEC 5.4 check-in (返却/スキャン), the one scan staff make at a branch:
 * - a copy on loan is returned (the loan record goes) and routed like a free copy, in one
 *   transaction, so a crash cannot leave a returned copy on the shelf while holds wait;
 * - a copy in transit for a hold becomes READY when scanned at the pickup branch;
 * - a free copy (pulled from the shelf, arrived home, found) fills the first WAITING hold
 *   or goes on the shelf / home;
 * - a copy already on the hold shelf, or in transit elsewhere, changes nothing.
 */
export const checkin = async (deps: Deps, itemId: string, branch: string): Promise<CopyDestination> => {
  if (!(await deps.store.branches.get(branch))) throw new AppError(422, 'INVALID_BRANCH', { field: 'branch' });
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const item = (await deps.store.catalog.getItem(itemId)) as CirculatingItem | undefined;
    if (!item) throw notFound();
    const now = deps.clock.now();

    if (item.status === 'ON_LOAN') {
      const card = item.borrower ?? 'UNKNOWN';
      const loan = (await deps.store.patronRecords.all(card, now)).loans.find((l) => l.itemId === itemId);
      const returned = { cardNumber: card, ...(loan?.holdId ? { holdId: loan.holdId } : {}) };
      const routed = await routeCopyOnce(deps, item, branch, returnedCopyWrites(deps, item, returned, branch, now));
      if (routed === 'item-changed') continue;
      return routed;
    }

    if (item.assignedHoldId && item.assignedCard) {
      if (item.status === 'IN_TRANSIT' && item.destination === branch) {
        const hold = await deps.store.holds.get(item.assignedCard, item.assignedHoldId, now);
        if (!hold) throw new Error(`hold ${item.assignedHoldId} of copy ${itemId} is missing`);
        const ready = await readyFieldsFor(deps, hold, now);
        const event = holdChangeEvent(hold, 'IN_TRANSIT', 'READY', now, { itemId });
        if (!(await deps.store.circulation.arrive(item, hold, ready, [event], now))) continue;
        return { action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: ready.pickupDeadline };
      }
      return currentDestination(deps, item);
    }

    if (item.status === 'IN_TRANSIT' && item.destination && item.destination !== branch) {
      return { action: 'TRANSIT', toBranch: item.destination };
    }
    return routeFreeCopy(deps, itemId, branch);
  }
  throw new AppError(409, 'CONFLICT');
};
