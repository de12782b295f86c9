import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { DECOY_HASH, verifyPassword } from '../common/password-hash.js';
import { attemptRecordExpiry, failureLocks, lockEndsAt, lockedUntil, mayVerify, nextLockLevel, windowCutoff, type AttemptWindow } from '../domain/lockout.js';
import { tokyoIso, tokyoTime } from '../domain/tokyo-time.js';
import type { Account, Credential, LoginRead } from '../store/credentials.js';
import { noticeLock } from './lock-notice.js';

const lockedError = (until: Date) => new AppError(423, 'LOCKED', { params: { until: tokyoTime(until) }, extra: { unlocksAt: tokyoIso(until) } });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock the window has earned, escalated after recent locks (SPEC 12), and returns
 * the lock in force. The request that takes it mails the notice and answers no sooner than
 * the floor, whoever the account is, so a locking answer takes as long for a card that
 * does not exist, or has no mail, as for one that gets a notice.
 */
const lockAccount = async (deps: Deps, account: Account, state: AttemptWindow, now: Date): Promise<Date> => {
  const policy = deps.config.lockout;
  const level = nextLockLevel(state, now, policy);
  const until = lockEndsAt(now, level, policy);
  const expiry = attemptRecordExpiry(now, { lockedUntil: until.toISOString() }, policy);
  if (state.windowStart && (await deps.store.loginAttempts.lock(account, state.windowStart, now, until, level, expiry))) {
    await Promise.all([noticeLock(deps, account, until, now), sleep(deps.config.lockAnswerFloorMs)]);
    deps.logger.info('account locked', { accountKind: account.kind, lockLevel: level });
    deps.metrics.count('AccountsLocked');
    return until;
  }
  return lockedUntil(await deps.store.loginAttempts.get(account, now), now) ?? until;
};

/**
 * Checks a password under the SPEC 3 / 12 lockout, for every route that takes one.
 * 1. Read the credential and the attempt record; refuse at once while a lock is in force.
 * 2. Reserve an attempt in the failure window atomically; past the limit, lock and refuse,
 *    so a burst of parallel guesses cannot verify more than the policy allows.
 * 3. Verify; success forgets the attempts; the limit-th failure of a window locks, and so
 *    does every limit-th failure since the last success, however slowly they come.
 * An account name that does not exist goes through the same steps, against a decoy hash:
 * it fails, counts and locks like a real one, so neither the answers nor their timing
 * reveal which cards (or staff ids) exist.
 */
export const verifyUnderLockout = async (deps: Deps, account: Account, password: string, invalid: () => AppError): Promise<Credential> =>
  (await verifyLogin(deps, account, password, invalid)).credential;

/**
 * verifyUnderLockout, answering what the first read brought as well (a staff login needs
 * the profile): the credential, attempt record and profile come in one BatchGetItem, so a
 * successful login is 3 requests — the read, the reservation, and the clearing of the
 * attempts (docs/data-model.md says why not fewer).
 */
export const verifyLogin = async (deps: Deps, account: Account, password: string, invalid: () => AppError): Promise<LoginRead & { credential: Credential }> => {
  const now = deps.clock.now();
  const policy = deps.config.lockout;
  const read = await deps.store.credentials.forLogin(account, now);
  const { credential, attempts: known } = read;
  const lock = lockedUntil(known, now);
  if (lock) throw lockedError(lock);

  const reservation = await deps.store.loginAttempts.reserve(account, now, windowCutoff(now, policy), attemptRecordExpiry(now, {}, policy), known);
  if (reservation.attempt === 'locked') {
    throw lockedError(lockedUntil(await deps.store.loginAttempts.get(account, now), now) ?? lockEndsAt(now, 1, policy));
  }
  const { attempt, state } = reservation;
  if (!mayVerify(attempt, policy)) throw lockedError(await lockAccount(deps, account, state, now));

  const matches = await verifyPassword(password, credential?.passwordHash ?? DECOY_HASH);
  if (!credential || !matches) {
    if (failureLocks(attempt, policy, state.failuresSinceSuccess)) await lockAccount(deps, account, state, now);
    deps.logger.info('password check failed', { accountKind: account.kind, attempt });
    deps.metrics.count('LoginsFailed');
    throw invalid();
  }
  await deps.store.loginAttempts.clear(account);
  return { ...read, credential };
};
