import type { Deps } from '../common/deps.js';
import type { Loan } from '../store/patron-records.js';

/** Loans as the patron sees them (SPEC 6); renewal rules arrive with the fulfilment issue. */
export const loanViews = async (_deps: Deps, loans: readonly Loan[], _now: Date) =>
  [...loans]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((loan) => ({
      itemId: loan.itemId,
      titleId: loan.titleId,
      title: loan.title,
      dueDate: loan.dueDate,
      renewed: loan.renewed,
      renewable: false,
      reasons: [] as string[],
    }));
