import { hasEnded, readClaims, sessionEndsAt } from '../shared/session-end';
import type { StaffRole } from './types';

/** What this PC remembers: the counter's branch (localStorage) and facts about the staff token. */
export const BRANCH_KEY = 'staff-branch';

export const loadBranch = (): string => {
  try {
    return localStorage.getItem(BRANCH_KEY) ?? '';
  } catch {
    return '';
  }
};

export const saveBranch = (code: string): void => {
  try {
    if (code) localStorage.setItem(BRANCH_KEY, code);
    else localStorage.removeItem(BRANCH_KEY);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
};

const ENDS_AT_KEY = 'staff-session-ends-at';

/**
 * The shift's session: who is signed in and when the session ends on this PC's clock,
 * counted from the login (web/shared/session-end.ts), never from the token's absolute
 * expiry against the PC's calendar: the server's clock may differ (a demo clock, a PC set
 * wrong), and the server judges the token anyway.
 */
export interface StaffSession {
  readonly staffId?: string;
  readonly endsAt?: Date;
  /** SPEC 11; read from the token for display only (the server checks it on every request). */
  readonly role?: StaffRole;
}

/** The token's role claim; COUNTER when unreadable, so the console never shows more than it may. */
const roleClaim = (token: string): StaffRole => {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { srole?: unknown };
    return payload.srole === 'ADMIN' ? 'ADMIN' : 'COUNTER';
  } catch {
    return 'COUNTER';
  }
};

export const startSession = (token: string, serverExpiresAt: string | undefined): void => {
  const endsAt = sessionEndsAt(token, serverExpiresAt);
  try {
    if (endsAt) sessionStorage.setItem(ENDS_AT_KEY, endsAt);
    else sessionStorage.removeItem(ENDS_AT_KEY);
  } catch {
    // Storage refused: the server's 401 still ends the session.
  }
};

export const endSession = (): void => {
  try {
    sessionStorage.removeItem(ENDS_AT_KEY);
  } catch {
    // nothing stored
  }
};

const storedEnd = (): string | undefined => {
  try {
    return sessionStorage.getItem(ENDS_AT_KEY) ?? undefined;
  } catch {
    return undefined;
  }
};

export const sessionOf = (token: string | undefined): StaffSession => {
  if (!token) return {};
  const endsAt = storedEnd();
  return { staffId: readClaims(token).sub, role: roleClaim(token), ...(endsAt ? { endsAt: new Date(endsAt) } : {}) };
};

/** Has this PC's session run out? A session without a recorded end is left to the server. */
export const sessionHasEnded = (now = Date.now()): boolean => hasEnded(storedEnd(), now);
