import type { Deps } from '../common/deps.js';
import type { Lang } from '../common/messages.js';
import { PATRON_CANCELLABLE, stateLabels } from '../domain/holds.js';
import { registersAt } from '../domain/registration-schedule.js';
import { tokyoDate, tokyoIso } from '../domain/tokyo-time.js';
import type { CalendarDay } from '../domain/calendar.js';
import type { Hold } from '../store/holds.js';
import type { HoldView } from '../contract/views/hold.js';
import { readTitleForWait, waitEstimates } from './wait-estimates.js';
import { pauseFieldsFor, type PauseFields } from './fill-eligibility.js';

/** A hold as a patron sees it: its type is the HTTP contract's (functions/contract/views/hold.ts). */
export type { HoldView };

/**
 * Shapes holds for the patron: positions for WAITING holds, `registersAt` for PROVISIONAL
 * ones (the calendar of their request dates, as the function keeps it: store/reference-data.ts),
 * newest first. A WAITING hold's position and estimated ready date come from its title's
 * queue and copies (one Query of the title's partition per WAITING hold, in parallel).
 */
export const holdViews = async (deps: Deps, holds: readonly Hold[], lang: Lang): Promise<HoldView[]> => {
  const provisionalDates = [...new Set(holds.filter((h) => h.status === 'PROVISIONAL').map((h) => tokyoDate(new Date(h.requestedAt))))];
  // A sequence's holds name each other: `holds` are known, only other predecessors are read.
  const [pause, days] = await Promise.all([pauseFieldsFor(deps, holds, deps.clock.now(), holds), deps.store.referenceData.calendarForDates(provisionalDates)]);
  const calendars = new Map<string, CalendarDay[]>();
  for (const day of days) calendars.set(day.date, [...(calendars.get(day.date) ?? []), day]);
  const today = tokyoDate(deps.clock.now());
  const positions = new Map<string, number>();
  const estimates = new Map<string, string | null>();
  await Promise.all(
    holds
      .filter((h) => h.status === 'WAITING')
      .map(async (hold) => {
        const { queue, copies } = await readTitleForWait(deps, hold.titleId);
        const wait = waitEstimates(deps, today, queue, copies, { include: [hold] });
        positions.set(hold.holdId, wait.positions.get(hold.holdId) ?? 1);
        estimates.set(hold.holdId, wait.dates.get(hold.holdId) ?? null);
      }),
  );
  return [...holds]
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
    .map(
      (hold): HoldView => ({
        holdId: hold.holdId,
        titleId: hold.titleId,
        title: hold.title,
        status: hold.status,
        statusLabel: stateLabels[hold.status][lang],
        pickupBranch: hold.pickupBranch,
        requestedAt: tokyoIso(new Date(hold.requestedAt)),
        ...(hold.status === 'WAITING' ? { position: positions.get(hold.holdId), estimatedReadyDate: estimates.get(hold.holdId) ?? null } : {}),
        ...(hold.status === 'PROVISIONAL'
          ? { registersAt: tokyoIso(registersAt(new Date(hold.requestedAt), calendars.get(tokyoDate(new Date(hold.requestedAt))) ?? [])) }
          : {}),
        ...(hold.status === 'READY' && hold.pickupDeadline ? { pickupDeadline: hold.pickupDeadline } : {}),
        cancellable: PATRON_CANCELLABLE.includes(hold.status),
        ...(hold.cancelReason ? { cancelReason: hold.cancelReason } : {}),
        ...(hold.cancelNote ? { cancelNote: hold.cancelNote } : {}),
        ...(hold.finishedAt ? { finishedAt: tokyoIso(new Date(hold.finishedAt)) } : {}),
        ...(pause.get(hold.holdId) as PauseFields),
      }),
    );
};
