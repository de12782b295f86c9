import type { Random } from './random.js';

/** Share of the collection per branch: the central library holds the most. */
const BRANCH_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['central', 36],
  ['east', 14],
  ['west', 14],
  ['miwa', 14],
  ['tsunezumi', 11],
  ['uchihara', 11],
];

export const demoBranchCodes: readonly string[] = BRANCH_WEIGHTS.map(([code]) => code);

/** Home branches of `count` copies: distinct branches first (weighted), then extra copies anywhere. */
export const pickBranches = (r: Random, count: number, mustInclude?: string): string[] => {
  const chosen: string[] = mustInclude ? [mustInclude] : [];
  while (chosen.length < count) {
    const free = BRANCH_WEIGHTS.filter(([code]) => !chosen.includes(code));
    chosen.push(r.weighted(free.length > 0 ? free : BRANCH_WEIGHTS));
  }
  return chosen.slice(0, count);
};

/** Copies of an ordinary lending title: half are single copies, a few popular ones have many. */
export const lendingCopyCount = (r: Random): number =>
  r.weighted([
    [1, 50],
    [2, 28],
    [r.int(3, 4), 15],
    [r.int(5, 8), 7],
  ]);
