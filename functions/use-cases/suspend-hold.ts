import { AppError, notFound } from '../common/errors.js';
import type { Deps } from '../common/deps.js';
import { SUSPENDABLE, suspensionDateValid } from '../domain/fill-eligibility.js';
import { isCalendarDate, tokyoDate } from '../domain/tokyo-time.js';
import type { Hold } from '../store/holds.js';
import { holdChangeEvent } from './hold-events.js';

const notSuspendable = (hold: Hold) => new AppError(409, 'NOT_SUSPENDABLE', { extra: { status: hold.status } });

/** SPEC 10.1: `until` must be a JST date from tomorrow to today + 180 days, else 400 VALIDATION (field `until`). */
export const checkSuspensionDate = (deps: Deps, until: unknown): string => {
  if (typeof until !== 'string' || !isCalendarDate(until)) throw new AppError(400, 'VALIDATION', { field: 'until', rule: 'date' });
  if (!suspensionDateValid(until, tokyoDate(deps.clock.now()))) throw new AppError(400, 'VALIDATION', { field: 'until', rule: 'suspensionDate' });
  return until;
};

/**
 * SPEC 10.1: suspends `hold` until `until`, or resumes it (`until` undefined). Only a
 * PROVISIONAL or WAITING hold: the write is conditional on that state, so a check-in that
 * assigns a copy at the same moment either wins (409 NOT_SUSPENDABLE) or is refused.
 */
export const changeSuspension = async (deps: Deps, hold: Hold | undefined, until: string | undefined): Promise<Hold> => {
  if (!hold) throw notFound();
  if (!SUSPENDABLE.includes(hold.status)) throw notSuspendable(hold);
  const now = deps.clock.now();
  const event = holdChangeEvent(hold, hold.status, hold.status, now, { suspendedUntil: until ?? null });
  if (!(await deps.store.holds.setSuspension(hold, until, now, [event]))) {
    const current = await deps.store.holds.get(hold.cardNumber, hold.holdId, now);
    if (!current) throw notFound();
    throw notSuspendable(current);
  }
  const changed = await deps.store.holds.get(hold.cardNumber, hold.holdId, now);
  return changed ?? hold;
};
