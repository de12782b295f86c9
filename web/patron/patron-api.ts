/** The patron API calls (SPEC 7), typed, over the shared client (token key 'patron-token'). */
import { ApiError, createApiClient, type Lang } from '../shared/api';
import type {
  BasketEntry,
  BasketReserveResult,
  Branch,
  ContactMethod,
  Hold,
  LoginResult,
  PatronStatus,
  Profile,
  RenewResult,
  SearchResult,
  TitleDetail,
} from './types';

export const TOKEN_KEY = 'patron-token';

/** `onPasswordChangeRequired`: a call was refused because the password is still the initial one (SPEC 12). */
export const createPatronApi = (lang: () => Lang, onUnauthorized: () => void, onPasswordChangeRequired: () => void = () => undefined) => {
  const client = createApiClient(TOKEN_KEY, lang, onUnauthorized);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    try {
      return await client.request<T>(method, path, body);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
      throw error;
    }
  };
  const id = encodeURIComponent;
  return {
    client,
    login: (cardNumber: string, password: string) => call<LoginResult>('POST', '/api/login', { cardNumber, password }),
    branches: () => call<Branch[]>('GET', '/api/branches'),
    search: (query: URLSearchParams) => call<SearchResult>('GET', `/api/catalog/search?${query.toString()}`),
    title: (titleId: string) => call<TitleDetail>('GET', `/api/catalog/titles/${id(titleId)}`),
    me: () => call<Profile>('GET', '/api/me'),
    updateContact: (email: string, contactMethod: ContactMethod) => call<Profile>('PUT', '/api/me/contact', { email, contactMethod }),
    changePassword: (currentPassword: string, newPassword: string) =>
      call<void>('PUT', '/api/me/password', { currentPassword, newPassword }),
    status: () => call<PatronStatus>('GET', '/api/me/status'),
    placeHold: (titleId: string, pickupBranch: string) => call<Hold>('POST', '/api/me/holds', { titleId, pickupBranch }),
    cancelHold: (holdId: string) => call<Hold>('DELETE', `/api/me/holds/${id(holdId)}`),
    suspendHold: (holdId: string, until: string) => call<Hold>('PUT', `/api/me/holds/${id(holdId)}/suspension`, { until }),
    resumeHold: (holdId: string) => call<Hold>('DELETE', `/api/me/holds/${id(holdId)}/suspension`),
    placeSequence: (titleIds: readonly string[], pickupBranch: string) =>
      call<{ sequenceId: string; holds: Hold[] }>('POST', '/api/me/holds/sequence', { titleIds, pickupBranch }),
    basket: () => call<BasketEntry[]>('GET', '/api/me/basket'),
    addToBasket: (titleId: string) => call<void>('PUT', `/api/me/basket/${id(titleId)}`),
    removeFromBasket: (titleId: string) => call<void>('DELETE', `/api/me/basket/${id(titleId)}`),
    reserveBasket: (titleIds: readonly string[], pickupBranch: string) =>
      call<{ results: BasketReserveResult[] }>('POST', '/api/me/basket/reserve', { titleIds, pickupBranch }),
    renew: (itemIds: readonly string[]) => call<{ results: RenewResult[] }>('POST', '/api/me/loans/renew', { itemIds }),
  };
};

export type PatronApi = ReturnType<typeof createPatronApi>;
