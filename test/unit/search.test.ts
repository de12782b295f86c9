import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  deserializeSearchIndex,
  serializeSearchIndex,
  toSearchableTitles,
  type SearchableTitle,
  type SearchQuery,
} from '../../functions/domain/search/index.js';

type Fixture = Omit<SearchableTitle, 'materialType' | 'branches'> & Partial<Pick<SearchableTitle, 'materialType' | 'branches'>>;
const book = (t: Fixture): SearchableTitle => ({ materialType: 'BOOK', branches: ['central'], ...t });

/** A small catalog whose expected results are known exactly (ids say what each title tests). */
const titles: SearchableTitle[] = [
  book({
    titleId: 'T01',
    title: '吾輩は猫である',
    titleReading: 'ワガハイ ワ ネコ デ アル',
    author: '夏目漱石',
    authorReading: 'ナツメ ソウセキ',
    publisher: '新潮社',
    isbn: '4-10-101001-3',
    branches: ['central', 'east'],
  }),
  book({ titleId: 'T02', title: 'こころ', titleReading: 'ココロ', author: '夏目漱石', authorReading: 'ナツメ ソウセキ', publisher: '新潮社', isbn: '978-4-10-101013-7' }),
  book({
    titleId: 'T03',
    title: 'こころの処方箋',
    titleReading: 'ココロ ノ ショホウセン',
    author: '河合隼雄',
    authorReading: 'カワイ ハヤオ',
    publisher: '新潮社',
    branches: ['west'],
  }),
  book({
    titleId: 'T04',
    title: 'ＳＱＬ入門',
    titleReading: 'エスキューエル ニュウモン',
    author: '佐藤 陽子',
    authorReading: 'サトウ ヨウコ',
    publisher: '技術評論社',
    isbn: '9784774100012',
  }),
  book({
    titleId: 'T05',
    title: 'Ｐｙｔｈｏｎではじめるデータ分析',
    titleReading: 'パイソン デ ハジメル データ ブンセキ',
    author: '鈴木 一郎',
    authorReading: 'スズキ イチロウ',
    publisher: '翔泳社',
    branches: ['east'],
  }),
  book({
    titleId: 'T06',
    title: 'ねこのおつかい',
    titleReading: 'ネコ ノ オツカイ',
    author: '田中 花子',
    authorReading: 'タナカ ハナコ',
    publisher: '童心社',
    subtype: 'KAMISHIBAI',
    branches: ['miwa'],
  }),
  book({
    titleId: 'T07',
    title: '暮しの手帖 2026年12月号',
    titleReading: 'クラシ ノ テチョウ 2026ネン 12ガツゴウ',
    publisher: '暮しの手帖社',
    materialType: 'MAGAZINE',
    series: '暮しの手帖',
    volume: '2026年12月号',
    branches: ['central', 'uchihara'],
  }),
  book({
    titleId: 'T08',
    title: 'ベートーヴェン：交響曲第9番',
    titleReading: 'ベートーヴェン コウキョウキョク ダイ9バン',
    author: 'ベートーヴェン',
    authorReading: 'ベートーヴェン',
    publisher: '日本コロムビア',
    materialType: 'AV',
  }),
  book({ titleId: 'T09', title: '心', titleReading: 'ココロ', author: '小泉八雲', authorReading: 'コイズミ ヤクモ', publisher: '岩波書店', branches: ['tsunezumi'] }),
  book({
    titleId: 'T10',
    title: '猫の事務所',
    titleReading: 'ネコ ノ ジムショ',
    author: '宮沢賢治',
    authorReading: 'ミヤザワ ケンジ',
    publisher: '偕成社',
    branches: ['west'],
  }),
  book({ titleId: 'T11', title: 'まんがで読むこころ', titleReading: 'マンガ デ ヨム ココロ', author: '山田 太郎', authorReading: 'ヤマダ タロウ', publisher: '学研' }),
  book({
    titleId: 'T12',
    title: 'コーヒーの歴史',
    titleReading: 'コーヒー ノ レキシ',
    author: '山田 太郎',
    authorReading: 'ヤマダ タロウ',
    publisher: '平凡社',
    series: 'こころの本棚',
    volume: '3',
  }),
  book({ titleId: 'T13', title: '星の王子さま', titleReading: 'ホシ ノ オウジサマ', author: '小山 心', authorReading: 'コヤマ ココロ', publisher: '岩波書店' }),
  book({ titleId: 'T14', title: 'こころ', titleReading: 'ココロ', author: '夏目 漱石', authorReading: 'ナツメ ソウセキ', publisher: '岩波書店', branches: ['east'] }),
  book({
    titleId: 'T15',
    title: '坊っちゃん',
    titleReading: 'ボッチャン',
    author: '夏目漱石',
    authorReading: 'ナツメ ソウセキ',
    publisher: '新潮社',
    isbn: '4-10-101003-X',
  }),
  book({ titleId: 'T16', title: 'たけやぶやけた', titleReading: 'タケヤブ ヤケタ', publisher: '偕成社' }),
  book({
    titleId: 'T17',
    title: 'こころとからだの処方箋',
    titleReading: 'ココロ ト カラダ ノ ショホウセン',
    author: '高橋 誠',
    authorReading: 'タカハシ マコト',
    publisher: '講談社',
  }),
];

