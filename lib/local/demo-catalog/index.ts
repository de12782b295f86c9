/**
 * Deterministic demo catalog (SPEC 4): the same titles and copies on every run for a given
 * size and seed. The classics come first with fixed ids (classics.ts); then, in this order,
 * ordinary books, multi-volume works, 紙芝居, reference-only works, contest books (課題図書),
 * interlibrary copies, magazine issues and AV (shares in demoCatalogPlan). Every copy starts
 * ON_SHELF at its home branch.
 */
import type { Item, Title } from '../../../functions/domain/catalog.js';
import { CatalogBuilder } from './builder.js';
import { classics } from './classics.js';
import { addAv, addClassics, addContest, addInterlibrary, addKamishibai, addMagazines, addReference, addSeries, ordinaryBook } from './kinds.js';
import { Random } from './random.js';

export { classics as demoClassics, demoClassicTitleIds, type ClassicKey } from './classics.js';
export { demoBranchCodes } from './copies.js';

export interface DemoCatalogOptions {
  /** Number of titles, at least the number of classics (default 2,000). */
  readonly titles?: number;
  readonly seed?: number;
}

export interface DemoCatalog {
  readonly titles: Title[];
  readonly items: Item[];
}

export const DEFAULT_DEMO_TITLES = 2_000;
export const DEFAULT_DEMO_SEED = 20261201;

/** Titles per kind for a catalog of `titles` titles. */
export const demoCatalogPlan = (titles: number) => {
  if (!Number.isInteger(titles) || titles < classics.length) throw new RangeError(`demo catalog: titles must be an integer >= ${classics.length}`);
  const rest = titles - classics.length;
  const share = (fraction: number) => Math.round(rest * fraction);
  const plan = {
    classics: classics.length,
    series: share(0.08),
    kamishibai: share(0.03),
    reference: share(0.02),
    contest: share(0.01),
    interlibrary: share(0.005),
    magazines: share(0.05),
    av: share(0.04),
  };
  const books = titles - Object.values(plan).reduce((a, b) => a + b, 0);
  return { ...plan, books };
};

/** The demo catalog: `titles` titles (default 2,000) and their copies, the same on every run. */
export const generateDemoCatalog = (options: DemoCatalogOptions = {}): DemoCatalog => {
  const plan = demoCatalogPlan(options.titles ?? DEFAULT_DEMO_TITLES);
  const b = new CatalogBuilder(new Random(options.seed ?? DEFAULT_DEMO_SEED));
  addClassics(b);
  for (let i = 0; i < plan.books; i += 1) b.lendingTitle(ordinaryBook(b));
  addSeries(b, plan.series);
  addKamishibai(b, plan.kamishibai);
  addReference(b, plan.reference);
  addContest(b, plan.contest);
  addInterlibrary(b, plan.interlibrary);
  addMagazines(b, plan.magazines);
  addAv(b, plan.av);
  return { titles: b.titles, items: b.items };
};
