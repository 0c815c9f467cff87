// Demo accounts of the fictional city. Their password and TOTP secret are public (README): a database
// holding them must never serve real people, so production refuses to start while they exist.
import type { MembershipRole, Profession, SystemRole } from '../../shared/identity';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';
/** Base32 TOTP secret shared by every demo account; add it to any authenticator app. */
export const DEMO_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

export type DemoAccount = {
  loginId: string;
  displayName: string;
  kana: string;
  profession: Profession;
  systemRoles: SystemRole[];
  /** Key of the organisation in demo/organisations.ts, and the role there. */
  organisation?: { key: string; role: MembershipRole };
  what: string;
};

export const demoAccounts: DemoAccount[] = [
  {
    loginId: 'admin',
    displayName: '管理 太郎',
    kana: 'カンリ タロウ',
    profession: 'administrative',
    systemRoles: ['system_admin'],
    what: 'システム管理者',
  },
  {
    loginId: 'city',
    displayName: '市川 みのり',
    kana: 'イチカワ ミノリ',
    profession: 'administrative',
    systemRoles: ['city_staff'],
    organisation: { key: 'city_office', role: 'admin' },
    what: '市職員（長寿あんしん課）',
  },
  {
    loginId: 'center',
    displayName: '連携 さやか',
    kana: 'レンケイ サヤカ',
    profession: 'public_health_nurse',
    systemRoles: ['center_staff'],
    organisation: { key: 'support_center', role: 'admin' },
    what: '在宅医療・介護連携支援センター職員',
  },
  {
    loginId: 'ems',
    displayName: '救急 大地',
    kana: 'キュウキュウ ダイチ',
    profession: 'paramedic',
    systemRoles: ['ems'],
    organisation: { key: 'fire_station', role: 'admin' },
    what: '救急隊員（中央消防署）',
  },
  {
    loginId: 'doctor',
    displayName: '桜井 健一',
    kana: 'サクライ ケンイチ',
    profession: 'physician',
    systemRoles: [],
    organisation: { key: 'sakura_clinic', role: 'admin' },
    what: '在宅医（さくら在宅クリニック 組織管理者）',
  },
  {
    loginId: 'msw',
    displayName: '港 ゆかり',
    kana: 'ミナト ユカリ',
    profession: 'medical_social_worker',
    systemRoles: [],
    organisation: { key: 'central_hospital', role: 'admin' },
    what: 'MSW（みらい中央病院 地域連携室 組織管理者）',
  },
  {
    loginId: 'nurse',
    displayName: '翼 まどか',
    kana: 'ツバサ マドカ',
    profession: 'nurse',
    systemRoles: [],
    organisation: { key: 'tsubasa_nursing', role: 'admin' },
    what: '訪問看護師（つばさ訪問看護ステーション 組織管理者）',
  },
  {
    loginId: 'nurse2',
    displayName: '森 はるか',
    kana: 'モリ ハルカ',
    profession: 'nurse',
    systemRoles: [],
    organisation: { key: 'tsubasa_nursing', role: 'member' },
    what: '訪問看護師（つばさ訪問看護ステーション メンバー）',
  },
  {
    loginId: 'caremanager',
    displayName: '青空 ひろし',
    kana: 'アオゾラ ヒロシ',
    profession: 'care_manager',
    systemRoles: [],
    organisation: { key: 'aozora_care_plan', role: 'admin' },
    what: 'ケアマネジャー（あおぞらケアプランセンター 組織管理者）',
  },
  {
    loginId: 'pharmacist',
    displayName: '緑川 あや',
    kana: 'ミドリカワ アヤ',
    profession: 'pharmacist',
    systemRoles: [],
    organisation: { key: 'midori_pharmacy', role: 'admin' },
    what: '薬剤師（みどり薬局 組織管理者）',
  },
  {
    loginId: 'houkatsu',
    displayName: '北村 こずえ',
    kana: 'キタムラ コズエ',
    profession: 'social_worker',
    systemRoles: [],
    organisation: { key: 'north_community', role: 'admin' },
    what: '包括職員（みらい北部地域包括支援センター 組織管理者）',
  },
];
