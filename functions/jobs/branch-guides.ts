import { addDays } from '../domain/tokyo-time.js';
import type { PickupBranchGuide } from '../mail/branch-guide.js';
import type { Branch } from '../store/branches.js';
import type { Hold } from '../store/holds.js';
import type { JobDeps } from './run-job.js';

/** Days of each branch a run reads: a deadline is 7 days after the notice, moved to an open date. */
const GUIDE_DAYS = 14;

export interface BranchGuides {
  /** The pickup branches of these holds, in the order first named, each with its days up to its last deadline. */
  for(holds: readonly Hold[]): Promise<PickupBranchGuide[]>;
}

/**
 * SPEC 5.6: the notice names each pickup branch's phone number and its hours from the notice
 * day to the deadline (exceptions such as 年末年始 included). Each branch's calendar is read
 * once per run (one Get and one Query), however many patrons pick up there.
 */
export const branchGuides = (deps: JobDeps, branches: readonly Branch[], today: string): BranchGuides => {
  const byCode = new Map(branches.map((b) => [b.code, b]));
  const calendars = new Map<string, ReturnType<JobDeps['store']['calendar']['forBranch']>>();
  const daysOf = (code: string) => {
    let days = calendars.get(code);
    if (!days) {
      days = deps.store.calendar.forBranch(code, today, GUIDE_DAYS);
      calendars.set(code, days);
      // A failed read is not kept: the next patron's mail reads again.
      days.catch(() => calendars.delete(code));
    }
    return days;
  };
  return {
    async for(holds) {
      const lastDeadline = new Map<string, string>();
      for (const hold of holds) {
        const deadline = hold.pickupDeadline ?? today;
        if ((lastDeadline.get(hold.pickupBranch) ?? '') < deadline) lastDeadline.set(hold.pickupBranch, deadline);
      }
      const last = addDays(today, GUIDE_DAYS - 1);
      return Promise.all(
        [...lastDeadline].map(async ([code, deadline]) => {
          const branch = byCode.get(code);
          // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as strings; Math.min would make them NaN
          const until = deadline < last ? deadline : last;
          const days = (await daysOf(code)).filter((d) => d.date <= until);
          return { name: branch?.name ?? code, ...(branch?.phone ? { phone: branch.phone } : {}), days };
        }),
      );
    },
  };
};
