import * as z from 'zod/mini';
import { HOLD_STATES } from '../../domain/holds.js';
import { day, instant } from './common.js';

export const HoldStatus = z.enum(HOLD_STATES);
export type HoldStatus = z.output<typeof HoldStatus>;

/** SPEC 10.1 / 10.2 fields of every hold object: null when they do not apply. */
export const PauseFields = z.object({
  /** SPEC 10.1: suspended (skipped by assignment) until this date; null when not. */
  suspendedUntil: z.nullable(day),
  /** SPEC 10.2: the reading-order sequence the hold belongs to. */
  sequenceId: z.nullable(z.string()),
  /** 1-based place in the sequence. */
  sequenceIndex: z.nullable(z.number()),
  sequenceLength: z.nullable(z.number()),
  /** The titleId of the previous hold of the sequence while it still blocks this one (SPEC 10.2). */
  waitsFor: z.nullable(z.string()),
  /** That title's name. */
  waitsForTitle: z.nullable(z.string()),
});
export type PauseFields = z.output<typeof PauseFields>;

/** A hold as its patron sees it (SPEC 7 hold objects), newest first in lists. */
export const HoldView = z.object({
  holdId: z.string(),
  titleId: z.string(),
  title: z.string(),
  status: HoldStatus,
  /** The state in the client's language (予約中, Waiting…). */
  statusLabel: z.string(),
  pickupBranch: z.string(),
  requestedAt: instant,
  /** WAITING only: 1 is next. */
  position: z.optional(z.number()),
  /** SPEC 10.3, WAITING only: the expected ready date; null when no copy can ever fill it. */
  estimatedReadyDate: z.optional(z.nullable(day)),
  /** PROVISIONAL only: when the registration run (SPEC 5.3) will register it. */
  registersAt: z.optional(instant),
  /** READY only: the last day to collect it (SPEC 5.4). */
  pickupDeadline: z.optional(day),
  /** SPEC 5.5: the patron may cancel it online (PROVISIONAL or WAITING). */
  cancellable: z.boolean(),
  /** CANCELLED only: why, e.g. PATRON, STAFF or a SPEC 5.3 refusal code. */
  cancelReason: z.optional(z.string()),
  cancelNote: z.optional(z.string()),
  finishedAt: z.optional(instant),
  ...PauseFields.shape,
});
export type HoldView = z.output<typeof HoldView>;
