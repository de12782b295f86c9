import * as z from 'zod/mini';
import { password, trimmed } from '../common/http/schemas.js';
import { CONTACT_METHODS } from '../domain/contact.js';
import { isCalendarDate } from '../domain/tokyo-time.js';
import { holdParams, refusedState, titleParams } from './path-id.js';
import { contract, empty } from './route-contract.js';
import { BasketEntry, BasketReserveResult, ResultError } from './views/basket.js';
import { instant } from './views/common.js';
import { HoldView } from './views/hold.js';
import { RenewResult } from './views/loan.js';
import { Profile } from './views/profile.js';
import { PatronStatus } from './views/status.js';

export const ContactBody = z.object({
  /** Required for EMAIL; empty or null removes it. Width-folded and trimmed. */
  email: z.pipe(
    z.optional(z.nullable(z.string())),
    z.transform((value) => (value === null || value === undefined || value.trim() === '' ? undefined : value.normalize('NFKC').trim())),
  ),
  contactMethod: z.enum(CONTACT_METHODS),
});
export type ContactBody = z.input<typeof ContactBody>;

export const PasswordBody = z.object({ currentPassword: z.string().check(z.minLength(1), z.maxLength(64)), newPassword: password });
export type PasswordBody = z.input<typeof PasswordBody>;

export const HoldBody = z.object({ titleId: trimmed(1, 64), pickupBranch: trimmed(1, 40) });
export type HoldBody = z.input<typeof HoldBody>;

export const SequenceBody = z.object({
  /** In reading order. */
  titleIds: z.array(trimmed(1, 64)).check(
    z.minLength(2, { error: 'rule:sequenceTitles' }),
    z.maxLength(10, { error: 'rule:sequenceTitles' }),
    z.refine((ids) => new Set(ids).size === ids.length, { error: 'rule:sequenceTitles' }),
  ),
  pickupBranch: trimmed(1, 40),
});
export type SequenceBody = z.input<typeof SequenceBody>;

/** SPEC 10.1: a JST date from tomorrow up to today + 180 days (the range is checked by the handler, rule `suspensionDate`). */
export const SuspensionBody = z.object({
  until: z.string({ error: 'rule:date' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'rule:date' }), z.refine(isCalendarDate, { error: 'rule:date' })),
});
export type SuspensionBody = z.input<typeof SuspensionBody>;

export const ReserveBody = z.object({
  titleIds: z.array(trimmed(1, 64)).check(z.minLength(1), z.maxLength(50)),
  pickupBranch: trimmed(1, 40),
});
export type ReserveBody = z.input<typeof ReserveBody>;

export const RenewBody = z.object({ itemIds: z.array(trimmed(1, 40)).check(z.minLength(1), z.maxLength(50)) });
export type RenewBody = z.input<typeof RenewBody>;

export const SequenceAnswer = z.object({ sequenceId: z.string(), holds: z.array(HoldView) });
export type SequenceAnswer = z.output<typeof SequenceAnswer>;
/** One title of a refused sequence: `ok` when it alone could have been placed. */
export const SequenceResult = z.object({ titleId: z.string(), ok: z.boolean(), error: z.optional(ResultError) });
export type SequenceResult = z.output<typeof SequenceResult>;
export const ReserveAnswer = z.object({ results: z.array(BasketReserveResult) });
export type ReserveAnswer = z.output<typeof ReserveAnswer>;
export const RenewAnswer = z.object({ results: z.array(RenewResult) });
export type RenewAnswer = z.output<typeof RenewAnswer>;

/** SPEC 5.2 refusals of placing a hold, by status. */
const holdRefusals = {
  404: ['NOT_FOUND'],
  409: ['ALREADY_ON_LOAN', 'ALREADY_HELD', 'HOLD_LIMIT'],
  422: ['INVALID_BRANCH', 'NOT_HOLDABLE', 'COUNTER_ONLY', 'LONG_OVERDUE'],
} as const;

/** 409 NOT_SUSPENDABLE / NOT_CANCELLABLE name the hold's state. */

