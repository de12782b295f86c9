import { ACTIVE_STATES, PATRON_CANCELLABLE, type HoldState } from './holds.js';
import { addDays } from './tokyo-time.js';

/** SPEC 10.1: a suspension ends on a date from tomorrow up to this many days ahead. */
export const MAX_SUSPENSION_DAYS = 180;

/** SPEC 10.1: only holds still waiting for a copy may be suspended or resumed. */
export const SUSPENDABLE: readonly HoldState[] = PATRON_CANCELLABLE;

/** Why a copy passed a hold over (SPEC 10.1 / 10.2). */
export type PassOverReason = 'SUSPENDED' | 'WAITS_FOR';

/** SPEC 10.1: suspended on `today` when it has an `until` date still ahead; from `until` on it is active by itself. */
export const isSuspended = (hold: { readonly suspendedUntil?: string | null }, today: string): boolean => !!hold.suspendedUntil && hold.suspendedUntil > today;

/**
 * SPEC 10.2: the previous hold of a sequence blocks its successor while it is active
 * (PROVISIONAL, WAITING, IN_TRANSIT, READY). Ended (or gone: a returned loan deletes its
 * fulfilled hold, finished holds expire) it never blocks again.
 */
export const predecessorBlocks = (previousStatus: HoldState | undefined): boolean => previousStatus !== undefined && ACTIVE_STATES.includes(previousStatus);

/**
 * May this hold take a copy today? null when it may, else why not. The one rule used by
 * check-in, pull lists and the hand-on of an expired or cancelled hold's copy.
 * `previousStatus`: the state of the hold before it in its sequence (undefined when none, or gone).
 */
export const fillBlock = (
  hold: { readonly suspendedUntil?: string | null; readonly previousHoldId?: string },
  previousStatus: HoldState | undefined,
  today: string,
): PassOverReason | null => {
  if (isSuspended(hold, today)) return 'SUSPENDED';
  if (hold.previousHoldId && predecessorBlocks(previousStatus)) return 'WAITS_FOR';
  return null;
};

/** SPEC 10.1: a valid `until` is a JST date from tomorrow to today + 180 days. */
export const suspensionDateValid = (until: string, today: string): boolean => until >= addDays(today, 1) && until <= addDays(today, MAX_SUSPENSION_DAYS);
