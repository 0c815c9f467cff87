// The resource directory's payloads: the public search (its query string is the page URL's, so a
// search can be shared or bookmarked), the service point views, and the organisation's own edits.
import { z } from 'zod';
import {
  capabilities,
  capabilitySchema,
  contactChannelSchema,
  contactChannels,
  procedureSchema,
  procedures,
  serviceGroupSchema,
  weekdaySchema,
} from '../directory';
import { idSchema, isoDateTime } from './common';

// Control characters never belong in a search; a person pasting them gets told so.
const noControlCharacters = (text: string) => !/\p{Cc}/u.test(text);

/** A comma-separated list in the URL (`procedures=tube_feeding,suction`), each value checked. */
const listParam = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .string()
    .max(500, { error: '指定が長すぎます' })
    .transform((text) => text.split(',').filter((part) => part.length > 0))
    .pipe(z.array(item).max(max, { error: `${max}個までしか指定できません` }))
    .optional();

const serviceCodeSchema = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, { error: 'サービス種別の指定が正しくありません' });

export const directorySearchQuery = z
  .object({
    q: z
      .string()
      .max(100, { error: '検索語は100文字以内で入力してください' })
      .refine(noControlCharacters, { error: '検索語に使えない文字（制御文字）が含まれています' })
      .optional(),
    kinds: listParam(serviceCodeSchema, 30),
    group: serviceGroupSchema.optional(),
    area: idSchema.optional(),
    procedures: listParam(procedureSchema, procedures.length),
    capabilities: listParam(capabilitySchema, capabilities.length),
    vacancy: z.enum(['1'], { error: '空きありの指定は 1 だけです' }).optional(),
    open: weekdaySchema.optional(),
    lat: z.coerce
      .number({ error: '緯度は数値で指定してください' })
      .min(20, { error: '緯度は日本の範囲（20〜46）で指定してください' })
      .max(46, { error: '緯度は日本の範囲（20〜46）で指定してください' })
      .optional(),
    lon: z.coerce
      .number({ error: '経度は数値で指定してください' })
      .min(122, { error: '経度は日本の範囲（122〜154）で指定してください' })
      .max(154, { error: '経度は日本の範囲（122〜154）で指定してください' })
      .optional(),
    radius: z.coerce
      .number({ error: '半径はkmの数値で指定してください' })
      .min(0.1, { error: '半径は0.1km以上で指定してください' })
      .max(50, { error: '半径は50km以内で指定してください' })
      .optional(),
    cursor: z
      .string()
      .max(400, { error: '続きの指定が正しくありません' })
      .regex(/^[A-Za-z0-9_-]+$/, { error: '続きの指定が正しくありません' })
      .optional(),
    limit: z.coerce
      .number({ error: '件数は数値で指定してください' })
      .int({ error: '件数は整数で指定してください' })
      .min(1, { error: '件数は1以上で指定してください' })
      .max(100, { error: '一度に表示できるのは100件までです' })
      .default(20),
  })
  .superRefine((query, ctx) => {
    const hasPoint = query.lat !== undefined || query.lon !== undefined;
    if (hasPoint && (query.lat === undefined || query.lon === undefined))
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '地点は緯度と経度を両方指定してください' });
    if (query.radius !== undefined && !hasPoint)
      ctx.addIssue({
        code: 'custom',
        path: ['radius'],
        message: '半径で絞り込むには地点（緯度・経度）も指定してください',
      });
  });
export type DirectorySearchQuery = z.infer<typeof directorySearchQuery>;
export type DirectorySearchInput = z.input<typeof directorySearchQuery>;

export const servicePointSummary = z.object({
  id: idSchema,
  name: z.string(),
  kana: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  address: z.string(),
  building: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  areaId: idSchema.nullable(),
  capabilities: z.array(z.string()),
  procedures: z.array(z.string()),
  openWeekdays: z.array(weekdaySchema),
  vacancy: z.number().int().nullable(),
  vacancyUpdatedAt: isoDateTime.nullable(),
  /** When the organisation last confirmed its entry, or when open data last brought it. */
  updatedOn: isoDateTime.nullable(),
  stale: z.boolean(),
  distanceKm: z.number().nullable(),
});
export type ServicePointSummary = z.infer<typeof servicePointSummary>;

export const directorySearchResult = z.object({
  items: z.array(servicePointSummary),
  /** Exact up to `countCap`; null when the words are too common to count quickly (narrow it down). */
  total: z.number().int().nullable(),
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type DirectorySearchResult = z.infer<typeof directorySearchResult>;

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: '時刻は 09:30 のように入力してください' });

/** ケアマネタイム: one weekly window when care managers may contact a physician (or the clinic). */
export const careManagerTimeWindow = z
  .object({
    physicianName: z.string().trim().max(50, { error: '医師名は50文字以内で入力してください' }).default(''),
    weekday: weekdaySchema,
    startTime: timeOfDay,
    endTime: timeOfDay,
    channels: z
      .array(contactChannelSchema)
      .min(1, { error: '連絡方法を1つ以上選んでください' })
      .max(contactChannels.length),
    notes: z.string().trim().max(200, { error: '備考は200文字以内で入力してください' }).default(''),
  })
  .refine((window) => window.startTime < window.endTime, {
    error: '終了時刻は開始時刻より後にしてください',
    path: ['endTime'],
  });
export type CareManagerTimeWindow = z.infer<typeof careManagerTimeWindow>;

export const servicePointDetail = servicePointSummary.extend({
  identityScheme: z.enum(['kaigo', 'medical', 'local']),
  officialCode: z.string(),
  municipalityCode: z.string().nullable(),
  url: z.string().nullable(),
  corporateName: z.string().nullable(),
  hours: z.string().nullable(),
  hoursNote: z.string().nullable(),
  capacity: z.number().int().nullable(),
  beds: z.number().int().nullable(),
  departments: z.array(z.string()),
  languages: z.array(z.string()),
  notes: z.string().nullable(),
  organisationId: idSchema.nullable(),
  organisationName: z.string().nullable(),
  importedAt: isoDateTime.nullable(),
  maintainedAt: isoDateTime.nullable(),
  withdrawn: z.boolean(),
  careManagerTimePublic: z.boolean(),
  /** null when the clinic shows its ケアマネタイム to signed-in professionals only and the reader is not one. */
  careManagerTimes: z.array(careManagerTimeWindow).nullable(),
});
export type ServicePointDetail = z.infer<typeof servicePointDetail>;

export { DIRECTORY_EXPORT_MAX_ROWS } from '../directory-export';

/** The character encoding of a CSV download: UTF-8 (with BOM), or Shift_JIS for older Excel. */
export const csvEncoding = z
  .enum(['utf-8', 'shift_jis'], { error: '文字コードは utf-8 か shift_jis を指定してください' })
  .default('utf-8');

/**
 * CSV export of a search (自治体標準オープンデータセット, first generation): the search's own
 * parameters (`cursor` and `limit` are ignored: the export always starts at the first match), plus
 * the layout and the character encoding.
 */
export const directoryExportQuery = directorySearchQuery.safeExtend({
  layout: z.enum(['medical', 'care'], {
    error: '様式は medical（医療機関一覧）か care（介護サービス事業所一覧）を指定してください',
  }),
  encoding: csvEncoding,
});
export type DirectoryExportQuery = z.infer<typeof directoryExportQuery>;
export type DirectoryExportLayout = DirectoryExportQuery['layout'];
export type DirectoryExportEncoding = DirectoryExportQuery['encoding'];
