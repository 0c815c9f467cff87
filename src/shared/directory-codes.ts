// The resource directory's vocabulary (在宅医療・介護資源) as plain data: service kinds and their groups,
// capabilities, accepted medical procedures, weekdays and contact channels. No Zod here, so the public
// directory pages can show these names without loading it; `directory.ts` adds the schemas and re-exports
// everything, so servers and forms import from there as before.
import type { Labelled } from './labelled';

export const serviceGroups = [
  { code: 'medical', ja: '医療', en: 'Medical' },
  { code: 'home_care', ja: '在宅サービス', en: 'Home services' },
  { code: 'day_care', ja: '通所・短期入所', en: 'Day and short stay' },
  { code: 'residential', ja: '施設・住まい', en: 'Residential' },
  { code: 'support', ja: '相談・支援', en: 'Advice and support' },
] as const satisfies readonly Labelled<string>[];
export type ServiceGroup = (typeof serviceGroups)[number]['code'];

/**
 * One entry per kind of service point. `code` is the 介護保険 service-type code for care services
 * (the identity of a 事業所 together with its 事業所番号) and a word for the others. `reading` is
 * the hiragana reading: a search for 「ほうもんかんご」 finds every 訪問看護 entry, whatever its name.
 */
export type ServiceKind = Labelled<string> & { group: ServiceGroup; reading: string; visits?: boolean };

export const serviceKinds = [
  { code: 'hospital', group: 'medical', ja: '病院', en: 'Hospital', reading: 'びょういん' },
  { code: 'clinic', group: 'medical', ja: '診療所', en: 'Clinic', reading: 'しんりょうじょ' },
  {
    code: 'dental_clinic',
    group: 'medical',
    ja: '歯科診療所',
    en: 'Dental clinic',
    reading: 'しかしんりょうじょ',
  },
  { code: 'pharmacy', group: 'medical', ja: '薬局', en: 'Pharmacy', reading: 'やっきょく' },
  {
    code: '110',
    group: 'home_care',
    ja: '訪問介護',
    en: 'Home help',
    reading: 'ほうもんかいご',
    visits: true,
  },
  {
    code: '120',
    group: 'home_care',
    ja: '訪問入浴介護',
    en: 'Home bathing',
    reading: 'ほうもんにゅうよくかいご',
    visits: true,
  },
  {
    code: '130',
    group: 'home_care',
    ja: '訪問看護',
    en: 'Visiting nursing',
    reading: 'ほうもんかんご',
    visits: true,
  },
  {
    code: '140',
    group: 'home_care',
    ja: '訪問リハビリテーション',
    en: 'Home rehabilitation',
    reading: 'ほうもんりはびりてーしょん',
    visits: true,
  },
  { code: '150', group: 'day_care', ja: '通所介護', en: 'Day service', reading: 'つうしょかいご' },
  {
    code: '155',
    group: 'day_care',
    ja: '療養通所介護',
    en: 'Day service with nursing',
    reading: 'りょうようつうしょかいご',
  },
  {
    code: '160',
    group: 'day_care',
    ja: '通所リハビリテーション',
    en: 'Day rehabilitation',
    reading: 'つうしょりはびりてーしょん',
  },
  {
    code: '210',
    group: 'day_care',
    ja: '短期入所生活介護',
    en: 'Short stay',
    reading: 'たんきにゅうしょせいかつかいご',
  },
  {
    code: '220',
    group: 'day_care',
    ja: '短期入所療養介護',
    en: 'Short stay with medical care',
    reading: 'たんきにゅうしょりょうようかいご',
  },
  {
    code: '320',
    group: 'residential',
    ja: '認知症対応型共同生活介護（グループホーム）',
    en: 'Dementia group home',
    reading: 'にんちしょうたいおうがたきょうどうせいかつかいごぐるーぷほーむ',
  },
  {
    code: '330',
    group: 'residential',
    ja: '特定施設入居者生活介護',
    en: 'Care in designated facilities',
    reading: 'とくていしせつにゅうきょしゃせいかつかいご',
  },
  {
    code: '430',
    group: 'support',
    ja: '居宅介護支援',
    en: 'Care management',
    reading: 'きょたくかいごしえん',
  },
  {
    code: '510',
    group: 'residential',
    ja: '介護老人福祉施設（特養）',
    en: 'Nursing home (tokuyo)',
    reading: 'かいごろうじんふくししせつとくよう',
  },
  {
    code: '520',
    group: 'residential',
    ja: '介護老人保健施設（老健）',
    en: 'Geriatric health facility',
    reading: 'かいごろうじんほけんしせつろうけん',
  },
  {
    code: '550',
    group: 'residential',
    ja: '介護医療院',
    en: 'Integrated care hospital',
    reading: 'かいごいりょういん',
  },
  {
    code: '710',
    group: 'home_care',
    ja: '夜間対応型訪問介護',
    en: 'Night home help',
    reading: 'やかんたいおうがたほうもんかいご',
    visits: true,
  },
  {
    code: '720',
    group: 'day_care',
    ja: '認知症対応型通所介護',
    en: 'Dementia day service',
    reading: 'にんちしょうたいおうがたつうしょかいご',
  },
  {
    code: '730',
    group: 'home_care',
    ja: '小規模多機能型居宅介護',
    en: 'Small multifunctional care',
    reading: 'しょうきぼたきのうがたきょたくかいご',
  },
  {
    code: '760',
    group: 'home_care',
    ja: '定期巡回・随時対応型訪問介護看護',
    en: '24-hour visiting care',
    reading: 'ていきじゅんかいずいじたいおうがたほうもんかいごかんご',
    visits: true,
  },
  {
    code: '770',
    group: 'home_care',
    ja: '看護小規模多機能型居宅介護',
    en: 'Nursing small multifunctional care',
    reading: 'かんごしょうきぼたきのうがたきょたくかいご',
  },
  {
    code: '780',
    group: 'day_care',
    ja: '地域密着型通所介護',
    en: 'Community day service',
    reading: 'ちいきみっちゃくがたつうしょかいご',
  },
  {
    code: 'paid_home',
    group: 'residential',
    ja: '有料老人ホーム',
    en: 'Private residential home',
    reading: 'ゆうりょうろうじんほーむ',
  },
  {
    code: 'serviced_housing',
    group: 'residential',
    ja: 'サービス付き高齢者向け住宅',
    en: 'Serviced housing for the elderly',
    reading: 'さーびすつきこうれいしゃむけじゅうたく',
  },
  {
    code: 'community_center',
    group: 'support',
    ja: '地域包括支援センター',
    en: 'Community general support center',
    reading: 'ちいきほうかつしえんせんたー',
  },
  {
    code: 'dementia_center',
    group: 'support',
    ja: '認知症疾患医療センター',
    en: 'Dementia medical center',
    reading: 'にんちしょうしっかんいりょうせんたー',
  },
  {
    code: 'dementia_cafe',
    group: 'support',
    ja: '認知症カフェ',
    en: 'Dementia café',
    reading: 'にんちしょうかふぇ',
  },
] as const satisfies readonly ServiceKind[];

