import type { Hold } from '../store/holds.js';
import type { Patron } from '../store/patrons.js';
import type { CopyDestination } from './route-copy.js';

/** Whose a copy going to a hold is: the hold's card and pickup branch, and the patron's profile. */
export interface SlipHolder {
  readonly hold: Pick<Hold, 'cardNumber' | 'pickupBranch'>;
  readonly patron: Patron | undefined;
}

/**
 * What staff write on the slip that travels with a scanned copy (SPEC 11, the counter): the
 * title, and for a copy going to a hold (HOLD_SHELF, or TRANSIT to the pickup branch) whose
 * hold it is — card number, name, pickup branch and, once on the shelf, the deadline. Built
 * from what the check-in read, with no read of its own.
 */
export const checkinAnswer = (destination: CopyDestination, title: { titleId: string; title: string } | undefined, holder: SlipHolder | undefined) => {
  const whose = destination.action !== 'SHELVE' && destination.holdId ? holder : undefined;
  return {
    ...destination,
    ...(title ? { titleId: title.titleId, title: title.title } : {}),
    ...(whose ? { cardNumber: whose.hold.cardNumber, ...(whose.patron ? { patronName: whose.patron.name } : {}), pickupBranch: whose.hold.pickupBranch } : {}),
  };
};

export type CheckinAnswer = ReturnType<typeof checkinAnswer>;
