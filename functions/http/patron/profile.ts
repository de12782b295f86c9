import { checkEmail } from '../../domain/contact.js';
import { warningMessages, type Lang } from '../../common/messages.js';
import type { Patron } from '../../store/patrons.js';
import type { Profile } from '../../contract/views/profile.js';

/** The profile a patron sees (SPEC 7 GET /api/me): no birth date, nothing internal. */
export const profileView = (patron: Patron, lang: Lang, passwordIsInitial?: boolean): Profile => {
  const verdict = patron.email ? checkEmail(patron.email) : undefined;
  const warning = verdict?.ok && verdict.warning ? verdict.warning : undefined;
  return {
    cardNumber: patron.cardNumber,
    name: patron.name,
    email: patron.email ?? null,
    // The number the library calls for 電話 (issue 10.6): the contact page shows it.
    phone: patron.phone ?? null,
    contactMethod: patron.contactMethod,
    contactConfigured: patron.contactConfigured ?? false,
    emailWarning: warning ? warningMessages[warning][lang] : null,
    emailWarningCode: warning ?? null,
    // SPEC 10.4: mail to this address was refused; the app asks the patron to fix it.
    emailStatus: patron.email ? (patron.emailStatus ?? 'OK') : null,
    ...(passwordIsInitial === undefined ? {} : { passwordIsInitial }),
  };
};
