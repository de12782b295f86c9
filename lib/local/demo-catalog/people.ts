import type { Random } from './random.js';
import type { Part } from './words.js';

/**
 * Demo authors: family and given names with readings, recorded as catalogs do
 * (`佐藤 陽子` / `サトウ ヨウコ`). The classics' family names (夏目, 宮沢, 芥川, 川端, 太宰, 森,
 * 河合, 中川) are left out so that searches for those authors find the classics only.
 */
const names = (spec: string): readonly Part[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [text = '', reading = ''] = pair.split(':');
      return { text, reading };
    });

const familyNames = names(`
  佐藤:サトウ 鈴木:スズキ 高橋:タカハシ 田中:タナカ 伊藤:イトウ 渡辺:ワタナベ 山本:ヤマモト 中村:ナカムラ
  小林:コバヤシ 加藤:カトウ 吉田:ヨシダ 山田:ヤマダ 佐々木:ササキ 山口:ヤマグチ 松本:マツモト 井上:イノウエ
  木村:キムラ 林:ハヤシ 斎藤:サイトウ 清水:シミズ 山崎:ヤマザキ 池田:イケダ 橋本:ハシモト 阿部:アベ
  石川:イシカワ 山下:ヤマシタ 小川:オガワ 石井:イシイ 長谷川:ハセガワ 岡田:オカダ 後藤:ゴトウ 近藤:コンドウ
  前田:マエダ 藤田:フジタ 遠藤:エンドウ 青木:アオキ 坂本:サカモト 村上:ムラカミ 太田:オオタ 金子:カネコ
  藤井:フジイ 福田:フクダ 西村:ニシムラ 三浦:ミウラ 岡本:オカモト 松田:マツダ 原田:ハラダ 中野:ナカノ
  小野:オノ 田村:タムラ 竹内:タケウチ 和田:ワダ 石田:イシダ 上田:ウエダ 森田:モリタ 原:ハラ 柴田:シバタ
  酒井:サカイ 工藤:クドウ 横山:ヨコヤマ 宮崎:ミヤザキ 内田:ウチダ 高木:タカギ 安藤:アンドウ 大野:オオノ
  丸山:マルヤマ 今井:イマイ 河野:コウノ 藤原:フジワラ 小島:コジマ 菅原:スガワラ 野口:ノグチ 水野:ミズノ
  大塚:オオツカ 千葉:チバ 久保:クボ 松井:マツイ 桜井:サクライ 野村:ノムラ 菊地:キクチ 杉山:スギヤマ
`);

const givenNames = names(`
  翔太:ショウタ 陽子:ヨウコ 健一:ケンイチ 美咲:ミサキ 大輔:ダイスケ 由美:ユミ 誠:マコト 恵子:ケイコ
  直樹:ナオキ さくら:サクラ 拓也:タクヤ 真由美:マユミ 浩:ヒロシ 明美:アケミ 聡:サトシ 智子:トモコ
  隆:タカシ 裕子:ユウコ 学:マナブ 香織:カオリ 亮:リョウ 綾:アヤ 修:オサム 直子:ナオコ 健太:ケンタ
  舞:マイ 和也:カズヤ 愛:アイ 大介:ダイスケ 優子:ユウコ 達也:タツヤ 久美子:クミコ 一郎:イチロウ
  花子:ハナコ 哲也:テツヤ 幸子:サチコ 剛:ツヨシ 陽菜:ヒナ 蓮:レン 結衣:ユイ 悠人:ユウト 千尋:チヒロ
  光:ヒカル 葵:アオイ 誠一:セイイチ 佳奈:カナ 英樹:ヒデキ 理恵:リエ 正樹:マサキ 美穂:ミホ 俊介:シュンスケ
  和子:カズコ 康弘:ヤスヒロ 静香:シズカ 圭:ケイ 瞳:ヒトミ 淳:ジュン 薫:カオル 昌平:ショウヘイ
`);

export interface Person {
  readonly name: string;
  readonly reading: string;
}

export const randomPerson = (random: Random): Person => {
  const family = random.pick(familyNames);
  const given = random.pick(givenNames);
  return { name: `${family.text} ${given.text}`, reading: `${family.reading} ${given.reading}` };
};
