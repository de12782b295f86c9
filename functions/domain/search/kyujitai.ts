/**
 * 旧字体 → 新字体 for the characters older titles and names are most often printed with
 * (文學界, 國語, 圖書館, 櫻の園, 齋藤). Applied to catalog text and queries alike, so either form
 * finds both. One-to-one pairs from the 常用漢字表's 旧字体 (and three name variants);
 * 異体字 that NFKC already folds (most CJK compatibility ideographs) need no entry.
 */
const PAIRS =
  '亞亜惡悪壓圧圍囲醫医爲為壹壱隱隠營営榮栄衞衛驛駅圓円鹽塩緣縁應応歐欧櫻桜假仮價価畫画會会懷懐壞壊' +
  '擴拡覺覚學学嶽岳樂楽勸勧卷巻歡歓罐缶觀観關関陷陥氣気歸帰僞偽戲戯犧犠舊旧據拠擧挙峽峡狹狭曉暁區区' +
  '驅駆勳勲徑径惠恵經経繼継莖茎螢蛍輕軽鷄鶏藝芸缺欠儉倹劍剣圈圏檢検權権獻献縣県險険顯顕驗験嚴厳' +
  '效効廣広恆恒鑛鉱號号國国黑黒濟済碎砕齋斎劑剤雜雑參参慘惨棧桟蠶蚕贊賛殘残絲糸齒歯兒児辭辞濕湿實実' +
  '舍舎寫写釋釈壽寿收収從従澁渋獸獣縱縦肅粛處処敍叙將将稱称燒焼證証乘乗淨浄剩剰壤壌孃嬢條条疊畳讓譲' +
  '釀醸觸触寢寝愼慎眞真盡尽圖図粹粋醉酔穗穂隨随髓髄數数樞枢聲声靜静齊斉攝摂竊窃專専戰戦淺浅潛潜纖繊' +
  '踐践錢銭禪禅雙双壯壮搜捜插挿爭争總総聰聡莊荘裝装騷騒藏蔵屬属續続墮堕體体對対帶帯滯滞臺台瀧滝擇択' +
  '澤沢單単擔担膽胆團団彈弾斷断癡痴遲遅晝昼蟲虫鑄鋳廳庁聽聴敕勅鎭鎮遞逓鐵鉄轉転點点傳伝黨党盜盗燈灯' +
  '當当鬭闘獨独讀読屆届繩縄貳弐惱悩腦脳霸覇廢廃拜拝賣売麥麦發発髮髪拔抜蠻蛮祕秘濱浜甁瓶拂払佛仏' +
  '竝並變変邊辺辨弁瓣弁辯弁舖舗寶宝豐豊沒没飜翻萬万滿満默黙彌弥藥薬譯訳豫予餘余與与譽誉搖揺樣様謠謡' +
  '來来賴頼亂乱覽覧龍竜兩両獵猟綠緑壘塁勵励禮礼隸隷靈霊齡齢戀恋爐炉勞労樓楼祿禄錄録灣湾' +
  // Not 旧字体 of the 常用漢字表 but printed for the same name (森鷗外, 髙橋, 山﨑).
  '鷗鴎髙高﨑崎';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS.charAt(i), PAIRS.charAt(i + 1));

const OLD_FORMS = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');

export const kyujitaiPairs = (): ReadonlyMap<string, string> => MAP;

/** The text with every listed 旧字体 replaced by its 新字体. */
export const foldKyujitai = (text: string): string => {
  OLD_FORMS.lastIndex = 0;
  return OLD_FORMS.test(text) ? text.replace(OLD_FORMS, (c) => MAP.get(c) ?? c) : text;
};
