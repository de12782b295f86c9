import type { Deps } from '../common/deps.js';
import type { HoldCancelReason } from '../contract/events.js';
import { scannedCopyCanFillHolds } from '../domain/fulfilment.js';
import type { CirculatingItem } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';
import type { PendingEvent } from '../store/outbox.js';
import { holdChangeEvent } from './hold-events.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import { fillCheckFor } from './fill-eligibility.js';
import { readyFieldsFor } from './ready-fields.js';
import type { CopyDestination } from './route-copy.js';

const MAX_ROUNDS = 10;
/** Parts of a hand-over (store/circulation.ts): 0 the copy, 1 the next hold. */
const NEXT_HOLD_PART = 1;

type Ended = { ended: boolean; copy?: CopyDestination };

/**
 * SPEC 5.7: ends a hold that holds a copy (expiry, or staff cancelling an IN_TRANSIT or
 * READY hold) and sends the copy at once to the next WAITING hold, or home / to the shelf.
 * The hold's end and the copy's new destination are ONE transaction: a function that dies
 * half-way leaves either the old state (the next run or staff try again) or the new one,
 * never a copy released and going nowhere.
 * 1. Read the copy; if it no longer serves this hold, just end the hold.
 * 2. Try the title's WAITING holds in queue order, passing over those that may not take a
 *    copy today (suspended, or waiting for the previous hold of their sequence, SPEC 10): the copy is READY here (it is at that
 *    hold's pickup branch) or IN_TRANSIT to it. A hold another copy took meanwhile is skipped.
 * 3. With none, the copy is shelved here or travels home.
 */
export const endAssignedHold = async (
  deps: Deps,
  hold: Hold,
  to: 'CANCELLED' | 'EXPIRED',
  details: { cancelReason?: HoldCancelReason; cancelNote?: string } = {},
): Promise<Ended> => {
  const now = deps.clock.now();
  const endEvent = holdChangeEvent(hold, hold.status, to, now, {
    ...(details.cancelReason ? { reason: details.cancelReason } : {}),
    ...(hold.itemId ? { itemId: hold.itemId } : {}),
  });
  const ended = (copy?: CopyDestination): Ended => ({ ended: true, ...(copy ? { copy } : {}) });
  /** The copy's parts first: `failedAlongside` counts from them (NEXT_HOLD_PART). */
  const withEvents = (parts: Record<string, unknown>[], ...more: PendingEvent[]) => [...parts, ...deps.store.outbox.parts([endEvent, ...more], now)];

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const item = hold.itemId ? ((await deps.store.catalog.getItem(hold.itemId)) as CirculatingItem | undefined) : undefined;
    if (!item || item.assignedHoldId !== hold.holdId) {
      return (await deps.store.holds.finish(hold, to, [hold.status], now, details, withEvents([]))) ? ended() : { ended: false };
    }
    // A copy on the road is never READY: it becomes so when scanned at the pickup branch.
    const travelling = item.status === 'IN_TRANSIT';
    const here = travelling ? item.location : hold.pickupBranch;

    const waiting = scannedCopyCanFillHolds(item) ? (await deps.store.holds.queue(item.titleId)).filter((h) => h.status === 'WAITING' && h.holdId !== hold.holdId) : [];
    const blockOf = await fillCheckFor(deps, waiting, now);
    let copyChanged = false;
    for (const next of waiting.filter((h) => blockOf(h) === null)) {
      const atPickup = next.pickupBranch === here && !travelling;
      const ready = atPickup ? await readyFieldsFor(deps, next, now) : undefined;
      const nextEvent = holdChangeEvent(next, 'WAITING', atPickup ? 'READY' : 'IN_TRANSIT', now, { itemId: item.itemId });
      const handOver = withEvents(deps.store.circulation.handOverParts(item, hold.holdId, next, here, tokyoDate(now), ready), nextEvent);
      const outcome = await deps.store.holds.finishTogether(hold, to, [hold.status], now, details, handOver);
      if (outcome.finished) {
        return ended(
          atPickup
            ? { action: 'HOLD_SHELF', holdId: next.holdId, ...(ready ? { pickupDeadline: ready.pickupDeadline } : {}) }
            : { action: 'TRANSIT', toBranch: next.pickupBranch, holdId: next.holdId },
        );
      }
      if (outcome.failedAlongside === NEXT_HOLD_PART) continue; // another copy filled it first
      if (outcome.failedAlongside === undefined) return { ended: false }; // the hold moved on
      copyChanged = true; // another scan moved the copy: read it again
      break;
    }
    if (copyChanged) continue;

    const home = item.branch;
    const shelveHere = home === here && !travelling;
    const outcome = await deps.store.holds.finishTogether(
      hold,
      to,
      [hold.status],
      now,
      details,
      withEvents(deps.store.circulation.releaseToParts(item, hold.holdId, here, shelveHere ? { status: 'ON_SHELF' } : { status: 'IN_TRANSIT', destination: home })),
    );
    if (outcome.finished) return ended(shelveHere ? { action: 'SHELVE', branch: here } : { action: 'TRANSIT', toBranch: home });
    if (outcome.failedAlongside === undefined) return { ended: false };
  }
  throw new Error(`copy ${hold.itemId} kept changing while hold ${hold.holdId} ended`);
};
