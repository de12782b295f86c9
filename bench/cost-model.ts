/**
 * The monthly bill (issue 12.6, docs/cost.md): a pure function of the per-operation figures
 * measured by bench/capacity.ts, a workload and the prices below. No request count is
 * written here: each comes from the operations passed in.
 */

/** The operations the workload is made of (bench/capacity.ts measures each). */
export type OperationKey =
  | 'config'
  | 'branches'
  | 'search'
  | 'title'
  | 'login'
  | 'staffLogin'
  | 'me'
  | 'placeHold'
  | 'counterHold'
  | 'cancelHold'
  | 'status'
  | 'basketAdd'
  | 'basket'
  | 'checkout'
  | 'renew'
  | 'pullList'
  | 'checkin'
  | 'checkinFill'
  | 'registrationRun'
  | 'registrationItem'
  | 'noticesRun'
  | 'noticesItem'
  | 'expiryRun'
  | 'expiryItem'
  | 'indexRebuildRun'
  | 'indexRebuild1k';

/** What one call of an operation costs, as measured (a job's `…Item` is its share per item). */
export interface OperationFigures {
  readonly key: OperationKey;
  /** The Lambda function that runs it (its memory prices the GB-seconds). */
  readonly fn: string;
  /** HTTP API requests per call: 1 for a route, 0 for a job's share. */
  readonly apiRequests: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly wallMs: number;
  /** Application log and EMF metric bytes per call. */
  readonly logBytes: number;
  /** JSON bytes of the answer (0 for jobs). */
  readonly responseBytes: number;
  /** Events its outbox items put on the bus, the relay's write units and wall time for them. */
  readonly events: number;
  readonly relayWriteUnits: number;
  readonly relayMs: number;
}

/** What the stack is made of (lib/cloud, functions/wiring.ts), as far as the bill sees it. */
export interface StackFacts {
  /** Memory (MB) of each function; Lambda runs arm64 (lib/cloud/group-function.ts). */
  readonly memoryMB: Readonly<Record<string, number>>;
  readonly architecture: 'arm64' | 'x86_64';
  readonly apiFunctions: readonly string[];
  /** Scheduled runs a month of each job function (EventBridge Scheduler). */
  readonly jobRunsPerMonth: Readonly<Record<string, number>>;
  /** Secrets Manager secrets, and how many each API function reads per cold start. */
  readonly secrets: number;
  readonly secretsReadPerColdStart: number;
  readonly wafRules: number;
  readonly alarmMetrics: number;
  readonly customMetrics: number;
  readonly dashboards: number;
  /** Log retention in months (THREE_MONTHS everywhere). */
  readonly logRetentionMonths: number;
  /** Gzip bytes and files a first load of each web app downloads. */
  readonly patronApp: { readonly bytes: number; readonly files: number };
  readonly staffApp: { readonly bytes: number; readonly files: number };
}

/** The library's year (sources in docs/cost.md) and how patrons and staff use the service. */
export interface Workload {
  readonly registeredPatrons: number;
  readonly titles: number;
  readonly copies: number;
  readonly loansPerYear: number;
  readonly holdsPerYear: number;
  /** Share of holds placed by patrons over the internet (the rest at the counter). */
  readonly onlineHoldShare: number;
  readonly branches: number;
  readonly openingDaysPerYear: number;
  readonly openingHoursPerDay: number;
  /** Share of an opening day's requests in its busiest hour. */
  readonly peakHourShare: number;
  /** Patron app sessions per hold placed online (others only look at their status or search). */
  readonly sessionsPerOnlineHold: number;
  readonly searchesPerSession: number;
  readonly titlePagesPerSession: number;
  readonly statusViewsPerSession: number;
  readonly basketAddsPerSession: number;
  readonly basketViewsPerSession: number;
  /** Share of loans renewed by the patron online. */
  readonly onlineRenewalShare: number;
  /** Share of holds cancelled, filled (a copy set aside), and of filled holds never collected. */
  readonly cancelledShare: number;
  readonly filledShare: number;
  readonly expiredShareOfFilled: number;
  /** Share of filled holds whose patron is told by mail (SPEC 5.6). */
  readonly mailedShareOfFilled: number;
  readonly pullListViewsPerBranchDay: number;
  readonly staffConsoleLoadsPerBranchDay: number;
  /** Cold starts per API function per opening hour (an environment is recycled after idling). */
  readonly coldStartsPerFunctionHour: number;
  readonly initMs: number;
  /** Stored bytes per patron, title, copy, and per hold or loan kept (item plus its index copies). */
  readonly bytesPerPatron: number;
  readonly bytesPerTitle: number;
  readonly bytesPerCopy: number;
  readonly bytesPerRecord: number;
  /** Holds and loans kept in the table (open ones and history), in years of activity. */
  readonly recordsKeptYears: number;
}

