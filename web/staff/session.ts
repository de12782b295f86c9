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

/** The staff id and expiry carried in the token (display only; the server decides). */
export const tokenFacts = (token: string | undefined): { staffId?: string; expiresAt?: Date } => {
  const part = token?.split('.')[1];
  if (!part) return {};
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(json) as { sub?: string; exp?: number };
    return { staffId: payload.sub, expiresAt: payload.exp ? new Date(payload.exp * 1000) : undefined };
  } catch {
    return {};
  }
};
