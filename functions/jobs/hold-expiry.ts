import { tokyoDate } from '../domain/tokyo-time.js';
import { endAssignedHold } from '../use-cases/end-assigned-hold.js';
import type { JobBody } from './run-job.js';

/**
 * SPEC 5.7 expiry (06:00 daily): every READY hold whose deadline has passed (deadline before
 * today, per pickup branch on GSI2) becomes EXPIRED and its copy goes at once to the next
 * WAITING hold or back to the shelf. Each hold ends once, whoever runs first.
 */
export const holdExpiry: JobBody = async (now, deps) => {
  const today = tokyoDate(now);
  const counts = { expired: 0, routedToNextHold: 0, alreadyHandled: 0 };
  for (const branch of await deps.store.branches.list()) {
    for (const hold of await deps.store.holds.ready(branch.code, today)) {
      const outcome = await endAssignedHold(deps, hold, 'EXPIRED');
      if (!outcome.ended) counts.alreadyHandled += 1;
      else {
        counts.expired += 1;
        if (outcome.copy && outcome.copy.action !== 'SHELVE' && 'holdId' in outcome.copy && outcome.copy.holdId) counts.routedToNextHold += 1;
      }
    }
  }
  return counts;
};
