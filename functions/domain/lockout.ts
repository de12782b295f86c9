/**
 * SPEC 3 and 12 login lockout. Each login attempt first reserves a slot in the current
 * failure window (atomically, in the store), so a burst of parallel guesses cannot get more
 * than `maxFailures` verifications per window. The `maxFailures`-th failure locks for
 * `lockMinutes`; each further lock that starts within `escalationHours` of the end of the
 * previous one lasts twice as long as that one, up to `maxLockMinutes`. Failures also
 * count across windows: every `maxFailures`-th failure since the last successful login
 * locks too, so a guesser who paces four tries per window (384 a day, enough for the 366
 * initial passwords) meets the same escalating locks as one who hurries. A successful login
 * forgets it all. Figures: docs/decisions/011-account-security.md.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly windowMinutes: number;
  /** The first lock. */
  readonly lockMinutes: number;
  /** No lock is longer (SPEC 12: 24 h). */
  readonly maxLockMinutes: number;
  /** A lock this soon after the previous one ended is a further lock (SPEC 12: 24 h). */
  readonly escalationHours: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  maxFailures: 5,
  windowMinutes: 15,
  lockMinutes: 15,
  maxLockMinutes: 24 * 60,
  escalationHours: 24,
};

export interface AttemptWindow {
  /** ISO instant of the first attempt of the current window. */
  readonly windowStart?: string;
  /** Attempts reserved in the current window and not yet cleared by a success. */
  readonly attempts?: number;
  /** ISO instant until which logins are refused; kept after it passes, for escalation. */
  readonly lockedUntil?: string;
  /** Locks in the current run of locks (1 = the first, 15 minutes by default). */
  readonly lockLevel?: number;
  /** Attempts since the last successful login, across windows. */
  readonly failuresSinceSuccess?: number;
}

const minutes = (n: number) => n * 60_000;

export const lockedUntil = (state: AttemptWindow, now: Date): Date | undefined => {
  if (!state.lockedUntil) return undefined;
  const until = new Date(state.lockedUntil);
  return until > now ? until : undefined;
};

/** Attempts made before this instant belong to an earlier window. */
export const windowCutoff = (now: Date, policy: LockoutPolicy): Date => new Date(now.getTime() - minutes(policy.windowMinutes));

/** The level of a lock taken now: one more than the previous lock if that ended recently enough. */
export const nextLockLevel = (state: AttemptWindow, now: Date, policy: LockoutPolicy): number => {
  if (!state.lockedUntil || !state.lockLevel) return 1;
  const previousEnd = new Date(state.lockedUntil).getTime();
  return now.getTime() - previousEnd < policy.escalationHours * 3_600_000 ? state.lockLevel + 1 : 1;
};

/** 15, 30, 60 … minutes by level, never more than `maxLockMinutes`. */
export const lockMinutesAt = (level: number, policy: LockoutPolicy): number =>
  Math.min(policy.lockMinutes * 2 ** Math.min(Math.max(level - 1, 0), 30), policy.maxLockMinutes);

export const lockEndsAt = (now: Date, level: number, policy: LockoutPolicy): Date => new Date(now.getTime() + minutes(lockMinutesAt(level, policy)));

/**
 * How long the attempt record must outlive its last write: a window, or the lock plus the
 * escalation memory after it. After that it is as good as absent, so its TTL may delete it.
 */
export const attemptRecordExpiry = (now: Date, state: AttemptWindow, policy: LockoutPolicy): Date => {
  const lockEnd = state.lockedUntil ? new Date(state.lockedUntil).getTime() : 0;
  const lastUse = Math.max(now.getTime() + minutes(policy.windowMinutes), lockEnd);
  return new Date(lastUse + policy.escalationHours * 3_600_000 + minutes(60));
};

/** After reserving attempt number `attempt` of the window: may the password be checked at all? */
export const mayVerify = (attempt: number, policy: LockoutPolicy): boolean => attempt <= policy.maxFailures;

/**
 * After a failed verification of attempt number `attempt` of its window, the
 * `sinceSuccess`-th since the last successful login: does this failure lock the account?
 */
export const failureLocks = (attempt: number, policy: LockoutPolicy, sinceSuccess = attempt): boolean =>
  attempt >= policy.maxFailures || (sinceSuccess > 0 && sinceSuccess % policy.maxFailures === 0);
