/**
 * Issue 8 parts 6 and 7: faults injected into the running stack, a randomized workload with
 * fixed seeds, and the invariants of the table checked afterwards. Used by
 * test/integration/fault-suite.test.ts (bounded) and by `npm run load` (bench/load.ts).
 * Nothing here imports vitest, so the load script can use it as it is.
 *
 * - `Rng`: a seeded PRNG (mulberry32); nothing here calls Math.random.
 * - `FaultInjector`: AWS SDK middleware for the app's own DynamoDB client and for an SES
 *   client used as the job mailer. It throws, at chosen rates, what the services answer
 *   (ThrottlingException, ProvisionedThroughputExceededException, InternalServerError,
 *   TransactionCanceledException [TransactionConflict]; SES Throttling and MessageRejected)
 *   before the request is sent, inside the SDK's retry loop, so the SDK and conflict-retry.ts
 *   retry them as they would the real thing; and "crash points": a write (or a mail) is
 *   applied, then the caller dies (crash-points.test.ts).
 * - `checkInvariants`: the rules that must hold whatever failed, read from a Scan of the table.
 * - `runFaultWorkload`: N patrons, M titles with 1–3 copies, and operations drawn at random.
 */
import { SESClient } from '@aws-sdk/client-ses';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../../functions/common/concurrency.js';
import type { Deps } from '../../functions/common/deps.js';
import { pickupNotices } from '../../functions/jobs/pickup-notices.js';
import { runJob, type JobOutcome } from '../../functions/jobs/run-job.js';
import { createSesMailer, type Mailer } from '../../functions/mail/mailer.js';
import { createDb, isExpired, type Db } from '../../functions/store/db.js';
import type { JobInvocation } from '../../functions/wiring.js';
import { localCredentials, localRegion } from '../../lib/local/dynamodb-local.js';
import type { LocalServices } from '../../lib/local/local-services.js';

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export const prng = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

// ---------------------------------------------------------------------------------------
// Faults

export const FAULT_KINDS = [
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'InternalServerError',
  'TransactionConflict',
  'CrashAfterWrite',
  'SesThrottling',
  'SesMessageRejected',
  'SesCrashAfterSend',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultCounts = Record<FaultKind, number>;

/**
 * Probability per request. DynamoDB: throttling, provisioned throughput and internal errors
 * for every request; conflicts for transactions; crashes for writes. SES: per SendEmail.
 */
export type FaultRates = Readonly<Record<FaultKind, number>>;

/**
 * The base rates. Throttling is rare because the SDK backs off 0–1 s, 0–2 s, 0–4 s for it
 * (a test budget, not realism); internal errors and conflicts, retried within milliseconds,
 * are common. Storms (below) raise a kind for one step so that some faults outlive every
 * retry and reach the client as 409/503.
 */
export const defaultFaultRates: FaultRates = {
  ThrottlingException: 0.004,
  ProvisionedThroughputExceededException: 0.002,
  InternalServerError: 0.01,
  TransactionConflict: 0.08,
  CrashAfterWrite: 0.015,
  SesThrottling: 0.15,
  SesMessageRejected: 0.05,
  SesCrashAfterSend: 0.1,
};

/** For one step at a time: most requests of one kind fail (409/503 reach the client). */
export const stormRates: Readonly<Partial<Record<FaultKind, number>>> = {
  InternalServerError: 0.6,
  TransactionConflict: 0.85,
  CrashAfterWrite: 0.25,
};

const zeroCounts = (): FaultCounts => Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as FaultCounts;

/** A fault as the service would answer it (what the SDK would have deserialized). */
const awsError = (name: string, message: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, ...extra });

