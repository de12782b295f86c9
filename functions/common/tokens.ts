import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import type { Clock } from './clock.js';
import { staffRoles, type StaffRole } from '../wiring.js';

/**
 * Short-lived HS256 JWTs, one signing key per audience (patron, staff; decision 011): a
 * function holds only the keys of the tokens it mints or accepts, so the internet-facing
 * patron functions cannot mint a staff token. The keys come from Secrets Manager in AWS.
 */
export type Role = 'patron' | 'staff';
export interface Principal {
  readonly role: Role;
  /** Card number (patron) or staff id. */
  readonly subject: string;
  /**
   * The credential version the token was issued for: a patron's password change or reset
   * (SPEC 12), or a staff account's disabling (SPEC 11), raises it and so ends sessions.
   */
  readonly credentialVersion?: number;
  /** Staff: ADMIN or COUNTER (SPEC 11). */
  readonly staffRole?: StaffRole;
  /** Patrons: signed in with the initial password (SPEC 12: only /api/me and the change are open). */
  readonly passwordIsInitial?: boolean;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * `valid`: signed with the audience's key and in force. `other-role`: a token that names the
 * other audience; its signature is not (and, without that key, cannot be) checked, it only
 * turns a refusal into 403 instead of 401. `invalid`: anything else.
 */
export type Verification = { readonly kind: 'valid'; readonly principal: Principal } | { readonly kind: 'other-role' } | { readonly kind: 'invalid' };

export interface TokenService {
  issue(principal: Principal, lifetimeMinutes: number): Promise<IssuedToken>;
  /** Checks a token presented to a route of `audience`. */
  verify(token: string, audience: Role): Promise<Verification>;
}

/** The keys a function holds; a missing one can neither sign nor verify. */
export type SigningKeys = Partial<Readonly<Record<Role, Uint8Array>>>;

const ISSUER = 'library-reservations';
const audienceOf = (role: Role) => `library:${role}`;
const other = (role: Role): Role => (role === 'patron' ? 'staff' : 'patron');

const namesAudience = (token: string, role: Role): boolean => {
  try {
    const { aud } = decodeJwt(token);
    return aud === audienceOf(role) || (Array.isArray(aud) && aud.includes(audienceOf(role)));
  } catch {
    return false;
  }
};

/**
 * A token service holding `keys`, one independent key per audience: deployed functions read
 * theirs from Secrets Manager, the local stack from two files under .local/ (lib/local/signing-key.ts).
 */
export const createTokenService = (keys: SigningKeys, clock: Clock): TokenService => {
  return {
    async issue(principal, lifetimeMinutes) {
      const key = keys[principal.role];
      if (!key) throw new Error(`this function holds no ${principal.role} signing key`);
      const issuedAt = Math.floor(clock.now().getTime() / 1000);
      const expiresAt = new Date((issuedAt + lifetimeMinutes * 60) * 1000);
      const claims =
        principal.role === 'patron'
          ? { role: principal.role, ver: principal.credentialVersion ?? 0, pwi: principal.passwordIsInitial ?? false }
          : { role: principal.role, ver: principal.credentialVersion ?? 0, srole: principal.staffRole ?? 'COUNTER' };
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(audienceOf(principal.role))
        .setSubject(principal.subject)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token, audience) {
      const key = keys[audience];
      if (!key) throw new Error(`this function holds no ${audience} signing key`);
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: audienceOf(audience),
          algorithms: ['HS256'],
          currentDate: clock.now(),
        });
        if (payload.role !== audience || !payload.sub || payload.aud !== audienceOf(audience)) return { kind: 'invalid' };
        // A token without the claims of SPEC 11 / 12 predates them: it cannot be judged, so it is refused.
        if (!Number.isInteger(payload.ver)) return { kind: 'invalid' };
        if (audience === 'staff') {
          const staffRole = staffRoles.find((r) => r === payload.srole);
          if (!staffRole) return { kind: 'invalid' };
          return { kind: 'valid', principal: { role: 'staff', subject: payload.sub, credentialVersion: payload.ver as number, staffRole } };
        }
        if (typeof payload.pwi !== 'boolean') return { kind: 'invalid' };
        return {
          kind: 'valid',
          principal: { role: 'patron', subject: payload.sub, credentialVersion: payload.ver as number, passwordIsInitial: payload.pwi },
        };
      } catch (error) {
        if (!(error instanceof joseErrors.JOSEError)) throw error;
        return namesAudience(token, other(audience)) ? { kind: 'other-role' } : { kind: 'invalid' };
      }
    },
  };
};
