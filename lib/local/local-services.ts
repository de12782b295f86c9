import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { capturingMetrics, type CapturingMetrics } from '../../functions/common/metrics.js';
import type { Deps, LocalControls } from '../../functions/common/deps.js';
import { createLogger } from '../../functions/common/logger.js';
import type { SigningKeys } from '../../functions/common/tokens.js';
import { createDb, type Db } from '../../functions/store/db.js';
import { mailFeedback, type JobInvocation } from '../../functions/wiring.js';
import * as builtInCode from './function-code.js';
import { ensureTable } from './create-table.js';
import { seedDemoCatalog, seedDemoData, seedDemoStaff } from './demo-data.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { startHttpApi, type ApiHandlers, type LocalHttpApi, type ObservedAnswer } from './http-server.js';
import { LocalClock } from './local-clock.js';
import { LocalEventBus, type LocalEvent } from './local-event-bus.js';
import { LocalScheduler } from './local-scheduler.js';
import { LocalStreamRelay } from './local-stream-relay.js';
import type { DevServing } from './static-files.js';

/** The functions/ code the stack runs (lib/local/function-code.ts), as imported or as bundled afresh by `npm run dev`. */
export type FunctionCode = typeof builtInCode;

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
  /** `npm run dev`: the reload script and headers of lib/local/dev/live-reload.ts. */
  readonly dev?: DevServing;
  /** Sees every event put on the local bus (the contract tests validate them against the AsyncAPI document). */
  readonly observeEvents?: (event: LocalEvent) => void;
}

export interface LocalServices {
  readonly api: LocalHttpApi;
  readonly db: Db;
  /** Those of the code now running (they change when `useCode` swaps it). */
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
  /**
   * Runs this code from now on (`npm run dev`): API handlers, routes, jobs and the mail
   * feedback target, with deps built from it over the same table, clock, bus and keys. Throws,
   * and keeps the running code, when the new code fails to start (e.g. its config check).
   */
  useCode(code: FunctionCode): void;
  stop(): Promise<void>;
}

/**
 * The service on this machine: the very handlers the Lambda functions run, with a local
 * clock, an in-process bus and a scheduler built from the same wiring, over DynamoDB Local.
 */
export const startLocalServices = async (options: LocalServicesOptions): Promise<LocalServices> => {
  const readConfig = (code: FunctionCode) =>
    code.readConfig({
      ...(options.env ?? process.env),
      TABLE_NAME: options.tableName,
      DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
      SES_ENDPOINT: options.sesEndpoint,
    });
  const firstConfig = readConfig(builtInCode); // a bad setting stops the start before anything runs
  const client = new DynamoDBClient({ endpoint: options.dynamodbEndpoint, region: localRegion, credentials: localCredentials });
  await ensureTable(client, options.tableName);
  const db = createDb(options.tableName, { endpoint: options.dynamodbEndpoint, region: localRegion, credentials: localCredentials });

  const clock = new LocalClock();
  if (options.startAt) clock.set(options.startAt);
  const logger = createLogger('local', options.logLevel);
  const invokeJob = (invocation: JobInvocation) => running.invokeJob(invocation);
  const bus = new LocalEventBus(
    () => clock.now(),
    invokeJob,
    (detailType, error) => logger.error('local bus target failed', { detailType, errorMessage: (error as Error).message }),
  );
  if (options.observeEvents) bus.observe(options.observeEvents);
  const scheduler = new LocalScheduler(clock, invokeJob, (run, error) => logger.error('scheduled run failed', { job: run.job, errorMessage: (error as Error).message }));
  const outbox = new LocalStreamRelay(client, options.tableName, bus, builtInCode.createStore(db).outbox, logger, {
    endpoint: options.dynamodbEndpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const metrics = capturingMetrics();
  const ses = new SESClient({ endpoint: options.sesEndpoint, region: localRegion, credentials: localCredentials });
  const local: LocalControls = {
    setClock: (now) => scheduler.setClock(now === null ? null : new Date(now)),
    recentEvents: async (limit) => {
      await outbox.drain();
      return bus.recent(limit);
    },
    putSesEvent: async (detailType, detail) => {
      const { event, outcome } = await bus.put(mailFeedback.source, detailType, detail);
      return { eventId: event.id, ...(outcome as { marked: number }) };
    },
  };

  /** Everything built from one version of the code; the stateful parts above are shared by all. */
  const wire = (code: FunctionCode, config = readConfig(code)) => {
    const deps: Deps = {
      config,
      clock,
      store: code.createStore(db),
      tokens: code.createTokenService(options.signingKeys, clock),
      events: bus,
      logger,
      metrics,
      mailer: code.createSesMailer({ client: ses, ratePerSecond: config.mailRatePerSecond }),
      local,
    };
    const handlers: ApiHandlers = {
      'public-api': code.makeApiHandler('public-api', code.publicHandlers, deps),
      'patron-api': code.makeApiHandler('patron-api', code.patronHandlers, deps),
      'staff-api': code.makeApiHandler('staff-api', code.staffHandlers, deps),
    };
    return {
      deps,
      handlers,
      routes: code.routes,
      invokeJob: (invocation: JobInvocation) => code.runJob(invocation.job, invocation, deps, code.jobBodies[invocation.job]),
      applyMailFeedback: (detail: unknown) => code.applyMailFeedback(deps, detail),
    };
  };
  let running = wire(builtInCode, firstConfig);
  // SPEC 10.4: the rule the stack deploys for SES events, to the same handler.
  bus.subscribe(mailFeedback.source, (event) => running.applyMailFeedback(event.detail));
  await outbox.start(options.tick); // before the demo data is written: it reads the stream from the latest record on

  const seed = await seedDemoData(db, running.deps, { staffPassword: options.staffPassword });
  await seedDemoStaff(db, running.deps, options.staffPassword);
  if (options.demoCatalogTitles !== 0 && (await seedDemoCatalog(db, running.deps, options.demoCatalogTitles)) === 'seeded') {
    await invokeJob({ job: 'search-index', trigger: 'manual' });
  }
  const api = await startHttpApi(running.handlers, {
    host: options.host,
    port: options.port,
    webRoot: options.webRoot,
    observe: options.observeAnswers,
    dev: options.dev,
  });
  if (options.tick) scheduler.start();

  return {
    api,
    db,
    get deps() {
      return running.deps;
    },
    clock,
    bus,
    scheduler,
    outbox,
    seed,
    metrics,
    invokeJob,
    useCode(code) {
      const next = wire(code);
      api.setHandlers(next.handlers, next.routes);
      running = next;
    },
    async stop() {
      await api.close();
      await scheduler.stop();
      await outbox.stop();
      await bus.settled();
      client.destroy();
      db.client.destroy();
      ses.destroy();
    },
  };
};
