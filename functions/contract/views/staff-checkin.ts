import * as z from 'zod/mini';
import { calendarDate, cardNumber, trimmed } from '../../common/http/schemas.js';
import { day, instant } from './common.js';

/** POST /admin/checkin (SPEC 5.4): the copy scanned and the branch scanning it. */
export const CheckinBody = z.object({ itemId: trimmed(1, 40), branch: trimmed(1, 40) });

/** SPEC 10.1 / 10.2: a hold ahead in the queue that the copy passed over, and why. */
export const PassedOver = z.object({ holdId: z.string(), reason: z.enum(['SUSPENDED', 'WAITS_FOR']) });

/** What the slip says besides where the copy goes: the title and, for a copy going to a hold, whose. */
const slip = {
  passedOver: z.optional(z.array(PassedOver)),
  titleId: z.optional(z.string()),
  title: z.optional(z.string()),
  cardNumber: z.optional(z.string()),
  patronName: z.optional(z.string()),
  pickupBranch: z.optional(z.string()),
};

/**
 * Where the copy goes (SPEC 5.4, 11): back on the shelf of `branch`, onto the hold shelf
 * for `holdId` (READY until `pickupDeadline`), or in transit to `toBranch` (for `holdId`, or home).
 */
export const CheckinAnswer = z.discriminatedUnion('action', [
  z.object({ action: z.literal('SHELVE'), branch: z.string(), ...slip }),
  z.object({ action: z.literal('HOLD_SHELF'), holdId: z.string(), pickupDeadline: z.optional(day), ...slip }),
  z.object({ action: z.literal('TRANSIT'), toBranch: z.string(), holdId: z.optional(z.string()), ...slip }),
]);

/** POST /admin/checkout (SPEC 6): at `branch`, or where the copy is. */
export const CheckoutBody = z.object({ cardNumber, itemId: trimmed(1, 40), branch: z.optional(trimmed(1, 40)) });

/** The loan made: due checkout day + 14; `holdId` when it fulfilled the patron's hold. */
export const CheckoutLoan = z.object({
  itemId: z.string(),
  titleId: z.string(),
  title: z.string(),
  dueDate: day,
  checkedOutAt: instant,
  renewed: z.boolean(),
  holdId: z.optional(z.string()),
});

/** GET /admin/pull-list (SPEC 5.4): today unless `date` names another opening day. */
export const PullListQuery = z.object({ branch: trimmed(1, 40), date: z.optional(calendarDate) });

/** What a clerk needs to find the copy and name the hold on the slip (SPEC 5.4). */
export const PullEntry = z.object({
  holdId: z.string(),
  titleId: z.string(),
  itemId: z.string(),
  title: z.string(),
  author: z.nullable(z.string()),
  callNumber: z.nullable(z.string()).check(z.describe('請求記号 of the copy, or null when the copy has none.')),
  shelfBranch: z.string().check(z.describe("The branch whose shelf the copy is on (this list's branch).")),
  cardNumberMasked: z.string().check(z.describe("The hold's card number with all but the last four digits hidden.")),
  pickupBranch: z.string(),
  requestedAt: instant,
});

/** GET /admin/contact-list (SPEC 5.6). */
export const ContactListQuery = z.object({ branch: trimmed(1, 40) });

/** A READY hold whose patron staff phone: they chose 電話, or mail to their address bounces (SPEC 10.4). */
export const ContactEntry = z.object({
  reason: z.enum(['PHONE', 'EMAIL_BOUNCED']),
  holdId: z.string(),
  cardNumber: z.string(),
  name: z.string(),
  phone: z.nullable(z.string()),
  titleId: z.string(),
  title: z.string(),
  itemId: z.nullable(z.string()),
  pickupBranch: z.string(),
  readyDate: z.nullable(day),
  pickupDeadline: z.nullable(day),
});

export type CheckinResult = z.output<typeof CheckinAnswer>;
export type PassedOverHold = z.output<typeof PassedOver>;
export type CheckoutInput = z.input<typeof CheckoutBody>;
export type CheckoutResult = z.output<typeof CheckoutLoan>;
export type PullListEntry = z.output<typeof PullEntry>;
export type ContactListEntry = z.output<typeof ContactEntry>;
