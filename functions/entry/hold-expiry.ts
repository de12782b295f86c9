import { holdExpiry } from '../jobs/hold-expiry.js';
import { cloudDeps } from './cloud-deps.js';
import { createEventBridgePublisher } from '../common/events.js';
import { makeJobHandler } from './job-handler.js';

export const handler = makeJobHandler('hold-expiry', holdExpiry, cloudDeps('hold-expiry', { events: createEventBridgePublisher }));
