import * as z from 'zod/mini';
import { calendarDate, cardNumber, text, trimmed, widthFolded } from '../../common/http/schemas.js';
import { CONTACT_METHODS } from '../../domain/contact.js';
import { day } from './common.js';
import { HoldView } from './hold.js';
import { LoanView, RenewResult } from './loan.js';

export const CardParams = z.object({ cardNumber });

/** POST /admin/patrons (SPEC 3): card number, name, birth date, and a phone number if any. */
export const PatronBody = z.object({
  cardNumber,
  name: text(100),
  birthDate: calendarDate,
  phone: z.optional(z.string().check(widthFolded(), z.trim(), z.regex(/^\+?[0-9][0-9-]{5,19}$/, { error: 'rule:phone' }))),
});
/** The record as registered: internet service off until staff issue the password. */
export const PatronRecord = z.object({ cardNumber: z.string(), name: z.string(), birthDate: day, internetService: z.boolean() });

/** GET /admin/patrons?q= (SPEC 11): a card number (whole, or its first 4+ digits) or the start of a name. */
export const LookupQuery = z.object({ q: z.string().check(z.maxLength(100)) });
export const PatronSummary = z.object({ cardNumber: z.string(), name: z.string() });

/** POST /admin/patrons/{cardNumber}/internet-password (SPEC 3): the birth MMDD, to hand over. */
export const InitialPassword = z.object({ initialPassword: z.string() });

/** A loan as the patron's status page shows it (SPEC 6), earliest due first. */
export const PatronLoan = LoanView;

/** A hold as the patron's status page shows it (SPEC 7 hold objects), with the copy the counter fetches. */
export const PatronHold = z.object({
  ...HoldView.shape,
  itemId: z.optional(z.string()).check(z.describe('The copy assigned (IN_TRANSIT, READY): the counter fetches it from the hold shelf.')),
});

/** GET /admin/patrons/{cardNumber} (SPEC 11): the profile, and loans and holds as the patron's status page shows them. */
export const PatronView = z.object({
  profile: z.object({
    cardNumber: z.string(),
    name: z.string(),
    birthDate: day,
    phone: z.optional(z.string()),
    email: z.optional(z.string()),
    contactMethod: z.enum(CONTACT_METHODS),
    internetService: z.boolean(),
    emailStatus: z.optional(z.enum(['OK', 'BOUNCING'])).check(z.describe('SPEC 10.4: BOUNCING once mail to the address was refused for good.')),
  }),
  loans: z.array(PatronLoan),
  holds: z.array(PatronHold).check(z.describe('Active first, then those finished in the last 30 days.')),
  holdLimit: z.number().check(z.int()),
  activeHolds: z.number().check(z.int()),
});

/** POST /admin/patrons/{cardNumber}/loans/renew (SPEC 11 renewal by phone): the rules and results of SPEC 6. */
export const RenewBody = z.object({ itemIds: z.array(trimmed(1, 40)).check(z.minLength(1), z.maxLength(50)) });
export const RenewAnswer = z.object({ results: z.array(RenewResult) });

export type PatronInput = z.input<typeof PatronBody>;
export type PatronRecordView = z.output<typeof PatronRecord>;
export type PatronSummaryView = z.output<typeof PatronSummary>;
export type PatronLoanView = z.output<typeof PatronLoan>;
export type PatronHoldView = z.output<typeof PatronHold>;
export type PatronDetail = z.output<typeof PatronView>;
export type RenewResultView = z.output<typeof RenewResult>;
