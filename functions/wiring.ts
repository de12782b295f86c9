/**
 * The one declaration of what this service is made of: HTTP routes, scheduled jobs,
 * event rules and the Lambda functions that serve them. The CDK stack (lib/cloud) and the
 * local stack (lib/local) are both generated from this file; test/infra/wiring.test.ts
 * proves that neither side has a route or job the other lacks.
 *
 * Each route's request and response schemas and its error codes sit in functions/contract/
 * (routes.ts maps every route key below to its contract; the type refuses a missing one).
 *
 * This file is plain data: it imports no handler code, so CDK synthesis stays cheap and
 * each Lambda bundle only carries its own handlers (see functions/entry/*).
 */
import type * as z from 'zod/mini';
import type { JobRunRequestedDetail } from './contract/events.js';

export { tableDefinition } from './store/table-definition.js';

/** Who may call a route. `local` routes exist only on the local stack and are never deployed. */
export type Access = 'public' | 'patron' | 'staff' | 'local';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * SPEC 11: staff roles. `ADMIN` may do everything; `COUNTER` the counter work. A route
 * declared `role: 'ADMIN'` answers 403 FORBIDDEN to a COUNTER token; other staff routes
 * need only a staff token.
 */
export type StaffRole = 'ADMIN' | 'COUNTER';
export const staffRoles = ['ADMIN', 'COUNTER'] as const satisfies readonly StaffRole[];

/** The audiences of tokens; each has its own signing key (decision 011). */
export type TokenAudience = 'patron' | 'staff';

/** What a function may do; the CDK stack turns this into IAM grants and environment. */
export interface FunctionPermissions {
  /**
   * `none`: no table grant at all (TABLE_NAME is still set); `read`: Get, Query, ConditionCheck;
   * `readWrite`: also Put, Update, Delete; `outbox`: Delete of outbox items only (the relay
   * removes what it published). Never Scan.
   */
  readonly table: 'none' | 'read' | 'readWrite' | 'outbox';
  /** The token keys the function holds: to mint (login) or to accept tokens of that audience. */
  readonly signingKeys?: readonly TokenAudience[];
  readonly sendMail?: boolean;
  /** The event detail-types it may put on the bus (IAM allows exactly these, SPEC 9). */
  readonly publishEvents?: readonly DetailType[];
}

/**
 * `reservedConcurrency`: each function's share of the account's Lambda concurrency, at once
 * guaranteed and its ceiling, so a flood of one route cannot starve the counter (staff-api)
 * or the jobs. Synthesis checks that at least 100 of a standard account's 1,000 stay
 * unreserved, as Lambda requires (docs/decisions/012-edge.md).
 */
