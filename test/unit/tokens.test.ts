import { SignJWT } from 'jose';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenService } from '../../functions/common/tokens.js';
import { localSigningKeys } from '../../lib/local/signing-key.js';

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

  it('a process holding both keys (the local stack) still refuses a patron-key token on a staff route', async () => {
    const both = createTokenService({ patron: patronKey, staff: staffKey }, clock);
    const forged = await new SignJWT({ role: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('library-reservations')
      .setAudience('library:staff')
      .setSubject('admin')
      .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
      .setExpirationTime(Math.floor(clock.now().getTime() / 1000) + 600)
      .sign(patronKey);
    expect(await both.verify(forged, 'staff')).toEqual({ kind: 'invalid' });
    const patronToken = (await both.issue({ role: 'patron', subject: '10000001', credentialVersion: 1, passwordIsInitial: false }, 30)).token;
    expect(await both.verify(patronToken, 'staff')).toEqual({ kind: 'other-role' });
    const staffToken = (await both.issue({ role: 'staff', subject: 'admin', credentialVersion: 3, staffRole: 'ADMIN' }, 60)).token;
    expect(await both.verify(staffToken, 'staff')).toEqual({
      kind: 'valid',
      principal: { role: 'staff', subject: 'admin', credentialVersion: 3, staffRole: 'ADMIN' },
    });
  });

  it('SPEC 11: a staff token without a credential version or a known role is refused', async () => {
    const staffSide = createTokenService({ staff: staffKey }, clock);
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ role: 'staff', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('library-reservations')
        .setAudience('library:staff')
        .setSubject('admin')
        .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(clock.now().getTime() / 1000) + 600)
        .sign(staffKey);
    expect(await staffSide.verify(await signed({}), 'staff')).toEqual({ kind: 'invalid' });
    expect(await staffSide.verify(await signed({ ver: 1 }), 'staff')).toEqual({ kind: 'invalid' });
    expect(await staffSide.verify(await signed({ ver: 1, srole: 'OWNER' }), 'staff')).toEqual({ kind: 'invalid' });
    expect(await staffSide.verify(await signed({ ver: 1, srole: 'COUNTER' }), 'staff')).toMatchObject({ kind: 'valid', principal: { staffRole: 'COUNTER' } });
  });
});

describe('local signing keys: two independent files under the data folder', () => {
  const hex = (key: Uint8Array) => Buffer.from(key).toString('hex');

  it('created on first start (mode 0600), different from each other, the same on the next start', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'signing-keys-')), 'nested');
    try {
      const first = localSigningKeys(dataDir);
      for (const audience of ['patron', 'staff'] as const) {
        const file = path.join(dataDir, `signing-key-${audience}`);
        expect(statSync(file).mode & 0o777, file).toBe(0o600);
        expect(readFileSync(file, 'utf8').trim(), file).toHaveLength(64);
        expect(new TextDecoder().decode(first[audience])).toBe(readFileSync(file, 'utf8').trim());
      }
      expect(hex(first.patron)).not.toBe(hex(first.staff));
      const again = localSigningKeys(dataDir);
      expect(hex(again.patron)).toBe(hex(first.patron));
      expect(hex(again.staff)).toBe(hex(first.staff));
    } finally {
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });

  it('without a data folder (--memory): random, different per audience and per start', () => {
    const a = localSigningKeys(undefined);
    const b = localSigningKeys(undefined);
    expect(hex(a.patron)).not.toBe(hex(a.staff));
    expect(hex(a.patron)).not.toBe(hex(b.patron));
    expect(hex(a.staff)).not.toBe(hex(b.staff));
  });
});
