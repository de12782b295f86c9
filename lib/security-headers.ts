/**
 * Security headers of the browser apps, in one place: the local stack sends them with every
 * file of web/dist (lib/local/static-files.ts) and CloudFront adds them in AWS
 * (lib/cloud/web.ts), so a page cannot pass locally under a policy the cloud does not enforce.
 * HSTS is cloud-only: the local stack is plain HTTP, where browsers ignore it. The one inline
 * style allowed is the patron app's stylesheet, by its hash (lib/web-styles.ts).
 */
import { inlineStyleSource } from './web-styles.js';

/** The policy for an inline stylesheet of this CSP source (default: the patron app's stylesheet now). */
export const contentSecurityPolicy = (inlineStyle: string = inlineStyleSource()): string =>
  `default-src 'self'; script-src 'self'; style-src 'self' ${inlineStyle}; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`;

/** `npm run dev` computes them again after each web rebuild: the inline style's hash follows its CSS. */
export const securityHeaders = (policy: string = contentSecurityPolicy()): Readonly<Record<string, string>> => ({
  'content-security-policy': policy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders(CONTENT_SECURITY_POLICY);
