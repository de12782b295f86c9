import type { Deps } from '../common/deps.js';
import type { CirculatingItem } from '../store/circulation.js';
import type { CopyDestination } from './route-copy.js';

/**
 * What staff write on the slip that travels with a scanned copy (SPEC 11, the counter): the
 * title, and for a copy going to a hold (HOLD_SHELF, or TRANSIT to the pickup branch) whose
 * hold it is — card number, name, pickup branch and, once on the shelf, the deadline. Read
 * after the check-in, from the copy (its assigned card) and the patron: two or three Gets.
 */
export const checkinAnswer = async (deps: Deps, itemId: string, destination: CopyDestination) => {
  const item = (await deps.store.catalog.getItem(itemId)) as CirculatingItem | undefined;
  const title = item ? await deps.store.catalog.getTitle(item.titleId) : undefined;
  const holdId = destination.action === 'SHELVE' ? undefined : destination.holdId;
  const card = item && holdId && item.assignedHoldId === holdId ? item.assignedCard : undefined;
  const patron = card ? await deps.store.patrons.get(card) : undefined;
  return {
    ...destination,
    ...(title ? { titleId: title.titleId, title: title.title } : {}),
    ...(card ? { cardNumber: card, ...(patron ? { patronName: patron.name } : {}) } : {}),
    ...(card && item?.destination ? { pickupBranch: item.destination } : {}),
  };
};
