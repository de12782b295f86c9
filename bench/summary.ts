/**
 * The bench's `summary`: the same keys in every run, so figures compare run to run (issue
 * 12.8). A key is null when its part did not run (`--only`, or skipped) or when nothing
 * measures it yet; the details beside it say more.
 */
export const SUMMARY_KEYS = [
  'searchTitles',
  'searchP95Ms',
  'searchColdLoadMs',
  'searchResidentMB',
  'requestsPlaceHold',
  'requestsStatus',
  'requestsLogin',
  'requestsCheckin',
  'registrationRatio',
  'noticeRatio',
  'pullListMs50k',
  'initRatioMax',
  'patronFirstUsableMs',
  'monthlyCostUsdMito',
] as const;

export type BenchSummary = Record<(typeof SUMMARY_KEYS)[number], number | null>;

/** Follows `path` through nested objects; a number at its end, otherwise null. */
const numberAt = (value: unknown, ...path: string[]): number | null => {
  let at: unknown = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
};

/** DynamoDB requests of the route whose name starts with `prefix` in a calls part. */
const requestsOf = (part: unknown, list: 'routes', prefix: string): number | null => {
  const routes = part !== null && typeof part === 'object' ? (part as Record<string, unknown>)[list] : undefined;
  if (!Array.isArray(routes)) return null;
  const route = routes.find((r: { name?: unknown }) => typeof r.name === 'string' && r.name.startsWith(prefix));
  return numberAt(route, 'dynamodbRequests');
};

export const benchSummary = (report: Readonly<Record<string, unknown>>): BenchSummary => ({
  searchTitles: numberAt(report.search, 'catalog', 'titles'),
  searchP95Ms: numberAt(report.search, 'queries', 'indexMs', 'p95'),
  // A fresh process: fetch the stored index, deserialize it, answer a first query (median of 3).
  searchColdLoadMs: numberAt(report.search, 'coldLoad', 'chosen', 'coldLoadMs'),
  // The same fresh process's RSS growth from before the fetch to after the first query.
  searchResidentMB: numberAt(report.search, 'memory', 'freshProcess', 'rssDeltaMB'),
  requestsPlaceHold: requestsOf(report.holdCalls, 'routes', 'POST /api/me/holds'),
  requestsStatus: requestsOf(report.holdCalls, 'routes', 'GET /api/me/status'),
  requestsLogin: requestsOf(report.accountCalls, 'routes', 'POST /api/login'),
  // The shelf copy for a waiting hold; the returned loan beside it in the details.
  requestsCheckin: requestsOf(report.holdCalls, 'routes', 'POST /admin/checkin (a copy for a waiting hold)'),
  registrationRatio: numberAt(report.registration, 'ratioToBaseline'),
  noticeRatio: numberAt(report.notices, 'ratioToIdeal'),
  pullListMs50k: numberAt(report.pullList, 'at50k', 'ms'),
  initRatioMax: numberAt(report.coldStart, 'initRatioMax'),
  patronFirstUsableMs: numberAt(report.web, 'firstUsableMs', 'patronThrottledPhone'),
  monthlyCostUsdMito: numberAt(report.capacity, 'cost', 'mito', 'totalUsd'),
});
