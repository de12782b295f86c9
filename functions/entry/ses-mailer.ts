import { SESClient } from '@aws-sdk/client-ses';
import type { AppConfig } from '../common/config.js';
import { createSesMailer, type Mailer } from '../mail/mailer.js';

/** Built on the first mail, not at cold start: in the API functions mail is rare (SPEC 12's lockout notice; issue 12.5). */
export const sesMailer = (config: AppConfig): Mailer => {
  let mailer: Mailer | undefined;
  return {
    send: (message) => {
      mailer ??= createSesMailer({ client: new SESClient({}), ratePerSecond: config.mailRatePerSecond, configurationSetName: config.mailConfigurationSet });
      return mailer.send(message);
    },
  };
};
