/**
 * Shapes of the staff API answers and inputs (SPEC 7, 11), as the contract declares them
 * (functions/contract/views/staff-*.ts): type-only imports, erased from the bundle, so the
 * console and the server cannot drift apart.
 */
import type * as z from 'zod/mini';
import type { InitialPassword, RenewAnswer } from '../../functions/contract/views/staff-patron';

export type { StaffAccountView as StaffAccount, StaffInput, StaffLoginResult, StaffRoleName as StaffRole } from '../../functions/contract/views/staff-accounts';
export type { CalendarDayInput, Weekday, WeeklyHoursInput, WeeklyHoursView as WeeklyHours } from '../../functions/contract/views/staff-calendar';
export type { CreatedItemView as CreatedItem, ItemInput } from '../../functions/contract/views/staff-catalog';
export type {
  CheckinResult,
  CheckoutResult as Loan,
  ContactListEntry as ContactEntry,
  PassedOverHold as PassedOver,
  PullListEntry as PullEntry,
} from '../../functions/contract/views/staff-checkin';
export type { JobNameValue as JobName, JobRunView as JobRun, RunRequestedAnswer } from '../../functions/contract/views/staff-jobs';
export type {
  PatronDetail as PatronView,
  PatronHoldView as PatronHold,
  PatronInput,
  PatronLoanView as PatronLoan,
  PatronRecordView as PatronRecord,
  PatronSummaryView as PatronSummary,
  RenewResultView as RenewResult,
} from '../../functions/contract/views/staff-patron';
export type { CounterHoldInput, HoldStateName as HoldStatus, StaffHoldView as StaffHold } from '../../functions/contract/views/staff-queue';

export type InitialPasswordAnswer = z.output<typeof InitialPassword>;
export type RenewAnswerView = z.output<typeof RenewAnswer>;

// The public routes the console calls too: GET /api/branches, /api/catalog/search, /api/catalog/titles/{titleId}.
export type { BranchView as Branch } from '../../functions/contract/views/branch';
export type { SearchItem, SearchResult } from '../../functions/contract/views/search';
export type { CopyView as Copy, TitleDetail } from '../../functions/contract/views/title';
