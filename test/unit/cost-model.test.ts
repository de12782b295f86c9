import { describe, expect, it } from 'vitest';
import {
  monthlyCost,
  monthlyCalls,
  scaleWorkload,
  tokyoPrices,
  type OperationFigures,
  type OperationKey,
  type Prices,
  type StackFacts,
  type Workload,
} from '../../bench/cost-model.js';
import { mitoWorkload } from '../../bench/mito-workload.js';
import { runsPerDay, stackFacts } from '../../bench/stack-facts.js';

const keys: OperationKey[] = [
  'config',
  'branches',
  'search',
  'title',
  'login',
  'staffLogin',
  'me',
  'placeHold',
  'counterHold',
  'cancelHold',
  'status',
  'basketAdd',
  'basket',
  'checkout',
  'renew',
  'pullList',
  'checkin',
  'checkinFill',
  'registrationRun',
  'registrationItem',
  'noticesRun',
  'noticesItem',
  'expiryRun',
  'expiryItem',
  'indexRebuildRun',
  'indexRebuild1k',
];
const isJob = (key: OperationKey) => /Run$|Item$|Rebuild/.test(key);
/** Every operation with the same figures: 2 reads, 3 writes, 40 ms, one event. */
const figures = (overrides: Partial<Record<OperationKey, Partial<OperationFigures>>> = {}): OperationFigures[] =>
  keys.map((key) => ({
    key,
    fn: isJob(key) ? 'hold-registration' : 'patron-api',
    apiRequests: isJob(key) ? 0 : 1,
    readUnits: 2,
    writeUnits: 3,
    wallMs: 40,
    logBytes: 200,
    responseBytes: 1_000,
    events: 1,
    relayWriteUnits: 1,
    relayMs: 20,
    ...overrides[key],
  }));

const stack: StackFacts = {
  memoryMB: { 'patron-api': 512, 'hold-registration': 512, 'outbox-relay': 256, 'mail-feedback': 256 },
  architecture: 'arm64',
  apiFunctions: ['patron-api'],
  jobRunsPerMonth: { 'hold-registration': 3_000, 'pickup-notices': 30, 'hold-expiry': 30, 'search-index': 30 },
  secrets: 3,
  secretsReadPerColdStart: 2,
  wafRules: 6,
  alarmMetrics: 24,
  customMetrics: 15,
  dashboards: 1,
  logRetentionMonths: 3,
  patronApp: { bytes: 40_000, files: 3 },
  staffApp: { bytes: 30_000, files: 3 },
};

const linesOf = (workload: Workload, s = stack) => monthlyCost(figures(), workload, s).lines;

describe('monthly cost model (issue 12.6)', () => {
  it('twice the workload doubles every per-request and storage line and leaves the fixed ones as they are', () => {
    const once = linesOf(mitoWorkload);
    const twice = linesOf(scaleWorkload(mitoWorkload, 2));
    expect(twice.map((l) => l.item)).toEqual(once.map((l) => l.item));
    once.forEach((line, i) => {
      const doubled = twice[i]!;
      if (line.kind === 'fixed') expect(doubled.usd, line.item).toBeCloseTo(line.usd, 9);
      else expect(doubled.usd, line.item).toBeCloseTo(2 * line.usd, 9);
    });
    expect(once.filter((l) => l.kind === 'per-request' && l.usd > 0).length).toBeGreaterThan(10);
    expect(once.filter((l) => l.kind === 'fixed' && l.usd > 0).length).toBeGreaterThan(5);
  });

  it('a library with no traffic and no data pays only the fixed lines: web ACL, rules, secrets, metrics, alarms, dashboard', () => {
    const idle: Workload = { ...scaleWorkload(mitoWorkload, 0), openingDaysPerYear: 0 };
    const idleStack: StackFacts = { ...stack, jobRunsPerMonth: {} };
    const cost = monthlyCost(figures(), idle, idleStack);
    // 5 + 6 × 1 + 3 × 0.40 + 15 × 0.30 + 24 × 0.10 + 3
    expect(cost.totalUsd).toBeCloseTo(22.1, 9);
    expect(cost.biggestLine.item).toMatch(/rules/);
  });

  it('one hold a month, priced by hand: reads, writes, invocations, GB-seconds and the API request', () => {
    const free = Object.fromEntries(Object.entries(tokyoPrices).map(([name, price]) => [name, { ...price, usd: 0 }])) as Prices;
    const prices: Prices = {
      ...free,
      dynamodbReadRequestUnit: { ...free.dynamodbReadRequestUnit, usd: 1 },
      dynamodbWriteRequestUnit: { ...free.dynamodbWriteRequestUnit, usd: 2 },
      lambdaRequest: { ...free.lambdaRequest, usd: 0.5 },
      lambdaArmGBSecond: { ...free.lambdaArmGBSecond, usd: 10 },
      httpApiRequest: { ...free.httpApiRequest, usd: 3 },
    };
    const oneHold: Workload = {
      ...scaleWorkload(mitoWorkload, 0),
      holdsPerYear: 12,
      onlineHoldShare: 1,
      sessionsPerOnlineHold: 0,
      cancelledShare: 0,
      filledShare: 0,
      openingDaysPerYear: 0,
    };
    const noJobs: StackFacts = { ...stack, memoryMB: { 'patron-api': 1024, 'outbox-relay': 256 }, jobRunsPerMonth: {} };
    const operations = figures({
      placeHold: { readUnits: 4, writeUnits: 10, relayWriteUnits: 1, wallMs: 99.2, events: 1, relayMs: 0 },
      registrationItem: { readUnits: 0, writeUnits: 0, relayWriteUnits: 0, wallMs: 0, events: 0 },
    });
    expect(monthlyCalls(oneHold, noJobs)).toMatchObject({ placeHold: 1, registrationItem: 1, search: 0, checkout: 0 });
    // 4 reads × 1 + 11 writes × 2 + 2 invocations (API, relay) × 0.5 + 1 GB × 0.100 s × 10 + 1 request × 3
    expect(monthlyCost(operations, oneHold, noJobs, prices).totalUsd).toBeCloseTo(4 + 22 + 1 + 1 + 3, 9);
  });

  it('refuses a workload with an operation the bench did not measure', () => {
    const withoutStatus = figures().filter((o) => o.key !== 'status');
    expect(() => monthlyCost(withoutStatus, mitoWorkload, stack)).toThrow(/status/);
  });

  it('counts the runs a day of the wiring schedules (every 10 minutes from 07 to 23 h is 102)', () => {
    expect(runsPerDay('*/10 7-23 * * *')).toBe(102);
    expect(runsPerDay('0 7 * * *')).toBe(1);
    expect(runsPerDay('0,30 6 * * *')).toBe(2);
  });

  it("prices each function at the memory the stack gives it: a group's own size in the wiring, else its kind's", () => {
    const web = { bytes: 1, files: 1 };
    const { memoryMB } = stackFacts({ patronApp: web, staffApp: web });
    // public-api holds the search index, the search-index job builds it (decision 020).
    expect(memoryMB['public-api']).toBe(1769);
    expect(memoryMB['search-index']).toBe(4096);
    expect(memoryMB['patron-api']).toBe(512);
    expect(memoryMB['outbox-relay']).toBe(256);
  });
});
