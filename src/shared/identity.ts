// Who is who: organisation kinds, professions and roles. Data-driven lists, so a city can read them
// and later issues can extend them without touching the screens that render them.
import { z } from 'zod';

import { codesOf, type Labelled } from './labelled';

export { type Labelled, labelOf } from './labelled';

export const organisationKindGroups = [
  { code: 'medical', ja: '医療', en: 'Medical' },
  { code: 'care', ja: '介護', en: 'Long-term care' },
  { code: 'facility', ja: '施設', en: 'Facilities' },
  { code: 'public', ja: '行政・支援機関', en: 'Public bodies' },
] as const;
export type OrganisationKindGroup = (typeof organisationKindGroups)[number]['code'];

export const organisationKinds = [
  { code: 'hospital', group: 'medical', ja: '病院', en: 'Hospital' },
  { code: 'clinic', group: 'medical', ja: '診療所', en: 'Clinic' },
  { code: 'dental_clinic', group: 'medical', ja: '歯科診療所', en: 'Dental clinic' },
  { code: 'pharmacy', group: 'medical', ja: '薬局', en: 'Pharmacy' },
  { code: 'visiting_nurse', group: 'medical', ja: '訪問看護ステーション', en: 'Visiting nurse station' },
  { code: 'care_management', group: 'care', ja: '居宅介護支援事業所', en: 'Care management office' },
  { code: 'home_help', group: 'care', ja: '訪問介護事業所', en: 'Home help' },
  { code: 'home_bathing', group: 'care', ja: '訪問入浴介護事業所', en: 'Home bathing' },
  { code: 'day_service', group: 'care', ja: '通所介護事業所', en: 'Day service' },
  { code: 'day_rehab', group: 'care', ja: '通所リハビリテーション事業所', en: 'Day rehabilitation' },
  { code: 'small_multi', group: 'care', ja: '小規模多機能型居宅介護', en: 'Small multifunctional care' },
  {
    code: 'nursing_small_multi',
    group: 'care',
    ja: '看護小規模多機能型居宅介護',
    en: 'Nursing small multifunctional care',
  },
  {
    code: 'regular_visit',
    group: 'care',
    ja: '定期巡回・随時対応型訪問介護看護',
    en: '24-hour visiting care',
  },
  { code: 'nursing_home', group: 'facility', ja: '介護老人福祉施設（特養）', en: 'Nursing home (tokuyo)' },
  {
    code: 'geriatric_health',
    group: 'facility',
    ja: '介護老人保健施設（老健）',
    en: 'Geriatric health facility',
  },
  { code: 'care_medical_facility', group: 'facility', ja: '介護医療院', en: 'Integrated care hospital' },
  { code: 'paid_home', group: 'facility', ja: '有料老人ホーム', en: 'Private residential home' },
  {
    code: 'serviced_housing',
    group: 'facility',
    ja: 'サービス付き高齢者向け住宅',
    en: 'Serviced housing for the elderly',
  },
  {
    code: 'group_home',
    group: 'facility',
    ja: '認知症対応型共同生活介護（グループホーム）',
    en: 'Dementia group home',
  },
  {
    code: 'community_center',
    group: 'public',
    ja: '地域包括支援センター',
    en: 'Community general support center',
  },
  {
    code: 'coordination_center',
    group: 'public',
    ja: '在宅医療・介護連携支援センター',
    en: 'Home care coordination support center',
  },
  { code: 'city_office', group: 'public', ja: '市役所', en: 'City office' },
  { code: 'fire_department', group: 'public', ja: '消防局・消防署', en: 'Fire department' },
  { code: 'other', group: 'public', ja: 'その他', en: 'Other' },
] as const satisfies readonly (Labelled<string> & { group: OrganisationKindGroup })[];

export const professions = [
  { code: 'physician', ja: '医師', en: 'Physician' },
  { code: 'dentist', ja: '歯科医師', en: 'Dentist' },
  { code: 'nurse', ja: '看護師', en: 'Nurse' },
  { code: 'public_health_nurse', ja: '保健師', en: 'Public health nurse' },
  { code: 'pharmacist', ja: '薬剤師', en: 'Pharmacist' },
  { code: 'care_manager', ja: '介護支援専門員', en: 'Care manager' },
  { code: 'medical_social_worker', ja: '医療ソーシャルワーカー', en: 'Medical social worker' },
  { code: 'physical_therapist', ja: '理学療法士', en: 'Physical therapist' },
  { code: 'occupational_therapist', ja: '作業療法士', en: 'Occupational therapist' },
  { code: 'speech_therapist', ja: '言語聴覚士', en: 'Speech therapist' },
  { code: 'dental_hygienist', ja: '歯科衛生士', en: 'Dental hygienist' },
  { code: 'registered_dietitian', ja: '管理栄養士', en: 'Registered dietitian' },
  { code: 'care_worker', ja: '介護福祉士・ヘルパー', en: 'Care worker / home helper' },
  { code: 'social_worker', ja: '社会福祉士', en: 'Social worker' },
  { code: 'counsellor', ja: '相談員', en: 'Counsellor' },
  { code: 'paramedic', ja: '救急隊員', en: 'Paramedic' },
  { code: 'administrative', ja: '行政職員', en: 'Administrative officer' },
  { code: 'office_staff', ja: '事務職員', en: 'Office staff' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const satisfies readonly Labelled<string>[];

export const systemRoles = [
  { code: 'system_admin', ja: 'システム管理者', en: 'System administrator' },
  { code: 'center_staff', ja: '連携支援センター職員', en: 'Support center staff' },
  { code: 'city_staff', ja: '市職員', en: 'City staff' },
  { code: 'ems', ja: '救急隊', en: 'EMS' },
] as const satisfies readonly Labelled<string>[];

export const membershipRoles = [
  { code: 'member', ja: 'メンバー', en: 'Member' },
  { code: 'admin', ja: '組織管理者', en: 'Organisation admin' },
] as const satisfies readonly Labelled<string>[];

export const areaKinds = [
  { code: 'daily_life_area', ja: '日常生活圏域', en: 'Daily-life area' },
  { code: 'school_district', ja: '校区', en: 'School district' },
] as const satisfies readonly Labelled<string>[];

export const organisationKindSchema = z.enum(codesOf(organisationKinds));
export const professionSchema = z.enum(codesOf(professions));
export const systemRoleSchema = z.enum(codesOf(systemRoles));
export const membershipRoleSchema = z.enum(codesOf(membershipRoles));
export const areaKindSchema = z.enum(codesOf(areaKinds));

export type OrganisationKind = z.infer<typeof organisationKindSchema>;
export type Profession = z.infer<typeof professionSchema>;
export type SystemRole = z.infer<typeof systemRoleSchema>;
export type MembershipRole = z.infer<typeof membershipRoleSchema>;
export type AreaKind = z.infer<typeof areaKindSchema>;
