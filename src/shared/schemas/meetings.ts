// Payloads of /api/teams/:teamId/meetings/*: scheduling the care-team meeting (担当者会議 日程調整).
import { z } from 'zod';
import { idSchema, isoDateTime, optionalText, requiredText } from './common';

export const meetingAnswerCodes = ['yes', 'maybe', 'no'] as const;
export type MeetingAnswer = (typeof meetingAnswerCodes)[number];
export const MAX_MEETING_OPTIONS = 10;

const dateTime = z.iso.datetime({ offset: true, error: '日時の形式が正しくありません' });

export const meetingOptionInput = z
  .object({ startsAt: dateTime, endsAt: dateTime })
  .refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), {
    error: '終わりの時刻は始まりより後にしてください',
    path: ['endsAt'],
  });

export const meetingCreateRequest = z.object({
  title: requiredText(100),
  place: optionalText(200),
  options: z
    .array(meetingOptionInput)
    .min(1, { error: '候補の日時を1つ以上入れてください' })
    .max(MAX_MEETING_OPTIONS, { error: `候補は${MAX_MEETING_OPTIONS}件までです` })
    .refine((options) => new Set(options.map((o) => Date.parse(o.startsAt))).size === options.length, {
      error: '同じ日時の候補が重複しています',
    }),
});

export const meetingAnswersRequest = z.object({
  answers: z
    .array(
      z.object({
        optionId: idSchema,
        answer: z.enum(meetingAnswerCodes, { error: '○・△・×から選んでください' }),
      }),
    )
    .min(1)
    .max(MAX_MEETING_OPTIONS),
});

export const meetingFixRequest = z.object({ optionId: idSchema });

const answerOf = z.object({ userId: idSchema, displayName: z.string(), answer: z.enum(meetingAnswerCodes) });

export const meetingOption = z.object({
  id: idSchema,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  answers: z.array(answerOf),
});

export const meeting = z.object({
  id: idSchema,
  title: z.string(),
  place: z.string().nullable(),
  status: z.enum(['polling', 'fixed']),
  createdBy: z.string(),
  createdAt: isoDateTime,
  fixedOptionId: idSchema.nullable(),
  options: z.array(meetingOption),
  /** Current members who have not answered yet. */
  waiting: z.array(z.object({ userId: idSchema, displayName: z.string() })),
});
export type Meeting = z.infer<typeof meeting>;
export const meetingList = z.object({ items: z.array(meeting) });
export const meetingParams = z.object({ teamId: idSchema, meetingId: idSchema });
