import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildWeb } from '../bin/build-web.js';
import { emfMetrics } from '../functions/common/metrics.js';
import { tokyoDate } from '../functions/domain/tokyo-time.js';
import { tableDefinition, type FunctionGroupName, type JobName } from '../functions/wiring.js';
import { localCredentials, localRegion } from '../lib/local/dynamodb-local.js';
import { apiCaller, demoPatronToken } from './api-caller.js';
import { CapacityMeter } from './capacity-meter.js';
import { monthlyCost, scaleWorkload, type OperationFigures, type OperationKey } from './cost-model.js';
import { mitoWorkload } from './mito-workload.js';
import { stackFacts } from './stack-facts.js';
import { round, startBenchEnvironment, type BenchEnvironment } from './support.js';

/** One measured operation: the figures the cost model prices, and how they were found. */
export interface MeasuredOperation extends OperationFigures {
  readonly name: string;
  readonly calls: number;
  readonly dynamodbRequests: number;
  /** Requests whose answer carried no ConsumedCapacity (0 when DynamoDB Local reported all). */
  readonly unreportedRequests: number;
  /** TransactWriteItems whose units were computed from item images (bench/transaction-units.ts). */
  readonly computedTransactions: number;
  readonly byOperation: Record<string, number>;
  readonly relayDynamodbRequests: number;
}

const TITLES = 1_000;
const REPEAT = 5;
const roundAll = (values: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)]));
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Bytes of the built web apps a first visit downloads (gzip), measured from web/dist after a build. */
const webBytes = async () => {
  await buildWeb();
  const filesOf = (dir: string, skip: string[] = []): string[] =>
    readdirSync(dir)
      .filter((name) => !skip.includes(name) && !name.endsWith('.map'))
      .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? filesOf(path.join(dir, name)) : [path.join(dir, name)]));
  const app = (files: string[]) => ({ bytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0), files: files.length });
  // A first visit loads the English words only when the patron chose English (decision 018): not counted.
  const english = (existsSync('web/dist/chunks') ? filesOf('web/dist/chunks') : []).filter((file) => path.basename(file).startsWith('en-'));
  const patron = filesOf('web/dist', ['staff']).filter((file) => !english.includes(file));
  return { patronApp: app(patron), patronEnglishChunk: app(english), staffApp: app(filesOf('web/dist/staff')) };
};

/** Counts the bytes the service logs (application log lines and EMF metric lines) while it runs. */
const logMeter = (env: BenchEnvironment) => {
  let bytes = 0;
  const { deps } = env.services;
  const logger = deps.logger as unknown as Record<string, (...args: unknown[]) => void>;
  // What Lambda writes at LOG_LEVEL INFO (lib/cloud/group-function.ts), whatever the bench's level.
  for (const level of ['info', 'warn', 'error'] as const) {
    const original = logger[level]!.bind(deps.logger);
    // Powertools adds timestamp, level, service, sampling rate and the X-Ray trace id: ~160 bytes.
    logger[level] = (...args: unknown[]) => {
      bytes += 160 + Buffer.byteLength(JSON.stringify(args));
      original(...args);
    };
  }
  const emf = emfMetrics((line) => (bytes += Buffer.byteLength(line) + 1));
  const metrics = deps.metrics as unknown as Record<string, (...args: unknown[]) => void>;
  for (const method of ['count', 'jobRunDuration'] as const) {
    const original = metrics[method]!.bind(deps.metrics);
    metrics[method] = (...args: unknown[]) => {
      (emf[method] as (...a: unknown[]) => void)(...args);
      original(...args);
    };
  }
  return {
    take: () => {
      const taken = bytes;
      bytes = 0;
      return taken;
    },
  };
};

/**
 * Capacity units, DynamoDB requests, wall time and log bytes of each operation a patron, a
 * member of staff or a job performs, measured on the local stack (a fresh one: other parts
 * leave thousands of holds behind) with `ReturnConsumedCapacity: 'TOTAL'` on every request.
 * bench/cost-model.ts prices these figures; docs/cost.md shows them.
 */
