/**
 * The patron's session: the token (kept by the shared client in sessionStorage, so closing
 * the tab on a shared library PC logs out) plus who is logged in and until when.
 */
import { useCallback, useState } from 'preact/hooks';
import type { SessionInfo } from './context';
import type { PatronApi } from './patron-api';
import type { LoginResult } from './types';

const SESSION_KEY = 'patron-session';

const save = (info: SessionInfo | null) => {
  if (info) sessionStorage.setItem(SESSION_KEY, JSON.stringify(info));
  else sessionStorage.removeItem(SESSION_KEY);
};

/**
 * When the session ends, on this device's clock. The token's own lifetime (exp − iat) is
 * counted from now, so a server clock that differs from the device's (a demo clock moved
 * for testing, a phone set wrong) neither ends the session early nor keeps it too long;
 * the answer's `expiresAt` is the fallback.
 */
const localExpiry = (login: LoginResult): string => {
  try {
    const payload = login.token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { iat?: unknown; exp?: unknown };
    if (typeof claims.iat === 'number' && typeof claims.exp === 'number' && claims.exp > claims.iat) {
      return new Date(Date.now() + (claims.exp - claims.iat) * 1000).toISOString();
    }
  } catch {
    /* not a JWT we can read: use the server's time */
  }
  return login.expiresAt;
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
        expiresAt: localExpiry(login),
        passwordIsInitial: me.passwordIsInitial ?? login.passwordIsInitial,
        contactConfigured: me.contactConfigured ?? true,
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