// Each query builds its own index (17 titles: well under a millisecond) rather than one index at
// import time, so that mutation testing sees which test ran which code (docs/decisions/010).
const search = (query: SearchQuery) => buildSearchIndex(titles).search(query);
const q = (text: string) => search({ q: text });

describe('SPEC 4 search: Japanese-aware matching', () => {
  it('full-width, half-width and case are folded (NFKC)', () => {
    expect(q('sql')).toEqual(['T04']);
    expect(q('ＳＱＬ')).toEqual(['T04']);
    expect(q('Sql入門')).toEqual(['T04']);
    expect(q('PYTHON')).toEqual(['T05']);
    expect(q('ﾃﾞｰﾀ')).toEqual(['T05']);
  });

  it('hiragana and katakana match each other, in titles and readings', () => {
    expect(q('ネコノオツカイ')).toEqual(['T06']);
    expect(q('ワガハイ')).toEqual(['T01']);
    expect(q('わがはい')).toEqual(['T01']);
    expect(q('ぱいそん')).toEqual(['T05']);
  });

  it('substrings of Japanese text match without spaces: 「猫で」 finds 吾輩は猫である', () => {
    expect(q('猫で')).toEqual(['T01']);
    expect(q('輩は猫')).toEqual(['T01']);
    expect(q('処方')).toEqual(['T17', 'T03']);
  });

  it('spaces and punctuation in the query are ignored: 「吾輩は 猫」, 『吾輩は猫である』', () => {
    expect(q('吾輩は 猫')).toEqual(['T01']);
    expect(q('吾輩は　猫')).toEqual(['T01']);
    expect(search({ title: '吾輩は 猫' })).toEqual(['T01']);
    expect(q('『吾輩は猫である』')).toEqual(['T01']);
    expect(q('「吾輩は」猫')).toEqual(['T01']);
    expect(q('吾輩は、猫である。')).toEqual(['T01']);
  });

  it('readings match: わがはい finds 吾輩は猫である, なつめ finds 夏目漱石 by its reading', () => {
    expect(q('わがはいわねこ')).toEqual(['T01']);
    expect(search({ author: 'なつめ' })).toEqual(['T02', 'T14', 'T15', 'T01']);
    expect(search({ author: 'ソウセキ' })).toEqual(['T02', 'T14', 'T15', 'T01']);
  });

  it('the long-vowel mark or the vowel it stands for, and small kana, do not matter: こーひー, こうひいの, ぼつちやん', () => {
    expect(q('こーひー')).toEqual(['T12']);
    expect(q('こうひいの')).toEqual(['T12']);
    expect(q('コウヒー')).toEqual(['T12']);
    expect(q('こひ')).toEqual([]); // the length of a vowel is part of the word
    expect(q('ぼつちやん')).toEqual(['T15']);
    expect(q('ぼっちゃん')).toEqual(['T15']);
  });

  it('issue 10: a particle typed as written (は/へ/を) finds the reading that records it as read (ワ/エ/オ)', () => {
    expect(q('わがはいはねこである')).toEqual(['T01']);
    expect(q('わがはいわねこである')).toEqual(['T01']);
    expect(q('わがはい は ねこ である')).toEqual(['T01']);
    expect(search({ title: 'わがはいはねこ' })).toEqual(['T01']);
    expect(search({ publisher: 'わがはいはねこ' })).toEqual([]); // no reading there
    expect(q('ほしのおうじさま')).toEqual(['T13']);
  });

  it('issue 10: only where a particle can be — は starting a term stays は (はじめる, not わじめる)', () => {
    const withParticles = [
      ...titles,
      book({ titleId: 'W1', title: '罠', titleReading: 'ワナ' }),
      book({ titleId: 'W2', title: '花を摘む', titleReading: 'ハナ オ ツム' }),
    ];
    const index = buildSearchIndex(withParticles);
    expect(index.search({ q: 'はな' })).toEqual(['W2', 'T06']); // ハナ オ ツム, タナカ ハナコ — not ワナ
    expect(index.search({ q: 'わな' })).toEqual(['W1']);
    expect(index.search({ q: 'はなをつむ' })).toEqual(['W2']);
    expect(index.search({ q: 'ぱいそんではじめる' })).toEqual(['T05']);
  });

  it('issue 10: 旧字体 and ヴ in catalog text are found by 新字体 and バ行, and the other way round', () => {
    const more = [
      ...titles,
      book({ titleId: 'K1', title: '文學界', titleReading: 'ブンガクカイ' }),
      book({ titleId: 'K2', title: 'ヴィヴァルディの四季', titleReading: 'ヴィヴァルディ ノ シキ' }),
    ];
    const index = buildSearchIndex(more);
    expect(index.search({ q: '文学' })).toEqual(['K1']);
    expect(index.search({ q: '文學' })).toEqual(['K1']);
    expect(index.search({ q: 'ビバルディ' })).toEqual(['K2']);
    expect(index.search({ q: 'びばるでぃのしき' })).toEqual(['K2']);
    expect(index.search({ q: 'ベートーベン' })).toEqual(['T08']);
  });

  it('single-character queries work (no bigram to look up)', () => {
    // 心 (title), 星の王子さま (author 小山 心), ねこのおつかい (publisher 童心社).
    expect(q('心')).toEqual(['T09', 'T13', 'T06']);
    expect(q('猫')).toEqual(['T10', 'T01']);
    expect(q('9')).toEqual(['T08']);
    expect(search({ title: '箋' })).toEqual(['T17', 'T03']);
  });

  it('bigram candidates are verified: やけや is not in たけやぶやけた although やけ and けや are', () => {
    expect(q('やけや')).toEqual([]);
    expect(q('ぶやけ')).toEqual(['T16']);
  });

  it('no match gives an empty list', () => {
    expect(q('存在しない')).toEqual([]);
    expect(q('猫 zzz')).toEqual([]);
    expect(q('x')).toEqual([]);
  });

  it('a query that asks nothing matches nothing', () => {
    expect(search({})).toEqual([]);
    expect(q('   ')).toEqual([]);
    expect(q('・「」')).toEqual([]);
  });
});

