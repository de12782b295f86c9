/**
 * The header CloudFront adds to every request it forwards to the HTTP API (lib/cloud/web.ts),
 * carrying a secret the API functions check before any work (origin-verify.ts), so the API
 * answers only requests that passed the web ACL (docs/decisions/012-edge.md). Lower case:
 * API Gateway hands headers to the function in lower case.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
