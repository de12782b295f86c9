/**
 * When a login session ends, on this device's clock. The token's own lifetime (exp − iat)
 * is counted from the moment of login, so a server clock that differs from the device's (a
 * demo clock moved for testing, a PC or phone set wrong) neither ends the session early nor
 * keeps it too long. The server still decides: a refused token (401) ends the session too.
 */
interface Claims {
  readonly sub?: string;
  readonly iat?: number;
  readonly exp?: number;
}

/** The token's claims, read for display only (the signature is the server's business). */
export const readClaims = (token: string | undefined): Claims => {
  const part = token?.split('.')[1];
  if (!part) return {};
  try {
    const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return {
      ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}),
      ...(typeof claims.iat === 'number' ? { iat: claims.iat } : {}),
      ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}),
    };
  } catch {
    return {};
  }
};

/**
 * The session's end as an ISO instant of this device's clock, from a token just received.
 * `serverExpiresAt` (the login answer's `expiresAt`) is the fallback for a token without
 * readable iat/exp; it is only right when the two clocks agree.
 */
export const sessionEndsAt = (token: string, serverExpiresAt: string | undefined, loggedInAt = Date.now()): string | undefined => {
  const { iat, exp } = readClaims(token);
  if (iat !== undefined && exp !== undefined && exp > iat) return new Date(loggedInAt + (exp - iat) * 1000).toISOString();
  return serverExpiresAt;
};

export const hasEnded = (endsAt: string | undefined, now = Date.now()): boolean => endsAt !== undefined && Date.parse(endsAt) <= now;
