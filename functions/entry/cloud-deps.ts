import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { systemClock } from '../common/clock.js';
import { readConfig } from '../common/config.js';
import type { Deps } from '../common/deps.js';
import { createEventBridgePublisher, type EventPublisher } from '../common/events.js';
import { createLogger } from '../common/logger.js';
import { createTokenService, type TokenService } from '../common/tokens.js';
import { createDb } from '../store/db.js';
import { createStore } from '../store/index.js';
import { SESClient } from '@aws-sdk/client-ses';
import { createSesMailer } from '../mail/mailer.js';

const noTokens: TokenService = {
  issue: () => Promise.reject(new Error('this function has no signing key')),
  verify: () => Promise.resolve(undefined),
};
const noEvents: EventPublisher = { publish: () => Promise.reject(new Error('this function may not publish events')) };

const signingKey = async (secretArn: string): Promise<Uint8Array> => {
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error('signing key secret is empty');
  return new TextEncoder().encode(SecretString);
};

/** Dependencies of a Lambda function, built once per cold start from its environment. */
export const cloudDeps = async (serviceName: string): Promise<Deps> => {
  const config = readConfig();
  const clock = systemClock;
  return {
    config,
    clock,
    store: createStore(createDb(config.tableName)),
    tokens: config.signingKeySecretArn ? createTokenService(await signingKey(config.signingKeySecretArn), clock) : noTokens,
    events: config.eventBusName ? createEventBridgePublisher(config.eventBusName) : noEvents,
    logger: createLogger(serviceName),
    // Only functions granted sendMail get SES_IDENTITY (lib/cloud/group-function.ts).
    ...(process.env.SES_IDENTITY ? { mailer: createSesMailer({ client: new SESClient({}), ratePerSecond: config.mailRatePerSecond }) } : {}),
  };
};
