import type { HoldState } from '../domain/holds.js';
import type { Hold } from '../store/holds.js';
import { outboxEvent, type OutboxDetail, type PendingEvent } from '../contract/events.js';
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
  extra: Pick<OutboxDetail<'HoldStateChanged'>, 'reason' | 'itemId' | 'suspendedUntil'> = {},
): PendingEvent => {
  const change = { titleId: hold.titleId, pickupBranch: hold.pickupBranch, from, at: at.toISOString(), ...extra };
  return to === 'FULFILLED'
    ? outboxEvent(events.detailTypes.holdStateChanged, { ...change, to })
    : outboxEvent(events.detailTypes.holdStateChanged, { holdId: hold.holdId, cardNumber: hold.cardNumber, ...change, to });
};
