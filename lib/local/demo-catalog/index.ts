/**
 * Deterministic demo catalog (SPEC 4): the same titles and copies on every run for a given
 * size and seed. The classics come first with fixed ids (classics.ts); then, in this order,
 * ordinary books, multi-volume works, 紙芝居, reference-only works, contest books (課題図書),
 * interlibrary copies, magazine issues and AV (shares in demoCatalogPlan). Every copy starts
 * ON_SHELF at its home branch.
 */
import type { Item, ItemCategory, Title } from '../../../functions/domain/catalog.js';
import { classics, titleIdFor } from './classics.js';
import { lendingCopyCount, pickBranches } from './copies.js';
import { issueOf, magazines } from './magazines.js';
import { randomPerson, type Person } from './people.js';
import {
  childrenPublishers,
  fictionPublishers,
  formatIsbn,
  IsbnAllocator,
  isbnForm,
  kamishibaiPublishers,
  nonFictionPublishers,
  type PublisherKey,
  publishers,
  referencePublishers,
  techPublishers,
} from './publishers.js';
import { Random } from './random.js';
import { avTitle, type ComposedTitle, fictionTitle, kidsTitle, nonFictionTitle, referenceTitle, techTitle, volumeSets } from './titles.js';

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
const FIRST_ITEM_ID = 1_000_000_001;

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

interface Draft extends ComposedTitle {
  readonly author?: Person;
  readonly publisher: PublisherKey | string;
  readonly year: number;
  readonly materialType: Title['materialType'];
  readonly subtype?: Title['subtype'];
  readonly series?: string;
  readonly volume?: string;
  /** Printed ISBN; drafts of ISBN publishers get one allocated when absent. */
  readonly isbn?: string;
  readonly noIsbn?: boolean;
}

class CatalogBuilder {
  readonly titles: Title[] = [];
  readonly items: Item[] = [];
  private readonly isbns = new IsbnAllocator();
  private readonly classicTitles = new Set<string>(classics.map((c) => c.title));

  constructor(readonly r: Random) {
    for (const c of classics) this.isbns.reserve(publishers[c.publisher].registrant ?? '', c.isbnTitleCode);
  }

  /** A composed title that is not one of the classics (their ids must stay the only exact hits). */
  fresh(make: () => ComposedTitle): ComposedTitle {
    for (;;) {
      const composed = make();
      if (!this.classicTitles.has(composed.title)) return composed;
    }
  }

  addTitle(draft: Draft): string {
    const titleId = titleIdFor(this.titles.length + 1);
    const known = draft.publisher in publishers ? publishers[draft.publisher as PublisherKey] : undefined;
    let isbn = draft.isbn;
    if (!isbn && !draft.noIsbn && known?.registrant) {
      // A publisher whose numbers run out (a 5-digit registrant has 1,000) lends its range to none: no ISBN.
      const body = this.isbns.allocate(known.registrant);
      if (body) isbn = formatIsbn(body, known.registrant, isbnForm(this.r, draft.year));
    }
    const title: Title = {
      titleId,
      title: draft.title,
      titleReading: draft.titleReading,
      ...(draft.author ? { author: draft.author.name, authorReading: draft.author.reading } : {}),
      publisher: known?.name ?? draft.publisher,
      year: draft.year,
      ...(isbn ? { isbn } : {}),
      materialType: draft.materialType,
      ...(draft.subtype ? { subtype: draft.subtype } : {}),
      ...(draft.series ? { series: draft.series, volume: draft.volume } : {}),
    };
    this.titles.push(title);
    return titleId;
  }

  addCopies(titleId: string, branches: readonly string[], category: ItemCategory, interlibrary = false): void {
    for (const branch of branches) {
      const itemId = String(FIRST_ITEM_ID + this.items.length);
      this.items.push({ itemId, titleId, branch, location: branch, category, interlibrary, status: 'ON_SHELF' });
    }
  }

  lendingTitle(draft: Draft): void {
    this.addCopies(this.addTitle(draft), pickBranches(this.r, lendingCopyCount(this.r)), 'NORMAL');
  }
}

