import * as z from 'zod/mini';
import { holdParams, refusedState, titleParams } from './path-id.js';
import { contract, empty } from './route-contract.js';
import { instant } from './views/common.js';
import { StaffAccount, StaffBody, StaffLoginAnswer, StaffLoginBody, staffId } from './views/staff-accounts.js';
import { BranchParams, CalendarDayBody, CalendarDayParams, WeeklyHoursAnswer, WeeklyHoursBody } from './views/staff-calendar.js';
import { CreatedItem, ImportBody, ImportReport, ItemBody, TitleBody, TitleCreated } from './views/staff-catalog.js';
import { CheckinAnswer, CheckinBody, CheckoutBody, CheckoutLoan, ContactEntry, ContactListQuery, PullEntry, PullListQuery } from './views/staff-checkin.js';
import { JobParams, JobRun, RunRequested } from './views/staff-jobs.js';
import { CardParams, InitialPassword, LookupQuery, PatronBody, PatronRecord, PatronSummary, PatronView, RenewAnswer, RenewBody } from './views/staff-patron.js';
import { CancelHoldBody, CancelHoldQuery, CounterHoldBody, StaffHold, SuspensionBody } from './views/staff-queue.js';

const adminOnly = 'ADMIN only (SPEC 11): a COUNTER token answers 403 `FORBIDDEN`.';

