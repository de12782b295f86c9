import type { GroupHandlers } from '../../common/http/api-handler.js';
import { listLocalEvents, setLocalClock } from '../local/clock.js';
import { getBranchHours, putBranchHours } from './branch-hours.js';
import { putCalendarDay } from './calendar.js';
import { postItem, postTitle } from './catalog.js';
import { postCheckout } from './checkout.js';
import { getContactList, getPullList, postCheckin } from './circulation.js';
import { deleteHoldByStaff, getQueue, postCounterHold } from './holds.js';
import { postImport } from './import.js';
import { listJobRuns, runJobNow } from './jobs.js';
import { staffLogin } from './login.js';
import { issuePassword, registerPatron } from './patrons.js';

export const staffHandlers: GroupHandlers<'staff-api'> = {
  'POST /admin/login': staffLogin,
  'POST /admin/patrons': registerPatron,
  'POST /admin/patrons/{cardNumber}/internet-password': issuePassword,
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
  'POST /admin/jobs/{job}/run': runJobNow,
  'GET /admin/jobs/{job}/runs': listJobRuns,
  'PUT /admin/local/clock': setLocalClock,
  'GET /admin/local/events': listLocalEvents,
};