export const functionGroups = {
  'public-api': {
    entry: 'functions/entry/public-api.ts',
    description: 'Patron login, branches, catalog and the 404 fallback',
    reservedConcurrency: 100,
    // Holds the search index: ~360 MB at 1,000,000 titles; 1,769 MB is one full vCPU (decision 020).
    memoryMB: 1769,
    // Mail: the SPEC 12 notice to a patron whose account a run of failed logins locked.
    permissions: { table: 'readWrite', signingKeys: ['patron'], sendMail: true },
  },
  'patron-api': {
    entry: 'functions/entry/patron-api.ts',
    description: 'Signed-in patron: profile, contact, password, status, holds, basket, renewals',
    reservedConcurrency: 100,
    // Mail: wrong current passwords in a password change lock the account too (SPEC 12 notice).
    // Its hold and loan events are written to the table's outbox, not put on the bus (outbox-relay).
    permissions: { table: 'readWrite', signingKeys: ['patron'], sendMail: true },
  },
  'staff-api': {
    entry: 'functions/entry/staff-api.ts',
    description: 'Staff counter and administration',
    reservedConcurrency: 50,
    permissions: { table: 'readWrite', signingKeys: ['staff'], publishEvents: ['JobRunRequested'] },
  },
  'hold-registration': {
    entry: 'functions/entry/hold-registration.ts',
    description: 'SPEC 5.3 registration batch',
    reservedConcurrency: 2,
    // JobRunRequested: a run out of time requests its continuation (functions/jobs/run-job.ts).
    permissions: { table: 'readWrite', publishEvents: ['JobRunRequested'] },
  },
  'pickup-notices': {
    entry: 'functions/entry/pickup-notices.ts',
    description: 'SPEC 5.6 daily pickup mail',
    reservedConcurrency: 2,
    permissions: { table: 'readWrite', sendMail: true, publishEvents: ['JobRunRequested'] },
  },
  'hold-expiry': {
    entry: 'functions/entry/hold-expiry.ts',
    description: 'SPEC 5.7 expiry of uncollected holds',
    reservedConcurrency: 2,
    permissions: { table: 'readWrite', publishEvents: ['JobRunRequested'] },
  },
  'search-index': {
    entry: 'functions/entry/search-index.ts',
    description: 'SPEC 4 search index rebuild after catalog changes',
    reservedConcurrency: 2,
    // A 1,000,000-title build holds every title and the index being built (decision 020).
    memoryMB: 4096,
    timeoutMinutes: 15,
    permissions: { table: 'readWrite' },
  },
  'outbox-relay': {
    entry: 'functions/entry/outbox-relay.ts',
    description: 'SPEC 9: puts the events written with each change on the bus (from the table stream)',
    // One invocation per stream shard at a time; a shard waits, it loses nothing, when all are busy.
    reservedConcurrency: 10,
    // The only function that puts hold and loan events on the bus; it reads no table item and
    // deletes only the outbox items it published (they name patrons; SPEC 6).
    permissions: { table: 'outbox', publishEvents: ['HoldStateChanged', 'LoanRenewed', 'EmailStatusChanged'] },
  },
  'mail-feedback': {
    entry: 'functions/entry/mail-feedback.ts',
    description: 'SPEC 10.4: SES bounce, complaint, delivery and reject events mark addresses BOUNCING',
    reservedConcurrency: 5,
    // Reads the address's lookup item and marks the profile, with its event in the outbox.
    permissions: { table: 'readWrite' },
  },
} as const satisfies Record<
  string,
  { entry: string; description: string; reservedConcurrency: number; memoryMB?: number; timeoutMinutes?: number; permissions: FunctionPermissions }
>;

export type FunctionGroupName = keyof typeof functionGroups;
export type ApiGroupName = 'public-api' | 'patron-api' | 'staff-api';

export interface RouteDeclaration {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
  readonly group: ApiGroupName;
  /** A larger body limit than the default 64 KiB (bulk import). */
  readonly maxBodyBytes?: number;
  /** SPEC 12: open to a patron session that still has the initial password (others answer 403). */
  readonly openWithInitialPassword?: boolean;
  /**
   * SPEC 12 (patrons) / SPEC 11 (staff): the handler checks the token's credential version
   * against the credential it reads anyway (one Get, a BatchGet or the partition Query), so
   * the middleware spares its own read. A staff route's role is still checked by the middleware.
   */
  readonly sessionCheckedByHandler?: boolean;
  /** Staff routes only: the role required (SPEC 11); absent, any staff role may call it. */
  readonly role?: 'ADMIN';
}

interface RouteOptions {
  readonly maxBodyBytes?: number;
  readonly openWithInitialPassword?: boolean;
  readonly sessionCheckedByHandler?: boolean;
  readonly role?: 'ADMIN';
}

const admin = { role: 'ADMIN' } as const;

const route = <M extends HttpMethod, P extends string, A extends Access, G extends ApiGroupName>(method: M, path: P, access: A, group: G, options: RouteOptions = {}) =>
  ({ method, path, access, group, ...options }) as const;