/** The contracts of the staff routes (SPEC 7, 11). Every `/admin` route but login needs a staff token. */
export const staffContracts = {
  'POST /admin/login': contract({
    summary: 'Staff login with staff id and password',
    description:
      "SPEC 7, 11. A staff token has its own audience and lifetime (a shift) and carries the role. Failed attempts lock the account like a patron's (SPEC 12: 423 `LOCKED` with `unlocksAt`); a disabled account answers like a wrong password.",
    body: StaffLoginBody,
    responses: { 200: StaffLoginAnswer },
    errors: { 401: ['INVALID_STAFF_CREDENTIALS'], 423: ['LOCKED'] },
    errorDetails: { 423: z.object({ unlocksAt: instant }) },
  }),
  'GET /admin/staff': contract({
    summary: 'Every staff account, disabled ones flagged',
    description: `SPEC 11. ${adminOnly}`,
    responses: { 200: z.array(StaffAccount) },
    errors: {},
  }),
  'POST /admin/staff': contract({
    summary: 'Create a staff account',
    description: `SPEC 11: role \`ADMIN\` or \`COUNTER\`, a password of 10 to 128 characters. 409 \`ALREADY_EXISTS\` when the id was ever used. ${adminOnly}`,
    body: StaffBody,
    responses: { 201: StaffAccount },
    errors: { 409: ['ALREADY_EXISTS'] },
  }),
  'DELETE /admin/staff/{staffId}': contract({
    summary: 'Disable a staff account',
    description: `SPEC 11: it can no longer log in and its tokens answer 401 at once; disabling a disabled account changes nothing. An administrator cannot disable their own account (409 \`CANNOT_DISABLE_SELF\`). ${adminOnly}`,
    params: z.object({ staffId }),
    responses: { 204: empty },
    errors: { 404: ['NOT_FOUND'], 409: ['CANNOT_DISABLE_SELF'] },
  }),
  'GET /admin/patrons': contract({
    summary: 'Look a patron up by card number or name',
    description:
      'SPEC 11: the whole card number, its first 4 or more digits, or the start of the name folded like search (width, case, kana); at most 50. Anything else answers 400 `VALIDATION` (field `q`).',
    query: LookupQuery,
    responses: { 200: z.array(PatronSummary) },
    errors: {},
  }),
  'POST /admin/patrons': contract({
    summary: 'Register a patron',
    description:
      'SPEC 3: created by staff; internet service stays off until the password is issued. A birth date after today is 400 `VALIDATION`; a taken card number 409 `ALREADY_EXISTS`.',
    body: PatronBody,
    responses: { 201: PatronRecord },
    errors: { 409: ['ALREADY_EXISTS'] },
  }),
  'GET /admin/patrons/{cardNumber}': contract({
    summary: "A patron's profile, loans and holds",
    description: "SPEC 11: the profile (no credential), and loans and holds exactly as the patron's status page shows them (SPEC 6, 7), holds with the copy assigned.",
    params: CardParams,
    responses: { 200: PatronView },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'POST /admin/patrons/{cardNumber}/internet-password': contract({
    summary: 'Issue or reset the internet password',
    description:
      'SPEC 3, 12: the password becomes the birth MMDD (answered, to hand over), any lock is lifted, internet service is on, and every session of the account ends. No body.',
    params: CardParams,
    responses: { 200: InitialPassword },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'POST /admin/patrons/{cardNumber}/loans/renew': contract({
    summary: 'Renew loans for a patron (by phone)',
    description:
      'SPEC 11 renewal by phone, with the rules and answer of SPEC 6: each loan its own result; a refused one carries the first reason as `code` and all of them as `reasons`.',
    params: CardParams,
    body: RenewBody,
    responses: { 200: RenewAnswer },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'PUT /admin/calendar/{branch}/{date}': contract({
    summary: 'Set one date of a branch apart from its weekly hours',
    description: `SPEC 2: closed, or open with these hours (JST; \`opensAt\` before \`closesAt\`, both required when open); a later PUT replaces it. ${adminOnly}`,
    params: CalendarDayParams,
    body: CalendarDayBody,
    responses: { 204: empty },
    errors: { 404: ['INVALID_BRANCH'] },
  }),
  'GET /admin/branches/{branch}/hours': contract({
    summary: "A branch's weekly hours",
    description: `SPEC 2: per weekday, the hours or \`null\` for closed. ${adminOnly}`,
    params: BranchParams,
    responses: { 200: WeeklyHoursAnswer },
    errors: { 404: ['INVALID_BRANCH'] },
  }),
  'PUT /admin/branches/{branch}/hours': contract({
    summary: "Replace a branch's weekly hours",
    description: `SPEC 2: they decide every date without an exception (PUT /admin/calendar/{branch}/{date}). Every weekday must be given, \`null\` for closed. ${adminOnly}`,
    params: BranchParams,
    body: WeeklyHoursBody,
    responses: { 204: empty },
    errors: { 404: ['INVALID_BRANCH'] },
  }),
  'POST /admin/titles': contract({
    summary: 'Add a title to the catalog',
    description: `SPEC 4: without \`titleId\` the service makes one. 409 \`ALREADY_EXISTS\` for a taken \`titleId\`. ${adminOnly}`,
    body: TitleBody,
    responses: { 201: TitleCreated },
    errors: { 409: ['ALREADY_EXISTS'] },
  }),
  'POST /admin/items': contract({
    summary: 'Add a copy of a title',
    description: `SPEC 4: ON_SHELF at its home branch. 404 \`NOT_FOUND\` for an unknown title, 422 \`INVALID_BRANCH\` for an unknown branch, 409 \`ALREADY_EXISTS\` for a taken \`itemId\`. ${adminOnly}`,
    body: ItemBody,
    responses: { 201: CreatedItem },
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_EXISTS'], 422: ['INVALID_BRANCH'] },
  }),
  'POST /admin/catalog/import': contract({
    summary: 'Bulk import of titles with their copies (JSON Lines)',
    description: `SPEC 4: \`jsonl\` holds one title record per line (the fields of POST /admin/titles, \`titleId\` required, and \`copies\`: \`[{itemId, branch, category, interlibrary?, callNumber?}]\`); the body may be up to 5 MiB (413 \`PAYLOAD_TOO_LARGE\` beyond). Bad lines are reported by number with the field at fault and the rest imported; titles and copies already there are left as they are. After an import the search index is rebuilt (SPEC 9 \`JobRunRequested\`). ${adminOnly}`,
    body: ImportBody,
    responses: { 200: ImportReport },
    errors: {},
  }),
  'GET /admin/titles/{titleId}/queue': contract({
    summary: "A title's active holds in queue order",
    description: 'SPEC 5.4, 10.3: WAITING holds numbered with their estimated ready date, the others (IN_TRANSIT, READY, PROVISIONAL) with their SPEC 10 fields.',
    params: titleParams,
    responses: { 200: z.array(StaffHold) },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'POST /admin/checkout': contract({
    summary: 'Lend a copy at the counter',
    description:
      "SPEC 6, 5.4: due checkout day + 14. A copy on the shelf is lent; a copy assigned to this patron's hold fulfils it. 404 `NOT_FOUND` (field `cardNumber` for the patron); 409 `NOT_LENDABLE` (reference only), `ON_HOLD_FOR_ANOTHER`, `NOT_ON_SHELF` (with the copy's `status`).",
    body: CheckoutBody,
    responses: { 200: CheckoutLoan },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_LENDABLE', 'ON_HOLD_FOR_ANOTHER', 'NOT_ON_SHELF'] },
    errorDetails: { 409: refusedState },
  }),
  'POST /admin/checkin': contract({
    summary: 'Check a copy in: return, capture or receive it',
    description:
      'SPEC 5.4, 11: the one scan staff make. A copy on loan is returned; a free copy fills the first WAITING hold it can (READY at its pickup branch, else IN_TRANSIT), else goes on the shelf or home; a copy in transit to this branch becomes READY. Scanning again changes nothing. The answer is the slip: where the copy goes and, for a hold, whose; `passedOver` names holds ahead that could not take it (SPEC 10.1, 10.2). 422 `INVALID_BRANCH`; 404 `NOT_FOUND` for an unknown copy.',
    body: CheckinBody,
    responses: { 200: CheckinAnswer },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_BRANCH'] },
  }),
  'GET /admin/pull-list': contract({
    summary: "A branch's pull list for an opening day",
    description:
      "SPEC 5.4: WAITING holds requested before that day that a copy on this branch's shelf can fill (not suspended, not waiting for a previous volume), a copy at the pickup branch preferred, each hold on one list, in shelf order. Today unless `date` is given.",
    query: PullListQuery,
    responses: { 200: z.array(PullEntry) },
    errors: { 422: ['INVALID_BRANCH'] },
  }),
  'GET /admin/contact-list': contract({
    summary: 'READY holds at a branch whose patrons staff phone',
    description: 'SPEC 5.6, 10.4: patrons who chose 電話 (`reason: PHONE`), and those whose mail address bounces (`EMAIL_BOUNCED`).',
    query: ContactListQuery,
    responses: { 200: z.array(ContactEntry) },
    errors: { 422: ['INVALID_BRANCH'] },
  }),
  'POST /admin/holds': contract({
    summary: 'Place a hold at the counter',
    description:
      'SPEC 7, 5.2: WAITING at once (no registration run); contest and latest-issue titles allowed. 404 `NOT_FOUND` for an unknown patron or title; the SPEC 5.2 refusals otherwise.',
    body: CounterHoldBody,
    responses: { 201: StaffHold },
    errors: { 404: ['NOT_FOUND'], 409: ['ALREADY_ON_LOAN', 'ALREADY_HELD', 'HOLD_LIMIT'], 422: ['INVALID_BRANCH', 'NOT_HOLDABLE', 'LONG_OVERDUE'] },
  }),
  'DELETE /admin/holds/{holdId}': contract({
    summary: 'Cancel any active hold, with a note the patron reads',
    description:
      "SPEC 5.4: staff may cancel any active hold (e.g. the copy is damaged); `reason` (body or query, up to 200 characters) is the note the patron sees, the guide's words by default. A copy assigned to the hold goes on to the next one (SPEC 5.7). A finished hold answers 409 `NOT_CANCELLABLE` with its `status`.",
    params: holdParams,
    query: CancelHoldQuery,
    body: CancelHoldBody,
    responses: { 200: StaffHold },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_CANCELLABLE'] },
    errorDetails: { 409: refusedState },
  }),
  'PUT /admin/holds/{holdId}/suspension': contract({
    summary: "Suspend a patron's hold until a date",
    description:
      'SPEC 10.1, for a patron: a PROVISIONAL or WAITING hold is passed over until `until` (tomorrow to today + 180 days, else 400 `VALIDATION` field `until`); a later PUT moves the date. Other states answer 409 `NOT_SUSPENDABLE` with their `status`.',
    params: holdParams,
    body: SuspensionBody,
    responses: { 200: StaffHold },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_SUSPENDABLE'] },
    errorDetails: { 409: refusedState },
  }),
  'DELETE /admin/holds/{holdId}/suspension': contract({
    summary: "Resume a patron's suspended hold",
    description: 'SPEC 10.1: the hold takes copies again from now. Holds not PROVISIONAL or WAITING answer 409 `NOT_SUSPENDABLE` with their `status`.',
    params: holdParams,
    responses: { 200: StaffHold },
    errors: { 404: ['NOT_FOUND'], 409: ['NOT_SUSPENDABLE'] },
    errorDetails: { 409: refusedState },
  }),
  'POST /admin/jobs/{job}/run': contract({
    summary: 'Run a job now',
    description: `SPEC 8, 9: the request travels over the bus (\`JobRunRequested\`) to the job, which runs with the calendar gates of a scheduled run; follow it with GET /admin/jobs/{job}/runs. An unknown job answers 404 \`NOT_FOUND\` (field \`job\`). No body. ${adminOnly}`,
    params: JobParams,
    responses: { 202: RunRequested },
    errors: { 404: ['NOT_FOUND'] },
  }),
  'GET /admin/jobs/{job}/runs': contract({
    summary: "A job's recent runs, newest first",
    description: `SPEC 7, 8: scheduled and manual runs with their state and summary. An unknown job answers 404 \`NOT_FOUND\`. ${adminOnly}`,
    params: JobParams,
    responses: { 200: z.array(JobRun) },
    errors: { 404: ['NOT_FOUND'] },
  }),
} as const;
