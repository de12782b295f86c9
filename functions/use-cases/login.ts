import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import type { Principal } from '../common/tokens.js';
import { tokyoIso } from '../domain/tokyo-time.js';
import { versionOf, type Account } from '../store/credentials.js';
import { roleOf } from '../store/staff.js';
import { verifyLogin } from './guarded-verify.js';

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly passwordIsInitial: boolean;
}

/**
 * SPEC 3 login for patrons and staff: a checked password buys a short-lived token. A patron
 * token carries the credential version (SPEC 12: a password change or reset ends it) and
 * whether the password is the initial one (then only /api/me and the change are open).
 * A staff token carries its credential version too (SPEC 11: disabling ends it) and the
 * account's role. A disabled account has no password to check: it answers like a wrong one.
 */
export const login = async (deps: Deps, account: Account, password: string, invalidCode: 'INVALID_CREDENTIALS' | 'INVALID_STAFF_CREDENTIALS'): Promise<LoginResult> => {
  const { credential, staff: member } = await verifyLogin(deps, account, password, () => new AppError(401, invalidCode));
  const lifetime = account.kind === 'patron' ? deps.config.patronTokenMinutes : deps.config.staffTokenMinutes;
  let claims: Omit<Principal, 'role' | 'subject'>;
  if (account.kind === 'patron') {
    claims = { credentialVersion: versionOf(credential), passwordIsInitial: credential.passwordIsInitial };
  } else {
    // The profile came with the credential (one read); disabling removes the hash too (SPEC 11).
    if (!member || member.disabled) throw new AppError(401, invalidCode);
    claims = { credentialVersion: versionOf(credential), staffRole: roleOf(member) };
  }
  const issued = await deps.tokens.issue({ role: account.kind, subject: account.id, ...claims }, lifetime);
  return { token: issued.token, expiresAt: tokyoIso(issued.expiresAt), passwordIsInitial: credential.passwordIsInitial };
};
