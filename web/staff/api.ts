/**
 * The staff API as this console calls it: one client (token in sessionStorage under
 * 'staff-token'), one typed function per route.
 */
import { createApiClient, type ApiClient } from '../shared/api';
import type {
  Branch,
  CalendarDayInput,
  CheckinResult,
  ContactEntry,
  CounterHoldInput,
  CreatedItem,
  InitialPasswordAnswer,
  ItemInput,
  JobName,
  JobRun,
  Loan,
  PatronInput,
  PatronRecord,
  PatronSummary,
  PatronView,
  PullEntry,
  RenewAnswerView,
  RunRequestedAnswer,
  SearchResult,
  StaffAccount,
  StaffHold,
  StaffInput,
  StaffLoginResult,
  TitleDetail,
  WeeklyHours,
  WeeklyHoursInput,
} from './types';

export const TOKEN_KEY = 'staff-token';

let unauthorized: () => void = () => undefined;
/** The app registers what to do when the token is refused (back to login). */
export const onUnauthorized = (handler: () => void): void => {
  unauthorized = handler;
};

export const client: ApiClient = createApiClient(
  TOKEN_KEY,
  () => 'ja',
  () => unauthorized(),
);

const seg = encodeURIComponent;
const query = (params: Record<string, string | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const api = {
  login: (staffId: string, password: string) => client.request<StaffLoginResult>('POST', '/admin/login', { staffId, password }),
  branches: () => client.request<Branch[]>('GET', '/api/branches'),
  checkin: (itemId: string, branch: string) => client.request<CheckinResult>('POST', '/admin/checkin', { itemId, branch }),
  checkout: (cardNumber: string, itemId: string, branch?: string) =>
    client.request<Loan>('POST', '/admin/checkout', { cardNumber, itemId, ...(branch ? { branch } : {}) }),
  pullList: (branch: string, date?: string) => client.request<PullEntry[]>('GET', `/admin/pull-list${query({ branch, date })}`),
  contactList: (branch: string) => client.request<ContactEntry[]>('GET', `/admin/contact-list${query({ branch })}`),
  registerPatron: (body: PatronInput) => client.request<PatronRecord>('POST', '/admin/patrons', body),
  lookupPatrons: (q: string) => client.request<PatronSummary[]>('GET', `/admin/patrons${query({ q })}`),
  patron: (cardNumber: string) => client.request<PatronView>('GET', `/admin/patrons/${seg(cardNumber)}`),
  renewForPatron: (cardNumber: string, itemIds: string[]) => client.request<RenewAnswerView>('POST', `/admin/patrons/${seg(cardNumber)}/loans/renew`, { itemIds }),
  staffAccounts: () => client.request<StaffAccount[]>('GET', '/admin/staff'),
  createStaff: (body: StaffInput) => client.request<StaffAccount>('POST', '/admin/staff', body),
  disableStaff: (staffId: string) => client.request<void>('DELETE', `/admin/staff/${seg(staffId)}`),
  issuePassword: (cardNumber: string) => client.request<InitialPasswordAnswer>('POST', `/admin/patrons/${seg(cardNumber)}/internet-password`),
  counterHold: (cardNumber: string, titleId: string, pickupBranch: string) =>
    client.request<StaffHold>('POST', '/admin/holds', { cardNumber, titleId, pickupBranch } satisfies CounterHoldInput),
  cancelHold: (holdId: string, reason: string) => client.request<StaffHold>('DELETE', `/admin/holds/${seg(holdId)}`, { reason }),
  suspendHold: (holdId: string, until: string) => client.request<StaffHold>('PUT', `/admin/holds/${seg(holdId)}/suspension`, { until }),
  resumeHold: (holdId: string) => client.request<StaffHold>('DELETE', `/admin/holds/${seg(holdId)}/suspension`),
  queue: (titleId: string) => client.request<StaffHold[]>('GET', `/admin/titles/${seg(titleId)}/queue`),
  title: (titleId: string) => client.request<TitleDetail>('GET', `/api/catalog/titles/${seg(titleId)}`),
  addItem: (body: ItemInput) => client.request<CreatedItem>('POST', '/admin/items', body),
  search: (q: string, page = 1) => client.request<SearchResult>('GET', `/api/catalog/search${query({ q, page: String(page), pageSize: '20' })}`),
  putCalendarDay: (branch: string, date: string, day: CalendarDayInput) => client.request<void>('PUT', `/admin/calendar/${seg(branch)}/${seg(date)}`, day),
  weeklyHours: (branch: string) => client.request<WeeklyHours>('GET', `/admin/branches/${seg(branch)}/hours`),
  putWeeklyHours: (branch: string, hours: WeeklyHoursInput) => client.request<void>('PUT', `/admin/branches/${seg(branch)}/hours`, hours),
  runJob: (job: JobName) => client.request<RunRequestedAnswer>('POST', `/admin/jobs/${seg(job)}/run`),
  jobRuns: (job: JobName) => client.request<JobRun[]>('GET', `/admin/jobs/${seg(job)}/runs`),
};
