import type { Deps } from '../common/deps.js';
import type { Lang } from '../common/messages.js';
import { isActive } from '../domain/holds.js';
import type { PatronRecords } from '../store/patron-records.js';
import { holdViews } from './hold-view.js';
import { loanViews } from './loan-view.js';

/**
 * SPEC 6 利用状況: loans (with whether each can be renewed) and holds (active first) as the
 * patron's status page shows them. Staff see exactly this for a patron (SPEC 11).
 */
export const loansAndHolds = async (deps: Deps, records: PatronRecords, now: Date, lang: Lang) => {
  const holds = await holdViews(deps, records.holds, lang);
  return {
    loans: await loanViews(deps, records.loans, now),
    holds: [...holds.filter((h) => isActive(h.status)), ...holds.filter((h) => !isActive(h.status))],
    holdLimit: deps.config.holds.holdLimit,
    activeHolds: records.holds.filter((h) => isActive(h.status)).length,
  };
};
