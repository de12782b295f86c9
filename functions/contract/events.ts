import * as z from 'zod/mini';
import type { HoldState } from '../domain/holds.js';
import { events, jobNames, mailFeedback, type DetailType, type JobName } from '../wiring.js';
import { day, instant } from './views/common.js';

/**
 * SPEC 9: the `detail` of every event the service puts on the library's bus, as subscribers
 * receive it. The publishing code builds its details through these types (`outboxEvent`
 * below, `EventPublisher.publish`), the AsyncAPI document (contract/asyncapi.ts) is built
 * from these schemas, and the integration tests check every event that passes through the
 * local bus against that document. Privacy (SPEC 9, 6): ids and states, never a name, an
 * address or anything else that says who a patron is.
 */

const PRIVACY = 'Ids and states only: no event carries a name, an address, a phone number or a birth date (SPEC 9).';

const text = (description: string) => z.string().check(z.minLength(1), z.describe(description));

const cardNumber = text("The patron's card number: the only patron identifier an event carries, never with a name or an address.");
const titleId = text('The title (bibliographic record).');
const itemId = text('The copy (its barcode).');
const at = instant.check(z.describe('When the change happened (ISO 8601, UTC).'));

/** Added by the outbox relay (decision 014): delivery is at least once, so a subscriber drops a repeat by it. */
const eventId = z.string().check(z.uuid(), z.describe('Unique per event; a repeated delivery carries the same id.'));

/** Every hold state but the end by fulfilment, whose event names no patron. */
const PATRON_STATES = ['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY', 'CANCELLED', 'EXPIRED'] as const satisfies readonly Exclude<HoldState, 'FULFILLED'>[];
const holdState = z.enum([...PATRON_STATES, 'FULFILLED']);

/** Why a hold was cancelled: by the patron, by staff, or at registration by SPEC 5.3's re-check. */
export const HOLD_CANCEL_REASONS = ['PATRON', 'STAFF', 'ALREADY_ON_LOAN', 'LONG_OVERDUE'] as const;
export type HoldCancelReason = (typeof HOLD_CANCEL_REASONS)[number];

const holdChange = {
  titleId,
  pickupBranch: text('The branch the hold is to be collected at.'),
  from: z.nullable(holdState).check(z.describe('The state before; null when the hold was just placed.')),
  at,
  reason: z.optional(z.enum(HOLD_CANCEL_REASONS).check(z.describe('Why the hold was cancelled (to CANCELLED only).'))),
  itemId: z.optional(itemId.check(z.describe('The copy assigned to the hold (IN_TRANSIT, READY and the ends of an assigned hold).'))),
  suspendedUntil: z.optional(z.nullable(day).check(z.describe('SPEC 10.1: a suspension (the last day suspended) or a resumption (null); `from` = `to` then.'))),
  eventId,
};

const HoldChangeOfAPatron = z.object({
  holdId: text('The hold.'),
  cardNumber,
  ...holdChange,
  to: z.enum(PATRON_STATES).check(z.describe('The state after (equal to `from` for a suspension or resumption).')),
});

/**
 * A fulfilment is a loan beginning: it names neither the card nor the hold (the hold's earlier
 * events name the card, so its id would join them), so the bus carries no "card X borrowed
 * title Y" (SPEC 9, 図書館の自由).
 */
const LoanBeginning = z
  .object({ ...holdChange, to: z.literal('FULFILLED') })
  .check(z.describe('A hold fulfilled by a checkout: no `holdId` and no `cardNumber`, so no reading trail leaves the service.'));

export const HoldStateChangedDetail = z
  .discriminatedUnion('to', [HoldChangeOfAPatron, LoanBeginning])
  .check(z.describe(`SPEC 9: a hold changed state (or was suspended or resumed, SPEC 10.1). ${PRIVACY}`));

export const LoanRenewedDetail = z
  .object({
    itemId,
    titleId,
    dueDate: day.check(z.describe('The new due date (Tokyo).')),
    previousDueDate: day.check(z.describe('The due date before the renewal.')),
    at,
    eventId,
  })
  .check(z.describe(`SPEC 6: a loan was renewed. It names no patron (a loan is a reading record). ${PRIVACY}`));

export const EMAIL_STATUS_REASONS = ['BOUNCE', 'COMPLAINT', 'REJECT', 'ADDRESS_CHANGED'] as const;