const kindByCode = new Map<string, ServiceKind>(serviceKinds.map((kind) => [kind.code, kind]));

/** The kind for a code; an unknown code (from a newer file) keeps the name the file gave it. */
export function serviceKindOf(code: string, nameGiven?: string | null): ServiceKind {
  return (
    kindByCode.get(code) ?? {
      code,
      group: 'support',
      ja: nameGiven || `サービス種別 ${code}`,
      en: nameGiven || `Service type ${code}`,
      reading: '',
    }
  );
}

export const isKnownServiceCode = (code: string): boolean => kindByCode.has(code);

/** What an organisation states about itself: no open-data file carries these. */
export const capabilities = [
  { code: 'open_24h', ja: '24時間対応', en: '24-hour response' },
  { code: 'end_of_life', ja: '看取り対応', en: 'End-of-life care' },
  { code: 'home_visits', ja: '訪問診療・訪問対応', en: 'Home visits' },
  { code: 'home_care_support', ja: '在宅療養支援診療所・病院', en: 'Home care support clinic/hospital' },
  {
    code: 'home_care_support_enhanced',
    ja: '機能強化型（在支診・在支病）',
    en: 'Enhanced home care support',
  },
  { code: 'night_home_help', ja: '夜間の訪問介護', en: 'Night home help' },
] as const satisfies readonly Labelled<string>[];

/** Medical procedures a service point accepts (医療的ケア): the high-medical-dependency list filters on these. */
export const procedures = [
  { code: 'tube_feeding', ja: '経管栄養・胃ろう', en: 'Tube feeding / PEG' },
  { code: 'suction', ja: '喀痰吸引', en: 'Sputum suction' },
  { code: 'home_oxygen', ja: '在宅酸素', en: 'Home oxygen' },
  { code: 'central_venous_nutrition', ja: '中心静脈栄養', en: 'Central venous nutrition' },
  { code: 'ventilator', ja: '人工呼吸器', en: 'Ventilator' },
  { code: 'tracheostomy', ja: '気管切開', en: 'Tracheostomy' },
  { code: 'dialysis', ja: '人工透析', en: 'Dialysis' },
  { code: 'insulin', ja: 'インスリン注射', en: 'Insulin injection' },
  { code: 'pressure_ulcer', ja: '褥瘡処置', en: 'Pressure ulcer care' },
  { code: 'stoma', ja: 'ストーマ', en: 'Stoma care' },
  { code: 'urinary_catheter', ja: '尿道カテーテル', en: 'Urinary catheter' },
  { code: 'pain_opioids', ja: '疼痛管理（麻薬）', en: 'Pain management (opioids)' },
  { code: 'end_of_life', ja: '看取り', en: 'End-of-life care' },
] as const satisfies readonly Labelled<string>[];

/** Monday first, as Japanese files list them (月火水木金土日), then public holidays. */
export const weekdays = [
  { code: 'mon', ja: '月', en: 'Mon' },
  { code: 'tue', ja: '火', en: 'Tue' },
  { code: 'wed', ja: '水', en: 'Wed' },
  { code: 'thu', ja: '木', en: 'Thu' },
  { code: 'fri', ja: '金', en: 'Fri' },
  { code: 'sat', ja: '土', en: 'Sat' },
  { code: 'sun', ja: '日', en: 'Sun' },
  { code: 'holiday', ja: '祝', en: 'Holidays' },
] as const satisfies readonly Labelled<string>[];

/** How care managers may reach a physician in ケアマネタイム. */
export const contactChannels = [
  { code: 'phone', ja: '電話', en: 'Phone' },
  { code: 'fax', ja: 'FAX', en: 'Fax' },
  { code: 'meeting', ja: '面談', en: 'Meeting' },
  { code: 'email', ja: 'メール', en: 'E-mail' },
  { code: 'platform', ja: 'つなぐのメッセージ', en: 'Message on Tsunagu' },
] as const satisfies readonly Labelled<string>[];
