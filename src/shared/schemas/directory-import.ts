// Open-data imports of the resource directory: starting a run (the file is the raw request body), the
// list of runs, and one run with its counts, progress, repairs and rejected rows (data-formats.md).
import { z } from 'zod';
import { idSchema, isoDateTime, pageQuery } from './common';

export const importModes = ['all_or_nothing', 'valid_rows'] as const;
export const importModeSchema = z.enum(importModes, {
  error: '取り込み方法は all_or_nothing（すべてか無しか）か valid_rows（正しい行だけ）を指定してください',
});
export type ImportMode = z.infer<typeof importModeSchema>;

/** The file layouts the importer recognises by their header (data-formats.md §1–3). */
export const importLayouts = [
  'kaigo_kouhyou',
  'navii_facility',
  'navii_speciality_hours',
  'navii_pharmacy',
  'city_medical_v1',
  'city_medical_v2',
  'city_care_v1',
  'city_care_v2',
] as const;
export type ImportLayoutId = (typeof importLayouts)[number];

export const importEncodings = ['utf-8-bom', 'utf-8', 'utf-16le', 'utf-16be', 'cp932'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export const importStatuses = ['running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importStartQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { error: 'ファイル名（fileName）を指定してください' })
    .max(255, { error: 'ファイル名は255文字以内にしてください' }),
  mode: importModeSchema.default('all_or_nothing'),
});

export const importStarted = z.object({ id: idSchema });

/** One kind of repair the importer made, how often, and the first lines where it did. */
export const importRepair = z.object({
  code: z.string(),
  message: z.string(),
  count: z.number().int(),
  lines: z.array(z.number().int()),
});
export type ImportRepair = z.infer<typeof importRepair>;

export const importProgress = z.object({
  rowsRead: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const importRunSummary = z.object({
  id: idSchema,
  fileName: z.string(),
  checksum: z.string(),
  layout: z.enum(importLayouts).nullable(),
  encoding: z.enum(importEncodings).nullable(),
  mode: importModeSchema,
  status: z.enum(importStatuses),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  startedByName: z.string().nullable(),
  rowsRead: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  withdrawn: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
});
export type ImportRunSummary = z.infer<typeof importRunSummary>;

export const importRunList = z.object({ runs: z.array(importRunSummary) });

export const importRejectedRow = z.object({
  line: z.number().int(),
  reason: z.string(),
  raw: z.string(),
});

/** The run, and one page of its rejected rows (`limit`, `offset`). */
export const importRunQuery = pageQuery;

export const importRunDetail = z.object({
  run: importRunSummary.extend({
    repairs: z.array(importRepair),
    /** While the run is under way in the process that answers; null otherwise. */
    progress: importProgress.nullable(),
  }),
  rejectedRows: z.object({ total: z.number().int(), items: z.array(importRejectedRow) }),
});
export type ImportRunDetail = z.infer<typeof importRunDetail>;
