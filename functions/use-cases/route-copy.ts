import type { Deps } from '../common/deps.js';
import type { PassOverReason } from '../domain/fill-eligibility.js';
import { scannedCopyCanFillHolds } from '../domain/fulfilment.js';
import type { CirculatingItem, Placement, ReadyFields, ReturnedLoan } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';
import type { PendingEvent } from '../store/outbox.js';
import { holdChangeEvent } from './hold-events.js';
import { fillCheckFor } from './fill-eligibility.js';
import { readyFieldsFor } from './ready-fields.js';

/** SPEC 10.1 / 10.2: a hold ahead in the queue that the copy passed over, and why. */
export interface PassedOver {
  readonly holdId: string;
  readonly reason: PassOverReason;
}

/** Where staff send a scanned copy (SPEC 7 POST /admin/checkin); `passedOver` when holds ahead could not take it. */
export type CopyDestination = (
  | { action: 'SHELVE'; branch: string }
  | { action: 'HOLD_SHELF'; holdId: string; pickupDeadline?: string }
  | { action: 'TRANSIT'; toBranch: string; holdId?: string }
) & { passedOver?: readonly PassedOver[] };

const MAX_ROUNDS = 20;

/** The two writes that route a copy: to a hold, or to the shelf / home. */
interface RoutingWrites {
  assign(hold: Hold, at: string, ready: ReadyFields | undefined, events: readonly PendingEvent[]): Promise<'assigned' | 'item-changed' | 'hold-taken'>;
  place(to: Placement): Promise<boolean>;
}

const freeCopyWrites = (deps: Deps, item: CirculatingItem, branch: string, now: Date): RoutingWrites => ({
  assign: (hold, at, ready, events) => deps.store.circulation.assign(item, hold, at, ready, events, now),
  place: (to) => deps.store.circulation.place(item, branch, to),
});

/** A copy on loan: the return and the routing are one write (store/circulation.ts). */
export const returnedCopyWrites = (deps: Deps, item: CirculatingItem, returned: ReturnedLoan, branch: string, now: Date): RoutingWrites => ({
  assign: (hold, at, ready, events) => deps.store.circulation.returnAndAssign(item, returned, hold, at, ready, events, now),
  place: (to) => deps.store.circulation.returnAndPlace(item, returned, branch, to),
});

/**
 * One attempt to route `item`, scanned at `branch` (SPEC 5.4 / 5.7): the first WAITING hold
 * of its title that it can take (READY there, or IN_TRANSIT to the pickup branch), else home
 * or the shelf. `item-changed`: another scan moved the copy first; read it and try again.
 */
export const routeCopyOnce = async (
  deps: Deps,
  item: CirculatingItem,
  branch: string,
  writes: RoutingWrites,
  options: { travelling?: boolean } = {},
): Promise<CopyDestination | 'item-changed'> => {
  const now = deps.clock.now();
  const passedOver: PassedOver[] = [];
  const withPassedOver = <D extends CopyDestination>(destination: D): D => (passedOver.length > 0 ? { ...destination, passedOver } : destination);
  if (scannedCopyCanFillHolds(item)) {
    const waiting = (await deps.store.holds.queue(item.titleId)).filter((h) => h.status === 'WAITING');
    const blockOf = await fillCheckFor(deps, waiting, now);
    for (const hold of waiting) {
      const block = blockOf(hold);
      if (block) {
        passedOver.push({ holdId: hold.holdId, reason: block });
        continue;
      }
      // A copy on the road is never READY: it becomes so when scanned at the pickup branch.
      const atPickup = hold.pickupBranch === branch && !options.travelling;
      const ready = atPickup ? await readyFieldsFor(deps, hold, now) : undefined;
      const event = holdChangeEvent(hold, 'WAITING', atPickup ? 'READY' : 'IN_TRANSIT', now, { itemId: item.itemId });
      const outcome = await writes.assign(hold, branch, ready, [event]);
      if (outcome === 'hold-taken') continue; // another copy filled it first
      if (outcome === 'item-changed') return 'item-changed';
      return withPassedOver(
        atPickup
          ? { action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: ready?.pickupDeadline }
          : { action: 'TRANSIT', toBranch: hold.pickupBranch, holdId: hold.holdId },
      );
    }
  }
  const home = item.branch;
  const destination: CopyDestination =
    home === branch && !options.travelling ? { action: 'SHELVE', branch } : { action: 'TRANSIT', toBranch: home };
  const placed = await writes.place(destination.action === 'SHELVE' ? { status: 'ON_SHELF' } : { status: 'IN_TRANSIT', destination: home });
  return placed ? withPassedOver(destination) : 'item-changed';
};

/**
 * SPEC 5.4 / 5.7: routes a free copy at `branch`. Every step is conditional: when another
 * scan or copy wins a race, the copy is re-read and routed again, so it is never assigned
 * twice and no hold gets two copies. `travelling`: the copy is on the road (its hold was
 * cancelled in transit).
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
    const routed = await routeCopyOnce(deps, item, branch, freeCopyWrites(deps, item, branch, deps.clock.now()), options);
    if (routed !== 'item-changed') return routed;
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
