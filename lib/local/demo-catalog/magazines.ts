/**
 * Demo magazines. Each issue is its own title (series = magazine, volume = issue); the newest
 * issue's copies are LATEST_ISSUE (期禁), back issues NORMAL.
 */
export interface Magazine {
  readonly name: string;
  readonly reading: string;
  readonly publisher: string;
}

const m = (name: string, reading: string, publisher: string): Magazine => ({ name, reading, publisher });

export const magazines: readonly Magazine[] = [
  m('暮しの手帖', 'クラシ ノ テチョウ', '暮しの手帖社'),
  m('文藝春秋', 'ブンゲイ シュンジュウ', '文藝春秋'),
  m('中央公論', 'チュウオウ コウロン', '中央公論新社'),
  m('日経サイエンス', 'ニッケイ サイエンス', '日経サイエンス社'),
  m('Newton', 'ニュートン', 'ニュートンプレス'),
  m('ナショナルジオグラフィック日本版', 'ナショナル ジオグラフィック ニホンバン', '日経ナショナルジオグラフィック'),
  m('月刊たくさんのふしぎ', 'ゲッカン タクサン ノ フシギ', '福音館書店'),
  m('こどものとも', 'コドモ ノ トモ', '福音館書店'),
  m('将棋世界', 'ショウギ セカイ', '日本将棋連盟'),
  m('鉄道ファン', 'テツドウ ファン', '交友社'),
  m('ＮＨＫきょうの料理', 'エヌエイチケー キョウ ノ リョウリ', 'ＮＨＫ出版'),
  m('趣味の園芸', 'シュミ ノ エンゲイ', 'ＮＨＫ出版'),
  m('天文ガイド', 'テンモン ガイド', '誠文堂新光社'),
  m('山と溪谷', 'ヤマ ト ケイコク', '山と溪谷社'),
  m('婦人之友', 'フジン ノ トモ', '婦人之友社'),
  m('文學界', 'ブンガクカイ', '文藝春秋'),
  m('群像', 'グンゾウ', '講談社'),
  m('新潮', 'シンチョウ', '新潮社'),
  m('現代思想', 'ゲンダイ シソウ', '青土社'),
  m('歴史街道', 'レキシ カイドウ', 'ＰＨＰ研究所'),
];

/** The demo's newest issue (the local clock starts in December 2026). */
export const LATEST_ISSUE = { year: 2026, month: 12 } as const;

/** Issue `back` months before the newest: its volume (`2026年12月号`) and the volume's reading. */
export const issueOf = (back: number): { year: number; volume: string; reading: string } => {
  const index = LATEST_ISSUE.year * 12 + (LATEST_ISSUE.month - 1) - back;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, volume: `${year}年${month}月号`, reading: `${year}ネン ${month}ガツゴウ` };
};
