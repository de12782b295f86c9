import type { Deps } from '../common/deps.js';
import { deadlineBase, pickupDeadline } from '../domain/fulfilment.js';
import { noticeDate } from '../domain/notices.js';
import { deadlineFromWindow } from '../domain/ready-window.js';
import { addDays, tokyoDate } from '../domain/tokyo-time.js';
import type { RoutingReads } from '../store/checkin-reads.js';
import type { ReadyFields } from '../store/circulation.js';
import type { Hold } from '../store/holds.js';
import { getsMail, type Patron } from '../store/patrons.js';

/** How far ahead the notice date is looked for (年末年始 and 特別整理期間 close for days, not months). */
const LOOKAHEAD_DAYS = 60;

/**
 * SPEC 5.4: what a hold records when its copy reaches the hold shelf now: the ready date and
 * the pickup deadline, counted from the notice date (the first opening day after the ready
 * date, SPEC 5.6) for patrons who get mail, else from the ready date. `patron`: the profile
 * when the caller read it already.
 */
export const readyFieldsFor = async (deps: Deps, hold: Hold, now: Date, known?: { patron: Patron | undefined }): Promise<ReadyFields> => {
  const readyDate = tokyoDate(now);
  const patron = known ? known.patron : await deps.store.patrons.get(hold.cardNumber);
  const mailed = getsMail(patron);
  const mailedOn = mailed ? noticeDate(readyDate, await deps.store.calendar.between(addDays(readyDate, 1), addDays(readyDate, LOOKAHEAD_DAYS))) : readyDate;
  const pickupDays = deps.config.pickupDays;
  const base = deadlineBase({ readyDate, getsMail: mailed, noticeDate: mailedOn, pickupDays });
  const pickupBranchDays = await deps.store.calendar.forBranch(hold.pickupBranch, base, 31);
  return {
    readyAt: now.toISOString(),
    readyDate,
    pickupDeadline: pickupDeadline({ readyDate, getsMail: mailed, noticeDate: mailedOn, pickupBranchDays, pickupDays }),
  };
};

/**
 * The same fields from what a check-in read already (the patron, the pickup branch's window
 * of days, domain/ready-window.ts); the whole calendar is read only when those do not decide.
 */
export const readyFieldsFromReads = async (deps: Deps, hold: Hold, reads: RoutingReads, now: Date): Promise<ReadyFields> => {
  const patron = reads.patrons.has(hold.cardNumber) ? reads.patrons.get(hold.cardNumber) : await deps.store.patrons.get(hold.cardNumber);
  const readyDate = tokyoDate(now);
  const calendar = reads.calendar?.branch === hold.pickupBranch ? reads.calendar : undefined;
  const deadline = calendar ? deadlineFromWindow({ readyDate, getsMail: getsMail(patron), pickupDays: deps.config.pickupDays, ...calendar }) : undefined;
  return deadline ? { readyAt: now.toISOString(), readyDate, pickupDeadline: deadline } : readyFieldsFor(deps, hold, now, { patron });
};
