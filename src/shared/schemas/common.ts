// Building blocks shared by every API payload.
import { z } from 'zod';

export const idSchema = z.uuid({ error: 'IDの形式が正しくありません' });
export const idParams = z.object({ id: idSchema });
export const isoDateTime = z.string().describe('ISO 8601 date-time');

/** A calendar date (YYYY-MM-DD) that exists. */
export const calendarDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what}は 1945-04-01 の形で入力してください` })
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      { error: `${what}が存在しない日付です` },
    );

/** Trimmed, required, bounded text. Messages are Japanese: they reach people through the UI. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: '入力してください' })
    .max(max, { error: `${max}文字以内で入力してください` });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${max}文字以内で入力してください` })
    .optional();

/** Furigana: katakana (full width), spaces and the long-vowel mark. */
export const kanaText = (max: number) =>
  requiredText(max).regex(/^[\p{Script=Katakana}ー・\s　]+$/u, { error: 'カタカナで入力してください' });

export const okResponse = z.object({ ok: z.literal(true) });

/** The one error shape every API answer uses: a code for programs, a message for people. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