const ordinaryBook = (b: CatalogBuilder): Draft => {
  const r = b.r;
  const genre = r.weighted([
    ['fiction', 40],
    ['nonFiction', 30],
    ['tech', 10],
    ['kids', 20],
  ] as const);
  if (genre === 'fiction') return { ...b.fresh(() => fictionTitle(r)), author: randomPerson(r), publisher: r.pick(fictionPublishers), year: r.int(1975, 2026), materialType: 'BOOK' };
  if (genre === 'nonFiction') return { ...b.fresh(() => nonFictionTitle(r)), author: randomPerson(r), publisher: r.pick(nonFictionPublishers), year: r.int(1980, 2026), materialType: 'BOOK' };
  if (genre === 'tech') return { ...b.fresh(() => techTitle(r)), author: randomPerson(r), publisher: r.pick(techPublishers), year: r.int(2005, 2026), materialType: 'BOOK' };
  return { ...b.fresh(() => kidsTitle(r)), author: randomPerson(r), publisher: r.pick(childrenPublishers), year: r.int(1965, 2026), materialType: 'BOOK' };
};

const addClassics = (b: CatalogBuilder) => {
  for (const c of classics) {
    const publisher = publishers[c.publisher];
    const body = `4${publisher.registrant}${c.isbnTitleCode}`;
    const titleId = b.addTitle({
      title: c.title,
      titleReading: c.titleReading,
      author: { name: c.author, reading: c.authorReading },
      publisher: c.publisher,
      year: c.year,
      materialType: 'BOOK',
      isbn: formatIsbn(body, publisher.registrant ?? '', c.isbnForm),
    });
    b.addCopies(titleId, c.copies, 'NORMAL');
  }
};

const addSeries = (b: CatalogBuilder, count: number) => {
  const seen = new Set<string>();
  let left = count;
  while (left > 0) {
    const r = b.r;
    const base = r.chance(0.6) ? b.fresh(() => fictionTitle(r)) : b.fresh(() => nonFictionTitle(r));
    // One work per series name, so a series' volumes are one author's.
    if (seen.has(base.title)) continue;
    seen.add(base.title);
    const volumes = r.pick(volumeSets).slice(0, left);
    const author = randomPerson(r);
    const publisher = r.pick(r.chance(0.6) ? fictionPublishers : nonFictionPublishers);
    const year = r.int(1985, 2026);
    // All volumes of a work sit at the same branches.
    const branches = pickBranches(r, lendingCopyCount(r));
    for (const volume of volumes) {
      const titleId = b.addTitle({
        title: `${base.title} ${volume.text}`,
        titleReading: `${base.titleReading} ${volume.reading}`,
        author,
        publisher,
        year,
        materialType: 'BOOK',
        series: base.title,
        volume: volume.text,
      });
      b.addCopies(titleId, branches, 'NORMAL');
    }
    left -= volumes.length;
  }
};

const realKamishibai: readonly Draft[] = [
  { title: 'おおきく おおきく おおきくなあれ', titleReading: 'オオキク オオキク オオキク ナアレ', author: { name: 'まつい のりこ', reading: 'マツイ ノリコ' }, publisher: 'doshinsha', year: 1983, materialType: 'BOOK', subtype: 'KAMISHIBAI' },
  { title: 'ごんぎつね', titleReading: 'ゴンギツネ', author: { name: '新美 南吉', reading: 'ニイミ ナンキチ' }, publisher: 'doshinsha', year: 1998, materialType: 'BOOK', subtype: 'KAMISHIBAI' },
];

const addKamishibai = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const draft: Draft = realKamishibai[i] ?? {
      ...b.fresh(() => kidsTitle(r)),
      author: randomPerson(r),
      publisher: r.pick(kamishibaiPublishers),
      year: r.int(1975, 2026),
      materialType: 'BOOK',
      subtype: 'KAMISHIBAI',
    };
    b.addCopies(b.addTitle(draft), pickBranches(r, r.int(1, 2)), 'NORMAL');
  }
};

