/**
 * The patron's session: the token (kept by the shared client in sessionStorage, so closing
 * the tab on a shared library PC logs out) plus who is logged in and until when.
 */
import { useCallback, useState } from 'preact/hooks';
import type { SessionInfo } from './context';
import type { PatronApi } from './patron-api';
import type { LoginResult } from './types';
import { sessionEndsAt } from '../shared/session-end';

const SESSION_KEY = 'patron-session';

const save = (info: SessionInfo | null) => {
  if (info) sessionStorage.setItem(SESSION_KEY, JSON.stringify(info));
  else sessionStorage.removeItem(SESSION_KEY);
};

export const isExpired = (info: SessionInfo, now = Date.now()): boolean => Date.parse(info.expiresAt) <= now;

const restore = (api: PatronApi): SessionInfo | null => {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const info = raw ? (JSON.parse(raw) as SessionInfo) : null;
    if (info && api.client.token() && !isExpired(info)) return info;
  } catch {
    /* unreadable: start over */
  }
  api.client.setToken(undefined);
  save(null);
  return null;
};

export const useSession = (api: PatronApi) => {
  const [session, setSession] = useState<SessionInfo | null>(() => restore(api));

  const end = useCallback(() => {
    api.client.setToken(undefined);
    save(null);
    setSession(null);
  }, [api]);

  const start = useCallback(
    async (login: LoginResult, cardNumber: string) => {
      api.client.setToken(login.token);
      const me = await api.me();
      const info: SessionInfo = {
        cardNumber: me.cardNumber || cardNumber,
        name: me.name,
        expiresAt: sessionEndsAt(login.token, login.expiresAt) ?? login.expiresAt,
        passwordIsInitial: me.passwordIsInitial ?? login.passwordIsInitial,
        contactConfigured: me.contactConfigured ?? true,
        emailBouncing: me.emailStatus === 'BOUNCING',
      };
      save(info);
      setSession(info);
    },
    [api],
  );

  const update = useCallback((patch: Partial<SessionInfo>) => {
    setSession((current) => {
      const next = current ? { ...current, ...patch } : null;
      save(next);
      return next;
    });
  }, []);

  return { session, start, end, update };
};
