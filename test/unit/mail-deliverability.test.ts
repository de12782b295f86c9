import type { SESClient } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { composeLockNotice } from '../../functions/mail/lock-notice.js';
import { createSesMailer } from '../../functions/mail/mailer.js';
import { composePickupNotice, type ComposedMail } from '../../functions/mail/pickup-notice.js';
import { readMailFeedback } from '../../functions/mail/feedback.js';

/**
 * SPEC 10.4: what Japanese mobile carriers' filters look at. Every mail has a plain-text
 * part, a short factual Japanese subject (no emoji, no sales words), and nothing that tracks
 * the reader: no images, no redirect links (only mailto:, tel: and the status page as given).
 */
const statusUrl = 'https://library-mito.jp/status';
const mails: Record<string, ComposedMail> = {
  pickup: composePickupNotice({
    patronName: '水戸 花子',
    cardNumber: '12345678',
    libraryName: '水戸市立図書館',
    inquiryAddress: 'chuou@library-mito.jp',
    statusUrl,
    items: [{ title: '吾輩は猫である', pickupBranchName: '中央図書館', pickupDeadline: '2026-12-08' }],
    branches: [{ name: '中央図書館', phone: '029-226-0600', days: [] }],
  }),
  lock: composeLockNotice({
    patronName: '水戸 花子',
    cardNumber: '12345678',
    lockedUntil: new Date('2026-12-01T10:15:00+09:00'),
    libraryName: '水戸市立図書館',
    inquiryAddress: 'chuou@library-mito.jp',
  }),
};

describe('SPEC 10.4 mail that carriers accept', () => {
  for (const [name, mail] of Object.entries(mails)) {
    it(`SPEC 10.4: the ${name} mail has a plain-text part saying what the HTML says`, () => {
      expect(mail.text.trim().length).toBeGreaterThan(50);
      expect(mail.text).not.toMatch(/<[a-z]/i);
      expect(mail.text).toContain('水戸 花子');
      expect(mail.html).toContain('水戸 花子');
    });

    it(`SPEC 10.4: the ${name} mail's subject is short, factual Japanese naming the library`, () => {
      expect(mail.subject).toMatch(/^【水戸市立図書館】/);
      expect([...mail.subject].length).toBeLessThanOrEqual(30);
      expect(mail.subject).not.toMatch(/\p{Extended_Pictographic}|[!！?？★☆♪]|無料|当選|至急|緊急|今すぐ|http/u);
      expect(mail.subject).toMatch(/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー【】]+$/u);
    });

    it(`SPEC 10.4: the ${name} mail tracks nobody: no images, no remote resources, no redirect links`, () => {
      expect(mail.html).not.toMatch(/<img|<link|<script|<iframe|background=|url\(/i);
      const srcs = [...mail.html.matchAll(/\ssrc\s*=/gi)];
      expect(srcs).toEqual([]);
      const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      for (const href of hrefs) expect(href === statusUrl || /^(mailto|tel):/.test(href), href).toBe(true);
    });
  }
});

describe('SPEC 10.4 mailer and SES events', () => {
  const sent: Record<string, unknown>[] = [];
  const client = {
    send: async (command: { input: Record<string, unknown> }) => {
      sent.push(command.input);
      return { MessageId: 'm-1' };
    },
  } as unknown as SESClient;
  const message = { to: 'a@example.jp', from: 'central@library-mito.jp', subject: 's', text: 't', html: '<p>h</p>' };

  it('SPEC 10.4: every send names the configuration set when one is configured, and sends text and HTML', async () => {
    await createSesMailer({ client, ratePerSecond: 100, configurationSetName: 'library-mail' }).send(message);
    await createSesMailer({ client, ratePerSecond: 100 }).send(message);
    expect(sent[0]).toMatchObject({ ConfigurationSetName: 'library-mail', Message: { Body: { Text: { Data: 't' }, Html: { Data: '<p>h</p>' } } } });
    expect(sent[1]?.ConfigurationSetName).toBeUndefined();
  });

  it('SPEC 10.4: permanent bounces, complaints and rejections mark their addresses; the rest only counts', () => {
    const mail = { destination: ['to@example.jp'] };
    expect(readMailFeedback({ eventType: 'Bounce', mail, bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'b@example.jp' }] } })).toEqual({
      kind: 'BOUNCING',
      reason: 'BOUNCE',
      addresses: ['b@example.jp'],
    });
    expect(readMailFeedback({ eventType: 'Bounce', mail, bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'b@example.jp' }] } })).toEqual({
      kind: 'TRANSIENT_BOUNCE',
    });
    expect(readMailFeedback({ eventType: 'Bounce', mail, bounce: { bounceType: 'Undetermined' } })).toEqual({ kind: 'TRANSIENT_BOUNCE' });
    expect(readMailFeedback({ eventType: 'Complaint', mail, complaint: { complainedRecipients: [{ emailAddress: 'c@example.jp' }] } })).toMatchObject({
      reason: 'COMPLAINT',
      addresses: ['c@example.jp'],
    });
    expect(readMailFeedback({ eventType: 'Reject', mail, reject: { reason: 'Bad content' } })).toMatchObject({ reason: 'REJECT', addresses: ['to@example.jp'] });
    expect(readMailFeedback({ eventType: 'Delivery', mail })).toEqual({ kind: 'DELIVERY' });
    expect(readMailFeedback({ eventType: 'Open', mail })).toEqual({ kind: 'OTHER' });
    expect(readMailFeedback('nonsense')).toEqual({ kind: 'OTHER' });
  });
});
