import type { Deps } from '../common/deps.js';
import { isOpeningDay } from '../domain/calendar.js';
import { deadlineBase, pickupDeadline } from '../domain/fulfilment.js';
import { addDays, tokyoDate } from '../domain/tokyo-time.js';
import type { ReadyFields } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';

const LOOKAHEAD_DAYS = 60;

/** The first opening day (any branch) after `date` (SPEC 2), when the pickup notice goes out. */
const nextOpeningDay = async (deps: Deps, date: string): Promise<string> => {
  for (let offset = 1; offset <= LOOKAHEAD_DAYS; offset += 1) {
    const candidate = addDays(date, offset);
    if (isOpeningDay(await deps.store.calendar.forDate(candidate))) return candidate;
  }
  return addDays(date, 1);
};

/** SPEC 5.4: what a hold records when its copy reaches the hold shelf now. */
export const readyFieldsFor = async (deps: Deps, hold: Hold, now: Date): Promise<ReadyFields> => {
  const readyDate = tokyoDate(now);
  const patron = await deps.store.patrons.get(hold.cardNumber);
  const getsMail = patron?.contactMethod === 'EMAIL' && Boolean(patron.email);
  const noticeDate = getsMail ? await nextOpeningDay(deps, readyDate) : readyDate;
  const pickupDays = deps.config.pickupDays;
  const base = deadlineBase({ readyDate, getsMail, noticeDate, pickupDays });
  const pickupBranchDays = await deps.store.calendar.forBranch(hold.pickupBranch, base, 31);
  return {
    readyAt: now.toISOString(),
    readyDate,
    pickupDeadline: pickupDeadline({ readyDate, getsMail, noticeDate, pickupBranchDays, pickupDays }),
  };
};
