import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { renderAppError } from '../common/http/render-error.js';
import type { Lang } from '../common/messages.js';
import { isActive } from '../domain/holds.js';
import type { Hold } from '../store/holds.js';
import { holdChangeEvent } from './hold-events.js';
import { checkHoldRequest, holdRefused, newHold, readHoldingPatron, type PlaceOptions } from './place-hold.js';

export interface SequenceResult {
  readonly titleId: string;
  readonly ok: boolean;
  readonly error?: { code: string; message: string };
}

/** SPEC 10.2 refused: the status and code of the first refused title, and every title's result. */
export class SequenceRefused extends Error {
  constructor(
    readonly first: AppError,
    readonly results: readonly SequenceResult[],
  ) {
    super(first.code);
    this.name = 'SequenceRefused';
  }
}

const refusedAt = (titleIds: readonly string[], refusals: ReadonlyMap<number, AppError>, lang: Lang): SequenceRefused => {
  const results = titleIds.map((titleId, i): SequenceResult => {
    const refusal = refusals.get(i);
    if (!refusal) return { titleId, ok: true };
    const { error } = renderAppError(refusal, lang);
    return { titleId, ok: false, error: { code: error.code, message: error.message } };
  });
  const first = Math.min(...refusals.keys());
  return new SequenceRefused(refusals.get(first) as AppError, results);
};

/**
 * SPEC 10.2 holds in reading order: every title checked as in 5.2; all holds, their
 * markers and the patron's count raised by all of them are ONE transaction (all or
 * nothing, rules 3 and 5 as its conditions). Hold k names hold k−1 (`previousHoldId`), which
 * must end before it is filled (domain/fill-eligibility.ts).
 */
export const placeSequence = async (
  deps: Deps,
  cardNumber: string,
  titleIds: readonly string[],
  pickupBranch: string,
  lang: Lang,
  checkSession?: PlaceOptions['checkSession'],
): Promise<Hold[]> => {
  const now = deps.clock.now();
  const requests = titleIds.map((titleId) => ({ cardNumber, titleId, pickupBranch, channel: 'ONLINE' as const }));
  // One patron Query for every title (and the session check, before any refusal).
  const patron = readHoldingPatron(deps, cardNumber);
  const settled = Promise.allSettled(requests.map((request) => checkHoldRequest(deps, request, now, patron)));
  if (checkSession) checkSession((await patron).credentialVersion);
  const checked = await settled;
  const refusals = new Map<number, AppError>();
  checked.forEach((outcome, i) => {
    if (outcome.status === 'rejected') {
      if (!(outcome.reason instanceof AppError)) throw outcome.reason;
      refusals.set(i, outcome.reason);
    }
  });
  if (refusals.size > 0) throw refusedAt(titleIds, refusals, lang);

  const limit = deps.config.holds.holdLimit;
  const sequenceId = randomUUID();
  const holds: Hold[] = [];
  checked.forEach((outcome, i) => {
    if (outcome.status !== 'fulfilled') return;
    const previous = holds[i - 1];
    holds.push({
      ...newHold(requests[i] as (typeof requests)[number], outcome.value.title, outcome.value.branch, now),
      sequenceId,
      sequenceIndex: i + 1,
      sequenceLength: titleIds.length,
      ...(previous ? { previousHoldId: previous.holdId, previousTitleId: previous.titleId } : {}),
    });
  });

  const written =
    holds.length > limit
      ? ({ outcome: 'HOLD_LIMIT' } as const)
      : await deps.store.holds.placeAll(
          holds,
          limit,
          holds.map((h) => holdChangeEvent(h, null, h.status, now)),
        );
  if (written.outcome === 'ALREADY_HELD') throw refusedAt(titleIds, new Map([[written.index, holdRefused('ALREADY_HELD')]]), lang);
  if (written.outcome === 'HOLD_LIMIT') {
    // The first title that would go over the limit, and every one after it.
    const active = (await deps.store.patronRecords.all(cardNumber, now)).holds.filter((h) => isActive(h.status)).length;
    const room = Math.max(0, limit - active);
    const over = new Map(titleIds.flatMap((_, i) => (i >= room ? [[i, holdRefused('HOLD_LIMIT')] as const] : [])));
    throw refusedAt(titleIds, over.size > 0 ? over : new Map([[0, holdRefused('HOLD_LIMIT')]]), lang);
  }
  deps.metrics.count('HoldsPlaced', holds.length);
  return holds;
};
