import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readConfig } from '../../functions/common/config.js';
import { capturingMetrics, type CapturingMetrics } from '../../functions/common/metrics.js';
import type { Deps } from '../../functions/common/deps.js';
import { makeApiHandler, type ApiHandler } from '../../functions/common/http/api-handler.js';
import { createLogger } from '../../functions/common/logger.js';
import { createTokenService, type SigningKeys } from '../../functions/common/tokens.js';
import { SESClient } from '@aws-sdk/client-ses';
import { createSesMailer } from '../../functions/mail/mailer.js';
import { publicHandlers } from '../../functions/http/public/routes.js';
import { patronHandlers } from '../../functions/http/patron/routes.js';
import { staffHandlers } from '../../functions/http/staff/routes.js';
import { jobBodies } from '../../functions/jobs/index.js';
import { runJob } from '../../functions/jobs/run-job.js';
import { createDb, type Db } from '../../functions/store/db.js';
import { createStore } from '../../functions/store/index.js';
import { mailFeedback, type ApiGroupName, type JobInvocation } from '../../functions/wiring.js';
import { applyMailFeedback } from '../../functions/use-cases/mail-feedback.js';
import { ensureTable } from './create-table.js';
import { seedDemoCatalog, seedDemoData, seedDemoStaff } from './demo-data.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { startHttpApi, type LocalHttpApi, type ObservedAnswer } from './http-server.js';
import { LocalClock } from './local-clock.js';
import { LocalEventBus, type LocalEvent } from './local-event-bus.js';
import { LocalScheduler } from './local-scheduler.js';
import { LocalStreamRelay } from './local-stream-relay.js';

export interface LocalServicesOptions {
  readonly dynamodbEndpoint: string;
  readonly sesEndpoint: string;
  readonly tableName: string;
  readonly host: string;
  readonly port: number;
  /** Both audiences' keys, independent of each other (decision 011): one process serves both. */
  readonly signingKeys: Required<SigningKeys>;
  readonly staffPassword: string;
  /** Fire schedules as wall time passes (npm start); tests move the clock explicitly. */
  readonly tick: boolean;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  readonly env?: NodeJS.ProcessEnv;
  /** Built browser apps to serve at / and /staff/ (npm start: web/dist). */
  readonly webRoot?: string;
  /** Size of the demo catalog (default 2,000 titles); 0 loads none (most tests). */
  readonly demoCatalogTitles?: number;
  /** Start the local clock at this instant instead of now (tests). */
  readonly startAt?: Date;
  /** Sees every API answer as sent (the contract tests validate them against the document). */
  readonly observeAnswers?: (answer: ObservedAnswer) => void;
  /** Sees every event put on the local bus (the contract tests validate them against the AsyncAPI document). */
  readonly observeEvents?: (event: LocalEvent) => void;
}

export interface LocalServices {
  readonly api: LocalHttpApi;
  readonly db: Db;
  readonly deps: Deps;
  readonly clock: LocalClock;
  readonly bus: LocalEventBus;
  readonly scheduler: LocalScheduler;
  /** The table stream → bus path of hold and loan events (decision 014). */
  readonly outbox: LocalStreamRelay;
  readonly seed: 'seeded' | 'already-seeded';
  /** What the service counted (in AWS these are CloudWatch metrics). */
  readonly metrics: CapturingMetrics;
  invokeJob(invocation: JobInvocation): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The service on this machine: the very handlers the Lambda functions run, with a local
 * clock, an in-process bus and a scheduler built from the same wiring, over DynamoDB Local.
 */
export const startLocalServices = async (options: LocalServicesOptions): Promise<LocalServices> => {
  const config = readConfig({
    ...(options.env ?? process.env),
    TABLE_NAME: options.tableName,
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    SES_ENDPOINT: options.sesEndpoint,
  });
  const client = new DynamoDBClient({ endpoint: options.dynamodbEndpoint, region: localRegion, credentials: localCredentials });
  await ensureTable(client, options.tableName);
  const db = createDb(options.tableName, { endpoint: options.dynamodbEndpoint, region: localRegion, credentials: localCredentials });

  const clock = new LocalClock();
  if (options.startAt) clock.set(options.startAt);
  const logger = createLogger('local', options.logLevel);
  let invokeJob: (invocation: JobInvocation) => Promise<unknown> = () => Promise.reject(new Error('not ready'));
  const bus = new LocalEventBus(
    () => clock.now(),
    (invocation) => invokeJob(invocation),
    (detailType, error) => logger.error('local bus target failed', { detailType, errorMessage: (error as Error).message }),
  );
  if (options.observeEvents) bus.observe(options.observeEvents);
  const scheduler = new LocalScheduler(
    clock,
    (invocation) => invokeJob(invocation),
    (run, error) => logger.error('scheduled run failed', { job: run.job, errorMessage: (error as Error).message }),
  );
  const outbox = new LocalStreamRelay(client, options.tableName, bus, createStore(db).outbox, logger, {
    endpoint: options.dynamodbEndpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  await outbox.start(options.tick);
  const metrics = capturingMetrics();
  const deps: Deps = {
    config,
    clock,
    store: createStore(db),
    tokens: createTokenService(options.signingKeys, clock),
    events: bus,
    logger,
    metrics,
    mailer: createSesMailer({
      client: new SESClient({ endpoint: options.sesEndpoint, region: localRegion, credentials: localCredentials }),
      ratePerSecond: config.mailRatePerSecond,
    }),
    local: {
      setClock: (now) => scheduler.setClock(now === null ? null : new Date(now)),
      recentEvents: async (limit) => {
        await outbox.drain();
        return bus.recent(limit);
      },
      putSesEvent: async (detailType, detail) => {
        const { event, outcome } = await bus.put(mailFeedback.source, detailType, detail);
        return { eventId: event.id, ...(outcome as { marked: number }) };
      },
    },
  };
  // SPEC 10.4: the rule the stack deploys for SES events, to the same handler.
  bus.subscribe(mailFeedback.source, (event) => applyMailFeedback(deps, event.detail));
  invokeJob = (invocation) => runJob(invocation.job, invocation, deps, jobBodies[invocation.job]);

  const seed = await seedDemoData(db, deps, { staffPassword: options.staffPassword });
  await seedDemoStaff(db, deps, options.staffPassword);
  if (options.demoCatalogTitles !== 0 && (await seedDemoCatalog(db, deps, options.demoCatalogTitles)) === 'seeded') {
    await invokeJob({ job: 'search-index', trigger: 'manual' });
  }
  const handlers: Record<ApiGroupName, ApiHandler> = {
    'public-api': makeApiHandler('public-api', publicHandlers, deps),
    'patron-api': makeApiHandler('patron-api', patronHandlers, deps),
    'staff-api': makeApiHandler('staff-api', staffHandlers, deps),
  };
  const api = await startHttpApi(handlers, { host: options.host, port: options.port, webRoot: options.webRoot, observe: options.observeAnswers });
  if (options.tick) scheduler.start();

  return {
    api,
    db,
    deps,
    clock,
    bus,
    scheduler,
    outbox,
    seed,
    metrics,
    invokeJob,
    async stop() {
      await api.close();
      await scheduler.stop();
      await outbox.stop();
      await bus.settled();
      client.destroy();
      db.client.destroy();
    },
  };
};
