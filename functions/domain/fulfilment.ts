import type { CalendarDay } from './calendar.js';
import type { ItemCategory, ItemStatus } from './catalog.js';
import type { HoldState } from './holds.js';
import { addDays, tokyoInstant } from './tokyo-time.js';

/** SPEC 5.4: days a READY copy waits on the hold shelf (configurable). */
export const DEFAULT_PICKUP_DAYS = 7;

/** The deadline before moving it to an open date: notice (or ready) date + pickupDays. */
export const deadlineBase = (input: { readyDate: string; getsMail: boolean; noticeDate: string; pickupDays: number }): string =>
  addDays(input.getsMail ? input.noticeDate : input.readyDate, input.pickupDays);

/**
 * SPEC 5.4 期限日: the notice date (for patrons who get mail) or the ready date, plus
 * `pickupDays`, moved forward to the pickup branch's next open date. The notice goes out on
 * the first opening day after the ready date (SPEC 5.6), so it is known when the copy
 * arrives and the same date appears in the staff answer, on the status page and in the mail.
 */
export const pickupDeadline = (input: {
  readyDate: string;
  getsMail: boolean;
  /** First opening day (any branch) after the ready date. */
  noticeDate: string;
  /** The pickup branch's days from (ready date + pickupDays) on, in date order. */
  pickupBranchDays: readonly CalendarDay[];
  pickupDays: number;
}): string => {
  const base = deadlineBase(input);
  const open = input.pickupBranchDays.find((day) => day.date >= base && day.open);
  return open?.date ?? base;
};

/** A copy that can fill a hold: lendable, and not missing. */
export const canFillHolds = (copy: { category: ItemCategory; status: ItemStatus }): boolean => copy.category !== 'REFERENCE_ONLY' && copy.status !== 'MISSING';

/**
 * A copy in staff's hands at check-in can fill a hold whatever its recorded status: a copy
 * recorded MISSING that turns up is found, and goes to the first waiting hold like any other.
 */
export const scannedCopyCanFillHolds = (copy: { category: ItemCategory }): boolean => copy.category !== 'REFERENCE_ONLY';