/** A price and where it was read. */
export interface Price {
  readonly usd: number;
  readonly per: string;
  readonly source: string;
}

const read = 'read 2026-12-02';
const pricing = (service: string) => `https://aws.amazon.com/${service}/pricing/ (Asia Pacific (Tokyo), ${read})`;

/**
 * Tokyo (ap-northeast-1) list prices, first tier, without free tiers (the account's free tier
 * is shared with whatever else runs in it, and some of it ends after 12 months).
 */
export const tokyoPrices = {
  dynamodbReadRequestUnit: { usd: 0.1425 / 1e6, per: 'read request unit (on-demand)', source: pricing('dynamodb') },
  dynamodbWriteRequestUnit: { usd: 0.715 / 1e6, per: 'write request unit (on-demand)', source: pricing('dynamodb') },
  dynamodbStorageGBMonth: { usd: 0.285, per: 'GB-month of table storage', source: pricing('dynamodb') },
  dynamodbPitrGBMonth: { usd: 0.228, per: 'GB-month of continuous backup (PITR)', source: pricing('dynamodb') },
  lambdaRequest: { usd: 0.2 / 1e6, per: 'invocation', source: pricing('lambda') },
  lambdaArmGBSecond: { usd: 0.0000133334, per: 'GB-second, arm64', source: pricing('lambda') },
  lambdaX86GBSecond: { usd: 0.0000166667, per: 'GB-second, x86_64', source: pricing('lambda') },
  httpApiRequest: { usd: 1.29 / 1e6, per: 'HTTP API request (first 300 million)', source: pricing('api-gateway') },
  cloudFrontHttpsRequest: { usd: 0.012 / 1e4, per: 'HTTPS request, Japan edge', source: `https://aws.amazon.com/cloudfront/pricing/ (Japan, ${read})` },
  cloudFrontTransferGB: { usd: 0.114, per: 'GB out to the internet, Japan edge (first 10 TB)', source: `https://aws.amazon.com/cloudfront/pricing/ (Japan, ${read})` },
  wafWebAclMonth: { usd: 5, per: 'web ACL-month', source: `https://aws.amazon.com/waf/pricing/ (${read})` },
  wafRuleMonth: { usd: 1, per: 'rule or managed rule group-month', source: `https://aws.amazon.com/waf/pricing/ (${read})` },
  wafRequest: { usd: 0.6 / 1e6, per: 'request inspected', source: `https://aws.amazon.com/waf/pricing/ (${read})` },
  sesMail: { usd: 0.1 / 1000, per: 'outbound mail', source: pricing('ses') },
  secretMonth: { usd: 0.4, per: 'secret-month', source: pricing('secrets-manager') },
  secretApiCall: { usd: 0.05 / 1e4, per: 'API call', source: pricing('secrets-manager') },
  logsIngestGB: { usd: 0.76, per: 'GB of logs ingested (standard class)', source: pricing('cloudwatch') },
  logsStoreGBMonth: { usd: 0.033, per: 'GB-month of logs stored', source: pricing('cloudwatch') },
  metricMonth: { usd: 0.3, per: 'custom metric-month (first 10,000)', source: pricing('cloudwatch') },
  alarmMetricMonth: { usd: 0.1, per: 'standard-resolution alarm metric-month', source: pricing('cloudwatch') },
  dashboardMonth: { usd: 3, per: "dashboard-month (beyond the account's 3 free)", source: pricing('cloudwatch') },
  eventBridgeEvent: { usd: 1 / 1e6, per: 'custom event published (or forwarded between buses)', source: pricing('eventbridge') },
  schedulerInvocation: { usd: 1 / 1e6, per: 'EventBridge Scheduler invocation', source: pricing('eventbridge') },
} as const satisfies Record<string, Price>;
export type Prices = Readonly<Record<keyof typeof tokyoPrices, Price>>;

/** Lambda's own log lines per invocation (START, END, REPORT) and CloudWatch's 26 bytes per event. */
const PLATFORM_LOG_BYTES = 3 * (26 + 110);
/** One API Gateway access log line (requestId, ip, time, method, route, status, protocol, length). */
const ACCESS_LOG_BYTES = 26 + 250;
/** Response headers CloudFront sends beside each API answer. */
const HEADER_BYTES = 400;
/** Wall time of the mail-feedback function per SES event (one Query and one small write): not measured here. */
const MAIL_FEEDBACK_MS = 50;
const GB = 1024 ** 3;

