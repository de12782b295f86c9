/**
 * Shapes of the patron API's answers (SPEC 7), from the HTTP contract itself
 * (functions/contract/): type-only imports, so nothing of zod reaches the bundle and no
 * answer type is copied by hand. The names are the ones this app has always used.
 */
export type { BasketEntry, BasketReserveResult, ResultError } from '../../functions/contract/views/basket';
export type { BranchView as Branch } from '../../functions/contract/views/branch';
export type { HoldStatus, HoldView as Hold } from '../../functions/contract/views/hold';
export type { LoanView as Loan, RenewalRefusal as RenewRefusal, RenewResult } from '../../functions/contract/views/loan';
export type { ContactMethod, Profile } from '../../functions/contract/views/profile';
export type { SearchItem, SearchResult } from '../../functions/contract/views/search';
export type { PatronStatus } from '../../functions/contract/views/status';
export type {
  BranchAvailability,
  CopyView as Copy,
  HoldRefusalReason,
  ItemCategory,
  ItemStatus,
  MaterialType,
  TitleDetail,
} from '../../functions/contract/views/title';
export type { LoginAnswer as LoginResult } from '../../functions/contract/public';
