import type { Deps } from '../common/deps.js';
import { readMailFeedback } from '../mail/feedback.js';
import { emailStatusEvent } from './email-status-events.js';

/**
 * SPEC 10.4: applies one SES event. Every patron whose address it is now is marked BOUNCING
 * (with its EmailStatusChanged event); an address no patron has any more changes nothing.
 * Returns how many patrons were marked. Logs carry counts, never the address.
 */
export const applyMailFeedback = async (deps: Pick<Deps, 'store' | 'clock' | 'metrics' | 'logger'>, detail: unknown): Promise<{ marked: number }> => {
  const feedback = readMailFeedback(detail);
  if (feedback.kind === 'DELIVERY') deps.metrics.count('MailsDelivered');
  if (feedback.kind === 'TRANSIENT_BOUNCE') deps.metrics.count('MailsBouncedTransient');
  if (feedback.kind !== 'BOUNCING') return { marked: 0 };

  deps.metrics.count(feedback.reason === 'COMPLAINT' ? 'MailComplaints' : 'MailsBounced');
  const now = deps.clock.now();
  let marked = 0;
  for (const address of new Set(feedback.addresses)) {
    for (const patron of await deps.store.patrons.byEmail(address)) {
      if (await deps.store.patrons.markEmailBouncing(patron.cardNumber, patron.email, emailStatusEvent(patron.cardNumber, 'BOUNCING', feedback.reason, now), now)) {
        marked += 1;
      }
    }
  }
  deps.logger.info('mail feedback applied', { reason: feedback.reason, addresses: feedback.addresses.length, marked });
  return { marked };
};
