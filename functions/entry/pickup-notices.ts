import { pickupNotices } from '../jobs/pickup-notices.js';
import { cloudDeps } from './cloud-deps.js';
import { sesMailer } from './ses-mailer.js';
import { createEventBridgePublisher } from '../common/events.js';
import { makeJobHandler } from './job-handler.js';

export const handler = makeJobHandler('pickup-notices', pickupNotices, cloudDeps('pickup-notices', { events: createEventBridgePublisher, mailer: sesMailer }));
