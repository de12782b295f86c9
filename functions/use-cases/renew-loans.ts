import type { Deps } from '../common/deps.js';
import type { Lang } from '../common/messages.js';
import { renderAppError } from '../common/http/render-error.js';
import { AppError } from '../common/errors.js';
import { outboxEvent } from '../contract/events.js';
import { holdsBlockRenewal, renewalRefusals, renewedDueDate, type RenewalRefusal } from '../domain/fulfilment.js';
import { tokyoDate } from '../domain/tokyo-time.js';
import type { Loan } from '../store/patron-records.js';
import { events } from '../wiring.js';
import type { RenewResult } from '../contract/views/loan.js';

/** SPEC 6: does any hold on the title still wait for a copy? */
const titleHasWaitingHolds = async (deps: Deps, titleId: string) => holdsBlockRenewal(await deps.store.holds.queue(titleId));

/** Every reason a loan cannot be renewed today (SPEC 6), for the status page and renewal. */
export const loanRefusals = async (deps: Deps, loan: Loan, today: string): Promise<RenewalRefusal[]> => {
  const item = await deps.store.catalog.getItem(loan.itemId);
  return renewalRefusals(
    { dueDate: loan.dueDate, renewed: loan.renewed, interlibrary: item?.interlibrary ?? false, titleHasWaitingHolds: await titleHasWaitingHolds(deps, loan.titleId) },
    today,
  );
};

/**
 * SPEC 6 renewal of several loans at once: each gets its own result. Only the borrower's own
 * loans are found; a renewed loan is due renewal day + 14; LoanRenewed is written with it.
 */
export const renewLoans = async (deps: Deps, cardNumber: string, itemIds: readonly string[], lang: Lang) => {
  const now = deps.clock.now();
  const today = tokyoDate(now);
  const loans = new Map((await deps.store.patronRecords.all(cardNumber, now)).loans.map((l) => [l.itemId, l]));
  const results: RenewResult[] = [];
  for (const itemId of [...new Set(itemIds)]) {
    const loan = loans.get(itemId);
    if (!loan) {
      const { error } = renderAppError(new AppError(404, 'NOT_FOUND'), lang);
      results.push({ itemId, ok: false, error: { code: 'NOT_FOUND', message: error.message, reasons: ['NOT_FOUND'] } });
      continue;
    }
    const reasons = await loanRefusals(deps, loan, today);
    const [first] = reasons;
    if (first) {
      const { error } = renderAppError(new AppError(409, first), lang);
      results.push({ itemId, ok: false, error: { code: first, message: error.message, reasons } });
      continue;
    }
    const dueDate = renewedDueDate(today);
    const event = outboxEvent(events.detailTypes.loanRenewed, { itemId, titleId: loan.titleId, dueDate, previousDueDate: loan.dueDate, at: now.toISOString() });
    if (!(await deps.store.circulation.renew(cardNumber, loan, dueDate, [event], now))) {
      results.push({
        itemId,
        ok: false,
        error: { code: 'ALREADY_RENEWED', message: renderAppError(new AppError(409, 'ALREADY_RENEWED'), lang).error.message, reasons: ['ALREADY_RENEWED'] },
      });
      continue;
    }
    results.push({ itemId, ok: true, dueDate });
  }
  return results;
};
