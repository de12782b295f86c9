/**
 * SPEC 3 login lockout. Each login attempt first reserves a slot in the current failure
 * window (atomically, in the store), so a burst of parallel guesses cannot get more than
 * `maxFailures` verifications per window. With the defaults an attacker gets 5 guesses per
 * 15 minutes, 480 a day: 10^6 PINs take about 1,000 days on average.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly windowMinutes: number;
  readonly lockMinutes: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

export interface AttemptWindow {
  /** ISO instant of the first attempt of the current window. */
  readonly windowStart?: string;
  /** Attempts reserved in the current window and not yet cleared by a success. */
  readonly attempts?: number;
  /** ISO instant until which logins are refused. */
  readonly lockedUntil?: string;
}

const minutes = (n: number) => n * 60_000;

export const lockedUntil = (state: AttemptWindow, now: Date): Date | undefined => {
  if (!state.lockedUntil) return undefined;
  const until = new Date(state.lockedUntil);
  return until > now ? until : undefined;
};

/** Attempts made before this instant belong to an earlier window. */
export const windowCutoff = (now: Date, policy: LockoutPolicy): Date => new Date(now.getTime() - minutes(policy.windowMinutes));

export const lockEndsAt = (now: Date, policy: LockoutPolicy): Date => new Date(now.getTime() + minutes(policy.lockMinutes));

/** After reserving attempt number `attempt` of the window: may the password be checked at all? */
export const mayVerify = (attempt: number, policy: LockoutPolicy): boolean => attempt <= policy.maxFailures;

/** After a failed verification of attempt number `attempt`: does this failure lock the account? */
export const failureLocks = (attempt: number, policy: LockoutPolicy): boolean => attempt >= policy.maxFailures;