export const routes = [
  // Public (SPEC 7, no token)
  route('POST', '/api/login', 'public', 'public-api'),
  route('GET', '/api/branches', 'public', 'public-api'),
  route('GET', '/api/config', 'public', 'public-api'),
  route('GET', '/api/catalog/search', 'public', 'public-api'),
  route('GET', '/api/catalog/titles/{titleId}', 'public', 'public-api'),
  // Issue 13: the OpenAPI 3.1 document of every deployed route (functions/contract/).
  route('GET', '/api/openapi.json', 'public', 'public-api'),
  // Patron
  route('GET', '/api/me', 'patron', 'patron-api', { openWithInitialPassword: true, sessionCheckedByHandler: true }),
  route('PUT', '/api/me/contact', 'patron', 'patron-api'),
  route('PUT', '/api/me/password', 'patron', 'patron-api', { openWithInitialPassword: true }),
  route('GET', '/api/me/status', 'patron', 'patron-api', { sessionCheckedByHandler: true }),
  route('POST', '/api/me/holds', 'patron', 'patron-api', { sessionCheckedByHandler: true }),
  route('DELETE', '/api/me/holds/{holdId}', 'patron', 'patron-api'),
  // SPEC 10.1 / 10.2
  route('POST', '/api/me/holds/sequence', 'patron', 'patron-api', { sessionCheckedByHandler: true }),
  route('PUT', '/api/me/holds/{holdId}/suspension', 'patron', 'patron-api'),
  route('DELETE', '/api/me/holds/{holdId}/suspension', 'patron', 'patron-api'),
  route('GET', '/api/me/basket', 'patron', 'patron-api', { sessionCheckedByHandler: true }),
  route('PUT', '/api/me/basket/{titleId}', 'patron', 'patron-api'),
  route('DELETE', '/api/me/basket/{titleId}', 'patron', 'patron-api'),
  route('POST', '/api/me/basket/reserve', 'patron', 'patron-api'),
  route('POST', '/api/me/loans/renew', 'patron', 'patron-api'),
  // Staff (SPEC 11: `admin` routes are ADMIN only; the rest is counter work, open to COUNTER too)
  route('POST', '/admin/login', 'public', 'staff-api'),
  route('GET', '/admin/staff', 'staff', 'staff-api', admin),
  route('POST', '/admin/staff', 'staff', 'staff-api', admin),
  route('DELETE', '/admin/staff/{staffId}', 'staff', 'staff-api', admin),
  route('GET', '/admin/patrons', 'staff', 'staff-api'),
  route('POST', '/admin/patrons', 'staff', 'staff-api'),
  route('GET', '/admin/patrons/{cardNumber}', 'staff', 'staff-api'),
  route('POST', '/admin/patrons/{cardNumber}/internet-password', 'staff', 'staff-api'),
  route('POST', '/admin/patrons/{cardNumber}/loans/renew', 'staff', 'staff-api'),
  route('PUT', '/admin/calendar/{branch}/{date}', 'staff', 'staff-api', admin),
  // SPEC 2 weekly hours (the calendar's other half), set by administrators like the exceptions.
  route('GET', '/admin/branches/{branch}/hours', 'staff', 'staff-api', admin),
  route('PUT', '/admin/branches/{branch}/hours', 'staff', 'staff-api', admin),
  route('POST', '/admin/titles', 'staff', 'staff-api', admin),
  route('POST', '/admin/items', 'staff', 'staff-api', admin),
  route('POST', '/admin/catalog/import', 'staff', 'staff-api', { ...admin, maxBodyBytes: 5 * 1024 * 1024 }),
  route('GET', '/admin/titles/{titleId}/queue', 'staff', 'staff-api'),
  route('POST', '/admin/checkout', 'staff', 'staff-api'),
  route('POST', '/admin/checkin', 'staff', 'staff-api', { sessionCheckedByHandler: true }),
  route('GET', '/admin/pull-list', 'staff', 'staff-api'),
  route('GET', '/admin/contact-list', 'staff', 'staff-api'),
  route('POST', '/admin/holds', 'staff', 'staff-api'),
  route('DELETE', '/admin/holds/{holdId}', 'staff', 'staff-api'),
  route('PUT', '/admin/holds/{holdId}/suspension', 'staff', 'staff-api'),
  route('DELETE', '/admin/holds/{holdId}/suspension', 'staff', 'staff-api'),
  route('POST', '/admin/jobs/{job}/run', 'staff', 'staff-api', admin),
  route('GET', '/admin/jobs/{job}/runs', 'staff', 'staff-api', admin),
  // Local stack only (SPEC 7): never deployed
  route('PUT', '/admin/local/clock', 'local', 'staff-api'),
  route('GET', '/admin/local/events', 'local', 'staff-api'),
  route('POST', '/admin/local/mail-feedback', 'local', 'staff-api'),
] as const satisfies readonly RouteDeclaration[];

export type Route = (typeof routes)[number];
export type RouteKey = `${Route['method']} ${Route['path']}`;
/** Route keys served by one function group, e.g. RouteKeyOf<'patron-api'>. */
export type RouteKeyOf<G extends ApiGroupName> = {
  [R in Route as R['group'] extends G ? `${R['method']} ${R['path']}` : never]: true;
} extends infer O
  ? keyof O & string
  : never;

