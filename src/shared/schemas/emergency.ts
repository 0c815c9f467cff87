// 救急医療情報キット as the API carries it: the care team's sheet with the wishes from the current ACP
// record, the kit in force, EMS look-ups (QR token, short code, break-glass search), the center's review
// list and the indicators. What an ambulance crew is shown is the same sheet, read-only.
import { z } from 'zod';
import { addCalendarDays, addYears, dayInJapan } from '../dates';
import { formDefinitionSchema } from '../forms/definition-schema';
import { codesOf, type Labelled } from '../labelled';
import { formValuesRecord } from './admission-documents';
import { calendarDate, idSchema, isoDateTime } from './common';

export const emergencyParams = z.object({ patientId: idSchema });

/** Who a kit is given to, as the cities' schemes name them (forms.md §5). */
export const kitEligibilities = [
  { code: 'living_alone', ja: '65歳以上のひとり暮らし', en: 'Aged 65+ living alone' },
  { code: 'elderly_household', ja: '高齢者のみの世帯', en: 'Elderly-only household' },
  { code: 'alone_daytime', ja: '日中ひとりになる方', en: 'Alone during the day' },
  { code: 'disability', ja: '障害者手帳をお持ちの方', en: 'Disability certificate holder' },
  { code: 'other', ja: 'その他（希望された方）', en: 'Other (on request)' },
] as const satisfies readonly Labelled<string>[];
const eligibilityCodes = codesOf(kitEligibilities);

