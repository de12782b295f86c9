import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { createRateLimiter, type MonotonicClock } from './rate-limiter.js';

export interface MailMessage {
  readonly to: string;
  readonly from: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The port the jobs send through; SES in the cloud and on the local stack, a fake in unit tests. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface SesMailerOptions {
  readonly client: SESClient;
  /** The account's SES maximum send rate (14/s for a new production account). */
  readonly ratePerSecond: number;
  readonly clock?: MonotonicClock;
  readonly sleep?: (ms: number) => Promise<void>;
  /** SPEC 10.4: the configuration set whose events report bounces and complaints (none locally). */
  readonly configurationSetName?: string;
}

// SES builds the MIME message itself and, told the charset, writes the subject as an
// RFC 2047 encoded-word and the bodies as UTF-8 parts.
const UTF8 = 'UTF-8';

/**
 * SES v1 SendEmail, paced so that every caller of this one mailer together stays within
 * `ratePerSecond`. Errors from SES (after the SDK's own retries) reach the caller unchanged:
 * the job leaves the items unnotified and tries again on its next run.
 */
export const createSesMailer = (options: SesMailerOptions): Mailer => {
  const { client, ratePerSecond, clock, sleep, configurationSetName } = options;
  const limiter = createRateLimiter({ ratePerSecond, clock, sleep });

  return {
    async send(message) {
      await limiter.acquire();
      const output = await client.send(
        new SendEmailCommand({
          Source: message.from,
          Destination: { ToAddresses: [message.to] },
          ...(message.replyTo === undefined ? {} : { ReplyToAddresses: [message.replyTo] }),
          ...(configurationSetName === undefined ? {} : { ConfigurationSetName: configurationSetName }),
          Message: {
            Subject: { Data: message.subject, Charset: UTF8 },
            Body: {
              Text: { Data: message.text, Charset: UTF8 },
              Html: { Data: message.html, Charset: UTF8 },
            },
          },
        }),
      );
      // SES accepted the mail once it answers 200. Failing here for a missing id would
      // make the job send the same notice again next run, so an absent id stays empty.
      return { messageId: output.MessageId ?? '' };
    },
  };
};
