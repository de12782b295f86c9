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

/*
 * Answers of the public routes the console also calls (GET /api/branches, /api/catalog/search,
 * /api/catalog/titles/{titleId}); their contracts are the public ones (functions/contract/public.ts).
 */
export interface Branch {
  code: string;
  name: string;
  phone?: string;
}

export interface SearchItem {
  titleId: string;
  title: string;
  author?: string | null;
  publisher?: string | null;
  year?: number | null;
  materialType: string;
  holdable: boolean;
  reason: string | null;
  copies: number;
  available: number;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: SearchItem[];
}

export interface Copy {
  itemId: string;
  branch: string;
  location: string;
  category: 'NORMAL' | 'REFERENCE_ONLY' | 'CONTEST' | 'LATEST_ISSUE';
  status: 'ON_SHELF' | 'ON_LOAN' | 'IN_TRANSIT' | 'ON_HOLD_SHELF' | 'MISSING';
  interlibrary: boolean;
  callNumber?: string | null;
}

export interface TitleDetail {
  titleId: string;
  title: string;
  author?: string;
  publisher?: string;
  year?: number;
  isbn?: string;
  materialType: string;
  series?: string;
  volume?: string | number;
  copies: Copy[];
  holdable: boolean;
  reason: string | null;
  waiting: number;
}
