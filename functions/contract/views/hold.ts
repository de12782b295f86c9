import * as z from 'zod/mini';
import { HOLD_STATES } from '../../domain/holds.js';
import { day, instant } from './common.js';

export const HoldStatus = z.enum(HOLD_STATES);
export type HoldStatus = z.output<typeof HoldStatus>;

/** SPEC 10.1 / 10.2 fields of every hold object: null when they do not apply. */
export const PauseFields = z.object({
  suspendedUntil: z.nullable(day).check(z.describe('SPEC 10.1: suspended (skipped by assignment) until this date; null when not.')),
  sequenceId: z.nullable(z.string()).check(z.describe('SPEC 10.2: the reading-order sequence the hold belongs to.')),
  sequenceIndex: z.nullable(z.number()).check(z.describe('1-based place in the sequence.')),
  sequenceLength: z.nullable(z.number()),
  waitsFor: z.nullable(z.string()).check(z.describe('The titleId of the previous hold of the sequence while it still blocks this one (SPEC 10.2).')),
  waitsForTitle: z.nullable(z.string()).check(z.describe("That title's name.")),
});
export type PauseFields = z.output<typeof PauseFields>;

/** A hold as its patron sees it (SPEC 7 hold objects), newest first in lists. */
export const HoldView = z.object({
  holdId: z.string(),
  titleId: z.string(),
  title: z.string(),
  status: HoldStatus,
  statusLabel: z.string().check(z.describe("The state in the client's language (予約中, Waiting…).")),
  pickupBranch: z.string(),
  requestedAt: instant,
  position: z.optional(z.number()).check(z.describe('WAITING only: 1 is next.')),
  estimatedReadyDate: z.optional(z.nullable(day)).check(z.describe('SPEC 10.3, WAITING only: the expected ready date; null when no copy can ever fill it.')),
  registersAt: z.optional(instant).check(z.describe('PROVISIONAL only: when the registration run (SPEC 5.3) will register it.')),
  pickupDeadline: z.optional(day).check(z.describe('READY only: the last day to collect it (SPEC 5.4).')),
  cancellable: z.boolean().check(z.describe('SPEC 5.5: the patron may cancel it online (PROVISIONAL or WAITING).')),
  cancelReason: z.optional(z.string()).check(z.describe('CANCELLED only: why, e.g. PATRON, STAFF or a SPEC 5.3 refusal code.')),
  cancelNote: z.optional(z.string()),
  finishedAt: z.optional(instant),
  ...PauseFields.shape,
});
export type HoldView = z.output<typeof HoldView>;
