import type { AppConfig } from '../common/config.js';
import { systemClock } from '../common/clock.js';
import { readSecret } from '../common/secrets.js';
import { createTokenService, type TokenService } from '../common/tokens.js';

const signingKey = async (secretArn: string | undefined) => (secretArn ? new TextEncoder().encode(await readSecret(secretArn)) : undefined);

/** The token service of a function holding keys: only those it was granted (lib/cloud/group-function.ts sets their ARNs). */
export const signedTokens = async (config: AppConfig): Promise<TokenService> => {
  const [patron, staff] = await Promise.all([signingKey(config.patronSigningKeySecretArn), signingKey(config.staffSigningKeySecretArn)]);
  return createTokenService({ ...(patron ? { patron } : {}), ...(staff ? { staff } : {}) }, systemClock);
};
