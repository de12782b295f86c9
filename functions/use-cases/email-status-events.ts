import { outboxEvent, type EMAIL_STATUS_REASONS, type PendingEvent } from '../contract/events.js';
import type { EmailStatus } from '../store/patrons.js';
import { events } from '../wiring.js';

/** Why an address became BOUNCING (SES feedback or a refused send) or OK again (a new address). */
export type EmailStatusReason = (typeof EMAIL_STATUS_REASONS)[number];

/**
 * SPEC 9 / 10.4: the EmailStatusChanged event, written through the outbox in the transaction
 * of the change. Like HoldStateChanged it names the patron by card number only; never the
 * address, which is personal.
 */
export const emailStatusEvent = (cardNumber: string, emailStatus: EmailStatus, reason: EmailStatusReason, at: Date): PendingEvent =>
  outboxEvent(events.detailTypes.emailStatusChanged, { cardNumber, emailStatus, reason, at: at.toISOString() });
