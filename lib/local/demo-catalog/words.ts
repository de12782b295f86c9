/**
 * Word parts for demo titles, each with its katakana reading, so a composed title's reading
 * (parts' readings joined by spaces, as catalog ヨミ are) is consistent with its text.
 * Written `text:reading`; `_` in a reading is a space. Digits stay digits in readings.
 */
export interface Part {
  readonly text: string;
  readonly reading: string;
}

const parts = (spec: string): readonly Part[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [text = '', reading = ''] = pair.split(':');
      if (!text || !reading) throw new Error(`demo catalog: bad word "${pair}"`);
      return { text, reading: reading.replace(/_/g, ' ') };
    });

export const part = (text: string, reading: string): Part => ({ text, reading });
export const NO = part('の', 'ノ');
export const TO = part('と', 'ト');

/** Story nouns. None reads ココロ or ナツメ, so demo searches for the classics stay exact. */
export const nouns = parts(`
  猫:ネコ 犬:イヌ 森:モリ 海:ウミ 空:ソラ 星:ホシ 夜:ヨル 雨:アメ 風:カゼ 花:ハナ 月:ツキ 旅:タビ
  街:マチ 川:カワ 山:ヤマ 夢:ユメ 光:ヒカリ 影:カゲ 記憶:キオク 物語:モノガタリ 時間:ジカン
  図書館:トショカン 庭:ニワ 駅:エキ 列車:レッシャ 手紙:テガミ 約束:ヤクソク 冒険:ボウケン 秘密:ヒミツ
  季節:キセツ 島:シマ 港:ミナト 灯台:トウダイ 坂道:サカミチ 窓:マド 扉:トビラ 鍵:カギ 地図:チズ
  時計:トケイ 硝子:ガラス 湖:ミズウミ 岬:ミサキ 雪:ユキ 桜:サクラ 夕焼け:ユウヤケ 朝:アサ 春:ハル
  秋:アキ 冬:フユ 少年:ショウネン 少女:ショウジョ 王様:オウサマ 魔女:マジョ 探偵:タンテイ 船:フネ
  鳥:トリ 狐:キツネ 鯨:クジラ 石:イシ 声:コエ 歌:ウタ 嘘:ウソ 家族:カゾク 友達:トモダチ 教室:キョウシツ
  屋上:オクジョウ 路地:ロジ 商店街:ショウテンガイ 喫茶店:キッサテン 本屋:ホンヤ 台所:ダイドコロ
  線路:センロ 月夜:ツキヨ 砂漠:サバク 迷宮:メイキュウ 雷:カミナリ 虹:ニジ 羽:ハネ 舟:フネ
`);

export const adjectives = parts(`
  小さな:チイサナ 大きな:オオキナ 青い:アオイ 白い:シロイ 赤い:アカイ 黒い:クロイ 遠い:トオイ
  静かな:シズカナ 新しい:アタラシイ 不思議な:フシギナ 優しい:ヤサシイ 最後の:サイゴ_ノ 最初の:サイショ_ノ
  真夜中の:マヨナカ_ノ 透明な:トウメイナ 眠れない:ネムレナイ 終わらない:オワラナイ 名もなき:ナモナキ
  忘れられた:ワスレラレタ 見えない:ミエナイ 懐かしい:ナツカシイ 秘密の:ヒミツ_ノ 金色の:キンイロ_ノ
`);

/** Endings after を (read ヲ in catalog readings). */
export const verbs = parts(`
  探して:サガシテ 待ちながら:マチナガラ 見上げて:ミアゲテ 越えて:コエテ 渡る:ワタル 抱いて:ダイテ
  めざして:メザシテ 数えて:カゾエテ
`);

export const places = parts(`
  水戸:ミト 茨城:イバラキ 偕楽園:カイラクエン 千波湖:センバコ 常陸:ヒタチ 那珂川:ナカガワ 筑波山:ツクバサン
  日本:ニホン 江戸:エド 京都:キョウト 東京:トウキョウ 北海道:ホッカイドウ 沖縄:オキナワ 奈良:ナラ
`);

