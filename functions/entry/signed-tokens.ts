import type { AppConfig } from '../common/config.js';
import { systemClock } from '../common/clock.js';
import { prefetch } from '../common/prefetch.js';
import { readSecret } from '../common/secrets.js';
import { createTokenService, type TokenService } from '../common/tokens.js';

const signingKey = async (secretArn: string | undefined) => (secretArn ? new TextEncoder().encode(await readSecret(secretArn)) : undefined);

/**
 * The token service of a function holding keys: only those it was granted (lib/cloud/group-function.ts
 * sets their ARNs). The keys' fetch starts at cold start but is not awaited there (issue 12.5:
 * init is the bundle's import and its clients); the first request that signs or verifies a
 * token awaits it, and an unreadable key fails that request (500), not the function's start.
 */
export const signedTokens = (config: AppConfig): TokenService => {
  const service = prefetch(async () => {
    const [patron, staff] = await Promise.all([signingKey(config.patronSigningKeySecretArn), signingKey(config.staffSigningKeySecretArn)]);
    return createTokenService({ ...(patron ? { patron } : {}), ...(staff ? { staff } : {}) }, systemClock);
  });
  return {
    issue: async (principal, lifetimeMinutes) => (await service()).issue(principal, lifetimeMinutes),
    verify: async (token, audience) => (await service()).verify(token, audience),
  };
};
