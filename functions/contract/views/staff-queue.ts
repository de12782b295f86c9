import * as z from 'zod/mini';
import { cardNumber, trimmed } from '../../common/http/schemas.js';
import { HOLD_STATES } from '../../domain/holds.js';
import { day, instant } from './common.js';

export const HoldState = z.enum(HOLD_STATES);

/** SPEC 10.1 / 10.2 fields of a hold object: null when they do not apply. */
export const HoldPauseFields = {
  /** SPEC 10.1: suspended (passed over by assignment) until this date; null when not. */
  suspendedUntil: z.nullable(day),
  /** SPEC 10.2: the reading-order sequence of the hold, its 1-based place and the sequence's length. */
  sequenceId: z.nullable(z.string()),
  sequenceIndex: z.nullable(z.number().check(z.int())),
  sequenceLength: z.nullable(z.number().check(z.int())),
  /** The titleId of the previous hold of the sequence while it still blocks this one, and its title. */
  waitsFor: z.nullable(z.string()),
  waitsForTitle: z.nullable(z.string()),
};

/**
 * A hold as staff see it (SPEC 7 hold objects, SPEC 11): with the card number, the channel
 * and any cancel reason; a queue's WAITING holds with their place and SPEC 10.3 estimate.
 */
export const StaffHold = z.object({
  holdId: z.string(),
  cardNumber: z.string(),
  titleId: z.string(),
  title: z.string(),
  status: HoldState,
  /** The state in Japanese (予約中 …), as the counter reads it. */
  statusLabel: z.string(),
  channel: z.enum(['ONLINE', 'COUNTER']),
  pickupBranch: z.string(),
  requestedAt: instant,
  /** WAITING only: 1 is next. */
  position: z.optional(z.number().check(z.int())),
  /** SPEC 10.3, WAITING only: the expected ready date; null when no copy can fill the hold. */
  estimatedReadyDate: z.optional(z.nullable(day)),
  /** The copy assigned (IN_TRANSIT, READY, FULFILLED). */
  itemId: z.optional(z.string()),
  /** READY: the last day to collect it (SPEC 5.4). */
  pickupDeadline: z.optional(day),
  /** CANCELLED: why (PATRON, STAFF, a SPEC 5.3 refusal code) and the note the patron reads. */
  cancelReason: z.optional(z.string()),
  cancelNote: z.optional(z.string()),
  suspendedUntil: z.optional(HoldPauseFields.suspendedUntil),
  sequenceId: z.optional(HoldPauseFields.sequenceId),
  sequenceIndex: z.optional(HoldPauseFields.sequenceIndex),
  sequenceLength: z.optional(HoldPauseFields.sequenceLength),
  waitsFor: z.optional(HoldPauseFields.waitsFor),
  waitsForTitle: z.optional(HoldPauseFields.waitsForTitle),
});

/** POST /admin/holds (SPEC 7): a counter hold, WAITING at once; contest and latest-issue titles allowed. */
export const CounterHoldBody = z.object({ cardNumber, titleId: trimmed(1, 64), pickupBranch: trimmed(1, 40) });

/**
 * DELETE /admin/holds/{holdId} (SPEC 5.4): the note the patron reads, in the body or the query
 * (a body's wins); at most 200 characters, no control characters. Without one, the guide's words.
 */
const reason = z.string().check(
  z.maxLength(200),
  z.refine((value) => !/[\u0000-\u001f\u007f]/.test(value)),
);
export const CancelHoldBody = z.optional(z.object({ reason: z.optional(reason) }));
export const CancelHoldQuery = z.object({ reason: z.optional(reason) });

/** PUT /admin/holds/{holdId}/suspension (SPEC 10.1): a JST date from tomorrow to today + 180 days. */
export const SuspensionBody = z.object({ until: day });

export type HoldStateName = z.output<typeof HoldState>;
export type StaffHoldView = z.output<typeof StaffHold>;
export type CounterHoldInput = z.input<typeof CounterHoldBody>;
