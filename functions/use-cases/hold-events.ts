import type { Deps } from '../common/deps.js';
import type { HoldState } from '../domain/holds.js';
import type { Hold } from '../store/holds.js';
import { events } from '../wiring.js';

/**
 * SPEC 9: every hold state change goes to the bus with ids and states only. Publishing
 * follows the committed write; a failed publish is logged, never undoes the change.
 * A fulfilment is a loan beginning: its event names no patron and not the hold either (the
 * hold's earlier events name the card, so its id would join them), so the bus carries no
 * "card X borrowed title Y" (図書館の自由). Subscribers count fulfilments by title and copy.
 */
export const publishHoldChange = async (
  deps: Pick<Deps, 'events' | 'logger'>,
  hold: Hold,
  from: HoldState | null,
  to: HoldState,
  at: Date,
  extra: { reason?: string; itemId?: string } = {},
): Promise<void> => {
  const fulfilled = to === 'FULFILLED';
  const detail = {
    ...(fulfilled ? {} : { holdId: hold.holdId, cardNumber: hold.cardNumber }),
    titleId: hold.titleId,
    pickupBranch: hold.pickupBranch,
    from,
    to,
    at: at.toISOString(),
    ...extra,
  };
  try {
    await deps.events.publish(events.detailTypes.holdStateChanged, detail);
  } catch (error) {
    deps.logger.error('hold event not published', { holdId: hold.holdId, to, errorMessage: (error as Error).message });
  }
};