describe('SPEC 4 search: ISBN', () => {
  it.each(['4-10-101001-3', '4101010013', '978-4-10-101001-4', '9784101010014', '978 4 10 101001 4', 'ISBN978-4-10-101001-4'])(
    'q %s finds the title recorded as ISBN-10 4-10-101001-3',
    (isbn) => expect(q(isbn)).toEqual(['T01']),
  );

  it.each(['4-10-101013-7', '4101010137', '978-4-10-101013-7', '9784101010137'])('isbn %s finds the title recorded as ISBN-13', (isbn) =>
    expect(search({ isbn })).toEqual(['T02']),
  );

  it('an X check digit matches in either case and as ISBN-13', () => {
    expect(search({ isbn: '410101003x' })).toEqual(['T15']);
    expect(search({ isbn: '9784101010038' })).toEqual(['T15']);
  });

  it('the isbn parameter matches only the ISBN; an invalid one matches nothing', () => {
    expect(search({ isbn: '4-10-101001-4' })).toEqual([]);
    expect(search({ isbn: 'こころ' })).toEqual([]);
    expect(search({ isbn: '9784101010014', author: '夏目' })).toEqual(['T01']);
    expect(search({ isbn: '9784101010014', author: '河合' })).toEqual([]);
  });
});

describe('SPEC 4 search: free text and per-field parameters', () => {
  it('every term of q must match (AND), each in any field', () => {
    expect(q('こころ 夏目')).toEqual(['T02', 'T14']);
    expect(q('猫 宮沢')).toEqual(['T10']);
    // 心 matches こころ through its reading ココロ.
    expect(q('こころ 岩波')).toEqual(['T14', 'T09', 'T13']);
  });

  it('q matches title, readings, author, publisher and series', () => {
    expect(q('技術評論')).toEqual(['T04']);
    expect(q('本棚')).toEqual(['T12']);
    expect(q('やまだ')).toEqual(['T12', 'T11']);
  });

  it('title matches title or title reading only', () => {
    expect(search({ title: 'わがはい' })).toEqual(['T01']);
    expect(search({ title: '夏目' })).toEqual([]);
    expect(search({ title: '本棚' })).toEqual([]);
  });

  it('author matches author or author reading only', () => {
    expect(search({ author: 'こころ' })).toEqual(['T13']);
    expect(search({ author: '猫' })).toEqual([]);
    expect(search({ author: '夏目 漱石' })).toEqual(['T02', 'T14', 'T15', 'T01']);
  });

  it('publisher matches the publisher only', () => {
    expect(search({ publisher: '岩波' })).toEqual(['T09', 'T14', 'T13']);
    expect(search({ publisher: 'こころ' })).toEqual([]);
  });

  it('several parameters are ANDed', () => {
    expect(search({ title: 'こころ', author: '河合' })).toEqual(['T03']);
    expect(search({ title: 'こころ', publisher: '岩波' })).toEqual(['T14', 'T09']);
    expect(search({ q: '猫', author: '夏目', publisher: '新潮' })).toEqual(['T01']);
  });
});

