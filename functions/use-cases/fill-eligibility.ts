import type { Deps } from '../common/deps.js';
import { mapWithConcurrency } from '../common/concurrency.js';
import { fillBlock, isSuspended, predecessorBlocks, SUSPENDABLE, type PassOverReason } from '../domain/fill-eligibility.js';
import type { HoldState } from '../domain/holds.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { Hold } from '../store/holds.js';
import type { PauseFields } from '../contract/views/hold.js';

export type FillCheck = (hold: Hold) => PassOverReason | null;

/**
 * SPEC 10.1 / 10.2: "may this hold take a copy today?" for a set of holds, reading the
 * previous hold of each sequenced one (a Get each, same patron). A predecessor's end is
 * final, so a state read here that lets a hold be filled cannot turn back before the
 * assignment commits; a suspension can, and the assignment's own condition refuses it.
 * `today`: the date the copy would be taken (a pull list's day), by default today.
 */
export const fillCheckFor = async (deps: Deps, holds: readonly Hold[], now: Date, today = tokyoDate(now)): Promise<FillCheck> => {
  const sequenced = holds.filter((h) => h.previousHoldId && !(h.suspendedUntil && h.suspendedUntil > today));
  const previous = new Map<string, HoldState | undefined>(
    await mapWithConcurrency(sequenced, 8, async (h) => [h.holdId, (await deps.store.holds.get(h.cardNumber, h.previousHoldId ?? '', now))?.status] as const),
  );
  return (hold) => fillBlock(hold, previous.get(hold.holdId), today);
};

/** SPEC 10.1 / 10.2 fields of a hold object (null when they do not apply), as the HTTP contract states them. */
export type { PauseFields };

/**
 * The SPEC 10 fields of each of `holds`, by holdId: a Get for each sequenced hold still
 * waiting whose previous hold is not among `known` (the patron's holds as just read).
 */
export const pauseFieldsFor = async (deps: Deps, holds: readonly Hold[], now: Date, known: readonly Hold[] = []): Promise<Map<string, PauseFields>> => {
  const today = tokyoDate(now);
  const waiting = holds.filter((h) => SUSPENDABLE.includes(h.status));
  const knownById = new Map(known.map((h) => [h.holdId, h]));
  const blocking = new Map(
    (
      await mapWithConcurrency(
        waiting.filter((h) => h.previousHoldId),
        8,
        async (h) => {
          const previous = knownById.get(h.previousHoldId ?? '') ?? (await deps.store.holds.get(h.cardNumber, h.previousHoldId ?? '', now));
          return [h.holdId, predecessorBlocks(previous?.status) ? previous : undefined] as const;
        },
      )
    ).filter((entry): entry is readonly [string, Hold] => entry[1] !== undefined),
  );
  return new Map(
    holds.map((h) => [
      h.holdId,
      {
        suspendedUntil: SUSPENDABLE.includes(h.status) && isSuspended(h, today) ? (h.suspendedUntil ?? null) : null,
        sequenceId: h.sequenceId ?? null,
        sequenceIndex: h.sequenceIndex ?? null,
        sequenceLength: h.sequenceLength ?? null,
        waitsFor: blocking.has(h.holdId) ? (h.previousTitleId ?? null) : null,
        waitsForTitle: blocking.get(h.holdId)?.title ?? null,
      },
    ]),
  );
};