export type LineKind = 'per-request' | 'storage' | 'fixed';

export interface CostLine {
  readonly service: string;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly usd: number;
  /** `per-request` lines grow with traffic, `storage` with the data held, `fixed` with neither. */
  readonly kind: LineKind;
}

/** Calls a month of each operation, from the workload. */
export const monthlyCalls = (w: Workload, stack: StackFacts): Record<OperationKey, number> => {
  const month = (perYear: number) => perYear / 12;
  const holds = month(w.holdsPerYear);
  const onlineHolds = holds * w.onlineHoldShare;
  const sessions = onlineHolds * w.sessionsPerOnlineHold;
  const filled = holds * w.filledShare;
  const loans = month(w.loansPerYear);
  const branchDays = w.branches * month(w.openingDaysPerYear);
  return {
    config: sessions,
    branches: sessions,
    login: sessions,
    staffLogin: branchDays * w.staffConsoleLoadsPerBranchDay,
    me: sessions,
    search: sessions * w.searchesPerSession,
    title: sessions * w.titlePagesPerSession,
    status: sessions * w.statusViewsPerSession,
    basketAdd: sessions * w.basketAddsPerSession,
    basket: sessions * w.basketViewsPerSession,
    placeHold: onlineHolds,
    counterHold: holds - onlineHolds,
    cancelHold: holds * w.cancelledShare,
    checkout: loans,
    renew: loans * w.onlineRenewalShare,
    checkin: Math.max(0, loans - filled),
    checkinFill: filled,
    pullList: branchDays * w.pullListViewsPerBranchDay,
    registrationRun: stack.jobRunsPerMonth['hold-registration'] ?? 0,
    registrationItem: holds,
    noticesRun: stack.jobRunsPerMonth['pickup-notices'] ?? 0,
    noticesItem: filled * w.mailedShareOfFilled,
    expiryRun: stack.jobRunsPerMonth['hold-expiry'] ?? 0,
    expiryItem: filled * w.expiredShareOfFilled,
    // A rebuild's part that does not grow with the catalog, and its part per 1,000 titles.
    indexRebuildRun: stack.jobRunsPerMonth['search-index'] ?? 0,
    indexRebuild1k: (stack.jobRunsPerMonth['search-index'] ?? 0) * (w.titles / 1000),
  };
};

/** The workload `factor` times larger: every volume scales, behaviour per patron does not. */
export const scaleWorkload = (w: Workload, factor: number): Workload => ({
  ...w,
  registeredPatrons: w.registeredPatrons * factor,
  titles: w.titles * factor,
  copies: w.copies * factor,
  loansPerYear: w.loansPerYear * factor,
  holdsPerYear: w.holdsPerYear * factor,
  branches: w.branches * factor,
});

export interface MonthlyCost {
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
  readonly byService: Readonly<Record<string, number>>;
  readonly biggestLine: CostLine;
  /** Requests per second in the busiest hour (API), for sizing concurrency and throttles. */
  readonly peakApiRequestsPerSecond: number;
  /** Each operation's calls a month and what its reads and writes cost on DynamoDB, largest first. */
  readonly dynamodbByOperation: readonly { key: OperationKey; calls: number; usd: number }[];
}

