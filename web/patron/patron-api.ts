/** The patron API calls (SPEC 7), typed by the HTTP contract, over the shared client (token key 'patron-token'). */
import type {
  ContactBody,
  HoldBody,
  PasswordBody,
  RenewAnswer,
  RenewBody,
  ReserveAnswer,
  ReserveBody,
  SequenceAnswer,
  SequenceBody,
  SuspensionBody,
} from '../../functions/contract/patron';
import type { LoginBody } from '../../functions/contract/public';
import { ApiError, createApiClient, type Lang } from '../shared/api';
import type { BasketEntry, Branch, ContactMethod, Hold, LoginResult, PatronStatus, Profile, SearchResult, TitleDetail } from './types';

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
  // `as string[]`: the contract types bodies with mutable arrays; a type-only widening, nothing copied.
  return {
    client,
    login: (cardNumber: string, password: string) => call<LoginResult>('POST', '/api/login', { cardNumber, password } satisfies LoginBody),
    branches: () => call<Branch[]>('GET', '/api/branches'),
    search: (query: URLSearchParams) => call<SearchResult>('GET', `/api/catalog/search?${query.toString()}`),
    title: (titleId: string) => call<TitleDetail>('GET', `/api/catalog/titles/${id(titleId)}`),
    me: () => call<Profile>('GET', '/api/me'),
    updateContact: (email: string, contactMethod: ContactMethod) => call<Profile>('PUT', '/api/me/contact', { email, contactMethod } satisfies ContactBody),
    changePassword: (currentPassword: string, newPassword: string) => call<void>('PUT', '/api/me/password', { currentPassword, newPassword } satisfies PasswordBody),
    status: () => call<PatronStatus>('GET', '/api/me/status'),
    placeHold: (titleId: string, pickupBranch: string) => call<Hold>('POST', '/api/me/holds', { titleId, pickupBranch } satisfies HoldBody),
    cancelHold: (holdId: string) => call<Hold>('DELETE', `/api/me/holds/${id(holdId)}`),
    suspendHold: (holdId: string, until: string) => call<Hold>('PUT', `/api/me/holds/${id(holdId)}/suspension`, { until } satisfies SuspensionBody),
    resumeHold: (holdId: string) => call<Hold>('DELETE', `/api/me/holds/${id(holdId)}/suspension`),
    placeSequence: (titleIds: readonly string[], pickupBranch: string) =>
      call<SequenceAnswer>('POST', '/api/me/holds/sequence', { titleIds: titleIds as string[], pickupBranch } satisfies SequenceBody),
    basket: () => call<BasketEntry[]>('GET', '/api/me/basket'),
    addToBasket: (titleId: string) => call<void>('PUT', `/api/me/basket/${id(titleId)}`),
    removeFromBasket: (titleId: string) => call<void>('DELETE', `/api/me/basket/${id(titleId)}`),
    reserveBasket: (titleIds: readonly string[], pickupBranch: string) =>
      call<ReserveAnswer>('POST', '/api/me/basket/reserve', { titleIds: titleIds as string[], pickupBranch } satisfies ReserveBody),
    renew: (itemIds: readonly string[]) => call<RenewAnswer>('POST', '/api/me/loans/renew', { itemIds: itemIds as string[] } satisfies RenewBody),
  };
};

export type PatronApi = ReturnType<typeof createPatronApi>;
