import type { Deps } from '../common/deps.js';
import type { CirculatingItem } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';
import { publishHoldChange } from './hold-events.js';
import { routeFreeCopy, type CopyDestination } from './route-copy.js';

/**
 * SPEC 5.7: ends a hold that holds a copy (expiry, or staff cancelling an IN_TRANSIT or
 * READY hold) and sends the copy at once to the next WAITING hold, or home / to the shelf.
 * The hold's end and the copy's release are one transaction; routing follows.
 */
export const endAssignedHold = async (
  deps: Deps,
  hold: Hold,
  to: 'CANCELLED' | 'EXPIRED',
  details: { cancelReason?: string; cancelNote?: string } = {},
): Promise<{ ended: boolean; copy?: CopyDestination }> => {
  const now = deps.clock.now();
  const item = hold.itemId ? ((await deps.store.catalog.getItem(hold.itemId)) as CirculatingItem | undefined) : undefined;
  const holdsCopy = item?.assignedHoldId === hold.holdId;
  const parts = holdsCopy && item ? deps.store.circulation.releaseParts(item, hold.holdId) : [];
  if (!(await deps.store.holds.finish(hold, to, [hold.status], now, details, parts))) return { ended: false };
  await publishHoldChange(deps, hold, hold.status, to, now, { ...(details.cancelReason ? { reason: details.cancelReason } : {}), ...(hold.itemId ? { itemId: hold.itemId } : {}) });
  if (!holdsCopy || !item) return { ended: true };
  const travelling = item.status === 'IN_TRANSIT';
  return { ended: true, copy: await routeFreeCopy(deps, item.itemId, travelling ? item.location : hold.pickupBranch, { travelling }) };
};
