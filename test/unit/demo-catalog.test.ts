import { describe, expect, it } from 'vitest';
import { isValidIsbn, isValidIsbn10, isValidIsbn13, toIsbn13 } from '../../functions/domain/isbn.js';
import { buildSearchIndex, normalizeForSearch, toSearchableTitles } from '../../functions/domain/search/index.js';
import { demoBranches } from '../../lib/local/demo-branches.js';
import { demoBranchCodes, demoCatalogPlan, demoClassics, demoClassicTitleIds, generateDemoCatalog } from '../../lib/local/demo-catalog/index.js';

const catalog = generateDemoCatalog();
const { titles, items } = catalog;
const index = buildSearchIndex(toSearchableTitles(titles, items));
const itemsOf = (titleId: string) => items.filter((item) => item.titleId === titleId);
const groupBy = <T>(list: readonly T[], key: (value: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const value of list) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
};
const countBy = <T>(list: readonly T[], key: (value: T) => string) => {
  const counts: Record<string, number> = {};
  for (const value of list) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return counts;
};

describe('demo catalog: deterministic', () => {
  it('the same options give the same catalog, every run', () => {
    expect(generateDemoCatalog()).toEqual(catalog);
    expect(generateDemoCatalog({ titles: 300, seed: 7 })).toEqual(generateDemoCatalog({ titles: 300, seed: 7 }));
  });

  it('a golden sample: first generated title and last item of the default catalog', () => {
    expect(titles[18]).toEqual({
      titleId: 'T000019',
      title: '風の声',
      titleReading: 'カゼ ノ コエ',
      author: '金子 直樹',
      authorReading: 'カネコ ナオキ',
      publisher: '早川書房',
      year: 2010,
      isbn: '978-4-15-200001-9',
      materialType: 'BOOK',
    });
    expect(items.at(-1)).toMatchObject({ itemId: '1000003997', titleId: 'T002000' });
  });

  it('another seed gives other generated titles but the same classics', () => {
    const other = generateDemoCatalog({ seed: 1 });
    expect(other.titles.slice(0, demoClassics.length)).toEqual(titles.slice(0, demoClassics.length));
    expect(other.titles.slice(demoClassics.length)).not.toEqual(titles.slice(demoClassics.length));
  });

  it('the size is exact, and cannot be below the classics', () => {
    expect(generateDemoCatalog({ titles: 250 }).titles).toHaveLength(250);
    expect(() => generateDemoCatalog({ titles: demoClassics.length - 1 })).toThrow(RangeError);
  });
});

