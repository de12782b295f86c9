import { makeApiHandler } from '../common/http/api-handler.js';
import { patronHandlers } from '../http/patron/routes.js';
import { cloudDeps } from './cloud-deps.js';
import { signedTokens } from './signed-tokens.js';
import { sesMailer } from './ses-mailer.js';

export const handler = makeApiHandler('patron-api', patronHandlers, cloudDeps('patron-api', { tokens: signedTokens, mailer: sesMailer }));