export const EmailStatusChangedDetail = z
  .object({
    cardNumber,
    emailStatus: z.enum(['OK', 'BOUNCING']).check(z.describe('BOUNCING: no mail is sent to the address until the patron changes it.')),
    reason: z.enum(EMAIL_STATUS_REASONS).check(z.describe('What changed the status: SES feedback, a refused send, or a new address.')),
    at,
    eventId,
  })
  .check(z.describe(`SPEC 10.4: a patron's mail address started or stopped bouncing. Never the address itself. ${PRIVACY}`));

export const JobRunRequestedDetail = z
  .object({
    job: z.enum(jobNames as [JobName, ...JobName[]]).check(z.describe('The job to run (SPEC 8).')),
    trigger: z.enum(['schedule', 'manual']).check(z.describe('manual: staff "run now", an import, or a continuation of a manual run.')),
    schedule: z.optional(text("The schedule's name, when the run belongs to one.")),
    scheduledTime: z.optional(instant.check(z.describe('The run\'s "now": its scheduled time, kept by continuations.'))),
    runId: z.optional(text('Given by staff "run now" and continuations; a repeated delivery of the same id runs once.')),
  })
  .check(z.describe('SPEC 9: a request to run a job, delivered by a rule per job to its function. Carries no personal data.'));

/** The detail schema of each detail-type on the bus. */
export const eventDetails = {
  [events.detailTypes.jobRunRequested]: JobRunRequestedDetail,
  [events.detailTypes.holdStateChanged]: HoldStateChangedDetail,
  [events.detailTypes.loanRenewed]: LoanRenewedDetail,
  [events.detailTypes.emailStatusChanged]: EmailStatusChangedDetail,
} as const satisfies Record<DetailType, z.ZodMiniType>;

/** The detail of `T` as subscribers receive it. */
export type EventDetail<T extends DetailType> = z.output<(typeof eventDetails)[T]>;

/** The detail-types written through the table outbox (decision 014); the others are put on the bus directly. */
export type OutboxDetailType = Exclude<DetailType, typeof events.detailTypes.jobRunRequested>;

type WithoutEventId<T> = T extends unknown ? Omit<T, 'eventId'> : never;

/** What the code writes to the outbox: the detail without `eventId`, which the relay adds. */
export type OutboxDetail<T extends OutboxDetailType> = WithoutEventId<EventDetail<T>>;

/** An event to publish once the change it reports has committed (store/outbox.ts). */
export type PendingEvent = { [T in OutboxDetailType]: { readonly detailType: T; readonly detail: OutboxDetail<T> } }[OutboxDetailType];

/** The one way to build an outbox event: its detail must be exactly what the schema of its type says. */
export const outboxEvent = <T extends OutboxDetailType>(detailType: T, detail: OutboxDetail<T>): PendingEvent => ({ detailType, detail }) as PendingEvent;

/**
 * SPEC 10.4: the SES events this service receives (SES publishes them to the account's
 * default bus; a rule forwards them to the library's bus and the mail-feedback function).
 * Only the fields it reads are described; SES sends more. Unlike the service's own events
 * these carry addresses: they are consumed, never republished.
 */
const recipients = (description: string) => z.array(z.looseObject({ emailAddress: z.string() })).check(z.describe(description));
export const SesMailEventDetail = z
  .looseObject({
    eventType: z.enum(['Bounce', 'Complaint', 'Delivery', 'Reject']),
    mail: z.looseObject({ destination: z.array(z.string()).check(z.describe('The addresses the mail was sent to.')) }),
    bounce: z.optional(
      z.looseObject({
        bounceType: z.string().check(z.describe('Permanent marks the addresses BOUNCING; Transient and Undetermined are only counted.')),
        bouncedRecipients: recipients('The addresses that bounced (default: the destination).'),
      }),
    ),
    complaint: z.optional(z.looseObject({ complainedRecipients: recipients('The addresses that complained (default: the destination).') })),
  })
  .check(z.describe('An SES event of the configuration set every mail is sent with (received, SPEC 10.4).'));

/** The SES detail-types the service receives, all with the detail above. */
export const receivedMailEvents = { source: mailFeedback.source, detailTypes: Object.values(mailFeedback.detailTypes) };
