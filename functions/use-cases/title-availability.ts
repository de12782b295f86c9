import { categoryRefusal, isLongOverdue, type HoldPolicy } from '../domain/holds.js';
import type { StoredItem } from '../store/catalog.js';

/** Whether a title can be reserved online, and why not (SPEC 4 "holdable", rules 1 and 4). */
export const onlineHoldability = (copies: readonly StoredItem[], today: string, policy: HoldPolicy) => {
  const reason = categoryRefusal(copies, 'online') ?? (isLongOverdue(copies, today, policy) ? ('LONG_OVERDUE' as const) : undefined);
  return reason ? { holdable: false as const, reason } : { holdable: true as const, reason: null };
};

/** Copies and copies on the shelf, per branch and in all. */
export const availabilityByBranch = (copies: readonly StoredItem[]) => {
  const byBranch = new Map<string, { branch: string; copies: number; available: number }>();
  for (const copy of copies) {
    if (copy.status === 'MISSING') continue;
    const entry = byBranch.get(copy.branch) ?? { branch: copy.branch, copies: 0, available: 0 };
    entry.copies += 1;
    if (copy.status === 'ON_SHELF') entry.available += 1;
    byBranch.set(copy.branch, entry);
  }
  const branches = [...byBranch.values()];
  return {
    copies: branches.reduce((n, b) => n + b.copies, 0),
    available: branches.reduce((n, b) => n + b.available, 0),
    branches,
  };
};