export interface PullCandidate {
  readonly holdId: string;
  readonly titleId: string;
  readonly title: string;
  readonly pickupBranch: string;
  /** ISO instant of the request (SPEC 5.2), which also orders the title's queue. */
  readonly requestedAt: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A title's queue order (SPEC 5.3): request time, then hold id, as the queue index sorts. */
export const byQueueOrder = (a: Pick<PullCandidate, 'requestedAt' | 'holdId'>, b: Pick<PullCandidate, 'requestedAt' | 'holdId'>): number =>
  compare(a.requestedAt, b.requestedAt) || compare(a.holdId, b.holdId);

/**
 * SPEC 5.4 (as corrected to follow the guide): on-shelf copies are searched for a hold from
 * the opening day after its request, so `date`'s lists hold the WAITING holds requested
 * before that day began, including those the 07:00 run registered that morning.
 */
export const requestedBeforeDay = <H extends Pick<PullCandidate, 'requestedAt'>>(holds: readonly H[], date: string): H[] => {
  const dayStarts = tokyoInstant(date).getTime();
  return holds.filter((hold) => Date.parse(hold.requestedAt) < dayStarts);
};

export interface ShelfCopy {
  readonly itemId: string;
  readonly titleId: string;
  readonly branch: string;
}

export type PullEntry<H extends PullCandidate = PullCandidate> = H & { readonly itemId: string; readonly branch: string };

/**
 * SPEC 5.4 pull lists (書架状態の本をお探し) for every branch at once, so one hold appears on
 * one list: each title's holds in queue order (request time) take a copy on a shelf,
 * preferring one at the hold's pickup branch, else the first branch in the library's order;
 * a copy serves once.
 */
export const planPullLists = <H extends PullCandidate>(
  holds: readonly H[],
  shelfCopies: readonly ShelfCopy[],
  branchOrder: readonly string[],
): Map<string, PullEntry<H>[]> => {
  const rank = (branch: string) => {
    const index = branchOrder.indexOf(branch);
    return index < 0 ? branchOrder.length : index;
  };
  const free = new Map<string, ShelfCopy[]>();
  for (const copy of [...shelfCopies].sort((a, b) => rank(a.branch) - rank(b.branch) || a.itemId.localeCompare(b.itemId))) {
    free.set(copy.titleId, [...(free.get(copy.titleId) ?? []), copy]);
  }
  const lists = new Map<string, PullEntry<H>[]>();
  const inQueueOrder = [...holds].sort(byQueueOrder);
  for (const hold of inQueueOrder) {
    const copies = free.get(hold.titleId);
    if (!copies?.length) continue;
    const index = Math.max(
      0,
      copies.findIndex((c) => c.branch === hold.pickupBranch),
    );
    const [copy] = copies.splice(index, 1) as [ShelfCopy];
    lists.set(copy.branch, [...(lists.get(copy.branch) ?? []), { ...hold, itemId: copy.itemId, branch: copy.branch }]);
  }
  return lists;
};

type Shelved = { readonly callNumber?: string | null; readonly itemId: string };

/**
 * SPEC 5.4: the order a clerk walks the shelf — by 請求記号 as the shelf is arranged: the NDC
 * class number as a decimal (007.6 < 146.8 < 913.6 < 913.68 < 914), then the author mark in
 * kana order; labels without a class number (E, K) after them, copies without a label last,
 * and the barcode to keep the printed list stable.
 */
export const byShelfOrder = (a: Shelved, b: Shelved): number => {
  if (!a.callNumber || !b.callNumber) return Number(!a.callNumber) - Number(!b.callNumber) || compare(a.itemId, b.itemId);
  return shelfKeyCompare(a.callNumber, b.callNumber) || compare(a.itemId, b.itemId);
};

const CLASS_NUMBER = /^\d+(?:\.\d+)?/;

const shelfKeyCompare = (a: string, b: string): number => {
  const [ma, mb] = [CLASS_NUMBER.exec(a), CLASS_NUMBER.exec(b)];
  if (ma && mb) return Number(ma[0]) - Number(mb[0]) || a.localeCompare(b, 'ja');
  if (ma || mb) return ma ? -1 : 1;
  return a.localeCompare(b, 'ja');
};

/** SPEC 6: holds that still wait for a copy block renewal of every loan of their title. */
const RENEWAL_BLOCKING: readonly HoldState[] = ['PROVISIONAL', 'WAITING'];

export const holdsBlockRenewal = (titleHolds: readonly { status: HoldState }[]): boolean => titleHolds.some((hold) => RENEWAL_BLOCKING.includes(hold.status));

/** SPEC 6 renewal refusals, all that apply, in the SPEC's order. */
export type RenewalRefusal = 'HAS_HOLDS' | 'INTERLIBRARY' | 'ALREADY_RENEWED' | 'OVERDUE';

export const renewalRefusals = (loan: { dueDate: string; renewed: boolean; interlibrary: boolean; titleHasWaitingHolds: boolean }, today: string): RenewalRefusal[] => {
  const reasons: RenewalRefusal[] = [];
  if (loan.titleHasWaitingHolds) reasons.push('HAS_HOLDS');
  if (loan.interlibrary) reasons.push('INTERLIBRARY');
  if (loan.renewed) reasons.push('ALREADY_RENEWED');
  if (loan.dueDate < today) reasons.push('OVERDUE');
  return reasons;
};

/** SPEC 6: the renewed loan is due on the 15th day counting the renewal day, open or not. */
export const renewedDueDate = (today: string): string => addDays(today, 14);

/**
 * SPEC 6: what renewing today would give. The API accepts a renewal that does not move the
 * due date (on the checkout day), but it spends the only renewal, so clients must not offer it.
 */
export const renewalPreview = (dueDate: string, today: string) => {
  const renewalDueDate = renewedDueDate(today);
  return { renewalDueDate, renewalExtends: renewalDueDate > dueDate };
};
