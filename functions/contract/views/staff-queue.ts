import * as z from 'zod/mini';
import { cardNumber, trimmed } from '../../common/http/schemas.js';
import { day, instant } from './common.js';
import { HoldStatus, PauseFields } from './hold.js';

export const HoldState = HoldStatus;
const pause = PauseFields.shape;

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
  statusLabel: z.string().check(z.describe('The state in Japanese (予約中 …), as the counter reads it.')),
  channel: z.enum(['ONLINE', 'COUNTER']),
  pickupBranch: z.string(),
  requestedAt: instant,
  position: z.optional(z.number().check(z.int())).check(z.describe('WAITING only: 1 is next.')),
  estimatedReadyDate: z.optional(z.nullable(day)).check(z.describe('SPEC 10.3, WAITING only: the expected ready date; null when no copy can fill the hold.')),
  itemId: z.optional(z.string()).check(z.describe('The copy assigned (IN_TRANSIT, READY, FULFILLED).')),
  pickupDeadline: z.optional(day).check(z.describe('READY: the last day to collect it (SPEC 5.4).')),
  cancelReason: z.optional(z.string()).check(z.describe('CANCELLED: why (PATRON, STAFF, a SPEC 5.3 refusal code).')),
  cancelNote: z.optional(z.string()).check(z.describe('CANCELLED by staff: the note the patron reads.')),
  suspendedUntil: z.optional(pause.suspendedUntil),
  sequenceId: z.optional(pause.sequenceId),
  sequenceIndex: z.optional(pause.sequenceIndex),
  sequenceLength: z.optional(pause.sequenceLength),
  waitsFor: z.optional(pause.waitsFor),
  waitsForTitle: z.optional(pause.waitsForTitle),
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