const realReference: readonly Draft[] = [
  { title: '広辞苑 第7版', titleReading: 'コウジエン ダイ7ハン', author: { name: '新村 出', reading: 'シンムラ イズル' }, publisher: 'iwanami', year: 2018, materialType: 'BOOK' },
  { title: '大辞林 第4版', titleReading: 'ダイジリン ダイ4ハン', author: { name: '松村 明', reading: 'マツムラ アキラ' }, publisher: 'sanseido', year: 2019, materialType: 'BOOK' },
  { title: '理科年表 2026', titleReading: 'リカ ネンピョウ 2026', author: { name: '国立天文台', reading: 'コクリツ テンモンダイ' }, publisher: 'maruzen', year: 2025, materialType: 'BOOK' },
  { title: '現代用語の基礎知識 2026', titleReading: 'ゲンダイ ヨウゴ ノ キソ チシキ 2026', publisher: 'jiyuKokumin', year: 2025, materialType: 'BOOK' },
  { title: '茨城県統計年鑑', titleReading: 'イバラキケン トウケイ ネンカン', author: { name: '茨城県', reading: 'イバラキケン' }, publisher: 'ibarakiPref', year: 2025, materialType: 'BOOK', noIsbn: true },
  { title: '日本国語大辞典', titleReading: 'ニホン コクゴ ダイジテン', publisher: 'shogakukan', year: 2001, materialType: 'BOOK' },
];

const addReference = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const year = r.int(1995, 2026);
    const draft: Draft = realReference[i] ?? { ...b.fresh(() => referenceTitle(r, year)), author: randomPerson(r), publisher: r.pick(referencePublishers), year, materialType: 'BOOK' };
    b.addCopies(b.addTitle(draft), pickBranches(r, r.int(1, 3), 'central'), 'REFERENCE_ONLY');
  }
};

/** 青少年読書感想文全国コンクール課題図書: several CONTEST copies, counter holds only. */
const addContest = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const composed = r.chance(0.5) ? b.fresh(() => kidsTitle(r)) : b.fresh(() => fictionTitle(r));
    const draft: Draft = { ...composed, author: randomPerson(r), publisher: r.pick(childrenPublishers), year: 2026, materialType: 'BOOK' };
    b.addCopies(b.addTitle(draft), pickBranches(r, r.int(3, 6), 'central'), 'CONTEST');
  }
};

/** 相互貸借資料: one copy borrowed from another library system. */
const addInterlibrary = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const draft: Draft = { ...b.fresh(() => nonFictionTitle(r)), author: randomPerson(r), publisher: r.pick(nonFictionPublishers), year: r.int(1970, 2020), materialType: 'BOOK' };
    b.addCopies(b.addTitle(draft), pickBranches(r, 1), 'NORMAL', true);
  }
};

const addMagazines = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  // Which branches take each magazine: always central, and up to two more.
  const subscribers = magazines.map(() => pickBranches(r, r.int(1, 3), 'central'));
  for (let i = 0; i < count; i += 1) {
    const k = i % magazines.length;
    const back = Math.floor(i / magazines.length);
    const magazine = magazines[k]!;
    const issue = issueOf(back);
    const titleId = b.addTitle({
      title: `${magazine.name} ${issue.volume}`,
      titleReading: `${magazine.reading} ${issue.reading}`,
      publisher: magazine.publisher,
      year: issue.year,
      materialType: 'MAGAZINE',
      series: magazine.name,
      volume: issue.volume,
      noIsbn: true,
    });
    b.addCopies(titleId, subscribers[k] ?? ['central'], back === 0 ? 'LATEST_ISSUE' : 'NORMAL');
  }
};

const addAv = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const av = avTitle(r);
    const titleId = b.addTitle({ title: av.title, titleReading: av.titleReading, ...(av.author ? { author: av.author } : {}), publisher: av.label, year: r.int(1990, 2026), materialType: 'AV', noIsbn: true });
    b.addCopies(titleId, pickBranches(r, r.weighted([[1, 80], [2, 20]]), r.chance(0.5) ? 'central' : undefined), 'NORMAL');
  }
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
