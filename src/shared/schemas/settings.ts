// City settings and the areas the city maintains (日常生活圏域 / 校区).
import { z } from 'zod';
import { areaKindSchema } from '../identity';
import { isMunicipalityCode } from '../municipality';
import { kanaText, requiredText } from './common';

export const citySettings = z.object({
  cityName: requiredText(50),
  prefectureName: requiredText(10),
  municipalityCode: z
    .string()
    .trim()
    .normalize('NFKC')
    .regex(/^\d{6}$/, {
      error: '全国地方公共団体コードは6桁の数字で入力してください（例: 鹿児島市 462012）',
      abort: true,
    })
    .refine(isMunicipalityCode, { error: '最後の桁（検査数字）が合いません。コードを確認してください' }),
  supportCenterName: requiredText(100),
});
export type CitySettings = z.infer<typeof citySettings>;

/** What anyone may read: the city's settings as stored (not re-validated), and whether this is a demo. */
export const publicSettings = z.object({
  cityName: z.string(),
  prefectureName: z.string(),
  municipalityCode: z.string(),
  supportCenterName: z.string(),
  demoMode: z.boolean(),
  /** Map tiles for the directory map, and the attribution their provider requires. */
  map: z.object({ tileUrl: z.string(), attribution: z.string() }),
  directoryStaleDays: z.number().int(),
});

export const areaFields = z.object({
  name: requiredText(100),
  kana: kanaText(100),
  kind: areaKindSchema,
  responsibleCenterId: z.uuid().nullable(),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const areaView = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string(),
  kind: areaKindSchema,
  responsibleCenterId: z.string().nullable(),
  sortOrder: z.number(),
  responsibleCenterName: z.string().nullable(),
  version: z.number(),
});
export const areaUpdateRequest = areaFields.extend({ version: z.number().int() });
export const areaList = z.object({ areas: z.array(areaView) });