describe('demo catalog: the mix of SPEC 4 materials', () => {
  const plan = demoCatalogPlan(2_000);

  it('2,000 titles by default, in the planned shares', () => {
    expect(titles).toHaveLength(2_000);
    expect(plan).toEqual({ classics: 18, series: 159, kamishibai: 59, reference: 40, contest: 20, interlibrary: 10, magazines: 99, av: 79, books: 1_516 });
  });

  it('material types: 紙芝居 are BOOK with subtype KAMISHIBAI; magazines; AV', () => {
    expect(titles.filter((t) => t.materialType === 'BOOK' && t.subtype === 'KAMISHIBAI')).toHaveLength(plan.kamishibai);
    expect(titles.filter((t) => t.subtype === 'KAMISHIBAI' && t.materialType !== 'BOOK')).toHaveLength(0);
    expect(titles.filter((t) => t.materialType === 'MAGAZINE')).toHaveLength(plan.magazines);
    expect(titles.filter((t) => t.materialType === 'AV')).toHaveLength(plan.av);
    expect(titles.filter((t) => t.subtype === 'KAMISHIBAI').map((t) => t.publisher)).toContain('童心社');
  });

  it('reference-only titles have only REFERENCE_ONLY copies; contest titles only CONTEST copies', () => {
    const onlyCategory = (category: string) => titles.filter((t) => itemsOf(t.titleId).every((item) => item.category === category));
    expect(onlyCategory('REFERENCE_ONLY')).toHaveLength(plan.reference);
    expect(onlyCategory('CONTEST')).toHaveLength(plan.contest);
    expect(onlyCategory('REFERENCE_ONLY').map((t) => t.title)).toContain('広辞苑 第7版');
    const mixed = titles.filter((t) => new Set(itemsOf(t.titleId).map((item) => item.category)).size > 1);
    expect(mixed).toEqual([]);
  });

  it('interlibrary copies: a few, each its title’s only copy', () => {
    const interlibrary = items.filter((item) => item.interlibrary);
    expect(interlibrary).toHaveLength(plan.interlibrary);
    for (const item of interlibrary) expect(itemsOf(item.titleId)).toHaveLength(1);
  });

  it('multi-volume works: one title per volume, series and volume set (上・下, 1–5)', () => {
    const volumes = titles.filter((t) => t.materialType === 'BOOK' && t.series);
    expect(volumes).toHaveLength(plan.series);
    for (const t of volumes) expect(t.title).toBe(`${t.series} ${t.volume}`);
    const names = new Set(volumes.map((t) => t.volume));
    for (const volume of ['上', '下', '1', '2', '3']) expect(names).toContain(volume);
    const bySeries = groupBy(volumes, (t) => t.series ?? '');
    for (const group of bySeries.values()) expect(new Set(group.map((t) => t.author)).size).toBe(1);
  });

  it('magazines: each issue a title; the newest issue LATEST_ISSUE (期禁), back issues NORMAL', () => {
    const issues = titles.filter((t) => t.materialType === 'MAGAZINE');
    const bySeries = groupBy(issues, (t) => t.series ?? '');
    expect(bySeries.get('暮しの手帖')?.[0]?.title).toBe('暮しの手帖 2026年12月号');
    for (const group of bySeries.values()) {
      const [latest, ...back] = group;
      expect(latest?.volume).toBe('2026年12月号');
      expect(itemsOf(latest?.titleId ?? '').every((item) => item.category === 'LATEST_ISSUE')).toBe(true);
      for (const issue of back) expect(itemsOf(issue.titleId).every((item) => item.category === 'NORMAL')).toBe(true);
    }
    expect(items.filter((item) => item.category === 'LATEST_ISSUE').every((item) => issues.some((t) => t.titleId === item.titleId && t.volume === '2026年12月号'))).toBe(
      true,
    );
  });

  it('copies: over the six branches with central holding the most; single and multi-branch titles', () => {
    const perBranch = countBy(items, (item) => item.branch);
    expect(Object.keys(perBranch).sort()).toEqual(demoBranches.map((b) => b.code).sort());
    expect([...demoBranchCodes].sort()).toEqual(demoBranches.map((b) => b.code).sort());
    const central = perBranch.central ?? 0;
    for (const [code, count] of Object.entries(perBranch)) if (code !== 'central') expect(count).toBeLessThan(central);
    const copies = countBy(items, (item) => item.titleId);
    expect(Object.values(copies).filter((n) => n === 1).length).toBeGreaterThan(500);
    const multiBranch = titles.filter((t) => new Set(itemsOf(t.titleId).map((item) => item.branch)).size >= 3);
    expect(multiBranch.length).toBeGreaterThan(100);
  });
});

describe('demo catalog: records are well formed', () => {
  it('ids: titleIds T000001…, itemIds 10-digit barcodes, unique; every title has copies', () => {
    expect(titles.map((t) => t.titleId)).toEqual(titles.map((_, i) => `T${String(i + 1).padStart(6, '0')}`));
    expect(new Set(items.map((item) => item.itemId)).size).toBe(items.length);
    for (const item of items) expect(item.itemId).toMatch(/^1\d{9}$/);
    const ids = new Set(titles.map((t) => t.titleId));
    for (const item of items) expect(ids.has(item.titleId)).toBe(true);
    for (const t of titles) expect(itemsOf(t.titleId).length).toBeGreaterThan(0);
  });

  it('every copy starts ON_SHELF at its home branch', () => {
    for (const item of items) expect(item).toMatchObject({ status: 'ON_SHELF', location: item.branch });
  });

  it('every ISBN is valid and unique; both ISBN-10 and ISBN-13 occur, some with hyphens', () => {
    const isbns = titles.flatMap((t) => (t.isbn ? [t.isbn] : []));
    expect(isbns.length).toBeGreaterThan(1_500);
    for (const isbn of isbns) expect(isValidIsbn(isbn), isbn).toBe(true);
    expect(new Set(isbns.map((isbn) => toIsbn13(isbn))).size).toBe(isbns.length);
    expect(isbns.filter((isbn) => isValidIsbn10(isbn)).length).toBeGreaterThan(100);
    expect(isbns.filter((isbn) => isValidIsbn13(isbn) && isbn.includes('-')).length).toBeGreaterThan(100);
    expect(isbns.filter((isbn) => /^\d{13}$/.test(isbn)).length).toBeGreaterThan(100);
    expect(titles.filter((t) => t.materialType !== 'BOOK' && t.isbn)).toEqual([]);
  });

  it('every title has a katakana title reading; every author an author reading', () => {
    const katakana = /^[\u30A0-\u30FF0-9 ]+$/;
    for (const t of titles) {
      expect(t.titleReading, t.title).toMatch(katakana);
      if (t.author) expect(t.authorReading, t.author).toMatch(katakana);
    }
    expect(titles.filter((t) => t.author).length).toBeGreaterThan(1_700);
  });

  it('readings agree with the text: kana-only titles read as written, digits appear in the reading', () => {
    const kanaOnly = titles.filter((t) => /^[\u3040-\u30FF ]+$/.test(t.title));
    expect(kanaOnly.length).toBeGreaterThan(100);
    for (const t of kanaOnly) expect(normalizeForSearch(t.titleReading ?? ''), t.title).toBe(normalizeForSearch(t.title));
    for (const t of titles) for (const digits of t.title.normalize('NFKC').match(/\d+/g) ?? []) expect(t.titleReading, t.title).toContain(digits);
  });

  it('realistic text: full-width Latin, Latin, kanji and kana titles all occur', () => {
    expect(titles.some((t) => /[Ａ-Ｚａ-ｚ]/.test(t.title))).toBe(true);
    expect(titles.some((t) => /[A-Za-z]/.test(t.title))).toBe(true);
    expect(titles.some((t) => t.title.includes('ＳＱＬ') || t.title.includes('Ｐｙｔｈｏｎ'))).toBe(true);
    for (const publisher of ['岩波書店', '新潮社', '講談社', '福音館書店', '偕成社', '童心社'])
      expect(
        titles.some((t) => t.publisher === publisher),
        publisher,
      ).toBe(true);
  });
});

