import * as z from 'zod/mini';
import { AppError } from '../../common/errors.js';
import { ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { CONTACT_METHODS, checkEmail } from '../../domain/contact.js';
import { profileView } from './profile.js';
import { emailStatusEvent } from '../../use-cases/email-status-events.js';

const ContactBody = z.object({
  email: z.pipe(
    z.optional(z.nullable(z.string())),
    z.transform((value) => (value === null || value === undefined || value.trim() === '' ? undefined : value.normalize('NFKC').trim())),
  ),
  contactMethod: z.enum(CONTACT_METHODS),
});

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
