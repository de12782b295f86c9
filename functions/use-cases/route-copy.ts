import type { Deps } from '../common/deps.js';
import { scannedCopyCanFillHolds } from '../domain/fulfilment.js';
import type { CirculatingItem } from '../store/circulation.js';
import { publishHoldChange } from './hold-events.js';
import { readyFieldsFor } from './ready-fields.js';

/** Where staff send a scanned copy (SPEC 7 POST /admin/checkin). */
export type CopyDestination =
  | { action: 'SHELVE'; branch: string }
  | { action: 'HOLD_SHELF'; holdId: string; pickupDeadline?: string }
  | { action: 'TRANSIT'; toBranch: string; holdId?: string };

const MAX_ROUNDS = 20;

/**
 * SPEC 5.4 / 5.7: a free copy at `branch` fills the first WAITING hold of its title that it
 * can take (READY there, or IN_TRANSIT to the pickup branch); with none, it goes home or on
 * the shelf. Every step is conditional: when another scan or copy wins a race, the copy is
 * re-read and routed again, so it is never assigned twice and no hold gets two copies.
 * `travelling`: the copy is on the road (its hold was cancelled in transit).
 */
export const routeFreeCopy = async (
  deps: Deps,
  itemId: string,
  branch: string,
  options: { travelling?: boolean } = {},
): Promise<CopyDestination> => {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const item = (await deps.store.catalog.getItem(itemId)) as CirculatingItem | undefined;
    if (!item) throw new Error(`copy ${itemId} vanished`);
    if (item.assignedHoldId) return currentDestination(deps, item);
    const now = deps.clock.now();
    let raced = false;
    if (scannedCopyCanFillHolds(item)) {
      for (const hold of (await deps.store.holds.queue(item.titleId)).filter((h) => h.status === 'WAITING')) {
        // A copy on the road is never READY: it becomes so when scanned at the pickup branch.
        const atPickup = hold.pickupBranch === branch && !options.travelling;
        const ready = atPickup ? await readyFieldsFor(deps, hold, now) : undefined;
        const outcome = await deps.store.circulation.assign(item, hold, branch, ready);
        if (outcome === 'hold-taken') continue;
        if (outcome === 'item-changed') {
          raced = true;
          break;
        }
        await publishHoldChange(deps, hold, 'WAITING', atPickup ? 'READY' : 'IN_TRANSIT', now, { itemId });
        return atPickup
          ? { action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: ready?.pickupDeadline }
          : { action: 'TRANSIT', toBranch: hold.pickupBranch, holdId: hold.holdId };
      }
    }
    if (raced) continue;
    const home = item.branch;
    const destination: CopyDestination =
      home === branch && !options.travelling ? { action: 'SHELVE', branch } : { action: 'TRANSIT', toBranch: home };
    const placed = await deps.store.circulation.place(
      item,
      branch,
      destination.action === 'SHELVE' ? { status: 'ON_SHELF' } : { status: 'IN_TRANSIT', destination: home },
    );
    if (placed) return destination;
  }
  throw new Error(`copy ${itemId} kept changing while being routed`);
};

/** The answer for a copy already assigned: scanning it again changes nothing. */
export const currentDestination = async (deps: Deps, item: CirculatingItem): Promise<CopyDestination> => {
  if (item.status === 'ON_HOLD_SHELF' && item.assignedHoldId && item.assignedCard) {
    const hold = await deps.store.holds.get(item.assignedCard, item.assignedHoldId, deps.clock.now());
    return { action: 'HOLD_SHELF', holdId: item.assignedHoldId, ...(hold?.pickupDeadline ? { pickupDeadline: hold.pickupDeadline } : {}) };
  }
  return { action: 'TRANSIT', toBranch: item.destination ?? item.branch, ...(item.assignedHoldId ? { holdId: item.assignedHoldId } : {}) };
};
