import type { Deps } from '../common/deps.js';
import { fillBlock, isSuspended, type PassOverReason } from '../domain/fill-eligibility.js';
import { scannedCopyCanFillHolds } from '../domain/fulfilment.js';
import { deadlineWindowDates } from '../domain/ready-window.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { RoutingReads } from '../store/checkin-reads.js';
import type { CirculatingItem, Placement, ReadyFields, ReturnedLoan } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';
import type { PendingEvent } from '../store/outbox.js';
import { holdChangeEvent } from './hold-events.js';
import { readyFieldsFromReads } from './ready-fields.js';

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
) & { passedOver?: PassedOver[] };

/** A routed copy and what its slip needs (checkin-answer.ts): the reads, and the hold it went to. */
export interface Routed {
  readonly destination: CopyDestination;
  readonly reads: RoutingReads;
  readonly hold?: Hold;
}

/** The two writes that route a copy: to a hold, or to the shelf / home. */
interface RoutingWrites {
  assign(hold: Hold, at: string, ready: ReadyFields | undefined, events: readonly PendingEvent[]): Promise<'assigned' | 'item-changed' | 'hold-taken'>;
  place(to: Placement): Promise<boolean>;
}

/** How a copy is routed: its writes, made from the reads (a returned copy needs its loan, read with the rest). */
export interface RoutingPlan {
  readonly loan?: { readonly cardNumber: string; readonly itemId: string };
  writes(reads: RoutingReads): RoutingWrites;
}

export const freeCopyPlan = (deps: Deps, item: CirculatingItem, branch: string, now: Date): RoutingPlan => ({
  writes: () => ({
    assign: (hold, at, ready, events) => deps.store.circulation.assign(item, hold, at, ready, events, now),
    place: (to) => deps.store.circulation.place(item, branch, to),
  }),
});

/**
 * A copy on loan: the return and the routing are one write (store/circulation.ts); the loan
 * (whose fulfilled hold goes with it) is read with the queue's holds.
 */
export const returnedCopyPlan = (deps: Deps, item: CirculatingItem, cardNumber: string, branch: string, now: Date): RoutingPlan => ({
  loan: { cardNumber, itemId: item.itemId },
  writes: (reads) => {
    const returned: ReturnedLoan = { cardNumber, ...(reads.loan?.holdId ? { holdId: reads.loan.holdId } : {}) };
    return {
      assign: (hold, at, ready, events) => deps.store.circulation.returnAndAssign(item, returned, hold, at, ready, events, now),
      place: (to) => deps.store.circulation.returnAndPlace(item, returned, branch, to),
    };
  },
});

/**
 * The holds a copy will most likely go to: the WAITING ones not suspended, up to the first
 * outside a sequence (nothing can block it). Their patrons are read with the rest; another
 * hold's patron is read when the copy reaches it (a race, or a long sequence ahead).
 */
const likelyTakers = (waiting: readonly Hold[], today: string): Hold[] => {
  const takers: Hold[] = [];
  for (const hold of waiting) {
    if (isSuspended(hold, today)) continue;
    takers.push(hold);
    if (!hold.previousHoldId) break;
  }
  return takers;
};

/**
 * One attempt to route `item`, scanned at `branch` (SPEC 5.4 / 5.7): the first WAITING hold
 * of its title that it can take (READY there, or IN_TRANSIT to the pickup branch), else home
 * or the shelf. `item-changed`: another scan moved the copy first; read it and try again.
 * Reads: the queue, then in one request the title, the likely takers' patrons, the previous
 * holds of the sequenced ones (SPEC 10.2), the loan of a returned copy and the window of
 * this branch's calendar for a deadline; then the one write.
 */
export const routeCopyOnce = async (
  deps: Deps,
  item: CirculatingItem,
  branch: string,
  plan: RoutingPlan,
  options: { travelling?: boolean } = {},
): Promise<Routed | 'item-changed'> => {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  // A copy on the road is never READY: it becomes so when scanned at the pickup branch.
  const readyHere = (hold: Hold) => hold.pickupBranch === branch && !options.travelling;
  const waiting = scannedCopyCanFillHolds(item) ? (await deps.store.holds.queue(item.titleId)).filter((h) => h.status === 'WAITING') : [];
  const takers = likelyTakers(waiting, today);
  // As fillCheckFor: a suspended hold is passed over whatever its predecessor's state.
  const sequenced = waiting.filter((h) => h.previousHoldId && !isSuspended(h, today));
  const reads = await deps.store.checkinReads.gather(
    {
      titleId: item.titleId,
      patrons: [...new Set(takers.map((h) => h.cardNumber))],
      holds: sequenced.map((h) => ({ cardNumber: h.cardNumber, holdId: h.previousHoldId ?? '' })),
      ...(plan.loan ? { loan: plan.loan } : {}),
      ...(takers.some(readyHere) ? { calendar: { branch, dates: deadlineWindowDates(today, deps.config.pickupDays) } } : {}),
    },
    now,
  );
  const writes = plan.writes(reads);
  const passedOver: PassedOver[] = [];
  const routed = (destination: CopyDestination, hold?: Hold): Routed => ({
    destination: passedOver.length > 0 ? { ...destination, passedOver } : destination,
    reads,
    ...(hold ? { hold } : {}),
  });
  for (const hold of waiting) {
    const block = fillBlock(hold, reads.holds.get(hold.previousHoldId ?? '')?.status, today);
    if (block) {
      passedOver.push({ holdId: hold.holdId, reason: block });
      continue;
    }
    const atPickup = readyHere(hold);
    const ready = atPickup ? await readyFieldsFromReads(deps, hold, reads, now) : undefined;
    const event = holdChangeEvent(hold, 'WAITING', atPickup ? 'READY' : 'IN_TRANSIT', now, { itemId: item.itemId });
    const outcome = await writes.assign(hold, branch, ready, [event]);
    if (outcome === 'hold-taken') continue; // another copy filled it first
    if (outcome === 'item-changed') return 'item-changed';
    return routed(
      atPickup
        ? { action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: ready?.pickupDeadline }
        : { action: 'TRANSIT', toBranch: hold.pickupBranch, holdId: hold.holdId },
      hold,
    );
  }
  const home = item.branch;
  const destination: CopyDestination = home === branch && !options.travelling ? { action: 'SHELVE', branch } : { action: 'TRANSIT', toBranch: home };
  const placed = await writes.place(destination.action === 'SHELVE' ? { status: 'ON_SHELF' } : { status: 'IN_TRANSIT', destination: home });
  return placed ? routed(destination) : 'item-changed';
};
