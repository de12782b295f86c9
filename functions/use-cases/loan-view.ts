import type { Deps } from '../common/deps.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { Loan } from '../store/patron-records.js';
import { renewalPreview } from '../domain/fulfilment.js';
import { loanRefusals } from './renew-loans.js';
import type { LoanView } from '../contract/views/loan.js';

/**
 * Loans as the patron sees them (SPEC 6, 7): due date, renewed, renewable and every reason
 * not, and the due date a renewal today would give and whether that moves the date at all.
 */
export const loanViews = async (deps: Deps, loans: readonly Loan[], now: Date): Promise<LoanView[]> => {
  const today = tokyoDate(now);
  return Promise.all(
    [...loans]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map(async (loan): Promise<LoanView> => {
        const reasons = await loanRefusals(deps, loan, today);
        return {
          itemId: loan.itemId,
          titleId: loan.titleId,
          title: loan.title,
          dueDate: loan.dueDate,
          overdue: loan.dueDate < today,
          renewed: loan.renewed,
          renewable: reasons.length === 0,
          reasons,
          ...renewalPreview(loan.dueDate, today),
        };
      }),
  );
};