export const topics = parts(`
  経済学:ケイザイガク 心理学:シンリガク 哲学:テツガク 社会学:シャカイガク 統計学:トウケイガク 日本史:ニホンシ
  世界史:セカイシ 民俗学:ミンゾクガク 宇宙:ウチュウ 恐竜:キョウリュウ 昆虫:コンチュウ 天気:テンキ 植物:ショクブツ
  料理:リョウリ 和食:ワショク 家庭菜園:カテイ_サイエン 園芸:エンゲイ 写真:シャシン 俳句:ハイク 短歌:タンカ
  書道:ショドウ 将棋:ショウギ 囲碁:イゴ 茶道:サドウ 手芸:シュゲイ 登山:トザン 健康:ケンコウ 睡眠:スイミン
  子育て:コソダテ 介護:カイゴ 年金:ネンキン 相続:ソウゾク 法律:ホウリツ 憲法:ケンポウ 会計:カイケイ
  英語:エイゴ 英文法:エイブンポウ 中国語:チュウゴクゴ 数学:スウガク 物理:ブツリ 化学:カガク 地質学:チシツガク
  気象:キショウ 建築:ケンチク 美術:ビジュツ 音楽:オンガク 考古学:コウコガク 言語学:ゲンゴガク
`);

/** Non-fiction title frames: [before, after] around a topic. */
export const topicFrames: ReadonlyArray<readonly [Part | undefined, Part | undefined]> = [
  [undefined, part('入門', 'ニュウモン')],
  [part('はじめての', 'ハジメテ ノ'), undefined],
  [part('よくわかる', 'ヨク ワカル'), undefined],
  [part('図解', 'ズカイ'), undefined],
  [undefined, part('の基礎', 'ノ キソ')],
  [undefined, part('の教科書', 'ノ キョウカショ')],
  [part('実践', 'ジッセン'), undefined],
  [undefined, part('の歴史', 'ノ レキシ')],
  [undefined, part('ハンドブック', 'ハンドブック')],
  [part('1日10分の', '1ニチ 10プン ノ'), undefined],
  [part('図説', 'ズセツ'), undefined],
  [undefined, part('のきほん', 'ノ キホン')],
];

/** Computing topics, in the full-width and half-width forms catalogs really mix. */
export const techTopics = parts(`
  ＳＱＬ:エスキューエル Ｐｙｔｈｏｎ:パイソン Python:パイソン Ｊａｖａ:ジャバ JavaScript:ジャバスクリプト
  Linux:リナックス Ｅｘｃｅｌ:エクセル Ｗｅｂ:ウェブ ＡＩ:エーアイ Git:ギット Docker:ドッカー Rust:ラスト
  TypeScript:タイプスクリプト Ｒ:アール ネットワーク:ネットワーク データベース:データベース
  機械学習:キカイ_ガクシュウ セキュリティ:セキュリティ
`);

export const techGoals = parts(`
  データ分析:データ_ブンセキ 機械学習:キカイ_ガクシュウ Ｗｅｂ開発:ウェブ_カイハツ 業務自動化:ギョウム_ジドウカ
  プログラミング:プログラミング 統計解析:トウケイ_カイセキ
`);

export const techFrames: ReadonlyArray<readonly [Part | undefined, Part | undefined]> = [
  [undefined, part('入門', 'ニュウモン')],
  [part('はじめての', 'ハジメテ ノ'), undefined],
  [part('実践', 'ジッセン'), undefined],
  [undefined, part('逆引きレシピ', 'ギャクビキ レシピ')],
  [part('独習', 'ドクシュウ'), undefined],
  [undefined, part('ポケットリファレンス', 'ポケット リファレンス')],
  [part('かんたん', 'カンタン'), undefined],
];

/** Picture-book words, in hiragana as picture books are titled. */
export const animals = parts(`
  こぶた:コブタ くま:クマ うさぎ:ウサギ ねずみ:ネズミ きつね:キツネ たぬき:タヌキ ぞう:ゾウ かえる:カエル
  ねこ:ネコ いぬ:イヌ ぺんぎん:ペンギン りす:リス ひよこ:ヒヨコ かば:カバ わに:ワニ おばけ:オバケ
  ありさん:アリサン こりす:コリス
`);

