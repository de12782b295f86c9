import type { Db } from './db.js';
import { putInBatches } from './batch-write.js';
import type { Hold } from './holds.js';
import { keys } from './keys.js';
import { pullTitlePut } from './pull-titles.js';

/**
 * Bulk writes for benches (bench/pull-list.ts): WAITING holds as the registration batch
 * leaves them (the hold in its title's queue, no provisional key) and their titles'
 * pull-list markers at `branchesOf(titleId)`. Not for service data: the patrons' hold
 * counters and per-title markers (SPEC 5.2 rules 3 and 5) are not written.
 */
export const seedWaitingHolds = async (db: Db, holds: readonly Hold[], branchesOf: (titleId: string) => readonly string[], touchedAt: Date): Promise<void> => {
  const markers = new Map<string, Record<string, unknown>>();
  for (const hold of holds) {
    for (const branch of branchesOf(hold.titleId)) {
      markers.set(`${branch}|${hold.titleId}`, pullTitlePut(db, branch, hold.titleId, touchedAt).Put.Item);
    }
  }
  await putInBatches(db, [
    ...holds.map((hold) => ({
      ...keys.hold(hold.cardNumber, hold.holdId),
      ...keys.holdInQueue(hold.titleId, hold.requestedAt, hold.holdId),
      ...keys.holdById(hold.holdId),
      type: 'Hold',
      ...hold,
      status: 'WAITING',
    })),
    ...markers.values(),
  ]);
};
