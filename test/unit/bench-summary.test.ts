import { describe, expect, it } from 'vitest';
import { benchSummary, SUMMARY_KEYS } from '../../bench/summary.js';

describe('bench summary (issue 12.8)', () => {
  it('has exactly the fixed keys, null for parts that did not run', () => {
    const summary = benchSummary({ estimatedWait: {} });
    expect(Object.keys(summary)).toEqual([...SUMMARY_KEYS]);
    expect(Object.values(summary).every((v) => v === null)).toBe(true);
  });

  it('takes each figure from its part', () => {
    const summary = benchSummary({
      search: {
        catalog: { titles: 1_000_000 },
        queries: { indexMs: { p95: 17.5 } },
        coldLoad: { chosen: { store: 'table', coldLoadMs: 1200 }, localObjectOverHttp: { coldLoadMs: 900 } },
        memory: { freshProcess: { rssDeltaMB: 310.4 }, computed: { textsMB: 120.25, typedArraysMB: 60.2 } },
      },
      holdCalls: {
        routes: [
          { name: 'POST /api/me/holds', dynamodbRequests: 6 },
          { name: 'GET /api/me/status (6 holds, 5 WAITING)', dynamodbRequests: 7 },
          { name: 'POST /admin/checkin (a copy for a waiting hold)', dynamodbRequests: 5 },
        ],
      },
      accountCalls: { routes: [{ name: 'POST /api/login', dynamodbRequests: 3 }] },
      registration: { ratioToBaseline: 0.43 },
      notices: { ratioToIdeal: 1.02 },
      web: { firstUsableMs: { patronThrottledPhone: 996 } },
      capacity: { cost: { mito: { totalUsd: 29.45 } } },
    });
    expect(summary).toMatchObject({
      searchTitles: 1_000_000,
      searchP95Ms: 17.5,
      searchColdLoadMs: 1200,
      searchResidentMB: 310.4,
      requestsPlaceHold: 6,
      requestsStatus: 7,
      requestsLogin: 3,
      requestsCheckin: 5,
      registrationRatio: 0.43,
      noticeRatio: 1.02,
      patronFirstUsableMs: 996,
      monthlyCostUsdMito: 29.45,
    });
  });

  it('a skipped part (no Chromium) leaves its key null', () => {
    expect(benchSummary({ web: { skipped: 'no Chromium' } }).patronFirstUsableMs).toBeNull();
  });
});
