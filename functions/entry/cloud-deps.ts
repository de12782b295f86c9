import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { systemClock } from '../common/clock.js';
import { readConfig } from '../common/config.js';
import type { Deps } from '../common/deps.js';
import { createEventBridgePublisher, type EventPublisher } from '../common/events.js';
import { createLogger } from '../common/logger.js';
import { emfMetrics } from '../common/metrics.js';
import { createTokenService, type SigningKeys } from '../common/tokens.js';
import { createDb } from '../store/db.js';
import { createStore } from '../store/index.js';
import { SESClient } from '@aws-sdk/client-ses';
import { createSesMailer } from '../mail/mailer.js';

const noEvents: EventPublisher = { publish: () => Promise.reject(new Error('this function may not publish events')) };

const signingKey = async (client: SecretsManagerClient, secretArn: string): Promise<Uint8Array> => {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error('signing key secret is empty');
  return new TextEncoder().encode(SecretString);
};

/** Only the keys this function was granted (lib/cloud/group-function.ts sets their ARNs). */
const signingKeys = async (patronArn: string | undefined, staffArn: string | undefined): Promise<SigningKeys> => {
  if (!patronArn && !staffArn) return {};
  const client = new SecretsManagerClient({});
  const [patron, staff] = await Promise.all([
    patronArn ? signingKey(client, patronArn) : undefined,
    staffArn ? signingKey(client, staffArn) : undefined,
  ]);
  return { ...(patron ? { patron } : {}), ...(staff ? { staff } : {}) };
};

/** Dependencies of a Lambda function, built once per cold start from its environment. */
export const cloudDeps = async (serviceName: string): Promise<Deps> => {
  const config = readConfig();
  const clock = systemClock;
  return {
    config,
    clock,
    store: createStore(createDb(config.tableName)),
    tokens: createTokenService(await signingKeys(config.patronSigningKeySecretArn, config.staffSigningKeySecretArn), clock),
    events: config.eventBusName ? createEventBridgePublisher(config.eventBusName) : noEvents,
    logger: createLogger(serviceName),
    metrics: emfMetrics(),
    // Only functions granted sendMail get SES_IDENTITY (lib/cloud/group-function.ts).
    ...(process.env.SES_IDENTITY ? { mailer: createSesMailer({ client: new SESClient({}), ratePerSecond: config.mailRatePerSecond, configurationSetName: config.mailConfigurationSet }) } : {}),
  };
};
