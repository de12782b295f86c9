/** Each kind of title in the demo catalog, with the copies it gets. */
import { classics } from './classics.js';
import { lendingCopyCount, pickBranches } from './copies.js';
import { issueOf, magazines } from './magazines.js';
import { randomPerson } from './people.js';
import {
  childrenPublishers,
  fictionPublishers,
  formatIsbn,
  kamishibaiPublishers,
  nonFictionPublishers,
  publishers,
  referencePublishers,
  techPublishers,
} from './publishers.js';
import { avTitle, fictionTitle, kidsTitle, nonFictionTitle, referenceTitle, techTitle, volumeSets } from './titles.js';
import type { CatalogBuilder, Draft } from './builder.js';
import { classicClasses, NDC } from './call-numbers.js';

export const ordinaryBook = (b: CatalogBuilder): Draft => {
  const r = b.r;
  const genre = r.weighted([
    ['fiction', 40],
    ['nonFiction', 30],
    ['tech', 10],
    ['kids', 20],
  ] as const);
  if (genre === 'fiction')
    return {
      ...b.fresh(() => fictionTitle(r)),
      author: randomPerson(r),
      publisher: r.pick(fictionPublishers),
      year: r.int(1975, 2026),
      materialType: 'BOOK',
      classNumber: NDC.japaneseFiction,
    };
  if (genre === 'nonFiction')
    return {
      ...b.fresh(() => nonFictionTitle(r)),
      author: randomPerson(r),
      publisher: r.pick(nonFictionPublishers),
      year: r.int(1980, 2026),
      materialType: 'BOOK',
      classNumber: NDC.essays,
    };
  if (genre === 'tech')
    return {
      ...b.fresh(() => techTitle(r)),
      author: randomPerson(r),
      publisher: r.pick(techPublishers),
      year: r.int(2005, 2026),
      materialType: 'BOOK',
      classNumber: NDC.computing,
    };
  return {
    ...b.fresh(() => kidsTitle(r)),
    author: randomPerson(r),
    publisher: r.pick(childrenPublishers),
    year: r.int(1965, 2026),
    materialType: 'BOOK',
    classNumber: NDC.pictureBook,
  };
};

export const addClassics = (b: CatalogBuilder) => {
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
      classNumber: classicClasses[c.key] ?? NDC.japaneseFiction,
    });
    b.addCopies(titleId, c.copies, 'NORMAL');
  }
};

export const addSeries = (b: CatalogBuilder, count: number) => {
  const seen = new Set<string>();
  let left = count;
  while (left > 0) {
    const r = b.r;
    const fiction = r.chance(0.6);
    const base = fiction ? b.fresh(() => fictionTitle(r)) : b.fresh(() => nonFictionTitle(r));
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
        classNumber: fiction ? NDC.japaneseFiction : NDC.essays,
      });
      b.addCopies(titleId, branches, 'NORMAL');
    }
    left -= volumes.length;
  }
};

const realKamishibai: readonly Draft[] = [
  {
    title: 'おおきく おおきく おおきくなあれ',
    titleReading: 'オオキク オオキク オオキク ナアレ',
    author: { name: 'まつい のりこ', reading: 'マツイ ノリコ' },
    publisher: 'doshinsha',
    year: 1983,
    materialType: 'BOOK',
    subtype: 'KAMISHIBAI',
  },
  {
    title: 'ごんぎつね',
    titleReading: 'ゴンギツネ',
    author: { name: '新美 南吉', reading: 'ニイミ ナンキチ' },
    publisher: 'doshinsha',
    year: 1998,
    materialType: 'BOOK',
    subtype: 'KAMISHIBAI',
  },
];

export const addKamishibai = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const draft: Draft = {
      classNumber: NDC.kamishibai,
      ...(realKamishibai[i] ?? {
        ...b.fresh(() => kidsTitle(r)),
        author: randomPerson(r),
        publisher: r.pick(kamishibaiPublishers),
        year: r.int(1975, 2026),
        materialType: 'BOOK',
        subtype: 'KAMISHIBAI',
      }),
    };
    b.addCopies(b.addTitle(draft), pickBranches(r, r.int(1, 2)), 'NORMAL');
  }
};

