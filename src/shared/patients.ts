// The code lists of a patient's record (利用者台帳) and of consent. Data-driven, as elsewhere in
// src/shared, so forms, tables and exports read one list; no Zod here (labels load without it).
import { codesOf, type Labelled } from './labelled';

/** 要介護度 as the 介護保険 certifies it, and the states before or without a certification. */
export const careLevels = [
  { code: 'support_1', ja: '要支援1', en: 'Support level 1' },
  { code: 'support_2', ja: '要支援2', en: 'Support level 2' },
  { code: 'care_1', ja: '要介護1', en: 'Care level 1' },
  { code: 'care_2', ja: '要介護2', en: 'Care level 2' },
  { code: 'care_3', ja: '要介護3', en: 'Care level 3' },
  { code: 'care_4', ja: '要介護4', en: 'Care level 4' },
  { code: 'care_5', ja: '要介護5', en: 'Care level 5' },
  { code: 'program_eligible', ja: '事業対象者', en: 'Eligible for the community programme' },
  { code: 'applying', ja: '申請中', en: 'Application pending' },
  { code: 'not_applicable', ja: '非該当', en: 'Not certified' },
] as const satisfies readonly Labelled<string>[];
export type CareLevel = (typeof careLevels)[number]['code'];

/** 障害高齢者の日常生活自立度（寝たきり度）. */
export const physicalIndependenceLevels = ['independent', 'J1', 'J2', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'].map(
  (code) => ({
    code,
    ja: code === 'independent' ? '自立' : code,
    en: code === 'independent' ? 'Independent' : code,
  }),
);

/** 認知症高齢者の日常生活自立度. */
export const dementiaIndependenceLevels = ['independent', 'I', 'IIa', 'IIb', 'IIIa', 'IIIb', 'IV', 'M'].map(
  (code) => ({
    code,
    ja: code === 'independent' ? '自立' : code,
    en: code === 'independent' ? 'Independent' : code,
  }),
);

export const sexes = [
  { code: 'female', ja: '女性', en: 'Female' },
  { code: 'male', ja: '男性', en: 'Male' },
  { code: 'other', ja: 'その他・回答しない', en: 'Other / not stated' },
] as const satisfies readonly Labelled<string>[];

/** Who a key person (キーパーソン・連絡先) is to the patient. */
export const keyPersonRelations = [
  { code: 'spouse', ja: '配偶者', en: 'Spouse' },
  { code: 'child', ja: '子', en: 'Child' },
  { code: 'child_in_law', ja: '子の配偶者', en: 'Child-in-law' },
  { code: 'sibling', ja: '兄弟姉妹', en: 'Sibling' },
  { code: 'grandchild', ja: '孫', en: 'Grandchild' },
  { code: 'other_relative', ja: 'その他の親族', en: 'Other relative' },
  { code: 'welfare_commissioner', ja: '民生委員', en: 'Welfare commissioner' },
  { code: 'neighbour', ja: '近隣住民', en: 'Neighbour' },
  { code: 'guardian', ja: '成年後見人等', en: 'Guardian' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const satisfies readonly Labelled<string>[];

/** What a consent allows to be shared beyond the organisation that recorded the patient. */
export const consentScopes = [
  { code: 'care_team', ja: 'ケアチーム（多職種）での情報共有', en: 'Sharing within the care team' },
  { code: 'family', ja: '家族への共有', en: 'Sharing with family members' },
  { code: 'ems', ja: '救急時の救急隊による閲覧', en: 'Access by EMS in an emergency' },
] as const satisfies readonly Labelled<string>[];
export type ConsentScope = (typeof consentScopes)[number]['code'];

export const consentMethods = [
  { code: 'written', ja: '書面', en: 'In writing' },
  { code: 'oral', ja: '口頭', en: 'Orally' },
] as const satisfies readonly Labelled<string>[];

export const careLevelCodes = codesOf(careLevels);
export const sexCodes = codesOf(sexes);
export const keyPersonRelationCodes = codesOf(keyPersonRelations);
export const consentScopeCodes = codesOf(consentScopes);
export const consentMethodCodes = codesOf(consentMethods);
export const physicalIndependenceCodes = physicalIndependenceLevels.map((l) => l.code) as [
  string,
  ...string[],
];
export const dementiaIndependenceCodes = dementiaIndependenceLevels.map((l) => l.code) as [
  string,
  ...string[],
];

/** 介護保険 被保険者番号: ten digits. */
export const insuredNumberPattern = /^\d{10}$/;