/** Why a crew opens the sheet. */
export const accessReasons = [
  { code: 'transport', ja: '搬送中', en: 'During transport' },
  { code: 'on_scene', ja: '現場での判断', en: 'Decision on scene' },
  { code: 'hospital_choice', ja: '搬送先の選定', en: 'Choosing the hospital' },
  { code: 'contact_family', ja: '家族への連絡', en: 'Contacting the family' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const satisfies readonly Labelled<string>[];
const reasonCodes = codesOf(accessReasons);

export const accessMethods = [
  { code: 'qr', ja: 'QRコード', en: 'QR code' },
  { code: 'code', ja: 'カードの番号', en: 'Card code' },
  { code: 'search', ja: '緊急検索（氏名・生年月日）', en: 'Break-glass search' },
] as const satisfies readonly Labelled<string>[];

export const reviewOutcomes = [
  { code: 'appropriate', ja: '適切', en: 'Appropriate' },
  { code: 'follow_up', ja: '確認が必要（消防局へ照会）', en: 'Needs follow-up' },
  { code: 'inappropriate', ja: '不適切', en: 'Inappropriate' },
] as const satisfies readonly Labelled<string>[];
const outcomeCodes = codesOf(reviewOutcomes);

/** The wishes in an emergency, from the current ACP record (its words), with when they were confirmed. */
export const emergencyWishes = z.object({
  values: formValuesRecord,
  acpNumber: z.int(),
  discussedOn: z.string().nullable(),
  confirmedAt: isoDateTime,
  confirmedBy: z.string(),
});
export type EmergencyWishes = z.infer<typeof emergencyWishes>;

export const emergencyKit = z.object({
  id: idSchema,
  issuedOn: z.string(),
  issuedBy: z.string(),
  eligibility: z.enum(eligibilityCodes),
});

export const accessNotice = z.object({
  id: idSchema,
  at: isoDateTime,
  crew: z.string(),
  organisation: z.string().nullable(),
  method: z.enum(codesOf(accessMethods)),
  reason: z.enum(reasonCodes),
  reasonNote: z.string().nullable(),
});
export type AccessNotice = z.infer<typeof accessNotice>;

export const emergencySheet = z.object({
  formVersion: z.int(),
  values: formValuesRecord,
  savedAt: isoDateTime,
  savedBy: z.string(),
  confirmedOn: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  version: z.int(),
});

export const emergencySheetView = z.object({
  definition: formDefinitionSchema,
  prefill: formValuesRecord,
  current: emergencySheet.nullable(),
  wishes: emergencyWishes.nullable(),
  kit: emergencyKit.nullable(),
  /** The patient's consent to EMS access is in force: without it a crew sees nothing. */
  emsConsent: z.boolean(),
  /** EMS look-ups of this patient, newest first (the last 90 days). */
  accesses: z.array(accessNotice),
});
export type EmergencySheetView = z.infer<typeof emergencySheetView>;

export const emergencySaveRequest = z
  .object({
    values: formValuesRecord,
    /** The version read (null: nothing saved yet); a change in between: 409. */
    version: z.int().nullable(),
    /** Gone through with the person or family: the sheet's "last confirmed" date is set. */
    confirmedWithPerson: z.boolean(),
    /**
     * The day it was gone through, when not today (a visit entered later, a paper kit taken over):
     * not in the future, nor before the last check. Only with confirmedWithPerson.
     */
    confirmedOn: calendarDate('確認した日').optional(),
  })
  .refine((body) => body.confirmedWithPerson || body.confirmedOn === undefined, {
    path: ['confirmedOn'],
    message: '確認した日は、「ご本人・ご家族と内容を確認しました」に印を付けたときだけ入れられます。',
  });
export type EmergencySaveRequest = z.infer<typeof emergencySaveRequest>;

export const kitIssueRequest = z.object({
  eligibility: z.enum(eligibilityCodes, 'キットを渡す対象を選んでください。'),
});
export type KitIssueRequest = z.infer<typeof kitIssueRequest>;

/** The card's secrets, shown once: the platform keeps only their hashes. */
export const kitIssued = z.object({
  token: z.string(),
  code: z.string(),
  kit: emergencyKit,
});
export type KitIssued = z.infer<typeof kitIssued>;

const reasonFields = {
  reason: z.enum(reasonCodes, '閲覧する理由を選んでください。'),
  reasonNote: z.string().trim().max(200, '理由の補足は200文字以内で入力してください。').optional(),
};

/** 「その他」 says what it is. */
const otherExplained = (body: { reason: string; reasonNote?: string }) =>
  body.reason !== 'other' || Boolean(body.reasonNote);
const otherIssue = { error: '「その他」のときは、理由の補足を入力してください。', path: ['reasonNote'] };

/** A crew's look-up by the card: the QR's token, or the short code typed in. */
export const emsLookupRequest = z
  .object({
    token: z.string().max(100).optional(),
    code: z.string().max(30).optional(),
    ...reasonFields,
  })
  .refine((body) => Boolean(body.token) !== Boolean(body.code), {
    error: 'QRコードを読み取るか、カードの番号を入力してください。',
    path: ['code'],
  })
  .refine(otherExplained, otherIssue);
export type EmsLookupRequest = z.infer<typeof emsLookupRequest>;

/** Break-glass search: the full name (or its reading) and the birth date, exactly. */
export const emsSearchRequest = z
  .object({
    name: z.string().trim().max(60, '氏名は60文字以内で入力してください。'),
    birthDate: calendarDate('生年月日'),
    areaId: idSchema.optional(),
    ...reasonFields,
  })
  .refine(otherExplained, otherIssue);
export type EmsSearchRequest = z.infer<typeof emsSearchRequest>;

/**
 * What a crew sees: the sheet, read-only, with the wishes and the patient's age. The form's definition
 * is not sent: the crew's page has it (shared/forms) and the answer stays small on a phone's network.
 */
export const emsSheet = z.object({
  accessId: idSchema,
  formVersion: z.int(),
  values: formValuesRecord,
  savedAt: isoDateTime,
  confirmedOn: z.string().nullable(),
  wishes: emergencyWishes.nullable(),
  age: z.int(),
});
export type EmsSheet = z.infer<typeof emsSheet>;
export const emsSearchResult = z.object({ items: z.array(emsSheet) });

/**
 * The yearly check of a sheet (forms.md §5: kit in place, contacts current, copies enclosed): due a
 * year after it was last gone through with the person — or, never confirmed, after it was saved.
 */
export const CONFIRM_SOON_DAYS = 30;
export const confirmationDueOn = (lastCheckedOn: string): string => addYears(lastCheckedOn, 1);

/** The day a sheet (or a note) was last gone through: confirmed — or, never, saved (a day in Japan). */
export const lastCheckedOn = (confirmedOn: string | null, savedAt: string): string =>
  confirmedOn ?? dayInJapan(new Date(savedAt));

/**
 * Where the yearly check stands on `today`: past its day (as the admission steps count: overdue the
 * day after), due today or within 30 days, or not yet (null).
 */
export function confirmationTiming(lastCheckedOn: string, today: string): 'overdue' | 'due_soon' | null {
  const dueOn = confirmationDueOn(lastCheckedOn);
  if (dueOn < today) return 'overdue';
  return dueOn <= addCalendarDays(today, CONFIRM_SOON_DAYS) ? 'due_soon' : null;
}

/** A sheet of the signed-in member's teams whose yearly check is due (or due within 30 days). */
export const sheetToConfirm = z.object({
  patientId: idSchema,
  patientName: z.string(),
  /** The day it was last confirmed with the person, or (never confirmed) saved. */
  lastCheckedOn: z.string(),
  confirmed: z.boolean(),
  dueOn: z.string(),
  timing: z.enum(['overdue', 'due_soon']),
});
export type SheetToConfirm = z.infer<typeof sheetToConfirm>;
export const sheetsToConfirm = z.object({ items: z.array(sheetToConfirm), more: z.boolean() });

export const reviewQuery = z.object({ status: z.enum(['pending', 'all']).default('pending') });
export const reviewItem = z.object({
  id: idSchema,
  at: isoDateTime,
  crew: z.string(),
  organisation: z.string().nullable(),
  method: z.enum(codesOf(accessMethods)),
  reason: z.enum(reasonCodes),
  reasonNote: z.string().nullable(),
  found: z.boolean(),
  /** Who was looked up, as little as a review needs: initials, age, area. */
  patient: z.object({ initials: z.string(), age: z.int(), area: z.string().nullable() }).nullable(),
  /** Break-glass searches wait for an outcome; every access may be reviewed. */
  needsReview: z.boolean(),
  outcome: z.enum(outcomeCodes).nullable(),
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: isoDateTime.nullable(),
});
export type ReviewItem = z.infer<typeof reviewItem>;
export const reviewList = z.object({ items: z.array(reviewItem), pending: z.int() });
export type ReviewList = z.infer<typeof reviewList>;

export const reviewRequest = z.object({
  outcome: z.enum(outcomeCodes, '確認の結果を選んでください。'),
  note: z.string().trim().max(500, 'メモは500文字以内で入力してください。').optional(),
});
export type ReviewRequest = z.infer<typeof reviewRequest>;

export const indicatorsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const indicators = z.object({
  year: z.int(),
  /** Kits issued per month and area (area null: the patient has none recorded). */
  kits: z.array(z.object({ month: z.string(), area: z.string().nullable(), count: z.int() })),
  /** ACP discussions confirmed per month, and the patients they were about. */
  acp: z.array(z.object({ month: z.string(), discussions: z.int(), patients: z.int() })),
  /** EMS look-ups per month and method. */
  accesses: z.array(z.object({ month: z.string(), method: z.string(), count: z.int() })),
});
export type Indicators = z.infer<typeof indicators>;