export const benchCapacity = async () => {
  const web = await webBytes();
  const env = await startBenchEnvironment();
  try {
    const measured = await measure(env);
    const stack = stackFacts(web);
    const month = (factor: number) => {
      const cost = monthlyCost(measured.operations, scaleWorkload(mitoWorkload, factor), stack);
      return {
        scale: factor,
        totalUsd: round(cost.totalUsd),
        byService: roundAll(cost.byService),
        biggestLine: cost.biggestLine.item,
        peakApiRequestsPerSecond: round(cost.peakApiRequestsPerSecond),
        dynamodbByOperation: cost.dynamodbByOperation.map((o) => ({ ...o, calls: Math.round(o.calls), usd: round(o.usd, 3) })),
        lines: cost.lines.map((l) => ({ ...l, quantity: round(l.quantity), usd: round(l.usd, 3) })),
      };
    };
    return { ...measured, web, cost: { region: 'ap-northeast-1', mito: month(1), x10: month(10), x100: month(100) } };
  } finally {
    await env.stop();
  }
};

const measure = async (env: BenchEnvironment) => {
  const { services } = env;
  const meter = new CapacityMeter();
  const images = new DynamoDBClient({ endpoint: env.dynamodb.endpoint, region: localRegion, credentials: localCredentials });
  meter.attach(services.db.client, {
    client: images,
    keyNames: [tableDefinition.partitionKey, tableDefinition.sortKey],
    indexes: tableDefinition.indexes.map((index) => [index.partitionKey, index.sortKey] as const),
  });
  const logs = logMeter(env);
  let events = 0;
  const publish = services.bus.publish.bind(services.bus);
  services.bus.publish = (...args: Parameters<typeof publish>) => {
    events += 1;
    return publish(...args);
  };
  const call = apiCaller(services.api.url);
  const staff = (await call('POST', '/admin/login', { staffId: 'admin', password: 'bench' })).token as string;
  const patron = await demoPatronToken(call);
  await services.deps.store.catalogImport.importRecords(
    Array.from({ length: TITLES }, (_, i) => ({
      titleId: `CP${i}`,
      title: `容量ベンチ ${i}`,
      author: `著者 ${i % 97}`,
      publisher: '水戸出版',
      materialType: 'BOOK' as const,
      copies: [{ itemId: `CPI${i}`, branch: 'central', category: 'NORMAL' as const, interlibrary: false }],
    })),
  );
  await services.outbox.drain();
  logs.take();

  /** One sample: DynamoDB figures and wall time of `once`, then the relay of the events it wrote. */
  const sample = async (once: () => Promise<unknown>) => {
    meter.reset();
    env.counter.reset();
    events = 0;
    logs.take();
    const started = performance.now();
    const answer = await once();
    const capacity = meter.snapshot();
    // Less the reads of item images the meter made to price transactions.
    const wallMs = performance.now() - started - capacity.overheadMs;
    const responseBytes = answer === undefined ? 0 : Buffer.byteLength(JSON.stringify(answer));
    const byOperation = env.counter.snapshot().byOperation;
    const logBytes = logs.take();
    meter.reset();
    const relayStarted = performance.now();
    await services.outbox.drain();
    const relay = { ...meter.snapshot(), ms: performance.now() - relayStarted };
    return { capacity, byOperation, wallMs, logBytes, events, relay, responseBytes, answer };
  };
  type Sample = Awaited<ReturnType<typeof sample>>;
  const summarize = (key: OperationKey, name: string, fn: FunctionGroupName, samples: readonly Sample[], apiRequests = 1): MeasuredOperation => ({
    key,
    name,
    fn,
    apiRequests,
    calls: samples.length,
    dynamodbRequests: round(mean(samples.map((s) => s.capacity.requests))),
    readUnits: round(mean(samples.map((s) => s.capacity.readUnits))),
    writeUnits: round(mean(samples.map((s) => s.capacity.writeUnits))),
    unreportedRequests: round(mean(samples.map((s) => Object.values(s.capacity.byOperation).reduce((a, o) => a + o.unreported, 0)))),
    computedTransactions: round(mean(samples.map((s) => Object.values(s.capacity.byOperation).reduce((a, o) => a + o.computed, 0)))),
    byOperation: samples.at(-1)!.byOperation,
    wallMs: round(median(samples.map((s) => s.wallMs))),
    responseBytes: round(mean(samples.map((s) => s.responseBytes))),
    logBytes: round(mean(samples.map((s) => s.logBytes))),
    events: round(mean(samples.map((s) => s.events))),
    relayWriteUnits: round(mean(samples.map((s) => s.relay.writeUnits))),
    relayDynamodbRequests: round(mean(samples.map((s) => s.relay.requests))),
    relayMs: round(mean(samples.map((s) => (s.events > 0 ? s.relay.ms : 0)))),
  });
  const operations: MeasuredOperation[] = [];
  const http = async (key: OperationKey, name: string, fn: FunctionGroupName, calls: readonly (() => Promise<unknown>)[]) => {
    const samples: Sample[] = [];
    for (const once of calls) samples.push(await sample(once));
    operations.push(summarize(key, name, fn, samples));
  };
  const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
  const runJob = (job: JobName) => () => services.invokeJob({ job, trigger: 'manual' });
  /** A job's fixed cost per run (nothing to do) and its cost per item (the difference at `items`, shared out). */
  const job = (job: JobName, keys: readonly [OperationKey, OperationKey], empties: readonly Sample[], full: Sample, items: number) => {
    const empty = empties[0]!;
    const per = (pick: (s: Sample) => number) => round(Math.max(0, pick(full) - pick(empty)) / items);
    operations.push(summarize(keys[0], `${job} run (nothing to do)`, job, empties, 0));
    operations.push({
      ...summarize(keys[1], `${job}: one item`, job, [full], 0),
      calls: items,
      dynamodbRequests: per((s) => s.capacity.requests),
      readUnits: per((s) => s.capacity.readUnits),
      writeUnits: per((s) => s.capacity.writeUnits),
      // The whole run shared out (an upper bound): the difference to an empty run drowns in this machine's noise.
      wallMs: round(full.wallMs / items),
      logBytes: per((s) => s.logBytes),
      events: per((s) => s.events),
      relayWriteUnits: per((s) => s.relay.writeUnits),
      relayDynamodbRequests: per((s) => s.relay.requests),
      relayMs: per((s) => (s.events > 0 ? s.relay.ms : 0)),
      byOperation: Object.fromEntries(
        Object.entries(full.byOperation)
          .map(([op, n]): [string, number] => [op, round((n - (empty.byOperation[op] ?? 0)) / items)])
          .filter(([, n]) => n > 0),
      ),
    });
  };

  // The nightly rebuild of the search index at 1,000 titles; at 2,000 below. One sample each: a
  // second run at once finds the index current and does not rebuild.
  const rebuilds = [await sample(runJob('search-index'))];
  await call('GET', '/api/catalog/search?q=%E5%AE%B9%E9%87%8F');

  await http(
    'config',
    'GET /api/config (app start)',
    'public-api',
    times(REPEAT, () => () => call('GET', '/api/config')),
  );
  await http(
    'branches',
    'GET /api/branches (app start)',
    'public-api',
    times(REPEAT, () => () => call('GET', '/api/branches')),
  );
  await http(
    'search',
    'search page (GET /api/catalog/search, 20 of 1,000 hits)',
    'public-api',
    times(REPEAT, () => () => call('GET', '/api/catalog/search?q=%E5%AE%B9%E9%87%8F%E3%83%99%E3%83%B3%E3%83%81')),
  );
  await http(
    'title',
    'title page (GET /api/catalog/titles/{titleId})',
    'public-api',
    times(REPEAT, (i) => () => call('GET', `/api/catalog/titles/CP${i}`)),
  );
  await http(
    'login',
    'patron login (POST /api/login)',
    'public-api',
    times(REPEAT, () => () => call('POST', '/api/login', { cardNumber: '10000001', password: '246810' })),
  );
  await http(
    'staffLogin',
    'staff login (POST /admin/login)',
    'staff-api',
    times(REPEAT, () => () => call('POST', '/admin/login', { staffId: 'admin', password: 'bench' })),
  );
  await http(
    'me',
    'GET /api/me',
    'patron-api',
    times(REPEAT, () => () => call('GET', '/api/me', undefined, patron)),
  );

  const emptyRuns = async (name: JobName) => [await sample(runJob(name)), await sample(runJob(name)), await sample(runJob(name))];
  const registrationEmpty = await emptyRuns('hold-registration');
  const noticesEmpty = await emptyRuns('pickup-notices');
  const expiryEmpty = await emptyRuns('hold-expiry');

  const HOLDS = 8;
  const holdIds: string[] = [];
  await http(
    'placeHold',
    'place hold (POST /api/me/holds)',
    'patron-api',
    times(HOLDS, (i) => async () => {
      holdIds.push((await call('POST', '/api/me/holds', { titleId: `CP${10 + i}`, pickupBranch: 'central' }, patron)).holdId);
    }),
  );
  // Holds placed at the counter for another patron (SPEC 5.2), through the staff API.
  const counterCard = '10000002';
  await services.deps.store.patrons.create({
    cardNumber: counterCard,
    name: 'ベンチ 利用者',
    birthDate: '1990-01-01',
    contactMethod: 'NONE',
    internetService: false,
    createdAt: services.clock.now().toISOString(),
  });
  await http(
    'counterHold',
    'counter hold (POST /admin/holds)',
    'staff-api',
    times(3, (i) => () => call('POST', '/admin/holds', { cardNumber: counterCard, titleId: `CP${50 + i}`, pickupBranch: 'central' }, staff)),
  );
  // The run registers the patron's holds and files the counter holds (WAITING at once, SPEC 5.2)
  // under their titles' pull-list markers (decision 019): each is one of its items, as the cost
  // model prices one item per hold placed. The run's own counts say how many it did.
  const registration = await sample(runJob('hold-registration'));
  const registered = (registration.answer as { summary?: { registered?: number; filed?: number } }).summary;
  job(
    'hold-registration',
    ['registrationRun', 'registrationItem'],
    registrationEmpty,
    registration,
    registered ? (registered.registered ?? 0) + (registered.filed ?? 0) : HOLDS + 3,
  );
  await http(
    'cancelHold',
    'cancel hold (DELETE /api/me/holds/{holdId})',
    'patron-api',
    times(HOLDS - 3, (i) => () => call('DELETE', `/api/me/holds/${holdIds[3 + i]}`, undefined, patron)),
  );
  await http(
    'status',
    'status page (GET /api/me/status, 3 WAITING holds)',
    'patron-api',
    times(REPEAT, () => () => call('GET', '/api/me/status', undefined, patron)),
  );
  await http(
    'basketAdd',
    'add to basket (PUT /api/me/basket/{titleId})',
    'patron-api',
    times(3, (i) => () => call('PUT', `/api/me/basket/CP${20 + i}`, undefined, patron)),
  );
  await http(
    'basket',
    'basket page (GET /api/me/basket, 3 titles)',
    'patron-api',
    times(REPEAT, () => () => call('GET', '/api/me/basket', undefined, patron)),
  );
  await http(
    'checkout',
    'checkout (POST /admin/checkout)',
    'staff-api',
    times(REPEAT, (i) => () => call('POST', '/admin/checkout', { cardNumber: '10000001', itemId: `CPI${30 + i}`, branch: 'central' }, staff)),
  );
  await http(
    'renew',
    'renew (POST /api/me/loans/renew, one loan)',
    'patron-api',
    times(REPEAT, (i) => () => call('POST', '/api/me/loans/renew', { itemIds: [`CPI${30 + i}`] }, patron)),
  );
  // Tomorrow's list: it holds what was requested before that day (SPEC 5.4), the 6 waiting holds above.
  const tomorrow = tokyoDate(new Date(services.clock.now().getTime() + 86_400_000));
  await http(
    'pullList',
    'pull list (GET /admin/pull-list, 6 holds on it)',
    'staff-api',
    times(REPEAT, () => () => call('GET', `/admin/pull-list?branch=central&date=${tomorrow}`, undefined, staff)),
  );
  await http(
    'checkin',
    'check-in (POST /admin/checkin, back to shelf)',
    'staff-api',
    times(REPEAT, (i) => () => call('POST', '/admin/checkin', { itemId: `CPI${30 + i}`, branch: 'central' }, staff)),
  );
  await http(
    'checkinFill',
    'check-in filling a WAITING hold (POST /admin/checkin)',
    'staff-api',
    times(3, (i) => () => call('POST', '/admin/checkin', { itemId: `CPI${10 + i}`, branch: 'central' }, staff)),
  );
  // Notices go out the morning after a hold became READY.
  services.clock.set(new Date(services.clock.now().getTime() + 86_400_000));
  job('pickup-notices', ['noticesRun', 'noticesItem'], noticesEmpty, await sample(runJob('pickup-notices')), 3);
  services.clock.set(new Date(services.clock.now().getTime() + 30 * 86_400_000));
  job('hold-expiry', ['expiryRun', 'expiryItem'], expiryEmpty, await sample(runJob('hold-expiry')), 3);

  // 1,000 more titles (no search above matches them) and the rebuild again: the difference is
  // the part of a rebuild that grows with the catalog, per 1,000 titles; the rest is each run's.
  // (The rebuild at 1,000 titles shared out would price a fixed start-up as if it grew with
  // the catalog: at 500,000 titles and 4 GB that made it the biggest Lambda line.)
  await services.deps.store.catalogImport.importRecords(
    Array.from({ length: TITLES }, (_, i) => ({
      titleId: `CQ${i}`,
      title: `増分 ${i}`,
      author: `著者 ${i % 89}`,
      publisher: '水戸出版',
      materialType: 'BOOK' as const,
      copies: [{ itemId: `CQI${i}`, branch: 'central', category: 'NORMAL' as const, interlibrary: false }],
    })),
  );
  await services.outbox.drain();
  const rebuilds2k = [await sample(runJob('search-index'))];
  const rebuildFigures = (samples: readonly Sample[]) => ({
    requests: median(samples.map((s) => s.capacity.requests)),
    readUnits: median(samples.map((s) => s.capacity.readUnits)),
    writeUnits: median(samples.map((s) => s.capacity.writeUnits)),
    wallMs: median(samples.map((s) => s.wallMs)),
    logBytes: median(samples.map((s) => s.logBytes)),
  });
  const at1k = rebuildFigures(rebuilds);
  const per1k = Object.fromEntries(Object.entries(rebuildFigures(rebuilds2k)).map(([k, v]) => [k, Math.max(0, v - at1k[k as keyof typeof at1k])])) as typeof at1k;
  const rebuildRow = (key: OperationKey, name: string, f: typeof at1k, calls: number): MeasuredOperation => ({
    ...summarize(key, name, 'search-index', rebuilds, 0),
    calls,
    dynamodbRequests: round(f.requests),
    readUnits: round(f.readUnits),
    writeUnits: round(f.writeUnits),
    wallMs: round(f.wallMs),
    logBytes: round(f.logBytes),
  });
  const fixed = Object.fromEntries(Object.entries(at1k).map(([k, v]) => [k, Math.max(0, v - per1k[k as keyof typeof at1k])])) as typeof at1k;
  operations.unshift(
    rebuildRow('indexRebuildRun', 'search-index rebuild: each run (at 1,000 titles, less the part per 1,000)', fixed, 1),
    rebuildRow('indexRebuild1k', 'search-index rebuild: per 1,000 titles (2,000 less 1,000)', per1k, 1),
  );
  const rebuildWallMs = { at1k: round(at1k.wallMs), at2k: round(rebuildFigures(rebuilds2k).wallMs) };

  images.destroy();
  const unreported = [...new Set(operations.flatMap((o) => (o.unreportedRequests > 0 ? Object.keys(o.byOperation) : [])))];
  return {
    titlesIndexed: TITLES,
    rebuildWallMs,
    operations,
    consumedCapacity:
      (unreported.length === 0
        ? 'DynamoDB Local reported ConsumedCapacity for every request; '
        : `some requests reported no ConsumedCapacity (operations of: ${unreported.join(', ')}); their units are missing from the figures; `) +
      'TransactWriteItems units are computed from the items before and after (2 per KB per item, 1 per KB per index entry written: bench/transaction-units.ts), as DynamoDB Local reports 4× one item for any transaction',
    note: 'per call: DynamoDB requests and capacity units (ReturnConsumedCapacity TOTAL), median wall time of the HTTP round trip on the local stack (DynamoDB Local, slower than DynamoDB), log bytes; job lines give the fixed cost of a run and the cost per item (difference shared out)',
  };
};
