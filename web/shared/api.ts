/**
 * The HTTP API as the browser apps use it: same origin, JSON, the token in memory and
 * sessionStorage (never localStorage: a shared library PC closes the tab), errors as
 * ApiError carrying SPEC 7's code, message and field.
 */
import type { ErrorAnswer } from '../../functions/contract/views/error';

export type Lang = 'ja' | 'en';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  token(): string | undefined;
  setToken(token: string | undefined): void;
}

export const createApiClient = (storageKey: string, lang: () => Lang, onUnauthorized: () => void): ApiClient => {
  let token = sessionStorage.getItem(storageKey) ?? undefined;
  return {
    token: () => token,
    setToken(next) {
      token = next;
      if (next) sessionStorage.setItem(storageKey, next);
      else sessionStorage.removeItem(storageKey);
    },
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(path, {
        method,
        headers: {
          'accept-language': lang(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status === 204) return undefined as T;
      const payload = (await response.json().catch(() => ({}))) as Partial<ErrorAnswer>;
      if (!response.ok) {
        if (response.status === 401 && token) onUnauthorized();
        const { code = 'INTERNAL', message = response.statusText, field, ...details } = payload.error ?? {};
        throw new ApiError(response.status, code, message, field, details);
      }
      return payload as T;
    },
  };
};
