// The daily digest by e-mail (毎日のお知らせメール): what waits in the app, as counts only.
import { z } from 'zod';
import { isoDateTime } from './common';

export const DIGEST_CODE_LENGTH = 6;

export const digestSubscribeRequest = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'メールアドレスは254文字以内で入力してください。')
    .pipe(z.email('メールアドレスの形式が正しくありません（例: name@example.jp）。')),
  sendHour: z
    .int()
    .min(0, '配信時刻は0時から23時の間で選んでください。')
    .max(23, '配信時刻は0時から23時の間で選んでください。'),
});
export type DigestSubscribeRequest = z.infer<typeof digestSubscribeRequest>;

export const digestConfirmRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(
      new RegExp(`^\\d{${DIGEST_CODE_LENGTH}}$`),
      `確認コードはメールに記載された${DIGEST_CODE_LENGTH}桁の数字です。`,
    ),
});

export const digestSettings = z.object({
  /** Whether this server can send mail at all (SMTP configured by the operator). */
  available: z.boolean(),
  subscription: z
    .object({
      email: z.string(),
      sendHour: z.number(),
      confirmed: z.boolean(),
      lastSentOn: z.string().nullable(),
      codeExpiresAt: isoDateTime.nullable(),
    })
    .nullable(),
});
export type DigestSettings = z.infer<typeof digestSettings>;

/** What a digest tells: how many of each kind of thing wait. */
export type DigestCounts = {
  unread: number;
  urgent: number;
  mentions: number;
  invitations: number;
  polls: number;
};