export const routeKey = (r: RouteDeclaration): string => `${r.method} ${r.path}`;
export const deployedRoutes = routes.filter((r) => r.access !== 'local');
/** Unknown routes land here (API Gateway's `$default`), so a 404 has our error shape. */
export const fallbackGroup: ApiGroupName = 'public-api';

export type JobName = 'hold-registration' | 'pickup-notices' | 'hold-expiry' | 'search-index';

export interface ScheduleDeclaration {
  /** Unique within the job; becomes part of the scheduler's name. */
  readonly name: string;
  /** Standard 5-field cron (minute hour day-of-month month day-of-week) in `timeZone`. */
  readonly cron: string;
  readonly timeZone: 'Asia/Tokyo';
}

export interface JobDeclaration {
  readonly name: JobName;
  readonly group: FunctionGroupName & JobName;
  readonly schedules: readonly ScheduleDeclaration[];
}

const tokyo = 'Asia/Tokyo' as const;

/** SPEC 8. Calendar gates (open branches, opening days) are applied by the jobs themselves. */
export const jobs = [
  {
    name: 'hold-registration',
    group: 'hold-registration',
    schedules: [
      { name: 'daily-0700', cron: '0 7 * * *', timeZone: tokyo },
      { name: 'every-10-minutes', cron: '*/10 7-23 * * *', timeZone: tokyo },
    ],
  },
  {
    name: 'pickup-notices',
    group: 'pickup-notices',
    schedules: [{ name: 'daily-0800', cron: '0 8 * * *', timeZone: tokyo }],
  },
  {
    name: 'hold-expiry',
    group: 'hold-expiry',
    schedules: [{ name: 'daily-0600', cron: '0 6 * * *', timeZone: tokyo }],
  },
  {
    // Also requested over the bus after every catalog import.
    name: 'search-index',
    group: 'search-index',
    schedules: [{ name: 'daily-0300', cron: '0 3 * * *', timeZone: tokyo }],
  },
] as const satisfies readonly JobDeclaration[];

export const jobNames: readonly JobName[] = jobs.map((j) => j.name);
export const isJobName = (name: string): name is JobName => (jobNames as readonly string[]).includes(name);

/** SPEC 9: the bus and the detail-types that travel on it. */
export const events = {
  source: 'library',
  detailTypes: {
    jobRunRequested: 'JobRunRequested',
    holdStateChanged: 'HoldStateChanged',
    loanRenewed: 'LoanRenewed',
    emailStatusChanged: 'EmailStatusChanged',
  },
} as const;

export type DetailType = (typeof events.detailTypes)[keyof typeof events.detailTypes];

/**
 * SPEC 9 / decision 014: hold and loan events are written as outbox items in the transaction
 * of the change they report; the table's stream, filtered to new items of `recordType`,
 * feeds the relay function, which puts them on the bus. The local stack polls the stream
 * of DynamoDB Local into the same relay code.
 */
export const outboxRelay = {
  group: 'outbox-relay',
  recordType: 'OutboxEvent',
  /** The partition keys of outbox items (store/keys.ts), which the relay alone may delete. */
  keyPrefix: 'EVENT#',
  batchSize: 100,
} as const satisfies { group: FunctionGroupName; recordType: string; keyPrefix: string; batchSize: number };

/**
 * SPEC 10.4: SES publishes the events of the configuration set every mail is sent with to the
 * account's default bus (the only bus SES can target). A rule there forwards these to the
 * library's bus, where a rule invokes `group`; locally POST /admin/local/mail-feedback puts
 * the same event on the local bus, which invokes the same handler.
 */
export const mailFeedback = {
  group: 'mail-feedback',
  source: 'aws.ses',
  detailTypes: {
    Bounce: 'Email Bounced',
    Complaint: 'Email Complaint Received',
    Delivery: 'Email Delivered',
    Reject: 'Email Rejected',
  },
} as const satisfies { group: FunctionGroupName; source: string; detailTypes: Record<string, string> };

/**
 * What a job invocation carries, whoever triggered it: EventBridge Scheduler passes this
 * as the target input (with its own scheduled time), a staff "run now" arrives as the
 * detail of a JobRunRequested event, and the local scheduler passes it directly. Its
 * fields are those of that event's schema (contract/events.ts), which documents them.
 */
export type JobInvocation = z.output<typeof JobRunRequestedDetail>;
