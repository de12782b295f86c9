import { makeApiHandler } from '../common/http/api-handler.js';
import { staffHandlers } from '../http/staff/routes.js';
import { cloudDeps } from './cloud-deps.js';

export const handler = makeApiHandler('staff-api', staffHandlers, await cloudDeps('staff-api'));
