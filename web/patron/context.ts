/** What every page may use: language, API, branches, the session and the basket. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../shared/api';
import type { MessageKey, Translate } from './i18n';
import type { PatronApi } from './patron-api';
import type { MyTitle } from './mine';
import type { BasketEntry, Branch, LoginResult, PatronStatus } from './types';

export interface SessionInfo {
  readonly cardNumber: string;
  readonly name: string;
  /** ISO time on this device's clock (see session.ts). */
  readonly expiresAt: string;
  readonly passwordIsInitial: boolean;
  readonly contactConfigured: boolean;
  /** SPEC 10.4: mail to the patron's address bounced; a banner asks them to fix it. */
  readonly emailBouncing?: boolean;
}

/** A one-off message shown on one page (e.g. "session expired" on the login page). */
export interface Flash {
  readonly kind: 'info' | 'ok' | 'warn';
  readonly key: MessageKey;
  readonly path: string;
}

export interface AppContextValue {
  readonly lang: Lang;
  readonly t: Translate;
  setLang(lang: Lang): void;
  readonly api: PatronApi;
  readonly branches: readonly Branch[];
  branchName(code: string): string;
  readonly session: SessionInfo | null;
  startSession(login: LoginResult, cardNumber: string): Promise<void>;
  endSession(): void;
  updateSession(patch: Partial<SessionInfo>): void;
  readonly basket: readonly BasketEntry[];
  readonly basketIds: ReadonlySet<string>;
  refreshBasket(): Promise<void>;
  addToBasket(titleId: string): Promise<void>;
  removeFromBasket(titleId: string): Promise<void>;
  /** The patron's active holds and loans by titleId (mine.ts); empty when signed out. */
  readonly mine: ReadonlyMap<string, MyTitle>;
  /** Fetches GET /api/me/status again, after an action that placed or ended a hold. */
  refreshMine(): Promise<void>;
  /** A page that fetched the status itself (利用状況) shares it instead of a second request. */
  noteStatus(status: PatronStatus): void;
  setFlash(flash: Flash | null): void;
  /** The login page's address, coming back to the current page afterwards. */
  loginHref(): string;
}

export const AppContext = createContext<AppContextValue | null>(null);

export const useApp = (): AppContextValue => {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing');
  return value;
};
