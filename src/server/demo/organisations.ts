// The fictional city area: みらい市 in さくら県. Every name here is made up.

import type { OrganisationKind } from '../../shared/identity';
import type { CitySettings } from '../../shared/schemas/settings';

export const demoCity: CitySettings = {
  cityName: 'みらい市（デモ）',
  prefectureName: 'さくら県',
  // 99 is no prefecture's number: the code can never be mistaken for a real municipality.
  municipalityCode: '990001',
  supportCenterName: 'みらい市在宅医療・介護連携支援センター',
};

export const demoAreas = [
  {
    key: 'north',
    name: '北部圏域',
    kana: 'ホクブケンイキ',
    kind: 'daily_life_area',
    center: 'north_community',
    sortOrder: 1,
  },
  {
    key: 'south',
    name: '南部圏域',
    kana: 'ナンブケンイキ',
    kind: 'daily_life_area',
    center: 'south_community',
    sortOrder: 2,
  },
] as const;

type DemoOrganisation = {
  key: string;
  name: string;
  kana: string;
  kind: OrganisationKind;
  area: 'north' | 'south';
  phone: string;
  address: string;
};

const org = (
  key: string,
  name: string,
  kana: string,
  kind: OrganisationKind,
  area: 'north' | 'south',
  n: number,
): DemoOrganisation => ({
  key,
  name,
  kana,
  kind,
  area,
  phone: `099-000-${String(1000 + n)}`,
  address: `さくら県みらい市${area === 'north' ? 'きた町' : 'みなみ町'}${n}丁目${n + 2}番`,
});

export const demoOrganisations: DemoOrganisation[] = [
  org(
    'city_office',
    'みらい市役所 長寿あんしん課',
    'ミライシヤクショ チョウジュアンシンカ',
    'city_office',
    'north',
    1,
  ),
  org(
    'support_center',
    'みらい市在宅医療・介護連携支援センター',
    'ミライシザイタクイリョウカイゴレンケイシエンセンター',
    'coordination_center',
    'north',
    2,
  ),
  org(
    'fire_station',
    'みらい市消防局 中央消防署',
    'ミライシショウボウキョク チュウオウショウボウショ',
    'fire_department',
    'north',
    3,
  ),
  org(
    'north_community',
    'みらい北部地域包括支援センター',
    'ミライホクブチイキホウカツシエンセンター',
    'community_center',
    'north',
    4,
  ),
  org(
    'south_community',
    'みらい南部地域包括支援センター',
    'ミライナンブチイキホウカツシエンセンター',
    'community_center',
    'south',
    5,
  ),
  org('central_hospital', 'みらい中央病院', 'ミライチュウオウビョウイン', 'hospital', 'north', 6),
  org(
    'hidamari_rehab',
    'ひだまり台リハビリテーション病院',
    'ヒダマリダイリハビリテーションビョウイン',
    'hospital',
    'south',
    7,
  ),
  org('sakura_clinic', 'さくら在宅クリニック', 'サクラザイタククリニック', 'clinic', 'north', 8),
  org('aoba_clinic', 'あおば内科クリニック', 'アオバナイカクリニック', 'clinic', 'south', 9),
  org('niko_dental', 'にこにこ歯科', 'ニコニコシカ', 'dental_clinic', 'south', 10),
  org('midori_pharmacy', 'みどり薬局', 'ミドリヤッキョク', 'pharmacy', 'north', 11),
  org('hoshi_pharmacy', 'ほし薬局 南店', 'ホシヤッキョク ミナミテン', 'pharmacy', 'south', 12),
  org(
    'tsubasa_nursing',
    'つばさ訪問看護ステーション',
    'ツバサホウモンカンゴステーション',
    'visiting_nurse',
    'north',
    13,
  ),
  org(
    'komorebi_nursing',
    'こもれび訪問看護ステーション',
    'コモレビホウモンカンゴステーション',
    'visiting_nurse',
    'south',
    14,
  ),
  org(
    'aozora_care_plan',
    'あおぞらケアプランセンター',
    'アオゾラケアプランセンター',
    'care_management',
    'north',
    15,
  ),
  org(
    'yuyake_care_plan',
    'ゆうやけ居宅介護支援事業所',
    'ユウヤケキョタクカイゴシエンジギョウショ',
    'care_management',
    'south',
    16,
  ),
  org(
    'soyokaze_helper',
    'そよかぜヘルパーステーション',
    'ソヨカゼヘルパーステーション',
    'home_help',
    'north',
    17,
  ),
  org('himawari_day', 'ひまわりデイサービス', 'ヒマワリデイサービス', 'day_service', 'south', 18),
  org(
    'yasuragi_home',
    '特別養護老人ホーム やすらぎの里',
    'トクベツヨウゴロウジンホーム ヤスラギノサト',
    'nursing_home',
    'south',
    19,
  ),
  org('tampopo_gh', 'グループホーム たんぽぽ', 'グループホーム タンポポ', 'group_home', 'north', 20),
  org(
    'wakaba_small',
    '小規模多機能ホーム わかば',
    'ショウキボタキノウホーム ワカバ',
    'small_multi',
    'north',
    21,
  ),
  org(
    'umikaze_roken',
    '介護老人保健施設 うみかぜ',
    'カイゴロウジンホケンシセツ ウミカゼ',
    'geriatric_health',
    'south',
    22,
  ),
];
