import type { Workload } from './cost-model.js';

/**
 * Mito city's libraries (水戸市立図書館, six branches, ~270,000 inhabitants) as a workload.
 * Sources and reasoning for each figure: docs/cost.md "Workload". Figures marked
 * "assumed" were not found in a published statistic.
 */
export const mitoWorkload: Workload = {
  // Assumed: a third of the inhabitants (registration rates of 30–50 % are common; see docs/cost.md).
  registeredPatrons: 90_000,
  // Assumed: ~2 copies per title (issue 12), from the copies below.
  titles: 500_000,
  // 蔵書数 995,593冊 (2017-03-31), Wikipedia 水戸市立図書館 (the city's 要覧 figures).
  copies: 995_593,
  // 貸出数 1,220,080冊 (2016年度), same source.
  loansPerYear: 1_220_080,
  // Assumed: holds at 12 % of loans (5–6 % in the two small libraries found; more with six branches and internet holds).
  holdsPerYear: 150_000,
  onlineHoldShare: 0.7,
  branches: 6,
  // Closed on Mondays, holidays' days after, year end and stocktaking: ~290 days of 9 hours.
  openingDaysPerYear: 290,
  openingHoursPerDay: 9,
  peakHourShare: 0.15,
  sessionsPerOnlineHold: 3,
  searchesPerSession: 3,
  titlePagesPerSession: 2,
  statusViewsPerSession: 1,
  basketAddsPerSession: 0.3,
  basketViewsPerSession: 0.3,
  onlineRenewalShare: 0.1,
  cancelledShare: 0.1,
  filledShare: 0.85,
  expiredShareOfFilled: 0.05,
  mailedShareOfFilled: 0.6,
  pullListViewsPerBranchDay: 4,
  staffConsoleLoadsPerBranchDay: 4,
  coldStartsPerFunctionHour: 6,
  initMs: 400,
  // Profile, credential, lookup items and their index copies; title with its share of the search index; copy; hold or loan.
  bytesPerPatron: 2_000,
  bytesPerTitle: 1_500,
  bytesPerCopy: 600,
  bytesPerRecord: 800,
  // Open loans (2 weeks), open holds and finished holds until their 30-day TTL: ~5 weeks of activity.
  recordsKeptYears: 0.1,
};
