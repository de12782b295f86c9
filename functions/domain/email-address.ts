/**
 * SPEC 10.4: the form of a mail address its lookup item is keyed by. SES reports the address
 * as the receiving server wrote it; domains are case-insensitive and, in practice, so are the
 * local parts of the addresses patrons give, so both sides are compared lower-cased.
 */
export const normalizeEmail = (email: string): string => email.normalize('NFKC').trim().toLowerCase();
