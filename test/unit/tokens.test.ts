import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenService, deriveAudienceKeys } from '../../functions/common/tokens.js';

const clock = { now: () => new Date('2026-12-01T01:00:00Z') };
const patronKey = new TextEncoder().encode('p'.repeat(64));
const staffKey = new TextEncoder().encode('s'.repeat(64));

describe('decision 011: one signing key per audience', () => {
  it('a function holding only the patron key cannot mint a staff token', async () => {
    const patronSide = createTokenService({ patron: patronKey }, clock);
    await expect(patronSide.issue({ role: 'staff', subject: 'admin' }, 60)).rejects.toThrow('no staff signing key');
    const { token } = await patronSide.issue({ role: 'patron', subject: '10000001', credentialVersion: 2, passwordIsInitial: false }, 30);
    expect(await patronSide.verify(token, 'patron')).toEqual({
      kind: 'valid',
      principal: { role: 'patron', subject: '10000001', credentialVersion: 2, passwordIsInitial: false },
    });
  });

  it('a staff token signed with the patron key is not a staff token', async () => {
    const forged = await new SignJWT({ role: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('library-reservations')
      .setAudience('library:staff')
      .setSubject('admin')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(patronKey);
    const staffSide = createTokenService({ staff: staffKey }, { now: () => new Date() });
    expect(await staffSide.verify(forged, 'staff')).toEqual({ kind: 'invalid' });
  });

  it("the other audience's token is told apart (403) without its key; garbage is invalid (401)", async () => {
    const staffToken = (await createTokenService({ staff: staffKey }, clock).issue({ role: 'staff', subject: 'admin' }, 60)).token;
    const patronSide = createTokenService({ patron: patronKey }, clock);
    expect(await patronSide.verify(staffToken, 'patron')).toEqual({ kind: 'other-role' });
    expect(await patronSide.verify('not.a.token', 'patron')).toEqual({ kind: 'invalid' });
  });

  it('SPEC 12: a patron token without the version and initial-password claims is refused', async () => {
    const old = await new SignJWT({ role: 'patron' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('library-reservations')
      .setAudience('library:patron')
      .setSubject('10000001')
      .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
      .setExpirationTime(Math.floor(clock.now().getTime() / 1000) + 600)
      .sign(patronKey);
    expect(await createTokenService({ patron: patronKey }, clock).verify(old, 'patron')).toEqual({ kind: 'invalid' });
  });

  it('one local secret gives two different audience keys', () => {
    const keys = deriveAudienceKeys(new Uint8Array(32).fill(7));
    expect(keys.patron).toHaveLength(32);
    expect(Buffer.from(keys.patron).equals(Buffer.from(keys.staff))).toBe(false);
  });
});
