import { SESClient } from '@aws-sdk/client-ses';
import type { AppConfig } from '../common/config.js';
import { createSesMailer, type Mailer } from '../mail/mailer.js';

export const sesMailer = (config: AppConfig): Mailer =>
  createSesMailer({ client: new SESClient({}), ratePerSecond: config.mailRatePerSecond, configurationSetName: config.mailConfigurationSet });
