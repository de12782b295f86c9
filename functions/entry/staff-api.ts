import { makeApiHandler } from '../common/http/api-handler.js';
import { staffHandlers } from '../http/staff/routes.js';
import { cloudDeps } from './cloud-deps.js';
import { signedTokens } from './signed-tokens.js';
import { createEventBridgePublisher } from '../common/events.js';

export const handler = makeApiHandler('staff-api', staffHandlers, cloudDeps('staff-api', { tokens: signedTokens, events: createEventBridgePublisher }));