/** The contracts of the patron routes (SPEC 7: a patron token from POST /api/login). */
export const patronContracts = {
  'GET /api/me': contract({
    summary: 'The signed-in patron’s profile',
    description: 'SPEC 3, 12. Open with the initial password: `passwordIsInitial` tells the client to ask for a new one.',
    responses: { 200: Profile },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'PUT /api/me/contact': contract({
    summary: 'Change the contact method and email address',
    description:
      'SPEC 3. An address is required for EMAIL (400, rule `emailRequired`) and optional otherwise; an address mail may not reach is accepted with `emailWarning`. A new address clears a SPEC 10.4 BOUNCING mark. Answers the profile.',
    body: ContactBody,
    responses: { 200: Profile },
    errors: {},
  }),
  'PUT /api/me/password': contract({
    summary: 'Change the password',
    description:
      'SPEC 3, 12. A wrong current password answers 400 `INVALID_CREDENTIALS` (field `currentPassword`) and counts as a failed login (423 `LOCKED` after too many); the birth month and day (the initial password) is refused as the new one. Every session of the account ends, this one included: log in again with the new password.',
    body: PasswordBody,
    responses: { 204: empty },
    errors: { 400: ['INVALID_CREDENTIALS'], 404: ['NOT_FOUND'], 423: ['LOCKED'] },
    errorDetails: { 423: z.object({ unlocksAt: instant }) },
  }),
  'GET /api/me/status': contract({
    summary: 'Loans, holds and the basket (利用状況)',
    description:
      'SPEC 6, 10.1–10.3. Loans with whether each can be renewed and every reason not; holds active first, each with its position and estimated ready date while WAITING; the basket newest first.',
    responses: { 200: PatronStatus },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'POST /api/me/holds': contract({
    summary: 'Place a hold',
    description:
      'SPEC 5.2: an online hold starts PROVISIONAL and is registered by the next registration run (`registersAt`, SPEC 5.3). Refusals: unknown title 404; rules 1 and 4 and an unknown branch 422; already on loan, already held or the hold limit (rule 3) 409.',
    body: HoldBody,
    responses: { 201: HoldView },
    errors: holdRefusals,
  }),
  'DELETE /api/me/holds/{holdId}': contract({
    summary: 'Cancel a hold',
    description:
      'SPEC 5.5: only a PROVISIONAL or WAITING hold; others answer 409 `NOT_CANCELLABLE` with the pickup branch to call (`pickupBranch`, `branchPhone`). Answers the cancelled hold.',
    params: holdParams,
    responses: { 200: HoldView },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_CANCELLABLE'] },
    errorDetails: { 409: z.object({ ...refusedState.shape, pickupBranch: z.optional(z.string()), branchPhone: z.optional(z.string()) }) },
  }),
  'POST /api/me/holds/sequence': contract({
    summary: 'Place holds in reading order',
    description:
      'SPEC 10.2: 2 to 10 different titles, each checked as in SPEC 5.2, placed all or none; hold k is filled only after hold k−1 has ended. A refusal answers the status and code of the first refused title, with every title’s result in `error.results` (and, for older clients, `results` beside `error`).',
    body: SequenceBody,
    responses: { 201: SequenceAnswer },
    errors: holdRefusals,
    errorDetails: {
      404: z.object({ results: z.array(SequenceResult) }),
      409: z.object({ results: z.optional(z.array(SequenceResult)) }),
      422: z.object({ results: z.array(SequenceResult) }),
    },
  }),
  'PUT /api/me/holds/{holdId}/suspension': contract({
    summary: 'Suspend a hold until a date',
    description:
      'SPEC 10.1: a PROVISIONAL or WAITING hold keeps its place but takes no copy until `until` (from tomorrow up to 180 days ahead; 400 rule `suspensionDate`). Other states answer 409 `NOT_SUSPENDABLE`. Answers the hold.',
    params: holdParams,
    body: SuspensionBody,
    responses: { 200: HoldView },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_SUSPENDABLE'] },
    errorDetails: { 409: refusedState },
  }),
  'DELETE /api/me/holds/{holdId}/suspension': contract({
    summary: 'Resume a suspended hold',
    description: 'SPEC 10.1. Answers the hold; resuming one that is not suspended changes nothing.',
    params: holdParams,
    responses: { 200: HoldView },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_SUSPENDABLE'] },
    errorDetails: { 409: refusedState },
  }),
  'GET /api/me/basket': contract({
    summary: 'The reservation basket, newest first',
    description: 'SPEC 5.8.',
    responses: { 200: z.array(BasketEntry) },
    errors: {},
  }),
  'PUT /api/me/basket/{titleId}': contract({
    summary: 'Put a title in the basket',
    description: 'SPEC 5.8. Idempotent. An unknown title answers 404; a full basket 409 `BASKET_FULL` with its `capacity`.',
    params: titleParams,
    responses: { 204: empty },
    errors: { 404: ['NOT_FOUND'], 409: ['BASKET_FULL'] },
    errorDetails: { 409: z.object({ capacity: z.optional(z.number()) }) },
  }),
  'DELETE /api/me/basket/{titleId}': contract({
    summary: 'Take a title out of the basket',
    description: 'SPEC 5.8. Idempotent.',
    params: titleParams,
    responses: { 204: empty },
    errors: {},
  }),
  'POST /api/me/basket/reserve': contract({
    summary: 'Reserve titles from the basket',
    description:
      'SPEC 5.8: each title placed as in SPEC 5.2, in order, with one pickup branch; reserved titles leave the basket, refused ones stay. One result per title, with the code and message a single hold’s refusal would carry.',
    body: ReserveBody,
    responses: { 200: ReserveAnswer },
    errors: {},
  }),
  'POST /api/me/loans/renew': contract({
    summary: 'Renew loans',
    description:
      'SPEC 6: each loan renewed on its own (due the renewal day + 14), or refused with every reason (`HAS_HOLDS`, `INTERLIBRARY`, `ALREADY_RENEWED`, `OVERDUE`; `NOT_FOUND` for an item the patron has not borrowed).',
    body: RenewBody,
    responses: { 200: RenewAnswer },
    errors: {},
  }),
};
