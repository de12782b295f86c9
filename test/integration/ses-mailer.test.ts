import { randomUUID } from 'node:crypto';
import { SESClient } from '@aws-sdk/client-ses';
import { describe, expect, inject, it } from 'vitest';
import { createSesMailer } from '../../functions/mail/mailer.js';
import { composePickupNotice } from '../../functions/mail/pickup-notice.js';

const endpoint = inject('sesEndpoint');
// Never a real account: this file only talks to the emulator started by global-setup.
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(endpoint)) {
  throw new Error(`refusing to send test mail through a non-local SES endpoint: ${endpoint}`);
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'ap-northeast-1';

/** What aws-ses-v2-local keeps per SendEmail: the request's fields, decoded, not a MIME message. */
interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

const storedFor = async (recipient: string): Promise<StoredEmail[]> => {
  const response = await fetch(`${endpoint}/store`);
  expect(response.status).toBe(200);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  // The emulator is shared with other test files: only mail to our own address is ours.
  return emails.filter((email) => email.destination.to.includes(recipient));
};

describe('SPEC 5.6 pickup notices go out through SES (emulator)', () => {
  it('SPEC 5.6: a Japanese notice arrives from the configured sender, UTF-8, with both bodies', async () => {
    const client = new SESClient({ endpoint, region, credentials });
    // Watch the wire: the emulator does not keep the charset, SES needs it to encode headers.
    const wire: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const body = (args.request as { body?: unknown }).body;
        if (typeof body === 'string') wire.push(body);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'captureSesRequestBody' },
    );
    const mailer = createSesMailer({ client, ratePerSecond: 14 });
    const recipient = `pickup-${randomUUID()}@example.jp`;
    const notice = composePickupNotice({
      patronName: '水戸 花子',
      cardNumber: '20261208',
      libraryName: '水戸市立図書館',
      inquiryAddress: 'chuou@library-mito.jp',
      statusUrl: 'https://www.library-mito.jp/status',
      items: [
        { title: '吾輩は猫である', pickupBranchName: '中央図書館', pickupDeadline: '2026-12-08' },
        { title: 'Tom & Jerry <特装版>', pickupBranchName: '常澄図書館', pickupDeadline: '2026-12-10' },
      ],
    });

    const { messageId } = await mailer.send({
      to: recipient,
      from: 'central@library-mito.jp',
      replyTo: 'chuou@library-mito.jp',
      ...notice,
    });

    const [stored, ...more] = await storedFor(recipient);
    expect(more).toHaveLength(0);
    expect(stored).toBeDefined();
    expect(stored!.messageId).toBe(messageId);
    expect(stored!.from).toBe('central@library-mito.jp');
    expect(stored!.destination).toEqual({ to: [recipient], cc: [], bcc: [] });
    expect(stored!.replyTo).toEqual(['chuou@library-mito.jp']);
    expect(stored!.subject).toBe('【水戸市立図書館】予約資料のご用意ができました');
    expect(stored!.body.text).toBe(notice.text);
    expect(stored!.body.text).toContain('期限日：2026年12月8日(火)');
    expect(stored!.body.text).toContain('受取館：常澄図書館');
    expect(stored!.body.html).toBe(notice.html);
    expect(stored!.body.html).toContain('Tom &amp; Jerry &lt;特装版&gt;');
    expect(stored!.body.html).toContain('2026年12月10日(木)');

    expect(wire).toHaveLength(1);
    const sent = new URLSearchParams(wire[0]);
    expect(sent.get('Action')).toBe('SendEmail');
    expect(sent.get('Message.Subject.Charset')).toBe('UTF-8');
    expect(sent.get('Message.Body.Text.Charset')).toBe('UTF-8');
    expect(sent.get('Message.Body.Html.Charset')).toBe('UTF-8');
    expect(sent.get('Message.Subject.Data')).toBe(notice.subject);
  });

  it('SPEC 5.6: several concurrent sends each arrive once', async () => {
    const client = new SESClient({ endpoint, region, credentials });
    const mailer = createSesMailer({ client, ratePerSecond: 50 });
    const recipient = `pickup-${randomUUID()}@example.jp`;
    const subjects = Array.from({ length: 5 }, (_, i) => `【水戸市立図書館】テスト ${i}`);

    const results = await Promise.all(
      subjects.map((subject) => mailer.send({ to: recipient, from: 'central@library-mito.jp', subject, text: '本文', html: '<p>本文</p>' })),
    );

    const stored = await storedFor(recipient);
    expect(stored.map((email) => email.subject).sort()).toEqual([...subjects].sort());
    expect(stored.map((email) => email.messageId).sort()).toEqual(results.map((r) => r.messageId).sort());
  });

  it('SPEC 5.6: a send that SES never receives rejects (the job retries next run)', async () => {
    const client = new SESClient({ endpoint: 'http://127.0.0.1:9', region, credentials, maxAttempts: 1 });
    const mailer = createSesMailer({ client, ratePerSecond: 14 });
    const recipient = `pickup-${randomUUID()}@example.jp`;

    await expect(mailer.send({ to: recipient, from: 'central@library-mito.jp', subject: '件名', text: '本文', html: '<p>本文</p>' })).rejects.toThrow();
    expect(await storedFor(recipient)).toHaveLength(0);
  });

  it('SPEC 5.6: SES refusing the message rejects too', async () => {
    // The emulator answers 400 to a SendEmail without a subject, as SES does.
    const client = new SESClient({ endpoint, region, credentials, maxAttempts: 1 });
    const mailer = createSesMailer({ client, ratePerSecond: 14 });
    const recipient = `pickup-${randomUUID()}@example.jp`;

    await expect(mailer.send({ to: recipient, from: 'central@library-mito.jp', subject: '', text: '本文', html: '<p>本文</p>' })).rejects.toThrow();
    expect(await storedFor(recipient)).toHaveLength(0);
  });
});
