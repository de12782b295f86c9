/** Shapes of the staff API answers (SPEC 7; functions/http/staff/*.ts). */
export interface Branch {
  code: string;
  name: string;
  phone?: string;
}

/** For a copy going to a hold, whose hold it is (the hold-shelf slip, SPEC 11). */
/** SPEC 10.1 / 10.2: a hold ahead in the queue that the copy passed over, and why. */
export interface PassedOver {
  holdId: string;
  reason: 'SUSPENDED' | 'WAITS_FOR';
}

export type CheckinResult = { titleId?: string; title?: string; cardNumber?: string; patronName?: string; pickupBranch?: string; passedOver?: PassedOver[] } & (
  | { action: 'SHELVE'; branch?: string }
  | { action: 'HOLD_SHELF'; holdId: string; pickupDeadline?: string }
  | { action: 'TRANSIT'; toBranch: string; holdId?: string }
);

export interface Loan {
  itemId: string;
  titleId: string;
  title: string;
  dueDate: string;
  holdId?: string;
}

export interface PullEntry {
  holdId: string;
  titleId: string;
  itemId: string;
  title: string;
  author: string | null;
  /** 請求記号 of the copy on the shelf. */
  callNumber: string | null;
  /** The branch whose shelf has the copy. */
  shelfBranch: string;
  /** The hold's card number with all but the last four digits hidden. */
  cardNumberMasked: string;
  pickupBranch: string;
  requestedAt: string;
}

export interface ContactEntry {
  holdId: string;
  cardNumber: string;
  name: string;
  phone: string | null;
  titleId: string;
  title: string;
  itemId: string | null;
  pickupBranch: string;
  readyDate: string | null;
  pickupDeadline: string | null;
  /** Why staff call: the patron chose 電話, or mail to their address bounces (SPEC 10.4). */
  reason?: 'PHONE' | 'EMAIL_BOUNCED';
}

export type HoldStatus = 'PROVISIONAL' | 'WAITING' | 'IN_TRANSIT' | 'READY' | 'FULFILLED' | 'CANCELLED' | 'EXPIRED';

export interface StaffHold {
  holdId: string;
  cardNumber: string;
  titleId: string;
  title: string;
  status: HoldStatus;
  statusLabel: string;
  channel: 'ONLINE' | 'COUNTER';
  pickupBranch: string;
  requestedAt: string;
  position?: number;
  /** SPEC 10.3 (WAITING): expected ready date; null when no copy can fill the hold. */
  estimatedReadyDate?: string | null;
  itemId?: string;
  pickupDeadline?: string;
  cancelReason?: string;
  cancelNote?: string;
  /** SPEC 10.1: suspended until this date (null when not). */
  suspendedUntil?: string | null;
  /** SPEC 10.2: place in a reading-order sequence, and the title the hold waits for. */
  sequenceIndex?: number | null;
  sequenceLength?: number | null;
  waitsFor?: string | null;
  waitsForTitle?: string | null;
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

export interface PatronRecord {
  cardNumber: string;
  name: string;
  birthDate: string;
  internetService: boolean;
}

export type JobName = 'hold-registration' | 'pickup-notices' | 'hold-expiry' | 'search-index';

export interface JobRun {
  runId: string;
  trigger: 'schedule' | 'manual';
  schedule: string | null;
  scheduledTime: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  status: 'REQUESTED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  summary: Record<string, unknown> | null;
}

/** SPEC 2: per weekday (sun … sat), the hours or `null` for closed. */
export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export type WeeklyHours = Record<Weekday, { opensAt: string; closesAt: string } | null>;

export interface CalendarDayInput {
  open: boolean;
  opensAt?: string;
  closesAt?: string;
}

/** SPEC 11 staff roles: COUNTER does counter work; ADMIN also accounts, calendar and jobs. */
export type StaffRole = 'ADMIN' | 'COUNTER';

export interface StaffAccount {
  staffId: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  branch?: string;
}

export interface PatronSummary {
  cardNumber: string;
  name: string;
}

/** A loan as the patron's status page shows it (SPEC 6). */
export interface PatronLoan {
  itemId: string;
  titleId: string;
  title: string;
  dueDate: string;
  overdue: boolean;
  renewed: boolean;
  renewable: boolean;
  reasons: string[];
  /** The due date a renewal today would give, and whether that is later than `dueDate` (SPEC 6). */
  renewalDueDate: string;
  renewalExtends: boolean;
}

/** A hold as the patron's status page shows it (SPEC 7). */
export interface PatronHold {
  holdId: string;
  titleId: string;
  title: string;
  status: HoldStatus;
  statusLabel: string;
  pickupBranch: string;
  requestedAt: string;
  position?: number;
  /** SPEC 10.3 (WAITING): expected ready date; null when no copy can fill the hold. */
  estimatedReadyDate?: string | null;
  pickupDeadline?: string;
  /** The copy assigned (IN_TRANSIT, READY): the counter fetches it from the hold shelf. */
  itemId?: string;
  cancellable: boolean;
  /** SPEC 10.1 / 10.2 */
  suspendedUntil?: string | null;
  waitsFor?: string | null;
  waitsForTitle?: string | null;
}

export interface PatronView {
  profile: {
    cardNumber: string;
    name: string;
    birthDate: string;
    phone?: string;
    email?: string;
    contactMethod: 'EMAIL' | 'PHONE' | 'NONE';
    internetService: boolean;
    emailStatus?: 'OK' | 'BOUNCING';
  };
  loans: PatronLoan[];
  holds: PatronHold[];
  holdLimit: number;
  activeHolds: number;
}

export interface RenewResult {
  itemId: string;
  ok: boolean;
  dueDate?: string;
  error?: { code: string; message: string; reasons: string[] };
}
