import type { GroupHandlers } from '../../common/http/api-handler.js';
import { listLocalEvents, setLocalClock } from '../local/clock.js';
import { postMailFeedback } from '../local/mail-feedback.js';
import { getBranchHours, putBranchHours } from './branch-hours.js';
import { putCalendarDay } from './calendar.js';
import { postItem, postTitle } from './catalog.js';
import { postCheckout } from './checkout.js';
import { getContactList, getPullList, postCheckin } from './circulation.js';
import { deleteHoldByStaff, deleteSuspensionByStaff, getQueue, postCounterHold, putSuspensionByStaff } from './holds.js';
import { postImport } from './import.js';
import { listJobRuns, runJobNow } from './jobs.js';
import { staffLogin } from './login.js';
import { getPatron, issuePassword, lookupPatrons, registerPatron, renewForPatron } from './patrons.js';
import { deleteStaff, listStaff, postStaff } from './staff-accounts.js';

export const staffHandlers: GroupHandlers<'staff-api'> = {
  'POST /admin/login': staffLogin,
  'GET /admin/staff': listStaff,
  'POST /admin/staff': postStaff,
  'DELETE /admin/staff/{staffId}': deleteStaff,
  'GET /admin/patrons': lookupPatrons,
  'POST /admin/patrons': registerPatron,
  'GET /admin/patrons/{cardNumber}': getPatron,
  'POST /admin/patrons/{cardNumber}/internet-password': issuePassword,
  'POST /admin/patrons/{cardNumber}/loans/renew': renewForPatron,
  'PUT /admin/calendar/{branch}/{date}': putCalendarDay,
  'GET /admin/branches/{branch}/hours': getBranchHours,
  'PUT /admin/branches/{branch}/hours': putBranchHours,
  'POST /admin/titles': postTitle,
  'POST /admin/items': postItem,
  'POST /admin/catalog/import': postImport,
  'GET /admin/titles/{titleId}/queue': getQueue,
  'POST /admin/checkout': postCheckout,
  'POST /admin/checkin': postCheckin,
  'GET /admin/pull-list': getPullList,
  'GET /admin/contact-list': getContactList,
  'POST /admin/holds': postCounterHold,
  'DELETE /admin/holds/{holdId}': deleteHoldByStaff,
  'PUT /admin/holds/{holdId}/suspension': putSuspensionByStaff,
  'DELETE /admin/holds/{holdId}/suspension': deleteSuspensionByStaff,
  'POST /admin/jobs/{job}/run': runJobNow,
  'GET /admin/jobs/{job}/runs': listJobRuns,
  'PUT /admin/local/clock': setLocalClock,
  'GET /admin/local/events': listLocalEvents,
  'POST /admin/local/mail-feedback': postMailFeedback,
};
