import { mapWithConcurrency } from '../common/concurrency.js';
import type { Logger } from '@aws-lambda-powertools/logger';

/**
 * A job's items, each on its own: one that throws is logged (by its id, never personal data)
 * and counted, and the rest go on. The run then ends FAILED (see ItemsFailed) so that it is
 * retried and alarmed on; every item's work is idempotent, so the retry only finishes the rest.
 */
export const forEachItem = async <T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  describe: { job: string; idOf: (item: T) => string; logger: Logger; budget?: { timeLeftMs(): number } },
): Promise<{ failed: number; skipped: number }> => {
  let failed = 0;
  let skipped = 0;
  await mapWithConcurrency(items, concurrency, async (item) => {
    // Out of time: items not yet started are left for the run's continuation.
    if (describe.budget && describe.budget.timeLeftMs() <= 0) {
      skipped += 1;
      return;
    }
    try {
      await work(item);
    } catch (error) {
      failed += 1;
      describe.logger.error('job item failed; the rest of the run goes on', {
        job: describe.job,
        item: describe.idOf(item),
        errorName: (error as Error)?.name,
      });
    }
  });
  return { failed, skipped };
};

/** Thrown at the end of a run in which some items failed: the run is FAILED, with its counts. */
export class ItemsFailed extends Error {
  override readonly name = 'ItemsFailed';
  constructor(readonly summary: Record<string, unknown>) {
    super(`${String(summary.failedItems)} item(s) failed`);
  }
}