export const kidsThings = parts(`
  おつかい:オツカイ ぼうけん:ボウケン おひっこし:オヒッコシ たんじょうび:タンジョウビ えんそく:エンソク
  さんぽ:サンポ おまつり:オマツリ ともだち:トモダチ ゆめ:ユメ おふろ:オフロ かくれんぼ:カクレンボ
  おべんとう:オベントウ ぱんやさん:パンヤサン はいしゃさん:ハイシャサン うんどうかい:ウンドウカイ
`);

export const kidsAdjectives = parts(`
  ちいさな:チイサナ おおきな:オオキナ はらぺこ:ハラペコ ねぼすけ:ネボスケ くいしんぼうの:クイシンボウ_ノ
  げんきな:ゲンキナ
`);

/** Reference works: [before, after] around a topic; `{year}` is replaced by the edition year. */
export const referenceFrames: ReadonlyArray<readonly [Part | undefined, Part]> = [
  [undefined, part('事典', 'ジテン')],
  [undefined, part('大事典', 'ダイジテン')],
  [undefined, part('用語辞典', 'ヨウゴ ジテン')],
  [undefined, part('便覧', 'ビンラン')],
  [undefined, part('年鑑 {year}年版', 'ネンカン {year}ネンバン')],
];

/** Composers with works of theirs; `{n}` is a number from the range given. */
export const composers: ReadonlyArray<{ readonly composer: Part; readonly works: ReadonlyArray<readonly [Part, number, number]> }> = [
  {
    composer: part('ベートーヴェン', 'ベートーヴェン'),
    works: [
      [part('交響曲第{n}番', 'コウキョウキョク ダイ{n}バン'), 1, 9],
      [part('ピアノ・ソナタ集', 'ピアノ ソナタシュウ'), 0, 0],
    ],
  },
  {
    composer: part('モーツァルト', 'モーツァルト'),
    works: [
      [part('交響曲第{n}番', 'コウキョウキョク ダイ{n}バン'), 35, 41],
      [part('ピアノ協奏曲第{n}番', 'ピアノ キョウソウキョク ダイ{n}バン'), 20, 27],
    ],
  },
  {
    composer: part('バッハ', 'バッハ'),
    works: [
      [part('無伴奏チェロ組曲', 'ムバンソウ チェロ クミキョク'), 0, 0],
      [part('ゴルトベルク変奏曲', 'ゴルトベルク ヘンソウキョク'), 0, 0],
    ],
  },
  {
    composer: part('ショパン', 'ショパン'),
    works: [
      [part('ノクターン集', 'ノクターンシュウ'), 0, 0],
      [part('ピアノ協奏曲第{n}番', 'ピアノ キョウソウキョク ダイ{n}バン'), 1, 2],
    ],
  },
  { composer: part('ブラームス', 'ブラームス'), works: [[part('交響曲第{n}番', 'コウキョウキョク ダイ{n}バン'), 1, 4]] },
  {
    composer: part('チャイコフスキー', 'チャイコフスキー'),
    works: [
      [part('白鳥の湖', 'ハクチョウ ノ ミズウミ'), 0, 0],
      [part('くるみ割り人形', 'クルミワリ ニンギョウ'), 0, 0],
    ],
  },
  { composer: part('ドヴォルザーク', 'ドヴォルザーク'), works: [[part('交響曲第9番「新世界より」', 'コウキョウキョク ダイ9バン シンセカイ ヨリ'), 0, 0]] },
  { composer: part('ヴィヴァルディ', 'ヴィヴァルディ'), works: [[part('四季', 'シキ'), 0, 0]] },
];

export const rakugo = parts(`
  芝浜:シバハマ 時そば:トキソバ 寿限無:ジュゲム 目黒のさんま:メグロ_ノ_サンマ 死神:シニガミ
  饅頭こわい:マンジュウ_コワイ 火焔太鼓:カエン_ダイコ 初天神:ハツテンジン
`);
