// The code lists of care teams (ケアチーム). Data-driven like the others in src/shared; no Zod here.
import type { Labelled } from './labelled';

/** What a member does for the patient in this team (one person may hold a different role elsewhere). */
export const teamRoles = [
  { code: 'physician', ja: '主治医', en: 'Primary physician' },
  { code: 'visiting_nurse', ja: '訪問看護', en: 'Visiting nurse' },
  { code: 'care_manager', ja: 'ケアマネジャー', en: 'Care manager' },
  { code: 'pharmacist', ja: '薬剤師', en: 'Pharmacist' },
  { code: 'dentist', ja: '歯科', en: 'Dentist' },
  { code: 'rehabilitation', ja: 'リハビリ', en: 'Rehabilitation' },
  { code: 'home_helper', ja: 'ヘルパー（訪問介護）', en: 'Home helper' },
  { code: 'facility', ja: '施設', en: 'Facility' },
  { code: 'community_center', ja: '地域包括支援センター', en: 'Community support center' },
  { code: 'msw', ja: 'MSW・退院調整', en: 'Medical social worker' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const satisfies readonly Labelled<string>[];
export type TeamRole = (typeof teamRoles)[number]['code'];
export const teamRoleCodes = teamRoles.map((role) => role.code) as [TeamRole, ...TeamRole[]];

export const memberStatuses = [
  { code: 'invited', ja: '招待中', en: 'Invited' },
  { code: 'active', ja: '参加中', en: 'Member' },
  { code: 'declined', ja: '辞退', en: 'Declined' },
  { code: 'left', ja: '退出', en: 'Left' },
  { code: 'removed', ja: '登録解除', en: 'Removed' },
] as const satisfies readonly Labelled<string>[];
export type MemberStatus = (typeof memberStatuses)[number]['code'];
/** A place held or offered: what counts as being in the team (not declined, left or removed). */
export const HELD_STATUSES: MemberStatus[] = ['invited', 'active'];

/** Days an invitation stays open. */
export const INVITATION_DAYS = 14;
/** Characters of a post's text; a longer report belongs in an attachment. */
export const POST_MAX_LENGTH = 4000;
