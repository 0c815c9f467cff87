// Keeping the directory current: what an organisation publishes at once about its own entry, what
// waits for the center's approval (identity, name, address, kind), the approval queue, the history of
// versions, and ケアマネタイム (the clinic's weekly windows, and the search care managers use).
import { z } from 'zod';
import { findWindowClashes, minuteOfTime } from '../care-manager-time';
import {
  capabilities,
  capabilitySchema,
  isKnownServiceCode,
  procedureSchema,
  procedures,
  weekdaySchema,
  weekdays,
} from '../directory';
import { isMunicipalityCode } from '../municipality';
import { idSchema, isoDateTime, kanaText, requiredText } from './common';
import { careManagerTimeWindow } from './directory';

/** An empty text field means "none" (null); a field left out stays as it is (undefined). */
export const blankToNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    schema.nullish(),
  );

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${max}文字以内で入力してください` });

const count = (what: string, max: number) =>
  z
    .number({ error: `${what}は数字で入力してください` })
    .int({ error: `${what}は整数で入力してください` })
    .min(0, { error: `${what}は0以上で入力してください` })
    .max(max, { error: `${what}は${max}以下で入力してください` })
    .nullable();

const distinct = <T>(items: T[]) => [...new Set(items)];

export const phoneNumber = (what: string) =>
  blankToNull(
    z
      .string()
      .trim()
      .normalize('NFKC')
      .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, {
        error: `${what}は 099-123-4567 のように、0から始まる半角数字とハイフンで入力してください`,
      }),
  );

export const versionSchema = z
  .number({ error: '版の番号がありません。画面を読み込み直してください' })
  .int()
  .min(1);

/** Published at once: what the organisation states about itself day to day. */
export const publishedFields = z.object({
  vacancy: count('空きの数', 9999),
  capacity: count('定員', 100_000),
  capabilities: z.array(capabilitySchema).max(capabilities.length).transform(distinct),
  procedures: z.array(procedureSchema).max(procedures.length).transform(distinct),
  languages: z
    .array(text(30).min(1, { error: '言語名を入力してください' }))
    .max(10, { error: '対応言語は10個までにしてください' }),
  notes: blankToNull(text(1000)),
  phone: phoneNumber('電話番号'),
  fax: phoneNumber('FAX番号'),
  url: blankToNull(
    z
      .url({ protocol: /^https?$/, error: 'ホームページは https:// から始まるアドレスで入力してください' })
      .max(300, { error: 'ホームページのアドレスは300文字以内で入力してください' }),
  ),
  email: blankToNull(
    z
      .email({ error: 'メールアドレスの形式が正しくありません（例: info@example.jp）' })
      .max(254, { error: 'メールアドレスが長すぎます' }),
  ),
  hours: blankToNull(text(100)),
  hoursNote: blankToNull(text(300)),
  openWeekdays: z.array(weekdaySchema).max(weekdays.length).transform(distinct),
});
export type PublishedFields = z.output<typeof publishedFields>;
export const publishedFieldNames = Object.keys(publishedFields.shape) as (keyof PublishedFields)[];

/** Fields that wait for the center (identity, name, place, kind). */
export const identityFields = z.object({
  officialCode: z
    .string()
    .trim()
    .normalize('NFKC')
    .regex(/^[0-9A-Za-z-]{1,20}$/, {
      error: '事業所番号・医療機関コードは半角英数字20文字以内で入力してください',
    }),
  serviceCode: z.string().refine(isKnownServiceCode, { error: 'サービスの種別を一覧から選んでください' }),
  name: requiredText(200),
  kana: kanaText(200),
  address: requiredText(200),
  building: blankToNull(text(100)),
  municipalityCode: blankToNull(
    z.string().trim().normalize('NFKC').refine(isMunicipalityCode, {
      error: '市区町村コードは検査数字を含む6桁で入力してください（例: 462012）',
    }),
  ),
  areaId: idSchema.nullable(),
  latitude: z
    .number({ error: '緯度は数値で入力してください' })
    .min(20, { error: '緯度は日本の範囲（20〜46）で入力してください' })
    .max(46, { error: '緯度は日本の範囲（20〜46）で入力してください' })
    .nullable(),
  longitude: z
    .number({ error: '経度は数値で入力してください' })
    .min(122, { error: '経度は日本の範囲（122〜154）で入力してください' })
    .max(154, { error: '経度は日本の範囲（122〜154）で入力してください' })
    .nullable(),
});
export type IdentityFields = z.output<typeof identityFields>;
export const identityFieldNames = Object.keys(identityFields.shape) as (keyof IdentityFields)[];

const onlyThese = (where: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `${where}では変更できない項目です: ${(issue.keys ?? []).join(', ')}。名称・所在地・種別・事業所番号は「変更を申請」から申請してください`
      : undefined,
});

/** PATCH: any of the published fields; none at all means 「内容を確認した」 (confirms the entry as current). */
export const pointUpdateRequest = z.strictObject(
  { ...publishedFields.partial().shape, version: versionSchema },
  onlyThese('すぐに公開する項目'),
);
export type PointUpdateRequest = z.input<typeof pointUpdateRequest>;

export const changeRequestCreate = z
  .strictObject(
    {
      ...identityFields.partial().shape,
      version: versionSchema,
      note: blankToNull(text(500)),
    },
    onlyThese('申請'),
  )
  .superRefine((input, ctx) => {
    if (identityFieldNames.every((name) => input[name] === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: '変更する項目を1つ以上入力してください' });
    const { latitude: lat, longitude: lon } = input;
    const oneSided = lat === undefined || lon === undefined || (lat === null) !== (lon === null);
    if ((lat !== undefined || lon !== undefined) && oneSided)
      ctx.addIssue({
        code: 'custom',
        path: ['latitude'],
        message: '緯度と経度は両方入力するか、両方空にしてください',
      });
  });
export type ChangeRequestCreate = z.input<typeof changeRequestCreate>;

export const changeDecision = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '承認するか差し戻すかを選んでください' }),
    comment: blankToNull(text(500)),
  })
  .superRefine((input, ctx) => {
    if (input.decision === 'reject' && !input.comment)
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: '差し戻すときは、理由をコメントに書いてください（申請した組織に表示されます）',
      });
  });
export type ChangeDecision = z.input<typeof changeDecision>;

/** A clinic's windows (replaced all at once) and whether the public sees them. */
export const careManagerTimesFields = z.object({
  careManagerTimePublic: z.boolean({ error: '一般公開するかどうかを選んでください' }),
  windows: z.array(careManagerTimeWindow).max(100, { error: 'ケアマネタイムは100件までにしてください' }),
});

/** Times past 24:00, and overlapping windows of one physician on one weekday (naming both). */
export function checkWindows(input: z.output<typeof careManagerTimesFields>, ctx: z.RefinementCtx): void {
  input.windows.forEach((window, i) => {
    if (minuteOfTime(window.endTime) > 24 * 60)
      ctx.addIssue({
        code: 'custom',
        path: ['windows', i, 'endTime'],
        message: '時刻は24:00までで入力してください',
      });
  });
  for (const clash of findWindowClashes(input.windows))
    ctx.addIssue({ code: 'custom', path: ['windows', clash.second, 'startTime'], message: clash.message });
}

export const careManagerTimesUpdate = careManagerTimesFields
  .extend({ version: versionSchema })
  .superRefine(checkWindows);
export type CareManagerTimesUpdate = z.input<typeof careManagerTimesUpdate>;

export const careManagerTimeQuery = z.object({
  area: idSchema.optional(),
  weekday: weekdaySchema.optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻は 13:30 のように入力してください' })
    .optional(),
});
export type CareManagerTimeQuery = z.infer<typeof careManagerTimeQuery>;

export const careManagerTimeItem = careManagerTimeWindow.safeExtend({
  pointId: idSchema,
  pointName: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
});
export type CareManagerTimeItem = z.infer<typeof careManagerTimeItem>;

export const careManagerTimeResult = z.object({
  items: z.array(careManagerTimeItem),
  /** True for readers who are not signed in: only clinics that made theirs public are listed. */
  publicOnly: z.boolean(),
  /** More windows matched than one answer carries: narrow the search down. */
  truncated: z.boolean(),
});
export type CareManagerTimeResult = z.infer<typeof careManagerTimeResult>;

/** A field's value before and after a change (only changed fields are listed). */
const fieldValues = z.record(z.string(), z.unknown());

export const changeRequestStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
export type ChangeRequestStatus = z.infer<typeof changeRequestStatus>;

export const changeRequestView = z.object({
  id: idSchema,
  servicePointId: idSchema,
  pointName: z.string(),
  organisationName: z.string().nullable(),
  requestedByName: z.string(),
  requestedAt: isoDateTime,
  before: fieldValues,
  after: fieldValues,
  /** Fields whose published value changed since the request was made (approval would overwrite it). */
  changedSince: z.array(z.string()),
  note: z.string().nullable(),
  status: changeRequestStatus,
  decidedByName: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  comment: z.string().nullable(),
});
export type ChangeRequestView = z.infer<typeof changeRequestView>;

export const changeRequestList = z.object({ requests: z.array(changeRequestView) });
export const changeRequestListQuery = z.object({
  status: z
    .enum(['pending', 'decided'], { error: '状態は pending か decided で指定してください' })
    .default('pending'),
});

export const changeRequestOutcome = z.object({
  /** 'pending': waits for the center. 'applied': a center staff member's change, published at once. */
  outcome: z.enum(['pending', 'applied']),
  request: changeRequestView.nullable(),
  version: z.number().int(),
});

export const pointVersionView = z.object({
  version: z.number().int(),
  source: z.string(),
  changedAt: isoDateTime,
  changedByName: z.string().nullable(),
  before: fieldValues,
  after: fieldValues,
});
export type PointVersionView = z.infer<typeof pointVersionView>;
export const pointVersionList = z.object({ versions: z.array(pointVersionView) });

/**
 * Everything the edit page shows and edits, as stored: open data may bring values the edit rules would
 * refuse (a URL without https://), so the view is not checked against them; saving them is.
 */
export const pointMaintenanceView = z.object({
  point: z.object({
    id: idSchema,
    identityScheme: z.string(),
    officialCode: z.string(),
    serviceCode: z.string(),
    serviceName: z.string(),
    name: z.string(),
    kana: z.string(),
    address: z.string(),
    building: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    areaId: idSchema.nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    vacancy: z.number().int().nullable(),
    capacity: z.number().int().nullable(),
    capabilities: z.array(z.string()),
    procedures: z.array(z.string()),
    languages: z.array(z.string()),
    notes: z.string().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    hours: z.string().nullable(),
    hoursNote: z.string().nullable(),
    openWeekdays: z.array(weekdaySchema),
    organisationId: idSchema.nullable(),
    organisationName: z.string().nullable(),
    careManagerTimePublic: z.boolean(),
    vacancyUpdatedAt: isoDateTime.nullable(),
    maintainedAt: isoDateTime.nullable(),
    updatedOn: isoDateTime.nullable(),
    stale: z.boolean(),
    withdrawn: z.boolean(),
    version: z.number().int(),
  }),
  careManagerTimes: z.array(careManagerTimeWindow),
  keepsCareManagerTime: z.boolean(),
  requests: z.array(changeRequestView),
  /** Center staff: identity changes are published at once, without a request. */
  appliesDirectly: z.boolean(),
});
export type PointMaintenanceView = z.infer<typeof pointMaintenanceView>;

export const pointWriteResult = z.object({ version: z.number().int(), maintainedAt: isoDateTime });

export const orgDirectoryView = z.object({
  organisationName: z.string(),
  staleAfterDays: z.number().int(),
  points: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      serviceName: z.string(),
      address: z.string(),
      updatedOn: isoDateTime.nullable(),
      stale: z.boolean(),
      pendingRequests: z.number().int(),
    }),
  ),
  requests: z.array(changeRequestView),
});
export type OrgDirectoryView = z.infer<typeof orgDirectoryView>;
