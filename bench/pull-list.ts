import { randomUUID } from 'node:crypto';
import type { Hold } from '../functions/store/holds.js';
import { seedWaitingHolds } from '../functions/store/hold-seed.js';
import { pullList } from '../functions/use-cases/pull-list.js';
import { percentile, round, type BenchEnvironment } from './support.js';

/** The branch measured, and its day's work: titles with a copy on its shelf and holds waiting for them. */
const BRANCH = 'east';
const BRANCH_TITLES = 50;
const HOLDS_PER_BRANCH_TITLE = 2;
/** Holds waiting elsewhere in the library: titles whose copies are at other branches. */
const OTHER_HOLDS_PER_TITLE = 25;
const OTHER_BRANCHES = ['central', 'west', 'miwa', 'tsunezumi', 'uchihara'];
const REPEATS = 5;
const DATE = '2026-12-01';

/**
 * SPEC 5.4 pull list of one branch (decision 019) with 500 WAITING holds in the library,
 * then with 50,000, the branch's own work (100 holds on 50 titles with a copy on its shelf)
 * the same in both: DynamoDB requests and milliseconds (median of 5) of one list. Holds are
 * seeded directly as the registration batch leaves them (functions/store/hold-seed.ts).
 */
export const benchPullList = async (env: BenchEnvironment) => {
  const { deps, db } = env.services;
  const run = randomUUID().slice(0, 8);
  const requestedAt = (i: number) => new Date(Date.parse('2026-11-30T01:00:00Z') + i).toISOString();
  const branchOf = new Map<string, string>();
  let holdNo = 0;
  const hold = (titleId: string, pickupBranch: string): Hold => {
    holdNo += 1;
    return {
      holdId: `${run}-H${holdNo}`,
      cardNumber: String(80000000 + (holdNo % 5000)),
      titleId,
      title: `取寄ベンチ ${titleId}`,
      pickupBranch,
      status: 'WAITING',
      channel: 'ONLINE',
      requestedAt: requestedAt(holdNo),
      registeredAt: requestedAt(holdNo),
    };
  };
  /** `count` titles with one copy each at `branch` (round robin), and `perTitle` holds on each. */
  const seed = async (prefix: string, count: number, perTitle: number, branches: readonly string[]) => {
    const titles = Array.from({ length: count }, (_, i) => ({ titleId: `${run}${prefix}${i}`, branch: branches[i % branches.length] as string }));
    await deps.store.catalogImport.importRecords(
      titles.map((t) => ({
        titleId: t.titleId,
        title: `取寄ベンチ ${t.titleId}`,
        materialType: 'BOOK' as const,
        copies: [{ itemId: `${t.titleId}-1`, branch: t.branch, category: 'NORMAL' as const, interlibrary: false }],
      })),
    );
    for (const t of titles) branchOf.set(t.titleId, t.branch);
    const holds = titles.flatMap((t) => Array.from({ length: perTitle }, () => hold(t.titleId, 'central')));
    await seedWaitingHolds(db, holds, (titleId) => [branchOf.get(titleId) as string], deps.clock.now());
    return holds.length;
  };
  const measure = async (waitingInLibrary: number) => {
    const times: number[] = [];
    let requests = { total: 0, byOperation: {} as Record<string, number> };
    let lines = 0;
    await pullList(deps, BRANCH, DATE); // warm-up, not counted
    for (let i = 0; i < REPEATS; i += 1) {
      env.counter.reset();
      const started = performance.now();
      lines = (await pullList(deps, BRANCH, DATE)).length;
      times.push(performance.now() - started);
      requests = env.counter.snapshot();
    }
    times.sort((a, b) => a - b);
    return { waitingInLibrary, lines, ms: round(percentile(times, 50), 1), requests };
  };

  const branchHolds = await seed('P', BRANCH_TITLES, HOLDS_PER_BRANCH_TITLE, [BRANCH]);
  const small = 500 - branchHolds;
  let waiting = branchHolds + (await seed('S', small / OTHER_HOLDS_PER_TITLE, OTHER_HOLDS_PER_TITLE, OTHER_BRANCHES));
  const at500 = await measure(waiting);
  const seedStarted = performance.now();
  waiting += await seed('L', (50_000 - waiting) / OTHER_HOLDS_PER_TITLE, OTHER_HOLDS_PER_TITLE, OTHER_BRANCHES);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const at50k = await measure(waiting);
  return {
    branch: BRANCH,
    date: DATE,
    at500,
    at50k,
    ratio50kTo500: round(at50k.ms / at500.ms),
    seedSeconds: round(seedSeconds, 1),
    note: `one list of ${BRANCH} (its work: ${BRANCH_TITLES} titles, ${BRANCH_TITLES * HOLDS_PER_BRANCH_TITLE} holds); reads: its pull-list markers (4 shard Queries), the counter-hold staging partition, per marked title its queue and copies, branches, titles (BatchGet); median of ${REPEATS} after a warm-up`,
  };
};
