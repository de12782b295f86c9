import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { holdRefusal, type HoldRefusal } from '../domain/holds.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { Hold } from '../store/holds.js';
import { holdChangeEvent } from './hold-events.js';

const STATUS_OF: Record<HoldRefusal, number> = {
  NOT_FOUND: 404,
  INVALID_BRANCH: 422,
  NOT_HOLDABLE: 422,
  COUNTER_ONLY: 422,
  LONG_OVERDUE: 422,
  ALREADY_ON_LOAN: 409,
  ALREADY_HELD: 409,
  HOLD_LIMIT: 409,
};

export const holdRefused = (code: HoldRefusal, field?: string) => new AppError(STATUS_OF[code], code, field ? { field } : {});

export interface HoldRequest {
  readonly cardNumber: string;
  readonly titleId: string;
  readonly pickupBranch: string;
  /** Online holds start PROVISIONAL; counter holds are WAITING at once (SPEC 5.3, 7). */
  readonly channel: 'ONLINE' | 'COUNTER';
}

/** What placing holds needs of the patron (store/patron-records.ts forHold): one Query. */
export interface HoldingPatron {
  /** The credential's version, for the SPEC 12 session check of routes that do it here. */
  readonly credentialVersion?: number;
  readonly titlesOnLoan: ReadonlySet<string>;
}

export const readHoldingPatron = (deps: Deps, cardNumber: string): Promise<HoldingPatron> => deps.store.patronRecords.forHold(cardNumber);

/**
 * SPEC 5.2 rules 1, 2, 4 and 6 for one request: the branch and the title must exist, and the
 * title's copies and the patron's loans must allow the hold. Throws the refusal. The title
 * comes with its copies in one Query; the branch from the function's kept branch list.
 */
export const checkHoldRequest = async (deps: Deps, request: HoldRequest, now: Date, patron: HoldingPatron | Promise<HoldingPatron>) => {
  const [branch, { title, copies }, { titlesOnLoan }] = await Promise.all([
    deps.store.referenceData.branch(request.pickupBranch),
    deps.store.titlePartition.titleWithCopies(request.titleId),
    patron,
  ]);
  if (!title) throw holdRefused('NOT_FOUND', 'titleId');
  if (!branch) throw holdRefused('INVALID_BRANCH', 'pickupBranch');
  const channel = request.channel === 'ONLINE' ? 'online' : 'counter';
  const refusal = holdRefusal({ copies, patronHasTitleOnLoan: titlesOnLoan.has(request.titleId), today: tokyoDate(now) }, channel, deps.config.holds);
  if (refusal) throw holdRefused(refusal);
  return { title, branch };
};

/** A new hold of `request`, before it is written. */
export const newHold = (request: HoldRequest, title: { titleId: string; title: string }, branch: { code: string }, now: Date): Hold => ({
  holdId: randomUUID(),
  cardNumber: request.cardNumber,
  titleId: title.titleId,
  title: title.title,
  pickupBranch: branch.code,
  status: request.channel === 'ONLINE' ? 'PROVISIONAL' : 'WAITING',
  channel: request.channel,
  requestedAt: now.toISOString(),
  ...(request.channel === 'COUNTER' ? { registeredAt: now.toISOString() } : {}),
});

export interface PlaceOptions {
  /** The patron as already read (a basket reserves several titles with one read). */
  readonly patron?: HoldingPatron;
  /**
   * Routes that skip the middleware's session read check it here, from the credential
   * version the patron Query brings (SPEC 12), before any refusal is answered.
   */
  readonly checkSession?: (credentialVersion: number | undefined) => void;
}

/**
 * SPEC 5.2 place a hold: 3 requests (docs/data-model.md).
 * 1. In parallel: the patron Query (session, rule 2) and the title with its copies (rules 1, 4, 6).
 * 2. Rules 3 and 5 as conditions of the transaction that writes the hold and its
 *    HoldStateChanged event.
 */
export const placeHold = async (deps: Deps, request: HoldRequest, options: PlaceOptions = {}): Promise<Hold> => {
  const now = deps.clock.now();
  const patron = options.patron ?? readHoldingPatron(deps, request.cardNumber);
  const checked = checkHoldRequest(deps, request, now, patron);
  if (options.checkSession) {
    // The session decides first: an ended one answers 401 whatever the request.
    checked.catch(() => undefined);
    options.checkSession((await patron).credentialVersion);
  }
  const { title, branch } = await checked;
  const hold = newHold(request, title, branch, now);
  const outcome = await deps.store.holds.place(hold, deps.config.holds.holdLimit, [holdChangeEvent(hold, null, hold.status, now)]);
  if (outcome !== 'placed') throw holdRefused(outcome);
  deps.metrics.count('HoldsPlaced');
  return hold;
};
