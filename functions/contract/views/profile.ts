import * as z from 'zod/mini';
import { CONTACT_METHODS } from '../../domain/contact.js';

export const ContactMethod = z.enum(CONTACT_METHODS);
export type ContactMethod = z.output<typeof ContactMethod>;

/** The profile a patron sees (SPEC 7 GET /api/me): no birth date, nothing internal. */
export const Profile = z.object({
  cardNumber: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()).check(z.describe('The number on file, called for 電話 (entered at the counter).')),
  contactMethod: ContactMethod,
  contactConfigured: z.boolean().check(z.describe('The patron has chosen a contact method at least once (SPEC 3).')),
  emailWarning: z.nullable(z.string()).check(z.describe("A warning about the address in the client's language: mail may not arrive (SPEC 3).")),
  emailWarningCode: z.nullable(z.enum(['EMAIL_MAY_NOT_ARRIVE'])),
  emailStatus: z.nullable(z.enum(['OK', 'BOUNCING'])).check(z.describe('SPEC 10.4: BOUNCING when mail to `email` was refused; null without an address.')),
  passwordIsInitial: z.optional(z.boolean()).check(z.describe('GET /api/me only (SPEC 12): the password is still the initial one staff issued.')),
});
export type Profile = z.output<typeof Profile>;
