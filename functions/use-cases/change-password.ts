import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { hashPassword } from '../common/password-hash.js';
import { initialPasswordFor } from '../domain/password-rules.js';
import { verifyUnderLockout } from './guarded-verify.js';

/**
 * SPEC 3 / 12 password change by the signed-in patron.
 * 1. Check the current password under the lockout: a wrong one counts as a failed login, so
 *    a stolen token cannot become an unlimited PIN oracle. It answers 400, not 401: the
 *    session itself is fine, and clients treat 401 as "log in again".
 * 2. Refuse the birth MMDD (the initial password) as the new one — only after step 1, so
 *    the refusal cannot be used to find out a birth date.
 * 3. Replace the hash, raising the credential version: every session of the account ends,
 *    this one included. The answer stays 204 (SPEC 7); the client logs in again with the
 *    new password (decision 011).
 */
export const changePassword = async (deps: Deps, cardNumber: string, currentPassword: string, newPassword: string) => {
  const account = { kind: 'patron', id: cardNumber } as const;
  const [credential, patron] = await Promise.all([
    verifyUnderLockout(deps, account, currentPassword, () => new AppError(400, 'INVALID_CREDENTIALS', { field: 'currentPassword', rule: 'currentPassword' })),
    deps.store.patrons.get(cardNumber),
  ]);
  if (!patron) throw notFound();
  if (newPassword === initialPasswordFor(patron.birthDate)) {
    throw new AppError(400, 'VALIDATION', { field: 'newPassword', rule: 'passwordIsBirthday' });
  }
  const replaced = await deps.store.credentials.replacePassword(account, credential.passwordHash, await hashPassword(newPassword), deps.clock.now());
  if (!replaced) throw new AppError(409, 'CONFLICT');
};
