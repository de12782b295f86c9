import type { ErrorCode } from '../common/messages.js';
import type { RouteDeclaration } from '../wiring.js';

type ErrorsByStatus = Partial<Record<number, readonly ErrorCode[]>>;

/**
 * The errors any route of an access level can answer, raised by the HTTP layer rather than
 * by the route (functions/common/http/): bad JSON or path parameters, an oversized body, a
 * request that bypassed CloudFront, a write that lost a race, a busy or failing service.
 */
export const commonErrors = (route: RouteDeclaration): ErrorsByStatus => {
  const writes = route.method !== 'GET';
  const errors: Record<number, ErrorCode[]> = {
    400: ['VALIDATION'],
    // FORBIDDEN: a request that did not come through CloudFront (decision 012).
    403: ['FORBIDDEN'],
    413: ['PAYLOAD_TOO_LARGE'],
    500: ['INTERNAL'],
    503: ['SERVICE_UNAVAILABLE'],
  };
  if (writes) errors[409] = ['CONFLICT'];
  if (route.access === 'patron' || route.access === 'staff') errors[401] = ['UNAUTHORIZED'];
  if (route.access === 'patron' && !route.openWithInitialPassword) errors[403]?.push('PASSWORD_CHANGE_REQUIRED');
  return errors;
};

/** The route's own codes and the common ones, merged by status. */
export const allErrors = (route: RouteDeclaration, own: ErrorsByStatus): Record<number, ErrorCode[]> => {
  const merged: Record<number, ErrorCode[]> = {};
  for (const source of [commonErrors(route), own]) {
    for (const [status, codes] of Object.entries(source)) {
      const list = (merged[Number(status)] ??= []);
      for (const code of codes ?? []) if (!list.includes(code)) list.push(code);
    }
  }
  return merged;
};
