import type { Lang } from '../messages.js';
import type { Principal } from '../tokens.js';
import type { Deps } from '../deps.js';
import { unauthorized } from '../errors.js';

/** What a route handler sees: already parsed, authenticated, with the client's language. */
export interface ApiRequest {
  readonly body: unknown;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly principal?: Principal;
  readonly lang: Lang;
}

export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
}

export type RouteHandler = (request: ApiRequest, deps: Deps) => Promise<ApiResponse>;

export const ok = (body: unknown, status = 200): ApiResponse => ({ status, body });
export const noContent = (): ApiResponse => ({ status: 204 });

/** The signed-in caller; routes declared `patron` or `staff` always have one. */
export const principalOf = (request: ApiRequest) => {
  if (!request.principal) throw new Error('route reached without a principal');
  return request.principal;
};

/**
 * SPEC 12: a patron token is only good for the credential version it was issued for (a
 * password change or reset raises it). Routes declared `sessionCheckedByHandler` call this
 * with the version they read; the middleware does for all others.
 */
export const assertSessionCurrent = (principal: Principal, credentialVersion: number | undefined): void => {
  if (credentialVersion === undefined || principal.credentialVersion !== credentialVersion) throw unauthorized();
};
