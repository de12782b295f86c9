/**
 * SPEC 3 contact settings. Mobile carriers in Japan long allowed addresses such as
 * `taro.@docomo.ne.jp` or `a..b@…`: they are accepted but flagged, because some mail
 * servers refuse them. Anything that is not an address at all is rejected.
 */
export const CONTACT_METHODS = ['EMAIL', 'PHONE', 'NONE'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export type EmailVerdict = { ok: true; warning?: 'EMAIL_MAY_NOT_ARRIVE' } | { ok: false };

// Printable ASCII without space, quotes, brackets or separators in the local part;
// a domain of at least two labels. Control characters and line breaks never match.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL_DOMAIN = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export const checkEmail = (address: string): EmailVerdict => {
  if (address.length > 254) return { ok: false };
  // LOCAL_PART admits no '@' and at least one character: a second '@' or an empty local part fails there.
  const at = address.lastIndexOf('@');
  if (at < 0) return { ok: false };
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (!LOCAL_PART.test(local)) return { ok: false };
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return { ok: false };
  if (!TOP_LEVEL_DOMAIN.test(labels.at(-1) ?? '')) return { ok: false };
  const risky = local.endsWith('.') || local.startsWith('.') || local.includes('..');
  return risky ? { ok: true, warning: 'EMAIL_MAY_NOT_ARRIVE' } : { ok: true };
};
