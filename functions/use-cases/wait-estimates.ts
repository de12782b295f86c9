import type { Deps } from '../common/deps.js';
import { defaultWaitAssumptions, estimateReadyDates, type WaitCopy } from '../domain/estimated-wait.js';
import { byQueueOrder } from '../domain/fulfilment.js';
import type { StoredItem } from '../store/catalog.js';
import type { Hold } from '../store/holds.js';

/** The id the title page's "a hold placed now" goes by in the estimate. */
const NEW_HOLD = '#new';

/** A title's queue and copies, what an estimate needs: one Query of the title's partition (docs/data-model.md). */
export const readTitleForWait = (deps: Deps, titleId: string) => deps.store.titlePartition.copiesAndQueue(titleId);

/**
 * SPEC 10.3 from what the store holds: a copy travelling to or waiting for a hold of the
 * queue carries that hold's ready date and deadline. PROVISIONAL holds count as waiting:
 * they stand in the queue by request time and are registered within minutes.
 */
export const waitEstimates = (
  deps: Pick<Deps, 'config'>,
  today: string,
  queue: readonly Hold[],
  copies: readonly StoredItem[],
  options: { include?: readonly Hold[]; withNewHold?: boolean } = {},
): { positions: Map<string, number>; dates: Map<string, string | null>; newHold?: string | null } => {
  const waiting = new Map<string, Hold>();
  for (const hold of [...queue, ...(options.include ?? [])]) if (hold.status === 'WAITING' || hold.status === 'PROVISIONAL') waiting.set(hold.holdId, hold);
  const ordered = [...waiting.values()].sort(byQueueOrder);
  const positions = new Map<string, number>();
  let position = 0;
  for (const hold of ordered) if (hold.status === 'WAITING') positions.set(hold.holdId, (position += 1));
  const assignedTo = new Map(queue.flatMap((h) => (h.itemId && (h.status === 'IN_TRANSIT' || h.status === 'READY') ? [[h.itemId, h] as const] : [])));
  const waitCopies: WaitCopy[] = copies.map((copy) => {
    const hold = assignedTo.get(copy.itemId);
    const assignedHoldId = (copy as StoredItem & { assignedHoldId?: string }).assignedHoldId;
    return {
      category: copy.category,
      status: copy.status,
      ...(copy.dueDate ? { dueDate: copy.dueDate } : {}),
      ...(hold ? { assigned: { readyDate: hold.readyDate, pickupDeadline: hold.pickupDeadline } } : assignedHoldId ? { assigned: {} } : {}),
    };
  });
  const holds = [...ordered, ...(options.withNewHold ? [{ holdId: NEW_HOLD }] : [])];
  const dates = estimateReadyDates({
    today,
    holds,
    copies: waitCopies,
    assumptions: { ...defaultWaitAssumptions, pickupDays: deps.config.pickupDays },
  });
  return { positions, dates, ...(options.withNewHold ? { newHold: dates.get(NEW_HOLD) ?? null } : {}) };
};