/** The month's bill, line by line, from measured figures, a workload, the stack and prices. */
export const monthlyCost = (operations: readonly OperationFigures[], w: Workload, stack: StackFacts, prices: Prices = tokyoPrices): MonthlyCost => {
  const calls = monthlyCalls(w, stack);
  const figures = new Map(operations.map((o) => [o.key, o]));
  const missing = (Object.keys(calls) as OperationKey[]).filter((key) => calls[key] > 0 && !figures.has(key));
  if (missing.length > 0) throw new Error(`no measured figures for: ${missing.join(', ')}`);
  /** Scheduled runs with nothing to do: their cost follows the schedules, not the traffic. */
  const isRun = (key: OperationKey) => key.endsWith('Run');
  const sum = (part: 'traffic' | 'runs', pick: (o: OperationFigures, n: number) => number) =>
    (Object.entries(calls) as [OperationKey, number][])
      .filter(([key, n]) => n > 0 && isRun(key) === (part === 'runs'))
      .reduce((total, [key, n]) => total + pick(figures.get(key)!, n), 0);
  const each = (pick: (o: OperationFigures, n: number) => number) => sum('traffic', pick);
  const gbOf = (fn: string) => (stack.memoryMB[fn] ?? 0) / 1024;

  const apiRequests = each((o, n) => o.apiRequests * n);
  const events = each((o, n) => o.events * n);
  const mails = calls.noticesItem;
  const jobRuns = Object.values(stack.jobRunsPerMonth).reduce((a, b) => a + b, 0);
  // The stream delivers changes as they come; at a library's pace each event is its own batch.
  const relayInvocations = events;
  const feedbackInvocations = mails;
  const coldStarts = stack.apiFunctions.length * w.coldStartsPerFunctionHour * w.openingHoursPerDay * (w.openingDaysPerYear / 12);
  const invocations = apiRequests + relayInvocations + feedbackInvocations;
  // Lambda bills each invocation's duration rounded up to the millisecond (a job item is part of its run).
  const durationOf = (o: OperationFigures, n: number) => (n * (o.apiRequests > 0 || isRun(o.key) ? Math.ceil(o.wallMs) : o.wallMs) * gbOf(o.fn)) / 1000;
  const gbSeconds =
    each(durationOf) +
    each((o, n) => (n * o.events * Math.ceil(o.relayMs / Math.max(o.events, 1)) * gbOf('outbox-relay')) / 1000) +
    (feedbackInvocations * MAIL_FEEDBACK_MS * gbOf('mail-feedback')) / 1000;
  const runGbSeconds = sum('runs', durationOf);
  const initGbSeconds = stack.apiFunctions.reduce((total, fn) => total + (coldStarts / stack.apiFunctions.length) * (w.initMs / 1000) * gbOf(fn), 0);
  const gbSecondPrice = stack.architecture === 'arm64' ? prices.lambdaArmGBSecond : prices.lambdaX86GBSecond;

  const sessions = calls.config;
  const staffLoads = w.branches * (w.openingDaysPerYear / 12) * w.staffConsoleLoadsPerBranchDay;
  const edgeRequests = apiRequests + sessions * stack.patronApp.files + staffLoads * stack.staffApp.files;
  const transferBytes = each((o, n) => n * o.apiRequests * (o.responseBytes + HEADER_BYTES)) + sessions * stack.patronApp.bytes + staffLoads * stack.staffApp.bytes;

  const logGB = (each((o, n) => n * o.logBytes) + invocations * PLATFORM_LOG_BYTES + apiRequests * ACCESS_LOG_BYTES) / GB;
  const runLogGB = (sum('runs', (o, n) => n * o.logBytes) + jobRuns * PLATFORM_LOG_BYTES + coldStarts * 26) / GB;
  const storedGB =
    (w.registeredPatrons * w.bytesPerPatron +
      w.titles * w.bytesPerTitle +
      w.copies * w.bytesPerCopy +
      (w.holdsPerYear + w.loansPerYear) * w.recordsKeptYears * w.bytesPerRecord) /
    GB;

  const line = (service: string, item: string, quantity: number, price: Price, kind: LineKind): CostLine => ({
    service,
    item,
    quantity,
    unit: price.per,
    usd: quantity * price.usd,
    kind,
  });
  const lines: CostLine[] = [
    line(
      'DynamoDB',
      'read request units',
      each((o, n) => n * o.readUnits),
      prices.dynamodbReadRequestUnit,
      'per-request',
    ),
    line(
      'DynamoDB',
      'write request units (items, indexes, outbox deletes)',
      each((o, n) => n * (o.writeUnits + o.relayWriteUnits)),
      prices.dynamodbWriteRequestUnit,
      'per-request',
    ),
    line(
      'DynamoDB',
      'read request units of scheduled runs (nothing to do)',
      sum('runs', (o, n) => n * o.readUnits),
      prices.dynamodbReadRequestUnit,
      'fixed',
    ),
    line(
      'DynamoDB',
      'write request units of scheduled runs (run records)',
      sum('runs', (o, n) => n * (o.writeUnits + o.relayWriteUnits)),
      prices.dynamodbWriteRequestUnit,
      'fixed',
    ),
    line('DynamoDB', 'storage (items and index copies)', storedGB, prices.dynamodbStorageGBMonth, 'storage'),
    line('DynamoDB', 'point-in-time recovery (table.ts enables it)', storedGB, prices.dynamodbPitrGBMonth, 'storage'),
    // Reads of the stream by a Lambda event source mapping are not charged.
    { service: 'DynamoDB', item: 'stream reads by the outbox relay (Lambda trigger: free)', quantity: relayInvocations, unit: 'GetRecords', usd: 0, kind: 'per-request' },
    line('Lambda', 'invocations (API, outbox relay, mail feedback)', invocations, prices.lambdaRequest, 'per-request'),
    line('Lambda', `duration (${stack.architecture}; jobs' work per item included)`, gbSeconds, gbSecondPrice, 'per-request'),
    line('Lambda', 'invocations of scheduled job runs', jobRuns, prices.lambdaRequest, 'fixed'),
    line('Lambda', 'duration of scheduled runs (nothing to do)', runGbSeconds, gbSecondPrice, 'fixed'),
    line('Lambda', 'init duration of cold starts', initGbSeconds, gbSecondPrice, 'fixed'),
    line('API Gateway', 'HTTP API requests', apiRequests, prices.httpApiRequest, 'per-request'),
    line('CloudFront', 'HTTPS requests (API and app files)', edgeRequests, prices.cloudFrontHttpsRequest, 'per-request'),
    line('CloudFront', 'data out (app bundles, API answers)', transferBytes / GB, prices.cloudFrontTransferGB, 'per-request'),
    line('WAF', 'web ACL', 1, prices.wafWebAclMonth, 'fixed'),
    line('WAF', 'rules (managed groups, login rate limit, label rules)', stack.wafRules, prices.wafRuleMonth, 'fixed'),
    line('WAF', 'requests inspected', edgeRequests, prices.wafRequest, 'per-request'),
    line('SES', 'pickup notices mailed', mails, prices.sesMail, 'per-request'),
    line('Secrets Manager', 'secrets (signing keys, origin header)', stack.secrets, prices.secretMonth, 'fixed'),
    line('Secrets Manager', 'GetSecretValue at cold starts', coldStarts * stack.secretsReadPerColdStart, prices.secretApiCall, 'fixed'),
    line('CloudWatch', 'logs ingested (functions, API access logs)', logGB, prices.logsIngestGB, 'per-request'),
    line('CloudWatch', `logs stored (${stack.logRetentionMonths} months kept)`, logGB * stack.logRetentionMonths, prices.logsStoreGBMonth, 'per-request'),
    line(
      'CloudWatch',
      'logs of scheduled runs and cold starts, ingested and stored',
      runLogGB,
      { ...prices.logsIngestGB, usd: prices.logsIngestGB.usd + stack.logRetentionMonths * prices.logsStoreGBMonth.usd },
      'fixed',
    ),
    line('CloudWatch', 'custom metrics (EMF)', stack.customMetrics, prices.metricMonth, 'fixed'),
    line('CloudWatch', 'alarm metrics', stack.alarmMetrics, prices.alarmMetricMonth, 'fixed'),
    line('CloudWatch', 'dashboard', stack.dashboards, prices.dashboardMonth, 'fixed'),
    line('EventBridge', 'events (outbox relay, SES events forwarded)', events + feedbackInvocations, prices.eventBridgeEvent, 'per-request'),
    line('EventBridge', 'scheduled job runs', jobRuns, prices.schedulerInvocation, 'fixed'),
  ];
  const totalUsd = lines.reduce((sum, l) => sum + l.usd, 0);
  const byService: Record<string, number> = {};
  for (const l of lines) byService[l.service] = (byService[l.service] ?? 0) + l.usd;
  const biggestLine = lines.reduce((a, b) => (b.usd > a.usd ? b : a));
  const openHoursPerMonth = (w.openingDaysPerYear / 12) * w.openingHoursPerDay;
  const peakApiRequestsPerSecond = ((apiRequests / (w.openingDaysPerYear / 12)) * w.peakHourShare) / 3600;
  const dynamodbByOperation = (Object.entries(calls) as [OperationKey, number][])
    .filter(([, n]) => n > 0)
    .map(([key, n]) => {
      const o = figures.get(key)!;
      return { key, calls: n, usd: n * (o.readUnits * prices.dynamodbReadRequestUnit.usd + (o.writeUnits + o.relayWriteUnits) * prices.dynamodbWriteRequestUnit.usd) };
    })
    .sort((a, b) => b.usd - a.usd);
  return { lines, totalUsd, byService, biggestLine, peakApiRequestsPerSecond: openHoursPerMonth > 0 ? peakApiRequestsPerSecond : 0, dynamodbByOperation };
};
