import type { Lang } from '../messages.js';
import type { Principal } from '../tokens.js';
import type { Deps } from '../deps.js';

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
