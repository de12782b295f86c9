import type { ItemCategory, ItemStatus } from './catalog.js';
import { canFillHolds, DEFAULT_PICKUP_DAYS } from './fulfilment.js';
import { LOAN_DAYS } from './loans.js';

/**
 * SPEC 10.3 estimated wait. The method (docs/decisions/016-estimated-wait.md): every copy
 * that can fill a hold gets the date it will next be free; the earliest free copy goes to
 * the first hold in queue order that is not suspended on that date, reaches the hold shelf
 * `handoffDays` later, is collected on day `collectDay` of the pickup period, lent for the
 * loan period and returned `returnOffsetDays` after its due date, and is free again.
 */

export interface WaitAssumptions {
  readonly loanDays: number;
  readonly pickupDays: number;
  /** Return date minus due date assumed for every loan (tuned in bench/estimated-wait.ts). */
  readonly returnOffsetDays: number;
  /** Day of the pickup period (1 = the ready date) the patron is assumed to collect on. */
  readonly collectDay: number;
  /** Days from a copy being free to it standing on the pickup branch's hold shelf. */
  readonly handoffDays: number;
}

/** Tuned to the simulated borrowing of bench/estimated-wait.ts (see decision 016). */
export const defaultWaitAssumptions: WaitAssumptions = {
  loanDays: LOAN_DAYS,
  pickupDays: DEFAULT_PICKUP_DAYS,
  returnOffsetDays: 0,
  collectDay: 2,
  handoffDays: 1,
};

/** A copy of the title as the estimate needs it. */
export interface WaitCopy {
  readonly category: ItemCategory;
  readonly status: ItemStatus;
  /** ON_LOAN: the loan's due date. */
  readonly dueDate?: string;
  /** IN_TRANSIT or ON_HOLD_SHELF for a hold: that hold's ready date and pickup deadline, when known. */
  readonly assigned?: { readonly readyDate?: string; readonly pickupDeadline?: string };
}

/** A hold still waiting for a copy, in queue order. */
export interface WaitingHold {
  readonly holdId: string;
  /** SPEC 10.1: takes no copy before this JST date. */
  readonly suspendedUntil?: string | null;
}

const DAY_MS = 86_400_000;
const toDay = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Each hold's estimated ready date (YYYY-MM-DD), or null for all when no copy can ever fill
 * them (reference-only or missing copies only). `holds` are the title's holds that wait, in
 * queue order; a hold placed now is simply the last of them.
 */
export const estimateReadyDates = (input: {
  readonly today: string;
  readonly holds: readonly WaitingHold[];
  readonly copies: readonly WaitCopy[];
  readonly assumptions?: WaitAssumptions;
}): Map<string, string | null> => {
  const a = input.assumptions ?? defaultWaitAssumptions;
  const today = toDay(input.today);
  const result = new Map<string, string | null>();
  /** Free again after a copy reached the hold shelf on `ready`: collected, lent, returned. */
  const freeAfterReady = (ready: number, deadline = ready + a.pickupDays) =>
    Math.max(today, Math.min(ready + a.collectDay - 1, deadline) + a.loanDays + a.returnOffsetDays);
  const freeAt = (copy: WaitCopy): number => {
    switch (copy.status) {
      case 'ON_LOAN':
        return Math.max(today, (copy.dueDate ? toDay(copy.dueDate) : today) + a.returnOffsetDays);
      case 'IN_TRANSIT':
        return copy.assigned ? freeAfterReady(today + a.handoffDays) : today;
      case 'ON_HOLD_SHELF': {
        if (!copy.assigned) return today;
        const ready = copy.assigned.readyDate ? toDay(copy.assigned.readyDate) : today;
        const deadline = copy.assigned.pickupDeadline ? toDay(copy.assigned.pickupDeadline) : ready + a.pickupDays;
        return freeAfterReady(ready, Math.max(today, deadline));
      }
      default:
        return today;
    }
  };
  const free = input.copies.filter(canFillHolds).map(freeAt);
  if (free.length === 0) {
    for (const hold of input.holds) result.set(hold.holdId, null);
    return result;
  }
  const pending = input.holds.map((h) => ({ holdId: h.holdId, from: h.suspendedUntil ? toDay(h.suspendedUntil) : -Infinity }));
  while (pending.length > 0) {
    const soonest = Math.min(...free);
    const copy = free.indexOf(soonest);
    // A copy free while every hold left is suspended waits on the shelf for the first to resume.
    const day = Math.max(soonest, Math.min(...pending.map((h) => h.from)));
    const taker = pending.findIndex((h) => h.from <= day);
    const [hold] = pending.splice(taker, 1);
    const ready = day + a.handoffDays;
    // biome-ignore lint/style/noNonNullAssertion: day is at least the earliest `from` left, so some hold takes the copy
    result.set(hold!.holdId, fromDay(ready));
    free[copy] = freeAfterReady(ready);
  }
  return notLaterThanBehind(input.holds, result);
};

/**
 * SPEC 10.3: an earlier position never shows a later date. Only a suspended hold can come
 * out later than one behind it (that hold takes the copy first); it shows the earliest date
 * of the holds behind it instead, which is when it would be ready at the latest if the
 * patron resumed it today (resumed, it would take that copy itself).
 */
const notLaterThanBehind = (holds: readonly WaitingHold[], dates: Map<string, string | null>): Map<string, string | null> => {
  let earliestBehind: string | undefined;
  for (const { holdId: id } of [...holds].reverse()) {
    const date = dates.get(id);
    if (!date) continue;
    if (earliestBehind !== undefined && earliestBehind < date) dates.set(id, earliestBehind);
    else earliestBehind = date;
  }
  return dates;
};
