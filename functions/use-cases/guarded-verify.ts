import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { DECOY_HASH, verifyPassword } from '../common/password-hash.js';
import { failureLocks, lockEndsAt, lockedUntil, mayVerify, windowCutoff } from '../domain/lockout.js';
import { tokyoIso, tokyoTime } from '../domain/tokyo-time.js';
import type { Account, Credential } from '../store/credentials.js';

const lockedError = (until: Date) =>
  new AppError(423, 'LOCKED', { params: { until: tokyoTime(until) }, extra: { unlocksAt: tokyoIso(until) } });

/**
 * Checks a password under the SPEC 3 lockout, for every route that takes one.
 * 1. Refuse at once while a lock is in force (423 with the unlock time).
 * 2. Reserve an attempt in the failure window atomically; past the limit, lock and refuse,
 *    so a burst of parallel guesses cannot verify more than the policy allows.
 * 3. Verify; success clears the window, the limit-th failure locks.
 * Unknown accounts verify against a decoy hash so timing does not reveal which exist.
 */
export const verifyUnderLockout = async (
  deps: Deps,
  account: Account,
  password: string,
  invalid: () => AppError,
): Promise<Credential> => {
  const now = deps.clock.now();
  const policy = deps.config.lockout;
  const credential = await deps.store.credentials.get(account);
  if (!credential) {
    await verifyPassword(password, DECOY_HASH);
    throw invalid();
  }
  const lock = lockedUntil(credential, now);
  if (lock) throw lockedError(lock);

  const attempt = await deps.store.credentials.reserveAttempt(account, now, windowCutoff(now, policy), credential);
  if (attempt === 'locked' || !mayVerify(attempt, policy)) {
    if (attempt !== 'locked') await deps.store.credentials.lockUntil(account, lockEndsAt(now, policy));
    const current = await deps.store.credentials.get(account);
    throw lockedError(lockedUntil(current ?? {}, now) ?? lockEndsAt(now, policy));
  }

  if (!(await verifyPassword(password, credential.passwordHash))) {
    if (failureLocks(attempt, policy)) await deps.store.credentials.lockUntil(account, lockEndsAt(now, policy));
    deps.logger.info('password check failed', { accountKind: account.kind, attempt });
    throw invalid();
  }
  await deps.store.credentials.clearAttempts(account);
  return credential;
};
