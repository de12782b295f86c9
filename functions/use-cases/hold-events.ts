import type { HoldState } from '../domain/holds.js';
import type { Hold } from '../store/holds.js';
import type { PendingEvent } from '../store/outbox.js';
import { events } from '../wiring.js';

/**
 * SPEC 9: the HoldStateChanged event of a hold's change, ids and states only. It is written
 * in the transaction that makes the change (store/outbox.ts), so it is published exactly
 * when the change commits, even if the function dies right after.
 * A fulfilment is a loan beginning: its event names no patron and not the hold either (the
 * hold's earlier events name the card, so its id would join them), so the bus carries no
 * "card X borrowed title Y" (図書館の自由). Subscribers count fulfilments by title and copy.
 * SPEC 10.1: a suspension or resumption is a change with `from` = `to` and `suspendedUntil`
 * (the date, or null when resumed).
 */
export const holdChangeEvent = (
  hold: Hold,
  from: HoldState | null,
  to: HoldState,
  at: Date,
  extra: { reason?: string; itemId?: string; suspendedUntil?: string | null } = {},
): PendingEvent => {
  const fulfilled = to === 'FULFILLED';
  return {
    detailType: events.detailTypes.holdStateChanged,
    detail: {
      ...(fulfilled ? {} : { holdId: hold.holdId, cardNumber: hold.cardNumber }),
      titleId: hold.titleId,
      pickupBranch: hold.pickupBranch,
      from,
      to,
      at: at.toISOString(),
      ...extra,
    },
  };
};