describe('demo catalog: the classics are findable through the SPEC 4 search', () => {
  it('fixed titleIds, exported by key', () => {
    expect(demoClassicTitleIds.wagahai).toBe('T000001');
    for (const [i, classic] of demoClassics.entries()) {
      const title = titles[i];
      expect(title?.titleId).toBe(demoClassicTitleIds[classic.key]);
      expect(title).toMatchObject({ title: classic.title, titleReading: classic.titleReading, author: classic.author, authorReading: classic.authorReading });
    }
  });

  it('吾輩は猫である, 銀河鉄道の夜, 羅生門, 雪国, 人間失格, 走れメロス, 坊っちゃん, こころ with their real readings', () => {
    const byKey = (key: keyof typeof demoClassicTitleIds) => titles.find((t) => t.titleId === demoClassicTitleIds[key]);
    expect(byKey('wagahai')).toMatchObject({ title: '吾輩は猫である', titleReading: 'ワガハイ ワ ネコ デ アル', author: '夏目漱石', authorReading: 'ナツメ ソウセキ' });
    expect(byKey('gingaTetsudo')).toMatchObject({ title: '銀河鉄道の夜', titleReading: 'ギンガ テツドウ ノ ヨル', author: '宮沢賢治', authorReading: 'ミヤザワ ケンジ' });
    expect(byKey('rashomon')).toMatchObject({ title: '羅生門', titleReading: 'ラショウモン', author: '芥川龍之介', authorReading: 'アクタガワ リュウノスケ' });
    expect(byKey('yukiguni')).toMatchObject({ title: '雪国', titleReading: 'ユキグニ', author: '川端康成', authorReading: 'カワバタ ヤスナリ' });
    expect(byKey('ningenShikkaku')).toMatchObject({ title: '人間失格', titleReading: 'ニンゲン シッカク', author: '太宰治', authorReading: 'ダザイ オサム' });
    expect(byKey('hashireMerosu')).toMatchObject({ title: '走れメロス', titleReading: 'ハシレ メロス', author: '太宰治' });
    expect(byKey('botchan')).toMatchObject({ title: '坊っちゃん', titleReading: 'ボッチャン', author: '夏目漱石' });
    expect(byKey('kokoro')).toMatchObject({ title: 'こころ', titleReading: 'ココロ', author: '夏目漱石' });
  });

  it.each(demoClassics.map((c) => [c.title, c.key, c.titleReading] as const))('%s is the first hit for its reading in hiragana', (_title, key, reading) => {
    const hiragana = normalizeForSearch(reading);
    expect(index.search({ q: hiragana })[0]).toBe(demoClassicTitleIds[key]);
  });

  it('わがはい finds 吾輩は猫である; the author reading なつめ finds exactly 漱石’s four titles', () => {
    expect(index.search({ q: 'わがはい' })).toEqual([demoClassicTitleIds.wagahai]);
    const soseki = [demoClassicTitleIds.kokoro, demoClassicTitleIds.sanshiro, demoClassicTitleIds.botchan, demoClassicTitleIds.wagahai];
    expect(index.search({ author: 'なつめ' })).toEqual(soseki);
  });

  it('「こころ」 first, 「こころの処方箋」 second', () => {
    expect(index.search({ q: 'こころ' }).slice(0, 2)).toEqual([demoClassicTitleIds.kokoro, demoClassicTitleIds.kokoroNoShohosen]);
  });

  it('by ISBN in either form', () => {
    expect(index.search({ q: '9784101010014' })).toEqual([demoClassicTitleIds.wagahai]);
    expect(index.search({ isbn: '4-10-101003-x' })).toEqual([demoClassicTitleIds.botchan]);
  });
});
