import { pickupNotices } from '../jobs/pickup-notices.js';
import { cloudDeps } from './cloud-deps.js';
import { makeJobHandler } from './job-handler.js';

export const handler = makeJobHandler('pickup-notices', pickupNotices, await cloudDeps('pickup-notices'));
