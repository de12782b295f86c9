import { defaultHoldPolicy, type HoldPolicy } from '../domain/holds.js';
import { LOAN_DAYS, RENEWALS } from '../domain/loans.js';
import { defaultLockoutPolicy, type LockoutPolicy } from '../domain/lockout.js';

/** Runtime configuration, read once per cold start. A missing required variable fails fast. */
export interface AppConfig {
  readonly tableName: string;
  readonly dynamodbEndpoint?: string;
  readonly sesEndpoint?: string;
  readonly eventBusName?: string;
  /**
   * The secret CloudFront sends in its origin header (docs/decisions/012-edge.md). Set only by
   * the AWS stack; absent (local stack, tests) the API does not check the header.
   */
  readonly originVerifySecretArn?: string;
  /** Secrets Manager ARNs of the token keys this function holds (decision 011). */
  readonly patronSigningKeySecretArn?: string;
  readonly staffSigningKeySecretArn?: string;
  /** The library's name as patrons read it in mail (demo 水戸市立図書館). */
  readonly libraryName: string;
  readonly mailFrom: string;
  readonly mailInquiry: string;
  /**
   * SPEC 10.4: the SES configuration set every mail is sent with (its events report bounces
   * and complaints). Set by the AWS stack; the local stack sends without one.
   */
  readonly mailConfigurationSet?: string;
  readonly lockout: LockoutPolicy;
  /**
   * SPEC 12: a request that locks an account answers no sooner than this after it started
   * locking, whether or not a notice mail is sent, so timing tells nobody which cards exist.
   */
  readonly lockAnswerFloorMs: number;
  readonly holds: HoldPolicy;
  /** SPEC 5.4: days a READY copy waits for its patron. */
  readonly pickupDays: number;
  /** SPEC 6: a loan is due this many days after checkout (a rule of the domain, not set per stack). */
  readonly loanDays: number;
  /** SPEC 6: renewals a loan allows (a rule of the domain, not set per stack). */
  readonly renewals: number;
  /** SPEC 5.6: SES sending rate (SES's starting quota is 14/s). */
  readonly mailRatePerSecond: number;
  /** SPEC 5.8: "no limit but sane". */
  readonly basketCapacity: number;
  readonly patronTokenMinutes: number;
  readonly staffTokenMinutes: number;
  readonly maxBodyBytes: number;
}

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
};

const numberOr = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`Environment variable ${name} must be a positive number`);
  return parsed;
};

export const readConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => ({
  tableName: required(env, 'TABLE_NAME'),
  dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
  sesEndpoint: env.SES_ENDPOINT || undefined,
  eventBusName: env.EVENT_BUS_NAME || undefined,
  originVerifySecretArn: env.ORIGIN_VERIFY_SECRET_ARN || undefined,
  patronSigningKeySecretArn: env.PATRON_SIGNING_KEY_SECRET_ARN || undefined,
  staffSigningKeySecretArn: env.STAFF_SIGNING_KEY_SECRET_ARN || undefined,
  libraryName: env.LIBRARY_NAME || '水戸市立図書館',
  mailFrom: env.MAIL_FROM || 'central@library-mito.jp',
  mailInquiry: env.MAIL_INQUIRY || 'chuou@library-mito.jp',
  mailConfigurationSet: env.MAIL_CONFIGURATION_SET || undefined,
  lockout: {
    maxFailures: numberOr(env, 'LOCKOUT_MAX_FAILURES', defaultLockoutPolicy.maxFailures),
    windowMinutes: numberOr(env, 'LOCKOUT_WINDOW_MINUTES', defaultLockoutPolicy.windowMinutes),
    lockMinutes: numberOr(env, 'LOCKOUT_LOCK_MINUTES', defaultLockoutPolicy.lockMinutes),
    maxLockMinutes: numberOr(env, 'LOCKOUT_MAX_LOCK_MINUTES', defaultLockoutPolicy.maxLockMinutes),
    escalationHours: numberOr(env, 'LOCKOUT_ESCALATION_HOURS', defaultLockoutPolicy.escalationHours),
  },
  lockAnswerFloorMs: numberOr(env, 'LOCK_ANSWER_FLOOR_MS', 400),
  holds: {
    holdLimit: numberOr(env, 'HOLD_LIMIT', defaultHoldPolicy.holdLimit),
    longOverdueDays: numberOr(env, 'LONG_OVERDUE_DAYS', defaultHoldPolicy.longOverdueDays),
  },
  basketCapacity: numberOr(env, 'BASKET_CAPACITY', 200),
  pickupDays: numberOr(env, 'PICKUP_DAYS', 7),
  loanDays: LOAN_DAYS,
  renewals: RENEWALS,
  mailRatePerSecond: numberOr(env, 'MAIL_RATE_PER_SECOND', 14),
  patronTokenMinutes: numberOr(env, 'PATRON_TOKEN_MINUTES', 30),
  staffTokenMinutes: numberOr(env, 'STAFF_TOKEN_MINUTES', 480),
  maxBodyBytes: numberOr(env, 'MAX_BODY_BYTES', 64 * 1024),
});