describe('SPEC 4 search: material type and branch filters', () => {
  it('KAMISHIBAI is BOOK with subtype KAMISHIBAI; BOOK includes it', () => {
    expect(search({ type: 'KAMISHIBAI' })).toEqual(['T06']);
    expect(search({ q: 'ねこ', type: 'KAMISHIBAI' })).toEqual(['T06']);
    expect(search({ q: 'ねこ', type: 'BOOK' })).toEqual(['T06', 'T10', 'T01']);
  });

  it('MAGAZINE and AV', () => {
    expect(search({ type: 'MAGAZINE' })).toEqual(['T07']);
    expect(search({ q: '12月号', type: 'MAGAZINE' })).toEqual(['T07']);
    expect(search({ type: 'AV' })).toEqual(['T08']);
    expect(search({ q: '交響曲', type: 'BOOK' })).toEqual([]);
  });

  it('branch: the title has a copy there; an unknown branch matches nothing', () => {
    expect(search({ q: 'こころ', branch: 'west' })).toEqual(['T03']);
    expect(search({ q: 'こころ', branch: 'east' })).toEqual(['T14']);
    expect(search({ branch: 'uchihara' })).toEqual(['T07']);
    expect(search({ q: '猫', branch: 'east' })).toEqual(['T01']);
    expect(search({ q: 'こころ', branch: 'nowhere' })).toEqual([]);
  });

  it('toSearchableTitles gives each title the branches of its copies', () => {
    const [title] = toSearchableTitles(
      [{ titleId: 'T1', title: 'x', materialType: 'BOOK' }],
      [
        { itemId: '1', titleId: 'T1', branch: 'miwa', location: 'central', category: 'NORMAL', interlibrary: false, status: 'IN_TRANSIT' },
        { itemId: '2', titleId: 'T1', branch: 'central', location: 'central', category: 'NORMAL', interlibrary: false, status: 'ON_SHELF' },
        { itemId: '3', titleId: 'T1', branch: 'miwa', location: 'miwa', category: 'NORMAL', interlibrary: false, status: 'ON_LOAN' },
        { itemId: '4', titleId: 'T2', branch: 'east', location: 'east', category: 'NORMAL', interlibrary: false, status: 'ON_SHELF' },
      ],
    );
    expect(title?.branches).toEqual(['central', 'miwa']);
  });
});

