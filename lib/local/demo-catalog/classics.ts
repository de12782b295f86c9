import type { PublisherKey } from './publishers.js';

/**
 * Well-known titles with their real readings (as Japanese catalogs record them), always the
 * first titles of the demo catalog with fixed ids, so tests and demos can name them.
 * ISBN numbers are demo numbers with correct check digits.
 */
export interface Classic {
  readonly key: string;
  readonly title: string;
  readonly titleReading: string;
  readonly author: string;
  readonly authorReading: string;
  readonly publisher: PublisherKey;
  readonly year: number;
  /** Title code after the registrant (ISBN body = 4 + registrant + code, 9 digits). */
  readonly isbnTitleCode: string;
  readonly isbnForm: 'isbn10' | 'isbn13' | 'isbn13-compact';
  /** Home branch of each copy. */
  readonly copies: readonly string[];
}

export const classics = [
  {
    key: 'wagahai',
    title: '吾輩は猫である',
    titleReading: 'ワガハイ ワ ネコ デ アル',
    author: '夏目漱石',
    authorReading: 'ナツメ ソウセキ',
    publisher: 'shinchosha',
    year: 2003,
    isbnTitleCode: '101001',
    isbnForm: 'isbn10',
    copies: ['central', 'central', 'east', 'west', 'miwa'],
  },
  {
    key: 'botchan',
    title: '坊っちゃん',
    titleReading: 'ボッチャン',
    author: '夏目漱石',
    authorReading: 'ナツメ ソウセキ',
    publisher: 'shinchosha',
    year: 2003,
    isbnTitleCode: '101003',
    isbnForm: 'isbn10',
    copies: ['central', 'east', 'tsunezumi'],
  },
  {
    key: 'kokoro',
    title: 'こころ',
    titleReading: 'ココロ',
    author: '夏目漱石',
    authorReading: 'ナツメ ソウセキ',
    publisher: 'shinchosha',
    year: 2004,
    isbnTitleCode: '101013',
    isbnForm: 'isbn13',
    copies: ['central', 'central', 'west', 'uchihara'],
  },
  {
    key: 'sanshiro',
    title: '三四郎',
    titleReading: 'サンシロウ',
    author: '夏目漱石',
    authorReading: 'ナツメ ソウセキ',
    publisher: 'shinchosha',
    year: 2008,
    isbnTitleCode: '101004',
    isbnForm: 'isbn13-compact',
    copies: ['central'],
  },
  {
    key: 'gingaTetsudo',
    title: '銀河鉄道の夜',
    titleReading: 'ギンガ テツドウ ノ ヨル',
    author: '宮沢賢治',
    authorReading: 'ミヤザワ ケンジ',
    publisher: 'shinchosha',
    year: 1989,
    isbnTitleCode: '109205',
    isbnForm: 'isbn10',
    copies: ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara'],
  },
  {
    key: 'chumon',
    title: '注文の多い料理店',
    titleReading: 'チュウモン ノ オオイ リョウリテン',
    author: '宮沢賢治',
    authorReading: 'ミヤザワ ケンジ',
    publisher: 'shinchosha',
    year: 1990,
    isbnTitleCode: '109206',
    isbnForm: 'isbn13',
    copies: ['central', 'miwa'],
  },
  {
    key: 'rashomon',
    title: '羅生門',
    titleReading: 'ラショウモン',
    author: '芥川龍之介',
    authorReading: 'アクタガワ リュウノスケ',
    publisher: 'shinchosha',
    year: 2005,
    isbnTitleCode: '102501',
    isbnForm: 'isbn13',
    copies: ['central', 'west'],
  },
  {
    key: 'kumoNoIto',
    title: '蜘蛛の糸',
    titleReading: 'クモ ノ イト',
    author: '芥川龍之介',
    authorReading: 'アクタガワ リュウノスケ',
    publisher: 'kaiseisha',
    year: 2012,
    isbnTitleCode: '014901',
    isbnForm: 'isbn13',
    copies: ['east'],
  },
  {
    key: 'yukiguni',
    title: '雪国',
    titleReading: 'ユキグニ',
    author: '川端康成',
    authorReading: 'カワバタ ヤスナリ',
    publisher: 'shinchosha',
    year: 2006,
    isbnTitleCode: '100101',
    isbnForm: 'isbn13',
    copies: ['central', 'uchihara'],
  },
  {
    key: 'izuNoOdoriko',
    title: '伊豆の踊子',
    titleReading: 'イズ ノ オドリコ',
    author: '川端康成',
    authorReading: 'カワバタ ヤスナリ',
    publisher: 'shinchosha',
    year: 2003,
    isbnTitleCode: '100102',
    isbnForm: 'isbn10',
    copies: ['central'],
  },
  {
    key: 'ningenShikkaku',
    title: '人間失格',
    titleReading: 'ニンゲン シッカク',
    author: '太宰治',
    authorReading: 'ダザイ オサム',
    publisher: 'shinchosha',
    year: 2006,
    isbnTitleCode: '100605',
    isbnForm: 'isbn13',
    copies: ['central', 'central', 'east', 'miwa'],
  },
  {
    key: 'hashireMerosu',
    title: '走れメロス',
    titleReading: 'ハシレ メロス',
    author: '太宰治',
    authorReading: 'ダザイ オサム',
    publisher: 'shinchosha',
    year: 2005,
    isbnTitleCode: '100606',
    isbnForm: 'isbn13',
    copies: ['central', 'west', 'tsunezumi'],
  },
  {
    key: 'shayo',
    title: '斜陽',
    titleReading: 'シャヨウ',
    author: '太宰治',
    authorReading: 'ダザイ オサム',
    publisher: 'shinchosha',
    year: 2003,
    isbnTitleCode: '100602',
    isbnForm: 'isbn10',
    copies: ['central'],
  },
  {
    key: 'maihime',
    title: '舞姫',
    titleReading: 'マイヒメ',
    author: '森鷗外',
    authorReading: 'モリ オウガイ',
    publisher: 'iwanami',
    year: 1998,
    isbnTitleCode: '310061',
    isbnForm: 'isbn10',
    copies: ['central'],
  },
  {
    key: 'kokoroNoShohosen',
    title: 'こころの処方箋',
    titleReading: 'ココロ ノ ショホウセン',
    author: '河合隼雄',
    authorReading: 'カワイ ハヤオ',
    publisher: 'shinchosha',
    year: 1998,
    isbnTitleCode: '125225',
    isbnForm: 'isbn10',
    copies: ['central', 'east'],
  },
  {
    key: 'guriToGura',
    title: 'ぐりとぐら',
    titleReading: 'グリ ト グラ',
    author: '中川李枝子',
    authorReading: 'ナカガワ リエコ',
    publisher: 'fukuinkan',
    year: 1967,
    isbnTitleCode: '0082',
    isbnForm: 'isbn10',
    copies: ['central', 'east', 'west', 'miwa', 'tsunezumi', 'uchihara'],
  },
  {
    key: 'harapekoAomushi',
    title: 'はらぺこあおむし',
    titleReading: 'ハラペコ アオムシ',
    author: 'エリック・カール',
    authorReading: 'カール エリック',
    publisher: 'kaiseisha',
    year: 1997,
    isbnTitleCode: '328010',
    isbnForm: 'isbn10',
    copies: ['central', 'west', 'uchihara'],
  },
  {
    key: 'momo',
    title: 'モモ',
    titleReading: 'モモ',
    author: 'ミヒャエル・エンデ',
    authorReading: 'エンデ ミヒャエル',
    publisher: 'iwanami',
    year: 2005,
    isbnTitleCode: '114127',
    isbnForm: 'isbn13',
    copies: ['central', 'miwa'],
  },
] as const satisfies readonly Classic[];

export type ClassicKey = (typeof classics)[number]['key'];

/** `T000001`… in list order; titleIds of the generated titles follow. */
export const titleIdFor = (n: number): string => `T${String(n).padStart(6, '0')}`;

/** The classics' titleIds by key, e.g. `demoClassicTitleIds.wagahai === 'T000001'`. */
export const demoClassicTitleIds = Object.fromEntries(classics.map((c, i) => [c.key, titleIdFor(i + 1)])) as Record<ClassicKey, string>;
