/** Shapes of the patron API's answers (SPEC 7), as far as this app reads them. */

export interface Branch {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly phone?: string;
}

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly passwordIsInitial: boolean;
}

export type MaterialType = 'BOOK' | 'MAGAZINE' | 'AV';
export type HoldRefusalReason = 'NOT_HOLDABLE' | 'COUNTER_ONLY' | 'LONG_OVERDUE';

export interface BranchAvailability {
  readonly branch: string;
  readonly copies: number;
  readonly available: number;
}

export interface SearchItem {
  readonly titleId: string;
  readonly title: string;
  readonly author: string | null;
  readonly publisher: string | null;
  readonly year: number | null;
  readonly isbn: string | null;
  readonly materialType: MaterialType;
  readonly subtype: string | null;
  readonly series: string | null;
  readonly volume: string | null;
  readonly holdable: boolean;
  readonly reason: HoldRefusalReason | null;
  readonly copies: number;
  readonly available: number;
  readonly availability: readonly BranchAvailability[];
}

export interface SearchResult {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly SearchItem[];
}

export type ItemStatus = 'ON_SHELF' | 'ON_LOAN' | 'IN_TRANSIT' | 'ON_HOLD_SHELF' | 'MISSING';
export type ItemCategory = 'NORMAL' | 'REFERENCE_ONLY' | 'CONTEST' | 'LATEST_ISSUE';

export interface Copy {
  readonly itemId: string;
  readonly branch: string;
  readonly location?: string;
  readonly category: ItemCategory;
  readonly status: ItemStatus;
  readonly interlibrary?: boolean;
  /** 請求記号: the label on the spine, to find the copy on an open shelf. */
  readonly callNumber?: string | null;
}

export interface TitleDetail {
  readonly titleId: string;
  readonly title: string;
  readonly titleReading?: string;
  readonly author?: string;
  readonly authorReading?: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly isbn?: string;
  readonly materialType: MaterialType;
  readonly subtype?: string;
  readonly series?: string;
  readonly volume?: string;
  readonly copies: readonly Copy[];
  readonly availability: { readonly copies: number; readonly available: number; readonly branches: readonly BranchAvailability[] };
  readonly holdable: boolean;
  readonly reason: HoldRefusalReason | null;
  readonly waiting: number;
  /** SPEC 10.3: the expected ready date of a hold placed now. */
  readonly estimatedReadyDate?: string | null;
}

export type ContactMethod = 'EMAIL' | 'PHONE' | 'NONE';

export interface Profile {
  readonly cardNumber: string;
  readonly name: string;
  readonly email: string | null;
  /** The number on file, called for 電話 (entered at the counter). */
  readonly phone?: string | null;
  readonly contactMethod: ContactMethod;
  readonly contactConfigured?: boolean;
  readonly emailWarning: string | null;
  readonly passwordIsInitial?: boolean;
  /** SPEC 10.4: BOUNCING when mail to `email` did not arrive; null without an address. */
  readonly emailStatus?: 'OK' | 'BOUNCING' | null;
}

export type HoldStatus = 'PROVISIONAL' | 'WAITING' | 'IN_TRANSIT' | 'READY' | 'FULFILLED' | 'CANCELLED' | 'EXPIRED';

export interface Hold {
  readonly holdId: string;
  readonly titleId: string;
  readonly title: string;
  readonly status: HoldStatus;
  readonly statusLabel: string;
  readonly pickupBranch: string;
  readonly requestedAt: string;
  readonly position?: number;
  /** SPEC 10.3 (WAITING): the expected ready date; null when no copy can fill the hold. */
  readonly estimatedReadyDate?: string | null;
  readonly registersAt?: string;
  readonly pickupDeadline?: string;
  readonly cancellable: boolean;
  readonly cancelReason?: string;
  readonly cancelNote?: string;
  readonly finishedAt?: string;
  /** SPEC 10.1: paused until this date (null when not). */
  readonly suspendedUntil?: string | null;
  /** SPEC 10.2: place in a reading-order sequence; `waitsFor` the titleId it waits for. */
  readonly sequenceId?: string | null;
  readonly sequenceIndex?: number | null;
  readonly sequenceLength?: number | null;
  readonly waitsFor?: string | null;
}

export type RenewRefusal = 'HAS_HOLDS' | 'INTERLIBRARY' | 'ALREADY_RENEWED' | 'OVERDUE';

export interface Loan {
  readonly itemId: string;
  readonly titleId: string;
  readonly title: string;
  readonly dueDate: string;
  readonly overdue?: boolean;
  readonly renewed: boolean;
  readonly renewable: boolean;
  readonly reasons: readonly string[];
  /** The due date a renewal today would give (SPEC 6: the renewal day counts as day 1). */
  readonly renewalDueDate?: string;
  /** False when a renewal today would not move the due date: it would spend the only renewal for nothing. */
  readonly renewalExtends?: boolean;
}

export interface BasketEntry {
  readonly titleId: string;
  readonly title: string;
  readonly addedAt: string;
}

export interface PatronStatus {
  readonly loans: readonly Loan[];
  readonly holds: readonly Hold[];
  readonly basket: readonly BasketEntry[];
  readonly holdLimit: number;
  readonly activeHolds?: number;
}

export interface ResultError {
  readonly code: string;
  readonly message: string;
  readonly reasons?: readonly string[];
}

export interface BasketReserveResult {
  readonly titleId: string;
  readonly ok: boolean;
  readonly holdId?: string;
  /** When the registration run will register the provisional hold. */
  readonly registersAt?: string;
  readonly error?: ResultError;
}

export interface RenewResult {
  readonly itemId: string;
  readonly ok: boolean;
  readonly dueDate?: string;
  readonly error?: ResultError;
}
