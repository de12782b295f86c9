import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { deadlineWindowDates } from '../domain/ready-window.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { CirculatingItem } from '../store/circulation.js';
import { checkinAnswer, type CheckinAnswer } from './checkin-answer.js';
import { holdChangeEvent } from './hold-events.js';
import { readyFieldsFromReads } from './ready-fields.js';
import { freeCopyPlan, returnedCopyPlan, routeCopyOnce, type Routed } from './route-copy.js';

const MAX_ROUNDS = 20;

/** The staff member scanning: the session is checked against the credential read with the copy (SPEC 11). */
export interface Scanner {
  readonly staffId: string;
  assertSession(credentialVersion: number | undefined): void;
}

/**
 * SPEC 5.4 check-in (返却/スキャン), the one scan staff make at a branch:
 * - a copy on loan is returned (the loan record goes) and routed like a free copy, in one
 *   transaction, so a crash cannot leave a returned copy on the shelf while holds wait;
 * - a copy in transit for a hold becomes READY when scanned at the pickup branch;
 * - a free copy (pulled from the shelf, arrived home, found) fills the first WAITING hold
 *   or goes on the shelf / home;
 * - a copy already on the hold shelf, or in transit elsewhere, changes nothing.
 * Answers with the slip (checkin-answer.ts). Reads: the staff credential, the branch and the
 * copy in one request; then what the case needs in one more (a free or returned copy: its
 * title's queue first); then the one write. A copy another scan moved meanwhile is read again.
 */
export const checkin = async (deps: Deps, scanner: Scanner, itemId: string, branch: string): Promise<CheckinAnswer> => {
  const start = await deps.store.checkinReads.start(scanner.staffId, branch, itemId);
  scanner.assertSession(start.staffVersion);
  if (!start.branchKnown) throw new AppError(422, 'INVALID_BRANCH', { field: 'branch' });
  let item = start.item;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    if (round > 0) item = (await deps.store.catalog.getItem(itemId)) as CirculatingItem | undefined;
    if (!item) throw notFound();
    const now = deps.clock.now();

    if (item.status === 'ON_LOAN') {
      const routed = await routeCopyOnce(deps, item, branch, returnedCopyPlan(deps, item, item.borrower ?? 'UNKNOWN', branch, now));
      if (routed === 'item-changed') continue;
      return answerOf(deps, routed);
    }

    if (item.assignedHoldId && item.assignedCard) {
      const scanned = await scanAssigned(deps, item as AssignedItem, branch, now);
      if (scanned === 'item-changed') continue;
      return scanned;
    }

    if (item.status === 'IN_TRANSIT' && item.destination && item.destination !== branch) {
      const reads = await deps.store.checkinReads.gather({ titleId: item.titleId }, now);
      return checkinAnswer({ action: 'TRANSIT', toBranch: item.destination }, reads.title, undefined);
    }
    if (item.assignedHoldId) {
      // Assigned without a card (never written so): where it goes, as it says.
      const reads = await deps.store.checkinReads.gather({ titleId: item.titleId }, now);
      return checkinAnswer({ action: 'TRANSIT', toBranch: item.destination ?? item.branch, holdId: item.assignedHoldId }, reads.title, undefined);
    }
    const routed = await routeCopyOnce(deps, item, branch, freeCopyPlan(deps, item, branch, now));
    if (routed === 'item-changed') continue;
    return answerOf(deps, routed);
  }
  throw new AppError(409, 'CONFLICT');
};

type AssignedItem = CirculatingItem & { readonly assignedHoldId: string; readonly assignedCard: string };

/**
 * A copy assigned to a hold: in transit to this branch it arrives (its hold becomes READY);
 * anywhere else scanning it again changes nothing. One BatchGet (hold, patron, title, and on
 * arrival this branch's deadline window), then the arrival's write.
 */
const scanAssigned = async (deps: Deps, item: AssignedItem, branch: string, now: Date): Promise<CheckinAnswer | 'item-changed'> => {
  const card = item.assignedCard;
  const arriving = item.status === 'IN_TRANSIT' && item.destination === branch;
  const reads = await deps.store.checkinReads.gather(
    {
      titleId: item.titleId,
      patrons: [card],
      holds: arriving || item.status === 'ON_HOLD_SHELF' ? [{ cardNumber: card, holdId: item.assignedHoldId }] : [],
      ...(arriving ? { calendar: { branch, dates: deadlineWindowDates(tokyoDate(now), deps.config.pickupDays) } } : {}),
    },
    now,
  );
  const hold = reads.holds.get(item.assignedHoldId);
  const holder = { hold: { cardNumber: card, pickupBranch: item.destination ?? hold?.pickupBranch ?? item.branch }, patron: reads.patrons.get(card) };
  if (arriving) {
    if (!hold) throw new Error(`hold ${item.assignedHoldId} of copy ${item.itemId} is missing`);
    const ready = await readyFieldsFromReads(deps, hold, reads, now);
    const event = holdChangeEvent(hold, 'IN_TRANSIT', 'READY', now, { itemId: item.itemId });
    if (!(await deps.store.circulation.arrive(item, hold, ready, [event], now))) return 'item-changed';
    return checkinAnswer({ action: 'HOLD_SHELF', holdId: hold.holdId, pickupDeadline: ready.pickupDeadline }, reads.title, holder);
  }
  if (item.status === 'ON_HOLD_SHELF') {
    const deadline = hold?.pickupDeadline ? { pickupDeadline: hold.pickupDeadline } : {};
    return checkinAnswer({ action: 'HOLD_SHELF', holdId: item.assignedHoldId, ...deadline }, reads.title, holder);
  }
  return checkinAnswer({ action: 'TRANSIT', toBranch: item.destination ?? item.branch, holdId: item.assignedHoldId }, reads.title, holder);
};

/** The slip of a routed copy; the patron of a hold the copy reached past the likely ones is read now. */
const answerOf = async (deps: Deps, { destination, reads, hold }: Routed): Promise<CheckinAnswer> => {
  const patron = hold ? (reads.patrons.has(hold.cardNumber) ? reads.patrons.get(hold.cardNumber) : await deps.store.patrons.get(hold.cardNumber)) : undefined;
  return checkinAnswer(destination, reads.title, hold ? { hold, patron } : undefined);
};
