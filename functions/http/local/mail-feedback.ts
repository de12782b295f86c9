import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../common/errors.js';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { FeedbackBody } from '../../contract/local.js';
import { checkEmail } from '../../domain/contact.js';
import { mailFeedback } from '../../wiring.js';

/**
 * The detail of the event SES publishes to EventBridge for a bounce or a complaint (the
 * fields this service and a subscriber would read; SES adds headers and more).
 */
export const sesEventDetail = (input: FeedbackBody, from: string, now: Date): Record<string, unknown> => {
  const timestamp = now.toISOString();
  const mail = { timestamp, messageId: randomUUID(), source: from, destination: [input.email] };
  if (input.type === 'Complaint') {
    return {
      eventType: 'Complaint',
      mail,
      complaint: { complainedRecipients: [{ emailAddress: input.email }], timestamp, feedbackId: randomUUID(), complaintFeedbackType: 'abuse' },
    };
  }
  const permanent = (input.bounceType ?? 'Permanent') === 'Permanent';
  return {
    eventType: 'Bounce',
    mail,
    bounce: {
      bounceType: permanent ? 'Permanent' : 'Transient',
      bounceSubType: permanent ? 'General' : 'MailboxFull',
      bouncedRecipients: [
        {
          emailAddress: input.email,
          action: 'failed',
          status: permanent ? '5.1.1' : '4.2.2',
          diagnosticCode: permanent ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 4.2.2 mailbox full',
        },
      ],
      timestamp,
      feedbackId: randomUUID(),
    },
  };
};

/**
 * POST /admin/local/mail-feedback (SPEC 10.4, local stack only): what SES would publish for
 * a bounce or a complaint, put on the local bus; answers once the handler has applied it.
 */
export const postMailFeedback: RouteHandler = async (request, deps) => {
  if (!deps.local) throw notFound();
  const body = parseInput(FeedbackBody, request.body);
  if (!checkEmail(body.email).ok) throw new AppError(400, 'VALIDATION', { field: 'email', rule: 'email' });
  const detailType = mailFeedback.detailTypes[body.type];
  const outcome = await deps.local.putSesEvent(detailType, sesEventDetail(body, deps.config.mailFrom, deps.clock.now()));
  return ok({ source: mailFeedback.source, detailType, ...outcome });
};