describe('SPEC 4 search: ranking', () => {
  it('exact title, then title prefix, title substring, reading, author, other fields', () => {
    // こころ ×2 (exact, by titleId), こころとからだの処方箋 and こころの処方箋 (prefix, by reading),
    // まんがで読むこころ (substring), 心 (reading ココロ), 星の王子さま (author reading コヤマ ココロ),
    // コーヒーの歴史 (series こころの本棚).
    expect(q('こころ')).toEqual(['T02', 'T14', 'T17', 'T03', 'T11', 'T09', 'T13', 'T12']);
  });

  it('「こころ」 ranks before 「こころの処方箋」', () => {
    const ids = q('こころ');
    expect(ids.indexOf('T02')).toBeLessThan(ids.indexOf('T03'));
  });

  it('a title prefix ranks before a reading prefix, which ranks before a reading substring', () => {
    // ねこのおつかい (title prefix), 猫の事務所 (reading ネコ…), 吾輩は猫である (reading …ネコ…).
    expect(q('ねこ')).toEqual(['T06', 'T10', 'T01']);
  });

  it('ties are broken by title reading (五十音), then titleId', () => {
    expect(search({ author: '夏目' })).toEqual(['T02', 'T14', 'T15', 'T01']);
    expect(search({ publisher: '新潮社' })).toEqual(['T02', 'T03', 'T15', 'T01']);
  });

  it('the whole phrase of a multi-term query ranks like the phrase', () => {
    // Term by term both start with こころ (tier 1) and こころとからだの… sorts first by reading;
    // the phrase こころの処方箋 is the exact title of T03.
    expect(q('こころ の処方箋')).toEqual(['T03', 'T17']);
  });
});

describe('SPEC 4 search: stored index', () => {
  const queries: SearchQuery[] = [
    { q: 'こころ' },
    { q: '猫' },
    { q: 'わがはい' },
    { q: '9784101010014' },
    { author: 'なつめ' },
    { type: 'KAMISHIBAI' },
    { q: 'ねこ', type: 'BOOK', branch: 'miwa' },
    { publisher: '岩波' },
    { q: 'やけや' },
    { title: 'の' },
    { branch: 'east' },
  ];

  it('serialize → deserialize gives identical results and size', () => {
    const index = buildSearchIndex(titles);
    const bytes = serializeSearchIndex(index);
    const loaded = deserializeSearchIndex(bytes);
    expect(loaded.size).toBe(titles.length);
    for (const query of queries) expect(loaded.search(query)).toEqual(index.search(query));
    expect(serializeSearchIndex(loaded)).toEqual(bytes);
  });

  it('an empty catalog round-trips and finds nothing', () => {
    const empty = deserializeSearchIndex(serializeSearchIndex(buildSearchIndex([])));
    expect(empty.size).toBe(0);
    expect(empty.search({ q: 'こころ' })).toEqual([]);
    expect(empty.search({ type: 'BOOK' })).toEqual([]);
  });

  it('rejects bytes that are not an index, and duplicate titleIds', () => {
    expect(() => deserializeSearchIndex(new Uint8Array([1, 2, 3]))).toThrow();
    expect(() => buildSearchIndex([book({ titleId: 'T1', title: 'a' }), book({ titleId: 'T1', title: 'b' })])).toThrow(/duplicate titleId T1/);
  });
});

describe('SPEC 4 search: parameters as clients send them', () => {
  it('an empty or blank branch or isbn (a form left at "all") does not filter', () => {
    expect(search({ q: '猫', branch: '' })).toEqual(['T10', 'T01']);
    expect(search({ q: '猫', branch: ' ' })).toEqual(['T10', 'T01']);
    expect(search({ author: 'なつめ', isbn: '' })).toEqual(['T02', 'T14', 'T15', 'T01']);
    expect(search({ author: 'なつめ', isbn: ' ' })).toEqual(['T02', 'T14', 'T15', 'T01']);
  });

  it('every branch filters, the first in code order (central) included', () => {
    expect(search({ q: '猫', branch: 'central' })).toEqual(['T01']);
    expect(search({ q: '猫', branch: 'west' })).toEqual(['T10']);
  });

  it('only q and isbn look at the ISBN: title, author and publisher do not', () => {
    expect(q('4-10-101001-3')).toEqual(['T01']);
    expect(search({ title: '4-10-101001-3' })).toEqual([]);
    expect(search({ author: '4101010013' })).toEqual([]);
    expect(search({ publisher: '9784101010014' })).toEqual([]);
  });

  it('a title without copies is in no branch', () => {
    const [title] = toSearchableTitles([{ titleId: 'T1', title: 'x', materialType: 'BOOK' }], []);
    expect(title?.branches).toEqual([]);
  });
});

