import { systemClock } from '../common/clock.js';
import { readConfig, type AppConfig } from '../common/config.js';
import type { Deps } from '../common/deps.js';
import type { EventPublisher } from '../common/events.js';
import { createLogger } from '../common/logger.js';
import { emfMetrics } from '../common/metrics.js';
import type { TokenService } from '../common/tokens.js';
import type { Mailer } from '../mail/mailer.js';
import { createDb } from '../store/db.js';
import { createStore } from '../store/index.js';

/**
 * The clients a function may need beyond the table, passed in by its entry file so that its
 * bundle carries only those (issue 12.5: every SDK client and library compiled at a cold start
 * costs init time). Which ones it must pass follows from its permissions in functions/wiring.ts,
 * as the environment the stack sets: a function granted mail or events or a signing key that
 * was not given the client fails at its cold start (bench/cold-start.ts starts every one).
 */
export interface OptionalClients {
  readonly tokens?: (config: AppConfig) => TokenService;
  readonly events?: (busName: string) => EventPublisher;
  readonly mailer?: (config: AppConfig) => Mailer;
}

const noEvents: EventPublisher = { publish: () => Promise.reject(new Error('this function may not publish events')) };
const refuse = () => Promise.reject(new Error('this function holds no signing key'));
const noTokens: TokenService = { issue: refuse, verify: refuse };

const missing = (what: string, serviceName: string) => new Error(`${serviceName} is configured for ${what} but its entry file gives it no client`);

/**
 * Dependencies of a Lambda function, built once per cold start from its environment, without
 * waiting for any request: secrets are fetched beside the first request (functions/common/prefetch.ts).
 */
export const cloudDeps = (serviceName: string, clients: OptionalClients = {}): Deps => {
  const config = readConfig();
  const hasKeys = Boolean(config.patronSigningKeySecretArn || config.staffSigningKeySecretArn);
  if (hasKeys && !clients.tokens) throw missing('signing keys', serviceName);
  if (config.eventBusName && !clients.events) throw missing('events', serviceName);
  // Only functions granted sendMail get SES_IDENTITY (lib/cloud/group-function.ts).
  const sendsMail = Boolean(process.env.SES_IDENTITY);
  if (sendsMail && !clients.mailer) throw missing('mail', serviceName);
  return {
    config,
    clock: systemClock,
    store: createStore(createDb(config.tableName)),
    tokens: hasKeys && clients.tokens ? clients.tokens(config) : noTokens,
    events: config.eventBusName && clients.events ? clients.events(config.eventBusName) : noEvents,
    logger: createLogger(serviceName),
    metrics: emfMetrics(),
    ...(sendsMail && clients.mailer ? { mailer: clients.mailer(config) } : {}),
  };
};