const faultError = (kind: FaultKind, input: unknown): Error => {
  switch (kind) {
    case 'ThrottlingException':
      return awsError('ThrottlingException', 'Rate of requests exceeds the allowed throughput.', 400);
    case 'ProvisionedThroughputExceededException':
      return awsError('ProvisionedThroughputExceededException', 'The level of configured provisioned throughput for the table was exceeded.', 400);
    case 'InternalServerError':
      return awsError('InternalServerError', 'Internal server error', 500);
    case 'TransactionConflict': {
      const parts = ((input as { TransactItems?: unknown[] })?.TransactItems ?? [undefined]).length;
      const reasons = Array.from({ length: parts }, (_, i) => ({ Code: i === parts - 1 ? 'TransactionConflict' : 'None' }));
      return awsError(
        'TransactionCanceledException',
        `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
        400,
        { CancellationReasons: reasons },
      );
    }
    case 'SesThrottling':
      return awsError('Throttling', 'Maximum sending rate exceeded.', 400);
    case 'SesMessageRejected':
      return awsError('MessageRejected', 'Email address is on the suppression list for your account.', 400);
    default:
      return Object.assign(new Error(`injected: the function died after this ${kind === 'SesCrashAfterSend' ? 'send' : 'write'}`), { name: 'InjectedCrash' });
  }
};

const WRITE = /^(Put|Update|Delete|BatchWrite|TransactWrite)(Item|Items)?Command$/;
const TRANSACTION = /^TransactWrite(Items)?Command$/;

export interface AcceptedMail {
  readonly to: string;
  readonly text: string;
  /** The service clock when SES accepted it. */
  readonly at: string;
}

interface SdkClient {
  readonly middlewareStack: { add(middleware: any, options: any): void; remove(name: string): boolean };
}

/**
 * Injects faults through AWS SDK middleware. Off until `start()`; `quiet(work)` pauses it
 * (set-up steps, logins); `storm(kind, work)` raises one kind for a step. Counts what it
 * injected, keeps every mail SES accepted, and remembers the patrons for whom a mail was
 * accepted and then not recorded (the documented window of SPEC 5.6).
 */
export class FaultInjector {
  readonly injected: FaultCounts = zeroCounts();
  readonly mails: AcceptedMail[] = [];
  /** Recipients whose mail SES accepted before the sender died (SPEC 5.6 accepted gap). */
  readonly sesCrashRecipients = new Set<string>();
  /** Cards for which the "notified" mark was followed by a crash point (the same gap: the run died before all marks). */
  readonly markCrashCards = new Set<string>();
  /** Cards for which a "notified" mark met a throttle or internal error (retried by the SDK; a problem only if every retry failed). */
  readonly markFailedCards = new Set<string>();
  private running = false;
  private quietDepth = 0;
  private readonly storms: Partial<Record<FaultKind, number>>[] = [];
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly rates: FaultRates = defaultFaultRates,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rng = new Rng(seed ^ 0x5eed_fa17);
  }

  get active(): boolean {
    return this.running && this.quietDepth === 0;
  }
  start(): void {
    this.running = true;
  }
  stop(): void {
    this.running = false;
  }
  counts(): FaultCounts {
    return { ...this.injected };
  }

  async quiet<T>(work: () => Promise<T>): Promise<T> {
    this.quietDepth += 1;
    try {
      return await work();
    } finally {
      this.quietDepth -= 1;
    }
  }

  async storm<T>(rates: Partial<Record<FaultKind, number>>, work: () => Promise<T>): Promise<T> {
    this.storms.push(rates);
    try {
      return await work();
    } finally {
      this.storms.splice(this.storms.indexOf(rates), 1);
    }
  }

  private rate(kind: FaultKind): number {
    return Math.max(this.rates[kind], ...this.storms.map((s) => s[kind] ?? 0));
  }

  /** One draw per request against the kinds that apply to it; undefined = no fault. */
  private draw(kinds: readonly FaultKind[]): FaultKind | undefined {
    if (!this.active) return undefined;
    let roll = this.rng.next();
    for (const kind of kinds) {
      roll -= this.rate(kind);
      if (roll < 0) return kind;
    }
    return undefined;
  }

  private record(kind: FaultKind): void {
    this.injected[kind] += 1;
  }

  /** On the app's DynamoDB client (`app.services.db.client`); returns the uninstall. */
  attachToDynamoDb(client: SdkClient, name = 'faultSuiteDynamoDb'): () => void {
    client.middlewareStack.add(
      (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: { input: unknown }) => {
        const command = String(context.commandName);
        const write = WRITE.test(command);
        const kinds: FaultKind[] = ['ThrottlingException', 'ProvisionedThroughputExceededException', 'InternalServerError'];
        if (TRANSACTION.test(command)) kinds.push('TransactionConflict');
        if (write) kinds.push('CrashAfterWrite');
        const kind = this.draw(kinds);
        if (kind === undefined) return next(args);
        this.record(kind);
        const markCard = write ? noticeMarkOf(args.input) : undefined;
        if (markCard) (kind === 'CrashAfterWrite' ? this.markCrashCards : this.markFailedCards).add(markCard);
        // A crash point: the write reaches DynamoDB, then the caller dies before the answer.
        if (kind === 'CrashAfterWrite') await next(args);
        throw faultError(kind, args.input);
      },
      // Inside the SDK's retry loop (finalizeRequest) and conflict-retry.ts (initialize).
      { step: 'deserialize', name },
    );
    return () => void client.middlewareStack.remove(name);
  }

  /** On the SES client of the job mailer; keeps every accepted mail. Returns the uninstall. */
  attachToSes(client: SdkClient, name = 'faultSuiteSes'): () => void {
    client.middlewareStack.add(
      (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: { input: any }) => {
        if (context.commandName !== 'SendEmailCommand') return next(args);
        const to = String(args.input?.Destination?.ToAddresses?.[0] ?? '');
        const kind = this.draw(['SesThrottling', 'SesMessageRejected', 'SesCrashAfterSend']);
        if (kind === 'SesThrottling' || kind === 'SesMessageRejected') {
          this.record(kind);
          throw faultError(kind, args.input);
        }
        const result = await next(args);
        this.mails.push({ to, text: String(args.input?.Message?.Body?.Text?.Data ?? ''), at: this.now().toISOString() });
        if (kind === 'SesCrashAfterSend') {
          this.record(kind);
          this.sesCrashRecipients.add(to);
          throw faultError(kind, args.input);
        }
        return result;
      },
      { step: 'deserialize', name },
    );
    return () => void client.middlewareStack.remove(name);
  }
}

/** The card of a "notified" mark (SPEC 5.6), whatever the input's shape (document or marshalled). */
const noticeMarkOf = (input: unknown): string | undefined => {
  const text = JSON.stringify(input ?? null);
  if (!text.includes('SET notifiedAt')) return undefined;
  return /PATRON#(\d+)/.exec(text)?.[1];
};

/** An SES client and the job mailer over it, as the local stack builds its own. */
export const faultyMailer = (sesEndpoint: string, injector: FaultInjector): { mailer: Mailer; client: SESClient } => {
  const client = new SESClient({ endpoint: sesEndpoint, region: localRegion, credentials: localCredentials });
  injector.attachToSes(client);
  return { client, mailer: createSesMailer({ client, ratePerSecond: 200 }) };
};

// ---------------------------------------------------------------------------------------
// Invariants

export interface Violation {
  readonly rule: string;
  readonly detail: string;
}

type Row = Record<string, any>;

/** Every item of the table (consistent Scan, all pages). A test may Scan; the service never does. */
export const scanTable = async (client: DynamoDBDocumentClient, tableName: string): Promise<Row[]> => {
  const rows: Row[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    rows.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return rows;
};

const ACTIVE = new Set(['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY']);

/** A hold accepted with 201, with the order in which the client sent it and saw the answer. */
export interface Placement {
  readonly holdId: string;
  readonly titleId: string;
  readonly requestedAt: string;
  readonly sentSeq: number;
  readonly answeredSeq: number;
}

export interface NoticeExpectation {
  /** The service's "today" (JST) when the last successful notice run ran. */
  readonly today: string;
  readonly mails: readonly AcceptedMail[];
  /** Patrons (by address / card) for whom a mail may have gone out twice (SPEC 5.6 gap). */
  readonly windowRecipients: ReadonlySet<string>;
  readonly windowCards: ReadonlySet<string>;
  /** Patrons whose mark met a fault that is not a crash: a duplicate here is outside the documented gap. */
  readonly markFailedCards?: ReadonlySet<string>;
}

export interface InvariantOptions {
  readonly holdLimit: number;
  /** The service's clock: TTL'd items past their time are gone (db.ts isExpired). */
  readonly now: Date;
  readonly placements?: readonly Placement[];
  /** Checked after a successful notice run; omit to skip the notice rule. */
  readonly notices?: NoticeExpectation;
  /** After a clean expiry run "today" (JST): no READY hold is past its deadline. */
  readonly expiredBefore?: string;
  /** After a clean registration run at this instant: nothing requested up to it is PROVISIONAL. */
  readonly registeredUpTo?: string;
}

export interface InvariantReport {
  readonly violations: Violation[];
  /** SPEC 5.6 accepted gap: READY items mailed more than once where the sender died or failed to mark. */
  readonly noticeWindow: { readonly items: number; readonly extraMails: number };
  /** READY items of mail patrons the SPEC 5.6 rule looked at. */
  readonly noticesChecked: number;
  readonly table: {
    readonly patrons: number;
    readonly holds: Record<string, number>;
    readonly items: Record<string, number>;
    readonly loans: number;
    readonly mostActiveHolds: number;
    readonly notified: number;
    /**
     * Copies ON_SHELF away from their home branch: a violation too (SPEC 5.4, a copy is
     * shelved only at home). A check-in of a loan that stored the return and died before
     * routing left one, until return and routing became one transaction.
     */
    readonly onShelfAwayFromHome: number;
  };
}

const tally = (values: readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

/**
 * The invariants of issue 8 part 6, over the rows of one Scan:
 * - SPEC 5.2 rule 5: no patron above the limit, and the stored count equals the real one;
 * - SPEC 5.2 rule 3: no patron with two active holds on one title; the marker names the one;
 * - SPEC 5.4: a copy serves at most one hold, a hold has at most one copy, and an IN_TRANSIT or
 *   READY hold's copy points back to it (nothing IN_TRANSIT without a copy); the copy's
 *   state matches (READY ↔ ON_HOLD_SHELF at the pickup branch, IN_TRANSIT ↔ travelling there);
 *   loans and lent copies agree;
 * - SPEC 5.3: the queue (GSI1) holds exactly the active holds, keyed by request time, and
 *   every hold is in the GSI2 partition of its state (the jobs find holds only there), and a
 *   filed WAITING hold's title has a pull-list marker at every branch where it has a copy;
 *   a hold accepted before another was sent stands ahead of it;
 * - SPEC 5.6: after a successful notice run every due READY hold of a mail patron is
 *   notified, by exactly one accepted mail (the documented gap counted apart);
 * - liveness after clean runs: nothing registered is left PROVISIONAL, nothing expired READY.
 */
export const checkInvariants = (rows: readonly Row[], options: InvariantOptions): InvariantReport => {
  const violations: Violation[] = [];
  const fail = (rule: string, detail: string) => violations.push({ rule, detail });
  const live = rows.filter((r) => !isExpired(r as { expiresAt?: number }, options.now));
  const sk = (r: Row) => String(r.SK);
  const patrons = live.filter((r) => String(r.PK).startsWith('PATRON#') && sk(r) === 'PROFILE');
  const holds = live.filter((r) => String(r.PK).startsWith('PATRON#') && sk(r).startsWith('HOLD#'));
  const markers = live.filter((r) => String(r.PK).startsWith('PATRON#') && sk(r).startsWith('ACTIVE#'));
  const loans = live.filter((r) => String(r.PK).startsWith('PATRON#') && sk(r).startsWith('LOAN#'));
  const items = live.filter((r) => String(r.PK).startsWith('ITEM#') && sk(r) === 'ITEM');
  const active = holds.filter((h) => ACTIVE.has(h.status));
  const holdById = new Map(holds.map((h) => [String(h.holdId), h]));
  const itemById = new Map(items.map((i) => [String(i.itemId), i]));

  // SPEC 5.2 rules 3 and 5.
  let mostActiveHolds = 0;
  for (const patron of patrons) {
    const card = String(patron.cardNumber);
    const mine = active.filter((h) => h.cardNumber === card);
    mostActiveHolds = Math.max(mostActiveHolds, mine.length);
    if (mine.length > options.holdLimit) fail('5.2 rule 5: hold limit', `patron ${card} has ${mine.length} active holds`);
    if ((patron.activeHolds ?? 0) !== mine.length)
      fail('5.2 rule 5: stored count', `patron ${card} stores activeHolds=${patron.activeHolds} but has ${mine.length} active holds`);
    const byTitle = new Map<string, Row[]>();
    for (const hold of mine) byTitle.set(hold.titleId, [...(byTitle.get(hold.titleId) ?? []), hold]);
    for (const [titleId, same] of byTitle) {
      if (same.length > 1)
        fail('5.2 rule 3: one active hold per title', `patron ${card} has ${same.length} active holds on ${titleId}: ${same.map((h) => h.holdId).join(', ')}`);
    }
  }
  for (const hold of active) {
    const marker = markers.find((m) => m.PK === hold.PK && sk(m) === `ACTIVE#${hold.titleId}`);
    if (marker?.holdId !== hold.holdId)
      fail('5.2 rule 3: marker', `active hold ${hold.holdId} (${hold.status}) has no marker (${marker ? `it names ${marker.holdId}` : 'none'})`);
  }
  for (const marker of markers) {
    const hold = holdById.get(String(marker.holdId));
    if (!hold || !ACTIVE.has(hold.status) || `ACTIVE#${hold.titleId}` !== sk(marker) || hold.PK !== marker.PK) {
      fail('5.2 rule 3: marker', `marker ${marker.PK} ${sk(marker)} names hold ${marker.holdId} (${hold?.status ?? 'absent'})`);
    }
  }

  // SPEC 5.4: copies and holds point at each other.
  const holdsByItem = new Map<string, Row[]>();
  for (const hold of active) if (hold.itemId) holdsByItem.set(hold.itemId, [...(holdsByItem.get(hold.itemId) ?? []), hold]);
  for (const [itemId, taking] of holdsByItem) {
    if (taking.length > 1) fail('5.4: one hold per copy', `copy ${itemId} is held by ${taking.map((h) => `${h.holdId} (${h.status})`).join(', ')}`);
  }
  for (const hold of active) {
    if (hold.status === 'IN_TRANSIT' || hold.status === 'READY') {
      const item = hold.itemId ? itemById.get(String(hold.itemId)) : undefined;
      if (!item) {
        fail('5.4: assigned hold has its copy', `${hold.status} hold ${hold.holdId} has no copy (${hold.itemId ?? 'none'})`);
        continue;
      }
      if (item.assignedHoldId !== hold.holdId || item.assignedCard !== hold.cardNumber) {
        fail(
          '5.4: copy points back',
          `${hold.status} hold ${hold.holdId} has copy ${item.itemId}, which is assigned to ${item.assignedHoldId ?? 'nobody'} (${item.status})`,
        );
        continue;
      }
      if (hold.status === 'READY' && (item.status !== 'ON_HOLD_SHELF' || item.location !== hold.pickupBranch)) {
        fail('5.4: copy state', `READY hold ${hold.holdId}: copy ${item.itemId} is ${item.status} at ${item.location}, pickup ${hold.pickupBranch}`);
      }
      if (hold.status === 'IN_TRANSIT' && (item.status !== 'IN_TRANSIT' || item.destination !== hold.pickupBranch)) {
        fail('5.4: copy state', `IN_TRANSIT hold ${hold.holdId}: copy ${item.itemId} is ${item.status} to ${item.destination}, pickup ${hold.pickupBranch}`);
      }
    } else if (hold.itemId) {
      fail('5.4: waiting hold has no copy', `${hold.status} hold ${hold.holdId} names copy ${hold.itemId}`);
    }
  }
  for (const item of items) {
    if (item.assignedHoldId) {
      const hold = holdById.get(String(item.assignedHoldId));
      if (!hold || (hold.status !== 'IN_TRANSIT' && hold.status !== 'READY') || hold.itemId !== item.itemId) {
        fail(
          '5.4: copy assigned to a live hold',
          `copy ${item.itemId} (${item.status}) is assigned to ${item.assignedHoldId}, which is ${hold ? `${hold.status} with ${hold.itemId ?? 'no copy'}` : 'absent'}`,
        );
      }
    } else if (item.status === 'ON_HOLD_SHELF') {
      fail('5.4: copy state', `copy ${item.itemId} is ON_HOLD_SHELF for nobody`);
    } else if (item.status === 'IN_TRANSIT' && item.destination !== item.branch) {
      fail('5.4: copy state', `copy ${item.itemId} travels to ${item.destination ?? 'nowhere'} for nobody (home ${item.branch})`);
    }
    if (item.status === 'ON_LOAN') {
      const loan = loans.find((l) => l.PK === `PATRON#${item.borrower}` && sk(l) === `LOAN#${item.itemId}`);
      if (!loan) fail('6: loan record', `copy ${item.itemId} is ON_LOAN to ${item.borrower} without a loan record`);
      if (item.assignedHoldId) fail('6: loan record', `copy ${item.itemId} is ON_LOAN and assigned to ${item.assignedHoldId}`);
    } else if (item.borrower) {
      fail('6: loan record', `copy ${item.itemId} is ${item.status} but names borrower ${item.borrower}`);
    }
  }
  for (const loan of loans) {
    const item = itemById.get(String(loan.itemId));
    if (item?.status !== 'ON_LOAN' || `PATRON#${item.borrower}` !== loan.PK) {
      fail('6: loan record', `loan ${loan.PK} ${sk(loan)} but the copy is ${item?.status ?? 'absent'} (borrower ${item?.borrower ?? 'none'})`);
    }
  }

  // SPEC 5.3: the queue and the state indexes.
  for (const hold of holds) {
    const queued = ACTIVE.has(hold.status);
    const expectedQueue = queued ? { pk: `TITLE_ITEMS#${hold.titleId}`, sk: `QUEUE#${hold.requestedAt}#${hold.holdId}` } : undefined;
    if ((hold.GSI1PK ?? undefined) !== expectedQueue?.pk || (hold.GSI1SK ?? undefined) !== expectedQueue?.sk) {
      fail('5.3: queue key', `${hold.status} hold ${hold.holdId} has queue key ${hold.GSI1PK ?? '-'} ${hold.GSI1SK ?? '-'}`);
    }
    // Decision 019: provisional holds in one of the shards; WAITING ones staged (counter) or filed under pull-list markers.
    const provisional = hold.status === 'PROVISIONAL' && /^PROVISIONAL#\d+$/.test(String(hold.GSI2PK));
    const staged = hold.status === 'WAITING' && hold.GSI2PK === 'WAITING';
    const expectedState =
      hold.status === 'PROVISIONAL'
        ? { pk: provisional ? String(hold.GSI2PK) : 'PROVISIONAL#n', sk: `${hold.requestedAt}#${hold.holdId}` }
        : staged
          ? { pk: 'WAITING', sk: `${hold.titleId}#${hold.requestedAt}#${hold.holdId}` }
          : hold.status === 'READY'
            ? { pk: `READY#${hold.pickupBranch}`, sk: `${hold.pickupDeadline}#${hold.holdId}` }
            : undefined;
    if ((hold.GSI2PK ?? undefined) !== expectedState?.pk || (hold.GSI2SK ?? undefined) !== expectedState?.sk) {
      fail('5.3: state index', `${hold.status} hold ${hold.holdId} has state key ${hold.GSI2PK ?? '-'} ${hold.GSI2SK ?? '-'}`);
    }
    if (hold.status === 'WAITING' && !staged) {
      for (const item of items.filter((i) => i.titleId === hold.titleId)) {
        if (!live.some((r) => String(r.PK).startsWith(`PULL#${String(item.branch)}#`) && sk(r) === `TITLE#${hold.titleId}`)) {
          fail('5.4: pull-list marker', `WAITING hold ${hold.holdId} has no pull-list marker at ${String(item.branch)}, where copy ${String(item.itemId)} lives`);
        }
      }
    }
  }
  // Request order: a hold whose 201 the client saw before it sent another stands ahead of it.
  // The stored request time (ms) where the hold is still in the table, else the answer's (to the second).
  const instantOf = (p: Placement) => {
    const stored = holdById.get(p.holdId)?.requestedAt;
    return { at: Date.parse(stored ?? p.requestedAt), precise: stored !== undefined };
  };
  const byTitle = new Map<string, Placement[]>();
  for (const p of options.placements ?? []) byTitle.set(p.titleId, [...(byTitle.get(p.titleId) ?? []), p]);
  for (const [titleId, placed] of byTitle) {
    const instants = new Map(placed.map((p) => [p.holdId, instantOf(p)]));
    for (const a of placed) {
      for (const b of placed) {
        if (a.answeredSeq >= b.sentSeq) continue;
        const [ia, ib] = [instants.get(a.holdId)!, instants.get(b.holdId)!];
        const later = ia.precise && ib.precise ? ia.at > ib.at : Math.floor(ia.at / 1000) > Math.floor(ib.at / 1000);
        if (later)
          fail(
            '5.3: queue order is request order',
            `title ${titleId}: hold ${a.holdId} was accepted before ${b.holdId} was sent, yet is stamped later (${new Date(ia.at).toISOString()} > ${new Date(ib.at).toISOString()})`,
          );
      }
    }
  }

  // SPEC 5.6: every hold of a mail patron that reached the hold shelf is in one accepted mail
  // (or none, if it left the shelf before any run); a due READY one is notified.
  const noticeWindow = { items: 0, extraMails: 0 };
  let noticesChecked = 0;
  if (options.notices) {
    const { today, mails, windowRecipients, windowCards, markFailedCards = new Set<string>() } = options.notices;
    const profileOf = new Map(patrons.map((p) => [String(p.cardNumber), p]));
    const readied = holds.filter((h) => h.readyAt);
    for (const hold of readied) {
      const card = String(hold.cardNumber);
      const patron = profileOf.get(card);
      if (patron?.contactMethod !== 'EMAIL' || !patron.email) continue;
      const inWindow = windowRecipients.has(patron.email) || windowCards.has(card);
      const due = hold.status === 'READY' && hold.readyDate < today;
      // Its time on the shelf: from readyAt to its end (a minute's slack for a run still sending) or the next hold of the same title.
      const nextReady = readied.filter((o) => o.cardNumber === hold.cardNumber && o.titleId === hold.titleId && o.readyAt > hold.readyAt).map((o) => String(o.readyAt));
      const ends = [...nextReady, ...(hold.finishedAt ? [new Date(Date.parse(hold.finishedAt) + 60_000).toISOString()] : [])].sort();
      const end = ends[0] ?? '~';
      const sent = mails.filter((m) => m.to === patron.email && m.at >= hold.readyAt && m.at < end && m.text.includes(hold.title)).length;
      if (!hold.notifiedAt && !due && sent === 0) continue; // off the shelf before any run came
      noticesChecked += 1;
      const window = () => {
        noticeWindow.items += 1;
        noticeWindow.extraMails += Math.max(1, sent - 1);
      };
      const why = markFailedCards.has(card) ? ' (its "notified" mark failed after SES had accepted the mail, without a crash)' : '';
      if (!hold.notifiedAt) {
        if (due) fail('5.6: notified', `READY hold ${hold.holdId} (ready ${hold.readyDate}) of mail patron ${card} is not notified after a successful run`);
        else if (inWindow) window();
        else fail('5.6: exactly one notice', `hold ${hold.holdId} (${hold.status}) of patron ${card} was in ${sent} accepted mails but never recorded as notified${why}`);
        continue;
      }
      if (hold.noticeChannel === 'EMAIL_BOUNCED') {
        if (patron.emailStatus !== 'BOUNCING') fail('5.6: notified', `hold ${hold.holdId} recorded EMAIL_BOUNCED for a patron whose mail is not bouncing`);
        continue;
      }
      if (hold.noticeChannel !== 'EMAIL') {
        fail('5.6: notified', `hold ${hold.holdId} (${hold.status}) of mail patron ${card} was recorded as ${hold.noticeChannel}`);
        continue;
      }
      if (sent === 1) continue;
      if (sent > 1 && inWindow) window();
      else fail('5.6: exactly one notice', `hold ${hold.holdId} (${hold.status}) of patron ${card}, recorded as mailed, was in ${sent} accepted mails${why}`);
    }
  }

  // Liveness after clean runs.
  if (options.expiredBefore) {
    for (const hold of active) {
      if (hold.status === 'READY' && hold.pickupDeadline < options.expiredBefore) {
        fail('5.7: expiry', `READY hold ${hold.holdId} is past its deadline ${hold.pickupDeadline} after a clean expiry run`);
      }
    }
  }
  for (const item of items.filter((i) => i.status === 'ON_SHELF' && i.location !== i.branch)) {
    fail('5.4: shelved at home', `copy ${item.itemId} is ON_SHELF at ${item.location}, its home is ${item.branch}`);
  }

  if (options.registeredUpTo) {
    for (const hold of active) {
      if (hold.status === 'PROVISIONAL' && hold.requestedAt <= (options.registeredUpTo as string)) {
        fail('5.3: registration', `hold ${hold.holdId} requested ${hold.requestedAt} is still PROVISIONAL after a clean run`);
      }
    }
  }

  return {
    violations,
    noticeWindow,
    noticesChecked,
    table: {
      patrons: patrons.length,
      holds: tally(holds.map((h) => String(h.status))),
      items: tally(items.map((i) => String(i.status))),
      loans: loans.length,
      mostActiveHolds,
      notified: holds.filter((h) => h.notifiedAt).length,
      onShelfAwayFromHome: items.filter((i) => i.status === 'ON_SHELF' && i.location !== i.branch).length,
    },
  };
};

// ---------------------------------------------------------------------------------------
// The workload

export interface Answer {
  readonly status: number;
  readonly body: any;
}

/** What the workload needs of its stack: the test's app, or the load script's. */
export interface FaultHarness {
  readonly services: LocalServices;
  readonly dynamodbEndpoint: string;
  readonly sesEndpoint: string;
  request(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<Answer>;
  staffToken(): Promise<string>;
  /** Registers a patron with internet service (staff API) and gives a working token. */
  newPatron(staff: string): Promise<{ cardNumber: string; token: string }>;
  /** A fresh token for a patron made by `newPatron` (logs in). */
  patronToken(cardNumber: string): Promise<string>;
}

export interface FaultRunOptions {
  readonly seed: number;
  readonly operations: number;
  readonly patrons?: number;
  readonly titles?: number;
  readonly rates?: Partial<FaultRates>;
  /** Chance that a step runs in a storm of one fault kind. */
  readonly stormChance?: number;
  /** Unique text in titles and addresses (the SES emulator may be shared). */
  readonly tag?: string;
}

export interface FaultRunReport {
  readonly seed: number;
  readonly steps: number;
  readonly operations: number;
  readonly byOperation: Record<string, number>;
  readonly statuses: Record<string, number>;
  readonly jobs: Record<string, number>;
  readonly faults: FaultCounts;
  readonly storms: number;
  readonly noticeWindow: { readonly items: number; readonly extraMails: number; readonly sesCrashes: number; readonly markCrashes: number; readonly markFaults: number };
  /** Mails SES accepted (the notice runs' own mailer). */
  readonly mails: number;
  readonly noticesChecked: number;
  readonly violations: Violation[];
  readonly table: InvariantReport['table'];
  readonly ms: number;
  /** Where the time went: set-up, the steps, the clean runs and the check. */
  readonly phasesMs: { readonly setup: number; readonly steps: number; readonly final: number };
  readonly msByStep: Record<string, number>;
}

const BRANCHES = ['central', 'east', 'west', 'miwa'] as const;
const HOUR = 3_600_000;

const OPERATION_WEIGHTS = {
  place: 14,
  placeBurst: 5,
  limitBurst: 1,
  counterHold: 4,
  cancel: 6,
  staffCancel: 3,
  checkin: 30,
  pullList: 6,
  titleRace: 6,
  checkout: 12,
  renew: 3,
  registration: 7,
  notices: 4,
  nextDay: 6,
  mixed: 6,
} as const;
type Operation = keyof typeof OPERATION_WEIGHTS;
const MIXABLE: readonly Operation[] = ['place', 'counterHold', 'cancel', 'staffCancel', 'checkin', 'pullList', 'checkout', 'renew', 'registration', 'notices'];

/** JST date of an instant. */
const jstDate = (at: Date) => new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 10);
/** The next `hour`:00 JST strictly after `after`, `extraDays` later. */
const nextJstHour = (after: Date, hour: number, extraDays = 0): Date => {
  const jst = new Date(after.getTime() + 9 * HOUR);
  const candidate = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate(), hour) - 9 * HOUR;
  const first = candidate > after.getTime() ? candidate : candidate + 24 * HOUR;
  return new Date(first + extraDays * 24 * HOUR);
};

/**
 * One seeded run: set-up without faults, `operations` steps with faults, then — faults off —
 * the next day's 06:00 expiry, 07:00 registration and a notice run, and the invariants.
 * Operations may fail (409, 503, or 500 where a crash point made the handler die after its
 * write: the client saw no answer); a 5xx not explained by an injected fault is a violation.
 */
export const runFaultWorkload = async (harness: FaultHarness, options: FaultRunOptions): Promise<FaultRunReport> => {
  const injector = new FaultInjector(options.seed, { ...defaultFaultRates, ...options.rates }, () => harness.services.clock.now());
  const reader = createDb(harness.services.db.tableName, { endpoint: harness.dynamodbEndpoint, region: localRegion, credentials: localCredentials });
  const { mailer, client: sesClient } = faultyMailer(harness.sesEndpoint, injector);
  const uninstall = injector.attachToDynamoDb(harness.services.db.client as unknown as SdkClient);
  try {
    return await workload(harness, options, { injector, reader, mailer });
  } finally {
    injector.stop();
    uninstall();
    sesClient.destroy();
    reader.client.destroy();
  }
};

const workload = async (
  harness: FaultHarness,
  options: FaultRunOptions,
  { injector, reader, mailer }: { injector: FaultInjector; reader: Db; mailer: Mailer },
): Promise<FaultRunReport> => {
  const started = Date.now();
  const { services } = harness;
  const rng = new Rng(options.seed);
  const tag = options.tag ?? `s${options.seed}`;
  const holdLimit = services.deps.config.holds.holdLimit;

  const byOperation: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const jobs: Record<string, number> = {};
  const msByStep: Record<string, number> = {};
  const violations: Violation[] = [];
  const placements: Placement[] = [];
  let operations = 0;
  let storms = 0;
  let seq = 0;

  // Tokens expire by the service clock (30 minutes, staff 8 hours): renewed, without faults, before a step needs them.
  const tokens = new Map<string, { token: string; at: number }>();
  const fresh = (at: number, minutes: number) => services.clock.now().getTime() - at < minutes * 60_000;
  let staff = { token: '', at: 0 };
  const staffToken = async () => {
    if (!staff.token || !fresh(staff.at, 7 * 60)) staff = { token: await injector.quiet(() => harness.staffToken()), at: services.clock.now().getTime() };
    return staff.token;
  };
  const tokenOf = async (card: string) => {
    const known = tokens.get(card);
    if (known && fresh(known.at, 20)) return known.token;
    const token = await injector.quiet(() => harness.patronToken(card));
    tokens.set(card, { token, at: services.clock.now().getTime() });
    return token;
  };

  // --- set-up, without faults
  const staffAtStart = await staffToken();
  // Patrons and titles in parallel (the patrons' password hashing dominates), each from a plan drawn first.
  const patronPlan = Array.from({ length: options.patrons ?? 8 }, (_, i) => ({ i, method: i % 3 === 2 ? (i % 2 === 0 ? 'PHONE' : 'NONE') : 'EMAIL' }));
  const cards = await mapWithConcurrency(patronPlan, 4, async ({ i, method }) => {
    const patron = await harness.newPatron(staffAtStart);
    tokens.set(patron.cardNumber, { token: patron.token, at: services.clock.now().getTime() });
    const email = `fault-${tag}-${i}-${patron.cardNumber}@example.jp`;
    const saved = await harness.request('PUT', '/api/me/contact', {
      token: patron.token,
      body: method === 'EMAIL' ? { email, contactMethod: 'EMAIL' } : { email: null, contactMethod: method },
    });
    if (saved.status !== 200) throw new Error(`contact settings: ${saved.status} ${JSON.stringify(saved.body)}`);
    return patron.cardNumber;
  });
  const titlePlan = Array.from({ length: options.titles ?? 18 }, (_, t) => ({
    t,
    copies: Array.from({ length: rng.int(1, 3) }, () => ({ branch: rng.pick(BRANCHES), interlibrary: rng.chance(0.1) })),
  }));
  const titleIds = await mapWithConcurrency(titlePlan, 4, async ({ t, copies }) => {
    // Bracketed, so that no title's text contains another's (mails are matched by title).
    const created = await harness.request('POST', '/admin/titles', {
      token: staffAtStart,
      body: { title: `【障害試験 ${tag}-${t}】`, author: '試験 著者', materialType: 'BOOK' },
    });
    if (created.status !== 201) throw new Error(`title: ${created.status}`);
    const titleId = created.body.titleId as string;
    for (const [c, copy] of copies.entries()) {
      const added = await harness.request('POST', '/admin/items', { token: staffAtStart, body: { itemId: `F${tag}-${t}-${c}`, titleId, category: 'NORMAL', ...copy } });
      if (added.status !== 201) throw new Error(`copy: ${added.status}`);
    }
    return titleId;
  });

  // --- a view of the table for choosing targets (a Scan every few steps; stale on purpose)
  let view = { holds: [] as Row[], items: [] as Row[], loans: [] as Row[] };
  // Every Scan is also a check of the structural invariants between two steps (a state a
  // later step might mend is caught too); each violation is reported once, where first seen.
  const progress = { step: 0 };
  const seen = new Set<string>();
  const report = (found: readonly Violation[], where: string) => {
    for (const v of found) {
      const key = `${v.rule}|${v.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      violations.push({ rule: v.rule, detail: `${v.detail} (${where})` });
    }
  };
  const refreshView = async () => {
    const rows = await scanTable(reader.client, reader.tableName);
    const now = services.clock.now();
    report(checkInvariants(rows, { holdLimit, now, placements }).violations, `after step ${progress.step}`);
    const live = rows.filter((r) => !isExpired(r as { expiresAt?: number }, now));
    view = {
      holds: live.filter((r) => String(r.SK).startsWith('HOLD#')),
      items: live.filter((r) => String(r.PK).startsWith('ITEM#F')),
      loans: live.filter((r) => String(r.SK).startsWith('LOAN#')),
    };
  };

  // --- calls, each counted with its answer
  const call = async (operation: string, method: string, path: string, opts: { body?: unknown; token?: string } = {}) => {
    operations += 1;
    byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    const answer = await harness.request(method, path, opts);
    const code = answer.body?.error?.code;
    const key = `${answer.status}${code ? ` ${code}` : ''}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
    return answer;
  };
  const place = async (operation: string, card: string, titleId: string, counter = false) => {
    const token = counter ? await staffToken() : await tokenOf(card);
    const sentSeq = (seq += 1);
    const answer = counter
      ? await call(operation, 'POST', '/admin/holds', { token, body: { cardNumber: card, titleId, pickupBranch: rng.pick(BRANCHES) } })
      : await call(operation, 'POST', '/api/me/holds', { token, body: { titleId, pickupBranch: rng.pick(BRANCHES) } });
    const answeredSeq = (seq += 1);
    if (answer.status === 201) placements.push({ holdId: answer.body.holdId, titleId, requestedAt: answer.body.requestedAt, sentSeq, answeredSeq });
    return answer;
  };

  const job = async (invocation: JobInvocation, deps?: Deps): Promise<void> => {
    // EventBridge delivers a failed invocation again (twice here), with the same run id.
    for (let delivery = 1; delivery <= 3; delivery += 1) {
      operations += 1;
      byOperation[invocation.job] = (byOperation[invocation.job] ?? 0) + 1;
      try {
        const outcome = (deps ? await runJob(invocation.job, invocation, deps, pickupNotices) : await services.invokeJob(invocation)) as JobOutcome;
        jobs[`${invocation.job} ${outcome.status}`] = (jobs[`${invocation.job} ${outcome.status}`] ?? 0) + 1;
        return;
      } catch (error) {
        const name = (error as Error).name;
        jobs[`${invocation.job} threw ${name}`] = (jobs[`${invocation.job} threw ${name}`] ?? 0) + 1;
      }
    }
  };
  let runs = 0;
  const runId = (what: string) => `fault-${tag}-${what}-${(runs += 1)}`;
  const noticeDeps: Deps = { ...services.deps, mailer };

  const randomCard = () => rng.pick(cards);
  const activeOf = (filter: (h: Row) => boolean) => view.holds.filter((h) => ACTIVE.has(h.status) && filter(h));

  const operationsByName: Record<Exclude<Operation, 'mixed' | 'nextDay'>, () => Promise<unknown>> = {
    place: () => place('place', randomCard(), rng.pick(titleIds)),
    placeBurst: async () => {
      // One patron, several requests at once: the same title again and again, or a handful.
      const card = randomCard();
      const same = rng.chance(0.4) ? rng.pick(titleIds) : undefined;
      const count = rng.int(3, 6);
      await tokenOf(card);
      await Promise.all(Array.from({ length: count }, () => place('placeBurst', card, same ?? rng.pick(titleIds))));
    },
    limitBurst: async () => {
      // More titles at once than the limit allows (SPEC 5.2 rule 5 as a transaction condition).
      const card = randomCard();
      await tokenOf(card);
      const titles = rng.shuffle(titleIds).slice(0, holdLimit + 2);
      await Promise.all(titles.map((titleId) => place('limitBurst', card, titleId)));
    },
    counterHold: () => place('counterHold', randomCard(), rng.pick(titleIds), true),
    cancel: async () => {
      // Mostly holds the patron may cancel; sometimes one on its way (409 NOT_CANCELLABLE).
      const cancellable = rng.chance(0.8);
      const candidates = activeOf((h) => ['PROVISIONAL', 'WAITING'].includes(h.status) === cancellable);
      if (candidates.length === 0) return place('place', randomCard(), rng.pick(titleIds));
      const hold = rng.pick(candidates);
      return call('cancel', 'DELETE', `/api/me/holds/${hold.holdId}`, { token: await tokenOf(hold.cardNumber) });
    },
    staffCancel: async () => {
      const candidates = activeOf(() => true);
      if (candidates.length === 0) return undefined;
      const hold = rng.pick(candidates);
      return call('staffCancel', 'DELETE', `/admin/holds/${hold.holdId}`, { token: await staffToken(), body: { reason: '障害試験' } });
    },
    checkin: async () => {
      // Returns, arrivals (mostly at the branch the copy travels to), copies pulled from their
      // shelf for a waiting hold, any shelf copy, a second scan of a copy on the hold shelf;
      // now and then at some other branch.
      const kind = rng.weighted({ ON_LOAN: 4, IN_TRANSIT: 4, capture: 5, ON_SHELF: 1, ON_HOLD_SHELF: 1 });
      const waitedFor = new Set(activeOf((h) => h.status === 'WAITING').map((h) => h.titleId));
      const candidates = view.items.filter((i) => (kind === 'capture' ? i.status === 'ON_SHELF' && waitedFor.has(i.titleId) : i.status === kind));
      const item = candidates.length > 0 ? rng.pick(candidates) : rng.pick(view.items);
      const usual = item.status === 'IN_TRANSIT' ? item.destination : item.status === 'ON_LOAN' ? undefined : item.location;
      const branch = usual && rng.chance(0.8) ? usual : rng.pick(BRANCHES);
      return call('checkin', 'POST', '/admin/checkin', { token: await staffToken(), body: { itemId: item.itemId, branch } });
    },
    titleRace: async () => {
      // Everything at once on one title: its copies scanned, holds cancelled by staff and patron,
      // a READY copy lent, a new hold, perhaps a registration run (SPEC 5.4: one copy, one hold).
      const token = await staffToken();
      const busy = [...new Set(activeOf(() => true).map((h) => h.titleId as string))];
      const titleId = busy.length > 0 && rng.chance(0.8) ? rng.pick(busy) : rng.pick(titleIds);
      const holds = activeOf((h) => h.titleId === titleId).sort((a, b) => String(a.requestedAt).localeCompare(String(b.requestedAt)));
      const pickup = holds.find((h) => h.status === 'WAITING')?.pickupBranch;
      const actions: (() => Promise<unknown>)[] = [];
      for (const copy of view.items.filter((i) => i.titleId === titleId)) {
        const branch = copy.status === 'IN_TRANSIT' ? copy.destination : (pickup ?? copy.location);
        actions.push(() => call('checkin', 'POST', '/admin/checkin', { token, body: { itemId: copy.itemId, branch: branch ?? copy.branch } }));
      }
      if (holds.length > 0) {
        const hold = rng.pick(holds);
        actions.push(() => call('staffCancel', 'DELETE', `/admin/holds/${hold.holdId}`, { token, body: { reason: '障害試験' } }));
      }
      const waiting = holds.filter((h) => h.status === 'PROVISIONAL' || h.status === 'WAITING');
      if (waiting.length > 0) {
        const hold = rng.pick(waiting);
        const patronToken = await tokenOf(hold.cardNumber);
        actions.push(() => call('cancel', 'DELETE', `/api/me/holds/${hold.holdId}`, { token: patronToken }));
      }
      for (const hold of holds.filter((h) => h.status === 'READY')) {
        actions.push(() => call('checkout', 'POST', '/admin/checkout', { token, body: { cardNumber: hold.cardNumber, itemId: hold.itemId, branch: hold.pickupBranch } }));
      }
      const newcomer = randomCard();
      await tokenOf(newcomer);
      actions.push(() => place('place', newcomer, titleId));
      if (rng.chance(0.3)) actions.push(() => job({ job: 'hold-registration', trigger: 'manual', runId: runId('registration') }));
      await Promise.all(
        rng
          .shuffle(actions)
          .slice(0, 6)
          .map((action) => action()),
      );
    },
    pullList: async () => {
      // A branch's morning: the pull list, then each listed copy scanned there (it fills its hold).
      const token = await staffToken();
      const branch = rng.pick(BRANCHES);
      const list = await call('pullList', 'GET', `/admin/pull-list?branch=${branch}`, { token });
      for (const entry of (Array.isArray(list.body) ? list.body : []).slice(0, 4)) {
        await call('checkin', 'POST', '/admin/checkin', { token, body: { itemId: entry.itemId, branch } });
      }
    },
    checkout: async () => {
      const token = await staffToken();
      const kind = rng.weighted({ ready: 5, inTransit: 1, shelf: 3, another: 1 });
      const assigned = activeOf((h) => h.status === (kind === 'inTransit' ? 'IN_TRANSIT' : 'READY') && h.itemId);
      if ((kind === 'ready' || kind === 'inTransit' || kind === 'another') && assigned.length > 0) {
        const hold = rng.pick(assigned);
        const card = kind === 'another' ? randomCard() : hold.cardNumber;
        return call('checkout', 'POST', '/admin/checkout', { token, body: { cardNumber: card, itemId: hold.itemId, branch: hold.pickupBranch } });
      }
      const shelf = view.items.filter((i) => i.status === 'ON_SHELF');
      const item = shelf.length > 0 ? rng.pick(shelf) : rng.pick(view.items);
      return call('checkout', 'POST', '/admin/checkout', { token, body: { cardNumber: randomCard(), itemId: item.itemId } });
    },
    renew: async () => {
      const withLoans = [...new Set(view.loans.map((l) => String(l.PK).slice('PATRON#'.length)))].filter((c) => cards.includes(c));
      const card = withLoans.length > 0 ? rng.pick(withLoans) : randomCard();
      const itemIds = view.loans.filter((l) => l.PK === `PATRON#${card}`).map((l) => l.itemId as string);
      return call('renew', 'POST', '/api/me/loans/renew', {
        token: await tokenOf(card),
        body: { itemIds: itemIds.length > 0 ? itemIds : [rng.pick(view.items).itemId] },
      });
    },
    registration: async () => {
      const twice = rng.chance(0.35);
      const one = () => job({ job: 'hold-registration', trigger: 'manual', runId: runId('registration') });
      await Promise.all(twice ? [one(), one()] : [one()]);
    },
    notices: async () => {
      const twice = rng.chance(0.35);
      const one = () => job({ job: 'pickup-notices', trigger: 'manual', runId: runId('notices') }, noticeDeps);
      await Promise.all(twice ? [one(), one()] : [one()]);
    },
  };

  /**
   * The clock moves on (only forward) to a later day's 06:00 expiry, 07:00 registration and
   * 08:00 notices, as the schedules would run them; then the counters open.
   */
  const nextDay = async () => {
    const expiryAt = nextJstHour(services.clock.now(), 6, rng.int(0, 4));
    await services.scheduler.skipTo(expiryAt);
    // Sometimes the counter is at the holds the run is expiring, at the same moment (SPEC 5.7: each hold ends once).
    await injector.quiet(refreshView);
    const token = await staffToken();
    const due = rng.shuffle(activeOf((h) => h.status === 'READY' && h.pickupDeadline < jstDate(expiryAt))).slice(0, rng.chance(0.6) ? 2 : 0);
    for (const hold of due) await tokenOf(hold.cardNumber);
    await Promise.all([
      job({ job: 'hold-expiry', trigger: 'schedule', schedule: 'daily-0600', scheduledTime: expiryAt.toISOString() }),
      ...due.map((hold) =>
        rng.chance(0.5)
          ? call('checkout', 'POST', '/admin/checkout', { token, body: { cardNumber: hold.cardNumber, itemId: hold.itemId, branch: hold.pickupBranch } })
          : call('staffCancel', 'DELETE', `/admin/holds/${hold.holdId}`, { token, body: { reason: '障害試験' } }),
      ),
    ]);
    const registrationAt = new Date(expiryAt.getTime() + HOUR);
    await services.scheduler.skipTo(registrationAt);
    await job({ job: 'hold-registration', trigger: 'schedule', schedule: 'daily-0700', scheduledTime: registrationAt.toISOString() });
    const noticesAt = new Date(registrationAt.getTime() + HOUR);
    await services.scheduler.skipTo(noticesAt);
    await job({ job: 'pickup-notices', trigger: 'schedule', schedule: 'daily-0800', scheduledTime: noticesAt.toISOString() }, noticeDeps);
    await services.scheduler.skipTo(new Date(noticesAt.getTime() + rng.int(2, 3) * HOUR));
    // The morning at the counters: the van brings what was travelling, staff work the pull lists.
    await injector.quiet(refreshView);
    for (const item of rng.shuffle(view.items.filter((i) => i.status === 'IN_TRANSIT' && i.destination)).slice(0, 8)) {
      await call('checkin', 'POST', '/admin/checkin', { token, body: { itemId: item.itemId, branch: item.destination } });
    }
    await operationsByName.pullList();
    await operationsByName.pullList();
  };

  // --- the steps, with faults
  const setupDone = Date.now();
  await refreshView();
  injector.start();
  const stepCount = options.operations;
  let steps = 0;
  while (operations < stepCount) {
    steps += 1;
    progress.step = steps - 1;
    if (steps % 4 === 0) await injector.quiet(refreshView);
    const operation = rng.weighted(OPERATION_WEIGHTS);
    const stormKind = rng.chance(options.stormChance ?? 0.08) ? rng.pick(Object.keys(stormRates) as FaultKind[]) : undefined;
    // Tokens for the step first, outside it: a login is not what is under test here.
    await staffToken();
    const before = injector.counts();
    const statusBefore = { ...statuses };
    const work = async () => {
      if (operation === 'nextDay') return nextDay();
      if (operation === 'mixed') {
        const picked = Array.from({ length: rng.int(2, 4) }, () => rng.pick(MIXABLE));
        return Promise.all(picked.map((name) => operationsByName[name as Exclude<Operation, 'mixed' | 'nextDay'>]()));
      }
      return operationsByName[operation]();
    };
    const stepStarted = Date.now();
    try {
      if (stormKind) {
        storms += 1;
        await injector.storm({ [stormKind]: stormRates[stormKind] }, work);
      } else await work();
    } catch (error) {
      violations.push({ rule: 'workload', detail: `step ${steps} (${operation}) threw ${(error as Error).name}: ${(error as Error).message}` });
    }
    msByStep[operation] = (msByStep[operation] ?? 0) + Date.now() - stepStarted;
    // 5xx only where injected faults explain them: 503 after throttling or internal errors, 500 after a crash point.
    const after = injector.counts();
    const delta = (kind: FaultKind) => after[kind] - before[kind];
    const grown = (key: string) => (statuses[key] ?? 0) - (statusBefore[key] ?? 0);
    const crashes500 = grown('500 INTERNAL');
    const busy = delta('ThrottlingException') + delta('ProvisionedThroughputExceededException') + delta('InternalServerError');
    if (crashes500 > delta('CrashAfterWrite'))
      violations.push({ rule: 'no unexplained 5xx', detail: `step ${steps} (${operation}): ${crashes500} answers 500 after ${delta('CrashAfterWrite')} crash points` });
    if (grown('503 SERVICE_UNAVAILABLE') > 0 && busy === 0)
      violations.push({ rule: 'no unexplained 5xx', detail: `step ${steps} (${operation}): 503 without an injected throttle or internal error` });
    for (const key of Object.keys(statuses)) {
      if (grown(key) > 0 && /^5/.test(key) && key !== '500 INTERNAL' && key !== '503 SERVICE_UNAVAILABLE')
        violations.push({ rule: 'no unexplained 5xx', detail: `step ${steps} (${operation}): ${key}` });
      if (grown(key) > 0 && /^(400|401|403)/.test(key))
        violations.push({ rule: 'workload', detail: `step ${steps} (${operation}): ${key} (the workload sent something wrong)` });
    }
  }
  injector.stop();
  const stepsDone = Date.now();

  // --- faults off: the next day's clean runs, then the invariants
  const expiryAt = nextJstHour(services.clock.now(), 6);
  await services.scheduler.skipTo(expiryAt);
  await job({ job: 'hold-expiry', trigger: 'schedule', schedule: 'daily-0600', scheduledTime: expiryAt.toISOString() });
  const registrationAt = new Date(expiryAt.getTime() + HOUR);
  await services.scheduler.skipTo(registrationAt);
  await job({ job: 'hold-registration', trigger: 'schedule', schedule: 'daily-0700', scheduledTime: registrationAt.toISOString() });
  const noticeAt = new Date(registrationAt.getTime() + HOUR);
  await services.scheduler.skipTo(noticeAt);
  const finalNotice = (await runJob(
    'pickup-notices',
    { job: 'pickup-notices', trigger: 'manual', runId: runId('final-notices') },
    noticeDeps,
    pickupNotices,
  )) as JobOutcome;
  if (finalNotice.status !== 'SUCCEEDED' || (finalNotice.summary?.failed ?? 0) !== 0) {
    violations.push({ rule: '5.6: a clean notice run succeeds', detail: JSON.stringify(finalNotice) });
  }

  const rows = await scanTable(reader.client, reader.tableName);
  const checked = checkInvariants(rows, {
    holdLimit,
    now: services.clock.now(),
    placements,
    notices: {
      today: jstDate(noticeAt),
      mails: injector.mails,
      windowRecipients: injector.sesCrashRecipients,
      windowCards: injector.markCrashCards,
      markFailedCards: injector.markFailedCards,
    },
    expiredBefore: jstDate(expiryAt),
    registeredUpTo: registrationAt.toISOString(),
  });

  report(checked.violations, 'at the end');
  await services.outbox.drain();
  const delivered = services.bus.recent(services.bus.capacity).reverse();
  if (delivered.length < services.bus.capacity) report(checkEventsAnnounced(rows, delivered, services.clock.now()), 'events at the end');

  return {
    seed: options.seed,
    steps,
    operations,
    byOperation,
    statuses,
    jobs,
    faults: injector.counts(),
    storms,
    noticeWindow: {
      ...checked.noticeWindow,
      sesCrashes: injector.injected.SesCrashAfterSend,
      markCrashes: injector.markCrashCards.size,
      markFaults: injector.markFailedCards.size,
    },
    mails: injector.mails.length,
    noticesChecked: checked.noticesChecked,
    violations,
    table: checked.table,
    ms: Date.now() - started,
    phasesMs: { setup: setupDone - started, steps: stepsDone - setupDone, final: Date.now() - stepsDone },
    msByStep,
  };
};

/** What the bus delivered, oldest first (the local bus's log). */
export interface DeliveredEvent {
  readonly detailType: string;
  readonly detail: Record<string, unknown>;
}

/**
 * SPEC 9 / decision 014 over one run: every hold's present state is the state its last
 * HoldStateChanged event announced (nothing changed unannounced, nothing announced that did
 * not happen), and no event id was delivered twice. Fulfilled holds are skipped: their event
 * names no hold (privacy).
 */
export const checkEventsAnnounced = (rows: readonly Row[], delivered: readonly DeliveredEvent[], now: Date): Violation[] => {
  const violations: Violation[] = [];
  const lastTo = new Map<string, unknown>();
  const ids = new Set<unknown>();
  for (const event of delivered) {
    if (ids.has(event.detail.eventId)) violations.push({ rule: '9: each event once', detail: `event ${String(event.detail.eventId)} was delivered twice` });
    ids.add(event.detail.eventId);
    if (event.detailType === 'HoldStateChanged' && typeof event.detail.holdId === 'string') lastTo.set(event.detail.holdId, event.detail.to);
  }
  const holds = rows.filter((r) => String(r.SK).startsWith('HOLD#') && !isExpired(r as { expiresAt?: number }, now) && r.status !== 'FULFILLED');
  for (const hold of holds) {
    const announced = lastTo.get(hold.holdId);
    if (announced !== hold.status) {
      violations.push({ rule: '9: every change announced', detail: `hold ${hold.holdId} is ${hold.status}; its last event said ${String(announced ?? 'nothing')}` });
    }
  }
  return violations;
};

/** Sums reports of several seeds into the one JSON line the suite prints. */
export const summarizeRuns = (reports: readonly FaultRunReport[]) => {
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
    return into;
  };
  return {
    suite: 'fault-suite',
    seeds: reports.map((r) => r.seed),
    steps: reports.reduce((s, r) => s + r.steps, 0),
    operations: reports.reduce((s, r) => s + r.operations, 0),
    byOperation: reports.reduce((acc, r) => add(acc, r.byOperation), {} as Record<string, number>),
    statuses: reports.reduce((acc, r) => add(acc, r.statuses), {} as Record<string, number>),
    jobs: reports.reduce((acc, r) => add(acc, r.jobs), {} as Record<string, number>),
    faults: reports.reduce((acc, r) => add(acc, r.faults), {} as Record<string, number>),
    storms: reports.reduce((s, r) => s + r.storms, 0),
    mails: reports.reduce((s, r) => s + r.mails, 0),
    noticesChecked: reports.reduce((s, r) => s + r.noticesChecked, 0),
    noticeWindow: reports.reduce((acc, r) => add(acc, r.noticeWindow), {} as Record<string, number>),
    violations: reports.reduce((s, r) => s + r.violations.length, 0),
    violationList: reports.flatMap((r) => r.violations.map((v) => ({ seed: r.seed, ...v }))),
    ms: reports.map((r) => r.ms),
    phasesMs: reports.map((r) => r.phasesMs),
    tables: reports.map((r) => r.table),
    msByStep: reports.reduce((acc, r) => add(acc, r.msByStep), {} as Record<string, number>),
  };
};
