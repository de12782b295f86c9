import { holdRegistration } from '../jobs/hold-registration.js';
import { cloudDeps } from './cloud-deps.js';
import { createEventBridgePublisher } from '../common/events.js';
import { makeJobHandler } from './job-handler.js';

export const handler = makeJobHandler('hold-registration', holdRegistration, cloudDeps('hold-registration', { events: createEventBridgePublisher }));
