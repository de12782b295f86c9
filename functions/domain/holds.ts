import type { Item, ItemCategory } from './catalog.js';
import { addDays } from './tokyo-time.js';

/** SPEC 5.1 hold states. */
export const HOLD_STATES = ['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY', 'FULFILLED', 'CANCELLED', 'EXPIRED'] as const;
export type HoldState = (typeof HOLD_STATES)[number];

export const ACTIVE_STATES: readonly HoldState[] = ['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY'];
export const PATRON_CANCELLABLE: readonly HoldState[] = ['PROVISIONAL', 'WAITING'];

export const stateLabels: Record<HoldState, { ja: string; en: string }> = {
  PROVISIONAL: { ja: '仮予約', en: 'Provisional' },
  WAITING: { ja: '予約中', en: 'Waiting' },
  IN_TRANSIT: { ja: '回送中', en: 'In transit' },
  READY: { ja: '取置中', en: 'Ready for pickup' },
  FULFILLED: { ja: '貸出済', en: 'Borrowed' },
  CANCELLED: { ja: '取消', en: 'Cancelled' },
  EXPIRED: { ja: '期限切れ', en: 'Expired' },
};

export const isActive = (state: HoldState): boolean => ACTIVE_STATES.includes(state);

/** SPEC 5.2 limits, configurable. */
export interface HoldPolicy {
  readonly holdLimit: number;
  readonly longOverdueDays: number;
}
export const defaultHoldPolicy: HoldPolicy = { holdLimit: 15, longOverdueDays: 30 };

export type HoldRefusal = 'NOT_HOLDABLE' | 'COUNTER_ONLY' | 'ALREADY_ON_LOAN' | 'ALREADY_HELD' | 'LONG_OVERDUE' | 'HOLD_LIMIT' | 'INVALID_BRANCH' | 'NOT_FOUND';

/** A copy as the hold rules need it; `dueDate` only while on loan. */
export type CopyFacts = Pick<Item, 'category' | 'status'> & { readonly dueDate?: string };

const COUNTER_CATEGORIES: readonly ItemCategory[] = ['CONTEST', 'LATEST_ISSUE'];
const present = (copy: CopyFacts) => copy.status !== 'MISSING';

/**
 * SPEC 5.2 rule 1: online holds need a NORMAL copy. A title with contest or latest-issue
 * copies only is held at the counter; anything else (reference only, no copies) not at all.
 * `channel: 'counter'` allows contest and latest-issue copies (SPEC 7 POST /admin/holds).
 */
export const categoryRefusal = (copies: readonly CopyFacts[], channel: 'online' | 'counter'): 'NOT_HOLDABLE' | 'COUNTER_ONLY' | undefined => {
  const available = copies.filter(present);
  if (available.some((c) => c.category === 'NORMAL')) return undefined;
  if (available.some((c) => COUNTER_CATEGORIES.includes(c.category))) return channel === 'counter' ? undefined : 'COUNTER_ONLY';
  return 'NOT_HOLDABLE';
};

/** Copies that can be lent at all: not reference-only, not missing. */
export const lendableCopies = (copies: readonly CopyFacts[]): CopyFacts[] => copies.filter((c) => present(c) && c.category !== 'REFERENCE_ONLY');

/**
 * SPEC 5.2 rule 4: the title has exactly one lendable copy, it is on loan, and its due
 * date is more than `longOverdueDays` days before today.
 */
export const isLongOverdue = (copies: readonly CopyFacts[], today: string, policy: HoldPolicy): boolean => {
  const lendable = lendableCopies(copies);
  if (lendable.length !== 1) return false;
  const [only] = lendable as [CopyFacts];
  return only.status === 'ON_LOAN' && only.dueDate !== undefined && only.dueDate < addDays(today, -policy.longOverdueDays);
};

/** SPEC 5.2 rules 1, 2 and 4 (rules 3 and 5 are storage conditions; 6 is input). */
export const holdRefusal = (
  facts: { copies: readonly CopyFacts[]; patronHasTitleOnLoan: boolean; today: string },
  channel: 'online' | 'counter',
  policy: HoldPolicy,
): HoldRefusal | undefined =>
  categoryRefusal(facts.copies, channel) ??
  (facts.patronHasTitleOnLoan ? 'ALREADY_ON_LOAN' : undefined) ??
  (isLongOverdue(facts.copies, facts.today, policy) ? 'LONG_OVERDUE' : undefined);

/** SPEC 5.3: the re-check at registration (rules 2–4; 3 is guaranteed by the marker). */
export const registrationRefusal = (
  facts: { copies: readonly CopyFacts[]; patronHasTitleOnLoan: boolean; today: string },
  policy: HoldPolicy,
): 'ALREADY_ON_LOAN' | 'LONG_OVERDUE' | undefined =>
  facts.patronHasTitleOnLoan ? 'ALREADY_ON_LOAN' : isLongOverdue(facts.copies, facts.today, policy) ? 'LONG_OVERDUE' : undefined;
