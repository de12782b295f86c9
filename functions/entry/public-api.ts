import { makeApiHandler } from '../common/http/api-handler.js';
import { publicHandlers } from '../http/public/routes.js';
import { cloudDeps } from './cloud-deps.js';
import { signedTokens } from './signed-tokens.js';
import { sesMailer } from './ses-mailer.js';

export const handler = makeApiHandler('public-api', publicHandlers, cloudDeps('public-api', { tokens: signedTokens, mailer: sesMailer }));