describe('SPEC 4 search: ISBNs as catalogs record them', () => {
  it('a title that holds the number both as its ISBN and in its text is listed once', () => {
    const index = buildSearchIndex([
      book({ titleId: 'D1', title: '9784101010014 の読み方', isbn: '978-4-10-101001-4' }),
      book({ titleId: 'D2', title: '別の本', isbn: '4-10-101001-3' }),
      book({ titleId: 'D3', title: '書誌 9784101010014 について' }),
    ]);
    expect(index.search({ q: '9784101010014' })).toEqual(['D1', 'D2', 'D3']);
  });

  const recorded = (isbn: string, titleId = 'I1') => book({ titleId, title: `記録 ${titleId}`, isbn });

  it('an invalid ISBN is found by typing it as recorded (real catalogs have a few)', () => {
    const index = buildSearchIndex([recorded('1234567890', 'I1'), recorded('0123456780', 'I2')]);
    expect(index.search({ isbn: '1234567890' })).toEqual(['I1']);
    expect(index.search({ q: '1234567890' })).toEqual(['I1']);
    expect(index.search({ isbn: '0123456780' })).toEqual(['I2']);
  });

  it('numbers too short or too long for an ISBN, and placeholders of zeros, are no ISBN and find nothing', () => {
    const index = buildSearchIndex([recorded('12345', 'I1'), recorded('12345678901234', 'I2'), recorded('0000000000000', 'I3'), recorded('0000000000000', 'I4')]);
    expect(index.search({ isbn: '12345' })).toEqual([]);
    expect(index.search({ isbn: '12345678901234' })).toEqual([]);
    expect(index.search({ isbn: '0000000000000' })).toEqual([]);
    expect(index.search({ q: '0000000000000' })).toEqual([]);
  });
});

describe('SPEC 4 search: records at the limits', () => {
  it('a title of symbols only (normalised to nothing) is still indexed and found by its reading and author', () => {
    const index = buildSearchIndex([book({ titleId: 'S1', title: '♪☆♪', titleReading: 'オンプ', author: '宮沢賢治' }), book({ titleId: 'S2', title: 'おんぷの本' })]);
    expect(index.search({ q: 'おんぷ' })).toEqual(['S2', 'S1']);
    expect(index.search({ author: '賢治' })).toEqual(['S1']);
  });

  it('only the first 8,000 characters of a field are searched; a huge field does not disturb the fields after it', () => {
    const huge = `${'あ'.repeat(8_000)}ん${'い'.repeat(70_000)}`;
    const index = buildSearchIndex([
      book({ titleId: 'L1', title: '長い記録', author: huge, publisher: '水戸書房', series: '茨城叢書' }),
      book({ titleId: 'L2', title: '短い記録', publisher: '水戸書房' }),
    ]);
    expect(index.search({ q: 'あん' })).toEqual([]);
    expect(index.search({ author: 'ああ' })).toEqual(['L1']);
    expect(index.search({ publisher: '水戸' })).toEqual(['L2', 'L1']); // equal tier: 短 sorts before 長
    expect(index.search({ q: '茨城' })).toEqual(['L1']);
    expect(index.search({ q: '長い' })).toEqual(['L1']);
  });

  it('titles exactly 128 and 256 places apart in catalog order are all found (the gaps the postings store in two bytes)', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      book({ titleId: `N${String(i).padStart(3, '0')}`, title: `本${String(i).padStart(3, '0')}${[0, 128, 256].includes(i) ? '猫' : ''}` }),
    );
    const index = buildSearchIndex(many);
    expect(index.search({ q: '猫' })).toEqual(['N000', 'N128', 'N256']);
    expect(index.search({ q: '8猫' })).toEqual(['N128']);
  });

  it('up to 32 branches filter correctly (the 32nd too); a 33rd is refused when the index is built', () => {
    const codes = Array.from({ length: 33 }, (_, i) => `b${String(i).padStart(2, '0')}`);
    const perBranch = (n: number) => codes.slice(0, n).map((code, i) => book({ titleId: `B${i}`, title: `本${i}`, branches: [code] }));
    const index = buildSearchIndex(perBranch(32));
    expect(index.search({ branch: 'b31' })).toEqual(['B31']);
    expect(index.search({ branch: 'b00' })).toEqual(['B0']);
    expect(() => buildSearchIndex(perBranch(33))).toThrow(/at most 32 branches/);
  });
});
