import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { hashPassword } from '../common/password-hash.js';
import { verifyUnderLockout } from './guarded-verify.js';

/**
 * SPEC 3 password change by the signed-in patron. A wrong current password counts as a
 * failed login, so a stolen token cannot become an unlimited PIN oracle. It answers 400,
 * not 401: the session itself is fine, and clients treat 401 as "log in again".
 */
export const changePassword = async (deps: Deps, cardNumber: string, currentPassword: string, newPassword: string) => {
  const account = { kind: 'patron', id: cardNumber } as const;
  const credential = await verifyUnderLockout(
    deps,
    account,
    currentPassword,
    () => new AppError(400, 'INVALID_CREDENTIALS', { field: 'currentPassword' }),
  );
  const replaced = await deps.store.credentials.replacePassword(
    account,
    credential.passwordHash,
    await hashPassword(newPassword),
    deps.clock.now(),
  );
  if (!replaced) throw new AppError(409, 'CONFLICT');
};
