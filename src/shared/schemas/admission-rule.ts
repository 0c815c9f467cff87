// The admission and discharge support rule (入退院支援ルール) as data: its text and the deadlines it
// sets, in versions. The city (or the support center) writes a new version; an episode keeps the
// version in force when it opened, so changing a deadline never moves the deadlines already running.
import { z } from 'zod';
import { calendarDate, isoDateTime } from './common';

export const dayCountings = ['calendar', 'business'] as const;
export type DayCounting = (typeof dayCountings)[number];

const days = (what: string) =>
  z
    .int(`${what}は日数（整数）で入力してください。`)
    .min(0, `${what}は0日以上で入力してください。`)
    .max(90, `${what}は90日以内で入力してください。`);

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '月日は MM-DD の形（例: 12-29）で入力してください。');

/**
 * A fee the timing of the admission information earns (入院時情報連携加算 (I), (II) …): provided within
 * N days of admission, as the rule counts days. Kept with the rule's versions, so an episode keeps the
 * fee rules of its admission date when the fees are revised.
 */
export const admissionInfoFee = z.object({
  label: z
    .string()
    .trim()
    .min(1, '加算の名前を入力してください。')
    .max(50, '加算の名前は50文字以内で入力してください。'),
  units: z
    .int('単位数は整数で入力してください。')
    .min(0, '単位数は0以上で入力してください。')
    .max(9999, '単位数は9999以下で入力してください。'),
  withinDays: days('加算の期限'),
});
export type AdmissionInfoFee = z.infer<typeof admissionInfoFee>;

export const ruleParameters = z.object({
  /** Calendar days, or business days (no weekends, public holidays or the year-end closure). */
  dayCounting: z.enum(dayCountings),
  /** The year-end closure (年末年始), e.g. 12-29 to 01-03; counted as holidays for business days. */
  yearEndClosure: z.object({ from: monthDay, to: monthDay }).nullable(),
  /** 入院時情報提供: the care manager provides admission information within N days of admission. */
  admissionInfoDays: days('入院時情報提供の期限'),
  /** 退院見込みの連絡: the hospital contacts the care manager at least N days before discharge. */
  dischargeNoticeDaysBefore: days('退院見込みの連絡の期限'),
  /** 退院前カンファレンス: which patients need one (the rule's own words). */
  conferenceCriteria: z.string().trim().max(500, '対象の説明は500文字以内で入力してください。'),
  /** 退院・退所情報の記録: the care manager records the discharge information within N days. */
  dischargeInfoDays: days('退院・退所情報の記録の期限'),
  /** The fees of the admission information, the earliest (highest) first. */
  admissionInfoFees: z.array(admissionInfoFee).max(4, '加算は4つまで登録できます。'),
});
export type RuleParameters = z.infer<typeof ruleParameters>;

export const ruleVersionRequest = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'ルールの名前を入力してください。')
    .max(100, 'ルールの名前は100文字以内で入力してください。'),
  body: z
    .string()
    .trim()
    .min(1, 'ルールの本文を入力してください。')
    .max(20_000, '本文は20,000文字以内で入力してください。'),
  parameters: ruleParameters,
  effectiveFrom: calendarDate('適用開始日'),
  /** The version this one was written from (null for the first): a newer one in between is a 409. */
  basedOn: z.int().nullable(),
});
export type RuleVersionRequest = z.infer<typeof ruleVersionRequest>;

export const ruleVersion = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  parameters: ruleParameters,
  effectiveFrom: z.string(),
  /** Demo data: a plausible example, not any city's rule. */
  isExample: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
});
export type RuleVersion = z.infer<typeof ruleVersion>;

export const ruleOverview = z.object({
  /** The version in force today (the latest whose date has come), if any. */
  current: ruleVersion.nullable(),
  /** Every version, newest first (a later one may wait for its date). */
  versions: z.array(ruleVersion),
  /** The deadlines of the version in force for an admission today, as the rule counts days. */
  exampleDeadlines: z.object({ admittedOn: z.string(), admissionInfoDue: z.string() }).nullable(),
  mayEdit: z.boolean(),
});
export type RuleOverview = z.infer<typeof ruleOverview>;
