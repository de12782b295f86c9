import { tokyoDate } from '../domain/tokyo-time.js';
import { endAssignedHold } from '../use-cases/end-assigned-hold.js';
import { forEachItem, ItemsFailed } from './each-item.js';
import type { JobBody } from './run-job.js';

/**
 * SPEC 5.7 expiry (06:00 daily): every READY hold whose deadline has passed (deadline before
 * today, per pickup branch on GSI2) becomes EXPIRED and its copy goes at once to the next
 * WAITING hold or back to the shelf. Each hold ends once, whoever runs first.
 */
export const holdExpiry: JobBody = async (now, deps, invocation) => {
  const today = tokyoDate(now);
  const counts = { expired: 0, routedToNextHold: 0, alreadyHandled: 0 };
  let failedItems = 0;
  let skipped = 0;
  for (const branch of await deps.store.branches.list()) {
    const due = await deps.store.holds.ready(branch.code, today);
    // One at a time: holds of one title hand copies on to each other's queue.
    const outcome = await forEachItem(
      due,
      1,
      async (hold) => {
        const outcome = await endAssignedHold(deps, hold, 'EXPIRED');
        if (!outcome.ended) counts.alreadyHandled += 1;
        else {
          counts.expired += 1;
          if (outcome.copy && outcome.copy.action !== 'SHELVE' && 'holdId' in outcome.copy && outcome.copy.holdId) counts.routedToNextHold += 1;
        }
      },
      { job: 'hold-expiry', idOf: (h) => h.holdId, logger: deps.logger, budget: invocation.budget },
    );
    failedItems += outcome.failed;
    skipped += outcome.skipped;
  }
  if (failedItems > 0) throw new ItemsFailed({ ...counts, failedItems });
  return skipped > 0 ? { ...counts, continued: true } : counts;
};
