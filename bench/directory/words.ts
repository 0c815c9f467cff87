// Word lists for bench/directory/generate.ts. Entries with a reading are written "表記:ヨミ" so a
// list stays one readable string; hiragana words carry no reading (it is derived by shifting the
// code points to katakana). The readings are ours, not a dictionary's: what matters for the search
// benchmark is that the kana column is exactly the reading of the name we generated.

const split = (words: string): string[] => words.trim().split(/\s+/);

export type Word = { text: string; kana: string; lead: boolean };

/**
 * Parses "表記:ヨミ" (a hiragana word derives its reading; a leading "^" marks a suffix that leads the
 * name) and refuses any reading that is not pure full-width katakana, the form of the real kana column.
 */
function word(entry: string): Word {
  const lead = entry.startsWith('^');
  const [text = '', reading] = (lead ? entry.slice(1) : entry).split(':');
  const kana = reading ?? text.replace(/[ぁ-ゖ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  if (!/^[ァ-ヴー]+$/u.test(kana))
    throw new Error(`Reading of "${entry}" is not full-width katakana: ${kana}`);
  return { text, kana, lead };
}

const words = (list: string): Word[] => split(list).map(word);

/** [JIS code, name, latitude, longitude, population in units of 10,000 (2020 census, rounded)]. */
export const PREFECTURES: ReadonlyArray<readonly [string, string, number, number, number]> = [
  ['01', '北海道', 43.0642, 141.3469, 522],
  ['02', '青森県', 40.8244, 140.74, 124],
  ['03', '岩手県', 39.7036, 141.1527, 121],
  ['04', '宮城県', 38.2688, 140.8721, 230],
  ['05', '秋田県', 39.7186, 140.1024, 96],
  ['06', '山形県', 38.2404, 140.3633, 107],
  ['07', '福島県', 37.7503, 140.4676, 183],
  ['08', '茨城県', 36.3418, 140.4468, 287],
  ['09', '栃木県', 36.5657, 139.8836, 193],
  ['10', '群馬県', 36.3912, 139.0608, 194],
  ['11', '埼玉県', 35.8569, 139.6489, 734],
  ['12', '千葉県', 35.6046, 140.1233, 628],
  ['13', '東京都', 35.6895, 139.6917, 1405],
  ['14', '神奈川県', 35.4478, 139.6425, 924],
  ['15', '新潟県', 37.9026, 139.0236, 220],
  ['16', '富山県', 36.6953, 137.2113, 103],
  ['17', '石川県', 36.5947, 136.6256, 113],
  ['18', '福井県', 36.0652, 136.2216, 77],
  ['19', '山梨県', 35.6642, 138.5684, 81],
  ['20', '長野県', 36.6513, 138.181, 205],
  ['21', '岐阜県', 35.3912, 136.7223, 198],
  ['22', '静岡県', 34.9769, 138.3831, 363],
  ['23', '愛知県', 35.1802, 136.9066, 754],
  ['24', '三重県', 34.7303, 136.5086, 177],
  ['25', '滋賀県', 35.0045, 135.8686, 141],
  ['26', '京都府', 35.0214, 135.7556, 258],
  ['27', '大阪府', 34.6863, 135.52, 884],
  ['28', '兵庫県', 34.6913, 135.183, 547],
  ['29', '奈良県', 34.6851, 135.8329, 132],
  ['30', '和歌山県', 34.226, 135.1675, 92],
  ['31', '鳥取県', 35.5039, 134.2377, 55],
  ['32', '島根県', 35.4723, 133.0505, 67],
  ['33', '岡山県', 34.6618, 133.9344, 189],
  ['34', '広島県', 34.3966, 132.4596, 280],
  ['35', '山口県', 34.1859, 131.4714, 134],
  ['36', '徳島県', 34.0658, 134.5593, 72],
  ['37', '香川県', 34.3401, 134.0434, 95],
  ['38', '愛媛県', 33.8416, 132.7657, 133],
  ['39', '高知県', 33.5597, 133.5311, 69],
  ['40', '福岡県', 33.6064, 130.4181, 513],
  ['41', '佐賀県', 33.2494, 130.2988, 81],
  ['42', '長崎県', 32.7448, 129.8737, 131],
  ['43', '熊本県', 32.7898, 130.7417, 174],
  ['44', '大分県', 33.2382, 131.6126, 112],
  ['45', '宮崎県', 31.9111, 131.4239, 107],
  ['46', '鹿児島県', 31.5602, 130.5581, 159],
  ['47', '沖縄県', 26.2124, 127.6809, 147],
];

/**
 * Service codes of data-formats §1 with their Japanese name, a weight close to the national count
 * of service points (430, 110, 150 and 130 lead), whether it is a visit service (定員 0), its
 * capacity range, and name suffixes. A suffix starting with "^" leads the name instead
 * (特別養護老人ホームさくら苑), the way facility names are usually written.
 */
export type ServiceSpec = {
  code: string;
  name: string;
  weight: number;
  visit: boolean;
  capacity: readonly [number, number];
  suffixes: Word[];
};

const service = (
  code: string,
  name: string,
  weight: number,
  visit: boolean,
  capacity: readonly [number, number],
): ServiceSpec => ({
  code,
  name,
  weight,
  visit,
  capacity,
  suffixes: suffixesOf(code),
});

function suffixesOf(code: string): Word[] {
  const line = SUFFIXES.match(new RegExp(`^${code} (.+)$`, 'm'))?.[1];
  if (!line) throw new Error(`No name suffixes for service ${code}`);
  return words(line);
}

// Name suffixes per service code, one line each.
const SUFFIXES = `
430 居宅介護支援事業所:キョタクカイゴシエンジギョウショ ケアプランセンター:ケアプランセンター 介護支援センター:カイゴシエンセンター ケアマネジメントセンター:ケアマネジメントセンター
110 ヘルパーステーション:ヘルパーステーション 訪問介護事業所:ホウモンカイゴジギョウショ ホームヘルプサービス:ホームヘルプサービス 訪問介護センター:ホウモンカイゴセンター
150 デイサービスセンター:デイサービスセンター デイサービス:デイサービス 通所介護事業所:ツウショカイゴジギョウショ
130 訪問看護ステーション:ホウモンカンゴステーション 訪問看護センター:ホウモンカンゴセンター 訪問看護リハビリステーション:ホウモンカンゴリハビリステーション
320 グループホーム:グループホーム ^グループホーム:グループホーム 認知症グループホーム:ニンチショウグループホーム
780 デイサービス:デイサービス リハビリデイサービス:リハビリデイサービス ^デイサービス:デイサービス
210 ショートステイ:ショートステイ 短期入所生活介護事業所:タンキニュウショセイカツカイゴジギョウショ ^ショートステイ:ショートステイ
510 ^特別養護老人ホーム:トクベツヨウゴロウジンホーム ^特別養護老人ホーム:トクベツヨウゴロウジンホーム 特別養護老人ホーム:トクベツヨウゴロウジンホーム
160 デイケアセンター:デイケアセンター 通所リハビリテーション:ツウショリハビリテーション デイケア:デイケア
730 小規模多機能ホーム:ショウキボタキノウホーム 小規模多機能型居宅介護:ショウキボタキノウガタキョタクカイゴ
140 訪問リハビリテーション:ホウモンリハビリテーション 訪問リハビリ事業所:ホウモンリハビリジギョウショ
520 ^介護老人保健施設:カイゴロウジンホケンシセツ 老人保健施設:ロウジンホケンシセツ
220 ^介護老人保健施設:カイゴロウジンホケンシセツ 短期入所療養介護:タンキニュウショリョウヨウカイゴ
720 認知症対応型デイサービス:ニンチショウタイオウガタデイサービス 認知症デイサービス:ニンチショウデイサービス
120 訪問入浴サービス:ホウモンニュウヨクサービス 入浴サービスセンター:ニュウヨクサービスセンター
760 定期巡回サービス:テイキジュンカイサービス 定期巡回随時対応サービス:テイキジュンカイズイジタイオウサービス
770 看護小規模多機能型居宅介護:カンゴショウキボタキノウガタキョタクカイゴ 看多機:カンタキ
550 介護医療院:カイゴイリョウイン ^介護医療院:カイゴイリョウイン
710 夜間対応型訪問介護:ヤカンタイオウガタホウモンカイゴ 夜間訪問介護ステーション:ヤカンホウモンカイゴステーション
155 療養通所介護:リョウヨウツウショカイゴ 療養デイサービス:リョウヨウデイサービス
`;

export const SERVICES: ServiceSpec[] = [
  service('430', '居宅介護支援', 38_000, true, [0, 0]),
  service('110', '訪問介護', 35_000, true, [0, 0]),
  service('150', '通所介護', 24_000, false, [20, 60]),
  service('130', '訪問看護', 15_000, true, [0, 0]),
  service('320', '認知症対応型共同生活介護', 14_000, false, [9, 27]),
  service('780', '地域密着型通所介護', 13_000, false, [10, 18]),
  service('210', '短期入所生活介護', 11_500, false, [10, 40]),
  service('510', '介護老人福祉施設', 8_400, false, [30, 100]),
  service('160', '通所リハビリテーション', 8_000, false, [20, 60]),
  service('730', '小規模多機能型居宅介護', 5_500, false, [18, 29]),
  service('140', '訪問リハビリテーション', 5_000, true, [0, 0]),
  service('520', '介護老人保健施設', 4_200, false, [50, 100]),
  service('220', '短期入所療養介護', 3_500, false, [9, 30]),
  service('720', '認知症対応型通所介護', 3_000, false, [9, 12]),
  service('120', '訪問入浴介護', 1_600, true, [0, 0]),
  service('760', '定期巡回・随時対応型訪問介護看護', 1_200, true, [0, 0]),
  service('770', '看護小規模多機能型居宅介護', 900, false, [18, 29]),
  service('550', '介護医療院', 800, false, [20, 100]),
  service('710', '夜間対応型訪問介護', 200, true, [0, 0]),
  service('155', '療養通所介護', 80, false, [9, 18]),
];

/** One 事業所番号 under two services: pairs that real providers run from one office. */
export const SERVICE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['110', '430'],
  ['110', '150'],
  ['130', '430'],
  ['510', '210'],
  ['520', '220'],
  ['520', '160'],
  ['160', '140'],
  ['150', '720'],
  ['110', '760'],
];

/** First word of a service point's name: hiragana, katakana and kanji words seen in real names. */
export const NAME_WORDS = words(`
  ひまわり さくら あおば やすらぎ みどり たんぽぽ すみれ ひだまり あさひ ひかり なごみ ふれあい いこい
  こもれび そよかぜ わかば あじさい つばき かえで もみじ すずらん なのはな はなみずき あかね ほほえみ
  ぬくもり やまびこ ゆうゆう のぞみ あゆみ きずな えがお まごころ おひさま こすもす つくし しおさい ほのか
  はるかぜ せせらぎ やまぶき れんげ なでしこ ききょう ふじ うぐいす かがやき めぐみ こころ ゆずりは いずみ
  あすなろ
  ハート スマイル ライフ サポート ハーモニー ハピネス オリーブ ローズ フレンド リーフ グリーン サンシャイン
  コスモス ステラ アイリス ルピナス ミモザ ラベンダー ポプラ メープル ソレイユ ルーチェ ヴィラ ファミリー
  ホープ ピース リリー マーガレット クローバー アップル ベル カトレア プラム オアシス ガーデン ヒルズ パーク
  テラス ハウス ナースケア リハケア ウィル エール アース
  桜島:サクラジマ 谷山:タニヤマ 中央:チュウオウ 緑ヶ丘:ミドリガオカ 城山:シロヤマ 青葉:アオバ 若葉:ワカバ
  朝日:アサヒ 旭:アサヒ 希望:キボウ 安心:アンシン 寿:コトブキ 松風:マツカゼ 白鳥:ハクチョウ 富士見:フジミ
  東山:ヒガシヤマ 西山:ニシヤマ 南風:ナンプウ 北野:キタノ 本町:ホンマチ 駅前:エキマエ 川端:カワバタ
  山手:ヤマテ 松原:マツバラ 高砂:タカサゴ 日の出:ヒノデ 春日:カスガ 千代田:チヨダ 緑:ミドリ 泉:イズミ
  清水:シミズ 陽だまり:ヒダマリ 花園:ハナゾノ 愛:アイ 恵:メグミ 福寿:フクジュ 長寿:チョウジュ 敬愛:ケイアイ
  慈恵:ジケイ 大和:ヤマト 光:ヒカリ 虹:ニジ 結:ユイ 絆:キズナ 和楽:ワラク 悠々:ユウユウ 陽光:ヨウコウ
  明星:ミョウジョウ 青空:アオゾラ 太陽:タイヨウ 星空:ホシゾラ 四季:シキ 季楽:キラク 白樺:シラカバ 杜:モリ
  海風:ウミカゼ 天神:テンジン 八幡:ハチマン 宮前:ミヤマエ 住吉:スミヨシ 中山:ナカヤマ 小松:コマツ
  丸山:マルヤマ 平和:ヘイワ
`);

/** Optional second word, between the first word and the suffix. */
export const SECOND_WORDS = words(`
  の里:ノサト の郷:ノサト の家:ノイエ 苑:エン 園:エン 荘:ソウ 館:カン ケアセンター:ケアセンター ケア:ケア
  中央:チュウオウ 東:ヒガシ 西:ニシ 南:ミナミ 北:キタ 駅前:エキマエ ライフ:ライフ ハウス:ハウス 第二:ダイニ
`);

/** Municipality names are a head and a tail morpheme (北+川+市); their readings let a name reuse them. */
export const MUNICIPALITY_HEADS = words(`
  北:キタ 南:ミナミ 東:ヒガシ 西:ニシ 大:オオ 小:コ 高:タカ 長:ナガ 松:マツ 竹:タケ 梅:ウメ 桜:サクラ
  藤:フジ 杉:スギ 柳:ヤナギ 岩:イワ 石:イシ 金:カネ 白:シラ 黒:クロ 青:アオ 赤:アカ 若:ワカ 宮:ミヤ 寺:テラ
  鶴:ツル 亀:カメ 鹿:シカ 熊:クマ 富:トミ 福:フク 吉:ヨシ 豊:トヨ 千:チ 八:ヤ 三:ミ 日:ヒ 朝:アサ 月:ツキ
  星:ホシ 浜:ハマ 磯:イソ 芦:アシ 稲:イナ 栗:クリ 桑:クワ 柏:カシワ 谷:タニ 中:ナカ 上:カミ 下:シモ
`);
export const MUNICIPALITY_TAILS = words(`
  川:カワ 山:ヤマ 野:ノ 原:ハラ 沢:サワ 崎:サキ 島:シマ 津:ツ 浦:ウラ 瀬:セ 岡:オカ 尾:オ 井:イ 木:キ
  江:エ 戸:ト 根:ネ 見:ミ 部:ベ 橋:ハシ 森:モリ 里:サト 田:ダ 坂:サカ 倉:クラ
`);

/** 町名 of addresses (no readings: addresses carry none). */
export const TOWNS = split(`
  本町 中町 栄町 緑町 旭町 幸町 寿町 東町 西町 南町 北町 新町 元町 大手町 錦町 宮前 松が丘 桜ケ丘 若葉
  青葉台 泉町 高田 上野 下野 中野 大野 小松 松原 原町 常盤町 千代田 春日 日吉 日の出町 住吉 八幡 天神
  花園 梅園 桜町 柳町 紺屋町 鍛冶町 大工町 呉服町 魚町 塩町 材木町 田町 浜町 港町 船町 川原町 橋本 中央
  駅前 駅南 駅東 城南 城北 城東 城西 西原 東原 南原 北原 上原 中原 新田 本郷 大塚 小山 平野 平和町 昭和町
  大正町 明治町 光町 希望ケ丘 緑ケ丘 美里 美原 朝日町 曙町 旭ケ丘 宮下 宮本 清水 石田 岩田 吉田 山田 森町
  林町 竹の下 松山 杉並 藤が丘 柏木 桑原 荒井 今井 今泉 下田 上田 中島 大島 小島 長島 福島 北島 南島 西島
  中川 小川 石川 北川 荒川 白川 黒川 谷山 城山 東山 西山 南山 北山 中山 丸山 高台 見晴台 富士見 松風
  緑が丘 紅葉ケ丘 桜台 梅ケ丘 柳原 榎町 桃山 山手 山下 坂下 坂上 川端 川口 浜田 浜松町 港南 海岸通 新港
  宇宿 紫原 鴨池 武 荒田 下荒田 真砂 郡元 田上 唐湊 伊敷 吉野 星ケ峯 皇徳寺台 桜丘 和田 平川 喜入
  大明ケ丘 岡町 岡本 野田 堀川 堀之内 堤 土手 池田 池上 池尻 沼田 沢町 滝ノ下 高見 高畑 大町 小町 辻
  三条 五条 七条 一番町 二番町 三番町 四番町 東雲 晴海 新宿 中里 古川 古町 若松 桜木町 弥生町 松葉町
`);

/** 方書: building words, combined with a floor or room number. */
export const BUILDINGS = split(
  'ビル ハイツ マンション コーポ プラザ メディカルビル 会館 メゾン テナントビル',
);

/** 法人の名称: [form, weight, whether "会" follows the word (社会福祉法人さくら会)]. */
export const CORPORATE_FORMS: ReadonlyArray<readonly [string, number, boolean]> = [
  ['株式会社', 35, false],
  ['社会福祉法人', 20, true],
  ['医療法人', 15, true],
  ['有限会社', 12, false],
  ['医療法人社団', 5, true],
  ['合同会社', 5, false],
  ['特定非営利活動法人', 5, false],
  ['一般社団法人', 3, false],
];

export const DAY_NOTES = split(
  '祝日を除く 年末年始（12月30日～1月3日）を除く 土曜日は午前のみ 24時間対応 日曜・祝日は休み お盆、年末年始は休み',
);

// Two notes carry a comma and a double quote so that CSV quoting is exercised by any importer.
export const REMARKS = [
  '送迎あり',
  '見学随時受付中',
  '駐車場あり, 10台',
  '"認知症ケア"に力を入れています',
  '空きあり（お問い合わせください）',
  '令和6年4月開設',
  '共生型サービス',
];
