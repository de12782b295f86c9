import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Clock } from './clock.js';

/**
 * Short-lived HS256 JWTs. Patron and staff tokens carry different audiences, so one can
 * never pass for the other. The key comes from Secrets Manager in AWS, from .local/ here.
 */
export type Role = 'patron' | 'staff';
export interface Principal {
  readonly role: Role;
  /** Card number (patron) or staff id. */
  readonly subject: string;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export interface TokenService {
  issue(principal: Principal, lifetimeMinutes: number): Promise<IssuedToken>;
  /** Undefined when the token is missing, malformed, tampered with or expired. */
  verify(token: string): Promise<Principal | undefined>;
}

const ISSUER = 'library-reservations';
const audience = (role: Role) => `library:${role}`;

export const createTokenService = (key: Uint8Array, clock: Clock): TokenService => ({
  async issue(principal, lifetimeMinutes) {
    const issuedAt = Math.floor(clock.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + lifetimeMinutes * 60) * 1000);
    const token = await new SignJWT({ role: principal.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(audience(principal.role))
      .setSubject(principal.subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
    return { token, expiresAt };
  },
  async verify(token) {
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: [audience('patron'), audience('staff')],
        algorithms: ['HS256'],
        currentDate: clock.now(),
      });
      const role = payload.role;
      if ((role !== 'patron' && role !== 'staff') || !payload.sub || payload.aud !== audience(role)) return undefined;
      return { role, subject: payload.sub };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  },
});
