import { AppError } from '../../common/errors.js';
import { ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { checkEmail } from '../../domain/contact.js';
import { ContactBody } from '../../contract/patron.js';
import { profileView } from './profile.js';
import { emailStatusEvent } from '../../use-cases/email-status-events.js';

/** PUT /api/me/contact (SPEC 3): email is required for EMAIL, optional otherwise. */
export const updateContact: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const raw = request.body as { email?: unknown } | undefined;
  // Reject control characters before trimming could hide a trailing line break.
  if (typeof raw?.email === 'string' && /[\u0000-\u001f\u007f]/.test(raw.email)) {
    throw new AppError(400, 'VALIDATION', { field: 'email', rule: 'email' });
  }
  const body = parseInput(ContactBody, request.body);
  if (body.email !== undefined && !checkEmail(body.email).ok) throw new AppError(400, 'VALIDATION', { field: 'email', rule: 'email' });
  if (body.contactMethod === 'EMAIL' && !body.email) throw new AppError(400, 'VALIDATION', { field: 'email', rule: 'emailRequired' });
  const now = deps.clock.now();
  const patron = await deps.store.patrons.updateContact(
    subject,
    { email: body.email, contactMethod: body.contactMethod },
    emailStatusEvent(subject, 'OK', 'ADDRESS_CHANGED', now),
    now,
  );
  deps.logger.info('contact updated', { contactMethod: body.contactMethod });
  return ok(profileView(patron, request.lang));
};
