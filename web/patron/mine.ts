/**
 * What the signed-in patron already has of each title (issue 10.4): an active hold or a loan,
 * from GET /api/me/status. The app fetches it once per page (and after each action that
 * changes it) and every page reads it here, so a title says 予約済み / 貸出中 wherever it
 * appears and is not offered for reserving again.
 */
import type { HoldStatus, PatronStatus } from './types';

export type MyTitle =
  | {
      readonly kind: 'hold';
      readonly status: HoldStatus;
      readonly statusLabel: string;
      readonly position?: number;
      readonly registersAt?: string;
    }
  | { readonly kind: 'loan'; readonly dueDate: string };

const ACTIVE: ReadonlySet<HoldStatus> = new Set(['PROVISIONAL', 'WAITING', 'IN_TRANSIT', 'READY']);

/** titleId → what the patron has; a loan wins over a hold of the same title. */
export const myTitles = (status: PatronStatus): ReadonlyMap<string, MyTitle> => {
  const mine = new Map<string, MyTitle>();
  for (const h of status.holds) {
    if (ACTIVE.has(h.status)) {
      mine.set(h.titleId, { kind: 'hold', status: h.status, statusLabel: h.statusLabel, position: h.position, registersAt: h.registersAt });
    }
  }
  for (const loan of status.loans) mine.set(loan.titleId, { kind: 'loan', dueDate: loan.dueDate });
  return mine;
};
