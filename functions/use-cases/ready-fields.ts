import type { Deps } from '../common/deps.js';
import { deadlineBase, pickupDeadline } from '../domain/fulfilment.js';
import { noticeDate } from '../domain/notices.js';
import { addDays, tokyoDate } from '../domain/tokyo-time.js';
import type { ReadyFields } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';
import { getsMail } from '../store/patrons.js';

/** How far ahead the notice date is looked for (年末年始 and 特別整理期間 close for days, not months). */
const LOOKAHEAD_DAYS = 60;

/**
 * SPEC 5.4: what a hold records when its copy reaches the hold shelf now: the ready date and
 * the pickup deadline, counted from the notice date (the first opening day after the ready
 * date, SPEC 5.6) for patrons who get mail, else from the ready date.
 */
export const readyFieldsFor = async (deps: Deps, hold: Hold, now: Date): Promise<ReadyFields> => {
  const readyDate = tokyoDate(now);
  const patron = await deps.store.patrons.get(hold.cardNumber);
  const mailed = getsMail(patron);
  const mailedOn = mailed
    ? noticeDate(readyDate, await deps.store.calendar.between(addDays(readyDate, 1), addDays(readyDate, LOOKAHEAD_DAYS)))
    : readyDate;
  const pickupDays = deps.config.pickupDays;
  const base = deadlineBase({ readyDate, getsMail: mailed, noticeDate: mailedOn, pickupDays });
  const pickupBranchDays = await deps.store.calendar.forBranch(hold.pickupBranch, base, 31);
  return {
    readyAt: now.toISOString(),
    readyDate,
    pickupDeadline: pickupDeadline({ readyDate, getsMail: mailed, noticeDate: mailedOn, pickupBranchDays, pickupDays }),
  };
};