const realReference: readonly Draft[] = [
  {
    title: '広辞苑 第7版',
    titleReading: 'コウジエン ダイ7ハン',
    author: { name: '新村 出', reading: 'シンムラ イズル' },
    publisher: 'iwanami',
    year: 2018,
    materialType: 'BOOK',
  },
  {
    title: '大辞林 第4版',
    titleReading: 'ダイジリン ダイ4ハン',
    author: { name: '松村 明', reading: 'マツムラ アキラ' },
    publisher: 'sanseido',
    year: 2019,
    materialType: 'BOOK',
  },
  {
    title: '理科年表 2026',
    titleReading: 'リカ ネンピョウ 2026',
    author: { name: '国立天文台', reading: 'コクリツ テンモンダイ' },
    publisher: 'maruzen',
    year: 2025,
    materialType: 'BOOK',
  },
  { title: '現代用語の基礎知識 2026', titleReading: 'ゲンダイ ヨウゴ ノ キソ チシキ 2026', publisher: 'jiyuKokumin', year: 2025, materialType: 'BOOK' },
  {
    title: '茨城県統計年鑑',
    titleReading: 'イバラキケン トウケイ ネンカン',
    author: { name: '茨城県', reading: 'イバラキケン' },
    publisher: 'ibarakiPref',
    year: 2025,
    materialType: 'BOOK',
    noIsbn: true,
  },
  { title: '日本国語大辞典', titleReading: 'ニホン コクゴ ダイジテン', publisher: 'shogakukan', year: 2001, materialType: 'BOOK' },
];

export const addReference = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const year = r.int(1995, 2026);
    const real = realReference[i];
    const draft: Draft = real
      ? { ...real, classNumber: /辞典|辞林|辞苑/.test(real.title) ? NDC.dictionary : NDC.reference }
      : {
          ...b.fresh(() => referenceTitle(r, year)),
          author: randomPerson(r),
          publisher: r.pick(referencePublishers),
          year,
          materialType: 'BOOK',
          classNumber: NDC.reference,
        };
    b.addCopies(b.addTitle(draft), pickBranches(r, r.int(1, 3), 'central'), 'REFERENCE_ONLY');
  }
};

/** 青少年読書感想文全国コンクール課題図書: several CONTEST copies, counter holds only. */
export const addContest = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const composed = r.chance(0.5) ? b.fresh(() => kidsTitle(r)) : b.fresh(() => fictionTitle(r));
    const draft: Draft = {
      ...composed,
      author: randomPerson(r),
      publisher: r.pick(childrenPublishers),
      year: 2026,
      materialType: 'BOOK',
      classNumber: NDC.japaneseFiction,
    };
    b.addCopies(b.addTitle(draft), pickBranches(r, r.int(3, 6), 'central'), 'CONTEST');
  }
};

/** 相互貸借資料: one copy borrowed from another library system. */
export const addInterlibrary = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const draft: Draft = {
      ...b.fresh(() => nonFictionTitle(r)),
      author: randomPerson(r),
      publisher: r.pick(nonFictionPublishers),
      year: r.int(1970, 2020),
      materialType: 'BOOK',
      classNumber: NDC.essays,
    };
    b.addCopies(b.addTitle(draft), pickBranches(r, 1), 'NORMAL', true);
  }
};

export const addMagazines = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  // Which branches take each magazine: always central, and up to two more.
  const subscribers = magazines.map(() => pickBranches(r, r.int(1, 3), 'central'));
  for (let i = 0; i < count; i += 1) {
    const k = i % magazines.length;
    const back = Math.floor(i / magazines.length);
    // biome-ignore lint/style/noNonNullAssertion: k = i % magazines.length
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

export const addAv = (b: CatalogBuilder, count: number) => {
  const r = b.r;
  for (let i = 0; i < count; i += 1) {
    const av = avTitle(r);
    const titleId = b.addTitle({
      title: av.title,
      titleReading: av.titleReading,
      ...(av.author ? { author: av.author } : {}),
      publisher: av.label,
      year: r.int(1990, 2026),
      materialType: 'AV',
      noIsbn: true,
    });
    b.addCopies(
      titleId,
      pickBranches(
        r,
        r.weighted([
          [1, 80],
          [2, 20],
        ]),
        r.chance(0.5) ? 'central' : undefined,
      ),
      'NORMAL',
    );
  }
};
