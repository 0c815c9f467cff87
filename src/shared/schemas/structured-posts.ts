// The structured posts of a timeline: vital signs (バイタル) and visit reports (訪問記録). Their
// fields are checked here, for the form and for the server alike.
import { z } from 'zod';
import { bowelCodes, vitalMeasures } from '../vitals';
import { idSchema, isoDateTime, optionalText } from './common';
import { pastDate } from './patients';

const measureSchema = (m: (typeof vitalMeasures)[number]) => {
  const value = z
    .number({ error: `${m.ja}は数字で入力してください` })
    .min(m.min, { error: `${m.ja}は${m.min}${m.unit}以上で入力してください` })
    .max(m.max, { error: `${m.ja}は${m.max}${m.unit}以下で入力してください` });
  return (
    m.step === 1
      ? value.int({ error: `${m.ja}は整数で入力してください` })
      : value.refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, {
          error: `${m.ja}は小数第1位までで入力してください`,
        })
  ).optional();
};

type MeasureCode = (typeof vitalMeasures)[number]['code'];
const measures = Object.fromEntries(vitalMeasures.map((m) => [m.code, measureSchema(m)])) as {
  [K in MeasureCode]: ReturnType<typeof measureSchema>;
};
const bowel = z.enum(bowelCodes, { error: '排便の項目から選んでください' }).optional();

/** Vitals as stored and shown. */
export const vitalsView = z.object({
  measuredAt: isoDateTime,
  ...(Object.fromEntries(vitalMeasures.map((m) => [m.code, z.number().optional()])) as {
    [K in MeasureCode]: z.ZodOptional<z.ZodNumber>;
  }),
  bowel,
});

/** Vitals as entered: each value in its range, at least one given, blood pressure as a pair. */
export const vitals = z
  .object({
    /** When it was measured; not later than now (a few minutes' clock difference allowed). */
    measuredAt: z.iso
      .datetime({ offset: true, error: '測定日時の形式が正しくありません' })
      .refine((value) => Date.parse(value) <= Date.now() + 5 * 60_000, {
        error: '測定日時に未来の時刻は指定できません',
      })
      .refine((value) => Date.parse(value) >= Date.now() - 366 * 86_400_000, {
        error: '測定日時が1年以上前です。日付を確かめてください',
      }),
    ...measures,
    bowel,
  })
  .refine((v) => vitalMeasures.some((m) => v[m.code] !== undefined) || v.bowel !== undefined, {
    error: '測定した値を1つ以上入力してください',
  })
  .refine((v) => (v.systolic === undefined) === (v.diastolic === undefined), {
    error: '血圧は上と下の両方を入力してください',
    path: ['diastolic'],
  })
  .refine((v) => v.systolic === undefined || v.diastolic === undefined || v.diastolic < v.systolic, {
    error: '血圧の下は上より小さい値です。入れ違いがないか確かめてください',
    path: ['diastolic'],
  });
export type Vitals = z.infer<typeof vitals>;

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻は 09:30 の形で入力してください' });

const visitReportFields = z.object({
  visitedOn: pastDate('訪問日'),
  startTime: clockTime.optional(),
  endTime: clockTime.optional(),
  /** 様子・状態 */
  condition: optionalText(2000),
  /** 実施内容 */
  care: optionalText(2000),
  /** 申し送り・依頼 */
  handover: optionalText(2000),
  nextVisitOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '次回の訪問日は 2026-12-01 の形で入力してください' })
    .refine(
      (value) => {
        const day = Date.parse(`${value}T00:00:00Z`);
        return !Number.isNaN(day) && new Date(day).toISOString().startsWith(value);
      },
      {
        error: '次回の訪問日が存在しない日付です',
      },
    )
    .optional(),
});
/** A visit report as shown. */
export const visitReportView = z.object(
  Object.fromEntries(Object.keys(visitReportFields.shape).map((key) => [key, z.string().optional()])) as {
    [K in keyof typeof visitReportFields.shape]: z.ZodOptional<z.ZodString>;
  },
);

export const visitReport = visitReportFields
  .refine((r) => Boolean(r.condition || r.care), {
    error: '様子か実施内容のどちらかを入力してください',
    path: ['condition'],
  })
  .refine((r) => !r.startTime || !r.endTime || r.endTime > r.startTime, {
    error: '終わりの時刻は始まりより後にしてください',
    path: ['endTime'],
  })
  .refine((r) => !r.nextVisitOn || r.nextVisitOn >= r.visitedOn, {
    error: '次回の訪問日は今回の訪問日より後にしてください',
    path: ['nextVisitOn'],
  });
export type VisitReport = z.infer<typeof visitReport>;

/** What members write; a `notice` is the platform's own (救急隊が閲覧しました …), with no author. */
export const writtenPostKinds = ['text', 'vitals', 'visit_report'] as const;
export const postKinds = [...writtenPostKinds, 'notice'] as const;
export type PostKind = (typeof postKinds)[number];

/** The vitals of a team's patient over a period, oldest first: what the chart draws. */
export const vitalsSeriesQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });
export const vitalsSeries = z.object({
  items: z.array(
    z.object({ postId: idSchema, vitals: vitalsView, recordedBy: z.string(), createdAt: isoDateTime }),
  ),
});
export type VitalsSeries = z.infer<typeof vitalsSeries>;
