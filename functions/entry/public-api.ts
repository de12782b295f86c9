import { makeApiHandler } from '../common/http/api-handler.js';
import { publicHandlers } from '../http/public/routes.js';
import { cloudDeps } from './cloud-deps.js';

export const handler = makeApiHandler('public-api', publicHandlers, await cloudDeps('public-api'));
